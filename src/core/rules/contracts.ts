/** Rules on the 合同执行情况表 and 收款计划表: notice, delivery, quality, collections (SPEC §5). */

import { addDays, diffDays } from "../dates";
import { dateOf, isEmpty, numOf, textOf, type TypedRow, type TypedTable } from "../rows";
import {
  findingAt,
  isMarkedComplete,
  isTerminated,
  subjectArgs,
  type PaymentNode,
  type RuleContext,
  type TableRule,
} from "./context";

/** Money compared to the cent: sums of decimals are never exact. */
const CENT = 0.005;

export const contractNoticeLate: TableRule = {
  id: "contract.notice-late",
  severity: "error",
  source: "§1.2.2, §2.1",
  scope: "table",
  needs: { contracts: [["signDate", "noticeDate"]] },
  check(ctx, table) {
    const n = ctx.settings.noticeWorkdays;
    for (const row of contractRows(table)) {
      const sign = dateOf(row.fields.signDate);
      if (sign === undefined || isTerminated(row)) continue;
      const deadline = noticeDeadline(ctx, sign);
      const fc = row.fields.noticeDate;
      const notice = dateOf(fc);
      const late = notice !== undefined ? notice > deadline : isEmpty(fc) && deadline < ctx.asOf;
      if (!late) continue;
      const args = { ...subjectArgs(row), signDate: sign, deadline, n };
      ctx.report(
        findingAt(
          "contract.notice-late",
          row,
          fc,
          notice === undefined ? args : { ...args, noticeDate: notice },
        ),
      );
    }
  },
};

/** 项目实施通知 is due by the N-th working day after signing (§2.1). */
export function noticeDeadline(ctx: Pick<RuleContext, "calendar" | "settings">, signDate: string): string {
  return ctx.calendar.addWorkdays(signDate, ctx.settings.noticeWorkdays);
}

/**
 * One row per contract: a row whose 合同编号 is merged down from the row above
 * goes on with that contract (another payment node), so the contract's own
 * deadlines are judged once, on its first row.
 */
function contractRows(table: TypedTable): readonly TypedRow[] {
  let rows = CONTRACT_ROWS.get(table);
  if (!rows) CONTRACT_ROWS.set(table, (rows = table.rows.filter((r) => !r.continuation)));
  return rows;
}

const CONTRACT_ROWS = new WeakMap<TypedTable, readonly TypedRow[]>();

/** Delivery rules do not apply once the work is complete or the contract is terminated. */
function deliveryOpen(row: TypedRow): boolean {
  return isEmpty(row.fields.completionDate) && !isMarkedComplete(row) && !isTerminated(row);
}

export const contractDeliveryOverdue: TableRule = {
  id: "contract.delivery-overdue",
  severity: "error",
  source: "§1.2.2",
  scope: "table",
  needs: { contracts: [["deliveryDate", "completionDate"]] },
  check(ctx, table) {
    for (const row of contractRows(table)) {
      const due = dateOf(row.fields.deliveryDate);
      if (due === undefined || due >= ctx.asOf || !deliveryOpen(row)) continue;
      ctx.report(
        findingAt("contract.delivery-overdue", row, row.fields.deliveryDate, {
          ...subjectArgs(row),
          deliveryDate: due,
          days: diffDays(due, ctx.asOf),
        }),
      );
    }
  },
};

export const contractDeliveryDueSoon: TableRule = {
  id: "contract.delivery-due-soon",
  severity: "warning",
  scope: "table",
  needs: { contracts: [["deliveryDate", "completionDate"]] },
  check(ctx, table) {
    const n = ctx.settings.dueSoonWorkdays;
    const horizon = ctx.calendar.addWorkdays(ctx.asOf, n);
    for (const row of contractRows(table)) {
      const due = dateOf(row.fields.deliveryDate);
      if (due === undefined || due < ctx.asOf || due > horizon || !deliveryOpen(row)) continue;
      ctx.report(
        findingAt("contract.delivery-due-soon", row, row.fields.deliveryDate, {
          ...subjectArgs(row),
          deliveryDate: due,
          n,
          workdays: ctx.calendar.workdaysBetween(ctx.asOf, due),
        }),
      );
    }
  },
};

