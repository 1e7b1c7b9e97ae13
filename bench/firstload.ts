/**
 * First-load size of the task pane: builds the production bundle, then gzips (level 9) the
 * scripts taskpane.html loads up front and, for reference, each lazily loaded chunk.
 * Budget: 150 KB gzip for the first load (issue 5). Writes bench/results/firstload.json.
 *
 *   npx tsx bench/firstload.ts [--no-build]
 */

import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");
const BUDGET = 150 * 1024;

if (!process.argv.includes("--no-build")) {
  execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
}

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
// Only our own scripts: office.js comes from Microsoft's CDN and is loaded async.
const initial = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+\.js)"?/g)]
  .map((m) => m[1])
  .filter((src) => !/^https?:/.test(src));
const lazy = readdirSync(DIST).filter((f) => f.endsWith(".js") && !initial.includes(f));

const result = {
  date: new Date().toISOString(),
  budgetBytes: BUDGET,
  initial: Object.fromEntries(initial.map((f) => [f, gz(f)])),
  initialGzipBytes: initial.reduce((n, f) => n + gz(f), 0),
  lazy: Object.fromEntries(lazy.map((f) => [f, gz(f)])),
  lazyGzipBytes: lazy.reduce((n, f) => n + gz(f), 0),
};
mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
writeFileSync(join(ROOT, "bench", "results", "firstload.json"), JSON.stringify(result, null, 2) + "\n");
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `first load ${kb(result.initialGzipBytes)} gzip (budget ${kb(BUDGET)}); lazy ${kb(result.lazyGzipBytes)}`,
);
if (result.initialGzipBytes > BUDGET) process.exitCode = 1;
