/**
 * 催办通知 (§2.4.1 要素文档的编写和验收): where a hand-off of the 实施文档台账 is past its deadline and
 * not done (document.step-overdue), 客服部 urges whoever owes the step — the 客服经理, or 总经办 for
 * its own review — to do it within one working day. One notice per document and step; done once
 * the step (or a later one) is dated.
 */

import { diffDays } from "../dates";
import type { NoticeContext } from "../notices";
import { dateOf, isEmpty, textOf, type TypedRow } from "../rows";
import { DOCUMENT_CHAIN, DOCUMENT_DEADLINES, type Deadline } from "../rules/documents";
import { defineNoticeType, type NoticeText, type PlannedCause } from "./define";
import { cnDate, str } from "./format";

/** What each step is, as the notice names it, and who owes it. */
const STEPS: Record<string, { zh: string; office?: true }> = {
  toOfficeDate: { zh: "客服经理初审后传至总经办" },
  officeReturnDate: { zh: "总经办审核后传回客服经理", office: true },
  deliveredDate: { zh: "方案送达客户企业" },
  meetingDate: { zh: "敦促客户召开实施会议" },
  filedDate: { zh: "签收后将电子文档送总经办备案" },
};

/** A document is named by its contract and its name; the sheet and row stand in when both are blank. */
function docKey(row: TypedRow): string {
  const no = textOf(row.fields.contractNo);
  const doc = textOf(row.fields.docName);
  return no === undefined && doc === undefined ? `${row.sheet}!${row.row}` : `${no ?? ""}|${doc ?? ""}`;
}

function laterDone(row: TypedRow, field: string): boolean {
  return DOCUMENT_CHAIN.slice(DOCUMENT_CHAIN.indexOf(field) + 1).some(
    (f) => dateOf(row.fields[f]) !== undefined,
  );
}

/** The step's deadline when it is owed and past it on the as-of date (document.step-overdue's test). */
function overdueStep(ctx: NoticeContext, row: TypedRow, d: Deadline) {
  const from = row.fields[d.from];
  const to = row.fields[d.to];
  const a = dateOf(from);
  if (!from || !to || a === undefined || !isEmpty(to) || laterDone(row, d.to)) return undefined;
  let deadline: string;
  try {
    deadline = ctx.calendar.addWorkdays(a, ctx.settings[d.days]);
  } catch {
    return undefined;
  }
  if (ctx.asOf <= deadline) return undefined;
  return { fromHeader: from.header, fromDate: a, toHeader: to.header, deadline, n: ctx.settings[d.days] };
}

/** The documents row and step a key names. */
function find(ctx: NoticeContext, key: string): { row: TypedRow; to: string } | undefined {
  const hash = key.lastIndexOf("#");
  const doc = key.slice(0, hash);
  const to = key.slice(hash + 1);
  for (const t of ctx.tables) {
    if (t.kind !== "documents") continue;
    for (const row of t.rows) if (docKey(row) === doc) return { row, to };
  }
  return undefined;
}

export const reminder = defineNoticeType({
  id: "reminder",
  name: "催办通知",
  en: "Reminder",
  prefix: "CB",
  status: { pending: "待办理", done: "已办理" },
  follows: ["document.step-overdue"],
  plan(ctx, _findings, h) {
    const out: PlannedCause[] = [];
    for (const t of ctx.tables) {
      if (t.kind !== "documents") continue;
      for (const row of t.rows) {
        if (!h.fired("document.step-overdue", row)) continue;
        for (const d of DOCUMENT_DEADLINES) {
          const o = overdueStep(ctx, row, d);
          if (!o) continue;
          const facts: Record<string, string | number> = {
            ...o,
            step: STEPS[d.to]?.zh ?? o.toHeader,
            office: STEPS[d.to]?.office ? 1 : 0,
            quote: d.quote,
            daysLate: diffDays(o.deadline, ctx.asOf),
            asOf: ctx.asOf,
          };
          const contractNo = textOf(row.fields.contractNo);
          const docName = textOf(row.fields.docName);
          const manager = textOf(row.fields.serviceManager);
          if (contractNo !== undefined) facts.contractNo = contractNo;
          if (docName !== undefined) facts.docName = docName;
          if (manager !== undefined) facts.serviceManager = manager;
          out.push({ key: `${docKey(row)}#${d.to}`, sheet: row.sheet, row: row.row, facts });
        }
      }
    }
    return out;
  },
  // Reply due: one working day after issue; done when the step or a later one is dated.
  followUp(ctx, key, issued) {
    const hit = find(ctx, key);
    if (!hit) return undefined;
    let due = issued;
    try {
      due = ctx.calendar.addWorkdays(issued, 1);
    } catch {
      // A year the calendar lacks: the issue date itself (calendar.year-missing says why).
    }
    return { due, done: dateOf(hit.row.fields[hit.to]) !== undefined || laterDone(hit.row, hit.to) };
  },
  volatile: ["daysLate", "asOf"],
  text(f, s): NoticeText {
    const d = s.departments;
    const doc = str(f.docName) || "要素文档";
    const contract = f.contractNo ? `（合同 ${str(f.contractNo)}）` : "";
    const manager = str(f.serviceManager);
    const addressee = f.office ? d.office : manager ? `客服经理 ${manager}` : "客服经理";
    return {
      addressee,
      subject: [str(f.contractNo), `《${doc}》`].filter(Boolean).join(" "),
      body:
        `《${doc}》${contract}已于 ${cnDate(str(f.fromDate))} ${str(f.fromHeader).replace(/日期$/, "")}，` +
        `按《项目实施规范》§2.4.1「${str(f.quote)}」，「${str(f.step)}」应在 ${str(f.n)} 个工作日内` +
        `（不晚于 ${cnDate(str(f.deadline))}）完成；截至 ${cnDate(str(f.asOf))} 尚未完成，已逾期 ${str(f.daysLate)} 天。` +
        `请尽快办理，并在实施文档台账中填写${str(f.toHeader)}。`,
      facts: [
        [
          ["合同编号", str(f.contractNo)],
          ["文档名称", doc],
        ],
        [["逾期环节", str(f.step)]],
        [
          [str(f.fromHeader) || "上一环节", cnDate(str(f.fromDate))],
          ["办理期限", `${cnDate(str(f.deadline))}（${str(f.n)} 个工作日）`],
        ],
        [
          ["逾期天数", `${str(f.daysLate)} 天`],
          ["客服经理", manager],
        ],
      ],
      requirement: `请于收到本通知后1个工作日内办理完毕，并将办理日期报${d.service}。`,
      issuer: d.service,
      // 总经办 tracks the hand-offs it receives; its own review late, the 客服经理 waiting on it is told.
      copies: f.office ? `抄送：${manager ? `客服经理 ${manager}` : "客服经理"}` : `抄送：${d.office}`,
      cc: f.office ? (manager ? `客服经理 ${manager}` : "客服经理") : d.office,
    };
  },
  layout: "issuer",
  label: (f) => [str(f.contractNo).trim(), str(f.docName).trim(), str(f.step)],
  describe: ["deadline", "serviceManager"],
});
