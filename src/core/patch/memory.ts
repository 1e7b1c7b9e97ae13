/**
 * The workbook an in-memory interpretation of a patch works on: a snapshot whose sheets are
 * copied on their first write, so the input stays as it was and untouched sheets are shared.
 */

import { isOwnFormat } from "../own-format";
import type { Cell, Range, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { findName, type HostNote } from "./decisions";
import type { CellWrite } from "./types";

export class MemoryBook {
  readonly wb: WorkbookSnapshot;
  readonly notes: HostNote[] = [];
  private own = new WeakSet<SheetSnapshot>();
  /**
   * Number formats of cells without a value, set in this patch: a snapshot shows none, but a
   * host keeps them, and a value written there later without a format of its own shows them.
   */
  private blankFormats = new WeakMap<SheetSnapshot, Map<string, string>>();

  constructor(input: WorkbookSnapshot) {
    this.wb = { ...input, sheets: [...input.sheets] };
  }

  /** Index of the sheet `name` means (case-insensitively, as Excel), -1 when absent. */
  index(name: string): number {
    return findName(
      this.wb.sheets.map((s) => s.name),
      name,
    );
  }

  /** The sheet `name` means, ready to be written; undefined when absent. */
  sheet(name: string): SheetSnapshot | undefined {
    const at = this.index(name);
    if (at < 0) return undefined;
    let s = this.wb.sheets[at];
    if (!this.own.has(s)) {
      s = this.wb.sheets[at] = structuredClone(s);
      this.own.add(s);
    }
    return s;
  }

  /** Puts a new sheet in the place of the one at `at`, or after `after` (else at the end). */
  place(s: SheetSnapshot, at: number, after?: string): void {
    this.own.add(s);
    if (at >= 0) {
      this.wb.sheets[at] = s;
      return;
    }
    const prev = after === undefined ? -1 : this.index(after);
    this.wb.sheets.splice(prev >= 0 ? prev + 1 : this.wb.sheets.length, 0, s);
  }

  /**
   * Writes a cell as a host does: its value (an empty write empties it) and the write's number
   * format, else the one the cell already has; null leaves the cell as it is.
   */
  write(s: SheetSnapshot, r: number, c: number, w: CellWrite | null | undefined): void {
    if (!w) return;
    const fmt = w.style?.numFmt ?? this.formatAt(s, r, c);
    const value =
      w.v === null ? undefined : { value: w.v, ...(w.formula !== undefined ? { formula: w.formula } : {}) };
    this.settle(s, r, c, value, fmt);
  }

  /** Empties the cells of a range, their formats included (the rows that exist only). */
  clear(s: SheetSnapshot, range: Range): void {
    const blanks = this.blanks(s);
    for (let r = range.r1; r <= Math.min(range.r2, s.rows.length); r++)
      for (let c = range.c1; c <= range.c2; c++) put(s, r, c, undefined);
    for (const key of [...blanks.keys()]) {
      const [r, c] = key.split(",").map(Number);
      if (r >= range.r1 && r <= range.r2 && c >= range.c1 && c <= range.c2) blanks.delete(key);
    }
  }

  /** Sets the number format of a cell, with a value or without. */
  format(s: SheetSnapshot, r: number, c: number, format: string): void {
    const cell = s.rows[r - 1]?.[c - 1];
    this.settle(s, r, c, cell && !isBlank(cell) ? cell : undefined, format);
  }

  private formatAt(s: SheetSnapshot, r: number, c: number): string | undefined {
    return s.rows[r - 1]?.[c - 1]?.numFmt ?? this.blanks(s).get(`${r},${c}`);
  }

  /**
   * Leaves at (r, c) what a reader would see: a value with its format; or a blank cell, which a
   * reader keeps (as "") only under a format the product marked as its own, and otherwise shows
   * no trace of, so its format is remembered apart.
   */
  private settle(
    s: SheetSnapshot,
    r: number,
    c: number,
    cell: Cell | undefined,
    fmt: string | undefined,
  ): void {
    const blanks = this.blanks(s);
    const key = `${r},${c}`;
    const f = fmt && fmt.toLowerCase() !== "general" ? fmt : undefined;
    blanks.delete(key);
    if (cell) {
      const { numFmt: _old, ...rest } = cell;
      put(s, r, c, { ...rest, ...(f ? { numFmt: f } : {}) });
    } else if (f && isOwnFormat(f)) put(s, r, c, { value: "", numFmt: f });
    else {
      put(s, r, c, undefined);
      if (f) blanks.set(key, f);
    }
  }

  private blanks(s: SheetSnapshot): Map<string, string> {
    let m = this.blankFormats.get(s);
    if (!m) this.blankFormats.set(s, (m = new Map()));
    return m;
  }
}

/** Sets a cell, or empties it. */
export function put(s: SheetSnapshot, r: number, c: number, cell: Cell | undefined): void {
  if (!cell) {
    const row = s.rows[r - 1];
    if (row) delete row[c - 1];
    return;
  }
  const row = (s.rows[r - 1] ??= []);
  row[c - 1] = cell;
}

/** The text of a cell as a table header shows it. */
export function headerText(cell: Cell | undefined): string {
  if (!cell) return "";
  const v = cell.value;
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** A cell a reader keeps only for its format: no value, no formula. */
function isBlank(cell: Cell): boolean {
  return cell.value === "" && cell.formula === undefined;
}
