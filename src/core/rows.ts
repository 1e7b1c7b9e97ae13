/**
 * Recognised table + snapshot → typed rows. Every mapped cell is parsed once,
 * here, by its field type (kinds.ts); the rules only ever see parsed values and
 * keep the cell's address and display text for their messages.
 */

import { addDays, daysInMonth, ymd, type IsoDate } from "./dates";
import type { Link } from "./schedule/links";
import { fieldDef, type FieldType, type Kind } from "./kinds";
import { HOURS_PER_DAY } from "./settings";
import type { ColumnRef, GroupField, RecognisedTable } from "./recognise";
import {
  cellAt,
  colLetter,
  colNumber,
  type Cell,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "./snapshot";
import {
  columnIsFractions,
  displayValue,
  durationIsWorking,
  parseHours,
  parseDays,
  parseDate,
  plausibleDate,
  PLAUSIBLE_YEARS,
  DURATION_RANGE,
  parseDateRangePart,
  parseMoney,
  parsePercent,
  parseText,
  parseWbs,
  linksOfList,
  parseWbsList,
  parseYesNo,
  type Parsed,
} from "./values";

export type FieldValue = string | number | boolean | string[];

/** One mapped cell of a row, parsed, with what the user sees. */
export interface FieldCell {
  field: string;
  type: FieldType;
  col: number;
  /** A1 address, e.g. F12. */
  cell: string;
  /** The column's header as written in the sheet. */
  header: string;
  /** The value as the user sees it ("" for an empty cell). */
  display: string;
  parsed: Parsed<FieldValue>;
  /**
   * True when the value comes from a cell merged down from a row above: `cell` is then
   * that merge's top cell, where the value is written, and the finding about the
   * value itself belongs to that row, not to every row the merge covers.
   */
  inherited?: boolean;
}

/** A field of a numbered payment group, as recognition names it. */
export type PaymentField = GroupField;

export interface PaymentGroupCells {
  n: number;
  fields: Partial<Record<PaymentField, FieldCell>>;
}

export interface TypedRow {
  sheet: string;
  row: number;
  /** Only mapped fields are present. */
  fields: Partial<Record<string, FieldCell>>;
  /** Numbered payment groups (contracts only), in order of n. */
  groups: PaymentGroupCells[];
  /**
   * Schedule rows: a summary task, i.e. another row's WBS sits under this one
   * (1 → 1.1). Its dates and progress are rolled up from those rows, which carry
   * the task findings.
   */
  summary?: boolean;
  /**
   * Contracts rows: the 合同编号 is merged down from the row above, so this row goes
   * on with the same contract (typically one more payment node), not a new one.
   */
  continuation?: boolean;
  /**
   * Schedule rows under phases across columns: this task is one phase of its sheet row (several
   * TypedRows share the row). `item` names the row (模块 · 子模块), `index` the phase's place.
   */
  phase?: { name: string; index: number; item: string };
}

export interface TypedTable {
  kind: Kind;
  sheet: string;
  /** Position of the sheet in the workbook, for sorting findings. */
  sheetIndex: number;
  source: RecognisedTable;
  rows: TypedRow[];
  /** Fields mapped as single columns or inside numbered groups. */
  fields: ReadonlySet<string>;
}

/** The calendar a duration in working days is counted on. */
export interface DurationCalendar {
  addWorkdays(d: IsoDate, n: number): IsoDate;
}

/** Parse every data row of a recognised table. */
export function typeTable(
  wb: WorkbookSnapshot,
  t: RecognisedTable,
  calendar?: DurationCalendar,
  hoursPerDay: number = HOURS_PER_DAY.default,
): TypedTable {
  const sheetIndex = wb.sheets.findIndex((s) => s.name === t.sheet);
  const sheet = wb.sheets[sheetIndex];
  const fields = new Set<string>();
  const anchors = mergeAnchors(sheet, t);
  const parsers: Array<{ field: string; ref: ColumnRef; parse: CellParser }> = [];
  for (const [field, ref] of Object.entries(t.columns)) {
    if (!ref) continue;
    fields.add(field);
    parsers.push({ field, ref, parse: parserFor(wb, sheet, t, field, ref, anchors, hoursPerDay) });
  }
  const groups = [...t.groups].sort((x, y) => x.n - y.n);
  const groupParsers = groups.map((g) => ({
    n: g.n,
    cols: Object.entries(g.columns).flatMap(([field, ref]) => {
      if (!ref) return [];
      fields.add(field);
      return [
        {
          field: field as PaymentField,
          ref,
          parse: parserFor(wb, sheet, t, field, ref, anchors, hoursPerDay),
        },
      ];
    }),
  }));

  if (t.kind === "schedule" && t.phases && t.phases.length >= 2) {
    const rows = phaseRows(wb, sheet, t, parsers, anchors);
    fields.add("phase");
    return { kind: t.kind, sheet: t.sheet, sheetIndex, source: t, rows, fields };
  }
  // One contract per sheet: every payment row is that contract's, its number read from the block.
  const contract = t.sheetContract && sheetContractCell(t);
  if (contract) fields.add("contractNo");
  // Task names indented across columns: an empty task cell takes the first sub-item beside it.
  const spanParsers = (t.taskSpan ?? []).map((ref) =>
    parserFor(wb, sheet, t, "task", ref, anchors, hoursPerDay),
  );
  const rows: TypedRow[] = t.dataRows.map((r) => {
    const row: TypedRow = { sheet: t.sheet, row: r, fields: {}, groups: [] };
    // Indexed loops: every cell of the table passes here, before the code is optimised.
    for (let i = 0; i < parsers.length; i++) row.fields[parsers[i].field] = parsers[i].parse(r);
    if (spanParsers.length && isEmpty(row.fields.task))
      for (let i = 0; i < spanParsers.length; i++) {
        const sub = spanParsers[i](r);
        if (!isEmpty(sub)) {
          row.fields.task = sub;
          break;
        }
      }
    for (let k = 0; k < groupParsers.length; k++) {
      const g = groupParsers[k];
      const cells: PaymentGroupCells = { n: g.n, fields: {} };
      for (let i = 0; i < g.cols.length; i++) cells.fields[g.cols[i].field] = g.cols[i].parse(r);
      row.groups.push(cells);
    }
    if (t.kind === "contracts" && row.fields.contractNo?.inherited) row.continuation = true;
    if (contract) row.fields.contractNo = contract;
    return row;
  });
  if (contract) nextMonths(rows);
  if (t.kind === "schedule" && t.actualRows)
    actualsBelow(t, rows, fields, (field, ref) => parserFor(wb, sheet, t, field, ref, anchors, hoursPerDay));
  if (t.kind === "schedule") {
    markSummaries(rows);
    if (t.columns.duration && t.columns.planStart && !t.columns.planEnd) {
      derivePlanEnd(sheet, t.columns.duration, rows, calendar);
      fields.add("planEnd");
    }
  }
  if (t.kind === "contracts" && t.columns.term && t.columns.termStart && !t.columns.termEnd) {
    deriveTermEnd(t.columns.term, rows);
    fields.add("termEnd");
  }
  return { kind: t.kind as Kind, sheet: t.sheet, sheetIndex, source: t, rows, fields };
}

/**
 * Tasks on two lines, the name merged over both (RecognisedTable.actualRows): the second line's
 * dates, under the plan's own date columns, are the task's actual start and end.
 */
function actualsBelow(
  t: RecognisedTable,
  rows: TypedRow[],
  fields: Set<string>,
  parserOf: (field: string, ref: ColumnRef) => CellParser,
): void {
  const second = new Map(Object.entries(t.actualRows ?? {}).map(([line, task]) => [task, Number(line)]));
  const pairs: Array<[string, string]> = [
    ["planStart", "actualStart"],
    ["planEnd", "actualEnd"],
  ];
  for (const [plan, actual] of pairs) {
    const ref = t.columns[plan];
    if (!ref) continue;
    const parse = parserOf(actual, ref);
    fields.add(actual);
    for (const row of rows) {
      const r = second.get(row.row);
      if (r !== undefined) row.fields[actual] = parse(r);
    }
  }
}

/** A term's length: `12` (months, or the header's unit), `3年`, `18个月`, `90天`. */
const TERM_RE = /^(\d+(?:\.\d+)?)\s*(年|个月|月|天|日|years?|months?|days?)?$/i;

/**
 * A contract register with the start of each term and its length but no end (`contract_start |
 * contract_term`, 合同开始日期 | 合同期限（月）): the term ends the day before the same day that many
 * months (years, days) later. A bare number counts months unless the header's unit says otherwise.
 */
function deriveTermEnd(ref: ColumnRef, rows: TypedRow[]): void {
  for (const row of rows) {
    const start = dateOf(row.fields.termStart);
    const term = row.fields.term;
    const raw = term === undefined ? undefined : term.parsed.status === "ok" ? term.parsed.value : undefined;
    if (start === undefined || term === undefined || raw === undefined) continue;
    const m = TERM_RE.exec(String(raw).trim());
    if (!m) continue;
    const n = Number(m[1]);
    const unit = (m[2] ?? ref.unit ?? "月").toLowerCase();
    let end: IsoDate | undefined;
    if (/^(天|日|days?)$/.test(unit)) end = n >= 1 ? addDays(start, Math.ceil(n) - 1) : undefined;
    else {
      const months = /^(年|years?)$/.test(unit) ? n * 12 : n;
      if (!Number.isInteger(months) || months < 1 || months > 1200) continue;
      const [y, mo, d] = start.split("-").map(Number);
      const total = mo - 1 + months;
      const ey = y + Math.floor(total / 12);
      const em = (total % 12) + 1;
      end = addDays(ymd(ey, em, Math.min(d, daysInMonth(ey, em))), -1);
    }
    if (end === undefined || Number(end.slice(0, 4)) > PLAUSIBLE_YEARS.last) continue;
    row.fields.termEnd = { ...derivedCell(term, end), field: "termEnd" };
  }
}

/** The separator between a row's item and its phase in a phase task's name: 「订单管理 · 设计」. */
export const PHASE_SEPARATOR = " · ";

/**
 * Phases across columns: each data row is one task per phase whose start or end is filled, named
 * after the row's item (the task column and the unnamed columns left of it, 模块 · 子模块, merged
 * cells read down) and the phase, with the phase's own cells as its plan dates. A phase with both
 * cells empty is no task; a row with no phase filled stays one task without dates. Cells the
 * phases share (the item, 负责人, 完成率 …) are the row's: on every phase but the first they are
 * marked inherited, so a finding about such a cell is made once.
 */
function phaseRows(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  t: RecognisedTable,
  parsers: Array<{ field: string; ref: ColumnRef; parse: CellParser }>,
  anchors: Map<string, { r: number; c: number }>,
): TypedRow[] {
  const phases = t.phases ?? [];
  const dates = phases.map((p) => ({
    start: parserFor(wb, sheet, t, "planStart", p.start, anchors, HOURS_PER_DAY.default),
    end: parserFor(wb, sheet, t, "planEnd", p.end, anchors, HOURS_PER_DAY.default),
  }));
  const shared = parsers.filter((p) => p.field !== "planStart" && p.field !== "planEnd");
  const task = t.columns.task;
  const unmapped = new Set(t.unmapped.map((u) => u.col));
  const itemCols: number[] = [];
  if (task) {
    for (let c = t.firstCol; c < task.col; c++) if (unmapped.has(c)) itemCols.push(c);
    itemCols.push(task.col);
  }
  const textAt = (r: number, c: number): string => {
    const a = anchors.get(`${r},${c}`);
    const cell = cellAt(sheet, a?.r ?? r, c);
    return cell === undefined ? "" : displayValue(cell, wb.date1904).trim();
  };
  const headerTop = t.headerRow - 1;
  const out: TypedRow[] = [];
  for (const r of t.dataRows) {
    const base: Partial<Record<string, FieldCell>> = {};
    for (const p of shared) base[p.field] = p.parse(r);
    const parts: string[] = [];
    for (const c of itemCols) {
      const v = textAt(r, c);
      if (v !== "" && parts[parts.length - 1] !== v) parts.push(v);
    }
    const item = parts.join(PHASE_SEPARATOR);
    let made = 0;
    phases.forEach((p, index) => {
      const start = dates[index].start(r);
      const end = dates[index].end(r);
      if (isEmpty(start) && isEmpty(end)) return;
      const fields: Partial<Record<string, FieldCell>> = {};
      for (const [f, fc] of Object.entries(base)) if (fc) fields[f] = made === 0 ? fc : sharedCell(fc);
      fields.planStart = start;
      fields.planEnd = end;
      const name = item === "" ? "" : item + PHASE_SEPARATOR + p.name;
      if (task && base.task && name !== "") fields.task = namedCell(base.task, name);
      fields.phase = {
        field: "phase",
        type: "text",
        col: p.start.col,
        cell: colLetter(p.start.col) + headerTop,
        header: "阶段",
        display: p.name,
        parsed: { status: "ok", value: p.name, fromText: false },
        inherited: true,
      };
      out.push({ sheet: t.sheet, row: r, fields, groups: [], phase: { name: p.name, index, item } });
      made++;
    });
    if (made === 0) {
      const fields: Partial<Record<string, FieldCell>> = { ...base };
      fields.planStart = dates[0].start(r);
      fields.planEnd = dates[0].end(r);
      if (task && base.task && item !== "") fields.task = namedCell(base.task, item);
      out.push({ sheet: t.sheet, row: r, fields, groups: [] });
    }
  }
  return out;
}

/** A row's cell as one more phase of that row sees it: the same value, reported on the first phase. */
function sharedCell(fc: FieldCell): FieldCell {
  return {
    field: fc.field,
    type: fc.type,
    col: fc.col,
    get cell() {
      return fc.cell;
    },
    header: fc.header,
    get display() {
      return fc.display;
    },
    parsed: fc.parsed,
    inherited: true,
  };
}

/** The task cell named as the product reads the task (its item and phase), at the task cell. */
function namedCell(fc: FieldCell, name: string): FieldCell {
  return {
    field: fc.field,
    type: fc.type,
    col: fc.col,
    get cell() {
      return fc.cell;
    },
    header: fc.header,
    display: name,
    parsed: { status: "ok", value: name, fromText: false },
    ...(fc.inherited ? { inherited: true as const } : {}),
  };
}

/**
 * A schedule with a start and a duration but no planned end (`开始时间 | 工期`, as MS Project and
 * many templates keep it): the planned end is the start plus the duration, the start counting
 * as the first day, in working days when the header or the cell says so (`工期（工作日）`,
 * `5 个工作日`) and calendar days otherwise. The derived end is located at the duration's cell.
 */
function derivePlanEnd(
  sheet: SheetSnapshot,
  ref: ColumnRef,
  rows: TypedRow[],
  calendar: DurationCalendar | undefined,
): void {
  // Hours are worked hours: a task of 12 hours takes two working days.
  const headerWorking =
    ref.unit === "工作日" || /工作日|工作天|work(ing)?\s*days?/i.test(ref.header) || ref.hours === true;
  for (const row of rows) {
    const start = dateOf(row.fields.planStart);
    const dur = row.fields.duration;
    const n = numOf(dur);
    // A plan drawn in periods (start in period 6, 3 periods long) has no dates to derive an end from.
    if (start === undefined || dur === undefined || n === undefined || start < "1950") continue;
    const days = Math.max(0, Math.ceil(n) - 1);
    const working = durationIsWorking(cellAt(sheet, row.row, ref.col)?.value) ?? headerWorking;
    let end: IsoDate;
    try {
      end = working && calendar ? calendar.addWorkdays(start, days) : addDays(start, days);
    } catch {
      continue;
    }
    // 工期 100000 typed for 10 ends in 2300: the duration is the typo, reported on its cell.
    if (Number(end.slice(0, 4)) > PLAUSIBLE_YEARS.last) {
      row.fields.duration = {
        field: dur.field,
        type: dur.type,
        col: dur.col,
        cell: dur.cell,
        header: dur.header,
        display: dur.display,
        parsed: DURATION_RANGE,
        ...(dur.inherited ? { inherited: true } : {}),
      };
      continue;
    }
    row.fields.planEnd = derivedCell(dur, end);
  }
}

/**
 * The contract number of a sheet that holds one contract (its key/value block), as a cell of every
 * payment row: located at the block's 合同编号 cell and marked inherited, so findings about the
 * number itself are the block's, not each row's.
 */
function sheetContractCell(t: RecognisedTable): FieldCell | undefined {
  const sc = t.sheetContract;
  if (!sc) return undefined;
  const m = /^([A-Z]+)(\d+)$/.exec(sc.cell);
  return {
    field: "contractNo",
    type: "text",
    col: m ? colNumber(m[1]) : 1,
    cell: sc.cell,
    header: sc.facts.contractNo?.label ?? "",
    display: sc.display,
    parsed: { status: "ok", value: sc.key, fromText: true },
    inherited: true,
  };
}

/**
 * A ledger row whose 月份 is not written yet but whose 应收 is (the next month's bill, pre-filled by
 * formula): it is the month after the row above, read as that month's last day.
 */
function nextMonths(rows: TypedRow[]): void {
  let prev: IsoDate | undefined;
  for (const row of rows) {
    const due = row.fields.dueDate;
    const d = dateOf(due);
    if (d !== undefined) prev = d;
    else if (due && prev !== undefined && due.display === "" && (numOf(row.fields.dueAmount) ?? 0) > 0) {
      let y = Number(prev.slice(0, 4));
      let m = Number(prev.slice(5, 7)) + 1;
      if (m > 12) [y, m] = [y + 1, 1];
      prev = ymd(y, m, daysInMonth(y, m));
      row.fields.dueDate = readAs(due, prev);
    } else if (!due?.display) prev = undefined;
    // An item line (`2017年6月税金`) between months keeps the sequence going.
  }
}

/**
 * The cell as read for a value worked out from it (a month read as its last day, the part of all
 * money received that pays one month): the same place and text, that value, nothing inherited.
 */
export function readAs(fc: FieldCell, value: FieldValue): FieldCell {
  return {
    field: fc.field,
    type: fc.type,
    col: fc.col,
    cell: fc.cell,
    header: fc.header,
    display: fc.display,
    parsed: { status: "ok", value, fromText: false },
  };
}

/**
 * A date read as its month (`月份` = 2013-06-01): the month's last day. That day is read, not
 * written: `--normalize` may turn the text into a date only when it is the very day it wrote.
 */
function monthEnd(p: Parsed<FieldValue>): Parsed<FieldValue> {
  if (p.status !== "ok" || typeof p.value !== "string") return p;
  const y = Number(p.value.slice(0, 4));
  const m = Number(p.value.slice(5, 7));
  const value = `${p.value.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, "0")}`;
  return { ...p, value, fromText: p.fromText && value === p.value };
}

const MONTH_SPAN = /^(\d{4})年(\d{1,2})月份?(?:[至到~～-](?:(\d{4})年)?(\d{1,2})月份?)?$/;

/**
 * A ledger's 月份 cell as the date its amount falls due: a month (2013-06-01, `2013年6月`) is due
 * at its last day; a billing period (`2016年5月1日至2016年6月18日`, `2016年6月至8月`) at its end.
 */
function parseMonth(c: Cell | undefined, date1904: boolean): Parsed<FieldValue> {
  const p = parseDate(c?.value, { date1904, numFmt: c?.numFmt });
  if (p.status !== "invalid") return monthEnd(p);
  const range = parseDateRangePart(c?.value, "end", { date1904, numFmt: c?.numFmt });
  if (range.status === "ok") return range;
  const m = typeof c?.value === "string" ? MONTH_SPAN.exec(c.value.replace(/\s+/g, "")) : null;
  if (m) {
    const y = Number(m[3] ?? m[1]);
    const mo = Number(m[4] ?? m[2]);
    // A month or a span of months names no day: the cell keeps its text under `--normalize`.
    if (mo >= 1 && mo <= 12) return { status: "ok", value: ymd(y, mo, daysInMonth(y, mo)), fromText: false };
  }
  // An item billed on its own line (`2016年第四季度调差`, `3月税金`): no month, so no due date, and no
  // mistyped date either. Its money still counts.
  if (typeof c?.value === "string" && isItemLabel(c.value)) return { status: "empty" };
  return p;
}

/** Text naming something beyond a date: a word other than 年, 月, 日, 至, 到, 份, 号 and digits. */
function isItemLabel(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text.replace(/[年月日至到份号]/g, ""));
}

