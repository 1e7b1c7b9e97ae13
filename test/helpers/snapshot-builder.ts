/**
 * Snapshots built in code, so a test shows every cell that matters. Rows are
 * written top-down from row 1 (or `startRow`); `null` leaves a cell empty.
 */

import type {
  Cell,
  CellValue,
  Range,
  SheetSnapshot,
  TableInfo,
  WorkbookSnapshot,
} from "../../src/core/snapshot";

export type CellInput = CellValue | Cell | null | undefined;

function toCell(v: CellInput): Cell | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "object" && "value" in v) return v;
  return { value: v };
}

export function sheet(
  name: string,
  rows: CellInput[][],
  opts: {
    startRow?: number;
    merges?: Range[];
    tables?: TableInfo[];
    visibility?: SheetSnapshot["visibility"];
  } = {},
): SheetSnapshot {
  const out: SheetSnapshot["rows"] = [];
  const start = opts.startRow ?? 1;
  rows.forEach((cells, i) => {
    const row: Array<Cell | undefined> = [];
    cells.forEach((v, c) => {
      const cell = toCell(v);
      if (cell) row[c] = cell;
    });
    if (row.length > 0) out[start - 1 + i] = row;
  });
  return {
    name,
    visibility: opts.visibility ?? "visible",
    rows: out,
    merges: opts.merges ?? [],
    tables: opts.tables ?? [],
  };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { date1904: false, sheets };
}

/** A number cell with a format, e.g. pct(0.5) for 50% or serial dates. */
export function fmt(value: number, numFmt: string): Cell {
  return { value, numFmt };
}
