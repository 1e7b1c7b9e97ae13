/**
 * Rules on the 实施文档台账: the hand-off deadlines of §2.4.1 要素文档的编写和验收, each counted in
 * working days on the 调休 calendar from the step before.
 */

import { diffDays, type IsoDate } from "../dates";
import type { RuleId } from "../findings";
import { DOCUMENT_STEPS } from "../kinds";
import { dateOf, isEmpty, textOf, type FieldCell, type TypedRow } from "../rows";
import { findingAt, type RuleContext, type TableRule } from "./context";

export type DaysKey =
  | "docToOfficeWorkdays"
  | "docOfficeWorkdays"
  | "docDeliveryWorkdays"
  | "docMeetingWorkdays"
  | "docFilingWorkdays";

export interface Deadline {
  rule: RuleId;
  /** The step the deadline runs from and the step it bounds. */
  from: string;
  to: string;
  days: DaysKey;
  quote: string;
}

/** The chain in its order: a later step done means the earlier ones were done or skipped. */
export const DOCUMENT_CHAIN = DOCUMENT_STEPS;

export const DOCUMENT_DEADLINES: readonly Deadline[] = [
  {
    rule: "document.to-office-late",
    from: "reviewDate",
    to: "toOfficeDate",
    days: "docToOfficeWorkdays",
    quote: "客服经理初审后将方案在1个工作日内传至总经办",
  },
  {
    rule: "document.office-review-late",
    from: "toOfficeDate",
    to: "officeReturnDate",
    days: "docOfficeWorkdays",
    quote: "总经办在2个工作日内审核后传至客服经理",
  },
  {
    rule: "document.delivery-late",
    from: "writtenDate",
    to: "deliveredDate",
    days: "docDeliveryWorkdays",
    quote: "方案编写完成后，应在2个工作日内送达客户企业",
  },
  {
    rule: "document.meeting-late",
    from: "deliveredDate",
    to: "meetingDate",
    days: "docMeetingWorkdays",
    quote: "敦促企业项目负责人在5个工作日召开实施会议",
  },
  {
    rule: "document.filing-late",
    from: "receiptDate",
    to: "filedDate",
    days: "docFilingWorkdays",
    quote: "签收后的2个工作日内将上述电子文档送公司总经办备案",
  },
];

/** What names a document in a message: its name and its contract. */
function docArgs(row: TypedRow): Record<string, string> {
  const out: Record<string, string> = {};
  const doc = textOf(row.fields.docName);
  const contractNo = textOf(row.fields.contractNo);
  if (doc !== undefined) out.doc = doc;
  if (contractNo !== undefined) out.contractNo = contractNo;
  return out;
}

/** A step after `field` in the chain is dated. */
function laterDone(row: TypedRow, field: string): boolean {
  return DOCUMENT_CHAIN.slice(DOCUMENT_CHAIN.indexOf(field) + 1).some(
    (f) => dateOf(row.fields[f]) !== undefined,
  );
}

function stepArgs(ctx: RuleContext, d: Deadline, from: FieldCell, fromDate: IsoDate, to: FieldCell) {
  const n = ctx.settings[d.days];
  return {
    fromHeader: from.header,
    fromDate,
    toHeader: to.header,
    deadline: ctx.calendar.addWorkdays(fromDate, n),
    n,
  };
}

/** One rule per deadline: the step was done, but after its deadline. */
function lateRule(d: Deadline): TableRule {
  return {
    id: d.rule,
    severity: "warning",
    source: "§2.4.1",
    scope: "table",
    needs: { documents: [[d.from, d.to]] },
    check(ctx, table) {
      for (const row of table.rows) {
        const from = row.fields[d.from];
        const to = row.fields[d.to];
        const a = dateOf(from);
        const b = dateOf(to);
        if (!from || !to || a === undefined || b === undefined) continue;
        const args = stepArgs(ctx, d, from, a, to);
        if (b <= args.deadline) continue;
        ctx.report(findingAt(d.rule, row, to, { ...docArgs(row), ...args, toDate: b }));
      }
    },
  };
}

export const documentToOfficeLate = lateRule(DOCUMENT_DEADLINES[0]);
export const documentOfficeReviewLate = lateRule(DOCUMENT_DEADLINES[1]);
export const documentDeliveryLate = lateRule(DOCUMENT_DEADLINES[2]);
export const documentMeetingLate = lateRule(DOCUMENT_DEADLINES[3]);
export const documentFilingLate = lateRule(DOCUMENT_DEADLINES[4]);

/**
 * A step not done although its deadline has passed: the step before it is dated, its own cell is
 * empty, no later step is dated, and the as-of date is after the deadline.
 */
export const documentStepOverdue: TableRule = {
  id: "document.step-overdue",
  severity: "error",
  source: "§2.4.1",
  scope: "table",
  needs: { documents: DOCUMENT_DEADLINES.map((d) => [d.from, d.to]) },
  check(ctx, table) {
    for (const row of table.rows) {
      for (const d of DOCUMENT_DEADLINES) {
        const from = row.fields[d.from];
        const to = row.fields[d.to];
        const a = dateOf(from);
        if (!from || !to || a === undefined || !isEmpty(to) || laterDone(row, d.to)) continue;
        const args = stepArgs(ctx, d, from, a, to);
        if (ctx.asOf <= args.deadline) continue;
        ctx.report(
          findingAt("document.step-overdue", row, to, {
            ...docArgs(row),
            ...args,
            asOf: ctx.asOf,
            days: diffDays(args.deadline, ctx.asOf),
          }),
        );
      }
    }
  },
};

/**
 * 「经双方客服经理签字后各执一份，并由双方签收人在《项目实施验收表》上签收」: 签字 and 签收 are
 * recorded before the document is received or filed.
 */
export const documentSignatureMissing: TableRule = {
  id: "document.signature-missing",
  severity: "error",
  source: "§2.4.1",
  scope: "table",
  needs: {
    documents: [
      ["signedDate", "receiptDate"],
      ["signedDate", "filedDate"],
      ["receiptDate", "filedDate"],
    ],
  },
  check(ctx, table) {
    for (const row of table.rows) {
      for (const step of ["signedDate", "receiptDate"]) {
        const fc = row.fields[step];
        if (!fc || !isEmpty(fc)) continue;
        const later = DOCUMENT_CHAIN.slice(DOCUMENT_CHAIN.indexOf(step) + 1)
          .map((f) => row.fields[f])
          .find((c) => dateOf(c) !== undefined);
        if (!later) continue;
        ctx.report(
          findingAt("document.signature-missing", row, fc, {
            ...docArgs(row),
            header: fc.header,
            laterHeader: later.header,
            laterDate: dateOf(later)!,
          }),
        );
      }
    }
  },
};