function derivedCell(from: FieldCell, value: IsoDate): FieldCell {
  return {
    field: "planEnd",
    type: "date",
    col: from.col,
    cell: from.cell,
    header: from.header,
    display: from.display,
    parsed: { status: "ok", value, fromText: false },
  };
}

/**
 * A row is a summary task when some other row's WBS continues its own with a dot (1 → 1.2, not 10),
 * or when other rows name its 标识号 or WBS in their 父任务 column.
 */
function markSummaries(rows: TypedRow[]): void {
  const code = (f: TypedRow["fields"][string] | undefined) => {
    const p = f?.parsed;
    return p?.status === "ok" && (typeof p.value === "string" || typeof p.value === "number")
      ? String(p.value).replace(/\.0+$/, "")
      : undefined;
  };
  const named = new Set<string>();
  for (const row of rows) {
    const p = code(row.fields.parent);
    if (p !== undefined) named.add(p);
  }
  if (named.size > 0) {
    for (const row of rows) {
      const id = code(row.fields.taskId) ?? code(row.fields.wbs);
      if (id !== undefined && named.has(id)) row.summary = true;
    }
  }
  const parents = new Set<string>();
  for (const row of rows) {
    const w = row.fields.wbs?.parsed;
    if (w?.status !== "ok" || typeof w.value !== "string") continue;
    // Every prefix ending before a dot: 1.2.3 → 1, 1.2.
    for (let i = w.value.indexOf("."); i >= 0; i = w.value.indexOf(".", i + 1))
      parents.add(w.value.slice(0, i));
  }
  if (parents.size === 0) return;
  for (const row of rows) {
    const w = row.fields.wbs?.parsed;
    if (w?.status === "ok" && typeof w.value === "string" && parents.has(w.value)) row.summary = true;
  }
}

