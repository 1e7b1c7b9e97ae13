/** Rules within one row or one table: keys, date order, dates in the future, contract links (SPEC §5). */

import { fieldDef, KIND_DEFS, KINDS, type Kind } from "../kinds";
import { dateOf, textOf, type FieldCell, type TypedRow } from "../rows";
import { findingAt, subjectArgs, type TableRule } from "./context";

export const rowDuplicateKey: TableRule = {
  id: "row.duplicate-key",
  severity: "error",
  scope: "table",
  // 收款计划表 has several rows per contract by design, so it has no key.
  needs: perKind((d) => (d.key ? [[d.key]] : undefined)),
  check(ctx, table) {
    const keyField = KIND_DEFS[table.kind].key!;
    const first = new Map<string, number>();
    for (const row of table.rows) {
      const key = textOf(row.fields[keyField]);
      // A key merged down over rows is one cell, not a repetition.
      if (key === undefined || row.fields[keyField]?.inherited) continue;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, row.row);
      else {
        const fc = row.fields[keyField];
        ctx.report(
          findingAt("row.duplicate-key", row, fc, { key, header: fc?.header ?? keyField, firstRow: seen }),
        );
      }
    }
  },
  // It reads the key alone: an edit that changed no key changes nothing.
  reach: ({ after, fields }) => (fields.has(KIND_DEFS[after.kind].key!) ? undefined : new Set()),
};

/** Per kind, the field sets `of` gives for its descriptor (kinds it gives none for are left out). */
function perKind(
  of: (d: (typeof KIND_DEFS)[Kind]) => string[][] | undefined,
): Partial<Record<Kind, string[][]>> {
  const out: Partial<Record<Kind, string[][]>> = {};
  for (const k of KINDS) {
    const sets = of(KIND_DEFS[k]);
    if (sets && sets.length > 0) out[k] = sets;
  }
  return out;
}

export const rowDateOrder: TableRule = {
  id: "row.date-order",
  severity: "error",
  scope: "table",
  needs: perKind((d) => d.dateOrder?.map((p) => [...p])),
  check(ctx, table) {
    const pairs = KIND_DEFS[table.kind].dateOrder ?? [];
    for (const row of table.rows) {
      for (let i = 0; i < pairs.length; i++) {
        const early = pairs[i][0];
        const late = pairs[i][1];
        const a = dateOf(row.fields[early]);
        const b = dateOf(row.fields[late]);
        if (a === undefined || b === undefined || b >= a) continue;
        if (row.fields[early]?.inherited && row.fields[late]?.inherited) continue;
        ctx.report(
          findingAt("row.date-order", row, row.fields[late], {
            ...subjectArgs(row),
            header: row.fields[late]?.header ?? late,
            date: b,
            otherHeader: row.fields[early]?.header ?? early,
            otherDate: a,
          }),
        );
      }
    }
    if (table.source.phases) phaseOrder(ctx, table.rows);
  },
};

/**
 * Phases across columns run left to right: a phase starting before the phase left of it (the
 * nearest one with a start) starts is out of order. A phase starting before the previous one
 * ends is not: overlapping phases are a plan's choice.
 */
function phaseOrder(ctx: Parameters<TableRule["check"]>[0], rows: readonly TypedRow[]): void {
  let prev: TypedRow | undefined;
  for (const row of rows) {
    if (!row.phase || prev?.row !== row.row) prev = undefined;
    if (!row.phase) continue;
    const b = dateOf(row.fields.planStart);
    const a = dateOf(prev?.fields.planStart);
    if (prev && a !== undefined && b !== undefined && b < a) {
      ctx.report(
        findingAt("row.date-order", row, row.fields.planStart, {
          ...subjectArgs(row),
          header: row.fields.planStart?.header ?? "planStart",
          date: b,
          otherHeader: prev.fields.planStart?.header ?? "planStart",
          otherDate: a,
        }),
      );
    }
    if (b !== undefined) prev = row;
  }
}

export const rowActualInFuture: TableRule = {
  id: "row.actual-in-future",
  severity: "error",
  scope: "table",
  needs: perKind((d) => d.actualFields?.map((f) => [f])),
  check(ctx, table) {
    const fields = KIND_DEFS[table.kind].actualFields ?? [];
    // Each field's own cell, then its payment groups' cells, without an array per row.
    const judge = (row: TypedRow, fc: FieldCell | undefined) => {
      const d = dateOf(fc);
      if (!fc || d === undefined || d <= ctx.asOf || fc.inherited) return;
      ctx.report(
        findingAt("row.actual-in-future", row, fc, {
          ...subjectArgs(row),
          header: fc.header,
          date: d,
          asOf: ctx.asOf,
        }),
      );
    };
    // Indexed loops: this walks every row, and a first check runs it before it is optimised.
    for (const row of table.rows) {
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i];
        judge(row, row.fields[f]);
        for (let j = 0; j < row.groups.length; j++) judge(row, row.groups[j].fields[f as "receivedDate"]);
      }
    }
  },
};

export const rowUnknownContract: TableRule = {
  id: "row.unknown-contract",
  severity: "error",
  scope: "table",
  // Every kind that refers to a contract by its number, the contract ledger itself aside.
  needs: perKind((d) =>
    d.kind !== "contracts" && fieldDef(d.kind, "contractNo") ? [["contractNo"]] : undefined,
  ),
  // Without any 合同执行情况表 every number would be "unknown": the rule then says it did not run.
  when: (ctx) => ctx.hasContracts,
  check(ctx, table) {
    // A receivables list keyed by invoice names invoices, not contracts of the ledger.
    if (table.source.columns.contractNo?.invoice) return;
    for (const row of table.rows) {
      const no = textOf(row.fields.contractNo);
      if (no === undefined || ctx.contracts.has(no) || row.fields.contractNo?.inherited) continue;
      ctx.report(findingAt("row.unknown-contract", row, row.fields.contractNo, { ...subjectArgs(row) }));
    }
  },
};
