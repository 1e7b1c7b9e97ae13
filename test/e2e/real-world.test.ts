/**
 * Workbooks nobody on the team wrote the engine against, shaped like real Chinese
 * office files (fixtures.ts), written as .xlsx and checked the way the CLI does
 * (readXlsx → checkSnapshot). Each test lists every finding a careful auditor
 * expects, and only those: a false finding is worse than a missed one.
 */

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkSnapshot, type CheckReport } from "../../src/app/check";
import { readXlsx } from "../../src/host/xlsx/read";
import { writeXlsx } from "../helpers/workbook";
import * as fx from "./fixtures";

const dir = mkdtempSync(join(tmpdir(), "ptrack-real-"));

async function check(name: string, f: fx.Fixture, lang: "zh" | "en" = "zh"): Promise<CheckReport> {
  const path = join(dir, `${name}.xlsx`);
  await writeXlsx(path, f.sheets, f.options);
  return checkSnapshot(await readXlsx(path), { asOf: fx.AS_OF, lang });
}

/** `rule sheet!cell` (or `rule sheet` for sheet-level findings), in report order. */
function found(r: CheckReport): string[] {
  return r.findings.map((f) => `${f.rule} ${f.sheet}${f.cell ? `!${f.cell}` : ""}`);
}

function message(r: CheckReport, rule: string, cell?: string): string | undefined {
  return r.findings.find((f) => f.rule === rule && (cell === undefined || f.cell === cell))?.message;
}

/** Every message in both languages names real figures: no placeholders left empty. */
async function expectReadable(name: string, f: fx.Fixture): Promise<void> {
  for (const lang of ["zh", "en"] as const) {
    for (const m of (await check(`${name}-${lang}`, f, lang)).findings.map((x) => x.message)) {
      expect(m).not.toMatch(/undefined|NaN|「」|""|合同 {2}|Contract {2}|\s$/);
    }
  }
}

