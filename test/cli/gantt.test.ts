/**
 * `apply --gantt` on a real .xlsx, read back by openpyxl and LibreOffice: the band is a sheet of
 * the product's with seven formula rules and their styles, its dates are live references LibreOffice
 * computes, the user's schedule (cells and print setup) is exactly as it was, and `clear` empties
 * and hides the band.
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliRunner } from "../helpers/cli";
import { libreOfficeSheets, openpyxlSheets } from "../helpers/second-readers";
import { writeXlsx } from "../helpers/workbook";

const dir = mkdtempSync(join(tmpdir(), "ptrack-gantt-"));
const run = cliRunner(undefined, ["--today", "2026-11-23"]);

/** The print setup of every sheet and the Gantt sheet's rules, as openpyxl reads them. */
function inspect(file: string): {
  print: Record<string, unknown>;
  states: Record<string, string>;
  rules: Record<string, Array<{ formula: string; fill: string | null; stop: boolean }>>;
} {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"print": {}, "states": {}, "rules": {}}
for ws in wb.worksheets:
    ps = ws.page_setup
    out["print"][ws.title] = {
        "orientation": ps.orientation, "paper": ps.paperSize, "fitToWidth": ps.fitToWidth,
        "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
        "area": ws.print_area, "titles": ws.print_title_rows,
        "margins": [ws.page_margins.left, ws.page_margins.top],
    }
    out["states"][ws.title] = ws.sheet_state
    rules = []
    for cf in ws.conditional_formatting:
        for r in cf.rules:
            fill = r.dxf.fill.fgColor.rgb if r.dxf and r.dxf.fill is not None and r.dxf.fill.fgColor is not None else None
            rules.append({"range": str(cf.sqref), "formula": r.formula[0], "fill": fill, "stop": bool(r.stopIfTrue)})
    out["rules"][ws.title] = rules
print(json.dumps(out, ensure_ascii=False, default=str))
`;
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" }));
}

/** Gives the user's schedule a print setup of its own, as a user would in Excel. */
function setPrint(file: string): void {
  const script = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["进度计划表"]
ws.page_setup.orientation = "portrait"
ws.page_setup.paperSize = ws.PAPERSIZE_A3
ws.page_setup.fitToWidth = 1
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.print_area = "A1:H6"
ws.print_title_rows = "1:1"
ws.page_margins.left = 1.1
wb.save(sys.argv[1])
`;
  execFileSync("/usr/bin/python3", ["-c", script, file]);
}

const HEAD = ["WBS", "任务名称", "负责人", "计划开始", "计划完成", "实际开始", "实际完成", "完成率"];

describe("apply --gantt on an .xlsx", () => {
  const input = join(dir, "plan.xlsx");
  const applied = join(dir, "plan.applied.xlsx");
  const cleared = join(dir, "plan.cleared.xlsx");
  let apply: { code: number; out: string; err: string };
  let clear: { code: number; out: string; err: string };
  beforeAll(async () => {
    await writeXlsx(input, [
      {
        name: "进度计划表",
        rows: [
          HEAD,
          [
            "1",
            "调研",
            "张三",
            { date: "2026-09-20" },
            { date: "2026-09-25" },
            null,
            { date: "2026-09-25" },
            100,
          ],
          ["2", "联调", "李四", { date: "2026-09-21" }, { date: "2026-10-08" }, null, null, 30],
          ["3", "部署", "王五", { date: "2026-09-28" }, { date: "2026-12-12" }, null, null, 50],
          ["4", "验收", "赵六", "2026年12月14日", { date: "2026-12-18" }, null, null, 0],
          ["5", "备注行", "", null, null, null, null, null],
        ],
      },
    ]);
    setPrint(input);
    apply = await run("apply", input, "-o", applied, "--gantt");
    clear = await run("clear", applied, "-o", cleared);
  }, 60_000);

  it("says where it drew the band and how many rules it took", () => {
    expect(apply.err).toBe("");
    expect(apply.out).toContain("甘特图已画在「进度计划表（甘特图）」：5 个任务 × 90 列，7 条条件格式。");
  });

  it("writes seven formula rules with their fills over one range, readable by openpyxl", () => {
    const got = inspect(applied);
    const rules = got.rules["进度计划表（甘特图）"];
    expect(rules).toHaveLength(7);
    expect(new Set(rules.map((r) => (r as unknown as { range: string }).range))).toEqual(new Set(["J2:CU8"]));
    expect(rules.map((r) => r.fill?.slice(-6))).toEqual([
      "C00000",
      "70AD47",
      "ED7D31",
      "5B9BD5",
      "FF6666",
      "FFE699",
      "D9D9D9",
    ]);
    expect(rules.every((r) => r.stop && r.formula.includes('N("项目跟踪:甘特'))).toBe(true);
    expect(got.states["进度计划表（甘特图）"]).toBe("visible");
  });

  it("leaves the user's schedule, its cells and its print setup, exactly as they were", () => {
    const before = inspect(input);
    const after = inspect(applied);
    expect(after.print["进度计划表"]).toEqual(before.print["进度计划表"]);
    expect(before.print["进度计划表"]).toMatchObject({ orientation: "portrait", fitToWidth: 1 });
    const cells = (f: string) => openpyxlSheets(f).get("进度计划表");
    expect(cells(applied)).toEqual(cells(input));
    expect(cells(cleared)).toEqual(cells(input));
    expect(inspect(cleared).print["进度计划表"]).toEqual(before.print["进度计划表"]);
  });

  it("opens in LibreOffice, which computes the live dates from the schedule", () => {
    const [lo] = libreOfficeSheets([applied]);
    const band = lo.get("进度计划表（甘特图）");
    expect(band?.[3]?.slice(0, 5)).toEqual(["1", "调研", "张三", "2026-09-20", "2026-09-25"]);
    // A text date is the value the check read (Excel could not compare the text).
    expect(band?.[6]?.slice(0, 5)).toEqual(["4", "验收", "赵六", "2026-12-14", "2026-12-18"]);
    // The band starts on the first date and marks the calendar: Sun 09-20 is a make-up working day.
    expect(band?.[1]?.slice(9, 16)).toEqual(["班", "一", "二", "三", "四", "休", "休"]);
  });

  it("clear empties the band and hides its sheet", () => {
    expect(clear.code).toBe(0);
    const got = inspect(cleared);
    expect(got.rules["进度计划表（甘特图）"]).toEqual([]);
    expect(got.states["进度计划表（甘特图）"]).toBe("hidden");
    expect(openpyxlSheets(cleared).get("进度计划表（甘特图）")?.flat().join("")).toBe("");
  });

  it("refuses a --gantt it does not know, in one sentence", async () => {
    const r = await run("apply", input, "-o", join(dir, "x.xlsx"), "--gantt=month");
    expect([r.code, r.err.split("\n")[0]]).toEqual([
      2,
      "--gantt 只能是 day（按日）、week（按周）或 off（关闭），收到「month」。",
    ]);
  });
});
