import { fmt, sheet, workbook } from "../../helpers/snapshot-builder";
import { check, CONTRACT_HEADER, hits, rulesAt, SCHEDULE_HEADER } from "./harness";

const AS_OF = "2026-11-23";

describe("cell.required", () => {
  test("a blank 负责人 is reported on its cell", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-06", "2026-11-02", "2026-11-06", "100%"],
        ["2", "方案设计", null, "2026-11-09", "2026-11-13", "2026-11-09", "2026-11-13", "100%"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "cell.required")).toEqual([
      "C3: 任务「2 方案设计」的「负责人」为空，此项必填",
    ]);
  });

  test("filled required cells raise nothing, and a blank optional cell is fine", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三、李四", "2026-11-02", "2026-11-06", null, null, null],
      ]),
    );
    expect(hits(check(wb, AS_OF), "cell.required")).toEqual([]);
  });

  test("收款计划表 requires 应收金额", () => {
    const wb = workbook(
      sheet("合同执行情况表", [CONTRACT_HEADER.slice(0, 5), ["HT-1", "OA", "甲公司", "2026-01-05", 100000]]),
      sheet("收款计划表", [
        ["合同编号", "款项", "应收日期", "应收金额"],
        ["HT-1", "首付款", "2026-12-01", null],
      ]),
    );
    expect(hits(check(wb, AS_OF), "cell.required")).toEqual(["D2: 合同 HT-1 的「应收金额」为空，此项必填"]);
  });
});

describe("cell.date-invalid", () => {
  test("an impossible date is reported with its raw value, and no date rule reads it", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-02", "2023/6/31", null, null, "0%"],
      ]),
    );
    const r = check(wb, AS_OF);
    expect(hits(r, "cell.date-invalid")).toEqual([
      "E2: 「计划完成」的值“2023/6/31”不是一个有效日期（该日期不存在）",
    ]);
    expect(rulesAt(r, "E2")).toEqual(["cell.date-invalid"]);
  });

  test("a partial date in a numbered payment column is invalid too", () => {
    const wb = workbook(
      sheet("合同执行情况表", [
        [...CONTRACT_HEADER.slice(0, 5), "约定交货期", "约定收款日期1", "约定收款金额1"],
        ["HT-1", "OA", "甲公司", "2026-01-05", 100000, "2026-06-30", "2026年11月", 100000],
      ]),
    );
    const r = check(wb, AS_OF);
    expect(hits(r, "cell.date-invalid")).toEqual([
      "G2: 「约定收款日期1」的值“2026年11月”不是一个有效日期（日期不完整，应写明年、月、日）",
    ]);
    expect(hits(r, "contract.payment-overdue")).toEqual([]);
  });

  test("real dates, serials and text dates are valid", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", fmt(46328, "yyyy-mm-dd"), "2026年11月06日", null, null, "0%"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "cell.date-invalid")).toEqual([]);
  });
});