describe("real-world workbooks", () => {
  test("阶段 and 负责人 merged down over their tasks: the value belongs to every row", async () => {
    const r = await check("merged-schedule", fx.mergedSchedule());
    expect(r.tables.map((t) => [t.sheet, t.kind, t.headerRow, t.lastRow])).toEqual([
      ["进度计划表", "schedule", 3, 9],
    ]);
    expect(found(r)).toEqual([
      // 编制日期 above the header, and nothing typed for over the 7-day reporting period since.
      "table.stale 进度计划表!E2",
      "schedule.finished-late 进度计划表!H5",
      "schedule.overdue 进度计划表!F6",
      "schedule.due-soon 进度计划表!F7",
    ]);
  });

  test("收款计划表 with 合同编号 merged down over its nodes: every node is the contract's", async () => {
    const r = await check("merged-payments", fx.mergedPaymentPlan());
    expect(r.tables.map((t) => [t.sheet, t.kind, t.firstRow, t.lastRow])).toEqual([
      ["合同执行情况表", "contracts", 4, 5],
      ["收款计划表", "payments", 3, 7],
    ]);
    expect(found(r)).toEqual([
      "contract.payment-overdue 收款计划表!D4",
      "contract.payment-overdue 收款计划表!D7",
      "contract.report-overdue 收款计划表!I7",
    ]);
    expect(message(r, "contract.payment-overdue", "D4")).toBe(
      "合同 HT-2026-001 进度款应于 2026-11-15 收款 200,000.00 元，已收 0.00 元，未收 200,000.00 元，已逾期 8 天",
    );
    expect(message(r, "contract.report-overdue")).toBe(
      "合同 HT-2026-002 于 2026-11-10 下发催款通知单，书面报告应于 1 日内（不晚于 2026-11-11）提交财务部，至今未提交",
    );
    // The 尾款 was dunned after it fell due; only the 进度款 still needs a 催款通知单.
    expect(r.notices.map((n) => [n.type, n.key, n.row])).toEqual([["催款通知单", "HT-2026-001#2", 4]]);
  });

  test("a WPS export: two-row header, 制表人/审核 footer, an unsigned 甲方/乙方 block", async () => {
    const r = await check("wps", fx.wpsTwoRowHeader());
    expect(r.tables).toMatchObject([
      {
        kind: "schedule",
        headerRow: 4,
        firstRow: 5,
        lastRow: 8,
        columns: { planStart: "D", planEnd: "E", actualStart: "F", actualEnd: "G", progress: "H" },
      },
    ]);
    expect(found(r)).toEqual([
      "schedule.unsigned Sheet1",
      "table.stale Sheet1!F2",
      "schedule.progress-mismatch Sheet1!H6",
      "schedule.overdue Sheet1!E7",
      "schedule.start-late Sheet1!F7",
    ]);
  });

  test("dates typed as text in every form; the invalid ones are reported raw and drive no date rule", async () => {
    const r = await check("text-dates", fx.textDates());
    expect(found(r)).toEqual([
      "cell.date-invalid 进度计划!E4",
      "cell.date-invalid 进度计划!D5",
      "schedule.overdue 进度计划!E5",
      "cell.date-invalid 进度计划!D6",
      "cell.date-invalid 进度计划!E6",
      // The number 20261204 is read as that date, and reported: a date format would show ####.
      "cell.date-as-number 进度计划!E7",
    ]);
    expect(r.findings.filter((f) => f.rule === "cell.date-invalid").map((f) => f.value)).toEqual([
      "2023/6/31",
      "2026年11月",
      "2013年6月20日至7月",
      "23/11/26",
    ]);
    expect(message(r, "cell.date-invalid", "E4")).toBe(
      "「计划完成日期」的值“2023/6/31”不是一个有效日期（该日期不存在）",
    );
    expect(message(r, "cell.date-invalid", "D6")).toBe(
      "「计划开始日期」的值“2013年6月20日至7月”不是一个有效日期（这是一个日期区间，请只填一个日期）",
    );
  });

  test("section rows (一、前期准备, 二 | 系统实施) are headings, not tasks; a bare task still is one", async () => {
    const r = await check("sections", fx.sectionRows());
    expect(found(r)).toEqual([
      "schedule.overdue 实施计划!E6",
      "cell.required 实施计划!C9",
      "cell.required 实施计划!D9",
      "cell.required 实施计划!E9",
    ]);
  });

  test("an MS-Project outline: summary tasks are judged through their subtasks", async () => {
    const r = await check("outline", fx.outlineSchedule());
    // 后端开发 is on the critical chain (1.2 → 2.1 → 2.3 → 3): 30% of 15 working days done on
    // 11-23 leaves 11, which end 12-07 instead of 12-04, and the project ends a day later.
    expect(found(r)).toEqual(["schedule.critical-late 项目计划!B6", "schedule.overdue 项目计划!E7"]);
  });

  test("numbered payment groups, amounts as text, a dash typed as 一, a separate 收款计划表", async () => {
    const r = await check("groups", fx.contractGroups());
    expect(found(r)).toEqual([
      "contract.notice-late 合同执行情况表!I3",
      "contract.payment-overdue 合同执行情况表!Q3",
      "contract.delivery-due-soon 合同执行情况表!J4",
      "contract.payment-overdue 合同执行情况表!Q4",
      "contract.report-overdue 合同执行情况表!X4",
      "contract.payments-mismatch 合同执行情况表!F5",
      "row.unknown-contract 收款计划表!A4",
    ]);
    expect(message(r, "contract.notice-late")).toBe(
      "合同 HT-2026-010 签订于 2026-02-13，项目实施通知应不晚于 2026-02-24 发布，实际 2026-02-26",
    );
    expect(message(r, "contract.payment-overdue", "Q4")).toBe(
      "合同 HT-2026-011 第 2 期款应于 2026-11-20 收款 400,000.00 元，已收 0.00 元，未收 400,000.00 元，已逾期 3 天",
    );
    expect(message(r, "contract.payments-mismatch")).toBe(
      "合同 HT-2026-012 的收款计划（2 个节点）合计 145,000.00 元，合同金额 150,000.00 元，相差 5,000.00 元",
    );
    expect(message(r, "row.unknown-contract")).toBe("第 4 行的合同编号 HT-2026-099 在合同执行情况表中不存在");
    // HT-2026-011 was dunned the day after its node fell due: no second notice.
    expect(r.notices.map((n) => [n.type, n.key])).toEqual([["催款通知单", "HT-2026-010#2"]]);
  });

  test("fractions without a % format, a task named =需求评审, formula results that are errors", async () => {
    const r = await check("formulas", fx.formulasAndFractions());
    expect(found(r)).toEqual([
      "schedule.overdue 进度计划表!E3",
      "cell.date-invalid 进度计划表!D4",
      "cell.date-invalid 进度计划表!E4",
    ]);
    expect(message(r, "schedule.overdue")).toBe(
      "任务「T02 概要设计」计划于 2026-11-13 完成，已逾期 10 天仍未完成",
    );
    expect(message(r, "cell.date-invalid", "E4")).toBe(
      "「计划完成时间」的值“#N/A”不是一个有效日期（公式结果为错误值）",
    );
  });

  test("whole-number percents; one out of range is reported once and read as nothing else", async () => {
    const r = await check("percents", fx.wholePercents());
    expect(found(r)).toEqual(["schedule.overdue 进度计划表!E3", "cell.percent-range 进度计划表!G4"]);
  });

  test("prose, a hidden list sheet, a 通讯录 and a pivot-like summary beside the plan", async () => {
    const r = await check("extra", fx.extraSheets());
    expect(r.tables.map((t) => t.sheet)).toEqual(["进度计划表"]);
    // 通讯录 and 汇总 are data that match no kind (SPEC: info); 说明 is prose, 下拉选项 hidden.
    expect(found(r)).toEqual(["table.not-recognized 通讯录", "table.not-recognized 汇总"]);
  });

  test("a used range blown out to XFD1048576 by one stray formatted cell", async () => {
    const r = await check("blown", fx.blownOutRange());
    expect(found(r)).toEqual(["schedule.overdue 进度计划表!E4"]);
  });

  test("a contract merged over two rows, one 应收 node per row", async () => {
    const r = await check("merged-contract", fx.mergedContractRows());
    expect(found(r)).toEqual(["contract.payment-overdue 合同台账!H3"]);
    expect(message(r, "contract.payment-overdue")).toBe(
      "合同 HT-2026-101 应收款应于 2026-11-16 收款 200,000.00 元，已收 50,000.00 元，未收 150,000.00 元，已逾期 7 天",
    );
  });

  test.each(Object.entries(fx.FIXTURES))(
    "%s: every message reads whole in both languages",
    async (name, make) => {
      await expectReadable(name, make());
    },
  );
});
