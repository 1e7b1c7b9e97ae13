/**
 * `npm run bench:real` (and the end of `npm run bench`): how the product's `check` does on real
 * public workbooks nobody here wrote, scored against a person's labels of each sheet.
 *
 * The workbooks hold personal data and are never in the repository. Their labels are:
 * bench/real-workbooks.json gives, per file, its public source (repository, path, commit), its
 * sha256 and the tables a 客服经理 would point at — sheet, kind, header rows, data rows, the key
 * columns (field → column letter, or the letters that are all acceptable), the rows inside the
 * table that are not data (title/band/heading/total rows), and `optional` for tables whose
 * recognition is neither required nor wrong. Entries sharing a `group` (one sheet per contract)
 * count together as one table in recall.
 *
 *   PTRACK_REAL_WORKBOOKS  folder of the .xlsx files (default /work/realwb/files); absent → skipped
 *   PTRACK_REAL_LABELS     labels file (default bench/real-workbooks.json), e.g. a held-out set
 *   PTRACK_REAL_TIMEOUT_MS per-file time limit (default 120000)
 *   PTRACK_REAL_HEAP_MB    per-file V8 heap limit (default 3072)
 *
 * Each file is checked by the CLI's own code path (`node bin/ptrack.js check FILE --json --today
 * 2026-11-23`) in a child process, so its time and peak RSS are its own. Reported:
 *   recall          labelled tables found on the right sheet and header row, with the right kind
 *                   and every key column mapped to its labelled letter
 *   false tables    found tables not in the labels (any table on a file with no domain table
 *                   counts), and labelled tables found with the wrong kind
 *   non-data errors error findings on rows the labels mark as not data, inside a found table
 *   slowest file    wall time and peak RSS, against the goals (5 s, 1 GB)
 * Results go to bench/results/real-workbooks.json (and a line of real-workbooks-history.jsonl).
 */

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const BIN = join(ROOT, "bin", "ptrack.js");
const RESULTS = join(__dirname, "results");
const TODAY = "2026-11-23";
const GOAL_MS = 5_000;
const GOAL_RSS_MB = 1_024;

export type Letters = string | string[];

export interface LabelTable {
  sheet: string;
  kind: string;
  /** First and last header row (1-based); a found table's header row must fall inside. */
  header: [number, number];
  data?: [number, number] | null;
  keys: Record<string, Letters>;
  nonData?: number[];
  optional?: boolean;
  group?: string;
  side?: string;
}

export interface LabelFile {
  file: string;
  source: { repository: string; path: string; commit: string };
  sha256: string;
  domain: boolean;
  tables: LabelTable[];
}

/** The parts of `check --json` the score reads. */
export interface FoundTable {
  sheet: string;
  kind: string;
  headerRow: number;
  firstRow?: number;
  lastRow?: number;
  columns: Record<string, string>;
}

export interface FoundFinding {
  rule: string;
  severity: string;
  sheet?: string;
  row?: number;
}

export interface FileScore {
  /** Required labels found right / required labels (groups excluded). */
  found: number;
  required: number;
  /** Per group: entries found right / entries. */
  groups: Record<string, { found: number; of: number }>;
  missed: string[];
  wrongKeys: string[];
  wrongKind: string[];
  /** Payables read as receivables: they would be dunned. */
  payablesAsReceivable: string[];
  falseTables: string[];
  optionalFound: string[];
  nonDataErrors: number;
  nonDataErrorRules: Record<string, number>;
  errorsInFalseTables: number;
}

const lettersOf = (l: Letters) => (Array.isArray(l) ? l : [l]);

/** A found table's mapping covers a key when the field (or a numbered copy, planStart1) sits in one of its letters. */
function keyMapped(columns: Record<string, string>, field: string, letters: Letters): boolean {
  const ok = lettersOf(letters);
  return Object.entries(columns).some(
    ([k, letter]) => (k === field || new RegExp(`^${field}\\d+$`).test(k)) && ok.includes(letter),
  );
}

function labelName(l: LabelTable): string {
  return `${l.sheet}!${l.header[0]}${l.header[1] !== l.header[0] ? `-${l.header[1]}` : ""} ${l.kind}`;
}

