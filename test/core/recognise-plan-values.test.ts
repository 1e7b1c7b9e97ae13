/**
 * Tables told by what their cells hold where the header alone is too plain: a bare 计划 column of days
 * (`2天`) or dates, a 进度 column written in words, a PERT sheet's Task | Days | Predecessor, and a
 * register whose dates name their month in English (`19-Sep-2026`, `19-sep-24`).
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { check, letters, messages, only } from "../helpers/recognition";

describe("a bare 计划 column", () => {
  test("holding the days each feature takes (`2天`) beside a 进度 of words: a plan with durations, the words no progress", () => {
    const wb = workbook(
      sheet("Sheet1", [
        ["模块", "功能", "计划", "进度"],
        ["识别引擎", "指纹识别算法", "2天", "开发完成，待完善"],
        ["", "模板匹配算法", "3天", "调试中"],
        ["", "深度学习识别", "二期计划", "计划中"],
        ["存储服务", "键值存储接口", "5天", "已完成"],
        ["", "集群支持", "1天", "待开发"],
      ]),
    );
    const t = only(wb);
    expect(letters(t)).toEqual({ task: "B", duration: "C" });
    expect(t.unmapped.map((u) => u.header)).toEqual(["模块", "进度"]);
    const r = check(wb);
    // 二期计划 is no number of days; the words under 进度 are not reported one by one.
    expect(messages(r, "cell.number-invalid")).toEqual([expect.stringMatching(/^C4: .*二期计划/)]);
  });

  test("holding dates: the day each task is planned for", () => {
    const wb = workbook(
      sheet("任务清单", [
        ["模块", "工作项", "计划", "方案"],
        ["视频", "代理方案部署", d("2026-05-30"), "开源代理"],
        ["", "推送通达率验证", d("2026-06-15"), "厂商示例"],
        ["", "语音通话接入", d("2026-06-30"), "声网"],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ task: "B", planEnd: "C" });
  });

  test("beside the plan's own dates, a 计划 column marking the line is no date", () => {
    const wb = workbook(
      sheet("Sheet1", [
        ["任务", "负责人", "计划", "开始日期", "结束日期"],
        ["注册登录", "杨某", "计划", d("2026-08-01"), d("2026-08-04")],
        ["主页轮播", "贾某", "计划", d("2026-08-05"), d("2026-08-09")],
        ["商品分类", "杨某", "计划", d("2026-08-10"), d("2026-08-12")],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ task: "A", owner: "B", planStart: "D", planEnd: "E" });
  });

  test("planned and actual amounts beside the tasks (工作任务 | 计划 | 实际) are no plan's days", () => {
    // 12000, 9800 … fall in a date serial's range; only a date format or a date's text makes them days.
    const wb = workbook(
      sheet("预算", [
        ["工作任务", "计划", "实际", "差额"],
        ["客户走访", 12000, 9800, 2200],
        ["展会布置", 5000, 5400, -400],
        ["培训组织", 8000, 7600, 400],
      ]),
    );
    expect(recognise(wb).tables).toEqual([]);
  });
});

describe("a plan's day qualified as scheduled", () => {
  test("排期上线时间 (the go-live a release is scheduled for) is the planned end", () => {
    const wb = workbook(
      sheet("项目", [
        ["工作大类", "任务", "当前进度", "排期上线时间", "负责人"],
        ["分销", "分销渠道取消订单接口", "开发中", d("2026-12-08"), "司徒某"],
        ["运营", "专辑频道", "策划中", d("2026-12-15"), "马某"],
        ["运营", "限时购批量导入", "已上线", d("2026-11-05"), "舒某"],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ task: "B", planEnd: "D", owner: "E" });
  });
});

describe("a 进度 column", () => {
  test("of percentages with a word or two stays the progress, the words reported", () => {
    const wb = workbook(
      sheet("计划", [
        ["任务名称", "开始日期", "结束日期", "进度"],
        ["需求调研", d("2026-11-02"), d("2026-11-06"), 1],
        ["方案设计", d("2026-11-09"), d("2026-11-13"), 0.5],
        ["编码实现", d("2026-11-16"), d("2026-11-27"), 0.2],
        ["联调测试", d("2026-11-30"), d("2026-12-04"), "未开始"],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ progress: "D" });
    expect(messages(check(wb), "cell.number-invalid")).toEqual([expect.stringMatching(/^D5: .*未开始/)]);
  });
});

describe("a PERT sheet", () => {
  test("id | Task | three estimates | Human resources | Days | Predecessor: a plan with owners, durations and predecessors", () => {
    const wb = workbook(
      sheet("Sheet1", [
        [
          "id",
          "Task",
          "Most optimistic",
          "Most likelihood",
          "Most pessimistic",
          "Weighted average",
          "Number of members",
          "Human resources",
          "Days",
          "Predecessor",
          "Successor",
        ],
        [1, "Search by address", 3, 4, 5, 4, 1, "Tuan", 4, "", 3],
        [2, "Sign up and sign in", 2, 3, 4, 3, 1, "Duong", 3, "", 3],
        [3, "Recommendation engine", 21, 30, 40, 30.17, 3, "Nam, Tue", 10.06, "1, 2", ""],
      ]),
    );
    const t = only(wb);
    expect(letters(t)).toMatchObject({
      taskId: "A",
      task: "B",
      owner: "H",
      duration: "I",
      predecessors: "J",
    });
    expect(check(wb).findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("dates naming their month in English", () => {
  test("a contract register dated `19-Sep-2026`: read as dates", () => {
    const wb = workbook(
      sheet("Worksheet", [
        ["S/N", "Date", "Customer", "Contract ID", "Status"],
        [1, "19-Sep-2026", "Customer 1", "CT-2026-0038", "Scheduled"],
        [2, "18-Sep-2026", "Customer 2", "CT-2026-0037", "Due"],
        [3, "17-Sep-2026", "Customer 3", "CT-2026-0036", "Scheduled"],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ signDate: "B", customer: "C", contractNo: "D" });
    expect(messages(check(wb), "cell.date-invalid")).toEqual([]);
  });

  test("…and `19-sep-24` with a two-digit year: still the register, each date told its year is short", () => {
    const wb = workbook(
      sheet("Worksheet", [
        ["S/N", "Date", "Customer", "Contract ID", "Status"],
        [1, "19-sep-24", "Customer 1", "CT-2024-0038", "Scheduled"],
        [2, "18-sep-24", "Customer 2", "CT-2024-0037", "Due"],
        [3, "17-sep-24", "Customer 3", "CT-2024-0036", "Scheduled"],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ signDate: "B", contractNo: "D" });
    expect(messages(check(wb), "cell.date-invalid")).toEqual([
      expect.stringMatching(/^B2: .*19-sep-24.*四位/),
      expect.stringMatching(/^B3: .*18-sep-24/),
      expect.stringMatching(/^B4: .*17-sep-24/),
    ]);
  });

  test("version numbers (`1.2.3`) under a plain Date are no dates: no register", () => {
    const wb = workbook(
      sheet("Releases", [
        ["Customer", "Contract ID", "Date"],
        ["Customer 1", "CT-1", "1.2.3"],
        ["Customer 2", "CT-2", "1.2.4"],
        ["Customer 3", "CT-3", "2.0.1"],
      ]),
    );
    expect(recognise(wb).tables).toEqual([]);
  });
});

describe("a stage's heading beside its group's name", () => {
  test("`汽修管理（2026-04-07~2026-04-10）` merged across the row, the system's name merged down beside it: a heading, no task", () => {
    const wb = workbook(
      sheet(
        "项目分配",
        [
          ["项目名称", "业务模块", "预计完成时间", "备注", "负责人"],
          ["汽修配件管理系统", "汽修管理（2026-04-07~2026-04-10）"],
          ["", "预约安排", d("2026-04-07"), "已完成", "李某"],
          ["", "客户接待", d("2026-04-08"), "已完成", "李某"],
          ["", "结算出厂", d("2026-04-10"), "", "王某"],
          ["", "预约订单（2026-04-13~2026-04-21）"],
          ["", "客户登录", d("2026-04-13"), "", "李某"],
          ["", "客户注册", d("2026-04-14"), "", "王某"],
        ],
        { merges: ["A2:A8", "B2:E2", "B6:E6"] },
      ),
    );
    const t = only(wb);
    expect(letters(t)).toMatchObject({ task: "B", planEnd: "C", owner: "E" });
    expect(t.dataRows).toEqual([3, 4, 5, 7, 8]);
    expect(messages(check(wb), "cell.required")).toEqual([]);
  });
});

describe("a plan's start and end named with their stage or event", () => {
  const plan = (task: string, start: string, end: string) =>
    workbook(
      sheet("S", [
        [task, start, end],
        ["需求调研", d("2026-11-02"), d("2026-11-06")],
        ["方案设计", d("2026-11-09"), d("2026-11-13")],
        ["编码实现", d("2026-11-16"), d("2026-11-27")],
      ]),
    );
  test.each([
    ["任务名称", "开发开始时间", "开发结束时间"],
    ["任务名称", "起始日期", "终止日期"],
    ["任务", "启动时间", "交付日期"],
    ["工作任务", "开工日期", "上线日期"],
    ["任务名称", "测试开始日期", "提测时间"],
  ])("%s | %s | %s: a plan", (task, start, end) => {
    expect(letters(only(plan(task, start, end)))).toMatchObject({ task: "A", planStart: "B", planEnd: "C" });
  });
  test.each([
    ["任务名称", "会议开始时间", "会议结束时间"],
    ["任务名称", "考试开始时间", "考试结束时间"],
    ["任务名称", "借阅开始时间", "借阅截止时间"],
    ["任务名称", "采购计划开始日期", "采购结束日期"],
    ["任务名称", "收款开始日期", "收款截止日期"],
    // …whatever the first column: a meeting's, an exam's, a loan's, a tender's or money's days are
    // no plan's.
  ])("%s | %s | %s: no plan", (task, start, end) => {
    expect(recognise(plan(task, start, end)).tables.filter((t) => t.kind === "schedule")).toEqual([]);
  });
});

describe("a contract's amount with its tax", () => {
  test("合同编号 | 客户 | 签订日期 | 含税金额: the amount", () => {
    const wb = workbook(
      sheet("合同", [
        ["合同编号", "客户", "签订日期", "含税金额"],
        ["HT-2026-001", "甲公司", d("2026-03-02"), 120000],
        ["HT-2026-002", "乙公司", d("2026-03-09"), 56000],
        ["HT-2026-003", "丙公司", d("2026-03-16"), 98000],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ contractNo: "A", customer: "B", signDate: "C", amount: "D" });
  });

  test("an invoice list's 价税合计 makes no contract ledger", () => {
    const wb = workbook(
      sheet("发票", [
        ["发票号码", "购方名称", "开票日期", "价税合计"],
        ["04400001", "甲公司", d("2026-03-02"), 1200],
        ["04400002", "乙公司", d("2026-03-09"), 560],
        ["04400003", "丙公司", d("2026-03-16"), 980],
      ]),
    );
    expect(recognise(wb).tables).toEqual([]);
  });
});

describe("a plan of milestones or deliverables, with no task column", () => {
  test("里程碑 | 负责人 | 计划完成日期: each milestone a row of the plan", () => {
    const wb = workbook(
      sheet("里程碑", [
        ["里程碑", "负责人", "计划完成日期"],
        ["需求确认", "张某", d("2026-03-12")],
        ["设计评审", "李某", d("2026-04-02")],
        ["上线发布", "王某", d("2026-05-20")],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ task: "A", owner: "B", planEnd: "C" });
  });

  test("# | 阶段 | 交付物 | 负责人 | 计划交付时间: each deliverable a row, its stage its phase", () => {
    const wb = workbook(
      sheet("交付物清单", [
        ["#", "阶段", "交付物", "交付类型", "负责人", "计划交付时间", "实际交付时间"],
        [1, "需求分析阶段", "需求分析文档", "文档", "谢某", d("2026-07-17"), d("2026-07-17")],
        [2, "实施阶段", "概要设计文档", "文档", "谢某", d("2026-07-18"), ""],
        [3, "", "数据库设计文档", "文档", "谢某", d("2026-07-19"), ""],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ phase: "B", task: "C", owner: "E", planEnd: "F" });
  });

  test("a status report's Milestone column of numbers refers to the plan's milestones: no plan", () => {
    const wb = workbook(
      sheet("Sheet1", [
        ["Milestone", "Status", "Due Date", "Comments"],
        [4, "G", d("2026-11-21"), "Spec report to be signed off"],
        [4.6, "G", d("2026-11-20"), ""],
        [4.11, "G", d("2026-11-21"), ""],
      ]),
    );
    expect(recognise(wb).tables).toEqual([]);
  });
});

describe("payment plans headed after the money", () => {
  test("合同号 | 回款计划日期 | 回款计划金额: due dates and amounts", () => {
    const wb = workbook(
      sheet("回款计划", [
        ["合同号", "回款计划日期", "回款计划金额"],
        ["HT-001", d("2026-03-31"), 30000],
        ["HT-001", d("2026-06-30"), 50000],
        ["HT-002", d("2026-04-30"), 20000],
      ]),
    );
    const t = only(wb);
    expect(t.kind).toBe("payments");
    expect(letters(t)).toMatchObject({ contractNo: "A", dueDate: "B", dueAmount: "C" });
  });

  test("合同编号 | 期次 | 约定付款日 | 约定金额: each instalment due", () => {
    const wb = workbook(
      sheet("付款", [
        ["合同编号", "期次", "约定付款日", "约定金额"],
        ["HT-001", "第一期", d("2026-03-31"), 30000],
        ["HT-001", "第二期", d("2026-06-30"), 50000],
        ["HT-002", "第一期", d("2026-04-30"), 20000],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ contractNo: "A", node: "B", dueDate: "C", dueAmount: "D" });
  });
});
