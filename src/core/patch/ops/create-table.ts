import { overlaps, rangeRef, type SheetSnapshot } from "../../snapshot";
import { freeTableName, tableColumnNames } from "../decisions";
import { headerText, type MemoryBook } from "../memory";
import type { OpSpec } from "../op";
import type { TableSpec } from "../types";

/**
 * Make an Excel table over a user range whose first row is the header, its cells unchanged.
 * A range that overlaps a table already on the sheet is left alone (`table-overlap`); a name
 * taken by another table or defined name gets a number (`table-renamed`); an empty or repeated
 * header cell gets the column name Excel requires (`table-header-filled`).
 */
export interface CreateTable {
  op: "createTable";
  sheet: string;
  table: TableSpec;
}

/** The table names of the whole workbook, lower-case: a new one must differ from each. */
export function takenTableNames(book: MemoryBook): Set<string> {
  return new Set(book.wb.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
}

/** The in-memory semantics of a new table, shared with writeSheet's tables. */
export function addTable(book: MemoryBook, s: SheetSnapshot, spec: TableSpec): void {
  const range = spec.range;
  const clash = s.tables.find((t) => overlaps(t.range, range));
  if (clash) {
    book.notes.push({ code: "table-overlap", sheet: s.name, range: rangeRef(range), detail: clash.name });
    return;
  }
  const name = freeTableName(spec.name, takenTableNames(book));
  if (name !== spec.name)
    book.notes.push({ code: "table-renamed", sheet: s.name, range: rangeRef(range), detail: name });
  const headers: string[] = [];
  for (let c = range.c1; c <= range.c2; c++) headers.push(headerText(s.rows[range.r1 - 1]?.[c - 1]));
  tableColumnNames(headers).forEach((n, i) => {
    if (n === headers[i]) return;
    book.write(s, range.r1, range.c1 + i, { v: n });
    book.notes.push({
      code: "table-header-filled",
      sheet: s.name,
      range: rangeRef({ r1: range.r1, c1: range.c1 + i, r2: range.r1, c2: range.c1 + i }),
      detail: n,
    });
  });
  s.tables.push({ name, range: { ...range }, headerRow: true });
}

export const createTable: OpSpec<CreateTable> = {
  makesSheet: false,
  memory: (op, sheet, book) => addTable(book, sheet, op.table),
};
