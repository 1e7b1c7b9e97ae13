import { checkWorkbook, isProductSheet } from "../../src/core/check";
import { formatFinding } from "../../src/i18n/messages";
import { sheet, workbook } from "../helpers/snapshot-builder";

/** Monday. */
const AS_OF = "2026-11-23";

/** A workbook as a clerk keeps it: title rows, a signature footer, three tables and 设置. */
function realistic() {
  return workbook(
    sheet("进度计划表", [
      ["XX公司OA系统实施项目 进度计划表"], //                                                        1
      ["项目名称：OA系统", null, null, "编制日期：2026-10-20"], //                                    2
      [
        "WBS编码",
        "任务名称",
        "负责人",
        "计划开始",
        "计划完成",
        "实际完成",
        "完成率",
        "前置任务",
        "基线完成",
        "调整通知日期",
        "报备财务",
        "合同编号",
        "备注",
      ], // 3
      [
        "1",
        "需求调研",
        "张三",
        "2026-11-02",
        "2026-11-06",
        "2026-11-06",
        "100%",
        null,
        "2026-11-06",
        null,
        null,
        "HT-2026-031",
      ], // 4
      [
        "2",
        "方案设计",
        "李四",
        "2026-11-09",
        "2026-11-20",
        null,
        "60%",
        "1",
        "2026-11-20",
        null,
        null,
        "HT-2026-031",
      ], // 5
      [
        "3",
        "系统部署",
        "王五",
        "2026-11-23",
        "2026-12-18",
        null,
        "0%",
        "2",
        "2026-12-04",
        "2026-12-01",
        "是",
        "HT-2026-031",
        "设备到货延迟",
      ], // 6
      [
        "4",
        "培训验收",
        "赵六",
        "2026-12-16",
        "2026-12-25",
        null,
        "0%",
        "3",
        "2026-12-25",
        null,
        null,
        "HT-2026-031",
      ], // 7
      [], //                                                                                           8
      ["甲方负责人（签字）：", "刘总", null, "乙方负责人（签字）：", "张三"], //                        9
    ]),
    sheet("合同执行情况表", [
      [
        "合同编号",
        "合同名称",
        "客户",
        "签订日期",
        "合同金额（万元）",
        "销售经理",
        "实施通知日期",
        "约定交货期",
        "实际完成日期",
        "约定收款日期1",
        "约定收款金额1",
        "财务实收金额1",
        "约定收款日期2",
        "约定收款金额2",
        "财务实收金额2",
        "催款通知日期",
        "书面报告日期",
        "备忘录日期",
      ],
      //  A            B          C        D            E                   F          G               H             I               J                K                L                M                N                O                P               Q               R
      [
        "HT-2026-031",
        "OA系统",
        "甲公司",
        "2026-02-13",
        12,
        "孙七",
        "2026-02-26",
        "2026-12-15",
        null,
        "2026-03-01",
        36000,
        36000,
        "2026-11-16",
        84000,
        null,
        null,
        null,
        null,
      ], // 2
      [
        "HT-2026-045",
        "ERP",
        "乙公司",
        "2026-11-13",
        5,
        "周八",
        null,
        "2027-01-31",
        null,
        "2026-11-20",
        50000,
        null,
        null,
        null,
        null,
        "2026-11-20",
        "2026-11-21",
        null,
      ], // 3
    ]),
    sheet(
      "设置",
      [
        ["项", "值"],
        ["公司名称", "三才软件"],
      ],
      { visibility: "hidden" },
    ),
  );
}

