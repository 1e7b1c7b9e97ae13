/**
 * 致谢函 (§2.4.1 计划顺延): 「在双方取得共识的前提下，签订《备忘录》，如必要，起草《致谢函》一并提交客户」.
 * Whether it is necessary is the 客服经理's judgement, written on the contract row: 致谢函 = 是.
 * Planned with the contract's 备忘录 (the same cause: tasks past the delivery date) and done
 * when the 备忘录 is signed (备忘录日期 filled), as both go to the customer together.
 */

import { boolOf } from "../rows";
import { defineNoticeType, type NoticeText } from "./define";
import { cnDate, str } from "./format";
import { memo } from "./memo";

export const thanks = defineNoticeType({
  id: "thanks",
  name: "致谢函",
  en: "Letter of thanks",
  prefix: "ZX",
  status: { pending: "待提交", done: "已提交" },
  follows: memo.follows,
  plan(ctx, findings, h) {
    const wanted = (key: string) => boolOf(ctx.contracts.get(key)?.fields.thanksLetter) === true;
    // Most workbooks mark no contract: then nothing is planned and the schedule is not read.
    if (![...ctx.contracts.keys()].some(wanted)) return [];
    return memo.plan(ctx, findings, h).filter((m) => wanted(m.key));
  },
  // Submitted with the 备忘录: due and done as it is.
  followUp: memo.followUp,
  text(f, s): NoticeText {
    const name = str(f.contractName);
    const customer = str(f.customer);
    return {
      addressee: customer || "客户项目负责人",
      subject: str(f.contractNo),
      body:
        `感谢贵公司在合同 ${str(f.contractNo)}${name ? `《${name}》` : ""} 实施过程中给予我方的支持与配合。` +
        `因下列任务顺延，项目预计于 ${cnDate(str(f.expectedCompletion))} 完成，较约定交货期 ${cnDate(str(f.deliveryDate))} ` +
        `晚 ${str(f.daysLate)} 天。承蒙贵公司理解，双方已就交货期顺延达成共识，并签订《备忘录》。谨此致以诚挚的谢意！` +
        `我方将协调各方资源，确保项目在顺延后的交货期内保质完成。`,
      facts: [
        [
          ["合同编号", str(f.contractNo)],
          ["合同名称", name],
        ],
        [
          ["约定交货期", cnDate(str(f.deliveryDate))],
          ["顺延至", cnDate(str(f.expectedCompletion))],
        ],
        [["涉及任务", str(f.tasks)]],
      ],
      requirement: "此致\n敬礼！",
      issuer: s.companyName || s.departments.service,
      copies: "本函随《备忘录》一并提交客户。",
      cc: "",
    };
  },
  layout: "letter",
  label: (f) => [str(f.contractNo).trim()],
  describe: ["contractName", "customer"],
});
