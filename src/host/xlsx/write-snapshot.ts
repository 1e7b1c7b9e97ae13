/**
 * Writes a WorkbookSnapshot as a new .xlsx file: values, formulas with their cached results,
 * number formats, merges, sheet visibility, and column widths sized to the content.
 * Used for the bundled sample and by tests that need a real file.
 */

import ExcelJS from "exceljs";
import type { Cell, WorkbookSnapshot } from "../../core/snapshot";

/** Display width of text: CJK and full-width characters count two. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

function excelValue(c: Cell): ExcelJS.CellValue {
  if (c.formula !== undefined) {
    const result = typeof c.value === "object" ? { error: c.value.error } : c.value;
    return { formula: c.formula, result } as ExcelJS.CellFormulaValue;
  }
  if (typeof c.value === "object") return { error: c.value.error } as ExcelJS.CellErrorValue;
  return c.value;
}

/** How the cells look: what a person formats by hand; the snapshot holds only values. */
export interface Look {
  /** Styling of the cell at (r, c), 1-based; undefined leaves it plain. */
  cell?(sheet: string, r: number, c: number): Partial<ExcelJS.Style> | undefined;
  /** Print on A4 landscape, one page wide. */
  landscape?: boolean;
}

export async function writeSnapshotXlsx(wb: WorkbookSnapshot, look: Look = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.properties.date1904 = wb.date1904;
  for (const s of wb.sheets) {
    const ws = book.addWorksheet(s.name, { state: s.visibility });
    const widths: number[] = [];
    s.rows.forEach((row, ri) => {
      row?.forEach((c, ci) => {
        if (!c) return;
        const cell = ws.getCell(ri + 1, ci + 1);
        cell.value = excelValue(c);
        const style = look.cell?.(s.name, ri + 1, ci + 1);
        if (style) Object.assign(cell, style);
        if (c.numFmt) cell.numFmt = c.numFmt;
        const merged = s.merges.some((m) => m.r1 === ri + 1 && m.c1 === ci + 1 && m.c2 > m.c1);
        if (!merged) {
          const shown = c.numFmt && /y/.test(c.numFmt) ? 10 : textWidth(String(c.value));
          widths[ci] = Math.max(widths[ci] ?? 8, Math.min(shown + 2, 40));
        }
      });
    });
    widths.forEach((w, i) => {
      if (w) ws.getColumn(i + 1).width = w;
    });
    for (const m of s.merges) ws.mergeCells(m.r1, m.c1, m.r2, m.c2);
    if (look.landscape) {
      ws.pageSetup = {
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      };
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
