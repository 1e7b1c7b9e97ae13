/**
 * The Gantt band (设置 甘特图 = 按日 / 按周, or `apply --gantt`): for each schedule, a sheet of the
 * product's own beside it, one row per task and one column per day or per week, whose bars are
 * conditional formats on TODAY(). They move on by themselves and show for co-authors without the
 * add-in; the user's sheet, its columns and its print setup are never touched.
 *
 * Layout (rows): 1 title and month labels; 2 legend, and over the band each column's calendar mark
 * (休 a day off, 班 a make-up working day, else the weekday; by week, the week's working days); 3
 * headers and each column's first day; then one row per task. Columns A–I hold the task (WBS,
 * name, owner, the four dates, progress, 关键), the band starts at J.
 *
 * Dates of a table kept in place are live: `IF(ISNUMBER('进度计划表'!E5),'进度计划表'!E5,"")`, so
 * a date typed on the schedule moves its bar without another apply (Excel keeps the reference
 * when rows are inserted or the sheet renamed). A date Excel cannot compare (text such as
 * `2026年11月23日`, an end derived from a duration, a normalised copy's values) is written as the
 * value the check read. The 关键 column comes from the critical-path pass over 前置任务 (a value at
 * apply time: no formula can compute it).
 *
 * Seven rules over one range whatever the number of tasks and columns, each formula built from
 * column letters and fixed words only, tagged `N("项目跟踪:甘特…")` like every product rule:
 * overdue, actual, critical, planned, today, 班, 休 — in that priority, so a bar shows over a day
 * off, and LibreOffice (which applies only the first true rule) draws the same picture.
 */