describe("checkWorkbook on a realistic workbook", () => {
  const r = checkWorkbook(realistic(), { asOf: AS_OF });

  test("tables, as check --json reports them", () => {
    expect(r.asOf).toBe(AS_OF);
    expect(r.tables.map((t) => [t.sheet, t.kind, t.headerRow, t.firstRow, t.lastRow])).toEqual([
      ["进度计划表", "schedule", 3, 4, 7],
      ["合同执行情况表", "contracts", 1, 2, 3],
    ]);
    expect(r.tables[0].columns).toMatchObject({
      wbs: "A",
      task: "B",
      planEnd: "E",
      contractNo: "L",
      note: "M",
    });
    expect(r.tables[1].columns).toMatchObject({
      amount: "E",
      dueDate1: "J",
      dueAmount2: "N",
      receivedAmount2: "O",
    });
    // No 实际开始 column: whether a task started late cannot be told; no 里程碑 column either; no
    // 变更申请 register to hold the plan changes against.
    expect(r.tables[0].skippedRules).toEqual([
      "schedule.start-late",
      "schedule.milestone-missed",
      "schedule.milestone-duration",
      "schedule.change-unapproved",
    ]);
  });

  test("findings in sheet, row, column order with messages a clerk can act on", () => {
    const lines = r.findings.map((f) => `${f.sheet}!${f.cell ?? ""} ${f.rule} ${formatFinding(f, "zh")}`);
    expect(lines).toEqual([
      "进度计划表!D2 table.stale 进度计划表最后更新于 2026-11-06（据表中最近填写的「实际完成」，进度计划表!F4），已 17 天未更新，超过填报周期 7 天；应按期填写（§1.2.2）",
      // 4 starts before 3 ends, so on its links the plan already ends 12-30; 方案设计, late, moves it on.
      "进度计划表!B5 schedule.critical-late 关键路径上的任务「2 方案设计」按当前进度最早 2026-11-26 完成（计划 2026-11-20），项目最早完工由 2026-12-30 推迟到 2027-01-05，推迟 4 个工作日",
      "进度计划表!E5 schedule.overdue 任务「2 方案设计」计划于 2026-11-20 完成，已逾期 3 天仍未完成",
      "进度计划表!E6 schedule.beyond-contract 任务「3 系统部署」完成日期 2026-12-18 晚于合同 HT-2026-031 约定交货期 2026-12-15 3 天，且未签订备忘录",
      "进度计划表!B7 schedule.critical-beyond-contract 按前置任务和当前进度推算，合同 HT-2026-031 的工作最早 2027-01-05 完成，晚于约定交货期 2026-12-15 21 天，且未签订备忘录；关键路径：2 → 3 → 4",
      "进度计划表!D7 schedule.predecessor-order 任务「4 培训验收」计划开始 2026-12-16 早于前置任务 3 的计划完成 2026-12-18",
      // 4's own late end is the critical-path finding's task: said once, by the one naming the chain (B7).
      "合同执行情况表!G2 contract.notice-late 合同 HT-2026-031 签订于 2026-02-13，项目实施通知应不晚于 2026-02-24 发布，实际 2026-02-26",
      "合同执行情况表!M2 contract.payment-overdue 合同 HT-2026-031 第 2 期款应于 2026-11-16 收款 84,000.00 元，已收 0.00 元，未收 84,000.00 元，已逾期 7 天",
      "合同执行情况表!G3 contract.notice-late 合同 HT-2026-045 签订于 2026-11-13，项目实施通知应不晚于 2026-11-17 发布，至今未发布",
      "合同执行情况表!J3 contract.payment-overdue 合同 HT-2026-045 第 1 期款应于 2026-11-20 收款 50,000.00 元，已收 0.00 元，未收 50,000.00 元，已逾期 3 天",
      // The forecast runs into 2027, whose holidays the bundle lacks.
      "设置! calendar.year-missing 2027 年没有节假日数据，工作日按周一至周五计算；请在「设置」的节假日表中补充",
    ]);
    expect(r.summary).toEqual({ errors: 8, warnings: 3, infos: 0 });
  });

  test("money in 万元 is scaled before it is compared", () => {
    expect(r.findings.filter((f) => f.rule === "contract.payments-mismatch")).toEqual([]);
  });

  test("the notices apply would generate", () => {
    expect(r.notices.map((n) => [n.type, n.key, n.sheet, n.row])).toEqual([
      ["催款通知单", "HT-2026-031#2", "合同执行情况表", 2],
      // HT-2026-045#1 was dunned on its due date: no second notice.
      ["项目实施通知", "HT-2026-045", "合同执行情况表", 3],
      ["计划调整通知", "3", "进度计划表", 6],
      ["备忘录", "HT-2026-031", "合同执行情况表", 2],
    ]);
    const [dunning, implementation, change, memo] = r.notices;
    expect(dunning.facts).toMatchObject({
      contractNo: "HT-2026-031",
      customer: "甲公司",
      salesManager: "孙七",
      node: "第2期",
      dueDate: "2026-11-16",
      dueAmount: 84000,
      received: 0,
      outstanding: 84000,
      daysOverdue: 7,
    });
    expect(implementation.facts).toMatchObject({
      signDate: "2026-11-13",
      deadline: "2026-11-17",
      amount: 50000,
    });
    expect(change.facts).toMatchObject({
      task: "系统部署",
      baselineEnd: "2026-12-04",
      planEnd: "2026-12-18",
      daysMoved: 14,
      noticeDeadline: "2026-12-02",
      reason: "设备到货延迟",
    });
    expect(memo.facts).toMatchObject({
      deliveryDate: "2026-12-15",
      expectedCompletion: "2026-12-25",
      daysLate: 10,
      tasks: "3 系统部署；4 培训验收",
      taskCount: 2,
    });
  });

  test("the result does not depend on the machine's time zone", () => {
    expect(checkWorkbook(realistic(), { asOf: AS_OF })).toEqual(r);
  });
});

