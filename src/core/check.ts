/**
 * Validate a workbook: read 设置, recognise the tables, parse their rows, run
 * the rule catalogue and plan the notices. Pure: the as-of date comes from the
 * caller, never from the clock. The result is what `check --json` prints
 * (SPEC §9) minus `file` and the localised messages.
 */

import {
  baselineSummary,
  readBaselines,
  ruleBaseline,
  withSavedBaseline,
  type BaselineSummary,
} from "./baseline";
import { WorkCalendar } from "./calendar";
import type { IsoDate } from "./dates";
import { SEVERITY_ORDER, type Finding, type RuleId } from "./findings";
import type { Kind } from "./kinds";
import { NOTICE_TYPES } from "./notice-types";
import { planNotices, type NoticeContext, type NoticePlan } from "./notices";
import { markIssued } from "./register";
import { recognise, type DeclaredTable, type MappingOverride, type Recognition } from "./recognise";
import { typeTable, type TypedTable } from "./rows";
import { buildIndexes } from "./rules/context";
import { criticalViews, withoutRepeats, type CriticalView } from "./rules/critical";
import { runRules } from "./rules/index";
import { yearsOfFinding } from "./rules/workbook";
import { DEFAULT_SETTINGS, type Settings } from "./settings";
import { cellAt, parseA1, type WorkbookSnapshot } from "./snapshot";
import { logSheet, reportSheet } from "./owned";
import { registerSheet } from "./register";
import { sheetWords } from "../i18n/sheets";
import {
  mergeSettings,
  readWorkbookSettings,
  sameColumn,
  SETTINGS_SHEET,
  settingsSheet,
  workbookState,
  type SettingsOverrides,
  type SettingsProblem,
  type WorkbookState,
} from "./workbook-settings";

/**
 * The as-of date: `asOf` when the user gave one, else the 校验日期 the workbook's 设置 sheet
 * fixes, else `today` (which the caller reads from the clock; core never does).
 */
export type AsOfOption = { asOf: IsoDate; today?: IsoDate } | { asOf?: IsoDate; today: IsoDate };

export type CheckOptions = AsOfOption & {
  /** Wins over the workbook's 设置 sheet. */
  settings?: SettingsOverrides;
  /** Win over the workbook's 列映射 rows for the same sheet and column. */
  overrides?: MappingOverride[];
  /** Tables declared by hand, beside the workbook's 表声明 rows (the caller's win for the same row). */
  declared?: DeclaredTable[];
};

export interface CheckedTable {
  sheet: string;
  kind: Kind;
  /** The last header row; a two-row header (phases over their date pairs) starts a row above. */
  headerRow: number;
  headerRows?: 2;
  firstRow: number;
  lastRow: number;
  /** field → column letter; numbered payment groups as `dueDate1`, `dueAmount1` … */
  columns: Record<string, string>;
  /** Headers of columns no field claimed. */
  unmapped: string[];
  skippedRules: RuleId[];
  /** Money we pay (a payables table): its overdue payments are payable.overdue, never dunned. */
  payable?: boolean;
  /**
   * Phases across columns: their names left to right, each a task per data row, and the tasks
   * read (one per row and phase whose dates are filled).
   */
  phases?: Array<{ name: string; start: string; end: string }>;
  tasks?: number;
  /** One contract per sheet: the contract its key/value block names, and the cell its key is read from. */
  contract?: { key: string; cell: string };
  /** Every header column of the table, mapped or not, left to right (for the task pane's mapping editor). */
  headers: Array<{ letter: string; header: string }>;
}

export interface CheckResult {
  asOf: IsoDate;
  tables: CheckedTable[];
  findings: Finding[];
  notices: NoticePlan[];
  summary: { errors: number; warnings: number; infos: number };
  /** Saved baselines and the variance against the one the rules use; absent when none is saved. */
  baseline?: BaselineSummary;
  /** The workbook's own settings, holidays and mappings, for the task pane (not in `check --json`). */
  state: WorkbookState;
  /** Each linked schedule's critical path as of asOf, for the pane and the highlight (not in `check --json`). */
  critical: CriticalView[];
}