export const contractDeliveredLate: TableRule = {
  id: "contract.delivered-late",
  severity: "info",
  scope: "table",
  needs: { contracts: [["deliveryDate", "completionDate"]] },
  check(ctx, table) {
    for (const row of contractRows(table)) {
      const due = dateOf(row.fields.deliveryDate);
      const done = dateOf(row.fields.completionDate);
      if (due === undefined || done === undefined || done <= due) continue;
      ctx.report(
        findingAt("contract.delivered-late", row, row.fields.completionDate, {
          ...subjectArgs(row),
          deliveryDate: due,
          completionDate: done,
          days: diffDays(due, done),
        }),
      );
    }
  },
};

/** A delivered contract whose `field` is still blank (the completion record is incomplete). */
function missingOnceCompleted(
  id: "contract.quality-missing" | "contract.acceptance-missing",
  field: "quality" | "acceptanceDate",
  source: string,
): TableRule {
  return {
    id,
    severity: "warning",
    source,
    scope: "table",
    needs: { contracts: [["completionDate", field]] },
    check(ctx, table) {
      for (const row of contractRows(table)) {
        const done = dateOf(row.fields.completionDate);
        if (done === undefined || !isEmpty(row.fields[field]) || isTerminated(row)) continue;
        ctx.report(findingAt(id, row, row.fields[field], { ...subjectArgs(row), completionDate: done }));
      }
    },
  };
}

export const contractQualityMissing = missingOnceCompleted("contract.quality-missing", "quality", "§1.2.2");

export const contractAcceptanceMissing = missingOnceCompleted(
  "contract.acceptance-missing",
  "acceptanceDate",
  "《项目实施验收单》",
);

/** A node past its due date and not fully received; undefined when it is not overdue. */
export function overdueNode(ctx: Pick<RuleContext, "asOf" | "contracts">, node: PaymentNode) {
  const dueDate = dateOf(node.dueDate);
  const due = numOf(node.dueAmount);
  if (dueDate === undefined || due === undefined || dueDate >= ctx.asOf) return undefined;
  if (isTerminated(ctx.contracts.get(node.contractNo))) return undefined;
  // An unreadable 实收金额 is cell.number-invalid's; do not guess it is zero.
  if (!isEmpty(node.receivedAmount) && numOf(node.receivedAmount) === undefined) return undefined;
  const received = numOf(node.receivedAmount) ?? 0;
  if (received >= due - CENT) return undefined;
  return { dueDate, due, received, outstanding: round2(due - received), days: diffDays(dueDate, ctx.asOf) };
}

/**
 * The contract row's single 催款通知日期 serves every node; it counts for a
 * node only when it is on or after that node's due date (an older dunning was
 * about an earlier node).
 */
