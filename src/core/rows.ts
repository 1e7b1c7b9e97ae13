/**
 * Recognised table + snapshot → typed rows. Every mapped cell is parsed once,
 * here, by its field type (kinds.ts); the rules only ever see parsed values and
 * keep the cell's address and display text for their messages.
 */

import type { IsoDate } from "./dates";
import { fieldDef, type FieldType, type Kind } from "./kinds";
import type { ColumnRef, RecognisedTable } from "./recognise";
import { a1, cellAt, type Cell, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import {
  columnIsFractions,
  displayValue,
  parseDate,
  parseMoney,
  parsePercent,
  parseText,
  parseWbs,
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
}

export type PaymentField = "dueDate" | "dueAmount" | "receivedAmount" | "receivedDate";

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

/** Parse every data row of a recognised table. */
export function typeTable(wb: WorkbookSnapshot, t: RecognisedTable): TypedTable {
  const sheetIndex = wb.sheets.findIndex((s) => s.name === t.sheet);
  const sheet = wb.sheets[sheetIndex];
  const fields = new Set<string>();
  const parsers: Array<{ field: string; ref: ColumnRef; parse: CellParser }> = [];
  for (const [field, ref] of Object.entries(t.columns)) {
    if (!ref) continue;
    fields.add(field);
    parsers.push({ field, ref, parse: parserFor(wb, sheet, t, field, ref) });
  }
  const groups = [...t.groups].sort((x, y) => x.n - y.n);
  const groupParsers = groups.map((g) => ({
    n: g.n,
    cols: Object.entries(g.columns).flatMap(([field, ref]) => {
      if (!ref) return [];
      fields.add(field);
      return [{ field: field as PaymentField, ref, parse: parserFor(wb, sheet, t, field, ref) }];
    }),
  }));

  const rows: TypedRow[] = t.dataRows.map((r) => {
    const row: TypedRow = { sheet: t.sheet, row: r, fields: {}, groups: [] };
    for (const p of parsers) row.fields[p.field] = p.parse(r);
    for (const g of groupParsers) {
      const cells: PaymentGroupCells = { n: g.n, fields: {} };
      for (const p of g.cols) cells.fields[p.field] = p.parse(r);
      row.groups.push(cells);
    }
    return row;
  });
  return { kind: t.kind as Kind, sheet: t.sheet, sheetIndex, source: t, rows, fields };
}

type CellParser = (r: number) => FieldCell;

function parserFor(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  t: RecognisedTable,
  field: string,
  ref: ColumnRef,
): CellParser {
  const type: FieldType = fieldDef(t.kind as Kind, field)?.type ?? "text";
  const parse = valueParser(wb, sheet, t, type, ref);
  return (r) => {
    const c = cellAt(sheet, r, ref.col);
    return {
      field,
      type,
      col: ref.col,
      cell: a1(r, ref.col),
      header: ref.header,
      display: c === undefined ? "" : displayValue(c, wb.date1904),
      parsed: parse(c),
    };
  };
}

function valueParser(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  t: RecognisedTable,
  type: FieldType,
  ref: ColumnRef,
): (c: Cell | undefined) => Parsed<FieldValue> {
  switch (type) {
    case "date":
      return (c) => parseDate(c?.value, { date1904: wb.date1904, numFmt: c?.numFmt });
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
