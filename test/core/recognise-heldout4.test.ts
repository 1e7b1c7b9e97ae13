/**
 * Shapes met on a fourth round of real workbooks — contract ledgers and payment lists the
 * recognition had never been measured on — rebuilt with invented values.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { check, letters, only } from "../helpers/recognition";

const none = (rows: unknown[][]) =>
  expect(recognise(workbook(sheet("Sheet1", rows as never))).tables).toEqual([]);

describe("a contract named twice makes a plain amount its own", () => {
  test("合同名称 | 合同编号 | 供应商（乙方） | 到期日期 | 金额 is a contract ledger", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["合同名称", "合同编号", "供应商（乙方）", "到期日期", "金额", "类型"],
          ["电梯维保合同", "WB-2031-01", "某电梯公司", d("2032-03-31"), 36000, "维保"],
          ["绿化养护合同", "WB-2031-02", "某园林公司", d("2032-06-30"), "非固定金额", "服务"],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({
      contractName: "A",
      contractNo: "B",
      customer: "C",
      termEnd: "D",
      amount: "E",
    });
  });

  test("English: ContractID | VendorName | Amount | StartDate | EndDate", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["ContractID", "VendorName", "Amount", "StartDate", "EndDate", "Status"],
          ["K-101", "North Supply", 1200, d("2031-01-01"), d("2031-12-31"), "Active"],
          ["K-102", "East Works", 800, d("2031-02-01"), d("2031-07-31"), "Active"],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({
      contractNo: "A",
      customer: "B",
      amount: "C",
      termStart: "D",
      termEnd: "E",
    });
  });

  test("English: Name of Contract | Name of Contractor | Contract Value (₹)", () => {
    const t = only(
      workbook(
        sheet("Contracts", [
          ["SL No", "Name of Contract", "Name of Contractor", "Contract Value (₹)", "Date of Commissioning"],
          [1, "Pump overhaul", "Delta Fitters", 150000, d("2031-02-02")],
          [2, "Yard lighting", "Omega Electric", 90000, d("2031-03-03")],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ contractName: "B", customer: "C", amount: "D" });
  });

  test("a contract number and a plain amount alone stay no table (an invoice total, a price list)", () => {
    none([
      ["合同编号", "金额", "备注"],
      ["HT-01", 100, "甲"],
      ["HT-02", 200, "乙"],
    ]);
  });

  test("an invoice register naming the contract twice is no contract ledger", () => {
    none([
      ["合同编号", "合同名称", "发票号码", "开票日期", "金额"],
      ["HT-01", "维保合同", "0012345", d("2031-04-01"), 100],
      ["HT-02", "保洁合同", "0012346", d("2031-04-02"), 200],
    ]);
  });
});

describe("a contract register by its term", () => {
  test("Contract No | Start Date | End Date, dates written day first, is a contract ledger", () => {
    const t = only(
      workbook(
        sheet("Contracts", [
          ["Contract No", "Type", "Sales", "Start Date", "End Date", "Billing Frequency"],
          ["K/31", "NC", "AB", "5/7/2031", "30/6/2032", "Quarterly"],
          ["D/32", "RC", "CD", "6/7/2031", "30/6/2032", "Monthly"],
          ["T/33", "NC", "AB", "24/6/2031", "31/5/2032", "Full payment"],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "A", termStart: "D", termEnd: "E" });
  });

  test("dates written day first (5/7/2031) are dates to recognise a ledger by, reported as ambiguous", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["合同编号", "签订日期", "合同金额"],
          ["HT-01", "5/7/2031", 1000],
          ["HT-02", "6/7/2031", 2000],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ contractNo: "A", signDate: "B", amount: "C" });
    const r = check(
      workbook(
        sheet("Sheet1", [
          ["合同编号", "签订日期", "合同金额"],
          ["HT-01", "5/7/2031", 1000],
        ]),
      ),
    );
    expect(r.findings.filter((f) => f.rule === "cell.date-invalid").map((f) => f.cell)).toEqual(["B2"]);
  });

  test("one end of a term plainly headed is not enough: 合同编号 | 开始日期 is no table", () => {
    none([
      ["合同编号", "开始日期", "数量"],
      ["HT-01", d("2031-01-01"), 3],
      ["HT-02", d("2031-02-01"), 4],
    ]);
  });

  test("a booking list's 名称 | 开始日期 | 结束日期 without a contract number stays no contract ledger", () => {
    none([
      ["名称", "开始日期", "结束日期"],
      ["会议室A", d("2031-01-01"), d("2031-01-02")],
      ["会议室B", d("2031-01-03"), d("2031-01-04")],
    ]);
  });
});

describe("receipt lists", () => {
  test("收款ID | 合同编号 | 收款日期 | 收款金额: money received against numeric contract numbers", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["收款ID", "合同编号", "收款日期", "收款金额", "收款方式", "备注"],
          ["P310726001", 20310726001, "2031-07-26", 10000, "转账"],
          ["P310727001", 20310727001, "2031-07-27", 5000, "现金"],
        ]),
      ),
    );
    expect(t.kind).toBe("payments");
    expect(letters(t)).toMatchObject({ contractNo: "B", receivedDate: "C", receivedAmount: "D" });
    // Both rows are rows: a long contract number is no timeline band under the header.
    expect([t.firstRow, t.lastRow]).toEqual([2, 3]);
  });

  test("a key column of long numbers names its rows: they are no timeline band under the header", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["合同编号", "实收日期", "实收金额"],
          [20310726001, d("2031-07-26"), 10000],
          [20310727001, d("2031-07-27"), 5000],
        ]),
      ),
    );
    expect([t.firstRow, t.lastRow]).toEqual([2, 3]);
  });

  test("a plain amount beside a received date is the money received", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["合同编号", "收款日期", "金额"],
          ["HT-01", d("2031-03-01"), 100],
          ["HT-02", d("2031-03-05"), 200],
        ]),
      ),
    );
    expect(letters(t)).toEqual({ contractNo: "A", receivedDate: "B", receivedAmount: "C" });
  });

  test("a bare Contract column is the key of a list of instalments due", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["Name", "Contract", "Due date", "Amount"],
          ["Ann Lee", "2031-0001-NORTH", "08/15/2031", "1,680.00"],
          ["Ann Lee", "2031-0001-NORTH", "09/15/2031", "1,680.00"],
          ["Bo Chen", "2031-0002-NORTH", "08/19/2031", "900.00"],
        ]),
      ),
    );
    expect(t.kind).toBe("payments");
    expect(letters(t)).toEqual({ contractNo: "B", dueDate: "C", dueAmount: "D" });
  });

  test("合同 | 金额 without any date stays no table", () => {
    none([
      ["合同", "金额", "备注"],
      ["维保合同", 100, "甲"],
      ["保洁合同", 200, "乙"],
    ]);
  });

  test("a plain amount beside a due date is the amount due", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["Contract No", "Due Date", "Amount"],
          ["C-1", d("2031-03-01"), 100],
          ["C-2", d("2031-04-01"), 100],
        ]),
      ),
    );
    expect(t.kind).toBe("payments");
    expect(letters(t)).toEqual({ contractNo: "A", dueDate: "B", dueAmount: "C" });
  });
});

describe("a list of settlements is no plan", () => {
  test("工程名称 | 工程地址 | 甲方名称 | 乙方名称 | 开工日期 | 竣工日期 | 结算金额 | 已支付金额: no task is guessed among its parties", () => {
    const { tables } = recognise(
      workbook(
        sheet("结算协议", [
          ["工程名称", "工程地址", "甲方名称", "乙方名称", "开工日期", "竣工日期", "结算金额", "已支付金额"],
          [
            "某楼改造",
            "某市某区一路1号",
            "某建设公司",
            "某工程公司",
            d("2031-03-28"),
            d("2031-04-19"),
            486000,
            390000,
          ],
          [
            "某厂翻新",
            "某市某区二路2号",
            "某科技公司",
            "某工程公司",
            d("2031-09-06"),
            d("2031-11-02"),
            1014000,
            890000,
          ],
          [
            "某馆加固",
            "某市某区三路3号",
            "某文化公司",
            "某工程公司",
            d("2031-12-16"),
            d("2032-01-15"),
            692000,
            473000,
          ],
        ]),
      ),
    );
    expect(tables.filter((t) => t.kind === "schedule")).toEqual([]);
  });
});
