/**
 * The Gantt band's cost, in its own process: `apply` of a generated 2,000-task schedule spanning
 * a year, with the band by day and without it, each the whole use-case on the .xlsx host (read,
 * check, plan, write). Prints one JSON line:
 *   { tasks, columns, rules, ranges, applyMs, applyWithoutMs, bandMs, applyCpuMs, applyWithoutCpuMs,
 *     outBytes, outWithoutBytes, maxRssKb }
 * `bandMs` = applyMs − applyWithoutMs: what the band adds; `…CpuMs` the processor time (all threads,
 * the collector's included), which a busy machine inflates less than the wall time.
 * Goal: applyMs ≤ 2,000 ms.
 *
 *   npx tsx bench/gantt.ts [TASKS]
 */

import { runApply } from "../src/app/apply";
import { addDays } from "../src/core/dates";
import { XlsxHost } from "../src/host/xlsx/host";
import { writeXlsx, type CellInput } from "../test/helpers/workbook";

/** Tasks of 3–30 days starting over 2026, one in ten with a 前置任务, some started or done. */
export function scheduleRows(count: number): CellInput[][] {
  const rows: CellInput[][] = [
    ["WBS", "任务名称", "负责人", "计划开始", "计划完成", "实际开始", "实际完成", "完成率", "前置任务"],
  ];
  for (let i = 1; i <= count; i++) {
    const start = addDays("2026-01-05", (i * 7919) % 330);
    const end = addDays(start, 3 + ((i * 31) % 28));
    const started = start < "2026-11-01";
    const done = end < "2026-10-01";
    rows.push([
      String(i),
      `任务${i}`,
      `负责人${i % 40}`,
      { date: start },
      { date: end },
      started ? { date: start } : null,
      done ? { date: end } : null,
      done ? 100 : started ? 40 : 0,
      i > 1 && i % 10 === 0 ? String(i - 1) : null,
    ]);
  }
  return rows;
}

async function timedApply(bytes: Uint8Array, gantt: "day" | "off") {
  const host = new XlsxHost(bytes);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const outcome = await runApply(host, {
    lang: "zh",
    normalize: false,
    notices: false,
    user: "bench",
    asOf: "2026-11-23",
    gantt,
  });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, bytes: host.bytes.length, outcome };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2]) || 2_000;
  const bytes = new Uint8Array(
    await writeXlsx(undefined, [{ name: "进度计划表", rows: scheduleRows(count) }]),
  );
  // One warm-up run of each, so both measure the same warm code.
  await timedApply(bytes, "off");
  await timedApply(bytes, "day");
  const without = await timedApply(bytes, "off");
  const withBand = await timedApply(bytes, "day");
  const g = withBand.outcome.gantt[0];
  process.stdout.write(
    JSON.stringify({
      tasks: g?.tasks ?? 0,
      columns: g?.columns ?? 0,
      rules: g?.rules ?? 0,
      ranges: 1,
      applyMs: Math.round(withBand.ms),
      applyWithoutMs: Math.round(without.ms),
      bandMs: Math.round(withBand.ms - without.ms),
      applyCpuMs: Math.round(withBand.cpuMs),
      applyWithoutCpuMs: Math.round(without.cpuMs),
      outBytes: withBand.bytes,
      outWithoutBytes: without.bytes,
      maxRssKb: process.resourceUsage().maxRSS,
    }) + "\n",
  );
}

if (require.main === module) void main();
