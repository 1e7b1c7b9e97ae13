/** The （整理） copy of a plan whose task names are indented across columns: where a sub-item's cell lands. */

import { analyseWorkbook } from "../../../src/core/check";
import { copiedCell, planStructure } from "../../../src/core/plan/structure";
import { indentedPlan } from "../../helpers/indented-plan";

test("a mark on a sub-item's cell lands on the copy's task column, on that task's row", () => {
  const wb = indentedPlan();
  const { tables } = analyseWorkbook(wb, { asOf: "2026-11-23" });
  const { copies } = planStructure(wb, tables, {
    lang: "zh",
    tableNames: new Set(),
    sheetNames: new Set(["sheet1"]),
  });
  const [copy] = copies;
  expect(copy.sheet).toBe("Sheet1（整理）");
  // Task column first, then 负责人, 计划开始, 计划完成: the sub-item columns are not copied.
  expect(copiedCell(copy, 3, 2)).toEqual({ r: 3, c: 1 });
  expect(copiedCell(copy, 5, 3)).toEqual({ r: 5, c: 1 });
  expect(copiedCell(copy, 5, 6)).toEqual({ r: 5, c: 4 });
});