export function scoreFile(label: LabelFile, tables: FoundTable[], findings: FoundFinding[]): FileScore {
  const s: FileScore = {
    found: 0,
    required: 0,
    groups: {},
    missed: [],
    wrongKeys: [],
    wrongKind: [],
    payablesAsReceivable: [],
    falseTables: [],
    optionalFound: [],
    nonDataErrors: 0,
    nonDataErrorRules: {},
    errorsInFalseTables: 0,
  };
  const errors = findings.filter(
    (f) => f.severity === "error" && f.sheet !== undefined && f.row !== undefined,
  );
  const right = new Set<LabelTable>();
  for (const t of tables) {
    const l = label.tables.find(
      (x) => x.sheet === t.sheet && t.headerRow >= x.header[0] && t.headerRow <= x.header[1],
    );
    if (!l) {
      s.falseTables.push(`${t.sheet}!${t.headerRow} ${t.kind}`);
      const last = t.lastRow ?? Number.MAX_SAFE_INTEGER;
      s.errorsInFalseTables += errors.filter(
        (f) => f.sheet === t.sheet && f.row! > t.headerRow && f.row! <= last,
      ).length;
      continue;
    }
    // Rows the labels say are not data, and header rows below the one the product took.
    const notData = new Set(l.nonData ?? []);
    for (let r = t.headerRow + 1; r <= l.header[1]; r++) notData.add(r);
    for (const f of errors) {
      if (f.sheet === t.sheet && notData.has(f.row!)) {
        s.nonDataErrors++;
        s.nonDataErrorRules[f.rule] = (s.nonDataErrorRules[f.rule] ?? 0) + 1;
      }
    }
    if (t.kind !== l.kind) {
      s.wrongKind.push(`${labelName(l)} read as ${t.kind}`);
      if (l.kind === "payables" && t.kind === "payments") s.payablesAsReceivable.push(labelName(l));
      continue;
    }
    if (l.optional) {
      s.optionalFound.push(labelName(l));
      continue;
    }
    const missing = Object.entries(l.keys)
      .filter(([field, letters]) => !keyMapped(t.columns, field, letters))
      .map(([field, letters]) => `${field}@${lettersOf(letters).join("|")}`);
    if (missing.length) s.wrongKeys.push(`${labelName(l)}: ${missing.join(", ")}`);
    else right.add(l);
  }
  for (const l of label.tables) {
    if (l.optional) continue;
    if (l.group) {
      const g = (s.groups[l.group] ??= { found: 0, of: 0 });
      g.of++;
      if (right.has(l)) g.found++;
      continue;
    }
    s.required++;
    if (right.has(l)) s.found++;
    else s.missed.push(labelName(l));
  }
  return s;
}

export interface Totals {
  files: number;
  /** (required found + group fractions) / (required + groups). */
  recall: number | null;
  requiredFound: number;
  required: number;
  groups: Record<string, { found: number; of: number }>;
  falseTables: number;
  falseTablesOnNonDomainFiles: number;
  wrongKind: number;
  payablesAsReceivable: number;
  nonDataErrors: number;
  errorsInFalseTables: number;
  failedFiles: number;
}

export function totals(scored: { label: LabelFile; score: FileScore | null; failed?: string }[]): Totals {
  const t: Totals = {
    files: scored.length,
    recall: null,
    requiredFound: 0,
    required: 0,
    groups: {},
    falseTables: 0,
    falseTablesOnNonDomainFiles: 0,
    wrongKind: 0,
    payablesAsReceivable: 0,
    nonDataErrors: 0,
    errorsInFalseTables: 0,
    failedFiles: 0,
  };
  for (const { label, score, failed } of scored) {
    if (failed || !score) {
      t.failedFiles++;
      // A file that could not be checked found nothing.
      for (const l of label.tables) {
        if (l.optional) continue;
        if (l.group) (t.groups[l.group] ??= { found: 0, of: 0 }).of += 1;
        else t.required++;
      }
      continue;
    }
    t.requiredFound += score.found;
    t.required += score.required;
    for (const [g, v] of Object.entries(score.groups)) {
      const acc = (t.groups[g] ??= { found: 0, of: 0 });
      acc.found += v.found;
      acc.of += v.of;
    }
    t.falseTables += score.falseTables.length + score.wrongKind.length;
    if (!label.domain) t.falseTablesOnNonDomainFiles += score.falseTables.length;
    t.wrongKind += score.wrongKind.length;
    t.payablesAsReceivable += score.payablesAsReceivable.length;
    t.nonDataErrors += score.nonDataErrors;
    t.errorsInFalseTables += score.errorsInFalseTables;
  }
  const groups = Object.values(t.groups);
  const denominator = t.required + groups.length;
  const numerator = t.requiredFound + groups.reduce((a, g) => a + (g.of ? g.found / g.of : 0), 0);
  t.recall = denominator ? Math.round((numerator / denominator) * 1000) / 1000 : null;
  return t;
}