/** Sheets the product writes; they are never recognised as user tables. */
export const PRODUCT_SHEETS = [SETTINGS_SHEET, "校验报告", "通知台账", "操作日志"] as const;
/** Notice sheets are named after their type or their number (CK-20261123-001). */
const NOTICE_SHEET_RE = new RegExp(`^(${NOTICE_TYPES.map((t) => t.name).join("|")})|^[A-Z]{2}-\\d{8}-\\d{3}`);
/**
 * Normalised copies `进度计划表（整理）`, `…（整理2）` of regions that could not become tables in
 * place: derived from their original on every apply, so checking them too would report each
 * finding twice.
 */
export const COPY_SHEET_RE = /（整理\d*）$/;

/**
 * A guess by name alone, for the change watcher on a workbook of an earlier version, which has no
 * marker at all: a change on such a sheet does not start a new check. Everything else decides by
 * marker (productSheets).
 */
export function isProductSheet(name: string): boolean {
  return (
    (PRODUCT_SHEETS as readonly string[]).includes(name) ||
    NOTICE_SHEET_RE.test(name) ||
    COPY_SHEET_RE.test(name)
  );
}

/**
 * The sheets the product wrote, which are never checked as user tables: every sheet carrying a
 * product marker, and the product's sheets of an earlier version, proven by their content. A
 * user's own sheet named 校验报告, 通知台账 or CK-20261127-001 is checked like any other.
 */
export function productSheets(wb: WorkbookSnapshot): Set<string> {
  const out = new Set<string>();
  for (const s of wb.sheets) if (s.owner) out.add(s.name);
  for (const f of [settingsSheet(wb), reportSheet(wb), logSheet(wb), registerSheet(wb)])
    if (f) out.add(f.sheet.name);
  for (const s of wb.sheets) {
    if (s.owner) continue;
    const number = /^[A-Z]{2}-\d{8}-\d{3,}$/.test(s.name) ? s.name : undefined;
    if (number && s.rows.slice(0, 12).some((row) => row?.some((c) => c?.value === `编号：${number}`)))
      out.add(s.name);
    if (
      COPY_SHEET_RE.test(s.name) &&
      s.tables.some((t) => {
        const last = cellAt(s, 1, t.range.c2)?.value;
        return (
          t.range.r1 === 1 && (last === sheetWords("zh").sourceRow || last === sheetWords("en").sourceRow)
        );
      })
    )
      out.add(s.name);
  }
  return out;
}

/** Everything a check works out, for the planner as well as for the report. */
export interface Analysis {
  asOf: IsoDate;
  settings: Settings;
  recognition: Recognition;
  /** Typed tables in recognition order; `source` is the RecognisedTable. */
  tables: TypedTable[];
  result: CheckResult;
  /** The rule context, so the notice planner can look a notice's cause up again. */
  model: NoticeContext;
}

export function checkWorkbook(wb: WorkbookSnapshot, opts: CheckOptions): CheckResult {
  return analyseWorkbook(wb, opts).result;
}

