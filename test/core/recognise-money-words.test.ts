/**
 * Payment lists and contract ledgers say the same things in many ways: money comes in as 回款, 收款,
 * 到款, 到账 or 入账, goes out as 付款 or 支付, is 计划/预计/应/约定 before it is 实际/已/本次/累计; a
 * contract is 签订, 签署, 签约, 盖章 or 订立, and its value is 标的额, 价税合计 or 总价款. Each way is
 * read as the same field; an invoice list stays no payment list.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { letters, only } from "../helpers/recognition";

describe("a receivables list in the words of its office", () => {
  test.each([
    ["计划到账日期", "计划到账金额", "实际到账日期", "实际到账金额"],
    ["应回款日", "应回款额", "入账日期", "入账金额"],
    ["约定到款时间", "约定到款金额", "到款日期", "本次到款额"],
    ["预计收款时间", "预计收款额", "实际收款时间", "累计收款金额"],
  ])("合同号码 | %s | %s | %s | %s", (dueDate, dueAmount, receivedDate, receivedAmount) => {
    const t = only(
      workbook(
        sheet("回款", [
          ["合同号码", "客户名称", dueDate, dueAmount, receivedDate, receivedAmount],
          ["HT-2026-01", "甲公司", d("2026-03-31"), 30000, d("2026-04-02"), 30000],
          ["HT-2026-01", "甲公司", d("2026-06-30"), 50000, null, null],
          ["HT-2026-02", "乙公司", d("2026-05-31"), 12000, null, null],
        ]),
      ),
    );
    expect(t.kind).toBe("payments");
    expect(t.payable).not.toBe(true);
    expect(letters(t)).toMatchObject({
      contractNo: "A",
      customer: "B",
      dueDate: "C",
      dueAmount: "D",
      receivedDate: "E",
      receivedAmount: "F",
    });
  });

  test("应支付日期 | 应支付金额 | 已支付额 beside a supplier is money we pay", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["协议编码", "供应商名称", "应支付日期", "应支付金额", "已支付额"],
          ["CG-01", "丙公司", d("2026-03-31"), 8000, 8000],
          ["CG-02", "丁公司", d("2026-04-30"), 6000, 0],
        ]),
      ),
    );
    expect(t.kind).toBe("payments");
    expect(t.payable).toBe(true);
    expect(letters(t)).toMatchObject({ contractNo: "A", dueDate: "C", dueAmount: "D", receivedAmount: "E" });
  });

  test("an invoice list (发票号码 | 开票日期 | 开票金额) is no payment list", () => {
    const { tables } = recognise(
      workbook(
        sheet("开票", [
          ["发票号码", "购方名称", "开票日期", "开票金额"],
          ["00112233", "甲公司", d("2026-03-02"), 1200],
          ["00112234", "乙公司", d("2026-03-05"), 800],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("a contract ledger in the words of its office", () => {
  test.each([
    ["合同流水号", "合同签署日", "合同标的额"],
    ["协议号码", "签字时间", "签约总价款"],
    ["合同编号", "订立日期", "合同价税合计"],
  ])("%s | 合同名称 | %s | %s", (no, signed, amount) => {
    const t = only(
      workbook(
        sheet("合同", [
          [no, "合同名称", "客户", signed, amount],
          ["HT-01", "办公楼维保合同", "甲公司", d("2026-01-05"), 120000],
          ["HT-02", "系统运维合同", "乙公司", d("2026-02-10"), 80000],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "A", contractName: "B", signDate: "D", amount: "E" });
  });
});