describe("notice planning", () => {
  const GROUPS = [
    "合同编号",
    "合同金额",
    "签订日期",
    "约定交货期",
    "约定收款日期1",
    "约定收款金额1",
    "财务实收金额1",
    "催款通知日期",
  ];

  test("催款通知单 only for overdue nodes nobody has dunned since they fell due", () => {
    const wb = workbook(
      sheet("合同执行情况表", [
        GROUPS,
        ["HT-1", 100000, "2026-01-05", "2026-12-31", "2026-11-16", 100000, null, null], // overdue → notice
        ["HT-2", 100000, "2026-01-05", "2026-12-31", "2026-11-16", 100000, 100000, null], // paid
        ["HT-3", 100000, "2026-01-05", "2026-12-31", "2026-11-16", 100000, null, "2026-11-17"], // dunned
        ["HT-4", 100000, "2026-01-05", "2026-12-31", "2026-11-16", 100000, null, "2026-06-01"], // dunned before, for an older node
        ["HT-5", 100000, "2026-01-05", "2026-12-31", "2026-11-30", 100000, null, null], // not due yet
      ]),
    );
    const r = checkWorkbook(wb, { asOf: AS_OF });
    expect(r.notices.filter((n) => n.type === "催款通知单").map((n) => n.key)).toEqual(["HT-1#1", "HT-4#1"]);
  });

  test("a 收款计划表 row is keyed by its place among the contract's nodes", () => {
    const wb = workbook(
      sheet("合同执行情况表", [
        ["合同编号", "合同金额", "签订日期", "约定交货期"],
        ["HT-1", 100000, "2026-01-05", "2026-12-31"],
      ]),
      sheet("收款计划表", [
        ["合同编号", "款项", "应收日期", "应收金额", "实收金额", "催款通知日期"],
        ["HT-1", "首付款", "2026-02-01", 30000, 30000, null],
        ["HT-1", "进度款", "2026-11-16", 60000, null, null],
        ["HT-1", "质保金", "2026-11-17", 10000, null, "2026-11-18"],
      ]),
    );
    const notices = checkWorkbook(wb, { asOf: AS_OF }).notices.filter((n) => n.type === "催款通知单");
    expect(notices.map((n) => [n.key, n.sheet, n.row, n.facts.node])).toEqual([
      ["HT-1#2", "收款计划表", 3, "进度款"],
    ]);
  });

  test("项目实施通知 only when the notice is late and was never issued", () => {
    const wb = workbook(
      sheet("合同执行情况表", [
        ["合同编号", "合同金额", "签订日期", "约定交货期", "实施通知日期"],
        ["HT-1", 100000, "2026-11-13", "2026-12-31", null], // deadline 11-17 passed → notice
        ["HT-2", 100000, "2026-11-13", "2026-12-31", "2026-11-19"], // late but issued
        ["HT-3", 100000, "2026-11-20", "2026-12-31", null], // deadline 11-24 still ahead
      ]),
    );
    const notices = checkWorkbook(wb, { asOf: AS_OF }).notices;
    expect(notices.map((n) => [n.type, n.key])).toEqual([["项目实施通知", "HT-1"]]);
  });

  test("计划调整通知 for every moved task, keyed by sheet!row when there is no WBS", () => {
    const wb = workbook(
      sheet("进度计划表", [
        ["任务名称", "负责人", "计划开始", "计划完成", "基线完成"],
        ["部署", "张三", "2026-12-01", "2026-12-20", "2026-12-10"],
        ["培训", "李四", "2026-12-01", "2026-12-10", "2026-12-10"],
      ]),
    );
    const notices = checkWorkbook(wb, { asOf: AS_OF }).notices;
    expect(notices.map((n) => [n.type, n.key])).toEqual([["计划调整通知", "进度计划表!2"]]);
  });
});

test("product-owned sheets are never read as user tables", () => {
  expect(
    ["设置", "校验报告", "通知台账", "操作日志", "催款通知单-HT-1", "CK-20261123-001"].every(isProductSheet),
  ).toBe(true);
  expect(isProductSheet("进度计划表")).toBe(false);
});