describe("cell.number-invalid", () => {
  test("text in 合同金额 and 完成率 is reported", () => {
    const wb = workbook(
      sheet("合同执行情况表", [
        CONTRACT_HEADER.slice(0, 8),
        ["HT-1", "OA", "甲公司", "2026-01-05", "约十万", "王五", "2026-01-06", "2026-06-30"],
      ]),
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-30", null, null, "一半"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "cell.number-invalid")).toEqual([
      "E2: 「合同金额」的值“约十万”不是数字",
      "H2: 「完成率」的值“一半”不是数字",
    ]);
  });

  test("¥, thousands separators and 万 are numbers", () => {
    const wb = workbook(
      sheet("合同执行情况表", [
        CONTRACT_HEADER.slice(0, 8),
        ["HT-1", "OA", "甲公司", "2026-01-05", "¥1,200,000.00", "王五", "2026-01-06", "2026-06-30"],
        ["HT-2", "ERP", "乙公司", "2026-01-05", "12万", "王五", "2026-01-06", "2026-06-30"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "cell.number-invalid")).toEqual([]);
  });
});

describe("a number that cannot be an amount", () => {
  test("a 16-digit card number or 1e308 in an amount column is a finding on its cell, not an abort", () => {
    const wb = workbook(
      sheet("合同执行情况表", [
        CONTRACT_HEADER.slice(0, 8),
        ["HT-1", "OA", "甲公司", "2026-01-05", 6222021234567890, "王五", "2026-01-06", "2026-06-30"],
        ["HT-2", "ERP", "乙公司", "2026-01-05", fmt(1e308, "#,##0.00"), "王五", "2026-01-06", "2026-06-30"],
        ["HT-3", "CRM", "丙公司", "2026-01-05", 90_000_000_000_000, "王五", "2026-01-06", "2026-06-30"],
      ]),
    );
    const r = check(wb, AS_OF);
    expect(hits(r, "cell.number-invalid")).toEqual([
      "E2: 「合同金额」的值“6222021234567890”不可能是金额（超过 90 万亿元，像是卡号或编号）",
      "E3: 「合同金额」的值“1e+308”不可能是金额（超过 90 万亿元，像是卡号或编号）",
    ]);
    expect(hits(r, "cell.number-invalid", "en")[0]).toMatch(/cannot be an amount/);
    expect(rulesAt(r, "E2")).toEqual(["cell.number-invalid"]);
  });
});

describe("cell.date-as-number", () => {
  test("20261117 typed as a number in a date column is reported with the date it reads as", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-02", 20261117, null, null, "0%"],
        ["2", "方案设计", "李四", "2026-11-02", "20261117", fmt(46328, "yyyy-mm-dd"), null, "0%"],
      ]),
    );
    const r = check(wb, AS_OF);
    expect(hits(r, "cell.date-as-number")).toEqual([
      "E2: 「计划完成」的值 20261117 是数字而不是日期，按 2026-11-17 理解；请改为日期 2026-11-17，否则设成日期格式后会显示为 ####",
    ]);
    expect(r.findings.find((f) => f.rule === "cell.date-as-number")?.severity).toBe("warning");
    // The rules still read it as that date: the task is overdue.
    expect(rulesAt(r, "E2")).toContain("schedule.overdue");
  });
});

describe("cell.percent-range", () => {
  test("progress above 100% is reported", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-30", null, null, "120%"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "cell.percent-range")).toEqual([
      "H2: 任务「1 需求调研」的完成率为 120%，应在 0%–100% 之间",
    ]);
  });

  test("0%–100%, as fractions or percents, is fine", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-30", null, null, 0.5],
        ["2", "方案设计", "李四", "2026-11-02", "2026-11-30", null, null, 1],
      ]),
    );
    expect(hits(check(wb, AS_OF), "cell.percent-range")).toEqual([]);
  });
});

describe("cells merged down over several rows", () => {
  const m = (r1: number, c1: number, r2: number, c2: number) => ({ r1, c1, r2, c2 });

  test("a 负责人 merged over two tasks fills both; a bad date merged over two rows is reported once", () => {
    const wb = workbook(
      sheet(
        "进度计划表",
        [
          SCHEDULE_HEADER,
          ["1", "安装", "李四", "2026-12-01", "2026/12/32"],
          ["2", "调试", null, "2026-12-01", null],
          ["3", "验收", "王五", "2026-12-01", "2026-12-04"],
        ],
        { merges: [m(2, 3, 3, 3), m(2, 5, 3, 5)] },
      ),
    );
    const r = check(wb, AS_OF);
    expect(hits(r, "cell.required")).toEqual([]);
    expect(r.findings.filter((f) => f.rule === "cell.date-invalid").map((f) => [f.row, f.cell])).toEqual([
      [2, "E2"],
    ]);
  });

  test("a merge across columns (a heading) gives its value to no other column", () => {
    const wb = workbook(
      sheet("进度计划表", [SCHEDULE_HEADER, ["1", "安装", null, "2026-12-01", "2026-12-04"]], {
        merges: [m(2, 2, 2, 3)],
      }),
    );
    expect(hits(check(wb, AS_OF), "cell.required")).toEqual(["C2: 任务「1 安装」的「负责人」为空，此项必填"]);
  });
});
