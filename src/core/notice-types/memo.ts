/**
 * 备忘录 (§2.4.1 计划顺延): where tasks run past the contract's delivery date, both sides sign a
 * memo moving it; one per contract, listing every task that causes it. Done once the contract's
 * 备忘录日期 is filled.
 */

import { diffDays } from "../dates";
import { dateOf, isEmpty, textOf, type TypedRow } from "../rows";
import { beyondContract } from "../rules/schedule";
import { defineNoticeType, type NoticeText } from "./define";
import { cnDate, money, num, str } from "./format";

export const memo = defineNoticeType({
  id: "memo",
  name: "备忘录",
  en: "Memo",
  prefix: "BW",
  status: { pending: "待签订", done: "已签订" },
  follows: ["schedule.beyond-contract"],
  plan(ctx, _findings, h) {
    const memos = new Map<
      string,
      { contract: TypedRow; deliveryDate: string; end: string; tasks: string[] }
    >();
    for (const t of ctx.tables) {
      if (t.kind !== "schedule") continue;
      for (const row of t.rows) {
        if (!h.fired("schedule.beyond-contract", row)) continue;
        const b = beyondContract(ctx, row);
        if (!b) continue;
        const m = memos.get(b.contractNo) ?? {
          contract: b.contract,
          deliveryDate: b.deliveryDate,
          end: b.end,
          tasks: [],
        };
        if (b.end > m.end) m.end = b.end;
        m.tasks.push(
          [textOf(row.fields.wbs), textOf(row.fields.task)].filter((s) => s !== undefined).join(" ") ||
            `${row.sheet}!${row.row}`,
        );
        memos.set(b.contractNo, m);
      }
    }
    return [...memos].map(([no, m]) => ({
      key: no,
      sheet: m.contract.sheet,
      row: m.contract.row,
      facts: {
        ...h.factsOf(m.contract),
        deliveryDate: m.deliveryDate,
        expectedCompletion: m.end,
        daysLate: diffDays(m.deliveryDate, m.end),
        tasks: m.tasks.join("；"),
        taskCount: m.tasks.length,
      },
    }));
  },
  // Reply due: the later of issue and the agreed delivery date; done when 备忘录日期 is filled.
  followUp(ctx, key, issued) {
    const contract = ctx.contracts.get(key);
    if (!contract) return undefined;
    const delivery = dateOf(contract.fields.deliveryDate);
    return {
      due: delivery !== undefined && delivery > issued ? delivery : issued,
      done: !isEmpty(contract.fields.memoDate),
    };
  },
  text(f, s): NoticeText {
    const name = str(f.contractName);
    const amount = num(f.amount);
    return {
      addressee: `甲方：${str(f.customer) || "________"}\u3000乙方：${s.companyName || "________"}`,
      subject: str(f.contractNo),
      body:
        `甲乙双方于 ${cnDate(str(f.signDate))} 签订合同 ${str(f.contractNo)}${name ? `《${name}》` : ""}，` +
        `约定交货期为 ${cnDate(str(f.deliveryDate))}。因下列任务顺延，项目预计于 ${cnDate(str(f.expectedCompletion))} 完成，` +
        `较约定交货期晚 ${str(f.daysLate)} 天。经双方协商，同意将交货期顺延至 ${cnDate(str(f.expectedCompletion))}，` +
        `合同其他条款不变。`,
      facts: [
        [
          ["合同编号", str(f.contractNo)],
          ["合同名称", name],
        ],
        [["合同金额", amount === undefined ? "" : money(amount)]],
        [
          ["约定交货期", cnDate(str(f.deliveryDate))],
          ["预计完成", cnDate(str(f.expectedCompletion))],
        ],
        [["延后天数", `${str(f.daysLate)} 天`]],
        [["涉及任务", str(f.tasks)]],
      ],
      requirement: "本备忘录经双方签字盖章后生效，作为原合同的补充，与原合同具有同等效力。",
      issuer: "",
      copies: "本备忘录一式两份，甲乙双方各执一份。",
      cc: "",
    };
  },
  layout: "parties",
  label: (f) => [str(f.contractNo).trim()],
  describe: ["contractName", "customer"],
});
