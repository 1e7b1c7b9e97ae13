/**
 * Live validation that costs little: after the user edits some cells, only the rows they touched
 * are parsed again and only the rules those rows can change run again, on a snapshot kept from
 * the last full check. The result is the same as a full check of the edited workbook (tested:
 * test/core/live.test.ts); where that cannot be promised cheaply, recheck() says so by returning
 * undefined and the caller checks in full.
 *
 * What runs again, per rule (the rule's findings are kept per rule and table):
 *  - row rules (ROW): a row's findings depend on that row alone (and the settings, the as-of date,
 *    the calendar): run on the edited rows only, replacing those rows' findings;
 *  - row rules that look a row's contract up (ROW_INDEX): the same, unless an edited row is on a
 *    table the indexes are built from (contracts, 收款计划表 — every kind but the schedule), when
 *    they run on every table;
 *  - table rules (TABLE: duplicates, predecessors, signatures): run on every table of an edited
 *    sheet;
 *  - payment-node rules (INDEX): on every table, when a table the indexes are built from changed;
 *  - every other rule (any rule not named here): run on every table whenever anything changed, so
 *    a rule added later is never left stale;
 *  - workbook rules (unrecognised regions, missing holiday years): run again;
 *  - the notices: types planned from contracts and 收款计划表 rows are kept while only schedule
 *    rows change, 计划调整通知 is planned again on the edited rows, 备忘录/致谢函 when their
 *    rule's findings moved or sit on an edited row, any other type whenever a finding changed;
 *  - findings that stay the same stay the same objects, merged into the last sorted list.
 * Only cells whose values changed count; the edited sheet is recognised again unless recognition
 * cannot see the change (unseenByRecognition).
 * A full check instead when: an edit is on 设置 or a product sheet, a sheet without tables, a
 * header or title row; when the edited sheet's recognition changes (a row blanked or filled, a
 * 合计 row typed, the table grows); when a check was given mappings or tables by hand. A schedule
 * edit in the WBS (or 父任务) column parses its whole table again (summary tasks depend on other rows' WBS)
 * and runs its row rules on all of it; an edit on a row under a value merged down over several
 * rows parses all of them again.
 *
 * The calendar remembers every year a rule asked about: a year no longer needed after an edit is
 * still reported missing until the next full check.
 */

import { baselineSummary, readBaselines, ruleBaseline, withSavedBaseline, type Baseline } from "./baseline";
import type { Analysis, CheckOptions } from "./check";
import { mergeFindings, productSheets, sortFindings } from "./check";
import type { Finding, RuleId } from "./findings";
import { planNotices, type NoticeContext, type NoticePlan, type NoticeTypeDef } from "./notices";
import { dateLikeNumber, recognise, type RecognisedTable } from "./recognise";
import { markIssued } from "./register";
import { textOf, typeTable, type FieldCell, type TypedRow, type TypedTable } from "./rows";
import { buildIndexes, ruleApplies, type ChangedCell, type RuleContext } from "./rules/context";
import { finding, RULES, RULES_BY_ID } from "./rules/index";
import {
  carryNetwork,
  criticalViews,
  subtasksOf,
  NETWORK_DATE_FIELDS,
  NETWORK_SHAPE_FIELDS,
  CHAINED,
  REPEATED,
  repeatKey,
  withoutRepeats,
} from "./rules/critical";
import { ACTUAL_FIELDS } from "./rules/process";
import { judgeAsPartOf } from "./rules/schedule";
import { yearsOfFinding } from "./rules/workbook";
import type { Cell, WorkbookSnapshot } from "./snapshot";
import { readWorkbookSettings, SETTINGS_SHEET, workbookState } from "./workbook-settings";

/** Cells read again after an edit: rows r1..r2, columns c1..c2; `cells[i][j]` at (r1+i, c1+j), undefined when blank. */
export interface CellEdit {
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  cells: Array<Array<Cell | undefined>>;
}

/** Rules whose findings on a row depend on that row alone. */
const ROW = new Set<RuleId>([
  "cell.required",
  "cell.date-invalid",
  "cell.number-invalid",
  "cell.date-as-number",
  "cell.percent-range",
  "row.date-order",
  "row.actual-in-future",
  "schedule.overdue",
  "schedule.due-soon",
  "schedule.start-late",
  "schedule.finished-late",
  "schedule.progress-mismatch",
  "schedule.change-unnotified",
  "schedule.change-not-filed",
  "contract.notice-late",
  "contract.delivery-overdue",
  "contract.delivery-due-soon",
  "contract.delivered-late",
  "contract.quality-missing",
  "contract.acceptance-missing",
  "schedule.milestone-missed",
  "schedule.milestone-duration",
]);
/** Row rules that also look the row's contract up in the indexes. */
const ROW_INDEX = new Set<RuleId>([
  "row.unknown-contract",
  "schedule.beyond-contract",
  "contract.report-overdue",
]);
/** Rules that compare the rows of one table (or read its sheet around it). */
const TABLE = new Set<RuleId>([
  "row.duplicate-key",
  "schedule.predecessor-missing",
  "schedule.predecessor-cycle",
  "schedule.predecessor-order",
  "schedule.unsigned",
]);

