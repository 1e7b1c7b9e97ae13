/**
 * 项目实施通知 (§1.2.2, §2.1): 总经办 announces a signed contract within noticeWorkdays working
 * days; done once the contract's 实施通知日期 is filled.
 */

import { isEmpty, dateOf } from "../rows";
import { noticeDeadline } from "../rules/contracts";
import { defineNoticeType, type NoticeText, type PlannedCause } from "./define";
import { cnDate, money, num, str } from "./format";

export const implementation = defineNoticeType({
  id: "implementation",
  name: "项目实施通知",
  en: "Implementation notice",
  prefix: "SS",
  status: { pending: "待登记", done: "已登记" },
  follows: ["contract.notice-late"],
  plan(ctx, findings, h) {
    // The notice is late and was never issued.
    const out: PlannedCause[] = [];
    for (const f of findings) {
      if (f.rule !== "contract.notice-late" || f.args.noticeDate !== undefined || f.row === undefined)
        continue;
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
        key: no,
        sheet: f.sheet,
        row: f.row,
        facts: { ...h.factsOf(contract), deadline: noticeDeadline(ctx, sign) },
      });
    }
    return out;
  },
  // Reply due: issue + noticeWorkdays working days; done when the contract's 实施通知日期 is filled.
  followUp(ctx, key, issued) {
    const contract = ctx.contracts.get(key);
    if (!contract) return undefined;
    return {
      due: ctx.calendar.addWorkdays(issued, ctx.settings.noticeWorkdays),
      done: !isEmpty(contract.fields.noticeDate),
    };
  },
  text(f, s): NoticeText {
    const d = s.departments;
    const name = str(f.contractName);
    const service = str(f.serviceManager);
    const amount = num(f.amount);
    return {
      addressee: `${d.sales}、${d.finance}、${d.service}（${d.office}留存）`,
      subject: str(f.contractNo),
      body:
        `合同 ${str(f.contractNo)}${name ? `《${name}》` : ""} 已于 ${cnDate(str(f.signDate))} 签订，` +
        `按《项目实施规范》应在签订后${s.noticeWorkdays}个工作日内（不晚于 ${cnDate(str(f.deadline))}）发布《项目实施通知》。` +
        `现通知该项目正式进入实施。`,
      facts: [
        [
          ["合同编号", str(f.contractNo)],
          ["合同名称", name],
        ],
        [["客户名称", str(f.customer)]],
        [["合同金额", amount === undefined ? "" : money(amount)]],
        [
          ["签订日期", cnDate(str(f.signDate))],
          ["约定交货期", cnDate(str(f.deliveryDate))],
        ],
        [
          ["销售经理", str(f.salesManager)],
          ["客服经理", service],
        ],
        [["通知期限", `${cnDate(str(f.deadline))}（签订后${s.noticeWorkdays}个工作日）`]],
      ],
      requirement:
        `请客服经理${service ? ` ${service} ` : ""}组织相关部门，根据各自负责的工作内容编制《项目实施方案》《工作计划表》，` +
        `呈总经理审核后分发各部门，并报送${d.finance}一份。`,
      issuer: d.office,
      copies: `报送：${d.sales}、${d.finance}、${d.service}各一份；${d.office}留存一份`,
      cc: `${d.sales}、${d.finance}、${d.service}、${d.office}（留存）`,
    };
  },
  layout: "issuer",
  label: (f) => [str(f.contractNo).trim()],
  describe: ["contractName", "customer"],
});
