/**
 * Shapes first met on real workbooks the recognition had never been measured on, rebuilt with
 * invented values: the words their headers use, and what sits around their tables.
 */
import { normaliseHeader, recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { letters, only, check } from "../helpers/recognition";

describe("plans headed in words the vocabulary lacked", () => {
  test("任务 | 开始日期 | 持续天数 (and a chart's offset column) is a plan with a duration", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["任务", "开始日期", "持续天数", "偏移天数"],
          ["调研", d("2026-05-04"), 3, 0],
          ["设计", d("2026-05-07"), 4, 3],
        ]),
      ),
    );
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toEqual({ task: "A", planStart: "B", duration: "C" });
  });

  test("各阶段任务 | 开始时间 | 耗费天数 | 完成时间 under a title", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["进度表"],
          ["各阶段任务", "开始时间", "耗费天数", "完成时间"],
          ["需求", d("2026-06-01"), 7, d("2026-06-08")],
          ["编码", d("2026-06-08"), 30, d("2026-07-08")],
        ]),
      ),
    );
    expect(t.headerRow).toBe(2);
    expect(letters(t)).toEqual({ task: "A", planStart: "B", duration: "C", planEnd: "D" });
  });

  test("阶段 | 工作项目 | 项目描述 | 预计花费时间 | 开始时间 | 预计完成时间: the task is the 工作项目", () => {
    const t = only(
      workbook(
        sheet("计划", [
          ["阶段", "工作项目", "项目描述", "预计花费时间", "开始时间", "预计完成时间"],
          [1, "玩法文档", "关卡说明", "3天", d("2026-05-27"), d("2026-05-29")],
          [null, "美术清单", "资源需求", "1天", d("2026-05-29"), d("2026-05-29")],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "B", duration: "D", planStart: "E", planEnd: "F" });
  });

  test("项目内容 over a two-row header with 工期 | 工时 | 开始时间 | 完成时间 and phase rows", () => {
    const wb = workbook(
      sheet(
        "Sheet1",
        [
          ["项目序号", "项目内容", null, null, "时间安排表"],
          [null, null, "工期", "工时", "开始时间", "完成时间"],
          ["第一阶段", "项目立项"],
          [1, "背景分析", "10 day", "10hs", "2026年9月15号", "2026年9月25号"],
          [2, "可行性分析", "10 day", "10hs", "2026年9月25号", "2026年10月5号"],
        ],
        { merges: ["A1:A2", "B1:B2", "E1:F1"] },
      ),
    );
    const r = check(wb);
    expect(r.tables.map((t) => [t.kind, t.headerRow, t.columns])).toEqual([
      ["schedule", 2, { task: "B", duration: "C", planStart: "E", planEnd: "F" }],
    ]);
    // The phase row is a heading, not a task missing its dates.
    expect(r.findings.filter((f) => f.severity === "error" && f.row === 3)).toEqual([]);
  });

  test("English plan headers: Work Item | Plan Start | Plan End | Owner", () => {
    const t = only(
      workbook(
        sheet("schedule", [
          ["No", "Work Item", "Plan Start", "Plan End", "Owner", "估算"],
          [0, "需求定义", d("2026-11-24"), d("2026-12-08"), "田", "2周"],
          [1, "模型设计", d("2026-11-24"), d("2026-12-08"), "高", "2周"],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "B", planStart: "C", planEnd: "D", owner: "E" });
  });

  test("a Gantt template's TASK NAME | START DATE | WORK DAYS | END DATE | TEAM MEMBER | %", () => {
    const t = only(
      workbook(
        sheet("Gantt", [
          ["TASK NAME", "START DATE", "WORK DAYS", "END\nDATE", "TEAM MEMBER", "%"],
          ["Phase 1", d("2026-12-26"), 6, d("2026-12-31"), null, 0.5],
          ["Task 01", d("2026-12-26"), 1, d("2026-12-26"), "甲", 0.2],
        ]),
      ),
    );
    expect(letters(t)).toEqual({ task: "A", planStart: "B", duration: "C", planEnd: "D", owner: "E" });
  });

  test("Assignee names the owner; 完成度 the progress", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["Task", "Assignee", "Start", "Finish", "完成度"],
          ["Kick-off", "甲", d("2026-03-02"), d("2026-03-03"), 1],
          ["Review", "乙", d("2026-03-04"), d("2026-03-06"), 0.5],
        ]),
      ),
    );
    expect(letters(t)).toEqual({ task: "A", owner: "B", planStart: "C", planEnd: "D", progress: "E" });
  });
});