/** What names a schedule row in a finding (subjectArgs): its WBS, task and contract. */
const SUBJECT = ["wbs", "taskId", "task", "contractNo"];
const NETWORK = [...SUBJECT, ...NETWORK_SHAPE_FIELDS, ...NETWORK_DATE_FIELDS];
/**
 * Table rules whose findings on a table depend on these fields of its rows alone (besides which
 * rows it has, the cells above its header and what an edit here never changes: the as-of date,
 * 设置, the calendar). On a table whose rows kept all of them, they are kept as they were.
 */
const OWN = new Map<RuleId, ReadonlySet<string>>(
  (
    [
      ["schedule.predecessor-missing", [...SUBJECT, "predecessors"]],
      ["schedule.predecessor-cycle", [...SUBJECT, "predecessors"]],
      ["schedule.predecessor-order", [...SUBJECT, "predecessors", "planStart", "planEnd"]],
      ["schedule.summary-dates", [...SUBJECT, "planStart", "planEnd"]],
      ["schedule.summary-progress", [...SUBJECT, "progress", "actualEnd"]],
      ["schedule.critical-late", NETWORK],
      ["schedule.unlinked", NETWORK],
      ["table.stale", ["updatedAt", ...ACTUAL_FIELDS]],
    ] as Array<[RuleId, string[]]>
  ).map(([id, fields]) => [id, new Set(fields)]),
);
/** A change no field list covers: a row's summary, continuation or phase, a table parsed whole. */
const ANY = "*";
const NONE: ReadonlySet<never> = new Set();

/**
 * Rules that read only contracts and 收款计划表 rows and the indexes built from them: their
 * findings cannot change when only schedule rows were edited.
 */
const INDEX = new Set<RuleId>([
  "contract.payment-overdue",
  "payable.overdue",
  "contract.overpaid",
  "contract.payments-mismatch",
]);

/** What a full check left for the next edit. */
export interface LiveState {
  wb: WorkbookSnapshot;
  analysis: Analysis;
  /** Findings per rule, per table index (-1: workbook rules); the objects of analysis.result.findings. */
  groups: Map<RuleId, Map<number, Finding[]>>;
  /** Findings no rule of the catalogue makes here: 设置 problems, missing columns. */
  fixed: Finding[];
  /**
   * Every finding the rules made, sorted, before withoutRepeats() drops the ones a chain finding
   * says better: the notices are planned from these, as a full check plans them.
   */
  all: Finding[];
  product: Set<string>;
  /** The baselines saved in the workbook and the one the rules compare with (a check lays it over the rows). */
  baselines: Baseline[];
  compared?: Baseline;
  /** How many chain findings each repeatKey has in `all`: withoutRepeats() drops the others there. */
  chained: Map<string, number>;
  /** The last recheck edited a table other than a schedule (contracts, 收款计划表 …). */
  sourceChanged?: boolean;
  /** What the last recheck did, for tests and the benchmark: recognition skipped, notice types kept. */
  last?: { recognised: boolean; retyped: number; planned: string[]; partial: RuleId[] };
  /**
   * What the last recheck parsed again, for whoever describes findings by their rows and contracts
   * (the pane's people and contract): the rows, by sheet, and the contract numbers whose contract
   * row is not the one it was.
   */
  touched?: Touched;
}

/** What a recheck parsed again: row numbers by sheet, and contract numbers whose row changed. */
export interface Touched {
  rows: Map<string, Set<number>>;
  contracts: Set<string>;
}

const full = (a: Analysis, report: RuleContext["report"]): RuleContext => ({ ...a.model, report });

/**
 * Keeps what `analysis` (a full check of `wb`) found, per rule and table, for recheck(). Runs the
 * rules once more; undefined when the check was given mappings or tables by hand.
 */
export function startLive(
  wb: WorkbookSnapshot,
  analysis: Analysis,
  opts: CheckOptions = {} as CheckOptions,
): LiveState | undefined {
  if (opts.overrides?.length || opts.declared?.length || opts.settings) return undefined;
  // The check's own finding objects stand in for the ones made again here, so a finding that
  // stays the same stays the same object (the pane words only new ones).
  const theirs = new Map<string, Finding[]>();
  for (const f of analysis.result.findings) {
    const k = key(f);
    const list = theirs.get(k);
    if (list) list.push(f);
    else theirs.set(k, [f]);
  }
  const own = (fs: Finding[]) => fs.map((f) => theirs.get(key(f))?.shift() ?? f);
  const groups = new Map<RuleId, Map<number, Finding[]>>();
  const ctx = full(analysis, () => undefined);
  for (const rule of RULES) {
    const byTable = new Map<number, Finding[]>();
    groups.set(rule.id, byTable);
    if (rule.scope === "workbook") {
      byTable.set(-1, own(run(analysis, rule.id, (c) => rule.check(c))));
      continue;
    }
    analysis.tables.forEach((t, i) => {
      if (ruleApplies(rule, t, ctx)) byTable.set(i, own(run(analysis, rule.id, (c) => rule.check(c, t))));
    });
  }
  const made = new Set<Finding>();
  for (const byTable of groups.values()) for (const fs of byTable.values()) for (const f of fs) made.add(f);
  const fixed = analysis.result.findings.filter((f) => !made.has(f));
  // Rules made findings the check did not (cannot happen unless a rule is not deterministic):
  // the check's list is then not the sum of the groups, so start from the groups' own.
  // A finding withoutRepeats() dropped from the check's list is made here too: `all` keeps it.
  const checked = new Set(analysis.result.findings);
  let all = analysis.result.findings;
  if ([...made].some((f) => !checked.has(f))) {
    all = [...fixed, ...made];
    sortFindings(wb, all);
    analysis = { ...analysis, result: { ...analysis.result, findings: withoutRepeats(all) } };
  }
  const baselines = readBaselines(wb);
  return {
    wb,
    analysis,
    groups,
    fixed,
    all,
    chained: chainedIn(all),
    product: productSheets(wb),
    baselines,
    compared: ruleBaseline(baselines),
  };
}

