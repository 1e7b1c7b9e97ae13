/**
 * One sheet per contract (a concrete supplier's 合同 workbook, rebuilt with invented values): a
 * key/value block — 签定日期：…, 合同编号:…, 施工单位 | 客户 … — above one row per month of 应收 and 实收
 * money. Each sheet is read as one contract's payment plan and checked by the payment rules.
 */
import { checkWorkbook, type CheckResult } from "../../src/core/check";
import type { RuleId } from "../../src/core/findings";
import { recognise } from "../../src/core/recognise";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { formatFinding } from "../../src/i18n/messages";
import { d, sheet, workbook } from "../helpers/snapshot";

const HEADER = [
  "月份",
  "当月生产方量(m3)   ",
  "当月生产价值(元)",
  "累计生产方量(m3)  ",
  "累计生产价值(元)",
  "余存方量(m3)  ",
  "投资部份",
  "合同规定当月应收货款（元）",
  "当月实收货款（元）",
  "累计实收货款（元）",
  "合同规定未收货款累计（元）",
  "所欠货款总计（元）",
  "备注",
];

/** Label and value in one cell; the sign date as text; header on row 7. */
function sheetA(): ReturnType<typeof sheet> {
  return sheet("滨江花园", [
    [
      "签定日期：2013年6月9日",
      null,
      "合同编号:HX13-0107\n（东站合同）",
      null,
      "供应日期：",
      null,
      null,
      null,
      "结算单价",
      "C30:255",
    ],
    ["施工单位", "甲建设有限公司", null, "盖章单位", "甲建设有限公司"],
    ["工程名称", "滨江花园一期", null, "签约方量", "20000m3"],
    ["质检单位", null, null, null, "试块送检单位"],
    ["付款方式", "当月货款次月20天内付80%"],
    ["付款承诺", "2014年1月25日前付清"],
    HEADER,
    [d("2013-05-01"), 400, 100000, 400, 100000, 19600, null, null, null, null, null, 100000],
    [d("2013-06-01"), 500, 120000, 900, 220000, 19100, null, 80000, null, null, 80000, 220000],
    [d("2013-07-01"), 300, 70000, 1200, 290000, 18800, null, 96000, 80000, 80000, 96000, 210000],
    [d("2013-08-01"), 0, 0, 1200, 290000, 18800, null, 56000, 50000, 130000, 102000, 160000],
  ]);
}

/** Value in the next cell, the sign date a serial, 签订 spelt right, header on row 6; fully paid. */
function sheetB(): ReturnType<typeof sheet> {
  return sheet("城西学校", [
    ["签订日期：", 42324, "合同编号:\n（西站）", "XZ15-0610", "供应日期："],
    ["施工单位", "乙建工集团"],
    ["工程名称", "城西学校教学楼"],
    ["质检单位"],
    ["付款方式", "当月货款次月15日内付清"],
    HEADER,
    [d("2015-11-01"), 100, 30000, 100, 30000, null, null, null, null, null, null, 30000],
    [d("2015-12-01"), 200, 60000, 300, 90000, null, null, 30000, 30000, 30000, 0, 60000],
    [d("2016-01-01"), 0, 0, 300, 90000, null, null, 60000, 60000, 90000, 0, 0],
  ]);
}

/** The same shape again with no contract number written: the sheet's name stands for the contract. */
function sheetC(): ReturnType<typeof sheet> {
  return sheet("南湖公寓", [
    ["签定日期：2016年3月1日", null, "合同编号：", null, "供应日期："],
    ["施工单位", "丙市政公司"],
    ["工程名称", "南湖公寓"],
    ["质检单位"],
    ["付款方式", "当月货款次月付清"],
    ["付款承诺", "无"],
    HEADER,
    ["2016年3月1日至2016年4月20日", 50, 15000, 50, 15000, null, null, null, null, null, null, 15000],
    [d("2016-05-01"), 80, 24000, 130, 39000, null, null, 15000, 0, 0, 15000, 39000],
  ]);
}

function book(): WorkbookSnapshot {
  return workbook(
    sheet("总", [
      ["业务员", "项目"],
      ["周一", "滨江花园"],
      ["周一", "城西学校"],
    ]),
    sheetA(),
    sheetB(),
    sheetC(),
  );
}

function messages(r: CheckResult, rule: RuleId): string[] {
  return r.findings
    .filter((f) => f.rule === rule)
    .map((f) => `${f.sheet}!${f.cell}: ${formatFinding(f, "zh")}`);
}

