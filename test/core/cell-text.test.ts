/**
 * A text the product writes never passes Excel's 32,767 characters per cell: it is cut in the
 * patch the core plans, with a visible mark, so every host writes the same valid cell.
 */

import { fitCellText, MAX_CELL_TEXT } from "../../src/core/cell-text";
import type { CellWrite, PatchOp } from "../../src/core/patch";
import { planApply } from "../../src/core/plan";
import { sheet, workbook } from "../helpers/snapshot-builder";
import { d as date } from "../helpers/snapshot";

/** Every text a patch op writes. */
function texts(op: PatchOp): string[] {
  const of = (w: CellWrite | null) => (w && typeof w.v === "string" ? [w.v] : []);
  if (op.op === "setValues") return op.cells.flatMap((c) => of(c.write));
  if (op.op === "appendRows") return op.rows.flat().flatMap(of);
  if (op.op === "writeSheet") return op.content.rows.flat().flatMap(of);
  return [];
}

test("a finding quoting a huge cell is cut in the 校验报告 the core plans, with its mark", () => {
  const huge = "下周" + "很".repeat(32_758);
  const wb = workbook(
    sheet("进度计划表", [
      ["序号", "任务名称", "负责人", "计划开始", "计划完成", "状态"],
      [1, "现场勘察", "张伟", date("2026-10-01"), huge, "进行中"],
      [2, "需求确认", "王芳", date("2026-10-05"), date("2026-11-10"), "进行中"],
    ]),
  );
  const { patch } = planApply(wb, {
    today: "2026-11-23",
    now: "2026-11-23 10:00:00",
    user: "张三",
    lang: "zh",
    normalize: false,
  });
  const all = patch.ops.flatMap(texts);
  expect(Math.max(...all.map((t) => t.length))).toBeLessThanOrEqual(MAX_CELL_TEXT);
  const cut = all.filter((t) => t.endsWith("…（已截断）"));
  expect(cut.length).toBeGreaterThan(0);
  expect(cut.every((t) => t.length === MAX_CELL_TEXT)).toBe(true);
});

test("the cut never splits a character made of two UTF-16 units", () => {
  const text = "a".repeat(MAX_CELL_TEXT - 8) + "😀".repeat(10);
  const cut = fitCellText(text, "en");
  expect(cut.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  expect(cut.endsWith("… (truncated)")).toBe(true);
  expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
  expect(fitCellText("短", "zh")).toBe("短");
});
