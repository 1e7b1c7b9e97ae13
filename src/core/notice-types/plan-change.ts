/**
 * 计划调整通知 (§1.2.2): every task whose plan moved off its baseline, notified or not (the notice
 * is the record), 「提前2日通知相关部门，并报备财务部审计」; done once the task's 报备财务 is 是.
 */

import { addDays, diffDays } from "../dates";
import type { NoticeContext } from "../notices";
import { boolOf, dateOf, textOf, type TypedRow } from "../rows";
import { planChange } from "../rules/schedule";
import { defineNoticeType, type NoticeText, type PlannedCause } from "./define";
import { cnDate, num, str } from "./format";

/** The schedule row a key names: its WBS, or sheet!row when it has none. */
function taskRow(ctx: NoticeContext, key: string): TypedRow | undefined {
  for (const t of ctx.tables) {
    if (t.kind !== "schedule") continue;
    for (const row of t.rows) {
      if (row.summary) continue;
      if ((textOf(row.fields.wbs) ?? `${row.sheet}!${row.row}`) === key) return row;
    }
  }
  return undefined;
}

export const planChangeNotice = defineNoticeType({
  id: "plan-change",
  name: "计划调整通知",
  en: "Plan change notice",
  prefix: "TZ",
  status: { pending: "待报备", done: "已报备" },
  follows: [],
  plan(ctx) {
    const out: PlannedCause[] = [];
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
          key: wbs ?? `${row.sheet}!${row.row}`,
          sheet: row.sheet,
          row: row.row,
          facts,
        });
      }
    }
    return out;
  },
  // Reply due: the later of issue and baseline end − changeNoticeDays; done when 报备财务 is 是.
  followUp(ctx, key, issued) {
    const row = taskRow(ctx, key);
    if (!row) return undefined;
    const change = planChange(row);
    const by = change && addDays(change.baselineEnd, -ctx.settings.changeNoticeDays);
    return {
      due: by !== undefined && by > issued ? by : issued,
      done: boolOf(row.fields.financeFiled) === true,
    };
  },
  text(f, s): NoticeText {
    const d = s.departments;
    const moved = num(f.daysMoved) ?? 0;
    const task = [str(f.wbs), str(f.task)].filter(Boolean).join(" ");
    const shift = moved >= 0 ? `顺延 ${moved} 天` : `提前 ${-moved} 天`;
    return {
      addressee: "相关部门",
      subject: task,
      body:
        `任务「${task}」${f.contractNo ? `（合同 ${str(f.contractNo)}）` : ""}的计划完成日期由 ${cnDate(str(f.baselineEnd))} ` +
        `调整为 ${cnDate(str(f.planEnd))}，${shift}。请相关部门据此调整工作安排。`,
      facts: [
        [
          ["任务", task],
          ["负责人", str(f.owner)],
        ],
        [
          ["原计划开始", cnDate(str(f.baselineStart ?? f.planStart))],
          ["原计划完成", cnDate(str(f.baselineEnd))],
        ],
        [
          ["调整后开始", cnDate(str(f.planStart))],
          ["调整后完成", cnDate(str(f.planEnd))],
        ],
        [
          ["调整天数", shift],
          ["合同编号", str(f.contractNo)],
        ],
        [["调整原因", str(f.reason) || "（未填写）"]],
        [["通知期限", `${cnDate(str(f.noticeDeadline))}（原完成日期前${s.changeNoticeDays}日）`]],
      ],
      requirement:
        `按《项目实施规范》，计划调整须提前${s.changeNoticeDays}日通知相关部门，并报备${d.finance}审计。` +
        `客服经理应协调各部门的计划调整，保证合同按期执行。`,
      issuer: d.service,
      copies: `报备：${d.finance}（审计）`,
      cc: `${d.finance}（审计）`,
    };
  },
  layout: "issuer",
  label: (f) => [str(f.wbs).trim(), str(f.task).trim()],
  describe: ["contractNo", "owner"],
});
