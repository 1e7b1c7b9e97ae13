import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runDemo } from "../../src/cli/demo";
import { readXlsx } from "../../src/host/xlsx/read";

/** The demo is the first thing a new user sees: it must show every situation the product exists for. */
describe("ptrack demo", () => {
  let result: Awaited<ReturnType<typeof runDemo>>;
  beforeAll(async () => {
    result = await runDemo(mkdtempSync(join(tmpdir(), "ptrack-demo-")), { lang: "zh" });
  });

  const at = (rule: string, sheet: string, cell: string) =>
    result.report.findings.find((f) => f.rule === rule && f.sheet === sheet && f.cell === cell);

  test("also writes the applied workbook: tables, report, log and hidden settings", async () => {
    const wb = await readXlsx(result.applied);
    expect(wb.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["进度计划表", "合同执行情况表", "校验报告", "操作日志", "设置"]),
    );
    expect(wb.sheets.flatMap((s) => s.tables.map((t) => t.name))).toEqual(
      expect.arrayContaining(["进度计划表", "合同执行情况表", "实施文档台账", "风险登记", "变更申请"]),
    );
  });

  test("writes a real workbook with its tables under their titles", async () => {
    const wb = await readXlsx(result.workbook);
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "进度计划表",
      "合同执行情况表",
      "实施文档台账",
      "风险登记",
      "变更申请",
    ]);
    expect(result.report.asOf).toBe("2026-11-23");
    expect(result.report.tables.map((t) => [t.sheet, t.kind, t.headerRow, t.firstRow, t.lastRow])).toEqual([
      ["进度计划表", "schedule", 3, 4, 15],
      ["合同执行情况表", "contracts", 2, 3, 8],
      ["实施文档台账", "documents", 2, 3, 6],
      ["风险登记", "risks", 2, 3, 6],
      ["变更申请", "changes", 2, 3, 5],
    ]);
  });

  test("overdue tasks", () => {
    expect(at("schedule.overdue", "进度计划表", "F9")?.message).toContain("2026-10-30");
    expect(at("schedule.overdue", "进度计划表", "F11")?.message).toContain("2026-11-20");
    expect(result.report.findings.some((f) => f.rule === "schedule.start-late" && f.row === 11)).toBe(true);
    expect(at("schedule.due-soon", "进度计划表", "F12")?.severity).toBe("warning");
  });

  test("a plan change without notice, not filed with finance", () => {
    const f = result.report.findings.filter((x) => x.sheet === "进度计划表" && x.row === 10);
    expect(f.map((x) => x.rule)).toEqual(
      expect.arrayContaining(["schedule.change-unnotified", "schedule.change-not-filed"]),
    );
  });

  test("change control: the plan change waits for its review, and one change was approved unreviewed", () => {
    expect(at("schedule.change-unapproved", "进度计划表", "F10")?.message).toContain("BG-2026-02 尚未批准");
    // 项目验收's change (row 14) was requested, reviewed and approved.
    expect(result.report.findings.some((f) => f.rule === "schedule.change-unapproved" && f.row === 14)).toBe(
      false,
    );
    expect(at("change.open-overdue", "变更申请", "H4")?.message).toMatch(
      /2026-11-16.*2026-11-19.*2026-11-23/,
    );
    expect(at("change.unreviewed", "变更申请", "G5")).toBeDefined();
    expect(result.report.findings.some((f) => f.sheet === "变更申请" && f.row === 3)).toBe(false);
  });

  test("the contract process: 立项报告 and 实施方案 late, a 动员会 before the first payment", () => {
    expect(at("contract.project-report-late", "合同执行情况表", "AA5")?.message).toMatch(
      /2026-02-13.*2026-02-24.*2026-02-26/,
    );
    expect(at("contract.plan-late", "合同执行情况表", "AD5")?.message).toMatch(/2026-03-04.*2026-03-10/);
    expect(at("contract.kickoff-before-payment", "合同执行情况表", "AC7")?.message).toMatch(
      /2026-07-10.*2026-07-20/,
    );
    const process = result.report.findings.filter((f) =>
      /^contract\.(project-report-late|plan-late|kickoff-before-payment)$/.test(f.rule),
    );
    expect(process).toHaveLength(3);
  });

  test("a task that pushes its contract past the delivery date", () => {
    const f = result.report.findings.find((x) => x.rule === "schedule.beyond-contract");
    expect(f).toMatchObject({ sheet: "进度计划表", row: 14 });
    expect(f?.message).toContain("HT-2026-031");
    expect(f?.message).toContain("2026-12-15");
  });

  test("a late and a missing 项目实施通知", () => {
    const late = result.report.findings.filter((x) => x.rule === "contract.notice-late");
    expect(late.map((x) => x.row).sort()).toEqual([5, 8]);
    expect(late.find((x) => x.row === 5)?.message).toMatch(/2026-02-13.*2026-02-24.*2026-02-26/);
  });

  test("unpaid payment nodes past due, and a dunning without its written report", () => {
    const overdue = result.report.findings.filter((x) => x.rule === "contract.payment-overdue");
    expect(overdue.map((x) => x.row).sort()).toEqual([3, 4, 6]);
    expect(result.report.findings.find((x) => x.rule === "contract.report-overdue")?.row).toBe(3);
    expect(at("contract.delivery-overdue", "合同执行情况表", "I6")).toBeDefined();
  });

  test("§2.4.1 hand-offs: late steps name both dates and the deadline, an overdue step, a missing 签字", () => {
    expect(at("document.to-office-late", "实施文档台账", "F4")?.message).toMatch(
      /2026-11-03.*2026-11-04.*2026-11-05/,
    );
    expect(at("document.delivery-late", "实施文档台账", "H4")?.message).toMatch(
      /2026-11-02.*2026-11-04.*2026-11-09/,
    );
    expect(at("document.step-overdue", "实施文档台账", "I4")?.message).toContain("已逾期 7 天");
    expect(at("document.filing-late", "实施文档台账", "M5")?.message).toMatch(
      /2026-09-15.*2026-09-17.*2026-09-22/,
    );
    expect(at("document.signature-missing", "实施文档台账", "K5")).toBeDefined();
    // Filed on time, and one still in review before its deadlines.
    expect(
      result.report.findings.some((f) => f.sheet === "实施文档台账" && (f.row === 3 || f.row === 6)),
    ).toBe(false);
  });

  test("risks: a high one without a response, a response past its date, one not reviewed; a closed one is quiet", () => {
    expect(at("risk.high-no-response", "风险登记", "D3")).toBeDefined();
    expect(at("risk.response-overdue", "风险登记", "F4")?.message).toContain("已逾期 10 天");
    expect(at("risk.review-overdue", "风险登记", "H5")?.message).toContain("2026-10-30");
    expect(result.report.findings.some((f) => f.sheet === "风险登记" && f.row === 6)).toBe(false);
  });

  test("a typo'd date is reported with its raw text, not guessed", () => {
    expect(at("cell.date-invalid", "进度计划表", "F15")?.value).toBe("2026/11/31");
  });

  test("one notice of each type is planned, for the right causes", () => {
    const n = result.report.notices.map((x) => `${x.type} ${x.key}`).sort();
    expect(n).toEqual(
      [
        "催款通知单 HT-2026-012#2",
        "项目实施通知 HT-2026-045",
        "计划调整通知 7",
        "计划调整通知 11",
        "备忘录 HT-2026-031",
        "催办通知 HT-2026-031|业务流程改造方案#meetingDate",
      ].sort(),
    );
  });

  test("totals and signature lines are not data", () => {
    expect(result.report.findings.some((f) => f.row === 9 && f.sheet === "合同执行情况表")).toBe(false);
    expect(
      result.report.findings.some(
        (f) => f.sheet === "进度计划表" && (f.row ?? 0) > 15 && f.rule !== "schedule.unsigned",
      ),
    ).toBe(false);
  });
});