/**
 * Cells covered by a merge that starts on a data row, mapped to the merge's top
 * cell: Excel keeps a merged value only there, yet it reads as belonging to every
 * row the merge spans (阶段 or 合同编号 merged down over several rows). Only the
 * merge's first column carries it: a heading merged across columns is not the
 * value of the columns beside it.
 */
function mergeAnchors(sheet: SheetSnapshot, t: RecognisedTable): Map<string, { r: number; c: number }> {
  const out = new Map<string, { r: number; c: number }>();
  for (const m of sheet.merges) {
    if (m.r2 === m.r1 || m.r1 < t.firstRow || m.r1 > t.lastRow) continue;
    if (m.c1 < t.firstCol || m.c1 > t.lastCol) continue;
    for (let r = m.r1 + 1; r <= Math.min(m.r2, t.lastRow); r++) out.set(`${r},${m.c1}`, { r: m.r1, c: m.c1 });
  }
  return out;
}

type CellParser = (r: number) => FieldCell;

/** What every cell of one mapped column shares (one spec for its own cells, one for inherited ones). */
interface ColumnSpec {
  field: string;
  type: FieldType;
  col: number;
  letter: string;
  header: string;
  sheet: SheetSnapshot;
  date1904: boolean;
  inherited: true | undefined;
}

