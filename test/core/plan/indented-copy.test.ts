/** The （整理） copy of a plan whose task names are indented across columns: where a sub-item's cell lands. */

import { analyseWorkbook } from "../../../src/core/check";
import { copiedCell, planStructure } from "../../../src/core/plan/structure";
import { d, sheet, workbook } from "../../helpers/snapshot";

const plan = () =>
  workbook(
    sheet("Sheet1", [
      ["功能", null, null, "负责人", "计划开始", "计划完成"],
      ["客户档案", null, null, "周一", d("2026-09-01"), d("2026-09-30")],
      [null, "档案录入", null, "周一", d("2026-09-01"), d("2026-09-10")],
      [null, null, "按名称查询", "吴二", d("2026-09-11"), d("2026-09-15")],
    ]),
  );

test("a mark on a sub-item's cell lands on the copy's task column, on that task's row", () => {
  const wb = plan();
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
  expect(copiedCell(copy, 4, 3)).toEqual({ r: 4, c: 1 });
  expect(copiedCell(copy, 4, 6)).toEqual({ r: 4, c: 4 });
});