export function nodeDunned(node: PaymentNode): boolean {
  const dunned = dateOf(node.dunningDate);
  const due = dateOf(node.dueDate);
  if (dunned === undefined) return !isEmpty(node.dunningDate);
  return node.source === "plan" || due === undefined || dunned >= due;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function nodeArgs(node: PaymentNode) {
  const args = { contractNo: node.contractNo, n: node.n, node: node.label };
  return node.invoice ? { ...args, invoice: 1 } : args;
}

/** Payment rules run from both tables: contracts rows carry groups/single columns, 收款计划表 rows carry plan nodes. */
function nodesOfTable(ctx: RuleContext, sheetRows: ReadonlySet<TypedRow>): PaymentNode[] {
  return ctx.nodes.filter((n) => sheetRows.has(n.row));
}

export const contractPaymentOverdue: TableRule = {
  id: "contract.payment-overdue",
  severity: "error",
  source: "§1.2.2",
  scope: "table",
  needs: { contracts: [["dueDate", "dueAmount"]], payments: [["dueDate", "dueAmount"]] },
  check(ctx, table) {
    reportOverdue(ctx, table, false);
  },
};

/**
 * A payment we owe (a payables table: 付款, 已付, 供应商) is past its date: a finance finding of
 * its own. It never calls for a 催款通知单; the money is ours to pay.
 */
export const payableOverdue: TableRule = {
  id: "payable.overdue",
  severity: "warning",
  scope: "table",
  needs: { contracts: [["dueDate", "dueAmount"]], payments: [["dueDate", "dueAmount"]] },
  check(ctx, table) {
    reportOverdue(ctx, table, true);
  },
};

function reportOverdue(ctx: RuleContext, table: TypedTable, payable: boolean): void {
  if ((table.source.payable ?? false) !== payable) return;
  for (const node of nodesOfTable(ctx, new Set(table.rows))) {
    const o = overdueNode(ctx, node);
    if (!o) continue;
    ctx.report(
      findingAt(payable ? "payable.overdue" : "contract.payment-overdue", node.row, node.dueDate, {
        ...nodeArgs(node),
        dueDate: o.dueDate,
        dueAmount: o.due,
        received: o.received,
        outstanding: o.outstanding,
        days: o.days,
      }),
    );
  }
}

export const contractReportOverdue: TableRule = {
  id: "contract.report-overdue",
  severity: "error",
  source: "§1.2.2",
  scope: "table",
  needs: { contracts: [["dunningDate", "reportDate"]], payments: [["dunningDate", "reportDate"]] },
  check(ctx, table) {
    const days = ctx.settings.reportDays;
    for (const row of table.rows) {
      const dunned = dateOf(row.fields.dunningDate);
      const no = textOf(row.fields.contractNo);
      if (dunned === undefined || !isEmpty(row.fields.reportDate) || row.fields.dunningDate?.inherited)
        continue;
      if (
        isTerminated(table.kind === "contracts" ? row : no === undefined ? undefined : ctx.contracts.get(no))
      ) {
        continue;
      }
      const deadline = addDays(dunned, days);
      if (deadline >= ctx.asOf) continue;
      ctx.report(
        findingAt("contract.report-overdue", row, row.fields.reportDate, {
          ...subjectArgs(row),
          dunningDate: dunned,
          deadline,
          n: days,
        }),
      );
    }
  },
};

/**
 * Money received on a contract: its 收款计划表 rows when it has any, else its
 * numbered groups, else the single 已收金额 column (then a running total).
 */
function receivedTotal(ctx: RuleContext, no: string): number | undefined {
  const nodes = ctx.nodesByContract.get(no) ?? [];
  for (const source of ["plan", "group", "single"] as const) {
    const amounts = nodes.filter((n) => n.source === source).map((n) => numOf(n.receivedAmount));
    if (amounts.some((a) => a !== undefined))
      return round2(amounts.reduce<number>((s, a) => s + (a ?? 0), 0));
  }
  return undefined;
}

/** Each contract's own row (the first with that number) that states a readable amount. */
function contractAmounts(
  ctx: RuleContext,
  table: TypedTable,
): Array<{ row: TypedRow; no: string; amount: number }> {
  const out: Array<{ row: TypedRow; no: string; amount: number }> = [];
  for (const row of table.rows) {
    const no = textOf(row.fields.contractNo);
    const amount = numOf(row.fields.amount);
    if (no !== undefined && amount !== undefined && ctx.contracts.get(no) === row)
      out.push({ row, no, amount });
  }
  return out;
}

export const contractOverpaid: TableRule = {
  id: "contract.overpaid",
  severity: "error",
  scope: "table",
  needs: { contracts: [["contractNo", "amount"]] },
  check(ctx, table) {
    for (const { row, no, amount } of contractAmounts(ctx, table)) {
      const received = receivedTotal(ctx, no);
      if (received === undefined || received <= amount + CENT) continue;
      ctx.report(
        findingAt("contract.overpaid", row, row.fields.amount, {
          contractNo: no,
          amount,
          received,
          difference: round2(received - amount),
        }),
      );
    }
  },
};

export const contractPaymentsMismatch: TableRule = {
  id: "contract.payments-mismatch",
  severity: "warning",
  scope: "table",
  needs: { contracts: [["contractNo", "amount"]] },
  check(ctx, table) {
    for (const { row, no, amount } of contractAmounts(ctx, table)) {
      const nodes = ctx.nodesByContract.get(no) ?? [];
      // The full plan: 收款计划表 rows win over numbered groups; a single 应收 column is only the next node.
      const plan = nodes.some((n) => n.source === "plan")
        ? nodes.filter((n) => n.source === "plan")
        : nodes.filter((n) => n.source === "group" && !isEmpty(n.dueAmount));
      if (plan.length === 0) continue;
      const amounts = plan.map((n) => numOf(n.dueAmount));
      // An unreadable node amount is already reported; a sum without it would mislead.
      if (amounts.some((a, i) => a === undefined && !isEmpty(plan[i].dueAmount))) continue;
      const planned = round2(amounts.reduce<number>((s, a) => s + (a ?? 0), 0));
      if (Math.abs(planned - amount) <= CENT) continue;
      ctx.report(
        findingAt("contract.payments-mismatch", row, row.fields.amount, {
          contractNo: no,
          amount,
          planned,
          difference: round2(planned - amount),
          nodes: plan.length,
          source: plan[0].source,
        }),
      );
    }
  },
};