/**
 * A FieldCell that builds its address and display text only when asked: a check
 * parses a million cells and names a few of them in findings, so building a string
 * or two per cell up front was most of the work and most of the garbage. Three
 * fields per cell; the rest is the column's.
 */
class TypedCell implements FieldCell {
  constructor(
    private readonly spec: ColumnSpec,
    /** The row the value is written on (a merge's top row when inherited). */
    private readonly at: number,
    readonly parsed: Parsed<FieldValue>,
  ) {}

  get field(): string {
    return this.spec.field;
  }

  get type(): FieldType {
    return this.spec.type;
  }

  get col(): number {
    return this.spec.col;
  }

  get header(): string {
    return this.spec.header;
  }

  get inherited(): true | undefined {
    return this.spec.inherited;
  }

  get cell(): string {
    return this.spec.letter + this.at;
  }

  /** Read from the snapshot, which core never changes: the cell this value was parsed from. */
  get display(): string {
    const c = cellAt(this.spec.sheet, this.at, this.spec.col);
    return c === undefined ? "" : displayValue(c, this.spec.date1904);
  }
}

function parserFor(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  t: RecognisedTable,
  field: string,
  ref: ColumnRef,
  anchors: Map<string, { r: number; c: number }>,
  hoursPerDay: number,
): CellParser {
  const type: FieldType = fieldDef(t.kind as Kind, field)?.type ?? "text";
  const parse = memoised(valueParser(wb, sheet, t, type, ref, hoursPerDay));
  const spec: ColumnSpec = {
    field,
    type,
    col: ref.col,
    letter: colLetter(ref.col),
    header: ref.header,
    sheet,
    date1904: wb.date1904,
    inherited: undefined,
  };
  const inheritedSpec: ColumnSpec = { ...spec, inherited: true };
  const rows = sheet.rows;
  const ci = ref.col - 1;
  return (r) => {
    const c = rows[r - 1]?.[ci];
    if (c === undefined && anchors.size > 0) {
      const anchor = anchors.get(`${r},${ref.col}`);
      const top = anchor && cellAt(sheet, anchor.r, anchor.c);
      if (anchor && top) return new TypedCell(inheritedSpec, anchor.r, parse(top));
    }
    return new TypedCell(spec, r, parse(c));
  };
}