import { isoToSerial, addDays, weekday, diffDays, type IsoDate } from "../dates";
import type { WorkCalendar } from "../calendar";
import type { CellWrite, ConditionalRule, PatchOp, SheetContent } from "../patch";
import { OWN_TAG } from "../patch";
import { criticalPath, type CpmTask } from "../schedule/cpm";
import { parseLinks } from "../schedule/links";
import type { FieldCell, TypedRow, TypedTable } from "../rows";
import type { GanttMode, Lang } from "../settings";
import {
  cellAt,
  colLetter,
  ownedSheet,
  type Range,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../snapshot";
import { freeSheetName, MAX_SHEET_NAME, textId } from "../owned";
import { ganttWords } from "../../i18n/gantt";
import { DATE_FORMAT, type Layout } from "./layout";

/** Columns of the task part; the band starts after them. */
const COLS = [
  "wbs",
  "task",
  "owner",
  "planStart",
  "planEnd",
  "actualStart",
  "actualEnd",
  "progress",
  "critical",
] as const;
type Col = (typeof COLS)[number];
const col = (c: Col) => COLS.indexOf(c) + 1;
export const BAND_FIRST_COL = COLS.length + 1;
/** Rows: month labels, calendar marks, column headers; tasks below. */
export const MONTH_ROW = 1;
export const MARK_ROW = 2;
export const HEAD_ROW = 3;
export const FIRST_TASK_ROW = 4;
/** At most this many band columns: two years by day, five by week. */
export const MAX_BAND = { day: 732, week: 262 } as const;

/** Fill (and font) of each bar and mark; the legend shows the same. */
export const GANTT_COLORS = {
  overdue: { fill: "C00000", fontColor: "FFFFFF" },
  actual: { fill: "70AD47", fontColor: "FFFFFF" },
  critical: { fill: "ED7D31", fontColor: "FFFFFF" },
  planned: { fill: "5B9BD5", fontColor: "FFFFFF" },
  today: { fill: "FF6666", fontColor: "FFFFFF" },
  makeUp: { fill: "FFE699", fontColor: "7F6000" },
  rest: { fill: "D9D9D9", fontColor: "595959" },
} as const;

/** The marker id of the Gantt sheet of the n-th schedule on a sheet. */
export function ganttOwnerId(source: string, n: number): string {
  return `${textId(source)}_${n}`;
}

function ganttSheetName(source: string, n: number): string {
  const suffix = n === 1 ? "（甘特图）" : `（甘特图${n}）`;
  return [...source].slice(0, MAX_SHEET_NAME - suffix.length).join("") + suffix;
}

function tag(word: string): string {
  return `N("${OWN_TAG}:甘特${word}")=0`;
}

/**
 * The band's rules, relative to its top-left cell (the first band column, MARK_ROW): `J$3` is the
 * column's first day, `J$3+k` its last (k = 0 by day, 6 by week), `$D2` … the row's task dates.
 */
export function ganttRules(mode: "day" | "week"): ConditionalRule[] {
  const L = colLetter(BAND_FIRST_COL);
  const r = MARK_ROW;
  const ref = (c: Col) => `$${colLetter(col(c))}${r}`;
  const first = `${L}$${HEAD_ROW}`;
  const last = mode === "day" ? first : `${first}+6`;
  const mark = `${L}$${MARK_ROW}`;
  const [ps, pe, as, ae, pr, cr] = [
    ref("planStart"),
    ref("planEnd"),
    ref("actualStart"),
    ref("actualEnd"),
    ref("progress"),
    ref("critical"),
  ];
  const planned = [`ISNUMBER(${ps})`, `ISNUMBER(${pe})`, `${ps}<=${last}`, `${first}<=${pe}`];
  const and = (terms: string[], word: string) => `AND(${[...terms, tag(word)].join(",")})`;
  const c = GANTT_COLORS;
  return [
    {
      // Not finished, planned to end before today: red from its planned start to today.
      formula: and(
        [
          `ISNUMBER(${ps})`,
          `ISNUMBER(${pe})`,
          `${pe}<TODAY()`,
          `NOT(ISNUMBER(${ae}))`,
          `N(${pr})<1`,
          `${ps}<=${last}`,
          `${first}<=TODAY()`,
        ],
        "逾期",
      ),
      ...c.overdue,
      stopIfTrue: true,
    },
    {
      // From the actual start to the actual finish, or to today while it runs.
      formula: and(
        [`ISNUMBER(${as})`, `${as}<=${last}`, `${first}<=IF(ISNUMBER(${ae}),${ae},TODAY())`],
        "实际",
      ),
      ...c.actual,
      stopIfTrue: true,
    },
    { formula: and([...planned, `${cr}="是"`], "关键"), ...c.critical, stopIfTrue: true },
    { formula: and(planned, "计划"), ...c.planned, stopIfTrue: true },
    {
      formula: and([`ISNUMBER(${first})`, `${first}<=TODAY()`, `TODAY()<=${last}`], "今天"),
      ...c.today,
      stopIfTrue: true,
    },
    mode === "day"
      ? { formula: and([`${mark}="班"`], "班"), ...c.makeUp, stopIfTrue: true }
      : { formula: and([`ISNUMBER(${mark})`, `${mark}>5`], "班"), ...c.makeUp, stopIfTrue: true },
    mode === "day"
      ? { formula: and([`${mark}="休"`], "休"), ...c.rest, stopIfTrue: true }
      : { formula: and([`ISNUMBER(${mark})`, `${mark}<5`], "休"), ...c.rest, stopIfTrue: true },
  ];
}

function dateOf(fc: FieldCell | undefined): IsoDate | undefined {
  return fc?.parsed.status === "ok" && typeof fc.parsed.value === "string" ? fc.parsed.value : undefined;
}

/** A reference to another sheet's cell: the name always quoted (quotes doubled), so no name can break out. */
function sheetRef(sheet: string, r: number, c: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${colLetter(c)}$${r}`;
}

/**
 * Critical tasks by row, from the critical-path pass over the table's 前置任务 on the 调休 calendar;
 * undefined when the table has no 前置任务 column (without links every task would be its own chain).
 */
export function criticalRows(typed: TypedTable, calendar: WorkCalendar): Set<number> | undefined {
  if (!typed.fields.has("predecessors")) return undefined;
  const tasks: CpmTask[] = [];
  const rows: number[] = [];
  for (const row of typed.rows) {
    const id = row.fields.wbs?.display.trim() || String(row.row);
    const start = dateOf(row.fields.planStart);
    const finish = dateOf(row.fields.planEnd);
    if (!start && !finish) continue;
    const links = row.fields.predecessors ? parseLinks(row.fields.predecessors.display).links : [];
    tasks.push({ id, ...(start ? { start } : {}), ...(finish ? { finish } : {}), links });
    rows.push(row.row);
  }
  if (tasks.length === 0) return new Set();
  const result = criticalPath(tasks, calendar);
  const out = new Set<number>();
  result.tasks.forEach((t, i) => {
    if (t.critical && !t.durationUnknown) out.add(rows[i]);
  });
  return out;
}

interface Band {
  mode: "day" | "week";
  /** First day of each column. */
  days: IsoDate[];
}

/** The band's columns: from the earliest date of the schedule to its latest, capped. */
export function bandOf(rows: TypedRow[], mode: "day" | "week"): Band | undefined {
  let lo: IsoDate | undefined;
  let hi: IsoDate | undefined;
  for (const row of rows) {
    for (const f of ["planStart", "planEnd", "actualStart", "actualEnd"]) {
      const d = dateOf(row.fields[f]);
      // A date far outside the working years (a typo such as 2206) would stretch the band to nothing.
      if (!d || d < "1950" || d > "2200") continue;
      if (lo === undefined || d < lo) lo = d;
      if (hi === undefined || d > hi) hi = d;
    }
  }
  if (lo === undefined || hi === undefined) return undefined;
  const step = mode === "day" ? 1 : 7;
  // Weeks start on Monday.
  const start = mode === "day" ? lo : addDays(lo, -((weekday(lo) + 6) % 7));
  const count = Math.min(MAX_BAND[mode], Math.floor(diffDays(start, hi) / step) + 1);
  return { mode, days: Array.from({ length: count }, (_, i) => addDays(start, i * step)) };
}

export interface GanttPlanInput {
  wb: WorkbookSnapshot;
  tables: TypedTable[];
  /** Where a table stands after apply: in place, or on its normalised copy. */
  layoutOf: (t: TypedTable) => Layout | undefined;
  calendar: WorkCalendar;
  mode: GanttMode;
  lang: Lang;
  /** Sheet names taken (lower case); a new Gantt sheet takes a free name and is added. */
  sheetNames: Set<string>;
  onRenamed?: (wanted: string, sheet: string) => void;
}

export interface GanttPlan {
  ops: PatchOp[];
  /** The Gantt sheets written, with their rule counts. */
  sheets: Array<{ sheet: string; tasks: number; columns: number; rules: number }>;
}

/**
 * Writes (or rewrites) the Gantt sheet of each schedule with dates; a Gantt sheet of an earlier
 * run that is no longer wanted (设置 甘特图 = 关闭, its schedule gone) is emptied and hidden.
 */
export function planGantt(input: GanttPlanInput): GanttPlan {
  const { wb, lang } = input;
  const plan: GanttPlan = { ops: [], sheets: [] };
  const kept = new Set<string>();
  if (input.mode !== "off") {
    const mode = input.mode;
    const perSheet = new Map<string, number>();
    input.tables.forEach((typed) => {
      if (typed.kind !== "schedule") return;
      const layout = input.layoutOf(typed);
      const n = (perSheet.get(typed.sheet) ?? 0) + 1;
      perSheet.set(typed.sheet, n);
      const band = bandOf(typed.rows, mode);
      if (!band) return;
      const id = ganttOwnerId(typed.sheet, n);
      const existing = ownedSheet(wb, "gantt", id);
      let name: string;
      if (existing) name = existing.name;
      else {
        const wanted = ganttSheetName(typed.sheet, n);
        name = freeSheetName(wanted, input.sheetNames);
        if (name !== wanted) input.onRenamed?.(wanted, name);
      }
      kept.add(name);
      const inPlace = layout !== undefined && layout.sheet === typed.sheet;
      const content = ganttContent(typed, band, {
        lang,
        date1904: wb.date1904,
        live: inPlace ? layout : undefined,
        sheet: wb.sheets.find((s) => s.name === typed.sheet),
        critical: criticalRows(typed, input.calendar),
        calendar: input.calendar,
      });
      plan.ops.push({
        op: "writeSheet",
        sheet: name,
        owner: { kind: "gantt", id },
        content,
        visibility: "visible",
        after: layout?.sheet ?? typed.sheet,
        ...(existing ? { previous: existing.owner!.range } : {}),
      });
      if (existing) plan.ops.push({ op: "clearOwnFormats", sheet: name });
      const lastRow = Math.max(HEAD_ROW, FIRST_TASK_ROW + typed.rows.length - 1);
      const range: Range = {
        r1: MARK_ROW,
        c1: BAND_FIRST_COL,
        r2: lastRow,
        c2: BAND_FIRST_COL + band.days.length - 1,
      };
      const rules = ganttRules(mode);
      plan.ops.push({ op: "addConditionalFormats", sheet: name, ranges: [range], rules });
      plan.sheets.push({
        sheet: name,
        tasks: typed.rows.length,
        columns: band.days.length,
        rules: rules.length,
      });
    });
  }
  for (const s of wb.sheets) {
    if (s.owner?.kind !== "gantt" || kept.has(s.name)) continue;
    plan.ops.push(...ganttRemoval(s.name, s.owner));
  }
  return plan;
}

/** Empties a Gantt sheet (its region, its rules) and hides it: what `clear` and turning it off do. */
export function ganttRemoval(sheet: string, owner: { id: string; range: Range }): PatchOp[] {
  return [
    {
      op: "writeSheet",
      sheet,
      owner: { kind: "gantt", id: owner.id },
      content: { rows: [] },
      visibility: "hidden",
      previous: owner.range,
    },
    { op: "clearOwnFormats", sheet },
  ];
}

/** Every Gantt sheet of the workbook emptied and hidden (for clear). */
export function ganttRemovals(wb: WorkbookSnapshot): PatchOp[] {
  return wb.sheets.flatMap((s) => (s.owner?.kind === "gantt" ? ganttRemoval(s.name, s.owner) : []));
}

function ganttContent(
  typed: TypedTable,
  band: Band,
  opts: {
    lang: Lang;
    date1904: boolean;
    /** The table's layout where it stands on the user's sheet: dates are referenced live. */
    live?: Layout;
    /** The user's sheet the table stands on. */
    sheet: SheetSnapshot | undefined;
    critical?: Set<number>;
    calendar: WorkCalendar;
  },
): SheetContent {
  const w = ganttWords(opts.lang);
  const bold = { bold: true };
  const width = BAND_FIRST_COL - 1 + band.days.length;
  const row = () => new Array<CellWrite | null>(width).fill(null);

  const month = row();
  month[0] = { v: w.title(typed.sheet, band.mode), style: { bold: true, size: 13 } };
  const marks = row();
  marks[0] = { v: w.legend, style: bold };
  const legend: Array<[string, { fill: string; fontColor: string }]> = [
    [w.planned, GANTT_COLORS.planned],
    [w.actual, GANTT_COLORS.actual],
    [w.criticalBar, GANTT_COLORS.critical],
    [w.overdue, GANTT_COLORS.overdue],
    [w.today, GANTT_COLORS.today],
    [w.makeUp, GANTT_COLORS.makeUp],
    [w.rest, GANTT_COLORS.rest],
  ];
  legend.forEach(([text, c], i) => {
    marks[2 + i] = { v: text, style: { fill: c.fill, color: c.fontColor, hAlign: "center" } };
  });
  const head = row();
  COLS.forEach((c, i) => (head[i] = { v: w.headers[c], style: bold }));

  const small = { size: 8, hAlign: "center" as const };
  // Each month's label over its first column, the first one shown and January's with the year. A
  // month with too few columns at the band's start gets none: its label would run into
  // the next one.
  const starts = band.days.flatMap((d, i) =>
    i === 0 || d.slice(0, 7) !== band.days[i - 1].slice(0, 7) ? [i] : [],
  );
  const room = band.mode === "day" ? 4 : 2;
  const shown = starts.filter((i, k) => k > 0 || starts.length === 1 || starts[1] - i >= room);
  shown.forEach((i, k) => {
    const d = band.days[i];
    const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
    month[BAND_FIRST_COL - 1 + i] = {
      v: m === 1 || k === 0 ? w.month(y, m) : w.monthOnly(m),
      style: { bold: true, size: 9 },
    };
  });
  band.days.forEach((d, i) => {
    const c = BAND_FIRST_COL - 1 + i;
    head[c] = {
      v: isoToSerial(d, opts.date1904),
      style: { ...small, numFmt: band.mode === "day" ? "d" : "m/d" },
    };
    if (band.mode === "day") {
      const work = opts.calendar.isWorkday(d);
      const wd = weekday(d);
      const weekend = wd === 0 || wd === 6;
      marks[c] = { v: !work ? "休" : weekend ? "班" : w.weekdays[wd], style: small };
    } else {
      let n = 0;
      for (let k = 0; k < 7; k++) if (opts.calendar.isWorkday(addDays(d, k))) n++;
      marks[c] = { v: n, style: small };
    }
  });

  const date = (r: TypedRow, field: Col): CellWrite | null => {
    const fc = r.fields[field];
    const style = { numFmt: DATE_FORMAT };
    const value = dateOf(fc);
    const at = opts.live?.fields[field]?.col;
    const source = at === undefined || !opts.sheet ? undefined : cellAt(opts.sheet, r.row, at);
    const own = fc === undefined || (fc.col === at && !fc.inherited);
    const numeric = source === undefined || (typeof source.value === "number" && value !== undefined);
    if (opts.live && at !== undefined && own && numeric && source?.formula === undefined) {
      const ref = sheetRef(typed.sheet, r.row, at);
      return {
        v: value === undefined ? "" : isoToSerial(value, opts.date1904),
        formula: `IF(ISNUMBER(${ref}),${ref},"")`,
        style,
      };
    }
    return value === undefined ? null : { v: isoToSerial(value, opts.date1904), style };
  };
  const progress = (r: TypedRow): CellWrite | null => {
    const fc = r.fields.progress;
    const style = { numFmt: "0%" };
    const value =
      fc?.parsed.status === "ok" && typeof fc.parsed.value === "number" ? fc.parsed.value : undefined;
    const fraction = value === undefined ? undefined : Number((value / 100).toPrecision(15));
    const at = opts.live?.fields.progress?.col;
    const source = at === undefined || !opts.sheet ? undefined : cellAt(opts.sheet, r.row, at);
    const numeric = source === undefined || (typeof source.value === "number" && value !== undefined);
    if (opts.live && at !== undefined && (fc === undefined || fc.col === at) && numeric && !source?.formula) {
      const ref = sheetRef(typed.sheet, r.row, at);
      const scaled = opts.live.fractions ? ref : `${ref}/100`;
      return { v: fraction ?? "", formula: `IF(ISNUMBER(${ref}),${scaled},"")`, style };
    }
    return fraction === undefined ? null : { v: fraction, style };
  };
  const text = (fc: FieldCell | undefined): CellWrite | null =>
    fc && fc.display.trim() !== "" ? { v: fc.display.trim() } : null;

  // A task row holds its nine cells only: the band's cells stay empty (the rules colour them).
  const body = typed.rows.map((r) => {
    const cells = new Array<CellWrite | null>(COLS.length).fill(null);
    cells[col("wbs") - 1] = text(r.fields.wbs);
    cells[col("task") - 1] = text(r.fields.task);
    if (cells[col("task") - 1] && r.summary) cells[col("task") - 1]!.style = bold;
    cells[col("owner") - 1] = text(r.fields.owner);
    for (const f of ["planStart", "planEnd", "actualStart", "actualEnd"] as const)
      cells[col(f) - 1] = date(r, f);
    cells[col("progress") - 1] = progress(r);
    cells[col("critical") - 1] = opts.critical?.has(r.row) ? { v: w.yes, style: { hAlign: "center" } } : null;
    return cells;
  });

  const bandWidth = band.mode === "day" ? 2.4 : 5.5;
  const taskWidths = [6, 18, 8, 10.5, 10.5, 10.5, 10.5, 6, 5];
  const chars = taskWidths.reduce((a, b) => a + b, 0) + bandWidth * band.days.length;
  return {
    rows: [month, marks, head, ...body],
    colWidths: [...taskWidths, ...band.days.map(() => bandWidth)],
    freeze: { rows: HEAD_ROW, cols: 2 },
    pageSetup: {
      paper: "A4",
      orientation: "landscape",
      // About 250 characters across each printed page (some 65% of full size): ten weeks of days.
      fitToWidth: Math.max(1, Math.ceil(chars / 250)),
      margins: { left: 0.3, right: 0.3, top: 0.4, bottom: 0.4, header: 0.2, footer: 0.2 },
      printTitleRows: { r1: MONTH_ROW, r2: HEAD_ROW },
    },
  };
}
