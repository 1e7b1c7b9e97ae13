/**
 * Apply on very large workbooks: the 校验报告 lists at most REPORT_LIMIT findings and says how many
 * it leaves out and where to get them all; a plan with hundreds of thousands of operations is built.
 */

import { sampleWorkbook } from "../../../src/app/sample";
import { isoToSerial } from "../../../src/core/dates";
import type { Finding } from "../../../src/core/findings";
import type { PatchOp, SheetContent } from "../../../src/core/patch";
import { ownFormat } from "../../../src/core/own-format";
import { planApply, planClear } from "../../../src/core/plan";
import { listedFindings, REPORT_LIMIT } from "../../../src/core/plan/report";
import { fmt, sheet, workbook } from "../../helpers/snapshot-builder";
import { OPTS } from "./options";

function report(ops: PatchOp[]): SheetContent {
  const w = ops.find((o) => o.op === "writeSheet" && o.sheet === "校验报告");
  if (!w || w.op !== "writeSheet") throw new Error("no 校验报告");
  return w.content;
}

describe("校验报告 with more findings than it lists", () => {
  test("lists the first ones errors first, counts them all, and says how many are left out and where", () => {
    const all = planApply(sampleWorkbook(), OPTS);
    const errors = all.result.findings.filter((f) => f.severity === "error").length;
    expect(errors).toBeGreaterThan(2);
    const limit = errors + 2;
    const { patch, result, reportOmitted } = planApply(sampleWorkbook(), { ...OPTS, reportLimit: limit });
    const c = report(patch.ops);
    // The finding rows are numbered; the reviewer's signature line follows them.
    const listed = c.rows.slice(7).filter((r) => typeof r[0]?.v === "number");
    expect(listed).toHaveLength(limit);
    // Every error is listed, then two warnings; in the report's sheet-and-row order.
    expect(listed.filter((r) => r[1]?.v === "错误")).toHaveLength(errors);
    expect(listed.filter((r) => r[1]?.v === "警告")).toHaveLength(2);
    expect(listed.map((r) => r[0]?.v)).toEqual(listed.map((_, i) => i + 1));
    // The counts still count every finding.
    expect(c.rows[2]?.[1]?.v).toBe(`错误 ${result.summary.errors}`);
    const omitted = result.findings.length - limit;
    expect(reportOmitted).toBe(omitted);
    const note = String(c.rows[2]?.[4]?.v);
    expect(note).toContain(`只列出 ${limit} 条`);
    expect(note).toContain(`另有 ${omitted} 条未列出`);
    expect(note).toContain("ptrack check");
    expect(note).toContain("--json");
    expect(c.merges).toContainEqual({ r1: 3, c1: 5, r2: 3, c2: 8 });
    expect(c.tables?.[0]?.range).toEqual({ r1: 7, c1: 1, r2: 7 + limit, c2: 8 });
    expect(all.reportOmitted).toBe(0);
    expect(report(all.patch.ops).rows[2]).toHaveLength(4);
  });

  test("in English too", () => {
    const { patch, result } = planApply(sampleWorkbook(), { ...OPTS, lang: "en", reportLimit: 3 });
    expect(String(report(patch.ops).rows[2]?.[4]?.v)).toBe(
      `The list below shows 3 findings (errors first); ${result.findings.length - 3} more are not listed. ` +
        "For all of them run ptrack check FILE --json, or open the 校验 page of the task pane.",
    );
  });

  test(`the default lists ${REPORT_LIMIT} findings: errors first, then warnings`, () => {
    const f = (i: number, severity: Finding["severity"]): Finding => ({
      rule: "schedule.overdue",
      severity,
      sheet: "s",
      row: i,
      args: {},
    });
    const findings = Array.from({ length: REPORT_LIMIT + 500 }, (_, i) =>
      f(i, i % 3 === 0 ? "error" : i % 3 === 1 ? "info" : "warning"),
    );
    const listed = listedFindings(findings);
    const count = (list: Finding[], sev: Finding["severity"]) =>
      list.filter((x) => x.severity === sev).length;
    expect(listed).toHaveLength(REPORT_LIMIT);
    expect(count(listed, "error")).toBe(count(findings, "error"));
    expect(count(listed, "warning")).toBe(count(findings, "warning"));
    expect(count(listed, "info")).toBe(REPORT_LIMIT - count(findings, "error") - count(findings, "warning"));
    expect(listed.map((x) => x.row)).toEqual([...listed.map((x) => x.row ?? 0)].sort((a, b) => a - b));
  });
});

test("a plan of more operations than a call can take arguments (~120,000) is built", () => {
  // Every other date and percentage cell already formatted: each General one is a format run of its own.
  const D = isoToSerial("2026-11-02");
  const rows = Array.from({ length: 70_000 }, (_, i) => {
    const f = (v: number, code: string) => (i % 2 ? fmt(v, code) : v);
    return [
      `${i + 1}`,
      "任务",
      "张三",
      f(D, "yyyy-mm-dd"),
      f(D + 3, "yyyy-mm-dd"),
      f(D + 2, "yyyy-mm-dd"),
      f(1, "0%"),
    ];
  });
  const wb = workbook(
    sheet("计划", [["WBS编码", "任务名称", "负责人", "计划开始", "计划完成", "实际完成", "完成率"], ...rows]),
  );
  const { patch } = planApply(wb, { ...OPTS, notices: false });
  expect(patch.ops.filter((o) => o.op === "setNumberFormat").length).toBeGreaterThan(130_000);
}, 300_000);

test("clear plans the format resets of a whole large applied schedule", () => {
  // Every other cell carries the product's date format: each is a reset run of its own.
  const rows = Array.from({ length: 280_000 }, (_, i) => [
    i % 2 ? fmt(46000, ownFormat("yyyy-mm-dd")) : 46000,
  ]);
  const { ops } = planClear(workbook(sheet("计划", rows)), {
    now: "2026-11-23 10:00:00",
    user: "u",
    lang: "zh",
  });
  expect(ops.filter((o) => o.op === "setNumberFormat").length).toBe(140_000);
});
