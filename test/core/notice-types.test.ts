/**
 * A notice type is one module: its prefix, status words, layout and text come from it alone, and
 * a type the registry does not know is refused, never taken for another.
 */

import { NOTICE_TYPES, noticeType } from "../../src/core/notice-types";
import { dunning } from "../../src/core/notice-types/dunning";
import type { CellWrite, PatchOp, SheetContent } from "../../src/core/patch";
import { planApply } from "../../src/core/plan";
import { noticeSheet } from "../../src/core/plan/notice-sheet";
import { REGISTER_SHEET } from "../../src/core/plan/notices";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { sheet, workbook } from "../helpers/snapshot-builder";
import { applyInMemory } from "./plan/apply-in-memory";
import { OPTS } from "./plan/options";

type WriteSheet = Extract<PatchOp, { op: "writeSheet" }>;
const texts = (c: SheetContent) =>
  c.rows.flatMap((r) => r.filter((w): w is CellWrite => w !== null).map((w) => String(w.v ?? "")));
const sheetsOf = (ops: PatchOp[]) =>
  ops.filter((o): o is WriteSheet => o.op === "writeSheet" && o.owner?.kind === "notice");
const registerRows = (wb: WorkbookSnapshot) =>
  wb.sheets
    .find((s) => s.name === REGISTER_SHEET)!
    .rows.map((r) => (r ?? []).map((c) => String(c?.value ?? "")));

/** One contract whose payment is overdue and undunned (its 项目实施通知 is issued). */
const overdue = () =>
  workbook(
    sheet("合同执行情况表", [
      [
        "合同编号",
        "合同名称",
        "客户名称",
        "签订日期",
        "销售经理",
        "实施通知日期",
        "约定交货期",
        "约定收款日期1",
        "约定收款金额1",
        "财务实收金额1",
      ],
      [
        "HT-1",
        "仓储管理系统",
        "苏州恒远物流有限公司",
        "2026-11-10",
        "刘芳",
        "2026-11-11",
        "2027-03-31",
        "2026-11-16",
        5000,
        null,
      ],
    ]),
  );

afterEach(() => jest.restoreAllMocks());

describe("the registry", () => {
  test("each type has an ASCII id, a Chinese and an English name, a two-letter prefix, status words", () => {
    for (const t of NOTICE_TYPES) {
      expect(t.id).toMatch(/^[a-z][a-z-]*$/);
      expect(t.name).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(t.en).toMatch(/^[A-Z][A-Za-z ]+$/);
      expect(t.prefix).toMatch(/^[A-Z]{2}$/);
      expect(t.status.pending).toMatch(/^待/);
    }
    const unique = (k: "id" | "name" | "prefix") => new Set(NOTICE_TYPES.map((t) => t[k])).size;
    expect([unique("id"), unique("name"), unique("prefix")]).toEqual(Array(3).fill(NOTICE_TYPES.length));
    expect(noticeType("dunning")).toBe(noticeType("催款通知单"));
  });
});

describe("a type's module alone drives its notice", () => {
  test("prefix, status words, text and layout changed in the module change the sheet and the register", () => {
    jest.replaceProperty(dunning, "prefix", "CX");
    jest.replaceProperty(dunning, "status", { pending: "待处理", done: "已处理" });
    jest.replaceProperty(dunning, "layout", "parties");
    const text = dunning.text;
    jest
      .spyOn(dunning, "text")
      .mockImplementation((f, s) => ({ ...text(f, s), copies: "抄送：只在模块里写的一行" }));
    const { patch } = planApply(overdue(), OPTS);
    const [doc] = sheetsOf(patch.ops);
    expect(doc.sheet).toBe("CX-20261123-001");
    const t = texts(doc.content);
    expect(t).toContain("抄送：只在模块里写的一行");
    // The parties layout: the addressee as is, a signature block per side, no 签发部门 line.
    expect(t).toContain("销售经理 刘芳");
    expect(t).toContain("甲方（签章）：");
    expect(t).not.toContain("签发部门：");
    const rows = registerRows(applyInMemory(overdue(), patch));
    expect(rows.find((r) => r.includes("CX-20261123-001"))).toEqual(
      expect.arrayContaining(["催款通知单", "待处理"]),
    );
  });
});

