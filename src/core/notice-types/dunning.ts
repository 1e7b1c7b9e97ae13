/**
 * 催款通知单 (§1.2.2): 财务部 to the 销售经理 when a payment node is overdue and nobody has dunned
 * it; the 销售经理 reports in writing within reportDays (「1日内」), copies to 客服部、销售部、总经办.
 */

import { addDays } from "../dates";
import { toFigures } from "../capitals";
import { isEmpty, type TypedRow } from "../rows";
import { nodeDunned, overdueNode } from "../rules/contracts";
import { defineNoticeType, type NoticeText, type PlannedCause } from "./define";
import { cnDate, contractFacts, inWords, money, num, str } from "./format";

/** The customer and salesman a payment row names itself. */
function partyFacts(row: TypedRow): Record<string, string | number> {
  const { customer, salesManager } = contractFacts(row);
  return {
    ...(customer !== undefined ? { customer } : {}),
    ...(salesManager !== undefined ? { salesManager } : {}),
  };
}

export const dunning = defineNoticeType({
  id: "dunning",
  name: "催款通知单",
  en: "Payment reminder",
  prefix: "CK",
  status: { pending: "待回复", done: "已回复" },
  follows: ["contract.payment-overdue"],
  plan(ctx, _findings, h) {
    // One per overdue node that nobody has dunned yet.
    const out: PlannedCause[] = [];
    for (const node of ctx.nodes) {
      if (!h.fired("contract.payment-overdue", node.row) || nodeDunned(node)) continue;
      const o = overdueNode(ctx, node);
      if (!o) continue;
      out.push({
        key: node.key,
        sheet: node.row.sheet,
        row: node.row.row,
        facts: {
          // A payment list's own customer and salesman where no ledger row names them (a list kept per invoice).
          ...(node.source === "plan" ? partyFacts(node.row) : {}),
          ...h.factsOf(ctx.contracts.get(node.contractNo)),
          contractNo: node.contractNo,
          // A receivables list kept per invoice: the payment is owed under the invoice.
          ...(node.invoice ? { invoice: 1 } : {}),
          node: node.label || (node.invoice ? "发票款项" : node.n > 0 ? `第${node.n}期` : "应收款"),
          dueDate: o.dueDate,
          dueAmount: o.due,
          received: o.received,
          outstanding: o.outstanding,
          daysOverdue: o.days,
          reportDays: ctx.settings.reportDays,
        },
      });
    }
    return out;
  },
  // Reply due: issue + reportDays calendar days; done when the node's 书面报告日期 is filled.
  followUp(ctx, key, issued) {
    const node = ctx.nodes.find((n) => n.key === key);
    if (!node) return undefined;
    return { due: addDays(issued, ctx.settings.reportDays), done: !isEmpty(node.reportDate) };
  },
  volatile: ["daysOverdue"],
  text(f, s): NoticeText {
    const d = s.departments;
    const name = str(f.contractName);
    const contract = `${str(f.contractNo)}${name ? `《${name}》` : ""}`;
    const due = num(f.dueAmount) ?? 0;
    const received = num(f.received) ?? 0;
    const outstanding = num(f.outstanding) ?? due - received;
    const sales = str(f.salesManager);
    const invoice = f.invoice !== undefined;
    return {
      addressee: sales ? `销售经理 ${sales}` : "销售经理",
      subject: str(f.contractNo),
      body:
        `${invoice ? "" : `根据合同 ${contract} 的约定，`}客户${f.customer ? ` ${str(f.customer)} ` : ""}应于 ${cnDate(str(f.dueDate))} ` +
        `支付${invoice ? `发票 ${str(f.contractNo)} 的款项` : str(f.node)} ${toFigures(due)}；截至目前实收 ${toFigures(received)}，尚欠 ${toFigures(outstanding)}` +
        `（${inWords(outstanding)}），已逾期 ${str(f.daysOverdue)} 天。请立即与客户联系，催收欠款。`,
      facts: [
        invoice
          ? [["发票号", str(f.contractNo)]]
          : [
              ["合同编号", str(f.contractNo)],
              ["合同名称", name],
            ],
        [["客户名称", str(f.customer)]],
        [
          ["款项", str(f.node)],
          ["应收日期", cnDate(str(f.dueDate))],
        ],
        [["应收金额", money(due)]],
        [["已收金额", money(received)]],
        [["未收金额", money(outstanding)]],
        [
          ["逾期天数", `${str(f.daysOverdue)} 天`],
          ["销售经理", sales],
        ],
      ],
      requirement: `请于收到本通知后${str(f.reportDays) || s.reportDays}日内就未按时收款情况填写书面报告并提交${d.finance}。`,
      issuer: d.finance,
      // 「下发《催款通知单》至销售经理处……同时财务部转交客服部、销售部及总办各一份」
      copies: `抄送：${d.service}、${d.sales}、${d.office}各一份（由${d.finance}转交）`,
      cc: `${d.service}、${d.sales}、${d.office}`,
    };
  },
  layout: "issuer",
  // A contract owes one per installment: each is named by its node (第 2 期).
  label: (f) => [str(f.contractNo).trim(), str(f.node).trim()],
  describe: ["contractName", "customer"],
});
