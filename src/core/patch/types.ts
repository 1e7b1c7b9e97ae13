/**
 * What the operations of a WorkbookPatch are made of: cells, styles, sheet content, tables,
 * validations and conditional-format rules, and the marks that make the product's own
 * recognisable. Plain JSON-serialisable data; see ../patch.ts for the rules every operation keeps.
 */

import type { OwnedKind, Range } from "../snapshot";

/** Marker inside every conditional-format formula the product writes: `N("项目跟踪…")` is 0. */
export const OWN_TAG = "项目跟踪";
/** Error title of every data validation the product writes. */
export const OWN_TITLE = "项目跟踪";

/** A colour as `RRGGBB`. */
export type Color = string;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  color?: Color;
  fill?: Color;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "center" | "bottom";
  wrap?: boolean;
  /** Thin borders on all four sides, or only the bottom (a signature line). */
  border?: "all" | "bottom";
  numFmt?: string;
  underline?: boolean;
}

/** One cell the product writes. */
export interface CellWrite {
  /** Text is always text; numbers and booleans are values; null leaves the cell empty. */
  v: string | number | boolean | null;
  /** A formula without `=`, from the core's own templates only; `v` is its expected result. */
  formula?: string;
  style?: CellStyle;
  /** An internal hyperlink to a cell of this workbook. */
  link?: { sheet: string; cell: string };
}

export interface PageSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Inches. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Fit to this many pages wide (height unbounded). */
  fitToWidth?: number;
  printArea?: Range;
  /** Rows repeated at the top of each printed page, e.g. a table header. */
  printTitleRows?: { r1: number; r2: number };
  centerHorizontally?: boolean;
}

/** An Excel table (ListObject) to be made from a range whose first row is the header. */
export interface TableSpec {
  name: string;
  range: Range;
  /** Built-in table style, e.g. TableStyleMedium2. */
  style: string;
}

/** The full content of a sheet the product owns (report, normalised copy, notice, settings). */
export interface SheetContent {
  /** rows[0] is sheet row 1; null is an empty cell. */
  rows: Array<Array<CellWrite | null>>;
  merges?: Range[];
  /** Column widths in characters, index 0 = column A; undefined keeps the default. */
  colWidths?: Array<number | undefined>;
  /** Row heights in points, index 0 = row 1. */
  rowHeights?: Array<number | undefined>;
  /** Freeze panes below/right of these many rows/columns. */
  freeze?: { rows: number; cols: number };
  tables?: TableSpec[];
  pageSetup?: PageSetup;
  showGridLines?: boolean;
}

export type ValidationRule =
  | { type: "date"; allowBlank: true }
  | { type: "decimal"; min?: number; max?: number; allowBlank: true }
  | { type: "list"; items: string[]; allowBlank: true };

export interface Validation {
  rule: ValidationRule;
  /** Shown when a wrong entry is stopped, in the workbook's language. */
  errorMessage: string;
  /** Shown when the cell is selected; optional. */
  prompt?: string;
}

export interface ConditionalRule {
  /**
   * A formula without `=`, relative to the range's top-left cell (Excel's convention), that
   * contains `N("项目跟踪…")` so the rule is recognisable as the product's.
   */
  formula: string;
  fill?: Color;
  fontColor?: Color;
  bold?: boolean;
  strike?: boolean;
  /** Thin border in this colour (cell marks). */
  border?: Color;
  /** Later rules are not applied to a cell once this one matches. */
  stopIfTrue?: boolean;
}

/** The marker a product sheet carries (see core/owned.ts): which of the product's sheets it is. */
export interface OwnerRef {
  kind: OwnedKind;
  /** ASCII `[A-Za-z0-9_]{1,60}`, unique per kind. */
  id: string;
}