describe("an unknown type is refused", () => {
  const plan = {
    type: "催告函",
    key: "HT-1",
    sheet: "合同执行情况表",
    row: 2,
    facts: { contractNo: "HT-1" },
  };

  test("laying out a notice of a type no module defines throws a sentence naming the known types", () => {
    expect(() => noticeSheet(plan as never, "TZ-20261123-001", "2026-11-23", DEFAULT_SETTINGS)).toThrow(
      "未知的通知类型「催告函」：已知的类型是催款通知单、项目实施通知、计划调整通知、备忘录、致谢函、催办通知。",
    );
    expect(() => noticeType("urge")).toThrow(/未知的通知类型「urge」/);
  });

  test("a register row of an unknown type keeps what it says; it is not followed up as a 计划调整通知", () => {
    const wb = overdue();
    wb.sheets.push(
      sheet("进度计划表", [
        ["WBS", "任务名称", "计划开始", "计划完成", "基线完成", "负责人"],
        ["1.1", "需求调研", "2026-11-01", "2026-11-30", "2026-11-20", "李明"],
      ]),
    );
    const first = applyInMemory(wb, planApply(wb, OPTS).patch);
    const reg = first.sheets.find((s) => s.name === REGISTER_SHEET)!;
    // A user retypes the 计划调整通知's type as one the product does not know.
    const row = reg.rows.findIndex((r) => String(r?.[1]?.value) === "计划调整通知");
    reg.rows[row]![1] = { value: "催告函" };
    const status = String(reg.rows[row]![6]?.value);
    const later = applyInMemory(first, planApply(first, { ...OPTS, today: "2026-12-10" }).patch);
    const after = registerRows(later).find((r) => r[0] === String(reg.rows[row]![0]?.value))!;
    expect(after[1]).toBe("催告函");
    expect(after[6]).toBe(status);
  });
});

describe("致谢函, with the 备忘录 where the 客服经理 marks it necessary", () => {
  /** A contract whose task runs past its delivery date; 致谢函 as given. */
  const late = (thanks: string | null, memoDate: string | null = null) =>
    workbook(
      sheet("合同执行情况表", [
        [
          "合同编号",
          "合同名称",
          "客户名称",
          "签订日期",
          "实施通知日期",
          "约定交货期",
          "备忘录日期",
          "致谢函",
        ],
        [
          "HT-9",
          "智慧园区一期",
          "华东智造科技有限公司",
          "2026-02-13",
          "2026-02-14",
          "2026-12-15",
          memoDate,
          thanks,
        ],
      ]),
      sheet("进度计划表", [
        ["WBS", "任务名称", "合同编号", "计划开始", "计划完成", "负责人"],
        ["11", "项目验收", "HT-9", "2026-12-10", "2026-12-25", "李明"],
      ]),
    );
  const company = { ...OPTS, settings: { companyName: "三才软件有限公司" } };

  test("致谢函 = 是: a letter to the customer beside the 备忘录, and a register row 待提交", () => {
    const { patch, result } = planApply(late("是"), company);
    expect(result.notices.map((n) => n.type)).toEqual(["备忘录", "致谢函"]);
    const zx = sheetsOf(patch.ops).find((d) => d.sheet.startsWith("ZX-"))!;
    expect(zx.sheet).toBe("ZX-20261123-001");
    const t = texts(zx.content);
    expect(t.slice(0, 2)).toEqual(["三才软件有限公司", "致谢函"]);
    expect(t).toContain("致：华东智造科技有限公司");
    expect(t).toContain(
      "感谢贵公司在合同HT-9《智慧园区一期》实施过程中给予我方的支持与配合。因下列任务顺延，项目预计于2026年12月25日完成，" +
        "较约定交货期2026年12月15日晚10天。承蒙贵公司理解，双方已就交货期顺延达成共识，并签订《备忘录》。谨此致以诚挚的谢意！" +
        "我方将协调各方资源，确保项目在顺延后的交货期内保质完成。",
    );
    expect(t).toContain("11 项目验收");
    expect(t).toContain("此致\n敬礼！");
    expect(t).toContain("三才软件有限公司（盖章）");
    expect(t).toContain("本函随《备忘录》一并提交客户。");
    expect(t).not.toContain("签收人：");
    const applied = applyInMemory(late("是"), patch);
    const row = registerRows(applied).find((r) => r[0] === "ZX-20261123-001")!;
    expect(row.slice(1, 4)).toEqual(["致谢函", "HT-9", "华东智造科技有限公司"]);
    expect(row).toContain("待提交");
    // Signing the 备忘录 (备忘录日期) submits both: 已提交.
    applied.sheets[0].rows[1]![6] = { value: "2026-11-25" };
    const after = applyInMemory(applied, planApply(applied, { ...company, today: "2026-11-26" }).patch);
    expect(registerRows(after).find((r) => r[0] === "ZX-20261123-001")).toContain("已提交");
  });

  test("no 致谢函 column, or 否: the 备忘录 alone", () => {
    expect(planApply(late(null), company).result.notices.map((n) => n.type)).toEqual(["备忘录"]);
    expect(planApply(late("否"), company).result.notices.map((n) => n.type)).toEqual(["备忘录"]);
  });

  test("on time: no 备忘录 and no 致谢函, 是 or not", () => {
    const wb = late("是");
    wb.sheets[1].rows[1]![4] = { value: "2026-12-14" };
    expect(planApply(wb, company).result.notices).toEqual([]);
  });
});