/** Distinct values a column's memo keeps; beyond it, values are parsed each time. */
const MEMO_LIMIT = 50_000;

/**
 * Parse each distinct (format, value) of a column once: dates, names, phases and
 * percents repeat down a column, and a shared result is one object instead of one
 * per cell. Results are never mutated, so sharing them is safe.
 */
function memoised(
  parse: (c: Cell | undefined) => Parsed<FieldValue>,
): (c: Cell | undefined) => Parsed<FieldValue> {
  const empty = parse(undefined);
  const byFormat = new Map<string | undefined, Map<string | number, Parsed<FieldValue>>>();
  let lastFormat: string | undefined;
  let last: Map<string | number, Parsed<FieldValue>> | undefined;
  let size = 0;
  return (c) => {
    if (c === undefined) return empty;
    const v = c.value;
    if (typeof v !== "string" && typeof v !== "number") return parse(c);
    const fmt = c.numFmt;
    if (last === undefined || fmt !== lastFormat) {
      last = byFormat.get(fmt);
      if (last === undefined) byFormat.set(fmt, (last = new Map()));
      lastFormat = fmt;
    }
    let p = last.get(v);
    if (p === undefined) {
      p = parse(c);
      if (size < MEMO_LIMIT) {
        last.set(v, p);
        size++;
      }
    }
    return p;
  };
}