function key(f: Finding): string {
  return `${f.rule}\u0000${f.sheet}\u0000${f.row}\u0000${f.cell}\u0000${f.field}\u0000${JSON.stringify(f.args)}`;
}

/** Two findings say the same (the check's output for them is equal). */
export function sameFinding(a: Finding, b: Finding): boolean {
  if (
    a.rule !== b.rule ||
    a.row !== b.row ||
    a.cell !== b.cell ||
    a.sheet !== b.sheet ||
    a.severity !== b.severity ||
    a.field !== b.field ||
    a.value !== b.value
  )
    return false;
  const ka = Object.keys(a.args);
  const kb = Object.keys(b.args);
  // The same keys in the same order: the order shows in `check --json`.
  return ka.length === kb.length && ka.every((k, i) => kb[i] === k && a.args[k] === b.args[k]);
}

/** Where a finding sits, to pair a rule's findings before and after an edit. */
const place = (f: Finding) => `${f.rule}\u0000${f.sheet}\u0000${f.row}\u0000${f.cell}\u0000${f.field}`;

/**
 * `after` with each finding equal to one of `before` replaced by that one; what went and what
 * came are added to `diff`.
 */
function settle(
  before: readonly Finding[] | undefined,
  after: Finding[],
  diff: { removed: Set<Finding>; added: Finding[] },
): Finding[] {
  if (!before?.length) {
    diff.added.push(...after);
    return after;
  }
  const kept = new Uint8Array(before.length);
  // A rule reports in row order: most findings are the next one of before. Where one is not,
  // it is looked up by its place, and the walk goes on after the one found.
  let next = 0;
  let byPlace: Map<string, number[]> | undefined;
  const out = after.map((f) => {
    let i = next < before.length && !kept[next] && sameFinding(before[next], f) ? next : -1;
    if (i < 0) {
      if (!byPlace) {
        byPlace = new Map();
        before.forEach((o, j) => {
          const k = place(o);
          const list = byPlace!.get(k);
          if (list) list.push(j);
          else byPlace!.set(k, [j]);
        });
      }
      i = byPlace.get(place(f))?.find((j) => !kept[j] && sameFinding(before[j], f)) ?? -1;
    }
    if (i < 0) {
      diff.added.push(f);
      return f;
    }
    kept[i] = 1;
    next = i + 1;
    return before[i];
  });
  before.forEach((f, j) => {
    if (!kept[j]) diff.removed.add(f);
  });
  return out;
}

/** One rule's findings on a context built from `a` (on the rows `only`, when given). */
function run(
  a: Analysis,
  rule: RuleId,
  check: (ctx: RuleContext) => void,
  only?: ReadonlySet<number>,
): Finding[] {
  const severity = a.settings.severities[rule] ?? RULES_BY_ID.get(rule)!.severity;
  const out: Finding[] = [];
  const ctx = full(a, (f) => out.push(finding(f, severity)));
  if (only) ctx.only = only;
  check(ctx);
  return out;
}

/** Lays the edited cells over the snapshot's rows. */
export function applyEdits(wb: WorkbookSnapshot, edits: CellEdit[]): void {
  for (const e of edits) {
    const sheet = wb.sheets.find((s) => s.name === e.sheet);
    if (!sheet) continue;
    for (let r = e.r1; r <= e.r2; r++) {
      const src = e.cells[r - e.r1] ?? [];
      let row = sheet.rows[r - 1];
      for (let c = e.c1; c <= e.c2; c++) {
        const cell = src[c - e.c1];
        if (cell) {
          row ??= sheet.rows[r - 1] = [];
          row[c - 1] = cell;
        } else if (row && row[c - 1]) delete row[c - 1];
      }
    }
  }
}

/** Everything recognition decided about a table, to tell whether it changed. */
const shape = (t: RecognisedTable): string => JSON.stringify(t);

/** What recognition reads of a cell's value: blanks and spaces alike, a number as a number. */
function seenValue(c: Cell | undefined): Cell["value"] | undefined {
  const v = c?.value;
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v.trim() === "" ? undefined : v.trim();
  if (typeof v === "object") return `#error:${v.error}`;
  return v;
}

/** A whole number ≥ 1 (a date serial, a count, an amount in yuan): its text is digits only. */
const isCount = (v: unknown): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 1 && v < 1e15;

/**
 * Whether recognition cannot see the edits, so the edited sheet need not be recognised again:
 * every cell that changes is on a data row of a table and holds a whole number ≥ 1 before and
 * after, both taken or both not taken for a date (recognise.ts, dateLikeNumber: a serial of its
 * years or yyyymmdd digits). Recognition reads a number only for its type, for being 0, for
 * being taken for a date and for its digits (outline and
 * numbering columns: 1.2 vs 12), so such a change looks the same to it. Anything else (text, a
 * blank, 0, a fraction) and the sheet is recognised again.
 */