export function analyseWorkbook(wb: WorkbookSnapshot, opts: CheckOptions): Analysis {
  const ws = readWorkbookSettings(wb);
  const asOf = (opts.asOf ?? ws.asOf ?? opts.today) as IsoDate;
  const settings = mergeSettings(DEFAULT_SETTINGS, ws.settings, opts.settings);
  const recognition = recognise(wb, {
    overrides: mappingOverrides(ws.mappings, opts.overrides),
    declared: [
      ...ws.declared.filter(
        (d) => !(opts.declared ?? []).some((o) => o.sheet === d.sheet && o.row === d.row),
      ),
      ...(opts.declared ?? []),
    ],
    skipSheets: [...productSheets(wb)],
  });
  const calendar = new WorkCalendar(ws.holidays);
  const baselines = readBaselines(wb);
  const compared = ruleBaseline(baselines);
  const tables = withSavedBaseline(
    recognition.tables.map((t) => typeTable(wb, t, calendar, settings.hoursPerDay)),
    compared,
  );
  const all: Finding[] = settingsFindings(ws.problems);
  const model = { wb, asOf, settings, calendar, recognition, tables, ...buildIndexes(tables) };
  const skipped = runRules(model, (f) => all.push(f));
  sortFindings(wb, all);
  const findings = withoutRepeats(all);

  const result: CheckResult = {
    asOf,
    tables: tables.map((t) => {
      const columns: Record<string, string> = {};
      const headers = new Map<number, { letter: string; header: string }>();
      for (const [field, ref] of Object.entries(t.source.columns)) {
        if (!ref) continue;
        columns[field] = ref.letter;
        headers.set(ref.col, { letter: ref.letter, header: ref.header });
      }
      for (const g of t.source.groups) {
        for (const [field, ref] of Object.entries(g.columns)) {
          if (!ref) continue;
          columns[`${field}${g.n}`] = ref.letter;
          headers.set(ref.col, { letter: ref.letter, header: ref.header });
        }
      }
      for (const u of t.source.unmapped) headers.set(u.col, { letter: u.letter, header: u.header });
      return {
        sheet: t.sheet,
        kind: t.kind,
        headerRow: t.source.headerRow,
        ...(t.source.headerRows === 2 ? { headerRows: 2 as const } : {}),
        firstRow: t.source.firstRow,
        lastRow: t.source.lastRow,
        columns,
        unmapped: t.source.unmapped.map((u) => u.header),
        skippedRules: skipped.get(t) ?? [],
        ...(t.source.payable ? { payable: true } : {}),
        ...(t.source.phases
          ? {
              phases: t.source.phases.map((p) => ({
                name: p.name,
                start: p.start.letter,
                end: p.end.letter,
              })),
              tasks: t.rows.length,
            }
          : {}),
        ...(t.source.sheetContract
          ? { contract: { key: t.source.sheetContract.key, cell: t.source.sheetContract.cell } }
          : {}),
        headers: [...headers].sort((a, b) => a[0] - b[0]).map(([, h]) => h),
      };
    }),
    findings,
    notices: markIssued(wb, planNotices(model, all)),
    ...(compared ? { baseline: baselineSummary(baselines, compared, tables, calendar) } : {}),
    summary: countSeverities(findings),
    state: workbookState(
      wb,
      ws,
      findings.filter((f) => f.rule === "calendar.year-missing").flatMap(yearsOfFinding),
    ),
    critical: criticalViews(model),
  };
  return { asOf, settings, recognition, tables, result, model };
}

/** Errors, warnings and infos, counted in one pass. */
function countSeverities(findings: readonly Finding[]): CheckResult["summary"] {
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === "error") summary.errors++;
    else if (f.severity === "warning") summary.warnings++;
    else if (f.severity === "info") summary.infos++;
  }
  return summary;
}

/** The workbook's 列映射 rows, with the caller's overrides winning for the same sheet and column. */
function mappingOverrides(saved: MappingOverride[], caller: MappingOverride[] = []): MappingOverride[] {
  return [...saved.filter((m) => !caller.some((o) => sameColumn(o, m))), ...caller];
}

/**
 * An unreadable date or number on 设置 is reported like any other bad cell; a 列映射 row that
 * names no field, or no sheet and column, as data the product could not recognise (the mapping
 * is not applied).
 */
