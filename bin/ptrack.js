#!/usr/bin/env node
// Runs the TypeScript CLI directly, so `ptrack` works right after `npm ci` with no build step.
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
