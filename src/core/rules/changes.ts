/**
 * Rules on change control (示范 4 「变更必须经过正式的申请、评审和批准程序」): a plan change on the
 * schedule has an approved request in the 变更申请 register, an approved request was reviewed first,
 * and a request does not wait for its decision longer than 变更审批工作日数 working days.
 */

import { diffDays } from "../dates";
import { compact } from "../text";
import { dateOf, isEmpty, textOf, type TypedRow, type TypedTable } from "../rows";
import { findingAt, at, subjectArgs, type RuleContext, type TableRule } from "./context";
import { planChange, taskRows } from "./schedule";

/** 审批结果 (or 状态) approving the request. Anchored: 不批准, 未通过 are no approval. */
const APPROVED = /^(已?批准|同意|已?通过|核准|准予|approved?)/i;
/** 审批结果 (or 状态) refusing it. */
const REJECTED =
  /^(已?驳回|不同意|不批准|不予|未通过|否决|拒绝|已?撤销|已?作废|rejected|declined|withdrawn)/i;

export type Decision = "approved" | "rejected" | "open";

/**
 * The decision on a request: its 审批结果, else its 状态; a 批准日期 with no word either way
 * counts as approved (the date is what an approval leaves).
 */
export function decisionOf(row: TypedRow): Decision {
  for (const word of [textOf(row.fields.result), textOf(row.fields.status)]) {
    const w = word?.trim() ?? "";
    if (REJECTED.test(w)) return "rejected";
    if (APPROVED.test(w)) return "approved";
  }
  return dateOf(row.fields.approvalDate) !== undefined ? "approved" : "open";
}

function changeArgs(row: TypedRow): Record<string, string> {
  const out: Record<string, string> = {};
  const id = textOf(row.fields.changeId);
  const content = textOf(row.fields.content);
  const contractNo = textOf(row.fields.contractNo);
  if (id !== undefined) out.changeId = id;
  if (content !== undefined) out.content = content;
  if (contractNo !== undefined) out.contractNo = contractNo;
  return out;
}

function changeTables(ctx: Pick<RuleContext, "tables">): TypedTable[] {
  return ctx.tables.filter((t) => t.kind === "changes");
}

/** True when the workbook keeps a 变更申请 register. */
export function hasChangeRegister(ctx: Pick<RuleContext, "tables">): boolean {
  return changeTables(ctx).length > 0;
}

/**
 * Whether a request concerns a task row: its 涉及任务 (or, without one, its 变更内容) names the task
 * or its WBS, or — naming no task — it is for the task's contract. A request and a task that both
 * name a contract must name the same one.
 */
export function requestCovers(request: TypedRow, task: TypedRow): boolean {
  const reqContract = textOf(request.fields.contractNo);
  const taskContract = textOf(task.fields.contractNo);
  if (
    reqContract !== undefined &&
    taskContract !== undefined &&
    compact(reqContract) !== compact(taskContract)
  )
    return false;
  const name = textOf(task.fields.task);
  const wbs = textOf(task.fields.wbs);
  const names = (text: string | undefined): boolean => {
    if (text === undefined) return false;
    const t = compact(text);
    if (name !== undefined && compact(name).length >= 2 && t.includes(compact(name))) return true;
    if (wbs === undefined) return false;
    const w = compact(wbs);
    return t === w || new RegExp(`(^|[^0-9.])${w.replace(/\./g, "\\.")}($|[^0-9.])`).test(t);
  };
  const reqTask = textOf(request.fields.task);
  if (reqTask !== undefined) return names(reqTask);
  if (names(textOf(request.fields.content))) return true;
  return reqContract !== undefined && taskContract !== undefined;
}

/** The requests of the workbook that concern a task, approved ones first. */
function requestsFor(ctx: RuleContext, task: TypedRow): TypedRow[] {
  const out: TypedRow[] = [];
  for (const t of changeTables(ctx)) for (const r of t.rows) if (requestCovers(r, task)) out.push(r);
  return out;
}

/**
 * A plan change (计划完成 moved from the 基线, or from the saved baseline) with no approved request
 * for its task or contract in the 变更申请 register. Runs only where the workbook keeps one: a
 * workbook without a register is told once, in the table's skipped rules, not per row.
 */
export const scheduleChangeUnapproved: TableRule = {
  id: "schedule.change-unapproved",
  severity: "error",
  source: "示范 4",
  scope: "table",
  needs: { schedule: [["planEnd", "baselineEnd"]] },
  when: hasChangeRegister,
  check(ctx, table) {
    for (const row of taskRows(table)) {
      const change = planChange(row);
      if (!change) continue;
      const requests = requestsFor(ctx, row);
      if (requests.some((r) => decisionOf(r) === "approved")) continue;
      const args: Record<string, string> = { ...(subjectArgs(row) as Record<string, string>), ...change };
      const rejected = requests.find((r) => decisionOf(r) === "rejected");
      const open = requests.find((r) => decisionOf(r) === "open");
      const other = rejected ?? open;
      if (other) {
        args.request = textOf(other.fields.changeId) ?? `${other.sheet}!${other.row}`;
        args.decision = rejected ? "rejected" : "open";
      }
      ctx.report({ rule: "schedule.change-unapproved", ...at(row, row.fields.planEnd), args });
    }
  },
};

/** An approved request with no 评审日期: it skipped the review the standard puts before approval. */
export const changeUnreviewed: TableRule = {
  id: "change.unreviewed",
  severity: "warning",
  source: "示范 4",
  scope: "table",
  needs: {
    changes: [
      ["reviewDate", "approvalDate"],
      ["reviewDate", "result"],
    ],
  },
  check(ctx, table) {
    for (const row of table.rows) {
      const fc = row.fields.reviewDate;
      if (!fc || !isEmpty(fc) || decisionOf(row) !== "approved") continue;
      const args: Record<string, string> = { ...changeArgs(row) };
      const approved = dateOf(row.fields.approvalDate);
      if (approved !== undefined) args.approvalDate = approved;
      ctx.report({ rule: "change.unreviewed", ...at(row, fc), args });
    }
  },
};

/** A request with no decision more than 变更审批工作日数 working days after it was made. */
export const changeOpenOverdue: TableRule = {
  id: "change.open-overdue",
  severity: "warning",
  source: "示范 4",
  scope: "table",
  needs: {
    changes: [
      ["requestDate", "approvalDate"],
      ["requestDate", "result"],
      ["requestDate", "status"],
    ],
  },
  check(ctx, table) {
    const n = ctx.settings.changeApprovalWorkdays;
    for (const row of table.rows) {
      const requested = dateOf(row.fields.requestDate);
      if (requested === undefined || decisionOf(row) !== "open") continue;
      if (/^(已?关闭|已?完成|closed|done)/i.test(textOf(row.fields.status)?.trim() ?? "")) continue;
      let deadline: string;
      try {
        deadline = ctx.calendar.addWorkdays(requested, n);
      } catch {
        continue;
      }
      if (ctx.asOf <= deadline) continue;
      ctx.report(
        findingAt(
          "change.open-overdue",
          row,
          row.fields.approvalDate ?? row.fields.result ?? row.fields.requestDate,
          {
            ...changeArgs(row),
            requestDate: requested,
            n,
            deadline,
            asOf: ctx.asOf,
            days: diffDays(deadline, ctx.asOf),
          },
        ),
      );
    }
  },
};
