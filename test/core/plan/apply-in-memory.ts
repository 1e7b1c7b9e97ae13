/**
 * Applies a WorkbookPatch to a snapshot in memory, as far as a snapshot can show it (values,
 * number formats, tables, sheets), so a test can plan again from "the applied workbook" without
 * a host. Conditional formats and validations leave no trace in a snapshot and are skipped.
 */

import type { CellWrite, PatchOp, WorkbookPatch } from "../../../src/core/patch";
import { parseA1, type Cell, type SheetSnapshot, type WorkbookSnapshot } from "../../../src/core/snapshot";

function toCell(w: CellWrite | null | undefined): Cell | undefined {
  if (!w || w.v === null) return undefined;
  return { value: w.v, ...(w.style?.numFmt ? { numFmt: w.style.numFmt } : {}) };
}

/** Sets a cell; an empty write (v: null) empties it, as a host does. */
function put(s: SheetSnapshot, r: number, c: number, cell: Cell | undefined): void {
  if (!cell) {
    const row = s.rows[r - 1];
    if (row) delete row[c - 1];
    return;
  }
  const row = (s.rows[r - 1] ??= []);
  row[c - 1] = cell;
}

function sheetOf(wb: WorkbookSnapshot, op: PatchOp & { sheet: string }): SheetSnapshot {
  const s = wb.sheets.find((x) => x.name === op.sheet);
  if (!s) throw new Error(`no sheet ${op.sheet} for ${op.op}`);
  return s;
}

export function applyInMemory(input: WorkbookSnapshot, patch: WorkbookPatch): WorkbookSnapshot {
  const wb: WorkbookSnapshot = structuredClone(input);
  for (const op of patch.ops) {
    switch (op.op) {
      case "writeSheet": {
        const s: SheetSnapshot = {
          name: op.sheet,
          visibility: op.visibility,
          rows: [],
          merges: [],
          tables: [],
        };
        op.content.rows.forEach((row, i) => row.forEach((w, j) => put(s, i + 1, j + 1, toCell(w))));
        s.merges = op.content.merges ?? [];
        s.tables = (op.content.tables ?? []).map((t) => ({ name: t.name, range: t.range, headerRow: true }));
        const at = wb.sheets.findIndex((x) => x.name === op.sheet);
        if (at >= 0) wb.sheets[at] = s;
        else {
          const after = wb.sheets.findIndex((x) => x.name === op.after);
          wb.sheets.splice(after >= 0 ? after + 1 : wb.sheets.length, 0, s);
        }
        break;
      }
      case "createTable":
        sheetOf(wb, op).tables.push({ name: op.table.name, range: op.table.range, headerRow: true });
        break;
      case "setNumberFormat": {
        const s = sheetOf(wb, op);
        for (let r = op.range.r1; r <= op.range.r2; r++)
          for (let c = op.range.c1; c <= op.range.c2; c++) {
            const cell = s.rows[r - 1]?.[c - 1];
            if (cell) cell.numFmt = op.format;
          }
        break;
      }
      case "setValues": {
        const s = sheetOf(wb, op);
        for (const { cell, write } of op.cells) {
          const at = parseA1(cell);
          if (at) put(s, at.r, at.c, toCell(write));
        }
        break;
      }
      case "appendRows": {
        const s = sheetOf(wb, op);
        op.rows.forEach((row, i) =>
          row.forEach((w, j) => put(s, op.startRow + i, op.range.c1 + j, toCell(w))),
        );
        const t = s.tables.find((x) => x.name === op.table);
        if (t) t.range = op.range;
        break;
      }
      case "ensureSheet":
        if (!wb.sheets.some((x) => x.name === op.sheet))
          wb.sheets.push({ name: op.sheet, visibility: op.visibility, rows: [], merges: [], tables: [] });
        break;
      default:
        break;
    }
  }
  return wb;
}