function valueParser(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  t: RecognisedTable,
  type: FieldType,
  ref: ColumnRef,
  hoursPerDay: number,
): (c: Cell | undefined) => Parsed<FieldValue> {
  switch (type) {
    case "date": {
      const part = ref.part;
      if (part)
        return (c) =>
          plausibleDate(parseDateRangePart(c?.value, part, { date1904: wb.date1904, numFmt: c?.numFmt }));
      if (ref.period === "month") return (c) => plausibleDate(parseMonth(c, wb.date1904));
      return (c) => plausibleDate(parseDate(c?.value, { date1904: wb.date1904, numFmt: c?.numFmt }));
    }
    case "money":
      return (c) => parseMoney(c?.value, { scale: ref.scale });
    case "percent": {
      // Whether 0.85 means 85% is a property of the whole column (SPEC §3).
      const fractions = columnIsFractions(t.dataRows.map((r) => cellAt(sheet, r, ref.col)));
      return (c) => parsePercent(c?.value, { numFmt: c?.numFmt, fractions });
    }
    case "yesno":
      return (c) => parseYesNo(c?.value);
    case "wbs":
      return (c) => parseWbs(c?.value, c?.numFmt);
    case "wbsList":
      return (c) => parseWbsList(c?.value);
    case "days":
      if (ref.hours) return (c) => parseHours(c?.value, hoursPerDay);
      return (c) => parseDays(c?.value);
    case "text":
      return (c) => parseText(c?.value);
  }
}

