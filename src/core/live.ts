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
 *  - the notices are planned again from the new findings, unless no finding changed, only schedule
 *    rows were edited and no notice cites an edited row.
 * A full check instead when: an edit is on 设置 or a product sheet, a sheet without tables, a
 * header or title row; when the edited sheet's recognition changes (a row blanked or filled, a
 * 合计 row typed, the table grows); when an edited table has merged cells over its data; when a
 * check was given mappings or tables by hand. A schedule edit in the WBS column parses its whole
 * table again (summary tasks depend on other rows' WBS) and runs its row rules on all of it.
 *
 * The calendar remembers every year a rule asked about: a year no longer needed after an edit is
 * still reported missing until the next full check.
 */

import type { Analysis, CheckOptions } from "./check";
import { productSheets, sortFindings } from "./check";
import type { Finding, RuleId } from "./findings";
import { planNotices } from "./notices";
import { recognise, type RecognisedTable } from "./recognise";
import { markIssued } from "./register";
import { typeTable, type TypedRow, type TypedTable } from "./rows";
import { buildIndexes, ruleApplies, type RuleContext } from "./rules/context";
import { finding, RULES } from "./rules/index";
import { withoutRepeats } from "./rules/critical";
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
  /** Findings per rule, per table index (-1: workbook rules). */
  groups: Map<RuleId, Map<number, Finding[]>>;
  /** Findings no rule of the catalogue makes here: 设置 problems, missing columns. */
  fixed: Finding[];
  product: Set<string>;
  /** The last recheck edited a table other than a schedule (contracts, 收款计划表 …). */
  sourceChanged?: boolean;
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
  const groups = new Map<RuleId, Map<number, Finding[]>>();
  const ctx = full(analysis, () => undefined);
  for (const rule of RULES) {
    const byTable = new Map<number, Finding[]>();
    groups.set(rule.id, byTable);
    if (rule.scope === "workbook") {
      byTable.set(
        -1,
        run(analysis, rule.id, (c) => rule.check(c)),
      );
      continue;
    }
    analysis.tables.forEach((t, i) => {
      if (ruleApplies(rule, t, ctx))
        byTable.set(
          i,
          run(analysis, rule.id, (c) => rule.check(c, t)),
        );
    });
  }
  const made = new Set<string>();
  for (const byTable of groups.values())
    for (const fs of byTable.values()) for (const f of fs) made.add(key(f));
  const fixed = analysis.result.findings.filter((f) => !made.has(key(f)));
  return { wb, analysis, groups, fixed, product: productSheets(wb) };
}

function key(f: Finding): string {
  return `${f.rule}\u0000${f.sheet}\u0000${f.row}\u0000${f.cell}\u0000${f.field}\u0000${JSON.stringify(f.args)}`;
}

