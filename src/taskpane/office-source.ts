/**
 * Office mode: the open workbook through the Office.js host. Loaded only inside Excel, so web
 * mode never carries the Excel host's code.
 */

import { ExcelHost } from "../host/excel/host";
import { readChanged } from "../host/excel/read-changed";
import { watchWorkbook } from "../host/excel/watch";
import type { WorkbookSource, WorkbookUi } from "./workbook-source";

/** Selects the cell in Excel, which also scrolls it into view. */
const excelUi: WorkbookUi = {
  selectCell: (sheet, cell) =>
    Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    }),
};

/** The open workbook's file name, from its URL or path; "" when Office does not say (a new book). */
export function fileNameOf(url: string | undefined): string {
  const last = (url ?? "").split(/[\\/]/).pop() ?? "";
  try {
    return decodeURIComponent(last.split("?")[0]);
  } catch {
    return last;
  }
}

export function officeSource(): WorkbookSource {
  // One host per operation: ExcelHost keeps what read() learned for the apply() that follows.
  return {
    kind: "office",
    // Printed on the 校验报告.
    name: fileNameOf(Office.context?.document?.url),
    host: () => new ExcelHost(),
    ui: excelUi,
    // The user's and co-authors' edits, not the add-in's own nor those on the product's sheets.
    watch: (onChange) => watchWorkbook(onChange),
    // Only the changed rows, in one round trip.
    readChanged: (changes, widths) => readChanged((batch) => Excel.run(batch), changes, widths),
  };
}
