/**
 * The WorkbookPatch: every change the product makes to a workbook, planned by the core as an
 * ordered list of declarative, JSON-serialisable operations, and carried out by a host
 * (the .xlsx writer, or Office.js in the add-in).
 *
 * Rules every operation keeps, so both hosts can apply a patch in one batch:
 * - No operation needs to read the workbook back halfway through; everything it needs is in it.
 * - Operations are idempotent in effect: applying a patch planned from a workbook that already
 *   carries the product's structure adds no table, rule, validation or sheet a second time.
 * - What the product adds is recognisable as its own (conditional-format formulas carry
 *   OWN_TAG, data validations carry OWN_TITLE), so it can be replaced or cleared without
 *   touching anything the user made.
 * - Strings are always written as text: a value starting with `=`, `+`, `-` or `@` never
 *   becomes a formula. Only `formula` writes a formula, and the core never builds one from data.
 */

import type { OwnedKind, Range } from "./snapshot";

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

export type PatchOp =
  /**
   * Create the sheet if absent (placed after `after`, else at the end), mark it as `owner`'s, and
   * set its visibility. An existing sheet keeps its content; it must carry `owner`'s marker (or
   * `adopt` says the planner proved it the product's), else the host refuses the patch.
   */
  | {
      op: "ensureSheet";
      sheet: string;
      owner: OwnerRef;
      visibility: "visible" | "hidden";
      after?: string;
      adopt?: true;
    }
  /**
   * Write a product sheet's content at A1 (the sheet created if absent). On an existing sheet,
   * which must carry `owner`'s marker, only `previous` (the product's region last time, from the
   * snapshot's marker) is cleared first: the user's cells, merges, tables and notes elsewhere on
   * the sheet stay. The marker's reference is then set to the new content's extent. A sheet of
   * that name without the marker is the user's: the host refuses the patch, unless `adopt` says
   * the planner proved by its content that an earlier version wrote it (it is marked then).
   */
  | {
      op: "writeSheet";
      sheet: string;
      owner: OwnerRef;
      content: SheetContent;
      visibility: "visible" | "hidden";
      after?: string;
      previous?: Range;
      adopt?: true;
    }
  /** Make an Excel table over a user range whose first row is the header, unchanged. */
  | { op: "createTable"; sheet: string; table: TableSpec }
  /** Set the number format of every cell in the range (cells that exist and blanks alike). */
  | { op: "setNumberFormat"; sheet: string; range: Range; format: string }
  /** Set the product's data validation on the range, replacing the product's earlier one there. */
  | { op: "setValidation"; sheet: string; range: Range; validation: Validation }
  /**
   * Remove every conditional-format rule of the product (its formula holds `N("项目跟踪…")`) from
   * the sheet: the overdue highlights and the error marks. The user's own rules stay.
   */
  | { op: "clearOwnFormats"; sheet: string }
  /**
   * Add conditional-format rules over the ranges, in priority order (first wins); rules of an
   * earlier op on the same sheet take priority over those of a later one.
   */
  | { op: "addConditionalFormats"; sheet: string; ranges: Range[]; rules: ConditionalRule[] }
  /**
   * Write values into single cells: user cells only for `--normalize` (text dates and amounts
   * made real), and the cells of 设置 a settings edit changes.
   */
  | { op: "setValues"; sheet: string; cells: Array<{ cell: string; write: CellWrite }> }
  /**
   * Append rows at `startRow`, right below the table's last row as the snapshot saw it, and
   * extend the table over them (set values, never TableRowCollection.add, so co-authors don't
   * collide); `range` is the table's new extent. Without `table` (a user removed the table)
   * the rows are only written, and `range` is just the rows written.
   */
  | { op: "appendRows"; sheet: string; table?: string; startRow: number; range: Range; rows: CellWrite[][] };

export interface WorkbookPatch {
  ops: PatchOp[];
}
