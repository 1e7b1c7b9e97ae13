/**
 * `npm run bench`: how reading and checking a large workbook compares with the floor
 * of simply loading it with exceljs. Each run is a fresh process, so peak memory is
 * per task. Figures go to bench/results/latest.json and a line of history.jsonl.
 *
 *   startup       — a tsx process doing nothing: the share of start-up in the others
 *   (a) exceljs   — new Workbook().xlsx.readFile(file): the floor
 *   (b) readXlsx  — our reader (src/host/xlsx/read.ts)
 *   (c) check     — node bin/ptrack.js check FILE --json --today 2026-11-23: what `ptrack`
 *                   and `npm run ptrack` run (the tsx CLI would add a second process and ~0.4 s)
 *   (d) exceljs read + write — the floor for apply: load the file with exceljs and save it again
 *   (e) apply     — node bin/ptrack.js apply FILE -o OUT --today 2026-11-23 (tables, validation,
 *                   colours, marks, report, notices, log), against (d)
 *   blownCheck    — check on a plan whose rows were copied out to column XFD (bench/blown.ts);
 *                   goal 2 s
 *   cpm           — the critical path on a generated 50,000-task schedule (bench/cpm.ts): one cold
 *                   criticalPath call, in its own process
 *   criticalRules — on the 10,000-row workbook (bench/critical-rules.ts): a whole check, and the
 *                   critical-path, roll-up and milestone rules alone on freshly typed tables
 *   gantt         — apply --gantt=day of a generated 2,000-task schedule over a year (bench/gantt.ts),
 *                   the whole use-case in its own process; `gantt` in the results has the band's
 *                   rule count (constant: 7), its columns, and the time it adds. Goal: ≤ 2 s
 *
 * and, once each (a run takes minutes), on a 250,000-row schedule with 10,000 contracts:
 *   large.check   — (c) on it
 *   large.apply   — (e) on it: must finish within 3 GB peak RSS (about 485,000 findings; the
 *                   校验报告 lists 10,000 of them)
 *
 * and, once, the add-in's figures (not timings):
 *   office        — context.sync() round trips and the largest request/response of the Office.js
 *                   host's read and apply, against the strict fake Excel API (bench/office-sync.ts),
 *                   on a 10,000-row schedule and on FILE
 *   firstLoad     — gzip size of the task pane's first load, from a production build
 *                   (bench/firstload.ts)
 *   pane          — the task pane in Chromium at 350 px, web mode (bench/pane.ts), on FILE
 *                   (60,000 rows) and on a 10,000-row workbook: time from 校验 to findings on
 *                   screen, the longest main-thread task, the JS heap. Goals: 60,000 rows —
 *                   findings ≤ 1.5 × check, no task over 200 ms, heap ≤ 600 MB; 10,000 rows —
 *                   findings ≤ 1.5 s.
 *
 * The tasks take turns, one run of each per round, so a machine that gets busier or quieter
 * during the bench shifts every task alike instead of skewing the ratios.
 *
 * Options: --runs N (default 3, median taken), --regenerate, --no-large (skip the 250,000 rows).
 */

import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { blownWorkbook } from "./blown";
import { firstLoad, type FirstLoad } from "./firstload";
import { GENERATOR_VERSION, generate } from "./generate";
import { officeFigures } from "./office-sync";
import { CHROMIUM } from "../test/helpers/pane-server";
import { paneFigures, type PaneRun } from "./pane";
import { liveFigures, type LiveFigures } from "./live";

