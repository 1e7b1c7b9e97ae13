/**
 * The workbook as plain data: what a host reads and the core thinks about.
 * Hosts (Office.js, .xlsx) fill it; nothing here knows where it came from.
 */

/** An Excel error value such as `#N/A` or `#REF!`. */
export interface CellError {
  error: string;
}

/**
 * A cell's value as Excel stores it. Dates are serial numbers (see `date1904`)
 * carrying a date number format; hosts never hand the core a `Date` object.
 */
export type CellValue = string | number | boolean | CellError;

export interface Cell {
  value: CellValue;
  /** Number format code when it is not General, e.g. `yyyy-mm-dd`, `0.00%`. */
  numFmt?: string;
  /** The formula without its leading `=`, when the cell holds one; `value` is its cached result. */
  formula?: string;
}

/** A rectangle, 1-based and inclusive. */
export interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** An Excel table (ListObject) already present on a sheet. */
export interface TableInfo {
  name: string;
  range: Range;
  headerRow: boolean;
}

/** What the product writes on a sheet of its own (see core/owned.ts). */
export type OwnedKind = "settings" | "report" | "log" | "register" | "notice" | "copy" | "baseline" | "gantt";

/**
 * The product's claim on a sheet, read from the sheet's marker: a hidden workbook-scoped
 * defined name `_PTRACK.<kind>.<id>` whose reference is the product's own region there.
 */
export interface SheetOwner {
  kind: OwnedKind;
  /** ASCII `[A-Za-z0-9_]{1,60}`, unique per kind. */
  id: string;
  /** The cells the product wrote there last time. */
  range: Range;
}

export interface SheetSnapshot {
  name: string;
  /** Set when the sheet carries the product's marker; the product never takes a sheet by name. */
  owner?: SheetOwner;
  visibility: "visible" | "hidden" | "veryHidden";
  /**
   * rows[r - 1][c - 1] is the cell at row r, column c. Only cells with a value
   * are present; rows and columns without content are holes (sparse arrays),
   * so a used range blown out to XFD1048576 costs nothing.
   */
  rows: Array<Array<Cell | undefined> | undefined>;
  merges: Range[];
  tables: TableInfo[];
  /** True when the sheet is protected: Excel refuses every change to it, so the product makes none. */
  protected?: boolean;
}

export interface WorkbookSnapshot {
  /** True when the workbook uses the 1904 date system. */
  date1904: boolean;
  sheets: SheetSnapshot[];
  /** True when the workbook's structure is protected: no sheet may be added, renamed, moved or shown. */
  structureProtected?: boolean;
}

/** The cell at (r, c), 1-based. */
export function cellAt(sheet: SheetSnapshot, r: number, c: number): Cell | undefined {
  return sheet.rows[r - 1]?.[c - 1];
}

/** Column number (1-based) → letters: 1 → A, 27 → AA. */
export function colLetter(c: number): string {
  let s = "";
  let n = c;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → column number (1-based): A → 1, AA → 27. */
export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1-style address of (r, c). */
export function a1(r: number, c: number): string {
  return `${colLetter(c)}${r}`;
}

/** Parse `B7` → { r: 7, c: 2 }; undefined when it is not an address. */
export function parseA1(ref: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return undefined;
  return { r: Number(m[2]), c: colNumber(m[1]) };
}

/** Parse `A1:C9` (or a single cell) into a Range. */
export function parseRange(ref: string): Range | undefined {
  const [a, b] = ref.split(":");
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return undefined;
  return {
    r1: Math.min(p.r, q.r),
    c1: Math.min(p.c, q.c),
    r2: Math.max(p.r, q.r),
    c2: Math.max(p.c, q.c),
  };
}

export function rangeRef(r: Range): string {
  const a = a1(r.r1, r.c1);
  const b = a1(r.r2, r.c2);
  return a === b ? a : `${a}:${b}`;
}

/** The sheet carrying the product's marker of this kind and id. */
export function ownedSheet(wb: WorkbookSnapshot, kind: OwnedKind, id: string): SheetSnapshot | undefined {
  return wb.sheets.find((s) => s.owner?.kind === kind && s.owner.id === id);
}

/** Whether two rectangles share a cell. */
export function overlaps(a: Range, b: Range): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}
