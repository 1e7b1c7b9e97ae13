import { sheet, workbook } from "../../helpers/snapshot-builder";
import { check, CONTRACT_HEADER, hits } from "./harness";

/** Monday. */
const AS_OF = "2026-11-23";

describe("contract.notice-late (§1.2.2, §2.1)", () => {
  const contract = (notice: string | null) =>
    workbook(
      sheet("合同执行情况表", [
        CONTRACT_HEADER.slice(0, 8),
        ["HT-2026-031", "OA", "甲公司", "2026-02-13", 100000, "王五", notice, "2026-06-30"],
      ]),
    );

  test("issued after the 2nd working day (Sat 02-14 is a make-up day, 02-15…02-23 are off)", () => {
    expect(hits(check(contract("2026-02-26"), AS_OF), "contract.notice-late")).toEqual([
      "G2: 合同 HT-2026-031 签订于 2026-02-13，项目实施通知应不晚于 2026-02-24 发布，实际 2026-02-26",
    ]);
  });

  test("never issued and the deadline has passed", () => {
    expect(hits(check(contract(null), "2026-02-25"), "contract.notice-late")).toEqual([
      "G2: 合同 HT-2026-031 签订于 2026-02-13，项目实施通知应不晚于 2026-02-24 发布，至今未发布",
    ]);
  });

  test("issued on the deadline, or not yet issued while there is still time", () => {
    expect(hits(check(contract("2026-02-24"), AS_OF), "contract.notice-late")).toEqual([]);
    expect(hits(check(contract(null), "2026-02-24"), "contract.notice-late")).toEqual([]);
  });

  test("in English", () => {
    expect(hits(check(contract("2026-02-26"), AS_OF), "contract.notice-late", "en")).toEqual([
      "G2: Contract HT-2026-031 was signed 2026-02-13; the implementation notice was due by 2026-02-24, it was issued 2026-02-26",
    ]);
  });
});

describe("delivery", () => {
  const wb = (delivery: string, completion: string | null, status = "执行中") =>
    workbook(
      sheet("合同执行情况表", [
        CONTRACT_HEADER,
        [
          "HT-1",
          "OA",
          "甲公司",
          "2026-01-05",
          100000,
          "王五",
          "2026-01-06",
          delivery,
          completion,
          "合格",
          "2026-11-13",
          status,
        ],
      ]),
    );

  test("contract.delivery-overdue: past the delivery date and not complete", () => {
    expect(hits(check(wb("2026-11-20", null), AS_OF), "contract.delivery-overdue")).toEqual([
      "H2: 合同 HT-1 约定交货期 2026-11-20，已逾期 3 天仍未完成",
    ]);
  });

  test("complete, marked 已完成, or terminated: not overdue", () => {
    expect(hits(check(wb("2026-11-20", "2026-11-13"), AS_OF), "contract.delivery-overdue")).toEqual([]);
    expect(hits(check(wb("2026-11-20", null, "已完成"), AS_OF), "contract.delivery-overdue")).toEqual([]);
    expect(hits(check(wb("2026-11-20", null, "已终止"), AS_OF), "contract.delivery-overdue")).toEqual([]);
  });

  test("contract.delivery-due-soon: within the next 3 working days", () => {
    expect(hits(check(wb("2026-11-25", null), AS_OF), "contract.delivery-due-soon")).toEqual([
      "H2: 合同 HT-1 约定交货期 2026-11-25，还剩 2 个工作日",
    ]);
    expect(hits(check(wb("2026-11-30", null), AS_OF), "contract.delivery-due-soon")).toEqual([]);
  });

  test("contract.delivered-late: completed after the delivery date", () => {
    expect(hits(check(wb("2026-11-10", "2026-11-13"), AS_OF), "contract.delivered-late")).toEqual([
      "I2: 合同 HT-1 约定交货期 2026-11-10，实际完成 2026-11-13，晚 3 天",
    ]);
    expect(hits(check(wb("2026-11-20", "2026-11-13"), AS_OF), "contract.delivered-late")).toEqual([]);
  });
});

