/**
 * Shapes met on a sixteenth round of real workbooks, rebuilt with invented values: a support-contract
 * register whose TASK column holds cost codes (its headers score best as a plan, its values say
 * contracts), and a list of money come in by contract, told by who paid it and the bank it came in to.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { letters, only } from "../helpers/recognition";

describe("values of the sixteenth round", () => {
  /** A support-contract register's header, its TASK column an accounting string's part. */
  const header = [
    "CLIENT",
    "ContractNumber",
    "AssignedTo",
    "ProjectNumber",
    "TASK",
    "StartDate",
    "EndDate",
    "STATUS",
  ];

  test("a register whose TASK column holds codes (A119, 8400) is read as the contracts its other headers name", () => {
    const rows = [
      ["Client One", "AG-927-01", "Ana", 111544, "A119", d("2026-01-01"), d("2026-12-31"), "Active"],
      ["Client One", "SI-2159-3347", "Ana", 111544, 8400, d("2026-02-01"), d("2027-01-31"), "Active"],
      ["Client Two", "11550028", "Raf", 111545, "A116", d("2026-03-01"), d("2027-02-28"), "Not Started"],
      ["Client Two", "RH-0091", "Raf", 111545, 9, d("2026-04-01"), d("2027-03-31"), "Active"],
    ];
    const t = only(workbook(sheet("Sheet1", [header, ...rows])));
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "B", termStart: "F", termEnd: "G" });
  });

  test("…while a plan whose tasks are named stays a plan", () => {
    const rows = [
      [
        "Client One",
        "AG-927-01",
        "Ana",
        111544,
        "Install servers",
        d("2026-01-01"),
        d("2026-01-09"),
        "Active",
      ],
      ["Client One", "AG-927-01", "Ana", 111544, "Migrate data", d("2026-01-12"), d("2026-01-23"), "Active"],
      [
        "Client Two",
        "RH-0091",
        "Raf",
        111545,
        "Train users",
        d("2026-02-02"),
        d("2026-02-06"),
        "Not Started",
      ],
    ];
    const t = only(workbook(sheet("Sheet1", [header, ...rows])));
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "E", owner: "C", planStart: "F", planEnd: "G" });
  });

  test("日期 | 付款单位 | 相关合同编号 | 金额 | 收款银行: money received by contract, no payable", () => {
    const wb = workbook(
      sheet("底稿模板", [
        ["日期", "付款单位", "相关合同编号", "金额", "收款银行", "收款性质"],
        [d("2026-04-01"), "甲风电股份有限公司", "GYTX-MM-2026040100", 120000, "电汇", "应收"],
        [d("2026-04-01"), "乙磁电有限公司", "GYTX-XB-2026030200", 56000.5, "电子银承", "预收"],
        [d("2026-04-02"), "丙交通科技有限公司", "GYTX-XB-2026030300", 98000, "电汇", "应收"],
      ]),
    );
    const t = only(wb);
    expect(t.kind).toBe("payments");
    expect(letters(t)).toMatchObject({
      customer: "B",
      contractNo: "C",
      receivedDate: "A",
      receivedAmount: "D",
    });
    expect(t.payable).toBeFalsy();
  });

  test("日期 | 付款单位 | 合同编号 | 金额: who paid us names money received, not money we pay", () => {
    const wb = workbook(
      sheet("明细", [
        ["日期", "付款单位", "合同编号", "金额"],
        [d("2026-04-01"), "甲公司", "HT-001", 120000],
        [d("2026-04-01"), "乙公司", "HT-002", 56000],
        [d("2026-04-02"), "丙公司", "HT-003", 98000],
      ]),
    );
    const t = only(wb);
    expect(letters(t)).toMatchObject({ contractNo: "C", receivedDate: "A", receivedAmount: "D" });
    expect(t.payable).toBeFalsy();
  });

  test("…while the same list naming the payee (收款单位) and nothing else of money come in stays none", () => {
    const wb = workbook(
      sheet("明细", [
        ["日期", "收款单位", "合同编号", "金额"],
        [d("2026-04-01"), "甲公司", "HT-001", 120000],
        [d("2026-04-01"), "乙公司", "HT-002", 56000],
        [d("2026-04-02"), "丙公司", "HT-003", 98000],
      ]),
    );
    expect(recognise(wb).tables).toEqual([]);
  });

  test("项目 | 对接人 | 设计师 | 开始日期 | 结束日期 | 耗时/天: the work is the 项目, the designer its owner, the contact no task", () => {
    const wb = workbook(
      sheet("数据源", [
        ["项目", "对接人", "设计师", "开始日期", "结束日期", "耗时/天", "业务类型"],
        ["业务一", "业务一老板", "Aki", d("2026-10-30"), d("2026-11-17"), 18, "设计"],
        ["业务二", "业务二老板", "Aki", d("2026-10-30"), d("2026-11-02"), 2, "设计"],
        ["业务三", "业务三老板", "Bo", d("2026-10-31"), d("2026-11-17"), 18, "排版"],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ task: "A", owner: "C", planStart: "D", planEnd: "E" });
  });
});
