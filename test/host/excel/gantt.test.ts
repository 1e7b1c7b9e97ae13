/**
 * The Gantt band through the Office.js host, on the strict fake: the same seven custom rules over
 * one range as in the .xlsx file, live formulas on the user's dates, and clear leaving the sheet
 * empty, rule-free and hidden.
 */

import { runApply, runClear } from "../../../src/app/apply";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../../src/app/sample";
import { ganttRules } from "../../../src/core/plan/gantt";
import { fakeFromSnapshot } from "./fake-excel";
import { host } from "./measure";

const NOW = new Date("2026-11-23T02:00:00Z");

describe("the Gantt band on the Office.js host", () => {
  it("adds seven custom rules over one range and live dates; clear empties and hides it", async () => {
    const model = fakeFromSnapshot(sampleWorkbook());
    const outcome = await runApply(host(model).host, {
      lang: "zh",
      normalize: false,
      user: "测试",
      now: NOW,
      asOf: SAMPLE_AS_OF,
      gantt: "week",
    });
    const [g] = outcome.gantt;
    const band = model.sheet(g.sheet)!;
    expect(band.visibility).toBe("Visible");
    expect(band.cfs.map((c) => [c.type, c.formula, c.stopIfTrue])).toEqual(
      ganttRules("week").map((r) => ["Custom", `=${r.formula}`, true]),
    );
    expect(new Set(band.cfs.map((c) => JSON.stringify(c.ranges)))).toHaveProperty("size", 1);
    expect(band.cells.get(4)?.get(4)?.formula).toMatch(/^=IF\(ISNUMBER\('进度计划表'!\$[A-Z]+\$\d+\),/);

    // Applied twice: still seven rules, one sheet.
    await runApply(host(model).host, {
      lang: "zh",
      normalize: false,
      user: "测试",
      now: NOW,
      asOf: SAMPLE_AS_OF,
      gantt: "week",
    });
    expect(model.sheet(g.sheet)!.cfs).toHaveLength(7);
    expect(model.sheets.filter((s) => s.name.includes("甘特图"))).toHaveLength(1);

    await runClear(host(model).host, { lang: "zh", user: "测试", now: NOW });
    const cleared = model.sheet(g.sheet)!;
    expect([cleared.visibility, cleared.cfs.length]).toEqual(["Hidden", 0]);
    const values = [...cleared.cells.values()].flatMap((row) => [...row.values()]);
    expect(values.filter((c) => c.value !== "" || c.formula !== undefined)).toEqual([]);
  });
});
