/**
 * A plan whose task names are indented across columns, the shape of a real one rebuilt with
 * invented values: 功能 heads A; sub-items sit in B (and a third level in C) with no header of
 * their own. Rows 2–5 are the outline; row 6 another item; row 7 a task with no name at any level.
 */

import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { sheet, snapshotRows, workbook } from "./snapshot";
import type { CellInput } from "./workbook";

const day = (iso: string) => ({ date: iso });

export const INDENTED_ROWS: CellInput[][] = [
  ["功能", null, null, "负责人", "计划开始", "计划完成"],
  ["客户档案", null, null, "周一", day("2026-09-01"), day("2026-09-30")],
  [null, "档案录入", null, "周一", day("2026-09-01"), day("2026-09-10")],
  [null, "档案查询", null, "吴二", day("2026-09-11"), day("2026-09-20")],
  [null, null, "按名称查询", "吴二", day("2026-09-11"), day("2026-09-15")],
  ["合同管理", null, null, "郑三", day("2026-10-08"), day("2026-10-30")],
  [null, null, null, "郑三", day("2026-10-08"), day("2026-10-12")],
];

/** The outline alone (rows 1–5), every row named. */
export const INDENTED_OUTLINE = INDENTED_ROWS.slice(0, 5);

export function indentedPlan(rows: CellInput[][] = INDENTED_ROWS): WorkbookSnapshot {
  return workbook(sheet("Sheet1", snapshotRows(rows)));
}
