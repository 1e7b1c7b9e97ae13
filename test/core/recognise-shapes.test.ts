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

describe("headers ending in a colon", () => {
  test("are the plan's headers, the colons no part of the names", () => {
    const rows = [["序号：", "任务名称：", "计划开始：", "计划完成：", "负责人："], ...plan.slice(1)];
    const t = only(workbook(sheet("进度计划", rows)));
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "B", planStart: "C", planEnd: "D", owner: "E" });
  });

  test("on some headers only, beside plain ones", () => {
    const rows = [["类型", "任务名称：", "计划开始：", "计划完成", "负责人："], ...plan.slice(1)];
    expect(letters(only(workbook(sheet("进度计划", rows))))).toMatchObject({
      task: "B",
      planStart: "C",
      planEnd: "D",
      owner: "E",
    });
  });

  test("labels beside their values stay a key/value block", () => {
    const form = [
      ["合同编号：", "HT-01", "签订日期：", d("2026-03-01"), "合同金额：", 100000],
      ["合同名称：", "钢材采购", "签订日期：", d("2026-03-02"), "合同金额：", 200000],
      ["合同编号：", "HT-02", "签订日期：", d("2026-03-03"), "合同金额：", 300000],
    ];
    expect(recognise(workbook(sheet("合同", form))).tables).toEqual([]);
  });

  test("labels beside empty slots over a contract's monthly rows stay its key/value block", () => {
    const rows = [
      ["签定日期：", null, "合同编号：", null, "供应日期："],
      ["施工单位", "某建筑公司", null, "盖章单位", null],
      ["工程名称", "某旧城改造项目", null, "签约方量", null],
      ["月份", "当月生产方量", "合同规定当月应收货款（元）", "当月实收货款（元）", "备注"],
      [d("2026-01-01"), 100, 36000, 30000, null],
      [d("2026-02-01"), 120, 42000, 40000, null],
    ];
    const t = only(workbook(sheet("某项目", rows)));
    expect([t.kind, t.headerRow]).toEqual(["payments", 4]);
  });
});

describe("a second table below, after an empty row", () => {
  test("a staff list under its title ends the plan: its rows are no tasks", () => {
    const rows = [
      ...plan,
      [],
      [],
      ["项目人员"],
      ["序号", "姓名", "部门", "职务", "联系电话"],
      [1, "周一", "工程部", "工程师", "13800000001"],
      [2, "吴二", "财务部", "会计", "13800000002"],
    ];
    const t = only(workbook(sheet("进度计划", rows)));
    expect(t.dataRows).toEqual([2, 3, 4, 5]);
    expect(t.lastRow).toBe(5);
  });

  test("a later block of tasks not yet dated goes on with the plan", () => {
    const rows = [
      ...plan,
      [],
      ["部署", "上线准备", null, null, "赵一"],
      ["培训", "用户培训", null, null, "钱二"],
    ];
    expect(only(workbook(sheet("进度计划", rows))).dataRows).toEqual([2, 3, 4, 5, 7, 8]);
  });
});

describe("a two-row header with 计划时间 over the planned dates", () => {
  const data = [
    ["用户管理", "李四", d("2026-03-02"), d("2026-03-06"), null],
    ["身份获取", "王五", d("2026-03-09"), d("2026-03-13"), d("2026-03-13")],
    ["消息推送", "赵六", d("2026-03-16"), d("2026-03-20"), null],
  ];

  test("its merge lost: the label heads the empty cell beside it", () => {
    const rows = [
      ["需求内容", "开发人员", "计划时间", null, "实际结束时间"],
      [null, null, "开始时间", "预计结束时间"],
      ...data,
    ];
    const t = only(workbook(sheet("Sheet1", rows)));
    expect([t.headerRow, t.headerRows]).toEqual([2, 2]);
    expect(letters(t)).toMatchObject({ task: "A", owner: "B", planStart: "C", planEnd: "D", actualEnd: "E" });
  });

  test("over 开始 | 结束: 计划开始时间 and 计划结束时间", () => {
    const rows = [
      ["需求内容", "开发人员", "计划时间", null, "实际结束时间"],
      [null, null, "开始", "结束"],
      ...data,
    ];
    const t = only(workbook(sheet("Sheet1", rows, { merges: ["A1:A2", "B1:B2", "C1:D1", "E1:E2"] })));
    expect([t.headerRow, t.headerRows]).toEqual([2, 2]);
    expect(letters(t)).toMatchObject({ task: "A", owner: "B", planStart: "C", planEnd: "D", actualEnd: "E" });
  });
});

test("a legend line under a table (图例：■ 已完成) is a note, not a row", () => {
  const rows = [
    ["签订日期", "合同编号", "合同名称", "对方单位", "合同金额"],
    [d("2026-01-05"), "HT-01", "钢材采购", "甲公司", 120000],
    [d("2026-01-12"), "HT-02", "水泥采购", "乙公司", 80000],
    ["合计", null, null, null, 200000],
    [],
    ["图例：■ 已完成  □ 未开始"],
    ["填表人：李四", null, "审核：王五"],
  ];
  const t = only(workbook(sheet("合同台账", rows)));
  expect(t.dataRows).toEqual([2, 3]);
});

test("a ledger kept in numbers with its dates as text: its first rows are rows, not a timeline band", () => {
  const rows = [
    ["合同编号", "客户编号", "签订日期", "合同金额"],
    [1, 101, "2026-03-01", 5000],
    [2, 102, "2026.4.1", 8000],
    [3, 103, "2026年5月6日", 3000],
    [4, 104, "2026/6/1", 5000],
  ];
  const t = only(workbook(sheet("合同", rows)));
  expect(t.dataRows).toEqual([2, 3, 4, 5]);
  expect(t.bandRows).toEqual([]);
});
