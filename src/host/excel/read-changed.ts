/**
 * Live validation's read: the cells of the rows a change touched, across the sheet's used width,
 * in one round trip — never the whole workbook. The rows are read whole because a rule judges a
 * row by all its cells, and a formula beside the edited cell may have changed with it.
 */

import type { CellEdit } from "../../core/live";
import { parseRange, rangeRef, type Cell, type Range, type SheetSnapshot } from "../../core/snapshot";
import type { ExcelRunner } from "./host";
import { CELLS, DEFAULT_MAX_RESPONSE, sparseRows } from "./read";
import type { SheetChange } from "./watch";

/** Estimated response bytes a cell (values, formats, formulas), as read.ts prices an unsampled sheet. */
const CELL_BYTES = 32;

/** The row bands to read: per sheet, the changed rows merged where they touch. */
export function changedBands(
  changes: SheetChange[],
  widths: ReadonlyMap<string, number>,
): Array<{ sheet: string; band: Range }> | undefined {
  const bySheet = new Map<string, Array<[number, number]>>();
  for (const ch of changes) {
    if (ch.changeType !== "RangeEdited") return undefined;
    const r = parseRange(ch.address.replace(/\$/g, ""));
    if (!r) return undefined;
    const spans = bySheet.get(ch.sheet) ?? [];
    spans.push([r.r1, r.r2]);
    bySheet.set(ch.sheet, spans);
    const width = widths.get(ch.sheet);
    if (width === undefined || !Number.isFinite(width)) return undefined;
    if (r.c2 > width) widths = new Map(widths).set(ch.sheet, r.c2);
  }
  const out: Array<{ sheet: string; band: Range }> = [];
  for (const [sheet, spans] of bySheet) {
    spans.sort((a, b) => a[0] - b[0]);
    let cur: [number, number] | undefined;
    const c2 = Math.max(1, widths.get(sheet)!);
    for (const s of [...spans, undefined]) {
      if (cur && s && s[0] <= cur[1] + 1) cur[1] = Math.max(cur[1], s[1]);
      else {
        if (cur) out.push({ sheet, band: { r1: cur[0], c1: 1, r2: cur[1], c2 } });
        cur = s && [s[0], s[1]];
      }
    }
  }
  return out;
}

/**
 * The changed rows' cells, or undefined when the changes are not plain edits of cells (rows or
 * columns inserted or deleted, a whole column) or would be a large read: then read it all.
 */
export async function readChanged(
  run: ExcelRunner,
  changes: SheetChange[],
  widths: ReadonlyMap<string, number>,
  maxResponseBytes = DEFAULT_MAX_RESPONSE,
): Promise<CellEdit[] | undefined> {
  const bands = changedBands(changes, widths);
  if (!bands) return undefined;
  const cells = bands.reduce((n, b) => n + (b.band.r2 - b.band.r1 + 1) * (b.band.c2 - b.band.c1 + 1), 0);
  if (cells * CELL_BYTES > maxResponseBytes) return undefined;
  return run(async (ctx) => {
    const loads = bands.map((b) => ({
      ...b,
      range: ctx.workbook.worksheets.getItem(b.sheet).getRange(rangeRef(b.band)).load(CELLS),
    }));
    await ctx.sync();
    return loads.map(({ sheet, band, range }): CellEdit => {
      const rows: SheetSnapshot["rows"] = [];
      sparseRows(rows, range.values, range.numberFormat, range.formulas, band.r1 - 1, band.c1 - 1);
      const grid: Array<Array<Cell | undefined>> = [];
      for (let r = band.r1; r <= band.r2; r++) {
        const row = rows[r - 1];
        const line: Array<Cell | undefined> = [];
        for (let c = band.c1; c <= band.c2; c++) line.push(row?.[c - 1]);
        grid.push(line);
      }
      return { sheet, ...band, cells: grid };
    });
  });
}