/** One rule's findings on a context built from `a`. */
function run(a: Analysis, rule: RuleId, check: (ctx: RuleContext) => void): Finding[] {
  const severity = a.settings.severities[rule] ?? RULES.find((r) => r.id === rule)!.severity;
  const out: Finding[] = [];
  check(full(a, (f) => out.push(finding(f, severity))));
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
  applyEdits(wb, edits);

  // The edited sheets recognised again: any difference and only a full check can say.
  const ws = readWorkbookSettings(wb);
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

  // Rows parsed again: the edited ones, or the whole table where rows depend on each other.
  const edited = new Map<number, Set<number> | "all">();
  const tables = a.tables.slice();
  a.tables.forEach((t, i) => {
    if (!sheets.has(t.sheet)) return;
    const rows = new Set<number>();
    const cols = new Set<number>();
    const data = new Set(t.source.dataRows);
    for (const e of edits) {
      if (e.sheet !== t.sheet) continue;
      for (let r = e.r1; r <= e.r2; r++) if (data.has(r)) rows.add(r);
      for (let c = e.c1; c <= e.c2; c++) cols.add(c);
    }
    if (rows.size === 0) return;
    const sheet = wb.sheets[t.sheetIndex];
    const merged = sheet.merges.some((m) => m.r2 >= t.source.firstRow && m.r1 <= t.source.lastRow);
    const wbsCols = [t.source.columns.wbs?.col, t.source.columns.taskId?.col];
    const whole = merged || (t.kind === "schedule" && wbsCols.some((c) => c !== undefined && cols.has(c)));
    if (whole) {
      tables[i] = typeTable(wb, t.source, a.model.calendar);
      edited.set(i, "all");
      return;
    }
    const part = typeTable(wb, { ...t.source, dataRows: [...rows].sort((x, y) => x - y) }, a.model.calendar);
    const fresh = new Map(part.rows.map((r) => [r.row, r]));
    const rowsOut = t.rows.map((old): TypedRow => {
      const r = fresh.get(old.row);
      if (!r) return old;
      if (old.summary) r.summary = true;
      else delete r.summary;
      return r;
    });
    tables[i] = { ...t, rows: rowsOut, source: t.source };
    edited.set(i, rows);
  });
  const model = { ...a.model, tables, ...buildIndexes(tables) };
  const next: Analysis = { ...a, tables, model };
  const ctx = full(next, () => undefined);
  const sourceChanged = [...edited.keys()].some((i) => tables[i].kind !== "schedule");
  /** Whether any finding changed: the notices follow from the findings. */
  let changed = false;
  const note = (before: Finding[] | undefined, after: Finding[] | undefined) => {
    if (changed) return;
    const b = before ?? [];
    const x = after ?? [];
    if (b.length !== x.length) changed = true;
    else {
      const keys = new Set(b.map(key));
      changed = x.some((f) => !keys.has(key(f)));
    }
  };

  for (const rule of RULES) {
    const byTable = live.groups.get(rule.id) ?? new Map<number, Finding[]>();
    live.groups.set(rule.id, byTable);
    if (rule.scope === "workbook") continue;
    tables.forEach((t, i) => {
      const applies = ruleApplies(rule, t, ctx);
      if (!applies) {
        if (byTable.get(i)?.length) changed = true;
        byTable.delete(i);
        return;
      }
      const rows = edited.get(i);
      const local = ROW.has(rule.id) || (ROW_INDEX.has(rule.id) && !sourceChanged);
      if (local) {
        if (rows === undefined) return;
        if (rows === "all") {
          const before = byTable.get(i);
          byTable.set(
            i,
            run(next, rule.id, (c) => rule.check(c, t)),
          );
          note(before, byTable.get(i));
          return;
        }
        const view: TypedTable = { ...t, rows: t.rows.filter((r) => rows.has(r.row)) };
        const old = byTable.get(i) ?? [];
        const kept = old.filter((f) => f.row === undefined || !rows.has(f.row));
        const made = run(next, rule.id, (c) => rule.check(c, view));
        if (changed || kept.length + made.length !== old.length) changed = true;
        else
          note(
            old.filter((f) => f.row !== undefined && rows.has(f.row)),
            made,
          );
        byTable.set(i, [...kept, ...made]);
        return;
      }
      if (TABLE.has(rule.id) && !sheets.has(t.sheet)) return;
      if (INDEX.has(rule.id) && !sourceChanged) return;
      const before = byTable.get(i);
      byTable.set(
        i,
        run(next, rule.id, (c) => rule.check(c, t)),
      );
      note(before, byTable.get(i));
    });
  }
  // Workbook rules last: the calendar's missing years are what the rules above asked for.
  for (const rule of RULES) {
    if (rule.scope !== "workbook") continue;
    const byTable = live.groups.get(rule.id)!;
    const before = byTable.get(-1);
    byTable.set(
      -1,
      run(next, rule.id, (c) => rule.check(c)),
    );
    note(before, byTable.get(-1));
  }

  const all: Finding[] = [...live.fixed];
  for (const byTable of live.groups.values()) for (const fs of byTable.values()) all.push(...fs);
  sortFindings(wb, all);
  const findings = withoutRepeats(all);
  const cited = a.result.notices.some((n) =>
    [...edited].some(([i, rows]) => tables[i].sheet === n.sheet && (rows === "all" || rows.has(n.row))),
  );
  const reuse = !changed && !sourceChanged && !cited;
  const result = {
    ...a.result,
    findings,
    notices: reuse ? a.result.notices : markIssued(wb, planNotices(model, all)),
    summary: {
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
      infos: findings.filter((f) => f.severity === "info").length,
    },
    state: workbookState(
      wb,
      ws,
      findings.filter((f) => f.rule === "calendar.year-missing").flatMap(yearsOfFinding),
    ),
  };
  live.analysis = { ...next, result };
  live.sourceChanged = sourceChanged;
  return live.analysis;
}

/** The snapshot takes the edits; the caller checks in full. */
function giveUp(wb: WorkbookSnapshot, edits: CellEdit[]): undefined {
  applyEdits(wb, edits);
  return undefined;
}