export function unseenByRecognition(wb: WorkbookSnapshot, a: Analysis, edits: CellEdit[]): boolean {
  for (const e of edits) {
    const sheet = wb.sheets.find((s) => s.name === e.sheet);
    if (!sheet) return false;
    const data = new Set<number>();
    for (const t of a.recognition.tables) if (t.sheet === e.sheet) for (const r of t.dataRows) data.add(r);
    for (let r = e.r1; r <= e.r2; r++) {
      const row = sheet.rows[r - 1];
      const src = e.cells[r - e.r1] ?? [];
      let changes = false;
      for (let c = e.c1; c <= e.c2; c++) {
        const before = seenValue(row?.[c - 1]);
        const after = seenValue(src[c - e.c1]);
        if (before === after) continue;
        if (!isCount(before) || !isCount(after) || dateLikeNumber(before) !== dateLikeNumber(after))
          return false;
        changes = true;
      }
      if (changes && !data.has(r)) return false;
    }
  }
  return true;
}

/**
 * Per edit, the columns where a cell differs from the snapshot's: the pane reads whole rows
 * (read-changed.ts), most of whose cells are as they were.
 */
function changedColumns(
  wb: WorkbookSnapshot,
  edits: CellEdit[],
  cells: Map<string, ChangedCell[]>,
): Map<CellEdit, Set<number>> {
  const out = new Map<CellEdit, Set<number>>();
  for (const e of edits) {
    const cols = new Set<number>();
    out.set(e, cols);
    const sheet = wb.sheets.find((s) => s.name === e.sheet);
    let list = cells.get(e.sheet);
    if (!list) cells.set(e.sheet, (list = []));
    for (let r = e.r1; r <= e.r2; r++) {
      const row = sheet?.rows[r - 1];
      const src = e.cells[r - e.r1] ?? [];
      for (let c = e.c1; c <= e.c2; c++)
        if (JSON.stringify(row?.[c - 1]) !== JSON.stringify(src[c - e.c1])) {
          cols.add(c);
          list.push({ row: r, col: c, before: row?.[c - 1]?.value, after: src[c - e.c1]?.value });
        }
    }
  }
  return out;
}

/** Adds to `out` the fields whose value or place differs between a row before and after an edit. */
function changedFields(before: TypedRow, after: TypedRow, out: Set<string>): void {
  if (
    before.summary !== after.summary ||
    before.continuation !== after.continuation ||
    JSON.stringify(before.phase) !== JSON.stringify(after.phase) ||
    before.groups.length !== after.groups.length
  )
    out.add(ANY);
  const differ = (x: FieldCell | undefined, y: FieldCell | undefined) =>
    x?.cell !== y?.cell || JSON.stringify(x?.parsed) !== JSON.stringify(y?.parsed);
  for (const k of new Set([...Object.keys(before.fields), ...Object.keys(after.fields)]))
    if (differ(before.fields[k], after.fields[k])) out.add(k);
  before.groups.forEach((g, n) => {
    const h = after.groups[n];
    if (!h) return;
    for (const k of new Set([...Object.keys(g.fields), ...Object.keys(h.fields)]))
      if (differ(g.fields[k as keyof typeof g.fields], h.fields[k as keyof typeof h.fields])) out.add(k);
  });
}

/** The fields a table reads from the columns `cols` (every field when it spreads phases over columns). */
function fieldsAt(t: TypedTable, cols: ReadonlySet<number>): Set<string> {
  const out = new Set<string>();
  for (const [field, ref] of Object.entries(t.source.columns)) if (ref && cols.has(ref.col)) out.add(field);
  for (const g of t.source.groups)
    for (const [field, ref] of Object.entries(g.columns)) if (ref && cols.has(ref.col)) out.add(field);
  return out;
}

/** Notice types planned from contracts, 收款计划表 rows and their findings alone. */
const FROM_CONTRACTS = new Set(["dunning", "implementation"]);
/**
 * Notice types planned from the schedule rows their `follows` rules fired on, those rows'
 * contracts and nothing else (备忘录 and the 致谢函 that goes with it).
 */
const FROM_FIRED_ROWS = new Set(["memo", "thanks"]);
/** Of FROM_FIRED_ROWS, the types with one notice per contract, keyed by its number (备忘录). */
const PER_CONTRACT = new Set(["memo"]);
/** Notice types planned row by row from schedule rows alone (and the settings). */
const FROM_TASK_ROWS = new Set(["plan-change"]);

/**
 * The check of `live.wb` after `edits`, which are laid over it here; the state is updated for the
 * next edit. Undefined when only a full check can say (the snapshot is still updated: check it).
 */
