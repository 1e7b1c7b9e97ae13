/**
 * One plan and one contract ledger laid out the ways offices lay tables out (see bench/shapes.ts):
 * a phase heading merged across under the header, headers ending in a colon, a two-row header
 * with its group label's merge lost, a second table below on the same sheet. Invented values.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { letters, only } from "../helpers/recognition";

const plan = [
  ["类型", "任务名称", "计划开始", "计划完成", "负责人"],
  ["调研", "需求调研", d("2026-03-02"), d("2026-03-06"), "赵一"],
  ["设计", "方案设计", d("2026-03-09"), d("2026-03-20"), "钱二"],
  ["开发", "系统开发", d("2026-03-23"), d("2026-04-17"), "孙三"],
  ["测试", "联调测试", d("2026-04-20"), d("2026-04-30"), "李四"],
];

describe("a phase heading merged across under the header", () => {
  test("is a heading, not a second header row (类型 over 一、准备阶段 is no 阶段 column)", () => {
    const rows = [plan[0], ["一、准备阶段"], ...plan.slice(1, 3), ["二、实施阶段"], ...plan.slice(3)];
    const t = only(workbook(sheet("进度计划", rows, { merges: ["A2:E2", "A5:E5"] })));
    expect(t.headerRow).toBe(1);
    expect(letters(t)).toMatchObject({ task: "B", planStart: "C", planEnd: "D", owner: "E" });
    expect(t.dataRows).toEqual([3, 4, 6, 7]);
    expect(t.columns.phase).toBeUndefined();
  });

  test("is no row of a ledger whose first column is its sign date", () => {
    const rows = [
      ["签订日期", "合同编号", "合同名称", "对方单位", "合同金额"],
      ["一、材料采购合同"],
      [d("2026-01-05"), "HT-01", "钢材采购", "甲公司", 120000],
      [d("2026-01-12"), "HT-02", "水泥采购", "乙公司", 80000],
      ["二、设备租赁合同"],
      [d("2026-02-03"), "HT-03", "吊车租赁", "丙公司", 45000],
    ];
    const t = only(workbook(sheet("合同台账", rows, { merges: ["A2:E2", "A5:E5"] })));
    expect(letters(t)).toMatchObject({ signDate: "A", contractNo: "B", amount: "E" });
    expect(t.dataRows).toEqual([3, 4, 6]);
  });

  test("is no second header line of a plan recognised by its task column's values", () => {
    const rows = [
      ["模块", "内容", "负责人", "预计时间"],
      ["一、准备阶段"],
      ["登录", "账号与权限设计", "吴", d("2026-03-02")],
      ["", "存档结构设计", "楼", d("2026-03-06")],
      ["二、开发阶段"],
      ["战斗", "技能数值实现", "吴", d("2026-03-20")],
      ["", "道具系统实现", "楼", d("2026-03-27")],
    ];
    const t = only(workbook(sheet("工作计划", rows, { merges: ["A2:D2", "A5:D5"] })));
    expect(t.headerRow).toBe(1);
    expect(t.dataRows).toEqual([3, 4, 6, 7]);
  });
});
