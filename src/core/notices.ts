/**
 * Which notices `apply` would generate (SPEC §6), from the findings and the
 * typed rows. Planning only: the sheets are laid out elsewhere. Keys are
 * stable so generating again adds no second notice (a changed cause gets a 更正).
 */

import { addDays, diffDays } from "./dates";
import type { Finding } from "./findings";
import { dateOf, isEmpty, numOf, textOf, type TypedRow } from "./rows";
import type { RuleContext } from "./rules/context";
import { nodeDunned, noticeDeadline, overdueNode } from "./rules/contracts";
import { beyondContract, planChange } from "./rules/schedule";

export type NoticeType = "催款通知单" | "项目实施通知" | "计划调整通知" | "备忘录";

export interface NoticePlan {
  type: NoticeType;
  key: string;
  /** Where the cause is written: the contract, payment-plan or task row. */
  sheet: string;
  row: number;
  facts: Record<string, string | number>;
  /** The number the 通知台账 already gives this cause (CK-20261123-001): generating it again updates that notice. */
  issued?: string;
}

export type NoticeContext = Omit<RuleContext, "report">;

export { noticeId } from "./notice-id";

/** Facts every notice about a contract carries; blank cells are left out. */
function contractFacts(contract: TypedRow | undefined): Record<string, string | number> {
  const facts: Record<string, string | number> = {};
  if (!contract) return facts;
  const f = contract.fields;
  const contractNo = textOf(f.contractNo);
  const contractName = textOf(f.contractName);
  const customer = textOf(f.customer);
  const salesManager = textOf(f.salesManager);
  const serviceManager = textOf(f.serviceManager);
  const signDate = dateOf(f.signDate);
  const deliveryDate = dateOf(f.deliveryDate);
  if (contractNo !== undefined) facts.contractNo = contractNo;
  if (contractName !== undefined) facts.contractName = contractName;
  if (customer !== undefined) facts.customer = customer;
  if (salesManager !== undefined) facts.salesManager = salesManager;
  if (serviceManager !== undefined) facts.serviceManager = serviceManager;
  if (signDate !== undefined) facts.signDate = signDate;
  if (deliveryDate !== undefined) facts.deliveryDate = deliveryDate;
  const amount = numOf(contract.fields.amount);
  if (amount !== undefined) facts.amount = amount;
  return facts;
}

/** Sheet → rows on which a rule fired, for each rule a notice follows from; one pass over the findings. */
function firedRows(findings: readonly Finding[], rules: readonly Finding["rule"][]) {
  const out = new Map<Finding["rule"], Map<string, Set<number | undefined>>>(
    rules.map((r) => [r, new Map()]),
  );
  for (const f of findings) {
    const bySheet = out.get(f.rule);
    if (!bySheet) continue;
    let rows = bySheet.get(f.sheet);
    if (!rows) bySheet.set(f.sheet, (rows = new Set()));
    rows.add(f.row);
  }
  return (rule: Finding["rule"], row: TypedRow) => out.get(rule)?.get(row.sheet)?.has(row.row) ?? false;
}

