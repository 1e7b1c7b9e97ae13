/**
 * `npm run bench:real` (and the end of `npm run bench`): how the product's `check` does on real
 * public workbooks nobody here wrote, scored against a person's labels of each sheet.
 *
 * The workbooks hold personal data and are never in the repository. Their labels are:
 * bench/real-workbooks.json gives, per file, its public source (repository, path, commit), its
 * sha256 and the tables a 客服经理 would point at — sheet, kind, header rows, data rows, the key
 * columns (field → column letter, or the letters that are all acceptable; `a|b` accepts either
 * field), the rows inside the
 * table that are not data (title/band/heading/total rows), and `optional` for tables whose
 * recognition is neither required nor wrong. Entries sharing a `group` (one sheet per contract)
 * count together as one table in recall.
 *
 *   PTRACK_REAL_WORKBOOKS  folder(s) of the .xlsx files, `:`-separated (default /work/realwb/files,
 *                          /work/realwb/heldout, /work/realwb/heldout2, /work/realwb/heldout3,
 *                          /work/realwb/heldout4, /work/realwb/heldout5, /work/realwb/heldout6,
 *                          /work/realwb/heldout7, /work/realwb/heldout8, /work/realwb/heldout9, /work/realwb/heldout10
 *                          /work/realwb/heldout11, /work/realwb/heldout12, /work/realwb/heldout13,
 *                          /work/realwb/heldout14, /work/realwb/heldout15 and
 *                          /work/realwb/heldout16); a
 *                          file is taken from the
 *                          first folder holding it;
 *                          none present → skipped
 *   PTRACK_REAL_LABELS     labels file (default bench/real-workbooks.json), e.g. a held-out set
 *   PTRACK_REAL_TIMEOUT_MS per-file time limit (default 120000)
 *   PTRACK_REAL_HEAP_MB    per-file V8 heap limit (default 3072)
 *   PTRACK_REAL_ROOT       checkout whose bin/ptrack.js is measured (default this one), e.g. another
 *                          branch's worktree
 *   PTRACK_REAL_RESULTS    folder for the results (default bench/results of this checkout)
 *
 * Each file is checked by the CLI's own code path (`node bin/ptrack.js check FILE --json --today
 * 2026-11-23`) in a child process, so its time and peak RSS are its own. Reported:
 *   recall          labelled tables found on the right sheet and header row, with the right kind
 *                   and every key column mapped to its labelled letter
 *   false tables    found tables not in the labels (any table on a file with no domain table
 *                   counts), and labelled tables found with the wrong kind
 *   non-data errors error findings on rows the labels mark as not data, inside a found table
 *   slowest file    wall time and peak RSS, against the goals (5 s, 1 GB), with its CPU time and the
 *                   machine's load average, since a loaded machine stretches wall times
 * Entries may name a `set`: `heldout` marks workbooks added after the recognition was tuned, never
 * looked at while tuning it (`heldout2` … `heldout6`: later such rounds, `heldout3` onwards labelled
 * before the product was first run on them; `heldout4` holds contract ledgers and payment lists,
 * `heldout5` schedules, `heldout6` both, `heldout7` both again with old .xls workbooks converted to
 * .xlsx by LibreOffice, `heldout8` mostly schedules with a few contract and repayment lists,
 * `heldout9` schedules in ten languages with a few foreign contract ledgers, `heldout10` likewise in
 * eight languages, `heldout11` Chinese schedules, simplified and traditional, `heldout12` schedules in seven languages
 * with a few contract ledgers and receivables, `heldout13` Chinese schedules, contract ledgers and
 * receivables, `heldout14` Chinese schedules from sub-folders with a purchase ledger and its payables,
 * `heldout15` Chinese study and project plans with a few in English and Russian, a contract ledger and
 * two receivables lists, `heldout16` contract imports, receipt and payment lists and a few plans); each
 * set's scores are reported on a line of their own as well.
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
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
/** The checkout under test. */
const SUBJECT = resolve(process.env.PTRACK_REAL_ROOT ?? ROOT);
const BIN = join(SUBJECT, "bin", "ptrack.js");
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
  /** Phases across columns: phase name → its `start-end` letters, left to right. */
  phases?: Record<string, string>;
  /** Tasks the table makes: one per row and filled phase under phases across columns. */
  tasks?: number;
}