describe("one sheet per contract", () => {
  test("each sheet's monthly rows are a 收款计划表 whose contract comes from its key/value block", () => {
    const { tables, unrecognised } = recognise(book());
    expect(
      tables.map((t) => ({
        sheet: t.sheet,
        kind: t.kind,
        headerRow: t.headerRow,
        dueDate: t.columns.dueDate?.letter,
        dueAmount: t.columns.dueAmount?.letter,
        receivedAmount: t.columns.receivedAmount?.letter,
        contract: t.sheetContract?.key,
        at: t.sheetContract?.cell,
      })),
    ).toEqual([
      {
        sheet: "滨江花园",
        kind: "payments",
        headerRow: 7,
        dueDate: "A",
        dueAmount: "H",
        receivedAmount: "I",
        contract: "HX13-0107",
        at: "C1",
      },
      {
        sheet: "城西学校",
        kind: "payments",
        headerRow: 6,
        dueDate: "A",
        dueAmount: "H",
        receivedAmount: "I",
        contract: "XZ15-0610",
        at: "D1",
      },
      {
        sheet: "南湖公寓",
        kind: "payments",
        headerRow: 7,
        dueDate: "A",
        dueAmount: "H",
        receivedAmount: "I",
        contract: "南湖公寓",
        at: "C1",
      },
    ]);
    // The block's facts: 签定 (a miswriting) and 签订 alike, in one cell or the next.
    const [a, b] = tables;
    expect(a.sheetContract?.facts.signDate).toMatchObject({ cell: "A1", text: "2013年6月9日" });
    expect(b.sheetContract?.facts.signDate).toMatchObject({ cell: "B1", value: 42324 });
    expect(a.sheetContract?.facts.customer).toMatchObject({ cell: "B2", text: "甲建设有限公司" });
    // The contract sheets are no unrecognised data; only the index sheet is.
    expect(unrecognised.map((u) => u.sheet)).toEqual(["总"]);
  });

  test("a month unpaid past its end is overdue, with the contract's number and the month's cells", () => {
    const r = checkWorkbook(book(), { asOf: "2013-09-15" });
    // 滨江花园: 80,000 + 96,000 + 56,000 due, 130,000 received → May's bill paid, June's partly.
    expect(messages(r, "contract.payment-overdue")).toEqual([
      "滨江花园!A10: 合同 HX13-0107 2013年7月应收货款应于 2013-07-31 收款 96,000.00 元，已收 50,000.00 元，未收 46,000.00 元，已逾期 46 天",
      "滨江花园!A11: 合同 HX13-0107 2013年8月应收货款应于 2013-08-31 收款 56,000.00 元，已收 0.00 元，未收 56,000.00 元，已逾期 15 天",
    ]);
    // Months with nothing due yet are not empty required cells.
    expect(messages(r, "cell.required")).toEqual([]);
    expect(r.findings.filter((f) => f.rule === "table.not-recognized").map((f) => f.sheet)).toEqual(["总"]);
  });

  test("fully paid contracts and billing periods written as ranges raise nothing", () => {
    const r = checkWorkbook(book(), { asOf: "2016-12-31" });
    const onBC = r.findings.filter((f) => f.sheet === "城西学校" || f.sheet === "南湖公寓");
    // 南湖公寓's May bill (15,000) is unpaid; its period 2016-03-01–04-20 is read as its end, no error.
    expect(onBC.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([
      "南湖公寓!A9 contract.payment-overdue",
    ]);
    expect(formatFinding(onBC[0], "zh")).toContain("合同 南湖公寓 2016年5月应收货款应于 2016-05-31");
  });

  test("a second contract's block further down the sheet starts a table of its own", () => {
    const a = sheetA();
    const second = sheetB().rows;
    const wb = workbook({ ...a, rows: [...a.rows, [], ...second] });
    const { tables } = recognise(wb);
    expect(tables.map((t) => [t.headerRow, t.lastRow, t.sheetContract?.key])).toEqual([
      [7, 11, "HX13-0107"],
      [18, 21, "XZ15-0610"],
    ]);
  });

  test("an item line in the 月份 column is no mistyped date, and its money counts", () => {
    const a = sheetA();
    // 滨江花园 again, with a price adjustment billed and paid between July and August.
    const rows = [...a.rows];
    rows.splice(10, 0, [
      { value: "2013年第三季度调差" },
      ...Array(6).fill(undefined),
      { value: 4000 },
      { value: 50000 },
    ]);
    const r = checkWorkbook(workbook({ ...a, rows }), { asOf: "2013-09-15" });
    expect(messages(r, "cell.date-invalid")).toEqual([]);
    expect(messages(r, "cell.required")).toEqual([]);
    // 180,000 received now pays May–July and 4,000 of the adjustment; August's 56,000 is still open.
    expect(messages(r, "contract.payment-overdue")).toEqual([
      "滨江花园!A12: 合同 HX13-0107 2013年8月应收货款应于 2013-08-31 收款 56,000.00 元，已收 0.00 元，未收 56,000.00 元，已逾期 15 天",
    ]);
  });

  test("a bare 签定日期 label with its date in the next cell opens the next contract's block", () => {
    const a = sheetA();
    const second = sheetB().rows.map((row, i) =>
      i === 0 ? [{ value: "签定日期" }, { value: 42324 }, { value: "合同编号：XZ15-0611" }] : row,
    );
    const { tables } = recognise(workbook({ ...a, rows: [...a.rows, ...second] }));
    expect(tables.map((t) => [t.headerRow, t.lastRow, t.sheetContract?.key])).toEqual([
      [7, 11, "HX13-0107"],
      [17, 20, "XZ15-0611"],
    ]);
  });

  test("two contracts side by side, each under its own block, each with its own key", () => {
    const left = sheetA().rows;
    const right = sheetC().rows;
    const rows = left.map((row, i) => {
      const out = [...(row ?? [])];
      while (out.length < 15) out.push(undefined);
      return [...out, ...(right[i] ?? [])];
    });
    const { tables } = recognise(workbook({ ...sheetA(), name: "两份合同", rows }));
    expect(
      tables.map((t) => [t.columns.dueDate?.letter, t.columns.dueAmount?.letter, t.sheetContract?.key]),
    ).toEqual([
      ["A", "H", "HX13-0107"],
      ["P", "W", "两份合同"],
    ]);
  });

  test("monthly 应收/实收 columns without a contract block above are no table", () => {
    const wb = workbook(
      sheet("月报", [
        ["公司月报"],
        HEADER,
        [d("2013-05-01"), 400, 100000, 400, 100000, 19600, null, 5000, 5000],
        [d("2013-06-01"), 500, 120000, 900, 220000, 19100, null, 6000, 6000],
      ]),
    );
    expect(recognise(wb).tables).toEqual([]);
  });
});
