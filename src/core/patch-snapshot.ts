/**
 * A patch laid over a snapshot in memory: the workbook as the next read would see it, as far as
 * a snapshot shows (values, number formats, tables, sheets; conditional formats and validations
 * leave no trace in one; ownership markers do). Lets a use-case check the result of its own edit without reading the
 * workbook again. Only the sheets the patch touches are copied; the others are shared with `wb`.
 */

import type { CellWrite, PatchOp, WorkbookPatch } from "./patch";
import { assertOwned, contentExtent } from "./owned";
import { parseA1, type Cell, type Range, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";

function overlaps(a: Range, b: Range): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

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

export function snapshotAfter(input: WorkbookSnapshot, patch: WorkbookPatch): WorkbookSnapshot {
  const wb: WorkbookSnapshot = { ...input, sheets: [...input.sheets] };
  const copied = new Set<string>();
  /** The sheet an op writes, copied once before its first write. */
  const sheetOf = (op: PatchOp & { sheet: string }): SheetSnapshot => {
    const at = wb.sheets.findIndex((x) => x.name === op.sheet);
    if (at < 0) throw new Error(`no sheet ${op.sheet} for ${op.op}`);
    if (!copied.has(op.sheet)) {
      wb.sheets[at] = structuredClone(wb.sheets[at]);
      copied.add(op.sheet);
    }
    return wb.sheets[at];
  };
  for (const op of patch.ops) {
    switch (op.op) {
      case "writeSheet": {
        const extent = contentExtent(op.content);
        const owner = { kind: op.owner.kind, id: op.owner.id, range: extent };
        const at = wb.sheets.findIndex((x) => x.name.toLowerCase() === op.sheet.toLowerCase());
        let s: SheetSnapshot;
        if (at >= 0) {
          // Only the product's previous region is cleared; the user's cells around it stay.
          assertOwned(wb.sheets[at].name, wb.sheets[at].owner, op);
          s = sheetOf({ ...op, sheet: wb.sheets[at].name });
          const prev = op.previous;
          if (prev) {
            for (let r = prev.r1; r <= Math.min(prev.r2, s.rows.length); r++)
              for (let c = prev.c1; c <= prev.c2; c++) put(s, r, c, undefined);
            s.merges = s.merges.filter((m) => !overlaps(m, prev));
            s.tables = s.tables.filter((t) => !overlaps(t.range, prev));
          }
          s.visibility = op.visibility;
        } else {
          s = { name: op.sheet, visibility: op.visibility, rows: [], merges: [], tables: [] };
          copied.add(op.sheet);
          const after = wb.sheets.findIndex((x) => x.name === op.after);
          wb.sheets.splice(after >= 0 ? after + 1 : wb.sheets.length, 0, s);
        }
        s.owner = owner;
        s.merges.push(...(op.content.merges ?? []));
        s.tables.push(
          ...(op.content.tables ?? []).map((t) => ({ name: t.name, range: t.range, headerRow: true })),
        );
        op.content.rows.forEach((row, i) => row.forEach((w, j) => put(s, i + 1, j + 1, toCell(w))));
        break;
      }
      case "createTable":
        sheetOf(op).tables.push({ name: op.table.name, range: op.table.range, headerRow: true });
        break;
      case "setNumberFormat": {
        const s = sheetOf(op);
        for (let r = op.range.r1; r <= op.range.r2; r++)
          for (let c = op.range.c1; c <= op.range.c2; c++) {
            const cell = s.rows[r - 1]?.[c - 1];
            if (cell) cell.numFmt = op.format.toLowerCase() === "general" ? undefined : op.format;
          }
        break;
      }
      case "setValues": {
        const s = sheetOf(op);
        for (const { cell, write } of op.cells) {
          const at = parseA1(cell);
          if (at) put(s, at.r, at.c, toCell(write));
        }
        break;
      }
      case "appendRows": {
        const s = sheetOf(op);
        op.rows.forEach((row, i) =>
          row.forEach((w, j) => put(s, op.startRow + i, op.range.c1 + j, toCell(w))),
        );
        const t = s.tables.find((x) => x.name === op.table);
        if (t) t.range = op.range;
        break;
      }
      case "ensureSheet": {
        const at = wb.sheets.findIndex((x) => x.name.toLowerCase() === op.sheet.toLowerCase());
        if (at < 0) {
          const after = wb.sheets.findIndex((x) => x.name === op.after);
          wb.sheets.splice(after >= 0 ? after + 1 : wb.sheets.length, 0, {
            name: op.sheet,
            owner: { ...op.owner, range: { r1: 1, c1: 1, r2: 1, c2: 1 } },
            visibility: op.visibility,
            rows: [],
            merges: [],
            tables: [],
          });
          copied.add(op.sheet);
        } else {
          assertOwned(wb.sheets[at].name, wb.sheets[at].owner, op);
          const s = sheetOf({ ...op, sheet: wb.sheets[at].name });
          s.visibility = op.visibility;
          // As the hosts do: a sheet marked by ensureSheet has no region of the product's yet.
          s.owner ??= { ...op.owner, range: { r1: 1, c1: 1, r2: 1, c2: 1 } };
        }
        break;
      }
      default:
        break;
    }
  }
  return wb;
}