const ROOT = resolve(__dirname, "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const BIN = join(ROOT, "bin", "ptrack.js");
const CACHE = join(__dirname, ".cache");
const RESULTS = join(__dirname, "results");
const FILE = join(CACHE, `bench-v${GENERATOR_VERSION}.xlsx`);
const LARGE_ROWS = { 进度计划表: 250_000, 合同执行情况表: 10_000 };
const LARGE_FILE = join(CACHE, `bench-large-v${GENERATOR_VERSION}.xlsx`);
/** The peak RSS apply on LARGE_FILE must stay under. */
const LARGE_BUDGET_MB = 3072;
/** 10,000 rows (8,000 schedule + 2,000 contracts) for the task pane's smaller goal. */
const FILE_10K = join(CACHE, `bench-10k-v${GENERATOR_VERSION}.xlsx`);
/** bench/blown.ts: a plan with rows out to XFD, written on each run (it is small). */
const BLOWN_FILE = join(CACHE, "bench-blown.xlsx");
const TODAY = "2026-11-23";
const TIMEOUT_MS = 180_000;

interface Run {
  /** Wall time of the whole process, start to exit, as the parent saw it. */
  wallMs: number;
  /** Time of the task itself inside the process (no start-up); equals wallMs for (c). */
  taskMs: number;
  maxRssMb: number;
}

interface TaskResult {
  task: string;
  runs: Run[];
  median: Run;
  note?: string;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function medianRun(runs: Run[]): Run {
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    taskMs: median(runs.map((r) => r.taskMs)),
    maxRssMb: median(runs.map((r) => r.maxRssMb)),
  };
}

/** Whole milliseconds and megabytes to one decimal: finer digits are noise here. */
function rounded(r: Run): Run {
  return {
    wallMs: Math.round(r.wallMs),
    taskMs: Math.round(r.taskMs),
    maxRssMb: Math.round(r.maxRssMb * 10) / 10,
  };
}

/** (a) and (b): bench/child.ts reports its own task time and peak RSS. */
function runChild(task: string): Run {
  const start = performance.now();
  const p = spawnSync(TSX, [join(__dirname, "child.ts"), task, FILE], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: TIMEOUT_MS,
  });
  const wallMs = performance.now() - start;
  if (p.status !== 0) throw new Error(`${task} failed (${p.status ?? p.signal}): ${p.stderr.trim()}`);
  const line = p.stdout.trim().split("\n").pop() ?? "";
  const r = JSON.parse(line) as { ms: number; maxRssKb: number };
  return rounded({ wallMs, taskMs: r.ms, maxRssMb: r.maxRssKb / 1024 });
}

