/**
 * The 基线 variance as the page gets it from the worker: the counts of every task and only the
 * first moved tasks, so the page's work does not grow with the plan.
 */
import { varianceCounts, type TaskVariance } from "../../src/core/baseline";
import { LISTED_VARIANCE, pageReport } from "../../src/taskpane/findings-query";
import type { PaneReport } from "../../src/taskpane/jobs";

function variance(n: number): TaskVariance[] {
  const statuses = ["same", "changed", "same", "added", "removed", "changed"] as const;
  return Array.from({ length: n }, (_, i) => ({
    sheet: "进度计划表",
    key: String(i + 1),
    task: `任务${i + 1}`,
    status: statuses[i % statuses.length],
    finishVariance: i % 4 === 1 ? 3 : i % 4 === 3 ? -2 : 0,
  }));
}

test("counts are those of the whole variance, counted one by one", () => {
  const all = variance(3000);
  const moved = all.filter((v) => v.status !== "same");
  expect(varianceCounts(all)).toEqual({
    moved: moved.length,
    changed: moved.filter((v) => v.status === "changed").length,
    later: moved.filter((v) => (v.finishVariance ?? 0) > 0).length,
    added: moved.filter((v) => v.status === "added").length,
    removed: moved.filter((v) => v.status === "removed").length,
  });
});

test("the page gets the first moved tasks in order and the counts of all 3,000", () => {
  const all = variance(3000);
  const report = {
    findings: [],
    notices: [],
    baseline: { saved: [], compared: "基线", variance: all },
  } as unknown as PaneReport;
  const page = pageReport(report, 1);
  const moved = all.filter((v) => v.status !== "same");
  expect(page.baseline!.variance).toEqual(moved.slice(0, LISTED_VARIANCE));
  expect(page.baseline!.counts).toEqual(varianceCounts(all));
  expect(page.baseline!.counts!.moved).toBeGreaterThan(LISTED_VARIANCE);
});
