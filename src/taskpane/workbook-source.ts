/**
 * Where the pane's workbook comes from: the open workbook in Excel (Office.js host) or an
 * .xlsx the user opened in a plain browser (web mode). Pages see only this interface, so the
 * Office host plugs in without touching them.
 */

import type { CellEdit } from "../core/live";
import type { WorkbookHost } from "../host/host";
import type { SheetChange } from "../host/excel/watch";

/** What the pane asks of the workbook's user interface. */
export interface WorkbookUi {
  /** Select (and scroll to) a cell, e.g. ("进度计划表", "F6"). */
  selectCell(sheet: string, cell: string): void | Promise<void>;
}

export interface WorkbookSource {
  kind: "office" | "web";
  /** A display name: the file name in web mode. */
  name: string;
  host(): WorkbookHost;
  ui: WorkbookUi;
  /**
   * Live validation: calls `onChange` after the user (or a co-author) changes the workbook's data,
   * never for the add-in's own writes nor the product's sheets. Resolves to the function that
   * stops watching. Calls come as the changes do: debounce them (see ./debounce). Absent where the
   * source cannot see changes (web mode); a no-op where the host cannot (before ExcelApi 1.9).
   */
  watch?(onChange: (change?: SheetChange) => void): Promise<() => void>;
  /**
   * Live validation: the cells of the changed rows, across `widths` columns of their sheet (the
   * last full read's), in one round trip; undefined when that would be a large read (a paste over
   * thousands of rows): check in full instead.
   */
  readChanged?(changes: SheetChange[], widths: ReadonlyMap<string, number>): Promise<CellEdit[] | undefined>;
}
