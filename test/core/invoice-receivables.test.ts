/**
 * A receivables list kept per invoice (InvoiceID | DueDate | Amount): what is overdue is owed under
 * an invoice, so the finding and its 催款通知单 name the invoice, never a contract it is not.
 */
import type { CellWrite, PatchOp, SheetContent } from "../../src/core/patch";
import { planApply } from "../../src/core/plan";
import { formatFinding } from "../../src/i18n/messages";
import { sheet, workbook } from "../helpers/snapshot-builder";
import { OPTS } from "./plan/options";
import { check } from "../helpers/recognition";

type WriteSheet = Extract<PatchOp, { op: "writeSheet" }>;
const texts = (c: SheetContent) =>
  c.rows.flatMap((r) => r.filter((w): w is CellWrite => w !== null).map((w) => String(w.v ?? "")));

const invoices = () =>
  workbook(
    sheet("Sheet1", [
      ["CustomerID", "InvoiceID", "InvoiceDate", "DueDate", "Amount"],
      ["C01", "INV0001", "2026-09-05", "2026-10-05", 3000],
    ]),
  );

test("the overdue finding names the invoice, in Chinese and in English", () => {
  const r = check(invoices());
  const f = r.findings.filter((x) => x.rule === "contract.payment-overdue");
  expect(f).toHaveLength(1);
  expect(formatFinding(f[0], "zh")).toMatch(/^发票 INV0001 款项应于 2026-10-05 收款 3,000\.00 元/);
  expect(formatFinding(f[0], "en")).toMatch(/^Invoice INV0001, the amount: /);
});

test("its 催款通知单 asks for the invoice's money under 发票号, with no 合同编号 line", () => {
  const { patch } = planApply(invoices(), { ...OPTS, settings: { companyName: "示例公司" } });
  const docs = patch.ops.filter((o): o is WriteSheet => o.op === "writeSheet" && o.owner?.kind === "notice");
  expect(docs).toHaveLength(1);
  const t = texts(docs[0].content);
  expect(t).toContain("发票号");
  expect(t).toContain("INV0001");
  expect(t).not.toContain("合同编号");
  expect(t.join("")).toContain("支付发票INV0001的款项");
  expect(t.join("")).not.toContain("根据合同");
});

test("its 催款通知单 names the customer and salesman the list gives beside the invoice", () => {
  const wb = workbook(
    sheet("应收账款", [
      ["发票号码", "客户名称", "业务员", "开票日期", "应收日期", "应收金额", "实收金额"],
      ["FP2026001", "示例客户有限公司", "王五", "2026-09-01", "2026-10-01", 5000, 0],
      ["FP2026002", "另一客户", "赵六", "2026-11-01", "2026-12-31", 800, 0],
    ]),
  );
  const { patch } = planApply(wb, { ...OPTS, settings: { companyName: "示例公司" } });
  const docs = patch.ops.filter((o): o is WriteSheet => o.op === "writeSheet" && o.owner?.kind === "notice");
  expect(docs).toHaveLength(1);
  const t = texts(docs[0].content);
  expect(t.join("")).toMatch(/客户\s*示例客户有限公司\s*应于/);
  expect(t).toContain("示例客户有限公司");
  expect(t.join("")).toContain("销售经理 王五");
});
