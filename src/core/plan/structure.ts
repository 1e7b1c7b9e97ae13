/**
 * Structure (SPEC §2.1): every recognised region becomes an Excel table with number formats and
 * data validation where it stands, or, when Excel could not make it a table without changing the
 * user's cells (merged cells, a two-row header, headers Excel would rename, an overlapping table),
 * a normalised copy on a sheet of its own while the original stays untouched.
 */

import { append } from "../append";
import { isoToSerial } from "../dates";
import { parseDate, parseMoney } from "../values";
import { fieldDef, fieldHeader, KIND_NAMES, type FieldType } from "../kinds";
import type { CellWrite, PatchOp, SheetContent, Validation } from "../patch";
import type { GroupField, RecognisedTable } from "../recognise";
import type { FieldCell, TypedTable } from "../rows";
import type { Lang } from "../settings";
import {
  cellAt,
  colLetter,
  ownedSheet,
  overlaps,
  type Range,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../snapshot";
import { found, freeSheetName, MAX_SHEET_NAME, textId, type Found } from "../owned";
import { sheetWords } from "../../i18n/sheets";
import {
  DATE_FORMAT,
  FRACTION_FORMAT,
  inPlaceLayout,
  layoutColumns,
  isOwnFormat,
  MONEY_FORMAT,
  ownFormat,
  PERCENT100_FORMAT,
  type Layout,
  type LayoutColumn,
} from "./layout";

export const TABLE_STYLE = "TableStyleMedium2";

/** A region copied to a sheet of its own, and where its cells went. */
export interface Copy {
  source: RecognisedTable;
  sheet: string;
  /** Original sheet row → copy row. */
  rows: Map<number, number>;
  /** Original column → copy column. */
  cols: Map<number, number>;
  /**
   * Phases across columns: a phase's own cells (`${row},${col}`) → where they went, each phase on
   * a row of its own. Other cells of the row go by `rows` (its first phase) and `cols`.
   */
  cells?: Map<string, { r: number; c: number }>;
}

/** Where a cell of the original went on its copy, if it was copied. */
export function copiedCell(copy: Copy, r: number, c: number): { r: number; c: number } | undefined {
  const own = copy.cells?.get(`${r},${c}`);
  if (own) return own;
  const cr = copy.rows.get(r);
  const cc = copy.cols.get(c);
  return cr === undefined || cc === undefined ? undefined : { r: cr, c: cc };
}

export interface StructurePlan {
  ops: PatchOp[];
  /** Where each table ends up, for highlights. */
  layouts: Layout[];
  copies: Copy[];
  tablesCreated: number;
}

/** Excel names must be unique workbook-wide, case-insensitively. */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * Excel renames header cells that are not unique non-empty text (and turns numbers and formulas
 * into text): that would change a user's value, so such a header is copied instead.
 */
function headersUsable(sheet: SheetSnapshot, t: RecognisedTable): boolean {
  const seen = new Set<string>();
  for (let c = t.firstCol; c <= t.lastCol; c++) {
    const cell = cellAt(sheet, t.headerRow, c);
    if (!cell || typeof cell.value !== "string" || cell.formula !== undefined) return false;
    const h = cell.value.trim().toLowerCase();
    if (h === "" || seen.has(h)) return false;
    seen.add(h);
  }
  return true;
}

function formatFor(c: LayoutColumn, fractions: boolean): string | undefined {
  switch (c.type) {
    case "date":
      return DATE_FORMAT;
    case "money":
      return MONEY_FORMAT;
    case "percent":
      return fractions ? FRACTION_FORMAT : PERCENT100_FORMAT;
    default:
      return undefined;
  }
}

function validationFor(c: LayoutColumn, fractions: boolean, lang: Lang): Validation | undefined {
  const w = sheetWords(lang).validation;
  switch (c.type) {
    case "date":
      return { rule: { type: "date", allowBlank: true }, errorMessage: w.date };
    case "money":
      return { rule: { type: "decimal", min: 0, allowBlank: true }, errorMessage: w.money };
    case "percent":
      return fractions
        ? { rule: { type: "decimal", min: 0, max: 1, allowBlank: true }, errorMessage: w.percentFraction }
        : { rule: { type: "decimal", min: 0, max: 100, allowBlank: true }, errorMessage: w.percent100 };
    case "yesno":
      return { rule: { type: "list", items: ["是", "否"], allowBlank: true }, errorMessage: w.yesno };
    default:
      return undefined;
  }
}

export function validationOps(l: Layout, lang: Lang): PatchOp[] {
  if (l.lastRow < l.firstRow) return [];
  const ops: PatchOp[] = [];
  for (const c of layoutColumns(l)) {
    const validation = validationFor(c, l.fractions, lang);
    if (!validation) continue;
    const range = { r1: l.firstRow, c1: c.col, r2: l.lastRow, c2: c.col };
    ops.push({ op: "setValidation", sheet: l.sheet, range, validation });
  }
  return ops;
}

/**
 * False when a format of this type would make the cell's number unreadable or lie about it: a
 * date format on 20261117 shows ####, on 2026 a day in 1905; a money format on a 16-digit card
 * number fills the cell with ####. Those cells are findings and keep General.
 */
function formatShowsValue(type: FieldType, v: unknown): boolean {
  if (typeof v !== "number") return true;
  if (type === "date") {
    const p = parseDate(v, { date1904: false });
    return p.status === "ok" && !p.fromText;
  }
  if (type === "money") return parseMoney(v).status === "ok";
  return true;
}

/**
 * Formats only on cells that hold a value and are General today (a user's explicit format is
 * theirs, and a blank cell's format cannot be seen), marked as the product's so clear can give
 * them back, and never where the format would hide the value.
 */
function numberFormatOps(sheet: SheetSnapshot, l: Layout): PatchOp[] {
  const ops: PatchOp[] = [];
  for (const c of layoutColumns(l)) {
    const code = formatFor(c, l.fractions);
    if (!code) continue;
    const format = ownFormat(code);
    let start = 0;
    for (let r = l.firstRow; r <= l.lastRow + 1; r++) {
      const cell = r <= l.lastRow ? cellAt(sheet, r, c.col) : undefined;
      // A blank cell is not in the snapshot, so its format is unknown: it may be the user's.
      const general = cell !== undefined && cell.numFmt === undefined && formatShowsValue(c.type, cell.value);
      if (general && start === 0) start = r;
      if (!general && start !== 0) {
        ops.push({
          op: "setNumberFormat",
          sheet: l.sheet,
          range: { r1: start, c1: c.col, r2: r - 1, c2: c.col },
          format,
        });
        start = 0;
      }
    }
  }
  return ops;
}

/**
 * For clear: every cell whose format the product set (see ownFormat) back to General, as runs
 * down each column. A format the user chose since is theirs and stays.
 */
export function ownFormatResets(wb: WorkbookSnapshot): PatchOp[] {
  const ops: PatchOp[] = [];
  for (const sheet of wb.sheets) {
    const runs = new Map<number, { r1: number; r2: number }>();
    const flush = (c: number) => {
      const run = runs.get(c);
      if (!run) return;
      ops.push({
        op: "setNumberFormat",
        sheet: sheet.name,
        range: { r1: run.r1, c1: c, r2: run.r2, c2: c },
        format: "General",
      });
      runs.delete(c);
    };
    sheet.rows.forEach((row, i) => {
      const r = i + 1;
      row?.forEach((cell, k) => {
        if (!isOwnFormat(cell?.numFmt)) return;
        const c = k + 1;
        const run = runs.get(c);
        if (run && run.r2 === r - 1) run.r2 = r;
        else {
          flush(c);
          runs.set(c, { r1: r, r2: r });
        }
      });
    });
    for (const c of [...runs.keys()]) flush(c);
  }
  return ops;
}

/** What a typed cell becomes on a copy: real dates and numbers where parsed, the text otherwise. */
function copyWrite(fc: FieldCell, date1904: boolean, format: string | undefined): CellWrite {
  const style = format === undefined ? undefined : { numFmt: format };
  const p = fc.parsed;
  if (p.status === "empty") return style ? { v: null, style } : { v: null };
  if (p.status === "invalid") return { v: fc.display };
  const v = p.value;
  switch (fc.type) {
    case "date":
      return { v: isoToSerial(v as string, date1904), style };
    case "money":
      return { v: v as number, style };
    case "percent":
      return { v: Number(((v as number) / 100).toPrecision(15)), style };
    case "yesno":
      return { v: v ? "是" : "否" };
    case "wbsList":
      return { v: fc.display };
    default:
      return { v: String(v) };
  }
}

function rawWrite(sheet: SheetSnapshot, r: number, c: number): CellWrite | null {
  const cell = cellAt(sheet, r, c);
  if (!cell) return null;
  const v = cell.value;
  if (typeof v === "object") return { v: v.error };
  if (typeof v === "number" && cell.numFmt !== undefined) return { v, style: { numFmt: cell.numFmt } };
  return { v };
}

/** The name the n-th normalised copy of a sheet wants: `进度计划表（整理）`, `…（整理2）`. */
function copySheetName(source: string, n: number): string {
  const suffix = n === 1 ? "（整理）" : `（整理${n}）`;
  return source.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
}

/** The marker id of the n-th normalised copy of a sheet. */
export function copyOwnerId(source: string, n: number): string {
  return `${textId(source)}_${n}`;
}

/**
 * The n-th normalised copy of a sheet: the marked one, else one an earlier version wrote, named
 * as it named copies and holding its table at A1 with the source-row column last.
 */
function copySheet(wb: WorkbookSnapshot, source: string, n: number): Found | undefined {
  const name = copySheetName(source, n);
  return found(ownedSheet(wb, "copy", copyOwnerId(source, n)), () =>
    wb.sheets.find(
      (s) =>
        s.name === name &&
        s.tables.some((t) => {
          if (t.range.r1 !== 1 || t.range.c1 !== 1) return false;
          const last = cellAt(s, 1, t.range.c2)?.value;
          return last === sheetWords("zh").sourceRow || last === sheetWords("en").sourceRow;
        }),
    ),
  );
}

interface CopyColumn {
  header: string;
  field?: { name: string; n?: number; type: FieldType };
  col: number;
}

/**
 * Phases across columns: the phases' pairs become one 阶段 column and the plan's two date
 * columns (where the first phase stood); every other column stays in its place.
 */
function phaseCopyColumns(cols: CopyColumn[], t: RecognisedTable, lang: Lang): CopyColumn[] {
  const later = new Set((t.phases ?? []).slice(1).flatMap((p) => [p.start.col, p.end.col]));
  const first = t.phases?.[0]?.start.col;
  const seen = new Set(cols.map((c) => c.header));
  const out: CopyColumn[] = [];
  for (const cc of cols) {
    if (later.has(cc.col)) continue;
    if (cc.col === first) {
      const header = uniqueName(lang === "zh" ? (fieldHeader(t.kind, "phase") ?? "阶段") : "Phase", seen);
      out.push({ header, field: { name: "phase", type: "text" }, col: 0 });
    }
    out.push(cc);
  }
  return out;
}

/**
 * Tasks on two lines, the second holding the actual dates under the plan's (RecognisedTable.actualRows):
 * the copy has one row per task, so the actual start and end get columns of their own, after the plan's.
 */
function actualCopyColumns(cols: CopyColumn[], t: RecognisedTable): CopyColumn[] {
  if (!t.actualRows) return cols;
  const seen = new Set(cols.map((c) => c.header));
  const added: CopyColumn[] = [];
  for (const [plan, actual] of [
    ["planStart", "actualStart"],
    ["planEnd", "actualEnd"],
  ]) {
    if (!t.columns[plan] || t.columns[actual]) continue;
    const header = uniqueName(fieldHeader(t.kind, actual) ?? actual, seen);
    added.push({ header, field: { name: actual, type: "date" }, col: 0 });
  }
  const after = cols.findIndex((c) => c.col === (t.columns.planEnd ?? t.columns.planStart)?.col);
  return after < 0 ? [...cols, ...added] : [...cols.slice(0, after + 1), ...added, ...cols.slice(after + 1)];
}

/** The value of a merged cell on every row it covers (模块 merged down over its 子模块). */
function mergedWrite(sheet: SheetSnapshot, r: number, c: number): CellWrite | null {
  const own = rawWrite(sheet, r, c);
  if (own) return own;
  const m = sheet.merges.find((x) => x.c1 === c && x.r1 < r && r <= x.r2);
  return m ? rawWrite(sheet, m.r1, c) : null;
}

function copyColumns(sheet: SheetSnapshot, t: RecognisedTable): CopyColumn[] {
  const byCol = new Map<number, CopyColumn["field"]>();
  for (const [field, ref] of Object.entries(t.columns)) {
    if (ref) byCol.set(ref.col, { name: field, type: fieldDef(t.kind, field)?.type ?? "text" });
  }
  for (const g of t.groups) {
    for (const [field, ref] of Object.entries(g.columns)) {
      if (ref) byCol.set(ref.col, { name: field, n: g.n, type: fieldDef(t.kind, field)?.type ?? "text" });
    }
  }
  const unmapped = new Map(t.unmapped.map((u) => [u.col, u.header]));
  // Task names indented across columns are all in the copy's task column.
  const span = new Set((t.taskSpan ?? []).map((ref) => ref.col));
  const seen = new Set<string>();
  const out: CopyColumn[] = [];
  for (let c = t.firstCol; c <= t.lastCol; c++) {
    if (span.has(c)) continue;
    const field = byCol.get(c);
    const raw = cellAt(sheet, t.headerRow, c)?.value;
    const canonical = field ? fieldHeader(t.kind, `${field.name}${field.n ?? ""}`) : undefined;
    const base =
      canonical !== undefined
        ? canonical
        : (unmapped.get(c) ?? (typeof raw === "string" && raw.trim() ? raw.trim() : `列${colLetter(c)}`));
    out.push({ header: uniqueName(base, seen), field, col: c });
  }
  return out;
}

function planCopy(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  typed: TypedTable,
  tableName: string,
  copyName: string,
  lang: Lang,
): { op: PatchOp; layout: Layout; copy: Copy } {
  const t = typed.source;
  const phased = t.phases !== undefined && t.phases.length >= 2;
  const cols = phased
    ? phaseCopyColumns(copyColumns(sheet, t), t, lang)
    : actualCopyColumns(copyColumns(sheet, t), t);
  const layout: Layout = {
    kind: t.kind,
    sheet: copyName,
    firstRow: 2,
    lastRow: 1 + Math.max(1, typed.rows.length),
    firstCol: 1,
    lastCol: cols.length + 1,
    fields: {},
    groups: [],
    fractions: true,
  };
  const colMap = new Map<number, number>();
  const groups = new Map<number, Partial<Record<GroupField, LayoutColumn>>>();
  cols.forEach((cc, i) => {
    if (cc.col > 0) colMap.set(cc.col, i + 1);
    if (!cc.field) return;
    const lc: LayoutColumn = { col: i + 1, type: cc.field.type, scale: 1 };
    if (cc.field.n === undefined) layout.fields[cc.field.name] = lc;
    else {
      const g = groups.get(cc.field.n) ?? {};
      g[cc.field.name as GroupField] = lc;
      groups.set(cc.field.n, g);
    }
  });
  layout.groups = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([n, fields]) => ({ n, fields }));
  // A task name read from a sub-item column is in the copy's task column: its marks go there.
  const taskCol = colMap.get(t.columns.task?.col ?? 0);
  if (taskCol !== undefined) for (const ref of t.taskSpan ?? []) colMap.set(ref.col, taskCol);

  const bold = { bold: true };
  const header: Array<CellWrite | null> = [
    ...cols.map((cc) => ({ v: cc.header, style: bold })),
    { v: sheetWords(lang).sourceRow, style: bold },
  ];
  const rowMap = new Map<number, number>();
  const cellMap = new Map<string, { r: number; c: number }>();
  const startCol = colMap.get(t.columns.planStart?.col ?? 0);
  const endCol = colMap.get(t.columns.planEnd?.col ?? 0);
  const body: Array<Array<CellWrite | null>> = typed.rows.map((row, i) => {
    if (!rowMap.has(row.row)) rowMap.set(row.row, i + 2);
    const p = row.phase && t.phases?.[row.phase.index];
    if (p && startCol !== undefined && endCol !== undefined) {
      cellMap.set(`${row.row},${p.start.col}`, { r: i + 2, c: startCol });
      cellMap.set(`${row.row},${p.end.col}`, { r: i + 2, c: endCol });
    }
    const cells = cols.map((cc): CellWrite | null => {
      if (!cc.field) return phased ? mergedWrite(sheet, row.row, cc.col) : rawWrite(sheet, row.row, cc.col);
      const fc =
        cc.field.n === undefined
          ? row.fields[cc.field.name]
          : row.groups.find((g) => g.n === cc.field?.n)?.fields[cc.field.name as GroupField];
      const lc = { col: 0, type: cc.field.type, scale: 1 };
      return fc ? copyWrite(fc, wb.date1904, formatFor(lc, true)) : null;
    });
    return [...cells, { v: row.row }];
  });
  // An Excel table needs a data row; an empty one keeps the formats for the first entry.
  if (body.length === 0) {
    body.push([
      ...cols.map((cc) => {
        const f = cc.field ? formatFor({ col: 0, type: cc.field.type, scale: 1 }, true) : undefined;
        return f ? { v: null, style: { numFmt: f } } : null;
      }),
      null,
    ]);
  }
  const width = (cc: CopyColumn) => {
    const t = cc.field?.type;
    if (t === "date") return 12;
    if (t === "money") return 15;
    if (t === "percent" || t === "yesno") return 9;
    return Math.min(40, Math.max(10, cc.header.length * 2 + 2));
  };
  const content: SheetContent = {
    rows: [header, ...body],
    colWidths: [...cols.map(width), 8],
    freeze: { rows: 1, cols: 0 },
    tables: [
      {
        name: tableName,
        range: { r1: 1, c1: 1, r2: layout.lastRow, c2: layout.lastCol },
        style: TABLE_STYLE,
      },
    ],
  };
  return {
    op: {
      op: "writeSheet",
      sheet: copyName,
      owner: { kind: "copy", id: "pending" },
      content,
      visibility: "visible",
      after: sheet.name,
    },
    layout,
    copy: { source: t, sheet: copyName, rows: rowMap, cols: colMap, ...(phased ? { cells: cellMap } : {}) },
  };
}

