/**
 * What a host could not do as planned reaches the use-case's outcome and a row of 操作日志, so a
 * user (and an auditor) can see it: an Excel without ExcelApi 1.9 cannot set page layout.
 */

import { runApply } from "../../src/app/apply";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../src/app/sample";
import { LOG_SHEET } from "../../src/core/plan/log";
import { fakeFromSnapshot } from "../host/excel/fake-excel";
import { host } from "../host/excel/measure";

const NOW = new Date("2026-11-23T02:00:00Z");

describe("host notes", () => {
  it("an older Excel's skipped page layout is in the outcome and in 操作日志", async () => {
    const model = fakeFromSnapshot(sampleWorkbook());
    model.apiMinor = 8;
    const { host: h } = host(model);
    const outcome = await runApply(h, {
      asOf: SAMPLE_AS_OF,
      lang: "zh",
      normalize: false,
      user: "李娜",
      now: NOW,
    });
    expect(outcome.hostNotes.length).toBeGreaterThan(0);
    expect(new Set(outcome.hostNotes.map((n) => n.code))).toEqual(new Set(["feature-unsupported"]));
    expect(outcome.hostNotes.map((n) => n.sheet)).toContain("校验报告");

    const log = model.sheet(LOG_SHEET)!;
    const rows = [...log.cells.keys()]
      .sort((a, b) => a - b)
      .map((r) => [1, 2, 3, 7].map((c) => log.cell(r, c)?.value));
    expect(rows.at(-2)).toEqual(["2026-11-23 10:00:00", "李娜", "应用", expect.any(String)]);
    expect(rows.at(-1)).toEqual([
      "2026-11-23 10:00:00",
      "李娜",
      "应用说明",
      expect.stringContaining("校验报告：此版本 Excel 不支持 pageSetup (ExcelApi 1.9)，已略过"),
    ]);
    // The log table grew over both rows.
    const last = Math.max(...log.cells.keys());
    expect(log.tables[0].range.r2).toBe(last);
  });

  it("a host that did all as planned adds no row", async () => {
    const model = fakeFromSnapshot(sampleWorkbook());
    const { host: h } = host(model);
    const outcome = await runApply(h, {
      asOf: SAMPLE_AS_OF,
      lang: "zh",
      normalize: false,
      user: "李娜",
      now: NOW,
    });
    expect(outcome.hostNotes).toEqual([]);
    const log = model.sheet(LOG_SHEET)!;
    expect([...log.cells.keys()].filter((r) => log.cell(r, 3)?.value === "应用说明")).toEqual([]);
  });
});
