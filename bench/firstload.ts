/**
 * First-load size of the task pane: builds the production bundle, then gzips (level 9) the
 * scripts taskpane.html loads up front and, for reference, each lazily loaded chunk.
 * Budget: 150 KB gzip for the first load (issue 5). Writes bench/results/firstload.json.
 * `npm run bench` runs it too (firstLoad), building once.
 *
 *   npx tsx bench/firstload.ts [--no-build]
 */

import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");
export const FIRST_LOAD_BUDGET = 150 * 1024;

export interface FirstLoad {
  date: string;
  budgetBytes: number;
  initial: Record<string, number>;
  initialGzipBytes: number;
  lazy: Record<string, number>;
  lazyGzipBytes: number;
}

/** Builds dist/ (unless `build` is false: then dist/ must be there) and measures it. */
export function firstLoad(build = true, quiet = false): FirstLoad {
  if (build)
    execFileSync("npx", ["webpack", "--mode", "production"], {
      cwd: ROOT,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      maxBuffer: 1 << 28,
    });
  const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  // Only our own scripts: office.js comes from Microsoft's CDN and is loaded async.
  const initial = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+\.js)"?/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  const lazy = readdirSync(DIST).filter((f) => f.endsWith(".js") && !initial.includes(f));
  const result: FirstLoad = {
    date: new Date().toISOString(),
    budgetBytes: FIRST_LOAD_BUDGET,
    initial: Object.fromEntries(initial.map((f) => [f, gz(f)])),
    initialGzipBytes: initial.reduce((n, f) => n + gz(f), 0),
    lazy: Object.fromEntries(lazy.map((f) => [f, gz(f)])),
    lazyGzipBytes: lazy.reduce((n, f) => n + gz(f), 0),
  };
  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  writeFileSync(join(ROOT, "bench", "results", "firstload.json"), JSON.stringify(result, null, 2) + "\n");
  return result;
}

if (require.main === module) {
  const result = firstLoad(!process.argv.includes("--no-build"));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `first load ${kb(result.initialGzipBytes)} gzip (budget ${kb(FIRST_LOAD_BUDGET)}); lazy ${kb(result.lazyGzipBytes)}`,
  );
  if (result.initialGzipBytes > FIRST_LOAD_BUDGET) process.exitCode = 1;
}