describe("completion records", () => {
  const wb = (quality: string | null, acceptance: string | null) =>
    workbook(
      sheet("合同执行情况表", [
        CONTRACT_HEADER,
        [
          "HT-1",
          "OA",
          "甲公司",
          "2026-01-05",
          100000,
          "王五",
          "2026-01-06",
          "2026-11-20",
          "2026-11-13",
          quality,
          acceptance,
        ],
        ["HT-2", "ERP", "乙公司", "2026-01-05", 100000, "王五", "2026-01-06", "2026-12-20", null, null, null],
      ]),
    );

  test("contract.quality-missing and contract.acceptance-missing on a completed contract", () => {
    const r = check(wb(null, null), AS_OF);
    expect(hits(r, "contract.quality-missing")).toEqual([
      "J2: 合同 HT-1 已于 2026-11-13 完成，未记录完成质量",
    ]);
    expect(hits(r, "contract.acceptance-missing")).toEqual([
      "K2: 合同 HT-1 已于 2026-11-13 完成，未记录《项目实施验收单》日期",
    ]);
  });

  test("recorded, or not complete yet", () => {
    const r = check(wb("合格", "2026-11-16"), AS_OF);
    expect(hits(r, "contract.quality-missing")).toEqual([]);
    expect(hits(r, "contract.acceptance-missing")).toEqual([]);
  });
});

