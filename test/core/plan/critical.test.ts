import type { PatchOp } from "../../../src/core/patch";
import { planApply } from "../../../src/core/plan";
import { rangeRef } from "../../../src/core/snapshot";
import { sheet, workbook, type CellInput } from "../../helpers/snapshot-builder";
import { OPTS } from "./options";

type CfOp = Extract<PatchOp, { op: "addConditionalFormats" }>;
const criticalOf = (ops: PatchOp[]) =>
  ops.filter(
    (o): o is CfOp => o.op === "addConditionalFormats" && o.rules.some((r) => r.formula.includes("关键")),
  );

/**
 * n tasks of one week each in a finish-to-start chain from Mon 2026-11-30, and beside each a
 * short task with float (its own week, nothing after it, ending on the chain's last day).
 */
function chainWorkbook(n: number) {
  const rows: CellInput[][] = [
    ["WBS编码", "任务名称", "负责人", "计划开始", "计划完成", "实际完成", "完成率", "前置任务"],
  ];
  for (let i = 1; i <= n; i++) {
    rows.push([`${i}`, `任务${i}`, "张三", null, null, null, null, i > 1 ? `${i - 1}` : null]);
  }
  return rows;
}

function dated(rows: CellInput[][]): CellInput[][] {
  // Week i: Monday … Friday, from 2026-11-30 (the week of 12-28 has no holiday in 2026).
  return rows.map((r, i) => {
    if (i === 0) return r;
    const monday = new Date(Date.UTC(2026, 10, 30 + 7 * (i - 1)));
    const friday = new Date(monday.getTime() + 4 * 86_400_000);
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const out = [...r];
    out[3] = iso(monday);
    out[4] = iso(friday);
    return out;
  });
}

describe("critical tasks highlighted live", () => {
  test("one rule over the critical tasks' names, true while the task is not done", () => {
    const rows = dated(chainWorkbook(4));
    // A task off the path: 1 week, no successor, ends before the chain's last week.
    rows.push(["5", "文档", "李四", "2026-12-07", "2026-12-11", null, null, "1"]);
    const { patch } = planApply(workbook(sheet("进度计划表", rows)), OPTS);
    const [op] = criticalOf(patch.ops);
    expect(op.sheet).toBe("进度计划表");
    expect(op.ranges.map(rangeRef)).toEqual(["B2:B5"]);
    expect(op.rules).toEqual([
      {
        formula: 'AND($F2="",N($G2)<1,N("项目跟踪:关键")=0)',
        fontColor: "C00000",
        bold: true,
      },
    ]);
  });

  test("the rule count does not grow with the tasks", () => {
    const count = (n: number) => {
      const { patch } = planApply(workbook(sheet("进度计划表", dated(chainWorkbook(n)))), OPTS);
      return criticalOf(patch.ops).reduce((k, o) => k + o.rules.length, 0);
    };
    expect(count(3)).toBe(1);
    expect(count(40)).toBe(1);
  });

  test("a schedule without predecessors gets no critical rule", () => {
    const rows = dated(chainWorkbook(3)).map((r) => r.slice(0, 7));
    expect(criticalOf(planApply(workbook(sheet("进度计划表", rows)), OPTS).patch.ops)).toEqual([]);
  });
});
