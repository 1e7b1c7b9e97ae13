/**
 * `--normalize` (SPEC §2.1, issue 3.6): text dates and text amounts the parsers read without doubt
 * become real dates and numbers. Only cells of tables that stay in place; a copied region's
 * original is never touched (its copy already holds real values).
 */

import { isoToSerial } from "../dates";
import type { PatchOp } from "../patch";
import type { FieldCell, TypedTable } from "../rows";
import type { WorkbookSnapshot } from "../snapshot";
import { DATE_FORMAT, MONEY_FORMAT } from "./layout";

export interface Normalized {
  sheet: string;
  cell: string;
  from: string;
  to: string;
}

/** Excel shows 15 significant digits; dividing by a unit must not leave binary noise. */
function clean(n: number): number {
  return Number(n.toPrecision(15));
}

export function planNormalize(
  wb: WorkbookSnapshot,
  tables: TypedTable[],
): { ops: PatchOp[]; normalized: Normalized[] } {
  const ops: PatchOp[] = [];
  const normalized: Normalized[] = [];
  for (const t of tables) {
    const scale = new Map<number, number>();
    for (const ref of Object.values(t.source.columns)) if (ref) scale.set(ref.col, ref.scale ?? 1);
    for (const g of t.source.groups)
      for (const ref of Object.values(g.columns)) if (ref) scale.set(ref.col, ref.scale ?? 1);
    const cells: Array<Extract<PatchOp, { op: "setValues" }>["cells"][number]> = [];
    const visit = (fc: FieldCell | undefined) => {
      if (!fc || fc.parsed.status !== "ok" || !fc.parsed.fromText) return;
      if (fc.type === "date") {
        const iso = fc.parsed.value as string;
        cells.push({
          cell: fc.cell,
          write: { v: isoToSerial(iso, wb.date1904), style: { numFmt: DATE_FORMAT } },
        });
        normalized.push({ sheet: t.sheet, cell: fc.cell, from: fc.display, to: iso });
      } else if (fc.type === "money") {
        // The parsed amount is in 元; a 万元 column keeps its unit.
        const v = clean((fc.parsed.value as number) / (scale.get(fc.col) ?? 1));
        cells.push({ cell: fc.cell, write: { v, style: { numFmt: MONEY_FORMAT } } });
        normalized.push({ sheet: t.sheet, cell: fc.cell, from: fc.display, to: String(v) });
      }
    };
    for (const row of t.rows) {
      for (const fc of Object.values(row.fields)) visit(fc);
      for (const g of row.groups) for (const fc of Object.values(g.fields)) visit(fc);
    }
    if (cells.length > 0) ops.push({ op: "setValues", sheet: t.sheet, cells });
  }
  return { ops, normalized };
}
