/** Rules on single cells: required, unreadable dates and numbers, percent range (SPEC §5). */

import { everyKind, KIND_DEFS, type FieldType } from "../kinds";
import { isEmpty, numOf, type FieldCell, type TypedRow, type TypedTable } from "../rows";
import { cellAt } from "../snapshot";
import { findingAt, subjectArgs, type TableRule } from "./context";

/** Every mapped cell of a row, numbered payment groups included, in that order. */
function forEachCell(row: TypedRow, visit: (fc: FieldCell) => void): void {
  // for…in over plain data objects visits the same own keys, in the same order, as Object.values.
  const fields = row.fields;
  for (const k in fields) {
    const fc = fields[k];
    if (fc) visit(fc);
  }
  for (const g of row.groups) {
    const gf = g.fields;
    for (const k in gf) {
      const fc = gf[k as keyof typeof gf];
      if (fc) visit(fc);
    }
  }
}

/** A cell of a row that a cell rule may report. */
export interface RowCell {
  row: TypedRow;
  fc: FieldCell;
}

/**
 * The cells the cell rules judge, found in one walk over every cell of the table (rows in order,
 * each row's cells as forEachCell visits them) instead of one walk per rule: the unreadable ones
 * and the dates read from text, merged-down copies left out (their own row reports them).
 */
export function notableCells(table: TypedTable): { invalid: RowCell[]; textDates: RowCell[] } {
  let found = NOTABLE.get(table);
  if (found) return found;
  const invalid: RowCell[] = [];
  const textDates: RowCell[] = [];
  let row: TypedRow;
  const visit = (fc: FieldCell) => {
    const p = fc.parsed;
    if (p.status === "ok" ? !p.fromText : p.status !== "invalid") return;
    if (fc.inherited) return;
    if (p.status === "invalid") invalid.push({ row, fc });
    else if (fc.type === "date") textDates.push({ row, fc });
  };
  for (const r of table.rows) {
    row = r;
    forEachCell(r, visit);
  }
  NOTABLE.set(table, (found = { invalid, textDates }));
  return found;
}

const NOTABLE = new WeakMap<TypedTable, { invalid: RowCell[]; textDates: RowCell[] }>();

/** Why the value was refused, so the message can say what to write instead. */
function reasonArg(fc: FieldCell): { reason?: string } {
  return fc.parsed.status === "invalid" ? { reason: fc.parsed.reason } : {};
}

const ALL_KINDS = everyKind();

export const cellRequired: TableRule = {
  id: "cell.required",
  severity: "error",
  source: "§2.1",
  scope: "table",
  needs: ALL_KINDS,
  check(ctx, table) {
    const required = KIND_DEFS[table.kind].fields.filter((f) => f.required && table.fields.has(f.field));
    // A monthly ledger on a contract's own sheet has months with nothing due (before the first
    // bill, after the last): there only a month with an amount due needs its 月份.
    const ledger = table.source.sheetContract !== undefined;
    for (const row of table.rows) {
      // A summary task's fields are rolled up from its subtasks, which must have them.
      if (row.summary) continue;
      // Two fields read from one cell (起止日期: the plan's start and end) are one empty cell; a
      // cell every phase of a row shares is reported on its first phase.
      // Made only for a row with something to report: most rows have none.
      let seen: Set<string> | undefined;
      for (let i = 0; i < required.length; i++) {
        const def = required[i];
        const fc = row.fields[def.field];
        // An item line's label in the 月份 column (`2016年第四季度调差`) is no empty cell either.
        if (ledger && (def.field === "dueAmount" || !((numOf(row.fields.dueAmount) ?? 0) > 0) || fc?.display))
          continue;
        if (fc && isEmpty(fc) && !fc.inherited && !seen?.has(fc.cell)) {
          (seen ??= new Set()).add(fc.cell);
          ctx.report(findingAt("cell.required", row, fc, { ...subjectArgs(row), header: fc.header }));
        }
      }
    }
  },
};

/**
 * A rule reporting cells of the given types whose value does not parse. A value merged down over
 * several rows is reported once, on its own row.
 */
function invalidCells(
  id: "cell.date-invalid" | "cell.number-invalid",
  types: readonly FieldType[],
): TableRule {
  return {
    id,
    severity: "error",
    scope: "table",
    needs: ALL_KINDS,
    check(ctx, table) {
      let row: TypedRow | undefined;
      let seen: Set<string> | undefined;
      for (const { row: r, fc } of notableCells(table).invalid) {
        if (r !== row) {
          row = r;
          seen = undefined;
        }
        if (types.includes(fc.type) && !seen?.has(fc.cell)) {
          (seen ??= new Set()).add(fc.cell);
          ctx.report(findingAt(id, r, fc, { header: fc.header, value: fc.display, ...reasonArg(fc) }));
        }
      }
    },
  };
}

export const cellDateInvalid = invalidCells("cell.date-invalid", ["date"]);

export const cellNumberInvalid = invalidCells("cell.number-invalid", ["money", "percent", "days"]);

/**
 * A date typed as the number 20261117: read as 2026-11-17 by the rules, but Excel takes the
 * number for a serial past 9999 and shows #### under a date format. Reported so the user turns
 * it into a real date (text like "2026/11/17" shows as typed, so it is not reported).
 */
export const cellDateAsNumber: TableRule = {
  id: "cell.date-as-number",
  severity: "warning",
  scope: "table",
  needs: ALL_KINDS,
  check(ctx, table) {
    const sheet = ctx.wb.sheets.find((s) => s.name === table.sheet);
    if (!sheet) return;
    for (const { row, fc } of notableCells(table).textDates) {
      const p = fc.parsed;
      if (p.status !== "ok" || typeof cellAt(sheet, row.row, fc.col)?.value !== "number") continue;
      ctx.report(
        findingAt("cell.date-as-number", row, fc, {
          header: fc.header,
          value: fc.display,
          date: String(p.value),
        }),
      );
    }
  },
};

export const cellPercentRange: TableRule = {
  id: "cell.percent-range",
  severity: "error",
  scope: "table",
  needs: { schedule: [["progress"]] },
  check(ctx, table) {
    for (const row of table.rows) {
      const p = numOf(row.fields.progress);
      if (p !== undefined && (p < 0 || p > 100)) {
        ctx.report(
          findingAt("cell.percent-range", row, row.fields.progress, {
            ...subjectArgs(row),
            header: row.fields.progress?.header ?? "",
            percent: p,
          }),
        );
      }
    }
  },
};