export function recheck(live: LiveState, edits: CellEdit[]): Analysis | undefined {
  const { wb } = live;
  const a = live.analysis;
  const sheets = new Set(edits.map((e) => e.sheet));
  for (const name of sheets) {
    if (name === SETTINGS_SHEET || live.product.has(name)) return giveUp(wb, edits);
    if (!a.tables.some((t) => t.sheet === name)) return giveUp(wb, edits);
  }
  // Header and title rows decide recognition: a full check.
  for (const e of edits) {
    const first = Math.min(...a.tables.filter((t) => t.sheet === e.sheet).map((t) => t.source.firstRow));
    if (e.r1 < first) return giveUp(wb, edits);
  }
  const unseen = unseenByRecognition(wb, a, edits);
  /** The cells whose value changed, by sheet. */
  const cellsChanged = new Map<string, ChangedCell[]>();
  const changed = changedColumns(wb, edits, cellsChanged);
  applyEdits(wb, edits);

  // The edited sheets recognised again: any difference and only a full check can say.
  const ws = readWorkbookSettings(wb);
  if (!unseen) {
    const again = recognise(wb, {
      overrides: ws.mappings,
      declared: ws.declared,
      skipSheets: wb.sheets.map((s) => s.name).filter((n) => !sheets.has(n) || live.product.has(n)),
    });
    for (const name of sheets) {
      const before = a.recognition.tables.filter((t) => t.sheet === name).map(shape);
      const after = again.tables.filter((t) => t.sheet === name).map(shape);
      if (before.length !== after.length || before.some((s, i) => s !== after[i])) return undefined;
      const u1 = JSON.stringify(a.recognition.unrecognised.filter((u) => u.sheet === name));
      const u2 = JSON.stringify(again.unrecognised.filter((u) => u.sheet === name));
      if (u1 !== u2) return undefined;
    }
  }

  // Rows parsed again: the edited ones, or the whole table where rows depend on each other.
  const edited = new Map<number, Set<number> | "all">();
  /** Per edited table, the fields that changed on its rows (ANY when that cannot be said). */
  const fieldsChanged = new Map<number, Set<string>>();
  const tables = a.tables.slice();
  a.tables.forEach((t, i) => {
    if (!sheets.has(t.sheet)) return;
    const rows = new Set<number>();
    const cols = new Set<number>();
    const data = new Set(t.source.dataRows);
    /** An edit on a task's second line (its actual dates, RecognisedTable.actualRows). */
    let actualLine = false;
    for (const e of edits) {
      if (e.sheet !== t.sheet) continue;
      for (let r = e.r1; r <= e.r2; r++) {
        const task = t.source.actualRows?.[r];
        if (data.has(r)) rows.add(r);
        else if (task !== undefined) {
          rows.add(task);
          actualLine = true;
        }
      }
      for (const c of changed.get(e) ?? []) cols.add(c);
    }
    if (rows.size === 0) return;
    // A value merged down over rows (阶段, 合同编号) belongs to each row the merge covers
    // (rows.ts, mergeAnchors): an edit on any of them parses all of them again.
    for (const m of wb.sheets[t.sheetIndex].merges) {
      if (m.r2 === m.r1 || m.r1 < t.source.firstRow || m.r1 > t.source.lastRow) continue;
      let touched = false;
      for (let r = m.r1; r <= m.r2 && !touched; r++) touched = rows.has(r);
      if (touched) for (let r = m.r1; r <= m.r2; r++) if (data.has(r)) rows.add(r);
    }
    // A row's 父任务 makes another row a summary, as a WBS does.
    const wbsCols = [t.source.columns.wbs?.col, t.source.columns.taskId?.col, t.source.columns.parent?.col];
    // Phases across columns: a sheet row is several tasks, retyped together with the table.
    const whole =
      t.source.phases !== undefined ||
      (t.kind === "schedule" && wbsCols.some((c) => c !== undefined && cols.has(c)));
    if (whole) {
      tables[i] = withSavedBaseline(
        [typeTable(wb, t.source, a.model.calendar, a.model.settings.hoursPerDay)],
        live.compared,
      )[0];
      edited.set(i, "all");
      fieldsChanged.set(i, new Set([ANY]));
      return;
    }
    const part = typeTable(
      wb,
      { ...t.source, dataRows: [...rows].sort((x, y) => x - y) },
      a.model.calendar,
      a.model.settings.hoursPerDay,
    );
    // The saved baseline's dates, as a check lays them over rows without a 基线 column of their own.
    withSavedBaseline([part], live.compared);
    const fresh = new Map(part.rows.map((r) => [r.row, r]));
    const fields = fieldsAt(t, cols);
    const rowsOut = t.rows.map((old): TypedRow => {
      const r = fresh.get(old.row);
      if (!r) return old;
      if (old.summary) r.summary = true;
      else delete r.summary;
      changedFields(old, r, fields);
      return r;
    });
    if (part.rows.length !== rows.size || actualLine) fields.add(ANY);
    tables[i] = { ...t, rows: rowsOut, source: t.source };
    // A summary's own end is judged when it reaches past its subtasks' (deadlineRows): an edit of
    // a subtask can change that, so the summaries above an edited row are judged again too.
    if (t.kind === "schedule" && rowsOut.some((r) => r.summary))
      for (const [summary, under] of subtasksOf(tables[i]))
        if (!rows.has(summary.row) && under.some((r) => rows.has(r.row))) rows.add(summary.row);
    edited.set(i, rows);
    fieldsChanged.set(i, fields);
    if (t.kind === "schedule") carryNetwork(t, tables[i], fields);
  });
  const sourceChanged = [...edited.keys()].some((i) => tables[i].kind !== "schedule");
  // The indexes are built from every table but the schedules: kept while only schedules change.
  const indexes = sourceChanged
    ? buildIndexes(tables)
    : {
        contracts: a.model.contracts,
        hasContracts: a.model.hasContracts,
        nodes: a.model.nodes,
        nodesByContract: a.model.nodesByContract,
        planRows: a.model.planRows,
      };
  const model = { ...a.model, tables, ...indexes };
  const next: Analysis = { ...a, tables, model };
  const ctx = full(next, () => undefined);
  const was = full(a, () => undefined);
  /** Rules that judged part of a table again (TableRule.reach). */
  const partial: RuleId[] = [];
  /** What changed among the findings: the result is the last one's with these taken out and put in. */
  const diff = { removed: new Set<Finding>(), added: [] as Finding[] };
  /**
   * After an edit of contracts or 收款计划表 rows, the contract numbers on the edited rows, before
   * and after: the indexes changed for these alone, so a row that looks its contract up is judged
   * again only when it names one of them. Undefined when that cannot be said.
   */
  let numbers: Set<string> | undefined;
  if (sourceChanged && model.hasContracts === a.model.hasContracts) {
    numbers = new Set();
    for (const [i, rows] of edited) {
      if (tables[i].kind === "schedule") continue;
      if (rows === "all") {
        numbers = undefined;
        break;
      }
      for (const r of [...a.tables[i].rows, ...tables[i].rows]) {
        const no = rows.has(r.row) ? textOf(r.fields.contractNo) : undefined;
        if (no !== undefined) numbers.add(no);
      }
    }
  }
  const naming = new Map<number, Set<number> | "all">();
  /** The rows of table i a contract lookup is judged again on: the edited ones, and those naming `numbers`. */
  const namingRows = (i: number): Set<number> | "all" => {
    let out = naming.get(i);
    if (out) return out;
    const own = edited.get(i);
    if (own === "all") out = "all";
    else {
      out = new Set(own);
      for (const r of tables[i].rows) {
        const no = textOf(r.fields.contractNo);
        if (no !== undefined && numbers!.has(no)) out.add(r.row);
      }
    }
    naming.set(i, out);
    return out;
  };

  /** Per table, its rows judged again by the row rules, as one table (shared by the rules). */
  const views = new Map<number, Map<ReadonlySet<number>, TypedTable>>();
  const viewOf = (i: number, rows: ReadonlySet<number>): TypedTable => {
    let byRows = views.get(i);
    if (!byRows) views.set(i, (byRows = new Map()));
    let view = byRows.get(rows);
    if (!view) {
      const t = tables[i];
      view = { ...t, rows: t.rows.filter((r) => rows.has(r.row)) };
      if (t.kind === "schedule") judgeAsPartOf(view, t);
      byRows.set(rows, view);
    }
    return view;
  };
  for (const rule of RULES) {
    const byTable = live.groups.get(rule.id) ?? new Map<number, Finding[]>();
    live.groups.set(rule.id, byTable);
    if (rule.scope === "workbook") continue;
    tables.forEach((t, i) => {
      const applies = ruleApplies(rule, t, ctx);
      if (!applies) {
        for (const f of byTable.get(i) ?? []) diff.removed.add(f);
        byTable.delete(i);
        return;
      }
      const byNumber = ROW_INDEX.has(rule.id) && sourceChanged && numbers !== undefined;
      const rows = byNumber ? namingRows(i) : edited.get(i);
      const local = ROW.has(rule.id) || (ROW_INDEX.has(rule.id) && (!sourceChanged || byNumber));
      if (local) {
        if (rows === undefined) return;
        if (rows === "all") {
          byTable.set(
            i,
            settle(
              byTable.get(i),
              run(next, rule.id, (c) => rule.check(c, t)),
              diff,
            ),
          );
          return;
        }
        const view = viewOf(i, rows);
        const old = byTable.get(i) ?? [];
        const kept: Finding[] = [];
        const mine: Finding[] = [];
        for (const f of old) (f.row !== undefined && rows.has(f.row) ? mine : kept).push(f);
        const made = settle(
          mine,
          run(next, rule.id, (c) => rule.check(c, view)),
          diff,
        );
        if (mine.length > 0 || made.length > 0) byTable.set(i, kept.concat(made));
        return;
      }
      const reads = OWN.get(rule.id);
      if (reads) {
        const changed = fieldsChanged.get(i);
        if (!changed || ![...changed].some((f) => f === ANY || reads.has(f))) return;
      }
      if (TABLE.has(rule.id) && !sheets.has(t.sheet)) return;
      if (INDEX.has(rule.id) && !sourceChanged) return;
      // A rule that can say which rows an edit reaches judges those alone.
      const changed = fieldsChanged.get(i);
      if (rule.reach && rows !== "all" && !changed?.has(ANY) && byTable.has(i)) {
        const only = rule.reach({
          before: a.tables[i],
          after: t,
          rows: rows ?? NONE,
          fields: changed ?? NONE,
          cells: cellsChanged.get(t.sheet) ?? [],
          was,
          now: ctx,
        });
        if (only) {
          partial.push(rule.id);
          if (only.size === 0) return;
          const old = byTable.get(i)!;
          const kept = old.filter((f) => f.row === undefined || !only.has(f.row));
          const made = settle(
            old.filter((f) => f.row !== undefined && only.has(f.row)),
            run(next, rule.id, (c) => rule.check(c, t), only),
            diff,
          );
          byTable.set(i, kept.length === old.length ? old.concat(made) : [...kept, ...made]);
          return;
        }
      }
      byTable.set(
        i,
        settle(
          byTable.get(i),
          run(next, rule.id, (c) => rule.check(c, t)),
          diff,
        ),
      );
    });
  }
  // Workbook rules last: the calendar's missing years are what the rules above asked for.
  for (const rule of RULES) {
    if (rule.scope !== "workbook") continue;
    const byTable = live.groups.get(rule.id)!;
    byTable.set(
      -1,
      settle(
        byTable.get(-1),
        run(next, rule.id, (c) => rule.check(c)),
        diff,
      ),
    );
  }

  const all = mergeFindings(wb, live.all, diff.added, diff.removed);
  // What withoutRepeats() drops follows from where the chain findings are: the last list takes
  // the same change, less the added findings it drops, and the findings at a place where a chain
  // finding came (dropped) or went (shown again).
  const toggled = new Set<string>();
  const count = (f: Finding, by: number) => {
    if (f.rule !== CHAINED) return;
    const k = repeatKey(f);
    const was = live.chained.get(k) ?? 0;
    if (was + by > 0) live.chained.set(k, was + by);
    else live.chained.delete(k);
    if (was > 0 !== was + by > 0 && !toggled.delete(k)) toggled.add(k);
  };
  for (const f of diff.removed) count(f, -1);
  for (const f of diff.added) count(f, 1);
  const repeat = (f: Finding) => f.rule === REPEATED && live.chained.has(repeatKey(f));
  const shown = diff.added.filter((f) => !repeat(f));
  const gone = new Set(diff.removed);
  if (toggled.size > 0) {
    const added = new Set(diff.added);
    for (const fs of live.groups.get(REPEATED)?.values() ?? [])
      for (const f of fs) {
        if (!toggled.has(repeatKey(f))) continue;
        if (repeat(f)) gone.add(f);
        else if (!added.has(f)) shown.push(f);
      }
  }
  const findings = mergeFindings(wb, a.result.findings, shown, gone);
  const findingsChanged = diff.added.length > 0 || diff.removed.size > 0;
  const editedPairs = [...edited];
  /** Whether a row of a sheet was edited (parsed again). */
  const onEditedRow = (sheet: string, row: number | undefined) =>
    row !== undefined &&
    editedPairs.some(([i, rows]) => tables[i].sheet === sheet && (rows === "all" || rows.has(row)));
  const editedSheets = new Set(editedPairs.map(([i]) => tables[i].sheet));
  const cited = a.result.notices.some((n) => editedSheets.has(n.sheet) && onEditedRow(n.sheet, n.row));
  const planned: string[] = [];
  /** The contract numbers whose contract row is not the one it was (or is gone). */
  const touchedContracts = new Set<string>();
  if (sourceChanged) {
    for (const [no, row] of model.contracts) if (a.model.contracts.get(no) !== row) touchedContracts.add(no);
    for (const no of a.model.contracts.keys()) if (!model.contracts.has(no)) touchedContracts.add(no);
  }
  const kept = (type: NoticeTypeDef, plan: (on: NoticeContext) => NoticePlan[]): NoticePlan[] | undefined => {
    const before = () => a.result.notices.filter((n) => n.type === type.name);
    // Planned from schedule rows alone: contracts edited or not, only edited schedule rows count.
    if (FROM_TASK_ROWS.has(type.id)) {
      planned.push(type.id);
      return planOnRows(tables, edited, before(), plan, model);
    }
    if (sourceChanged) {
      planned.push(type.id);
      // A 备忘录 reads its contract's row: planned again for the contracts whose row changed too.
      if (PER_CONTRACT.has(type.id) && model.hasContracts === a.model.hasContracts)
        return planPerContract(type, new Set<RuleId>(type.follows), before(), plan, touchedContracts);
      return undefined;
    }
    if (FROM_CONTRACTS.has(type.id)) return before();
    if (!findingsChanged && !cited) return before();
    // Planned from the schedule rows its rules fired on (and their contracts): kept when those
    // rules' findings did not move and none is on an edited row.
    if (FROM_FIRED_ROWS.has(type.id) && type.follows.length > 0) {
      const follows = new Set<RuleId>(type.follows);
      const moved =
        diff.added.some((f) => follows.has(f.rule)) || [...diff.removed].some((f) => follows.has(f.rule));
      if (!moved && !all.some((f) => follows.has(f.rule) && onEditedRow(f.sheet, f.row))) return before();
      if (PER_CONTRACT.has(type.id)) {
        planned.push(type.id);
        return planPerContract(type, follows, before(), plan);
      }
    }
    planned.push(type.id);
    return undefined;
  };
  /**
   * A type with one notice per contract, planned from the schedule rows its rules fired on: planned
   * again for the contracts of the edited rows (before and after), of the findings that moved and
   * `also` alone, in the order a plan of every row gives (by each contract's first row fired on).
   */
  const planPerContract = (
    type: NoticeTypeDef,
    follows: ReadonlySet<RuleId>,
    before: NoticePlan[],
    plan: (on: NoticeContext) => NoticePlan[],
    also: ReadonlySet<string> = new Set(),
  ): NoticePlan[] | undefined => {
    const affected = new Set<string>(also);
    for (const [i, rows] of edited) {
      if (tables[i].kind !== "schedule") continue;
      if (rows === "all") return undefined;
      for (const r of [...a.tables[i].rows, ...tables[i].rows]) {
        const no = rows.has(r.row) ? textOf(r.fields.contractNo) : undefined;
        if (no !== undefined) affected.add(no);
      }
    }
    for (const f of [...diff.added, ...diff.removed]) {
      if (!follows.has(f.rule)) continue;
      if (typeof f.args.contractNo !== "string") return undefined;
      affected.add(f.args.contractNo);
    }
    const views = tables
      .filter((t) => t.kind === "schedule")
      .map((t) => ({ ...t, rows: t.rows.filter((r) => affected.has(textOf(r.fields.contractNo) ?? "")) }));
    const fresh = plan({ ...model, tables: views });
    // Each contract's first finding of the followed rules, in the check's order (sheet, then row).
    const first = new Map<string, number>();
    all.forEach((f, k) => {
      if (!follows.has(f.rule)) return;
      const no = f.args.contractNo;
      if (typeof no === "string" && !first.has(no)) first.set(no, k);
    });
    const merged = [...before.filter((n) => !affected.has(n.key)), ...fresh];
    if (merged.some((n) => !first.has(n.key))) return undefined;
    return merged.sort((x, y) => first.get(x.key)! - first.get(y.key)!);
  };
  const notices = markIssued(wb, planNotices(model, all, kept));
  const scheduleEdited = [...edited.keys()].some((i) => tables[i].kind === "schedule");
  const result = {
    ...a.result,
    ...(live.compared && scheduleEdited
      ? { baseline: baselineSummary(live.baselines, live.compared, tables, a.model.calendar) }
      : {}),
    findings,
    notices,
    summary: {
      ...counted(findings),
    },
    state: workbookState(
      wb,
      ws,
      findings.filter((f) => f.rule === "calendar.year-missing").flatMap(yearsOfFinding),
    ),
    // The critical path the pane shows: each network is kept or carried over where it can be.
    critical: criticalViews(model),
  };
  live.analysis = { ...next, result };
  live.all = all;
  live.sourceChanged = sourceChanged;
  const retyped = [...edited].reduce(
    (n, [i, rows]) => n + (rows === "all" ? tables[i].rows.length : rows.size),
    0,
  );
  live.last = { recognised: !unseen, retyped, planned, partial };
  const touchedRows = new Map<string, Set<number>>();
  for (const [i, rows] of edited) {
    const t = tables[i];
    const set = touchedRows.get(t.sheet) ?? new Set<number>();
    touchedRows.set(t.sheet, set);
    for (const r of t.rows) if (rows === "all" || rows.has(r.row)) set.add(r.row);
  }
  live.touched = { rows: touchedRows, contracts: touchedContracts };
  return live.analysis;
}

