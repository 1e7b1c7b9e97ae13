/**
 * Build workbook snapshots in test code, so a reader sees every cell that matters.
 * A null/undefined entry is a hole: the snapshot stays sparse, as hosts deliver it.
 */
import { isoToSerial } from "../../src/core/dates";
import {
  parseA1,
  parseRange,
  type Cell,
  type CellValue,
  type Range,
  type SheetSnapshot,
  type TableInfo,
  type WorkbookSnapshot,
} from "../../src/core/snapshot";
import type { CellInput } from "./workbook";

export interface SheetOptions {
  /** A1 ranges (`A1:H1`) or Range objects. */
  merges?: Array<string | Range>;
  tables?: TableInfo[];
  /** Sheet row of rows[0]; default 1. */
  startRow?: number;
  visibility?: SheetSnapshot["visibility"];
}

function toCell(v: unknown): Cell | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return { value: v };
  if (typeof v === "object" && "value" in v) return v as Cell;
  if (typeof v === "object" && "error" in v) return { value: v as CellValue };
  throw new Error(`not a cell value: ${String(v)}`);
}

export function sheet(name: string, rows: unknown[][], opts: SheetOptions = {}): SheetSnapshot {
  const out: SheetSnapshot["rows"] = [];
  const start = opts.startRow ?? 1;
  rows.forEach((values, i) => {
    const row: Array<Cell | undefined> = [];
    let any = false;
    values.forEach((v, j) => {
      const cell = toCell(v);
      if (cell) {
        row[j] = cell;
        any = true;
      }
    });
    if (any) out[start - 1 + i] = row;
  });
  return {
    name,
    visibility: opts.visibility ?? "visible",
    rows: out,
    merges: (opts.merges ?? []).map((m) => (typeof m === "string" ? (parseRange(m) as Range) : m)),
    tables: opts.tables ?? [],
  };
}

/** Put one value at an A1 address, keeping the sheet sparse. */
export function put(s: SheetSnapshot, ref: string, value: unknown): SheetSnapshot {
  const p = parseA1(ref);
  if (!p) throw new Error(`bad address ${ref}`);
  const row = (s.rows[p.r - 1] ??= []);
  row[p.c - 1] = toCell(value);
  return s;
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { date1904: false, sheets };
}

/** An Excel date serial carrying a date format, as a host would read it. */
export function d(iso: string): Cell {
  return { value: isoToSerial(iso), numFmt: "yyyy-mm-dd" };
}

/**
 * Rows written for an `.xlsx` (`{ date }` cells, see helpers/workbook) as snapshot rows, so one
 * fixture serves both the CLI tests and the core ones.
 */
export function snapshotRows(rows: CellInput[][]): unknown[][] {
  return rows.map((r) => r.map((c) => (c !== null && typeof c === "object" && "date" in c ? d(c.date) : c)));
}
