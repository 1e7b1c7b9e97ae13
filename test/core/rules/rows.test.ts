import { sheet, workbook } from "../../helpers/snapshot-builder";
import { check, CONTRACT_HEADER, hits, SCHEDULE_HEADER } from "./harness";

const AS_OF = "2026-11-23";

describe("row.duplicate-key", () => {
  test("a repeated WBS is reported on the later row", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1.1", "需求调研", "张三", "2026-11-02", "2026-11-06"],
        ["1.10", "需求评审", "张三", "2026-11-02", "2026-11-06"],
        ["1.1", "方案设计", "李四", "2026-11-09", "2026-11-13"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "row.duplicate-key")).toEqual(["A4: 「WBS编码」1.1 重复，与第 2 行相同"]);
  });

  test("收款计划表 may list a contract several times", () => {
    const wb = workbook(
      sheet("合同执行情况表", [CONTRACT_HEADER.slice(0, 5), ["HT-1", "OA", "甲公司", "2026-01-05", 100000]]),
      sheet("收款计划表", [
        ["合同编号", "款项", "应收日期", "应收金额"],
        ["HT-1", "首付款", "2026-12-01", 30000],
        ["HT-1", "验收款", "2027-03-01", 70000],
      ]),
    );
    expect(hits(check(wb, AS_OF), "row.duplicate-key")).toEqual([]);
  });
});

describe("row.date-order", () => {
  test("计划完成 before 计划开始 and 交货期 before 签订日期", () => {
    const wb = workbook(
      sheet("进度计划表", [SCHEDULE_HEADER, ["1", "需求调研", "张三", "2026-12-10", "2026-12-01"]]),
      sheet("合同执行情况表", [
        CONTRACT_HEADER.slice(0, 8),
        ["HT-1", "OA", "甲公司", "2026-03-01", 100000, "王五", "2026-03-02", "2026-02-01"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "row.date-order")).toEqual([
      "E2: 任务「1 需求调研」的「计划完成」2026-12-01 早于「计划开始」2026-12-10",
      "H2: 合同 HT-1 的「约定交货期」2026-02-01 早于「签订日期」2026-03-01",
    ]);
  });

  test("same-day start and end is in order", () => {
    const wb = workbook(
      sheet("进度计划表", [SCHEDULE_HEADER, ["1", "评审会", "张三", "2026-12-01", "2026-12-01"]]),
    );
    expect(hits(check(wb, AS_OF), "row.date-order")).toEqual([]);
  });
});

describe("row.actual-in-future", () => {
  test("an actual end after the as-of date is reported", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-30", null, "2026-11-30", "100%"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "row.actual-in-future")).toEqual([
      "G2: 任务「1 需求调研」的「实际完成」2026-11-30 晚于校验日期 2026-11-23，已发生的事不能记在未来",
    ]);
  });

  test("an actual end on the as-of date is fine", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-30", null, "2026-11-23", "100%"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "row.actual-in-future")).toEqual([]);
  });
});

describe("row.unknown-contract", () => {
  const contracts = sheet("合同执行情况表", [
    CONTRACT_HEADER.slice(0, 5),
    ["HT-1", "OA", "甲公司", "2026-01-05", 100000],
  ]);

  test("a task naming a contract that is not in the contract table", () => {
    const wb = workbook(
      sheet("进度计划表", [
        [...SCHEDULE_HEADER.slice(0, 5), "合同编号"],
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-30", "HT-1"],
        ["2", "方案设计", "李四", "2026-11-02", "2026-11-30", "HT-9"],
      ]),
      contracts,
    );
    expect(hits(check(wb, AS_OF), "row.unknown-contract")).toEqual([
      "F3: 任务「2 方案设计」的合同编号 HT-9 在合同执行情况表中不存在",
    ]);
  });

  test("without any contract table the rule does not run and says so", () => {
    const wb = workbook(
      sheet("进度计划表", [
        [...SCHEDULE_HEADER.slice(0, 5), "合同编号"],
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-30", "HT-9"],
      ]),
    );
    const r = check(wb, AS_OF);
    expect(hits(r, "row.unknown-contract")).toEqual([]);
    expect(r.tables[0].skippedRules).toContain("row.unknown-contract");
  });
});