/** How many chain findings each repeatKey has (LiveState.chained). */
function chainedIn(findings: readonly Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) if (f.rule === CHAINED) out.set(repeatKey(f), (out.get(repeatKey(f)) ?? 0) + 1);
  return out;
}

/** Findings by severity, in one pass. */
function counted(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings)
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else if (f.severity === "info") infos++;
  return { errors, warnings, infos };
}

/**
 * A type planned row by row on schedule rows: its notices on the edited rows planned again, the
 * others kept, in the order a plan of every row gives (table by table, row by row).
 */
function planOnRows(
  tables: TypedTable[],
  edited: Map<number, Set<number> | "all">,
  before: NoticePlan[],
  plan: (on: NoticeContext) => NoticePlan[],
  model: NoticeContext,
): NoticePlan[] {
  const views: TypedTable[] = [];
  for (const [i, rows] of edited) {
    const t = tables[i];
    if (t.kind !== "schedule") continue;
    views.push(rows === "all" ? t : { ...t, rows: t.rows.filter((r) => rows.has(r.row)) });
  }
  if (views.length === 0) return before;
  const fresh = plan({ ...model, tables: views });
  // Where each notice's row is: its table, then its place in it (by sheet, then row: no key string per row).
  const at = new Map<string, Map<number, [number, number]>>();
  tables.forEach((t, i) => {
    if (t.kind !== "schedule") return;
    let rows = at.get(t.sheet);
    if (!rows) at.set(t.sheet, (rows = new Map()));
    const byRow = rows;
    t.rows.forEach((r, j) => {
      if (!byRow.has(r.row)) byRow.set(r.row, [i, j]);
    });
  });
  const where = (n: NoticePlan) => at.get(n.sheet)?.get(n.row);
  const pos = (n: NoticePlan) => {
    const p = where(n);
    return p ? p[0] * 1e7 + p[1] : Infinity;
  };
  const stays = before.filter((n) => {
    const p = where(n);
    const rows = p && edited.get(p[0]);
    return rows === undefined || (rows !== "all" && !rows.has(n.row));
  });
  return [...stays, ...fresh]
    .map((n, k) => ({ n, p: pos(n), k }))
    .sort((x, y) => x.p - y.p || x.k - y.k)
    .map((x) => x.n);
}
/** The snapshot takes the edits; the caller checks in full. */
function giveUp(wb: WorkbookSnapshot, edits: CellEdit[]): undefined {
  applyEdits(wb, edits);
  return undefined;
}
