/**
 * Baselines (设为基线): the schedule's plan as it stood when a user saved it, kept in the workbook
 * on a hidden sheet the product owns (marker `_PTRACK.baseline.main`), so it travels over
 * SharePoint and every co-author, the CLI included, compares against the same one.
 *
 * The sheet holds one table, one row per task per save: 基线 (its name), 版本, 保存时间, 保存人,
 * 工作表, 标识 (WBS, else 标识号, else the task name), 任务名称, 计划开始, 计划完成, 工期（工作日）.
 * Saves are only ever appended: saving over a name (an explicit choice) adds a new 版本 and the
 * readers take each name's highest one, so an earlier plan is never rewritten and stays on the
 * sheet as history. Up to MAX_BASELINES names, like MS Project (基线, 基线1 … 基线10).
 *
 * Where a schedule has no 基线完成 column of its own, the saved baseline stands in for it: the
 * plan-change rules (提前2日通知, 报备财务部) and the 计划调整通知 read it from there.
 */

import { addDays, type IsoDate } from "./dates";
import type { FieldCell, TypedRow, TypedTable } from "./rows";
import { dateOf, textOf } from "./rows";
import { cellAt, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { parseDate } from "./values";

export const BASELINE_SHEET = "基线";
export const BASELINE_TABLE = "基线";
export const BASELINE_OWNER = { kind: "baseline", id: "main" } as const;
/** MS Project keeps 11: Baseline and Baseline1 … Baseline10. */
export const MAX_BASELINES = 11;
/** The names a save takes in turn when none is given. */
export const BASELINE_NAMES: readonly string[] = [
  "基线",
  ...Array.from({ length: 10 }, (_, i) => `基线${i + 1}`),
];
/** A baseline's name: what a sheet cell and a CLI flag can hold without surprise. */
export const MAX_NAME = 31;

export const BASELINE_HEADERS = {
  zh: [
    "基线",
    "版本",
    "保存时间",
    "保存人",
    "工作表",
    "标识",
    "任务名称",
    "计划开始",
    "计划完成",
    "工期（工作日）",
  ],
  en: [
    "Baseline",
    "Version",
    "Saved",
    "Saved by",
    "Sheet",
    "Key",
    "Task",
    "Start",
    "Finish",
    "Duration (working days)",
  ],
} as const;
type Column =
  "name" | "version" | "savedAt" | "savedBy" | "sheet" | "key" | "task" | "start" | "end" | "duration";
const COLUMNS: readonly Column[] = [
  "name",
  "version",
  "savedAt",
  "savedBy",
  "sheet",
  "key",
  "task",
  "start",
  "end",
  "duration",
];

/** One task of a saved baseline. */
export interface BaselineTask {
  sheet: string;
  key: string;
  task: string;
  start?: IsoDate;
  end?: IsoDate;
  /** Working days from start to finish, both counted, on the workbook's 调休 calendar. */
  duration?: number;
}

export interface Baseline {
  name: string;
  version: number;
  savedAt: string;
  savedBy: string;
  tasks: BaselineTask[];
}

/** The product's baseline sheet, by its marker only: a user's sheet named 基线 is the user's. */
export function baselineSheet(wb: WorkbookSnapshot): SheetSnapshot | undefined {
  return wb.sheets.find((s) => s.owner?.kind === BASELINE_OWNER.kind && s.owner.id === BASELINE_OWNER.id);
}

/** Two names are one baseline when they differ only in case or surrounding spaces. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function text(sheet: SheetSnapshot, r: number, c: number): string {
  const v = cellAt(sheet, r, c)?.value;
  return v === undefined || typeof v === "object" ? "" : String(v).trim();
}

function date(wb: WorkbookSnapshot, sheet: SheetSnapshot, r: number, c: number): IsoDate | undefined {
  const cell = cellAt(sheet, r, c);
  if (!cell) return undefined;
  const p = parseDate(cell.value, { date1904: wb.date1904, numFmt: cell.numFmt });
  return p.status === "ok" ? p.value : undefined;
}

/** The header row and the column of each field: the table's first row, else the first row naming them. */
function headerOf(
  sheet: SheetSnapshot,
): { row: number; cols: Map<Column, number>; last?: number } | undefined {
  const table =
    sheet.tables.find((t) => t.name.toLowerCase().startsWith(BASELINE_TABLE.toLowerCase())) ??
    sheet.tables[0];
  const candidates = table ? [table.range.r1] : Array.from({ length: 10 }, (_, i) => i + 1);
  for (const r of candidates) {
    const cols = new Map<Column, number>();
    const width = sheet.rows[r - 1]?.length ?? 0;
    for (let c = 1; c <= width; c++) {
      const h = text(sheet, r, c);
      for (const lang of ["zh", "en"] as const) {
        const i = (BASELINE_HEADERS[lang] as readonly string[]).indexOf(h);
        if (i >= 0 && !cols.has(COLUMNS[i])) cols.set(COLUMNS[i], c);
      }
    }
    if (cols.has("name") && cols.has("key")) return { row: r, cols, last: table?.range.r2 };
  }
  return undefined;
}

/**
 * Every baseline saved in the workbook, in the order first saved; each name at its highest 版本
 * (the later row wins a tie, which two co-authors saving at once can make).
 */
export function readBaselines(wb: WorkbookSnapshot): Baseline[] {
  const sheet = baselineSheet(wb);
  const head = sheet && headerOf(sheet);
  if (!sheet || !head) return [];
  const get = (r: number, c: Column) => {
    const at = head.cols.get(c);
    return at === undefined ? "" : text(sheet, r, at);
  };
  const getDate = (r: number, c: Column) => {
    const at = head.cols.get(c);
    return at === undefined ? undefined : date(wb, sheet, r, at);
  };
  const rows: Array<{
    name: string;
    version: number;
    savedAt: string;
    savedBy: string;
    task?: BaselineTask;
  }> = [];
  const last = Math.max(head.last ?? 0, sheet.rows.length);
  for (let r = head.row + 1; r <= last; r++) {
    const name = get(r, "name");
    if (!name) continue;
    const version = Math.max(1, Math.trunc(Number(get(r, "version")) || 1));
    const key = get(r, "key");
    let task: BaselineTask | undefined;
    if (key) {
      task = { sheet: get(r, "sheet"), key, task: get(r, "task") };
      const start = getDate(r, "start");
      const end = getDate(r, "end");
      const duration = get(r, "duration");
      if (start) task.start = start;
      if (end) task.end = end;
      if (duration !== "" && Number.isFinite(Number(duration))) task.duration = Number(duration);
    }
    rows.push({ name, version, savedAt: get(r, "savedAt"), savedBy: get(r, "savedBy"), task });
  }
  const out: Baseline[] = [];
  for (const first of rows) {
    if (out.some((b) => sameName(b.name, first.name))) continue;
    const mine = rows.filter((x) => sameName(x.name, first.name));
    const version = Math.max(...mine.map((x) => x.version));
    // The latest save of that version (two co-authors saving at once make two).
    const latest = mine.filter((x) => x.version === version).at(-1)!;
    const save = mine.filter((x) => x.version === version && x.savedAt === latest.savedAt);
    out.push({
      name: first.name,
      version,
      savedAt: latest.savedAt,
      savedBy: latest.savedBy,
      tasks: save.flatMap((x) => (x.task ? [x.task] : [])),
    });
  }
  return out;
}

/** The name a save takes when none is given: the first of 基线, 基线1 … 基线10 not yet used. */
export function nextBaselineName(saved: readonly Baseline[]): string | undefined {
  return BASELINE_NAMES.find((n) => !saved.some((b) => sameName(b.name, n)));
}

/** The baseline the rules compare against: 基线 when saved (MS Project's default), else the first saved. */
export function ruleBaseline(saved: readonly Baseline[]): Baseline | undefined {
  return saved.find((b) => sameName(b.name, BASELINE_NAMES[0])) ?? saved[0];
}

/** A task's identity across saves: its WBS, else its 标识号, else its name. */
export function taskKey(row: TypedRow): string | undefined {
  return textOf(row.fields.wbs) ?? textOf(row.fields.taskId) ?? textOf(row.fields.task);
}

/** The calendar a duration is counted on. */
export interface BaselineCalendar {
  /** Working days in (a, b]. */
  workdaysBetween(a: IsoDate, b: IsoDate): number;
}

/** Every working-day count is taken from one origin within the bundled calendar's years. */
const ORIGIN = "2004-01-01";

/**
 * Working-day positions of dates, each date counted once: a schedule repeats the same few hundred
 * dates over thousands of tasks, and a save or a variance asks three or four counts per task.
 */
class DayIndex {
  private readonly at = new Map<IsoDate, number | null>();
  constructor(private readonly cal: BaselineCalendar) {}
  /** Working days in (ORIGIN, d]; undefined when the calendar cannot count that far. */
  of(d: IsoDate): number | undefined {
    let n = this.at.get(d);
    if (n === undefined) {
      try {
        n = this.cal.workdaysBetween(ORIGIN, d);
      } catch {
        n = null;
      }
      this.at.set(d, n);
    }
    return n ?? undefined;
  }
}

function indexOf(cal: BaselineCalendar | DayIndex): DayIndex {
  return cal instanceof DayIndex ? cal : new DayIndex(cal);
}

/** Working days from start to end, both counted; undefined when either is missing or end < start. */
export function workingDuration(
  cal: BaselineCalendar | DayIndex,
  start?: IsoDate,
  end?: IsoDate,
): number | undefined {
  if (!start || !end || end < start) return undefined;
  const days = indexOf(cal);
  const a = days.of(addDays(start, -1));
  const b = days.of(end);
  return a === undefined || b === undefined ? undefined : b - a;
}

/** Signed working days from a to b (positive: b is later). */
function shift(days: DayIndex, a?: IsoDate, b?: IsoDate): number | undefined {
  if (!a || !b) return undefined;
  const x = days.of(a);
  const y = days.of(b);
  return x === undefined || y === undefined ? undefined : y - x;
}

/** The schedule's plan now, task by task, as a save records it. */
export function currentPlan(tables: readonly TypedTable[], cal: BaselineCalendar): BaselineTask[] {
  const days = indexOf(cal);
  const out: BaselineTask[] = [];
  for (const t of tables) {
    if (t.kind !== "schedule") continue;
    for (const row of t.rows) {
      const key = taskKey(row);
      if (key === undefined) continue;
      const start = dateOf(row.fields.planStart);
      const end = dateOf(row.fields.planEnd);
      const task: BaselineTask = { sheet: t.sheet, key, task: textOf(row.fields.task) ?? "" };
      if (start) task.start = start;
      if (end) task.end = end;
      const d = workingDuration(days, start, end);
      if (d !== undefined) task.duration = d;
      out.push(task);
    }
  }
  return out;
}

/** Finds a task of a baseline by sheet and key; by key alone when the baseline has one sheet only. */
export function baselineIndex(b: Baseline): (sheet: string, key: string) => BaselineTask | undefined {
  const exact = new Map<string, BaselineTask>();
  const byKey = new Map<string, BaselineTask>();
  const sheets = new Set(b.tasks.map((t) => t.sheet));
  for (const t of b.tasks) {
    if (!exact.has(`${t.sheet}\u0000${t.key}`)) exact.set(`${t.sheet}\u0000${t.key}`, t);
    if (!byKey.has(t.key)) byKey.set(t.key, t);
  }
  return (sheet, key) => exact.get(`${sheet}\u0000${key}`) ?? (sheets.size <= 1 ? byKey.get(key) : undefined);
}

/** A task's variance against a baseline, in working days on the 调休 calendar (MS Project's sense). */
export interface TaskVariance {
  sheet: string;
  key: string;
  task: string;
  /** added: in the plan, not in the baseline; removed: in the baseline, no longer in the plan. */
  status: "same" | "changed" | "added" | "removed";
  baselineStart?: IsoDate;
  baselineEnd?: IsoDate;
  baselineDuration?: number;
  start?: IsoDate;
  end?: IsoDate;
  duration?: number;
  /** Positive: later (start, finish) or longer (duration) than the baseline. */
  startVariance?: number;
  finishVariance?: number;
  durationVariance?: number;
}

export function variance(plan: readonly BaselineTask[], b: Baseline, cal: BaselineCalendar): TaskVariance[] {
  const days = indexOf(cal);
  const find = baselineIndex(b);
  const seen = new Set<BaselineTask>();
  const out: TaskVariance[] = [];
  for (const t of plan) {
    const base = find(t.sheet, t.key);
    const v: TaskVariance = { sheet: t.sheet, key: t.key, task: t.task, status: base ? "same" : "added" };
    if (t.start) v.start = t.start;
    if (t.end) v.end = t.end;
    if (t.duration !== undefined) v.duration = t.duration;
    if (base) {
      seen.add(base);
      if (base.start) v.baselineStart = base.start;
      if (base.end) v.baselineEnd = base.end;
      if (base.duration !== undefined) v.baselineDuration = base.duration;
      const sv = shift(days, base.start, t.start);
      const fv = shift(days, base.end, t.end);
      if (sv !== undefined) v.startVariance = sv;
      if (fv !== undefined) v.finishVariance = fv;
      if (t.duration !== undefined && base.duration !== undefined)
        v.durationVariance = t.duration - base.duration;
      if (base.start !== t.start || base.end !== t.end) v.status = "changed";
    }
    out.push(v);
  }
  for (const base of b.tasks) {
    if (seen.has(base)) continue;
    const v: TaskVariance = { sheet: base.sheet, key: base.key, task: base.task, status: "removed" };
    if (base.start) v.baselineStart = base.start;
    if (base.end) v.baselineEnd = base.end;
    if (base.duration !== undefined) v.baselineDuration = base.duration;
    out.push(v);
  }
  return out;
}

/** A date taken from the saved baseline, as the rules read a typed cell (located at the row's 计划完成). */
function savedCell(
  field: "baselineStart" | "baselineEnd",
  value: IsoDate,
  at: FieldCell | undefined,
): FieldCell {
  return {
    field,
    type: "date",
    col: at?.col ?? 0,
    cell: at?.cell ?? "",
    header: BASELINE_SHEET,
    display: value,
    parsed: { status: "ok", value, fromText: false },
  };
}

/**
 * Schedules without a 基线 column of their own take their baseline dates from the saved
 * baseline, so the plan-change rules and the 计划调整通知 run on them. A table with its own
 * 基线完成 column keeps it: what the sheet says wins.
 */
export function withSavedBaseline(tables: TypedTable[], b: Baseline | undefined): TypedTable[] {
  if (!b) return tables;
  const find = baselineIndex(b);
  return tables.map((t) => {
    if (t.kind !== "schedule" || t.fields.has("baselineEnd")) return t;
    const fields = new Set(t.fields);
    let any = false;
    for (const row of t.rows) {
      const key = taskKey(row);
      const base = key === undefined ? undefined : find(t.sheet, key);
      if (!base) continue;
      const at = row.fields.planEnd ?? row.fields.planStart;
      if (base.end) {
        row.fields.baselineEnd = savedCell("baselineEnd", base.end, at);
        any = true;
      }
      if (base.start && !t.fields.has("baselineStart"))
        row.fields.baselineStart = savedCell("baselineStart", base.start, at);
    }
    if (!any) return t;
    fields.add("baselineEnd");
    if (!t.fields.has("baselineStart")) fields.add("baselineStart");
    return { ...t, fields };
  });
}

/** What a check tells of the saved baselines: each one, and the variance against the one the rules use. */
export interface BaselineSummary {
  saved: Array<{ name: string; version: number; savedAt: string; savedBy: string; tasks: number }>;
  /** The baseline the plan-change rules and the variance use. */
  compared: string;
  variance: TaskVariance[];
  /**
   * What varianceCounts() gives for the whole variance, where `variance` was cut to the tasks a
   * reader is shown (the task pane's page gets the first moved tasks only).
   */
  counts?: VarianceCounts;
}

export interface VarianceCounts {
  /** Tasks not the same as in the baseline: changed, added or removed. */
  moved: number;
  changed: number;
  /** Tasks finishing later than in the baseline. */
  later: number;
  added: number;
  removed: number;
}

/** The variance counted by status, in one pass. */
export function varianceCounts(variance: readonly TaskVariance[]): VarianceCounts {
  const c: VarianceCounts = { moved: 0, changed: 0, later: 0, added: 0, removed: 0 };
  for (const v of variance) {
    if (v.status === "same") continue;
    c.moved++;
    c[v.status]++;
    if ((v.finishVariance ?? 0) > 0) c.later++;
  }
  return c;
}

export function baselineSummary(
  saved: readonly Baseline[],
  compared: Baseline,
  tables: readonly TypedTable[],
  cal: BaselineCalendar,
): BaselineSummary {
  return {
    saved: saved.map((b) => ({
      name: b.name,
      version: b.version,
      savedAt: b.savedAt,
      savedBy: b.savedBy,
      tasks: b.tasks.length,
    })),
    compared: compared.name,
    variance: variance(currentPlan(tables, cal), compared, cal),
  };
}