describe("collections (§1.2.2)", () => {
  const GROUPS = [
    ...CONTRACT_HEADER.slice(0, 5), //                                   A–E
    "约定交货期", //                                                     F
    "约定收款日期1",
    "约定收款金额1",
    "财务实收金额1", //                 G H I
    "约定收款日期2",
    "约定收款金额2",
    "财务实收金额2", //                 J K L
    "催款通知日期",
    "书面报告日期",
    "合同状态", //                        M N O
  ];

  test("contract.payment-overdue per numbered node; the paid node is quiet", () => {
    const wb = workbook(
      sheet("合同执行情况表", [
        GROUPS,
        [
          "HT-1",
          "OA",
          "甲公司",
          "2026-01-05",
          100000,
          "2026-06-30",
          "2026-10-31",
          30000,
          30000,
          "2026-11-20",
          70000,
          20000,
        ],
      ]),
    );
    expect(hits(check(wb, AS_OF), "contract.payment-overdue")).toEqual([
      "J2: 合同 HT-1 第 2 期款应于 2026-11-20 收款 70,000.00 元，已收 20,000.00 元，未收 50,000.00 元，已逾期 3 天",
    ]);
  });

  test("not yet due, fully received, or a terminated contract", () => {
    const wb = workbook(
      sheet("合同执行情况表", [
        GROUPS,
        [
          "HT-1",
          "OA",
          "甲公司",
          "2026-01-05",
          100000,
          "2026-06-30",
          "2026-10-31",
          30000,
          30000,
          "2026-11-23",
          70000,
        ],
        [
          "HT-2",
          "ERP",
          "乙公司",
          "2026-01-05",
          100000,
          "2026-06-30",
          "2026-10-31",
          30000,
          null,
          null,
          null,
          null,
          null,
          null,
          "已终止",
        ],
      ]),
    );
    expect(hits(check(wb, AS_OF), "contract.payment-overdue")).toEqual([]);
  });

  test("a single 应收 column is one node", () => {
    const wb = workbook(
      sheet("合同执行情况表", [
        [...CONTRACT_HEADER.slice(0, 5), "约定交货期", "应收日期", "应收金额", "已收金额"],
        ["HT-1", "OA", "甲公司", "2026-01-05", 100000, "2026-06-30", "2026-11-02", 40000, null],
        ["HT-2", "ERP", "乙公司", "2026-01-05", 100000, "2026-06-30", "2026-11-02", 40000, 40000],
      ]),
    );
    expect(hits(check(wb, AS_OF), "contract.payment-overdue")).toEqual([
      "G2: 合同 HT-1 应收款应于 2026-11-02 收款 40,000.00 元，已收 0.00 元，未收 40,000.00 元，已逾期 21 天",
    ]);
  });

  test("收款计划表 rows are nodes of the contract they name", () => {
    const wb = workbook(
      sheet("合同执行情况表", [CONTRACT_HEADER.slice(0, 5), ["HT-1", "OA", "甲公司", "2026-01-05", 100000]]),
      sheet("收款计划表", [
        ["合同编号", "款项", "应收日期", "应收金额", "实收日期", "实收金额"],
        ["HT-1", "首付款", "2026-02-01", 30000, "2026-02-03", 30000],
        ["HT-1", "进度款", "2026-11-16", 60000, null, null],
        ["HT-1", "质保金", "2027-06-01", 10000, null, null],
      ]),
    );
    expect(hits(check(wb, AS_OF), "contract.payment-overdue")).toEqual([
      "C3: 合同 HT-1 进度款应于 2026-11-16 收款 60,000.00 元，已收 0.00 元，未收 60,000.00 元，已逾期 7 天",
    ]);
  });

  test("contract.report-overdue: dunned, and no written report within 1 day", () => {
    const row = (no: string, dunning: string, report: string | null) => [
      no,
      "OA",
      "甲公司",
      "2026-01-05",
      100000,
      "2026-06-30",
      null,
      null,
      null,
      null,
      null,
      null,
      dunning,
      report,
    ];
    const wb = workbook(
      sheet("合同执行情况表", [
        GROUPS,
        row("HT-1", "2026-11-20", null),
        row("HT-2", "2026-11-22", null), // deadline 11-23 is not before the as-of date
        row("HT-3", "2026-11-20", "2026-11-21"),
      ]),
    );
    expect(hits(check(wb, AS_OF), "contract.report-overdue")).toEqual([
      "N2: 合同 HT-1 于 2026-11-20 下发催款通知单，书面报告应于 1 日内（不晚于 2026-11-21）提交财务部，至今未提交",
    ]);
  });

  test("contract.overpaid: more received than the contract amount", () => {
    const wb = workbook(
      sheet("合同执行情况表", [
        GROUPS,
        [
          "HT-1",
          "OA",
          "甲公司",
          "2026-01-05",
          100000,
          "2026-06-30",
          "2026-10-31",
          50000,
          60000,
          "2026-12-20",
          50000,
          50000,
        ],
        [
          "HT-2",
          "ERP",
          "乙公司",
          "2026-01-05",
          100000,
          "2026-06-30",
          "2026-10-31",
          50000,
          50000,
          "2026-12-20",
          50000,
          50000,
        ],
      ]),
    );
    expect(hits(check(wb, AS_OF), "contract.overpaid")).toEqual([
      "E2: 合同 HT-1 金额 100,000.00 元，已收 110,000.00 元，多出 10,000.00 元",
    ]);
  });

  test("contract.payments-mismatch: numbered nodes that do not add up to the amount", () => {
    const wb = workbook(
      sheet("合同执行情况表", [
        GROUPS,
        [
          "HT-1",
          "OA",
          "甲公司",
          "2026-01-05",
          100000,
          "2026-06-30",
          "2026-12-31",
          30000,
          null,
          "2027-03-31",
          60000,
        ],
        [
          "HT-2",
          "ERP",
          "乙公司",
          "2026-01-05",
          100000,
          "2026-06-30",
          "2026-12-31",
          30000,
          null,
          "2027-03-31",
          70000,
        ],
      ]),
    );
    expect(hits(check(wb, AS_OF), "contract.payments-mismatch")).toEqual([
      "E2: 合同 HT-1 的收款计划（2 个节点）合计 90,000.00 元，合同金额 100,000.00 元，相差 10,000.00 元",
    ]);
  });

  test("a single 应收 column is the next node only and is not summed", () => {
    const wb = workbook(
      sheet("合同执行情况表", [
        [...CONTRACT_HEADER.slice(0, 5), "约定交货期", "应收日期", "应收金额"],
        ["HT-1", "OA", "甲公司", "2026-01-05", 100000, "2026-06-30", "2026-12-31", 40000],
      ]),
    );
    expect(hits(check(wb, AS_OF), "contract.payments-mismatch")).toEqual([]);
  });

  test("收款计划表 rows are the full plan", () => {
    const wb = workbook(
      sheet("合同执行情况表", [
        CONTRACT_HEADER.slice(0, 5),
        ["HT-1", "OA", "甲公司", "2026-01-05", 100000],
        ["HT-2", "ERP", "乙公司", "2026-01-05", 100000],
      ]),
      sheet("收款计划表", [
        ["合同编号", "款项", "应收日期", "应收金额"],
        ["HT-1", "首付款", "2026-12-01", 30000],
        ["HT-1", "验收款", "2027-03-01", 70000],
        ["HT-2", "首付款", "2026-12-01", 30000],
      ]),
    );
    expect(hits(check(wb, AS_OF), "contract.payments-mismatch")).toEqual([
      "E3: 合同 HT-2 的收款计划（1 个节点）合计 30,000.00 元，合同金额 100,000.00 元，相差 70,000.00 元",
    ]);
  });
});

