/**
 * `apply` on a plan with phases across columns, read back by openpyxl: the （整理） copy holds one
 * row per row × phase with a 阶段 column, a second apply writes the same copy, the error marks
 * land on the copy's cells of the phase they are about, and the user's sheet stays as it was.
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliRunner } from "../helpers/cli";
import { openpyxlSheets } from "../helpers/second-readers";
import { writeXlsx } from "../helpers/workbook";
import { PHASE_HEADER, PHASE_MERGES, PHASE_ROWS } from "../helpers/phase-plan";

const dir = mkdtempSync(join(tmpdir(), "ptrack-phases-"));
const run = cliRunner(undefined, ["--today", "2026-11-23"]);

const ROWS = [...PHASE_HEADER, ...PHASE_ROWS];
const MERGES = PHASE_MERGES;

/** The cells the error mark covers on a sheet, as openpyxl reads the conditional formats. */
function markedCells(file: string, sheet: string): string[] {
  const script = `
import json, sys, openpyxl
from openpyxl.utils.cell import range_boundaries, get_column_letter
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
out = []
for cf in ws.conditional_formatting:
    if not any("标记" in (r.formula[0] if r.formula else "") for r in cf.rules):
        continue
    for rng in str(cf.sqref).split():
        c1, r1, c2, r2 = range_boundaries(rng)
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                out.append(get_column_letter(c) + str(r))
print(json.dumps(sorted(out)))
`;
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", script, file, sheet], { encoding: "utf8" }));
}

describe("apply on a plan with phases across columns", () => {
  const input = join(dir, "plan.xlsx");
  const once = join(dir, "plan.once.xlsx");
  const twice = join(dir, "plan.twice.xlsx");
  let first: { code: number; out: string; err: string };
  let second: { code: number; out: string; err: string };
  beforeAll(async () => {
    await writeXlsx(input, [{ name: "Sheet1", rows: ROWS, merges: MERGES }]);
    first = await run("apply", input, "-o", once);
    second = await run("apply", once, "-o", twice);
  }, 60_000);

  it("tells the user the phases and the tasks they make", () => {
    expect(first.err).toBe("");
    expect(first.out).toContain("表头第 3–4 行，数据第 5–8 行（4 行）");
    expect(first.out).toContain(
      "阶段: 需求（C–D）、设计（E–F）、开发（G–H）、测试（I–J），共 11 项任务（每行每阶段一项）",
    );
  });

  it("gives scripts the two header rows and the phases in check --json", async () => {
    const r = await run("check", input, "--json");
    const [t] = JSON.parse(r.out).tables;
    expect([t.headerRow, t.headerRows, t.firstRow, t.tasks]).toEqual([4, 2, 5, 11]);
    expect(t.phases.map((p: { name: string }) => p.name)).toEqual(["需求", "设计", "开发", "测试"]);
  });

  it("writes one row per row × phase with a 阶段 column, 模块 filled down, empty phases left out", () => {
    expect(openpyxlSheets(once).get("Sheet1（整理）")).toEqual([
      ["模块", "任务名称", "阶段", "计划开始", "计划完成", "负责人", "完成率", "原行号"],
      ["订单管理", "订单管理 · 下单 · 需求", "需求", "2026-09-01", "2026-09-10", "张一", "0.4", "5"],
      ["订单管理", "订单管理 · 下单 · 设计", "设计", "2026-09-08", "2026-09-20", "张一", "0.4", "5"],
      ["订单管理", "订单管理 · 下单 · 开发", "开发", "2026-09-21", "2026-10-30", "张一", "0.4", "5"],
      ["订单管理", "订单管理 · 下单 · 测试", "测试", "2026-11-02", "2026-12-10", "张一", "0.4", "5"],
      ["订单管理", "订单管理 · 退单 · 需求", "需求", "2026-09-01", "2026-09-05", "王二", "1", "6"],
      ["订单管理", "订单管理 · 退单 · 开发", "开发", "2026-09-06", "2026-09-30", "王二", "1", "6"],
      ["订单管理", "订单管理 · 退单 · 测试", "测试", "2026-10-08", "2026-10-20", "王二", "1", "6"],
      ["支付管理", "支付管理 · 对账 · 需求", "需求", "2026-09-10", "2026-09-20", "", "0.2", "7"],
      ["支付管理", "支付管理 · 对账 · 设计", "设计", "2026-09-05", "2026-09-25", "", "0.2", "7"],
      ["支付管理", "支付管理 · 对账 · 开发", "开发", "2026-10-10", "2026-10-01", "", "0.2", "7"],
      ["支付管理", "支付管理 · 开票", "", "", "", "赵六", "0", "8"],
    ]);
  });

  it("marks each error on the copy's cell of the phase it is about", () => {
    // 对账's 设计 starts before its 需求 (E7), its 开发 ends before it starts (H7), it has no
    // 负责人 (K7, once); 开票 has no plan at all (C8, D8). Overdue phases are marked at their end:
    // 下单's 需求, 设计, 开发 (D5, F5, H5) and 对账's (D7, F7, H7), not 下单's 测试 nor 退单's.
    expect(first.out).toContain("E7");
    expect(first.out).toContain("H7");
    expect(markedCells(once, "Sheet1（整理）")).toEqual(
      ["D10", "D12", "E2", "E3", "E4", "E9", "E10", "E11", "E12", "F9"].sort(),
    );
  });

  it("writes the same copy again on a second apply, and leaves the user's sheet as it was", () => {
    expect(second.code).toBe(first.code);
    expect(openpyxlSheets(twice).get("Sheet1（整理）")).toEqual(openpyxlSheets(once).get("Sheet1（整理）"));
    expect(markedCells(twice, "Sheet1（整理）")).toEqual(markedCells(once, "Sheet1（整理）"));
    expect([...openpyxlSheets(twice).keys()].filter((s) => s.startsWith("Sheet1"))).toEqual([
      "Sheet1",
      "Sheet1（整理）",
    ]);
    const user = (f: string) => openpyxlSheets(f).get("Sheet1");
    expect(user(once)).toEqual(user(input));
    expect(user(twice)).toEqual(user(input));
    expect(markedCells(once, "Sheet1")).toEqual([]);
  });
});