/**
 * Table names already in use, minus those on sheets this plan rewrites (their tables are
 * written again), so a second run names everything as the first did.
 */
export function takenTableNames(wb: WorkbookSnapshot, rewritten: (sheet: string) => boolean): Set<string> {
  const taken = new Set<string>();
  for (const s of wb.sheets) {
    if (rewritten(s.name)) continue;
    for (const t of s.tables) taken.add(t.name.toLowerCase());
  }
  return taken;
}

export function planStructure(
  wb: WorkbookSnapshot,
  tables: TypedTable[],
  opts: {
    lang: Lang;
    tableNames: Set<string>;
    /** Sheet names taken (lower case); a new copy takes a free name and is added. */
    sheetNames: Set<string>;
    /** Told each copy that took another name because a user's sheet holds the one it wanted. */
    onRenamed?: (wanted: string, sheet: string) => void;
  },
): StructurePlan {
  const plan: StructurePlan = { ops: [], layouts: [], copies: [], tablesCreated: 0 };
  const planned = new Map<string, Range[]>();
  for (const typed of tables) {
    const t = typed.source;
    const sheet = wb.sheets.find((s) => s.name === t.sheet);
    if (!sheet) continue;
    if (t.existingTable !== undefined) {
      planInPlace(plan, sheet, typed, opts.lang);
      continue;
    }
    const range: Range = {
      r1: t.headerRow,
      c1: t.firstCol,
      r2: Math.max(t.lastRow, t.headerRow + 1),
      c2: t.lastCol,
    };
    const others = [...sheet.tables.map((x) => x.range), ...(planned.get(sheet.name) ?? [])];
    const inPlace =
      !t.mergedInside &&
      t.headerRows === 1 &&
      headersUsable(sheet, t) &&
      !others.some((o) => overlaps(o, range)) &&
      (t.lastRow > t.headerRow || rowEmpty(sheet, t.headerRow + 1, t.firstCol, t.lastCol));
    const name = uniqueName(KIND_NAMES[t.kind], opts.tableNames);
    if (inPlace) {
      plan.ops.push({ op: "createTable", sheet: sheet.name, table: { name, range, style: TABLE_STYLE } });
      planned.set(sheet.name, [...(planned.get(sheet.name) ?? []), range]);
      plan.tablesCreated++;
      planInPlace(plan, sheet, typed, opts.lang);
    } else {
      const n = plan.copies.filter((x) => x.source.sheet === sheet.name).length + 1;
      const existing = copySheet(wb, sheet.name, n);
      let copyName: string;
      if (existing) copyName = existing.sheet.name;
      else {
        const wanted = copySheetName(sheet.name, n);
        copyName = freeSheetName(wanted, opts.sheetNames);
        if (copyName !== wanted) opts.onRenamed?.(wanted, copyName);
      }
      const c = planCopy(wb, sheet, typed, name, copyName, opts.lang);
      if (c.op.op === "writeSheet") {
        c.op.owner = { kind: "copy", id: copyOwnerId(sheet.name, n) };
        if (existing) c.op.previous = existing.range;
        if (existing?.adopted) c.op.adopt = true;
      }
      // A second copy of the same sheet goes after the first, so they read in order.
      const prev = plan.copies.filter((x) => x.source.sheet === sheet.name).at(-1)?.sheet;
      if (prev && c.op.op === "writeSheet") c.op.after = prev;
      plan.ops.push(c.op, ...validationOps(c.layout, opts.lang));
      plan.layouts.push(c.layout);
      plan.copies.push(c.copy);
    }
  }
  return plan;
}

function rowEmpty(sheet: SheetSnapshot, r: number, c1: number, c2: number): boolean {
  for (let c = c1; c <= c2; c++) if (cellAt(sheet, r, c) !== undefined) return false;
  return true;
}

function planInPlace(plan: StructurePlan, sheet: SheetSnapshot, typed: TypedTable, lang: Lang): void {
  const layout = inPlaceLayout(sheet, typed.source);
  append(append(plan.ops, numberFormatOps(sheet, layout)), validationOps(layout, lang));
  plan.layouts.push(layout);
}