export function planNotices(ctx: NoticeContext, findings: readonly Finding[]): NoticePlan[] {
  const fired = firedRows(findings, ["contract.payment-overdue", "schedule.beyond-contract"]);
  // A contract's facts are the same in each of its notices: worked out once per contract row.
  const factsCache = new Map<TypedRow | undefined, Record<string, string | number>>();
  const factsOf = (contract: TypedRow | undefined) => {
    let facts = factsCache.get(contract);
    if (!facts) factsCache.set(contract, (facts = contractFacts(contract)));
    return facts;
  };
  const out: NoticePlan[] = [];

  // 催款通知单: one per overdue node that nobody has dunned yet.
  for (const node of ctx.nodes) {
    if (!fired("contract.payment-overdue", node.row) || nodeDunned(node)) continue;
    const o = overdueNode(ctx, node);
    if (!o) continue;
    out.push({
      type: "催款通知单",
      key: node.key,
      sheet: node.row.sheet,
      row: node.row.row,
      facts: {
        ...factsOf(ctx.contracts.get(node.contractNo)),
        contractNo: node.contractNo,
        node: node.label || (node.n > 0 ? `第${node.n}期` : "应收款"),
        dueDate: o.dueDate,
        dueAmount: o.due,
        received: o.received,
        outstanding: o.outstanding,
        daysOverdue: o.days,
        reportDays: ctx.settings.reportDays,
      },
    });
  }

  // 项目实施通知: the notice is late and was never issued.
  for (const f of findings) {
    if (f.rule !== "contract.notice-late" || f.args.noticeDate !== undefined || f.row === undefined) continue;
    const no = String(f.args.contractNo ?? "");
    const contract = ctx.contracts.get(no);
    if (
      !contract ||
      contract.sheet !== f.sheet ||
      contract.row !== f.row ||
      !isEmpty(contract.fields.noticeDate)
    ) {
      continue;
    }
    const sign = dateOf(contract.fields.signDate);
    if (sign === undefined) continue;
    out.push({
      type: "项目实施通知",
      key: no,
      sheet: f.sheet,
      row: f.row,
      facts: { ...factsOf(contract), deadline: noticeDeadline(ctx, sign) },
    });
  }

  // 计划调整通知: every task whose plan moved off its baseline, notified or not (the notice is the record).
  for (const t of ctx.tables) {
    if (t.kind !== "schedule") continue;
    for (const row of t.rows) {
      const change = row.summary ? undefined : planChange(row);
      if (!change) continue;
      const wbs = textOf(row.fields.wbs);
      const facts: Record<string, string | number> = {
        ...change,
        daysMoved: diffDays(change.baselineEnd, change.planEnd),
        noticeDeadline: addDays(change.baselineEnd, -ctx.settings.changeNoticeDays),
      };
      // Named stores, not a loop over field names: this runs for every moved task.
      const task = textOf(row.fields.task);
      const owner = textOf(row.fields.owner);
      const contractNo = textOf(row.fields.contractNo);
      if (wbs !== undefined) facts.wbs = wbs;
      if (task !== undefined) facts.task = task;
      if (owner !== undefined) facts.owner = owner;
      if (contractNo !== undefined) facts.contractNo = contractNo;
      const reason = textOf(row.fields.note);
      if (reason !== undefined) facts.reason = reason;
      const baselineStart = dateOf(row.fields.baselineStart);
      const planStart = dateOf(row.fields.planStart);
      if (baselineStart !== undefined) facts.baselineStart = baselineStart;
      if (planStart !== undefined) facts.planStart = planStart;
      out.push({
        type: "计划调整通知",
        key: wbs ?? `${row.sheet}!${row.row}`,
        sheet: row.sheet,
        row: row.row,
        facts,
      });
    }
  }

  // 备忘录: one per contract, listing every task that runs past its delivery date.
  const memos = new Map<string, { contract: TypedRow; deliveryDate: string; end: string; tasks: string[] }>();
  for (const t of ctx.tables) {
    if (t.kind !== "schedule") continue;
    for (const row of t.rows) {
      if (!fired("schedule.beyond-contract", row)) continue;
      const b = beyondContract(ctx, row);
      if (!b) continue;
      const memo = memos.get(b.contractNo) ?? {
        contract: b.contract,
        deliveryDate: b.deliveryDate,
        end: b.end,
        tasks: [],
      };
      if (b.end > memo.end) memo.end = b.end;
      memo.tasks.push(
        [textOf(row.fields.wbs), textOf(row.fields.task)].filter((s) => s !== undefined).join(" ") ||
          `${row.sheet}!${row.row}`,
      );
      memos.set(b.contractNo, memo);
    }
  }
  for (const [no, m] of memos) {
    out.push({
      type: "备忘录",
      key: no,
      sheet: m.contract.sheet,
      row: m.contract.row,
      facts: {
        ...factsOf(m.contract),
        deliveryDate: m.deliveryDate,
        expectedCompletion: m.end,
        daysLate: diffDays(m.deliveryDate, m.end),
        tasks: m.tasks.join("；"),
        taskCount: m.tasks.length,
      },
    });
  }
  return out;
}