/** (c) and (e): the real CLI; peak RSS from the probe preloaded into every Node process it starts. */
function runCli(args: string[], timeout = TIMEOUT_MS): Run {
  const probe = join(tmpdir(), `ptrack-rss-${process.pid}-${Date.now()}.txt`);
  const start = performance.now();
  const p = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout,
    maxBuffer: 1 << 30,
    env: {
      ...process.env,
      PTRACK_RSS_PROBE: probe,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${join(__dirname, "rss-probe.cjs")}`.trim(),
    },
  });
  const wallMs = performance.now() - start;
  // 0 = no error findings, 1 = error findings: both are a completed run.
  if (p.status !== 0 && p.status !== 1)
    throw new Error(`${args[0]} failed (${p.status ?? p.signal}): ${p.stderr.trim()}`);
  const peaks = existsSync(probe)
    ? readFileSync(probe, "utf8")
        .trim()
        .split("\n")
        .map((l) => Number(l.split(" ")[1]))
    : [];
  rmSync(probe, { force: true });
  return rounded({ wallMs, taskMs: wallMs, maxRssMb: Math.max(0, ...peaks) / 1024 });
}

/** The critical path on 50,000 generated tasks (bench/cpm.ts reports its own time and peak RSS). */
function runCpm(): Run {
  const start = performance.now();
  const p = spawnSync(TSX, [join(__dirname, "cpm.ts"), "50000"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: TIMEOUT_MS,
  });
  const wallMs = performance.now() - start;
  if (p.status !== 0) throw new Error(`cpm failed (${p.status ?? p.signal}): ${p.stderr.trim()}`);
  const r = JSON.parse(p.stdout.trim().split("\n").pop() ?? "") as { ms: number; maxRssKb: number };
  return rounded({ wallMs, taskMs: r.ms, maxRssMb: r.maxRssKb / 1024 });
}

/** The critical-path, roll-up and milestone rules' share of a check on the 10,000-row workbook. */
function runCriticalRules(): Run {
  const start = performance.now();
  const p = spawnSync(TSX, [join(__dirname, "critical-rules.ts"), FILE_10K], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: TIMEOUT_MS,
  });
  const wallMs = performance.now() - start;
  if (p.status !== 0) throw new Error(`critical rules failed (${p.status ?? p.signal}): ${p.stderr.trim()}`);
  const r = JSON.parse(p.stdout.trim().split("\n").pop() ?? "") as { rulesMs: number };
  return rounded({ wallMs, taskMs: r.rulesMs, maxRssMb: 0 });
}

/** What the last gantt run measured besides its time (bench/gantt.ts). */
let ganttFigures: Record<string, number> | undefined;

/** apply --gantt on 2,000 tasks × 1 year (bench/gantt.ts reports its own time and rule count). */
function runGantt(): Run {
  const start = performance.now();
  const p = spawnSync(TSX, [join(__dirname, "gantt.ts"), "2000"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: TIMEOUT_MS,
  });
  const wallMs = performance.now() - start;
  if (p.status !== 0) throw new Error(`gantt failed (${p.status ?? p.signal}): ${p.stderr.trim()}`);
  const r = JSON.parse(p.stdout.trim().split("\n").pop() ?? "") as Record<string, number>;
  ganttFigures = r;
  return rounded({ wallMs, taskMs: r.applyMs, maxRssMb: r.maxRssKb / 1024 });
}

const runCheck = (file = FILE, timeout?: number) =>
  runCli(["check", file, "--json", "--today", TODAY], timeout);

function runApply(file = FILE, timeout?: number): Run {
  const out = join(tmpdir(), `ptrack-bench-apply-${process.pid}.xlsx`);
  try {
    return runCli(["apply", file, "-o", out, "--today", TODAY], timeout);
  } finally {
    rmSync(out, { force: true });
  }
}

function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function ratio(a: number, b: number): number {
  return Math.round((a / b) * 100) / 100;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsArg = args.indexOf("--runs");
  const runs = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1]) || 3) : 3;
  mkdirSync(CACHE, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });

  if (!existsSync(FILE) || args.includes("--regenerate")) {
    process.stdout.write(`generating ${FILE} (50,000 + 10,000 rows) …\n`);
    const t = performance.now();
    await generate(FILE);
    process.stdout.write(`  done in ${fmtMs(performance.now() - t)}\n`);
  }
  if (!existsSync(FILE_10K) || args.includes("--regenerate")) await generate(FILE_10K, 8_000, 2_000);
  const fileMb = statSync(FILE).size / 1048576;

  const tasks: Array<{ task: string; once: () => Run }> = [
    { task: "startup", once: () => runChild("startup") },
    { task: "exceljs", once: () => runChild("exceljs") },
    { task: "readXlsx", once: () => runChild("readXlsx") },
    { task: "cpm", once: runCpm },
    { task: "criticalRules", once: runCriticalRules },
    { task: "gantt", once: runGantt },
  ];
  let checkNote: string | undefined;
  if (existsSync(BIN)) {
    tasks.push({ task: "check", once: () => runCheck() });
    tasks.push({ task: "exceljsRoundTrip", once: () => runChild("exceljsRoundTrip") });
    tasks.push({ task: "apply", once: () => runApply() });
    // A WPS plan whose rows were copied out to column XFD (goal: check within 2 s).
    writeFileSync(BLOWN_FILE, blownWorkbook());
    tasks.push({ task: "blownCheck", once: () => runCheck(BLOWN_FILE) });
  } else checkNote = "bin/ptrack.js does not exist yet: (c)–(e) skipped";
  const all = new Map<string, Run[]>(tasks.map((t) => [t.task, []]));
  for (let i = 0; i < runs; i++) {
    for (const { task, once } of tasks) {
      process.stdout.write(`  ${task} run ${i + 1}/${runs} …`);
      const r = once();
      process.stdout.write(` ${fmtMs(r.wallMs)}, ${Math.round(r.maxRssMb)} MB\n`);
      all.get(task)?.push(r);
    }
  }
  const notes: string[] = [];
  const results: TaskResult[] = tasks.map(({ task }) => {
    const r = all.get(task) ?? [];
    return { task, runs: r, median: medianRun(r) };
  });

  // The 250,000-row workbook: once each, a run takes minutes.
  let large: { rows: typeof LARGE_ROWS; sizeMb: number; check: Run; apply: Run; budgetMb: number } | null =
    null;
  if (existsSync(BIN) && !args.includes("--no-large")) {
    if (!existsSync(LARGE_FILE) || args.includes("--regenerate")) {
      process.stdout.write(`generating ${LARGE_FILE} (250,000 + 10,000 rows) …\n`);
      await generate(LARGE_FILE, LARGE_ROWS.进度计划表, LARGE_ROWS.合同执行情况表);
    }
    const long = 20 * 60_000;
    try {
      process.stdout.write("  large check …");
      const check = runCheck(LARGE_FILE, long);
      process.stdout.write(` ${fmtMs(check.wallMs)}, ${Math.round(check.maxRssMb)} MB\n  large apply …`);
      const apply = runApply(LARGE_FILE, long);
      process.stdout.write(` ${fmtMs(apply.wallMs)}, ${Math.round(apply.maxRssMb)} MB\n`);
      const sizeMb = Math.round((statSync(LARGE_FILE).size / 1048576) * 10) / 10;
      large = { rows: LARGE_ROWS, sizeMb, check, apply, budgetMb: LARGE_BUDGET_MB };
    } catch (e) {
      notes.push(`large workbook failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
      process.stdout.write(" failed\n");
    }
  }

  process.stdout.write("  Office.js round trips against the fake …");
  let office: Awaited<ReturnType<typeof officeFigures>> | null = null;
  try {
    office = await officeFigures(FILE);
    process.stdout.write(" done\n");
  } catch (e) {
    notes.push(`office figures failed: ${e instanceof Error ? e.message : String(e)}`);
    process.stdout.write(" failed\n");
  }
  process.stdout.write("  live validation against the fake (10,000 rows) …");
  let live: LiveFigures | null = null;
  try {
    live = await liveFigures(FILE_10K);
    process.stdout.write(" done\n");
  } catch (e) {
    notes.push(`live validation figures failed: ${e instanceof Error ? e.message : String(e)}`);
    process.stdout.write(" failed\n");
  }
  process.stdout.write("  production build for the first-load size …");
  let pane: FirstLoad | null = null;
  try {
    pane = firstLoad(true, true);
    process.stdout.write(" done\n");
  } catch (e) {
    notes.push(`first-load build failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
    process.stdout.write(" failed\n");
  }
  // After the build above: the pane runs from dist/.
  let paneRuns: PaneRun[] | null = null;
  if (pane && existsSync(CHROMIUM)) {
    process.stdout.write("  task pane in Chromium (10,000 and 60,000 rows) …");
    try {
      paneRuns = await paneFigures([FILE_10K, FILE]);
      process.stdout.write(" done\n");
    } catch (e) {
      notes.push(`task pane bench failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
      process.stdout.write(" failed\n");
    }
  } else if (!existsSync(CHROMIUM)) notes.push(`${CHROMIUM} is missing: task pane figures skipped`);
  const firstLoadFigures = pane && {
    initialGzipBytes: pane.initialGzipBytes,
    lazyGzipBytes: pane.lazyGzipBytes,
    budgetBytes: pane.budgetBytes,
  };

  const by = (t: string) => results.find((r) => r.task === t)?.median;
  const a = by("exceljs");
  const b = by("readXlsx");
  const c = by("check");
  const d = by("exceljsRoundTrip");
  const e = by("apply");
  const ratios = {
    readXlsxVsExceljsTime: a && b ? ratio(b.taskMs, a.taskMs) : null,
    readXlsxVsExceljsRss: a && b ? ratio(b.maxRssMb, a.maxRssMb) : null,
    checkVsExceljsTime: a && c ? ratio(c.wallMs, a.wallMs) : null,
    checkVsExceljsRss: a && c ? ratio(c.maxRssMb, a.maxRssMb) : null,
    applyVsExceljsRoundTripTime: d && e ? ratio(e.wallMs, d.wallMs) : null,
    applyVsExceljsRoundTripRss: d && e ? ratio(e.maxRssMb, d.maxRssMb) : null,
  };
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    commit:
      spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ||
      null,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    memGb: Math.round(totalmem() / 2 ** 30),
    file: { rows: { 进度计划表: 50_000, 合同执行情况表: 10_000 }, sizeMb: Math.round(fileMb * 10) / 10 },
    runs,
    tasks: Object.fromEntries(results.map((r) => [r.task, { median: r.median, runs: r.runs }])),
    ratios,
    large,
    gantt: ganttFigures && { ...ganttFigures, goalMs: 2000 },
    office,
    firstLoad: firstLoadFigures,
    live,
    pane: paneRuns && {
      rows10k: paneRuns[0],
      rows60k: paneRuns[1],
      findingsVsCheck: c ? ratio(paneRuns[1].findingsMs, c.wallMs) : null,
    },
    notes: [
      "ratios of time: readXlsx/exceljs on in-process read time; check/exceljs and apply/exceljs read+write on whole-process wall time (both include start-up)",
      "office: syncs and bytes of the Office.js host against the strict fake Excel API; large = FILE, apply without notices",
      "blownCheck: check on bench/blown.ts, a 200-task plan with 40 rows out to column XFD (goal 2 s)",
      ...(checkNote ? [checkNote] : []),
      ...notes,
    ],
  };
  writeFileSync(join(RESULTS, "latest.json"), JSON.stringify(report, null, 2) + "\n");
  appendFileSync(
    join(RESULTS, "history.jsonl"),
    JSON.stringify({
      ...report,
      tasks: undefined,
      medians: Object.fromEntries(results.map((r) => [r.task, r.median])),
    }) + "\n",
  );

  const rows = [
    ["task", "read/task time", "process wall", "peak RSS"],
    ...results.map((r) => [
      r.task,
      fmtMs(r.median.taskMs),
      fmtMs(r.median.wallMs),
      `${Math.round(r.median.maxRssMb)} MB`,
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  process.stdout.write(`\n${FILE} (${fileMb.toFixed(1)} MB), median of ${runs}, Node ${process.version}\n`);
  for (const r of rows) process.stdout.write(r.map((v, i) => v.padEnd(widths[i])).join("  ") + "\n");
  process.stdout.write(
    `\nreadXlsx / exceljs: time ×${ratios.readXlsxVsExceljsTime}, peak RSS ×${ratios.readXlsxVsExceljsRss}\n` +
      (c
        ? `check / exceljs:    time ×${ratios.checkVsExceljsTime}, peak RSS ×${ratios.checkVsExceljsRss}\n` +
          `apply / exceljs read+write: time ×${ratios.applyVsExceljsRoundTripTime}, peak RSS ×${ratios.applyVsExceljsRoundTripRss}\n`
        : `${checkNote}\n`),
  );
  if (ganttFigures)
    process.stdout.write(
      `Gantt band, ${ganttFigures.tasks} tasks × ${ganttFigures.columns} days: apply ${fmtMs(ganttFigures.applyMs)} ` +
        `(without the band ${fmtMs(ganttFigures.applyWithoutMs)}), ${ganttFigures.rules} conditional-format rules\n`,
    );
  if (large)
    process.stdout.write(
      `250,000-row schedule (${large.sizeMb} MB): check ${fmtMs(large.check.wallMs)}, ${Math.round(large.check.maxRssMb)} MB; ` +
        `apply ${fmtMs(large.apply.wallMs)}, ${Math.round(large.apply.maxRssMb)} MB peak RSS ` +
        `(${large.apply.maxRssMb <= large.budgetMb ? "within" : "OVER"} the ${large.budgetMb} MB budget)\n`,
    );
  const mb = (n: number) => `${(n / 1_048_576).toFixed(2)} MB`;
  if (office)
    for (const [label, o] of [
      ["10,000-row schedule", office.orderly10k],
      [`${fileMb.toFixed(1)} MB bench workbook`, office.large],
    ] as const)
      process.stdout.write(
        `Office.js, ${label}: read ${o.read.syncs} syncs (largest response ${mb(o.read.maxResponseBytes)}), ` +
          `apply ${o.apply.syncs} syncs (largest request ${mb(o.apply.maxRequestBytes)})\n`,
      );
  if (live)
    process.stdout.write(
      `live validation, 10,000 rows: ${fmtMs(live.medianMs)} median per edit (max ${fmtMs(live.maxMs)}, CPU ${fmtMs(live.medianCpuMs)}; ` +
        `goal 300 ms) vs full check ${fmtMs(live.fullCheckMs)}; ${live.syncsPerEdit} sync, largest response ${live.maxResponseBytes} B\n`,
    );
  if (pane)
    process.stdout.write(
      `task pane first load: ${(pane.initialGzipBytes / 1024).toFixed(1)} KB gzip (budget ${(pane.budgetBytes / 1024).toFixed(0)} KB), lazy ${(pane.lazyGzipBytes / 1024).toFixed(1)} KB\n`,
    );
  if (paneRuns) {
    for (const [label, r] of [
      ["10,000 rows", paneRuns[0]],
      ["60,000 rows", paneRuns[1]],
    ] as const)
      process.stdout.write(
        `task pane, ${label}: findings ${fmtMs(r.findingsMs)} after 校验 (open ${fmtMs(r.openMs)}), ` +
          `longest main-thread task ${r.longestTaskMs} ms (CPU ${r.longestTaskCpuMs} ms), JS heap ${r.heapMb} MB\n`,
      );
    if (c)
      process.stdout.write(
        `task pane findings / check (60,000 rows): ×${ratio(paneRuns[1].findingsMs, c.wallMs)}\n`,
      );
  }
  for (const n of notes) process.stdout.write(`${n}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