describe("merged-down contract numbers", () => {
  const m = (r1: number, c1: number, r2: number, c2: number) => ({ r1, c1, r2, c2 });

  test("收款计划表: each node under a merged 合同编号 belongs to that contract", () => {
    const wb = workbook(
      sheet("合同执行情况表", [CONTRACT_HEADER.slice(0, 5), ["HT-1", "OA", "甲公司", "2026-01-05", 300000]]),
      sheet(
        "收款计划表",
        [
          ["合同编号", "款项", "应收日期", "应收金额", "实收金额"],
          ["HT-1", "首付款", "2026-02-01", 100000, 100000],
          [null, "进度款", "2026-11-16", 200000, null],
          ["HT-9", "首付款", "2026-12-01", 5000, null],
          [null, "尾款", "2026-12-31", 5000, null],
        ],
        { merges: [m(2, 1, 3, 1), m(4, 1, 5, 1)] },
      ),
    );
    const r = check(wb, AS_OF);
    expect(r.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell ?? f.row}`)).toEqual([
      // The contracts sheet has no 约定交货期 column: said once, on its header row.
      "table.missing-columns 合同执行情况表!1",
      "contract.payment-overdue 收款计划表!C3",
      "row.unknown-contract 收款计划表!A4",
    ]);
  });

  test("a contract merged over two rows is one contract with two nodes, judged once", () => {
    const wb = workbook(
      sheet(
        "合同执行情况表",
        [
          [
            "合同编号",
            "签订日期",
            "合同金额",
            "实施通知日期",
            "约定交货期",
            "实际完成日期",
            "应收日期",
            "应收金额",
            "实收金额",
          ],
          ["HT-1", "2026-08-03", 300000, null, "2026-11-20", null, "2026-08-31", 100000, 100000],
          [null, null, null, null, null, null, "2026-11-16", 200000, 50000],
        ],
        {
          merges: [m(2, 1, 3, 1), m(2, 2, 3, 2), m(2, 3, 3, 3), m(2, 4, 3, 4), m(2, 5, 3, 5), m(2, 6, 3, 6)],
        },
      ),
    );
    const r = check(wb, AS_OF);
    expect(r.findings.map((f) => `${f.rule} ${f.row} ${f.cell}`)).toEqual([
      "contract.notice-late 2 D2",
      "contract.delivery-overdue 2 E2",
      "contract.payment-overdue 3 G3",
    ]);
  });
});
