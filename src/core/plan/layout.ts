/**
 * Where a table's fields sit once apply is done: in place on the user's sheet, or on its
 * normalised copy. Highlights, validations and marks are planned against a layout, so the same
 * code serves both.
 */

import { fieldDef, type FieldType, type Kind } from "../kinds";
import type { GroupField, RecognisedTable } from "../recognise";
import type { PageSetup } from "../patch";
import { cellAt, type Range, type SheetSnapshot } from "../snapshot";

export interface LayoutColumn {
  col: number;
  type: FieldType;
  /** Money unit → 元 (万元 → 10000); 1 when the column is in 元. */
  scale: number;
}

export interface Layout {
  kind: Kind;
  sheet: string;
  /** Data rows, first to last; lastRow < firstRow when there are none. */
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
  /** Single-column fields. */
  fields: Partial<Record<string, LayoutColumn>>;
  /** Numbered payment groups, in order of n. */
  groups: Array<{ n: number; fields: Partial<Record<GroupField, LayoutColumn>> }>;
  /** Progress stored as fractions (1 = 100%) rather than 0–100. */
  fractions: boolean;
}

export {
  DATE_FORMAT,
  FRACTION_FORMAT,
  isOwnFormat,
  MONEY_FORMAT,
  ownFormat,
  PERCENT100_FORMAT,
} from "../own-format";

/** A format code with a % outside quoted literals scales its number by 100. */
export function isPercentFormat(numFmt: string | undefined): boolean {
  return numFmt !== undefined && numFmt.replace(/"[^"]*"/g, "").includes("%");
}

/**
 * How the progress column stores its numbers: fractions unless some plain number (no % format)
 * is above 1. An empty column counts as fractions, so new entries get the `0%` format that makes
 * Excel read a typed 85 as 85%.
 */
export function storesFractions(sheet: SheetSnapshot, rows: number[], col: number): boolean {
  for (const r of rows) {
    const c = cellAt(sheet, r, col);
    if (c && typeof c.value === "number" && !isPercentFormat(c.numFmt) && c.value > 1) return false;
  }
  return true;
}

/** The layout of a recognised table where it stands. */
export function inPlaceLayout(sheet: SheetSnapshot, t: RecognisedTable): Layout {
  const col = (field: string, ref: { col: number; scale?: number }): LayoutColumn => ({
    col: ref.col,
    type: fieldDef(t.kind, field)?.type ?? "text",
    scale: ref.scale ?? 1,
  });
  const fields: Layout["fields"] = {};
  for (const [field, ref] of Object.entries(t.columns)) if (ref) fields[field] = col(field, ref);
  const groups = t.groups.map((g) => {
    const gf: Partial<Record<GroupField, LayoutColumn>> = {};
    for (const [field, ref] of Object.entries(g.columns)) if (ref) gf[field as GroupField] = col(field, ref);
    return { n: g.n, fields: gf };
  });
  const progress = t.columns.progress;
  return {
    kind: t.kind,
    sheet: t.sheet,
    firstRow: t.firstRow,
    lastRow: t.lastRow,
    firstCol: t.firstCol,
    lastCol: t.lastCol,
    fields,
    groups,
    fractions: progress ? storesFractions(sheet, t.dataRows, progress.col) : true,
  };
}

/** Every typed column of a layout, single fields and group fields alike. */
export function layoutColumns(l: Layout): LayoutColumn[] {
  const out: LayoutColumn[] = [];
  for (const c of Object.values(l.fields)) if (c) out.push(c);
  for (const g of l.groups) for (const c of Object.values(g.fields)) if (c) out.push(c);
  return out.sort((a, b) => a.col - b.col);
}

/**
 * How the product's list sheets (report, log, register) print: A4 landscape, every column on the
 * page, the header row repeated. No print area where rows are appended later, so it never goes stale.
 */
export function listPageSetup(headerRow: number, printArea?: Range): PageSetup {
  return {
    paper: "A4",
    orientation: "landscape",
    fitToWidth: 1,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    printTitleRows: { r1: headerRow, r2: headerRow },
    ...(printArea ? { printArea } : {}),
  };
}
