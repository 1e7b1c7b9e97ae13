/**
 * Rules on the 风险登记 and the 问题清单 (《项目实施方案规范》「积极管理项目风险」「建立项目问题解决机制」):
 * a high risk has a response, responses and issues are closed by their dates, risks are reviewed
 * within the review period.
 */

import { addDays, diffDays } from "../dates";
import { dateOf, isEmpty, textOf, type TypedRow } from "../rows";
import { findingAt, at, type TableRule } from "./context";

/** 状态 says the risk or issue is no longer open. */
const CLOSED = /^(已?关闭|已解决|已处理|已完成|完成|已?解除|已消除|closed|resolved|done)/i;
/** 风险等级 high: 高, 重大, 严重, H, High. */
const HIGH = /^(高|较高|很高|极高|重大|严重|h|high|critical)/i;

function isOpen(row: TypedRow): boolean {
  if (dateOf(row.fields.resolvedDate) !== undefined) return false;
  return !CLOSED.test(textOf(row.fields.status) ?? "");
}

function riskArgs(row: TypedRow): Record<string, string> {
  const out: Record<string, string> = { risk: textOf(row.fields.risk) ?? "" };
  const owner = textOf(row.fields.owner);
  if (owner !== undefined) out.owner = owner;
  return out;
}

export const riskHighNoResponse: TableRule = {
  id: "risk.high-no-response",
  severity: "error",
  scope: "table",
  needs: { risks: [["level", "response"]] },
  check(ctx, table) {
    for (const row of table.rows) {
      const level = textOf(row.fields.level);
      const fc = row.fields.response;
      if (!level || !HIGH.test(level) || !fc || !isEmpty(fc) || !isOpen(row)) continue;
      ctx.report(findingAt("risk.high-no-response", row, fc, { ...riskArgs(row), level }));
    }
  },
};

export const riskResponseOverdue: TableRule = {
  id: "risk.response-overdue",
  severity: "error",
  scope: "table",
  needs: { risks: [["responseDue"]] },
  check(ctx, table) {
    for (const row of table.rows) {
      const due = dateOf(row.fields.responseDue);
      if (due === undefined || due >= ctx.asOf || !isOpen(row)) continue;
      ctx.report(
        findingAt("risk.response-overdue", row, row.fields.responseDue, {
          ...riskArgs(row),
          dueDate: due,
          asOf: ctx.asOf,
          days: diffDays(due, ctx.asOf),
        }),
      );
    }
  },
};

export const riskReviewOverdue: TableRule = {
  id: "risk.review-overdue",
  severity: "warning",
  scope: "table",
  needs: { risks: [["reviewDate"]] },
  check(ctx, table) {
    const n = ctx.settings.riskReviewDays;
    for (const row of table.rows) {
      const last = dateOf(row.fields.reviewDate);
      if (last === undefined || !isOpen(row)) continue;
      const due = addDays(last, n);
      if (due >= ctx.asOf) continue;
      ctx.report(
        findingAt("risk.review-overdue", row, row.fields.reviewDate, {
          ...riskArgs(row),
          reviewDate: last,
          n,
          dueDate: due,
          asOf: ctx.asOf,
          days: diffDays(due, ctx.asOf),
        }),
      );
    }
  },
};

export const issueOverdue: TableRule = {
  id: "issue.overdue",
  severity: "error",
  scope: "table",
  needs: { issues: [["issueDue"]] },
  check(ctx, table) {
    for (const row of table.rows) {
      const due = dateOf(row.fields.issueDue);
      if (due === undefined || due >= ctx.asOf || !isOpen(row)) continue;
      const args: Record<string, string | number> = {
        issue: textOf(row.fields.issue) ?? "",
        dueDate: due,
        asOf: ctx.asOf,
        days: diffDays(due, ctx.asOf),
      };
      const owner = textOf(row.fields.owner);
      if (owner !== undefined) args.owner = owner;
      ctx.report({ rule: "issue.overdue", ...at(row, row.fields.issueDue), args });
    }
  },
};
