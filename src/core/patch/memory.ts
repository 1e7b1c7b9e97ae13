/**
 * The workbook an in-memory interpretation of a patch works on: a snapshot whose sheets are
 * copied on their first write, so the input stays as it was and untouched sheets are shared.
 */

import type { Cell, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { findName, type HostNote } from "./decisions";
import type { CellWrite } from "./types";

export class MemoryBook {
  readonly wb: WorkbookSnapshot;
  readonly notes: HostNote[] = [];
  private own = new WeakSet<SheetSnapshot>();

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
}

/** What a cell write leaves in a snapshot's cell; undefined for an empty cell. */
export function toCell(w: CellWrite | null | undefined): Cell | undefined {
  if (!w || w.v === null) return undefined;
  const numFmt = w.style?.numFmt;
  return {
    value: w.v,
    ...(w.formula !== undefined ? { formula: w.formula } : {}),
    ...(numFmt && numFmt !== "General" ? { numFmt } : {}),
  };
}

/** Sets a cell; an empty write (v: null) empties it, as a host does. */
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