interface Run {
  wallMs: number;
  maxRssMb: number;
  exit: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

function runCheck(file: string, timeoutMs: number, heapMb: number): Run {
  const probe = join(tmpdir(), `ptrack-real-rss-${process.pid}-${Date.now()}.txt`);
  const start = performance.now();
  const p = spawnSync(process.execPath, [BIN, "check", file, "--json", "--today", TODAY], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: timeoutMs,
    killSignal: "SIGKILL",
    maxBuffer: 1 << 30,
    env: {
      ...process.env,
      PTRACK_RSS_PROBE: probe,
      NODE_OPTIONS:
        `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${heapMb} --require ${join(__dirname, "rss-probe.cjs")}`.trim(),
    },
  });
  const wallMs = Math.round(performance.now() - start);
  const peaks = existsSync(probe)
    ? readFileSync(probe, "utf8")
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((l) => Number(l.split(" ")[1]))
    : [];
  rmSync(probe, { force: true });
  return {
    wallMs,
    maxRssMb: Math.round(Math.max(0, ...peaks) / 1024),
    exit: p.status,
    timedOut: p.error !== undefined && (p.error as NodeJS.ErrnoException).code === "ETIMEDOUT",
    stdout: p.stdout ?? "",
    stderr: p.stderr ?? "",
  };
}

/** Columns a character takes in a terminal: CJK and full-width forms take two. */
const cols = (ch: string) => (/[\u1100-\uffff]/.test(ch) ? 2 : 1);

/** Pads to n columns, cutting the text (with …) when it is wider than n - 1. */
function pad(s: string | number, n: number): string {
  let str = String(s);
  let width = [...str].reduce((w, ch) => w + cols(ch), 0);
  if (width > n - 1) {
    let out = "";
    let w = 1;
    for (const ch of str) {
      if (w + cols(ch) > n - 1) break;
      out += ch;
      w += cols(ch);
    }
    str = out + "…";
    width = w;
  }
  return str + " ".repeat(Math.max(0, n - width));
}

/** owner/…tail of the path, for the table. */
function shortName(file: string): string {
  const parts = file.replace(/\.xlsx$/, "").split("__");
  const tail = [...parts.slice(2).join("/")];
  return `${parts[0]}/${tail.length > 14 ? "…" + tail.slice(-13).join("") : tail.join("")}`;
}