export interface LabelFile {
  file: string;
  source: { repository: string; path: string; commit: string };
  sha256: string;
  domain: boolean;
  /** Generated by a program (sample data in a public repository), not kept by people. */
  generated?: boolean;
  /** `heldout`: added after the recognition was tuned, to measure how it does on unseen workbooks. */
  set?: string;
  /** For an old .xls workbook: the stored file is its LibreOffice conversion to .xlsx; this names
   *  the original (its path in the source repository and its own sha256). */
  convertedFrom?: { path: string; sha256: string };
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
  phases?: Array<{ name: string; start: string; end: string }>;
  tasks?: number;
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

/**
 * A found table's mapping covers a key when the field (or a numbered copy, planStart1) sits in one
 * of its letters. A key `planStart|planEnd` accepts either field (one date per task, either reading).
 */
function keyMapped(columns: Record<string, string>, key: string, letters: Letters): boolean {
  const ok = lettersOf(letters);
  const fields = key.split("|");
  return Object.entries(columns).some(
    ([k, letter]) =>
      fields.some((field) => k === field || new RegExp(`^${field}\\d+$`).test(k)) && ok.includes(letter),
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
    // Tables side by side share their header row: the label whose key columns the table maps; else,
    // where one table is labelled with two readings (a project ledger as contracts, and as a plan
    // optionally), the reading of the kind it was read as.
    const at = label.tables.filter(
      (x) => x.sheet === t.sheet && t.headerRow >= x.header[0] && t.headerRow <= x.header[1],
    );
    const l =
      at.find((x) =>
        Object.entries(x.keys).every(([field, letters]) => keyMapped(t.columns, field, letters)),
      ) ??
      at.find((x) => x.kind === t.kind) ??
      at[0];
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
    if (l.phases) {
      const want = Object.entries(l.phases).map(([name, at]) => `${name}@${at}`);
      const got = (t.phases ?? []).map((p) => `${p.name}@${p.start}-${p.end}`);
      if (want.join() !== got.join())
        missing.push(`phases ${want.join(" ")} (read: ${got.join(" ") || "none"})`);
    }
    if (l.tasks !== undefined && t.tasks !== l.tasks)
      missing.push(`tasks ${l.tasks} (read: ${t.tasks ?? "one per row"})`);
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

/** Totals per set of workbooks (`tuned` for entries naming none), so unseen workbooks are scored apart. */
export function totalsBySet(
  scored: { label: LabelFile; score: FileScore | null; failed?: string }[],
): Record<string, Totals> {
  const names = [...new Set(scored.map((r) => r.label.set ?? "tuned"))].sort();
  return Object.fromEntries(
    names.map((name) => [name, totals(scored.filter((r) => (r.label.set ?? "tuned") === name))]),
  );
}

interface Run {
  wallMs: number;
  /** CPU time of the command's Node processes (user + system). */
  cpuMs: number;
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
    cwd: SUBJECT,
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
  const lines = existsSync(probe)
    ? readFileSync(probe, "utf8")
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((l) => l.split(" ").map(Number))
    : [];
  const peaks = lines.map((l) => l[1]);
  rmSync(probe, { force: true });
  return {
    wallMs,
    cpuMs: Math.round(lines.reduce((a, l) => a + (l[2] || 0), 0) / 1000),
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

/** A workbook converted from .xls on another machine: LibreOffice writes other bytes each time
 *  (timestamps), so such a file counts as the labelled one when a `<file>.original-sha256` beside it
 *  names the original the label was converted from (written by whoever converted it again). */
export function convertedAgain(path: string, label: LabelFile): boolean {
  if (!label.convertedFrom || !existsSync(`${path}.original-sha256`)) return false;
  return readFileSync(`${path}.original-sha256`, "utf8").trim() === label.convertedFrom.sha256;
}

/** owner/…tail of the path, for the table. */
function shortName(file: string): string {
  const parts = file.replace(/\.xlsx$/, "").split("__");
  const tail = [...parts.slice(2).join("/")];
  return `${parts[0]}/${tail.length > 14 ? "…" + tail.slice(-13).join("") : tail.join("")}`;
}

function main(): void {
  const dirs = (
    process.env.PTRACK_REAL_WORKBOOKS ??
    "/work/realwb/files:/work/realwb/heldout:/work/realwb/heldout2:/work/realwb/heldout3:/work/realwb/heldout4:/work/realwb/heldout5:/work/realwb/heldout6:/work/realwb/heldout7:/work/realwb/heldout8:/work/realwb/heldout9:/work/realwb/heldout10:/work/realwb/heldout11:/work/realwb/heldout12:/work/realwb/heldout13:/work/realwb/heldout14:/work/realwb/heldout15:/work/realwb/heldout16"
  )
    .split(":")
    .filter((d) => d !== "" && existsSync(d));
  const dir = dirs.join(":") || (process.env.PTRACK_REAL_WORKBOOKS ?? "/work/realwb/files");
  const labelsPath = process.env.PTRACK_REAL_LABELS ?? join(__dirname, "real-workbooks.json");
  if (dirs.length === 0) {
    process.stdout.write(
      `real workbooks: skipped — no folder ${dir} (set PTRACK_REAL_WORKBOOKS to the downloaded files; sources in ${labelsPath})\n`,
    );
    return;
  }
  const loadStart = loadavg()[0];
  const timeoutMs = Number(process.env.PTRACK_REAL_TIMEOUT_MS ?? 120_000);
  const heapMb = Number(process.env.PTRACK_REAL_HEAP_MB ?? 3072);
  const labelDoc = JSON.parse(readFileSync(labelsPath, "utf8")) as {
    files: LabelFile[];
    /** Per later round: its recall before any fix made from it, e.g. "5/14". */
    firstScores?: Record<string, string>;
  };
  const labels = labelDoc.files;
  // File name → the first folder holding it.
  const folderOf = new Map<string, string>();
  for (const d of dirs) for (const f of readdirSync(d)) if (!folderOf.has(f)) folderOf.set(f, d);
  const present = new Set(folderOf.keys());
  // What every file's time includes before any reading: starting node and the CLI (`ptrack --help`).
  const startStart = performance.now();
  spawnSync(process.execPath, [BIN, "--help"], { cwd: SUBJECT, encoding: "utf8", timeout: timeoutMs });
  const startupMs = Math.round(performance.now() - startStart);
  const notes: string[] = [];
  const rows: {
    label: LabelFile;
    score: FileScore | null;
    failed?: string;
    wallMs: number;
    cpuMs: number;
    maxRssMb: number;
    tables: number;
    errors: number;
  }[] = [];
  for (const label of labels) {
    if (!present.has(label.file)) {
      notes.push(`absent: ${label.file}`);
      continue;
    }
    const path = join(folderOf.get(label.file)!, label.file);
    const sha = createHash("sha256").update(readFileSync(path)).digest("hex");
    if (sha !== label.sha256 && !convertedAgain(path, label)) {
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
    rows.push({
      label,
      score,
      failed,
      wallMs: r.wallMs,
      cpuMs: r.cpuMs,
      maxRssMb: r.maxRssMb,
      tables,
      errors,
    });
  }
  const unlabelled = [...present].filter((f) => f.endsWith(".xlsx") && !labels.some((l) => l.file === f));
  if (unlabelled.length)
    notes.push(`${unlabelled.length} .xlsx in the folder have no labels and were not run`);

  const sum = totals(rows);
  const real = totals(rows.filter((r) => !r.label.generated));
  const bySet = totalsBySet(rows);
  const sets = Object.keys(bySet);
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
      ` · slowest ${slowest ? `${(slowest.wallMs / 1000).toFixed(1)} s (${shortName(slowest.label.file)}; CPU ${(slowest.cpuMs / 1000).toFixed(1)} s)` : "—"}` +
      ` · peak RSS ${hungriest ? `${hungriest.maxRssMb} MB (${shortName(hungriest.label.file)})` : "—"}` +
      ` · failed ${sum.failedFiles} · start-up alone ${(startupMs / 1000).toFixed(1)} s` +
      ` · load average ${loadStart.toFixed(1)} → ${loadavg()[0].toFixed(1)} on ${cpus().length} cores\n`,
  );
  process.stdout.write(
    `recall on workbooks kept by people (generated samples left out): ${real.recall === null ? "—" : `${Math.round(real.recall * 1000) / 10}%`} (${real.requiredFound}/${real.required} tables)\n`,
  );
  if (sets.length > 1) {
    for (const [name, t] of Object.entries(bySet)) {
      process.stdout.write(
        `  ${name.startsWith("heldout") ? `${name} (added after tuning${labelDoc.firstScores?.[name] ? `; ${labelDoc.firstScores[name]} before fixes made from it` : ""})` : name}: ${t.files} files · recall ${t.recall === null ? "—" : `${Math.round(t.recall * 1000) / 10}%`} (${t.requiredFound}/${t.required} tables) · false tables ${t.falseTables} (on non-domain files ${t.falseTablesOnNonDomainFiles}) · error findings on non-data rows ${t.nonDataErrors}\n`,
      );
    }
  }
  const absent = notes.filter((n) => n.startsWith("absent: ")).length;
  if (absent)
    process.stdout.write(`  note: ${absent} labelled files are not in ${dir}; scores cover the others\n`);
  for (const n of notes) if (!n.startsWith("absent: ")) process.stdout.write(`  note: ${n}\n`);

  const commit =
    spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ||
    null;
  const report = {
    date: new Date().toISOString(),
    commit,
    checkout: SUBJECT === ROOT ? "." : SUBJECT,
    node: process.version,
    today: TODAY,
    startupMs,
    labels: labelsPath.startsWith(ROOT) ? labelsPath.slice(ROOT.length + 1) : labelsPath,
    goals: { recall: 0.9, falseTables: 0, nonDataErrors: 0, maxMs: GOAL_MS, maxRssMb: GOAL_RSS_MB },
    summary: {
      ...sum,
      slowest: slowest && {
        file: slowest.label.file,
        ms: slowest.wallMs,
        cpuMs: slowest.cpuMs,
        maxRssMb: slowest.maxRssMb,
      },
      /** The machine's 1-minute load average at the start and end of the run: wall times grow with it. */
      loadAverage: [Math.round(loadStart * 10) / 10, Math.round(loadavg()[0] * 10) / 10],
      cores: cpus().length,
      peakRss: hungriest && {
        file: hungriest.label.file,
        ms: hungriest.wallMs,
        maxRssMb: hungriest.maxRssMb,
      },
      overGoal,
      recallWithoutGenerated: real.recall,
      bySet,
    },
    files: rows.map((r) => ({
      file: r.label.file,
      ms: r.wallMs,
      cpuMs: r.cpuMs,
      maxRssMb: r.maxRssMb,
      tablesFound: r.tables,
      errorFindings: r.errors,
      failed: r.failed,
      ...(r.score ?? {}),
    })),
    notes,
  };
  const results = process.env.PTRACK_REAL_RESULTS ?? RESULTS;
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, "real-workbooks.json"), JSON.stringify(report, null, 2) + "\n");
  appendFileSync(
    join(results, "real-workbooks-history.jsonl"),
    JSON.stringify({ date: report.date, commit, labels: report.labels, summary: report.summary }) + "\n",
  );
  process.stdout.write(`  → ${join(results, "real-workbooks.json")}\n`);
}

if (require.main === module) main();