describe("a system export's field names", () => {
  test("snake_case headers read as the words they join: contract_no, title, amount, sign_date", () => {
    expect(normaliseHeader("contract_no").key).toBe(normaliseHeader("Contract No").key);
    const t = only(
      workbook(
        sheet("合同导入模板", [
          ["contract_no", "title", "client_name", "amount", "sign_date", "start_date", "end_date", "status"],
          ["HT-1", "平台服务合同", "某科技公司", 500000, "2026-01-15", "2026-02-01", "2027-01-31", "active"],
          ["HT-2", "运维服务合同", "某信息公司", 280000, "2026-02-20", "2026-03-01", "2027-02-28", "active"],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "A", contractName: "B", amount: "D", signDate: "E" });
  });

  test("a numbered payment header keeps its number with an underscore before it", () => {
    expect(normaliseHeader("约定收款日期_2").key).toBe("约定收款日期_2");
  });
});

describe("notes after a plan", () => {
  test("a lone label under the 阶段 column after the last task, and the lines under it, are not tasks", () => {
    const wb = workbook(
      sheet("策划计划", [
        ["阶段", "工作项目", "开始时间", "预计完成时间"],
        [1, "玩法文档", d("2026-05-27"), d("2026-05-29")],
        [null, "美术清单", d("2026-05-29"), d("2026-05-30")],
        [],
        ["版本描述"],
        [null, "1.拥有可玩的核心玩法"],
        [null, "2.包含五十个关卡"],
      ]),
    );
    const r = check(wb);
    expect(r.tables.map((t) => [t.headerRow, t.lastRow])).toEqual([[1, 3]]);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("a second round of unseen plans", () => {
  test("项目 | 负责人 | 截止时间 with month-day dates and no year: a plan, each date faulted for its missing year", () => {
    const wb = workbook(
      sheet("201703", [
        [null, "项目", "负责人", "截止时间", "进度", "优先级"],
        [1, "编写教材大纲", "甲", "3月24", 0.5, "重要"],
        [2, "宣传资料", "乙", "3月31号", 0.2, "重要"],
        [3, "融资", "丙", "4月28", 0.1, "不紧急"],
      ]),
    );
    const r = check(wb);
    expect(r.tables.map((t) => [t.kind, t.columns])).toEqual([
      ["schedule", { task: "B", owner: "C", planEnd: "D", progress: "E" }],
    ]);
    expect(r.findings.filter((f) => f.rule === "cell.date-invalid").map((f) => f.row)).toEqual([2, 3, 4]);
  });

  test("功能模块 is the task; a lone line continuing the 描述 above is no task of its own", () => {
    const wb = workbook(
      sheet(
        "Sheet1",
        [
          ["项目", "大功能模块", "功能模块", "描述", "开始时间", "完成时间", "人员"],
          ["后台", "用户管理", "登录", "1.记住密码", "2026.1.23", "2026.1.24", "甲"],
          [null, null, null, "2.统一登录验证"],
          [null, null, "注册", "1.表单验证", "2026.1.24", "2026.1.25", "乙"],
        ],
        { merges: ["A2:A4", "B2:B4"] },
      ),
    );
    const r = check(wb);
    expect(r.tables.map((t) => [t.kind, t.columns])).toEqual([
      ["schedule", { task: "C", planStart: "E", planEnd: "F", owner: "G" }],
    ]);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("a plan kept in blocks per version, its header written again over each block", () => {
  const rows = [
    ["V1版本"],
    ["工单", "前置条件", "预计时间", "状态说明", "提交分支", "迭代"],
    ["【活动】首页改版", "已交付", "2026/10/12-2026/10/30", "测试完成", "dev", "v1-1031"],
    ["【活动】满减活动", "已交付", "2026/10/16-2026/10/20", "测试完成", "dev", "v1-1107"],
    ["【系统】签到奖励", "已交付", "2026/10/22-2026/10/24", "测试中", "dev", "v1-1107"],
    ["【卡池】过山车卡池", "已交付", "2026/10/23-2026/10/27", "测试中", "dev", "v1-1107"],
    ["【活动】阵营对决", "已交付", "2026/10/25-2026/10/29", "测试中", "dev", "v1-1121"],
    ["【系统】回归系统", "未交付", "2026/10/28", "测试中", "dev", "v1-1121"],
    ["发版前统一冒烟"],
    ["V2版本", "排期表"],
    ["工单", "资源状态", "预计时间", "状态说明", "提交分支", "迭代"],
    ["【系统】回归界面", "已交付", "2026/11/26-2026/11/28", "测试中", "feature", "v2-0109"],
    ["【系统】珍宝界面", "未交付", null, "未开始", "feature", "v2-0109"],
  ];

  test("one plan: the task is the column of different names, the one range column both plan ends", () => {
    const r = check(workbook(sheet("工作计划", rows, { merges: ["A1:F1", "A9:F9"] })));
    expect(r.tables.map((t) => [t.kind, t.headerRow, t.lastRow, t.columns])).toEqual([
      ["schedule", 2, 13, { task: "A", planStart: "C", planEnd: "C" }],
    ]);
    const t = recognise(workbook(sheet("工作计划", rows))).tables[0];
    expect(t.dataRows).toEqual([3, 4, 5, 6, 7, 8, 12, 13]);
    // The block's heading, the note closing the block before it and the header again are no tasks.
    expect(r.findings.filter((f) => f.severity === "error").map((f) => f.row)).toEqual([13]);
  });

  test("a date range is read as the plan's start and end", () => {
    const r = check(workbook(sheet("工作计划", rows)));
    const late = r.findings.filter((f) => f.row === 3 && f.severity === "error");
    expect(late).toEqual([]);
    const t = recognise(workbook(sheet("工作计划", rows))).tables[0];
    expect([t.columns.planStart?.part, t.columns.planEnd?.part]).toEqual(["start", "end"]);
  });
});

describe("every task on two rows, 计划 over 实际", () => {
  test("小分类 under 项目 is the task, the plainly headed dates the plan's, the 实际 rows no tasks", () => {
    const wb = workbook(
      sheet(
        "Sheet1",
        [
          ["项目", null, null, "人员", "状态", "完成度", "工时", "计划", "开始日期", "结束日期", "备注"],
          ["大分类", "小分类", null, null, null, null, null, "实际"],
          ["商城", "注册登录", null, "甲", "开工", 0.5, 6, "计划", d("2026-12-01"), d("2026-12-04")],
          [null, null, null, null, null, null, null, "实际"],
          [null, "购物车", null, "乙", "开工", 0, 8, "计划", d("2026-12-04"), d("2026-12-08")],
          [null, null, null, null, null, null, null, "实际"],
          ["后台", "订单管理", null, "丙", "未开工", 0, 12, "计划", d("2026-12-08"), d("2026-12-15")],
          [null, null, null, null, null, null, null, "实际"],
        ],
        { merges: ["A1:C1"] },
      ),
    );
    const r = check(wb);
    expect(r.tables.map((t) => [t.kind, t.headerRow, t.columns])).toEqual([
      ["schedule", 2, { task: "B", owner: "D", progress: "F", planStart: "I", planEnd: "J", note: "K" }],
    ]);
    expect(recognise(wb).tables[0].dataRows).toEqual([3, 5, 7]);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a first row naming only a module and a page, under no header cell, is no second header line", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          [null, null, null, "计划开始时间", "预计用时(天)", "实际完成时间", "负责人"],
          ["客服工作台", "首页"],
          [null, "我的客户", "客户列表页", d("2026-07-05"), 1.5, d("2026-07-06"), "甲"],
          [null, null, "高级筛选", d("2026-07-12"), 1.5, d("2026-07-13"), "甲"],
        ]),
      ),
    );
    expect([t.headerRow, t.columns.task?.letter]).toEqual([1, "C"]);
  });

  test("without the 计划/实际 rows, plain dates beside an unheaded name column are no plan", () => {
    const wb = workbook(
      sheet("Sheet1", [
        ["项目", null, "人员", "状态", "完成度", "开始日期", "结束日期"],
        ["大分类", "小分类"],
        ["商城", "注册登录", "甲", "开工", 0.5, d("2026-12-01"), d("2026-12-04")],
        [null, "购物车", "乙", "开工", 0, d("2026-12-04"), d("2026-12-08")],
      ]),
    );
    expect(recognise(wb).tables).toEqual([]);
  });
});

describe("no false tables on the held-out non-domain shapes", () => {
  test.each([
    [
      "a daily takings report",
      [
        ["统计日期", "当日开单店铺数", "累计开单店铺数", "当日回款总额", "美团回款总额"],
        [d("2026-03-01"), 2, 2, 0, 0],
        [d("2026-03-02"), 0, 2, 5.95, 5.95],
      ],
    ],
    [
      "a list of shops opened",
      [
        ["开单日期", "商家ID", "店铺名", "平台", "开单销售", "运营", "当前标签"],
        [d("2026-03-01"), 31444496, "馄饨店", "美团", "甲", "乙", "正常"],
        [d("2026-03-04"), 23967673, "烧烤店", "美团", "甲", "丙", "已解约"],
      ],
    ],
    [
      "a resource cost sheet",
      [
        ["资源名称", "最大单位", "每次使用成本", "成本累算", "基准日历"],
        ["开发人员", 1, 0, "按比例", "标准"],
        ["测试人员", 1, 0, "按比例", "标准"],
      ],
    ],
    [
      "an earned-value sheet",
      [
        ["日期", "项目阶段", "AC", "PV%", "EV%", "SPI"],
        ["2026/01/03-2026/02/01", "概要设计", 45, 1, 1, 1],
        ["2026/02/02-2026/03/02", "详细设计", 220, 1, 1, 1],
      ],
    ],
    [
      "monthly sales by month-day",
      [
        ["月份", "门店", "销售额", "备注"],
        ["3月24", "一店", 1200, null],
        ["3月25", "二店", 900, null],
      ],
    ],
    [
      "a test log with durations",
      [
        ["用例", "执行人", "开始时间", "耗时"],
        ["登录", "甲", d("2026-03-01"), 3],
        ["注册", "乙", d("2026-03-02"), 2],
      ],
    ],
  ])("%s", (_name, rows) => {
    expect(recognise(workbook(sheet("Sheet1", rows as unknown[][]))).tables).toEqual([]);
  });
});