// ── Accessors: the rules read values through these, never through `parsed` directly. ──

/** True when the cell is absent or holds nothing; an invalid value is not empty. */
export function isEmpty(fc: FieldCell | undefined): boolean {
  return fc === undefined || fc.parsed.status === "empty";
}

export function isInvalid(fc: FieldCell | undefined): boolean {
  return fc?.parsed.status === "invalid";
}

export function dateOf(fc: FieldCell | undefined): IsoDate | undefined {
  return fc?.parsed.status === "ok" && fc.type === "date" && typeof fc.parsed.value === "string"
    ? fc.parsed.value
    : undefined;
}

export function numOf(fc: FieldCell | undefined): number | undefined {
  return fc?.parsed.status === "ok" && typeof fc.parsed.value === "number" ? fc.parsed.value : undefined;
}

export function textOf(fc: FieldCell | undefined): string | undefined {
  return fc?.parsed.status === "ok" && typeof fc.parsed.value === "string" ? fc.parsed.value : undefined;
}

export function boolOf(fc: FieldCell | undefined): boolean | undefined {
  return fc?.parsed.status === "ok" && typeof fc.parsed.value === "boolean" ? fc.parsed.value : undefined;
}

export function listOf(fc: FieldCell | undefined): string[] | undefined {
  return fc?.parsed.status === "ok" && Array.isArray(fc.parsed.value) ? fc.parsed.value : undefined;
}

/** A 前置任务 cell's links with their types and lags (`3FS+2 工作日`); [] when blank or unreadable. */
export function linksOf(fc: FieldCell | undefined): readonly Link[] {
  return fc ? linksOfList(fc.parsed) : [];
}