function settingsFindings(problems: SettingsProblem[]): Finding[] {
  return problems.flatMap((p): Finding[] => {
    if (
      p.expected === "field" ||
      p.expected === "column" ||
      p.expected === "sheet" ||
      p.expected === "header"
    ) {
      return [
        {
          rule: "table.not-recognized",
          severity: "warning",
          sheet: p.sheet,
          row: p.row,
          cell: p.cell,
          value: p.value,
          args: { mapping: p.key ?? "", expected: p.expected, value: p.value },
        },
      ];
    }
    if (p.expected !== "date" && p.expected !== "number") return [];
    return [
      {
        rule: p.expected === "date" ? "cell.date-invalid" : "cell.number-invalid",
        severity: "error",
        sheet: p.sheet,
        row: p.row,
        cell: p.cell,
        value: p.value,
        args: { header: p.key ?? "日期", value: p.value },
      },
    ];
  });
}

/** Sheet order, then row, then column; sheet-level findings first within their sheet. */
export function sortFindings(wb: WorkbookSnapshot, findings: Finding[]): void {
  const keyOf = findingKeys(wb);
  // Keys computed once per finding: a comparator that parses addresses runs n·log n times.
  const keyed = findings.map(keyOf);
  keyed.sort(byFindingKey);
  keyed.forEach((k, i) => (findings[i] = k.f));
}

interface FindingKey {
  f: Finding;
  sheet: number;
  row: number;
  col: number;
  sev: number;
}

function findingKeys(wb: WorkbookSnapshot): (f: Finding) => FindingKey {
  const order = new Map(wb.sheets.map((s, i) => [s.name, i]));
  return (f) => ({
    f,
    sheet: order.get(f.sheet) ?? order.size,
    row: f.row ?? 0,
    col: f.cell ? columnOf(f.cell) : 0,
    sev: SEVERITY_ORDER[f.severity],
  });
}

/**
 * The column of an A1 address, as parseA1 reads it: `F12` read by its characters (a finding's
 * cell is nearly always so written), anything else by parseA1; 0 when it is no address.
 */
export function columnOf(cell: string): number {
  let c = 0;
  let i = 0;
  for (; i < cell.length && i < 4; i++) {
    const k = cell.charCodeAt(i);
    if (k < 65 || k > 90) break;
    c = c * 26 + k - 64;
  }
  if (i === 0 || i > 3 || i === cell.length) return parseA1(cell)?.c ?? 0;
  for (let j = i; j < cell.length; j++) {
    const k = cell.charCodeAt(j);
    if (k < 48 || k > 57) return parseA1(cell)?.c ?? 0;
  }
  return c;
}

const byFindingKey = (a: FindingKey, b: FindingKey): number =>
  a.sheet - b.sheet ||
  a.row - b.row ||
  a.col - b.col ||
  a.sev - b.sev ||
  (a.f.rule < b.f.rule ? -1 : a.f.rule > b.f.rule ? 1 : 0);

/**
 * `sorted` (in sortFindings' order) without `removed` and with `added` merged in where
 * sortFindings would put them, after the sorted ones they tie with: the cost of sorting what was
 * added, not all of it.
 */
export function mergeFindings(
  wb: WorkbookSnapshot,
  sorted: readonly Finding[],
  added: Finding[],
  removed?: ReadonlySet<Finding>,
): Finding[] {
  const rest = removed?.size ? sorted.filter((f) => !removed.has(f)) : sorted;
  if (added.length === 0) return rest.slice();
  const keyOf = findingKeys(wb);
  const extra = added.map(keyOf).sort(byFindingKey);
  // Each one goes after the last sorted finding it does not sort before: found by halving, so
  // only a few dozen of the sorted ones get a key, not all of them.
  const out: Finding[] = [];
  let from = 0;
  for (const k of extra) {
    let lo = from;
    let hi = rest.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byFindingKey(k, keyOf(rest[mid])) < 0) hi = mid;
      else lo = mid + 1;
    }
    for (let i = from; i < lo; i++) out.push(rest[i]);
    out.push(k.f);
    from = lo;
  }
  for (let i = from; i < rest.length; i++) out.push(rest[i]);
  return out;
}