function main(): void {
  const dir = process.env.PTRACK_REAL_WORKBOOKS ?? "/work/realwb/files";
  const labelsPath = process.env.PTRACK_REAL_LABELS ?? join(__dirname, "real-workbooks.json");
  if (!existsSync(dir)) {
    process.stdout.write(
      `real workbooks: skipped — no folder ${dir} (set PTRACK_REAL_WORKBOOKS to the downloaded files; sources in ${labelsPath})\n`,
    );
    return;
  }
  const timeoutMs = Number(process.env.PTRACK_REAL_TIMEOUT_MS ?? 120_000);
  const heapMb = Number(process.env.PTRACK_REAL_HEAP_MB ?? 3072);
  const labels = (JSON.parse(readFileSync(labelsPath, "utf8")) as { files: LabelFile[] }).files;
  const present = new Set(readdirSync(dir));
  const notes: string[] = [];
  const rows: {
    label: LabelFile;
    score: FileScore | null;
    failed?: string;
    wallMs: number;
    maxRssMb: number;
    tables: number;
    errors: number;
  }[] = [];
  for (const label of labels) {
    if (!present.has(label.file)) {
      notes.push(`absent: ${label.file}`);
      continue;
    }
    const path = join(dir, label.file);
    const sha = createHash("sha256").update(readFileSync(path)).digest("hex");
    if (sha !== label.sha256) {
      notes.push(`sha256 differs, skipped: ${label.file}`);
      continue;
    }
    process.stdout.write(`  ${shortName(label.file)} …`);
    const r = runCheck(path, timeoutMs, heapMb);
    // Messages name the file as the labels do, not by this machine's folder.
    r.stderr = r.stderr.split(path).join(label.file);
    let failed: string | undefined;
    let score: FileScore | null = null;
    let tables = 0;
    let errors = 0;
    if (r.timedOut) failed = `timed out after ${timeoutMs} ms`;
    else if (r.exit === 2 && label.tables.length === 0) {
      // A workbook with nothing to find, refused with one sentence (an empty file): nothing found, nothing wrong.
      score = scoreFile(label, [], []);
      notes.push(
        `refused (exit 2, no labelled tables): ${label.file}: ${r.stderr.trim().split("\n")[0] ?? ""}`,
      );
    } else if (r.exit !== 0 && r.exit !== 1)
      failed = `exit ${r.exit}: ${r.stderr.trim().split("\n")[0] ?? ""}`;
    else {
      try {
        const out = JSON.parse(r.stdout) as { tables: FoundTable[]; findings: FoundFinding[] };
        score = scoreFile(label, out.tables, out.findings);
        tables = out.tables.length;
        errors = out.findings.filter((f) => f.severity === "error").length;
      } catch (e) {
        failed = `unreadable output: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    process.stdout.write(` ${(r.wallMs / 1000).toFixed(1)} s${failed ? ` — ${failed}` : ""}\n`);
    rows.push({ label, score, failed, wallMs: r.wallMs, maxRssMb: r.maxRssMb, tables, errors });
  }
  const unlabelled = [...present].filter((f) => f.endsWith(".xlsx") && !labels.some((l) => l.file === f));
  if (unlabelled.length)
    notes.push(`${unlabelled.length} .xlsx in the folder have no labels and were not run`);

  const sum = totals(rows);
  const slowest = rows.reduce<(typeof rows)[number] | null>(
    (a, r) => (!a || r.wallMs > a.wallMs ? r : a),
    null,
  );
  const hungriest = rows.reduce<(typeof rows)[number] | null>(
    (a, r) => (!a || r.maxRssMb > a.maxRssMb ? r : a),
    null,
  );
  const overGoal = rows
    .filter((r) => r.wallMs > GOAL_MS || r.maxRssMb > GOAL_RSS_MB)
    .map((r) => r.label.file);

  process.stdout.write("\n");
  process.stdout.write(
    `${pad("file", 34)}${pad("found", 9)}${pad("false", 7)}${pad("non-data err", 14)}${pad("s", 7)}MB\n`,
  );
  for (const r of rows) {
    const s = r.score;
    const found = s ? `${s.found}/${s.required}` + (Object.keys(s.groups).length ? "+g" : "") : "—";
    const falseN = s ? s.falseTables.length + s.wrongKind.length : "—";
    process.stdout.write(
      `${pad(shortName(r.label.file), 34)}${pad(found, 9)}${pad(falseN, 7)}${pad(s ? s.nonDataErrors : "—", 14)}${pad((r.wallMs / 1000).toFixed(1), 7)}${r.maxRssMb}${r.failed ? `  ${r.failed}` : ""}\n`,
    );
  }
  const groupText = Object.entries(sum.groups)
    .map(([g, v]) => `${g}: ${v.found}/${v.of}`)
    .join("; ");
  process.stdout.write(
    `\nrecall ${sum.recall === null ? "—" : `${Math.round(sum.recall * 1000) / 10}%`} ` +
      `(${sum.requiredFound}/${sum.required} tables${groupText ? `; groups ${groupText}` : ""})` +
      ` · false tables ${sum.falseTables} (on non-domain files ${sum.falseTablesOnNonDomainFiles}, wrong kind ${sum.wrongKind}, payables as receivable ${sum.payablesAsReceivable})` +
      ` · error findings on non-data rows ${sum.nonDataErrors}` +
      ` · slowest ${slowest ? `${(slowest.wallMs / 1000).toFixed(1)} s (${shortName(slowest.label.file)})` : "—"}` +
      ` · peak RSS ${hungriest ? `${hungriest.maxRssMb} MB (${shortName(hungriest.label.file)})` : "—"}` +
      ` · failed ${sum.failedFiles}\n`,
  );
  for (const n of notes) process.stdout.write(`  note: ${n}\n`);

  const commit =
    spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ||
    null;
  const report = {
    date: new Date().toISOString(),
    commit,
    node: process.version,
    today: TODAY,
    labels: labelsPath.startsWith(ROOT) ? labelsPath.slice(ROOT.length + 1) : labelsPath,
    goals: { recall: 0.9, falseTables: 0, nonDataErrors: 0, maxMs: GOAL_MS, maxRssMb: GOAL_RSS_MB },
    summary: {
      ...sum,
      slowest: slowest && { file: slowest.label.file, ms: slowest.wallMs, maxRssMb: slowest.maxRssMb },
      peakRss: hungriest && {
        file: hungriest.label.file,
        ms: hungriest.wallMs,
        maxRssMb: hungriest.maxRssMb,
      },
      overGoal,
    },
    files: rows.map((r) => ({
      file: r.label.file,
      ms: r.wallMs,
      maxRssMb: r.maxRssMb,
      tablesFound: r.tables,
      errorFindings: r.errors,
      failed: r.failed,
      ...(r.score ?? {}),
    })),
    notes,
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, "real-workbooks.json"), JSON.stringify(report, null, 2) + "\n");
  appendFileSync(
    join(RESULTS, "real-workbooks-history.jsonl"),
    JSON.stringify({ date: report.date, commit, labels: report.labels, summary: report.summary }) + "\n",
  );
  process.stdout.write(`  → bench/results/real-workbooks.json\n`);
}

if (require.main === module) main();