describe("催办通知, for a §2.4.1 hand-off past its deadline", () => {
  /** A document delivered to the customer Mon 11-02; the meeting (5 working days: by 11-09) not held. */
  const late = (meeting: string | null = null, step = "实施会议日期") =>
    workbook(
      sheet("合同执行情况表", [
        ["合同编号", "合同名称", "客户名称", "签订日期", "实施通知日期", "约定交货期"],
        ["HT-9", "智慧园区一期", "华东智造科技有限公司", "2026-10-10", "2026-10-12", "2027-03-31"],
      ]),
      sheet("实施文档台账", [
        ["合同编号", "文档名称", "客服经理", "编写完成日期", "送达客户日期", step],
        ["HT-9", "业务流程方案", "王五", "2026-10-29", "2026-11-02", meeting],
      ]),
    );
  const company = { ...OPTS, settings: { companyName: "三才软件有限公司" } };

  test("a notice to the 客服经理 naming the document, the step, the deadline and the days late", () => {
    const { patch, result } = planApply(late(), company);
    expect(result.notices.map((n) => n.type)).toEqual(["催办通知"]);
    const cb = sheetsOf(patch.ops).find((d) => d.sheet.startsWith("CB-"))!;
    expect(cb.sheet).toBe("CB-20261123-001");
    const t = texts(cb.content);
    expect(t.slice(0, 2)).toEqual(["三才软件有限公司", "催办通知"]);
    expect(t).toContain("致：客服经理 王五");
    expect(t).toContain(
      "《业务流程方案》（合同HT-9）已于2026年11月02日送达客户，按《项目实施规范》§2.4.1「敦促企业项目负责人在5个工作日召开实施会议」，" +
        "「敦促客户召开实施会议」应在5个工作日内（不晚于2026年11月09日）完成；截至2026年11月23日尚未完成，已逾期14天。" +
        "请尽快办理，并在实施文档台账中填写实施会议日期。",
    );
    expect(t).toContain("客服部（盖章）");
    expect(t).toContain("抄送：总经办");
    const applied = applyInMemory(late(), patch);
    const row = registerRows(applied).find((r) => r[0] === "CB-20261123-001")!;
    expect(row.slice(1, 4)).toEqual(["催办通知", "HT-9 《业务流程方案》", "客服经理 王五"]);
    expect(row).toContain("待办理");
    // The meeting is held and dated: the register says 已办理 at the next apply.
    applied.sheets[1].rows[1]![5] = { value: "2026-11-24" };
    const after = applyInMemory(applied, planApply(applied, { ...company, today: "2026-11-25" }).patch);
    expect(registerRows(after).find((r) => r[0] === "CB-20261123-001")).toContain("已办理");
  });

  test("总经办's own review late: the notice goes to 总经办", () => {
    const wb = workbook(
      sheet("实施文档台账", [
        ["合同编号", "文档名称", "客服经理", "初审日期", "传总经办日期", "总经办返回日期"],
        ["HT-9", "业务流程方案", "王五", "2026-11-02", "2026-11-03", null],
      ]),
    );
    const { patch } = planApply(wb, company);
    const t = texts(sheetsOf(patch.ops).find((d) => d.sheet.startsWith("CB-"))!.content);
    expect(t).toContain("致：总经办");
    expect(t).toContain("抄送：客服经理王五");
  });

  test("done, or not yet due: no 催办通知", () => {
    expect(planApply(late("2026-11-06"), company).result.notices).toEqual([]);
    expect(planApply(late(), { ...company, today: "2026-11-09" }).result.notices).toEqual([]);
  });
});
