/**
 * A 工程表 whose every task takes two lines, its name (and owner) merged over both: the plan's dates on
 * the first line, the actual dates (実績) under them on the second, a Gantt grid to the right. The
 * second line is the task's actual, not a task of its own.
 */
import { analyseWorkbook } from "../../src/core/check";
import { recheck, startLive } from "../../src/core/live";
import type { IsoDate } from "../../src/core/dates";
import { isoToSerial } from "../../src/core/dates";
import type { PatchOp, SheetContent } from "../../src/core/patch";
import { planApply } from "../../src/core/plan";
import { recognise } from "../../src/core/recognise";
import { OPTS } from "./plan/options";
import { d, put, sheet, workbook } from "../helpers/snapshot";
import { check, letters, messages, only } from "../helpers/recognition";

/** Rows 5–10: three tasks on two lines each; the grid's day numbers over E:H. */
function plan(merged: "all" | "one" | "none" = "all") {
  const rows = [
    ["工程表"],
    [],
    [],
    ["工程名", "担当", "開始日", "終了日", 1, 2, 3, 4],
    // Finished on time.
    ["基本設計", "森", d("2026-11-02"), d("2026-11-06"), "○"],
    [null, null, d("2026-11-02"), d("2026-11-06"), "○"],
    // Finished, a week late.
    ["詳細設計", "林", d("2026-11-09"), d("2026-11-13"), null, "○"],
    [null, null, d("2026-11-09"), d("2026-11-20"), null, "△"],
    // Started, not finished: overdue on 2026-11-23.
    ["実装", "原", d("2026-11-16"), d("2026-11-20"), null, null, "○"],
    [null, null, d("2026-11-17"), null, null, null, "△"],
  ];
  const all = ["A5:A6", "B5:B6", "A7:A8", "B7:B8", "A9:A10", "B9:B10"];
  const merges = merged === "all" ? all : merged === "one" ? all.slice(0, 2) : [];
  return workbook(sheet("2026年11月", rows, { merges }));
}

describe("tasks on a plan line over an actual line, the name merged over both", () => {
  test("the second lines are no tasks: three tasks, no 担当 or name missing on them", () => {
    const wb = plan();
    const t = only(wb);
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "A", owner: "B", planStart: "C", planEnd: "D" });
    expect(t.dataRows).toEqual([5, 7, 9]);
    expect(t.actualRows).toEqual({ 6: 5, 8: 7, 10: 9 });
    const r = check(wb);
    expect(messages(r, "cell.required")).toEqual([]);
  });

  test("the second line's dates are the task's actual: a task done late is no longer overdue, one unfinished is", () => {
    const r = check(plan());
    expect(messages(r, "schedule.overdue")).toEqual([expect.stringContaining("実装")]);
    expect(messages(r, "schedule.overdue")[0]).toMatch(/^D9: /);
  });

  test("without the merge, or with one task merged alone, each line is a row as before", () => {
    for (const wb of [plan("none"), plan("one")]) {
      const t = recognise(wb).tables[0];
      expect(t.actualRows).toBeUndefined();
      expect(t.dataRows).toContain(6);
    }
  });

  test("an actual date typed on a second line is checked at once as a full check would", () => {
    const opts = { asOf: "2026-11-23" as IsoDate };
    const wb = plan();
    const a = analyseWorkbook(wb, opts);
    expect(a.result.findings.filter((f) => f.rule === "schedule.overdue")).toHaveLength(1);
    const live = startLive(wb, a, opts)!;
    // 実装 finished on 2026-11-21.
    const got = recheck(live, [
      { sheet: "2026年11月", r1: 10, c1: 4, r2: 10, c2: 4, cells: [[d("2026-11-21")]] },
    ]);
    const done = plan();
    put(done.sheets[0], "D10", d("2026-11-21"));
    const full = analyseWorkbook(done, opts);
    expect(full.result.findings.filter((f) => f.rule === "schedule.overdue")).toEqual([]);
    // Checked again at once, or handed to a full check: either way what the full check says.
    const seen = got ?? analyseWorkbook(live.wb, opts);
    expect(seen.result.findings.map((f) => JSON.stringify(f)).sort()).toEqual(
      full.result.findings.map((f) => JSON.stringify(f)).sort(),
    );
  });

  test("the normalised copy has one row per task, the actual start and end beside the plan's", () => {
    const { patch } = planApply(plan(), { ...OPTS, normalize: true });
    const w = patch.ops.find(
      (o): o is Extract<PatchOp, { op: "writeSheet" }> =>
        o.op === "writeSheet" && o.sheet === "2026年11月（整理）",
    );
    const rows = (w?.content as SheetContent).rows;
    expect(rows[0]?.slice(0, 6).map((c) => c?.v)).toEqual([
      "任务名称",
      "负责人",
      "计划开始",
      "计划完成",
      "实际开始",
      "实际完成",
    ]);
    expect(rows.slice(1).map((r) => [r?.[0]?.v, r?.[4]?.v, r?.[5]?.v ?? null])).toEqual([
      ["基本設計", isoToSerial("2026-11-02"), isoToSerial("2026-11-06")],
      ["詳細設計", isoToSerial("2026-11-09"), isoToSerial("2026-11-20")],
      ["実装", isoToSerial("2026-11-17"), null],
    ]);
  });
});
