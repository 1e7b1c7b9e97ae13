/**
 * Where a check's time goes, phase by phase, in one process:
 *   npx tsx bench/phases.ts [FILE] [--today YYYY-MM-DD] [--out JSON]
 * Not part of `npm run bench`; a tool for finding the next thing to make cheaper.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { localise } from "../src/app/check";
import { analyseWorkbook } from "../src/core/check";
import { readXlsx } from "../src/host/xlsx/read";
import { toJson } from "../src/cli/main";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file =
    args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--")) ??
    join(__dirname, ".cache", "bench-v1.xlsx");
  const t = args.indexOf("--today");
  const asOf = t >= 0 ? args[t + 1] : "2026-11-23";
  // CPU time beside wall time: on a shared machine it is the steadier of the two.
  const lap = (() => {
    let last = performance.now();
    let lastCpu = process.cpuUsage();
    return (label: string) => {
      const now = performance.now();
      const cpu = process.cpuUsage(lastCpu);
      process.stderr.write(
        `${label.padEnd(10)} ${Math.round(now - last)} ms  cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms\n`,
      );
      last = now;
      lastCpu = process.cpuUsage();
    };
  })();
  const wb = await readXlsx(file);
  lap("read");
  const analysis = analyseWorkbook(wb, { asOf });
  lap("analyse");
  const report = localise(analysis.result, "zh");
  lap("localise");
  const json = toJson(file, report);
  lap("toJson");
  const o = args.indexOf("--out");
  if (o >= 0) writeFileSync(args[o + 1], json);
  process.stderr.write(
    `findings ${report.findings.length}, notices ${report.notices.length}, json ${json.length} chars, ` +
      `rss ${Math.round(process.memoryUsage().rss / 1048576)} MB\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(String(e) + "\n");
  process.exit(1);
});
