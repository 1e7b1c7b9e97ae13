/* Builds the task pane and the ribbon commands' function file into dist/.
 * The manifest is copied with the dev URL replaced by PTRACK_URL in production builds. */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  const prodUrl = process.env.PTRACK_URL || "https://ptrack.example.invalid/";
  return {
    devtool: dev ? "source-map" : false,
    entry: { taskpane: "./src/taskpane/index.tsx", commands: "./src/commands/office.ts" },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].[contenthash:8].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, loader: "ts-loader", options: { transpileOnly: true }, exclude: /node_modules/ },
        // chinese-days ships an ES module under a CommonJS package.json.
        { test: /chinese-days[\\/]dist[\\/]index\.es\.js$/, type: "javascript/esm" },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(prodUrl)),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      server: "https",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
    },
    performance: { hints: false },
  };
};
