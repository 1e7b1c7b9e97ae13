/**
 * Number formats through apply and clear, read back by openpyxl (a second reader): apply never
 * sets a format that hides a user's value, a number that cannot be an amount or a date typed as
 * 20261117 is a finding rather than an abort, and clear gives back every cell's own format
 * exactly (SPEC §8).
 */

import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliRunner } from "../helpers/cli";
import { writeXlsx } from "../helpers/workbook";

const PYTHON = "/usr/bin/python3";
const dir = mkdtempSync(join(tmpdir(), "ptrack-formats-"));

const run = cliRunner(undefined, ["--today", "2026-11-23"]);

/** Every cell's number format that is not General, per sheet, as openpyxl reads it. */
function formats(file: string): Record<string, Record<string, string>> {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    out[ws.title] = {c.coordinate: c.number_format for row in ws.iter_rows() for c in row if c.number_format != "General"}
print(json.dumps(out, ensure_ascii=False))
`;
  const r = spawnSync(PYTHON, ["-c", script, file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`openpyxl could not read ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, Record<string, string>>;
}

const SCHEDULE = ["WBS编码", "任务名称", "负责人", "计划开始", "计划完成", "实际完成", "完成率"];
const CONTRACTS = [
  "合同编号",
  "合同名称",
  "客户名称",
  "签订日期",
  "合同金额",
  "销售经理",
  "实施通知日期",
  "约定交货期",
];

describe("number formats through apply and clear", () => {
  let input: string;
  let applied: string;
  let cleared: string;
  let apply: { code: number; out: string; err: string };
  let clear: { code: number; out: string; err: string };
  beforeAll(async () => {
    input = join(dir, "book.xlsx");
    await writeXlsx(input, [
      {
        name: "进度计划表",
        rows: [
          SCHEDULE,
          // General serials, a General fraction: apply formats them, clear gives General back.
          ["1", "需求调研", "张三", 46328, 46332, 46332, 1],
          // 20261117 typed as a number: a finding, and no date format that would show ####.
          ["2", "方案设计", "李四", { date: "2026-11-09" }, 20261117, null, 0.5],
          // Blank cells, one the user formatted ahead: theirs stays.
          ["3", "系统部署", "王五", { date: "2026-11-16" }, { date: "2026-11-27" }, null, null],
          ["4", "用户培训", "赵六", "2026/11/30", { date: "2026-12-04" }, null, 0],
        ],
        numFmts: { F4: "yyyy/m/d", G4: "0.0%", D5: "@" },
      },
      {
        name: "合同执行情况表",
        rows: [
          CONTRACTS,
          ["HT-1", "OA", "甲公司", { date: "2026-01-05" }, 120000, "王五", { date: "2026-01-06" }, 46203],
          // A bank-card number and 1e308 where an amount belongs.
          [
            "HT-2",
            "ERP",
            "乙公司",
            { date: "2026-01-05" },
            6222021234567890,
            "王五",
            { date: "2026-01-06" },
            null,
          ],
          ["HT-3", "CRM", "丙公司", { date: "2026-01-05" }, 1e308, "王五", { date: "2026-01-06" }, null],
          ["HT-4", "BI", "丁公司", { date: "2026-01-05" }, 98000, "王五", null, null],
        ],
        numFmts: { E5: "#,##0" },
      },
    ]);
    applied = join(dir, "applied.xlsx");
    cleared = join(dir, "cleared.xlsx");
    apply = await run("apply", input, "-o", applied);
    clear = await run("clear", applied, "-o", cleared);
  });

  test("apply does not abort on a card number or 1e308: each is a finding on its cell, the rest is processed", () => {
    expect(apply.err).toBe("");
    expect(apply.code).toBe(1);
    expect(apply.out).toMatch(/E3 +「合同金额」的值“6222021234567890”不可能是金额/);
    expect(apply.out).toMatch(/E4 +「合同金额」的值“1e\+308”不可能是金额/);
    expect(apply.out).toContain(`已写入 ${applied}`);
    // The rest of the workbook was checked: HT-4 has no 实施通知日期, which is a finding of its own.
    expect(apply.out).toMatch(/G5 +合同 HT-4 签订于 2026-01-05，项目实施通知应不晚于/);
    const after = formats(applied);
    expect(Object.keys(after)).toEqual(expect.arrayContaining(["校验报告"]));
  });

  test("a date typed as 20261117 is reported with the date it reads as, and keeps General", () => {
    expect(apply.out).toMatch(/E3 +「计划完成」的值 20261117 是数字而不是日期，按 2026-11-17 理解/);
    const after = formats(applied);
    expect(after["进度计划表"].E3).toBeUndefined();
    // General serials around it did get a date format, and the card number no money format.
    expect(after["进度计划表"].D2).toMatch(/yyyy.*mm.*dd/);
    expect(after["合同执行情况表"].E3).toBeUndefined();
    expect(after["合同执行情况表"].E2).toMatch(/#,##0\.00/);
  });

  test("clear gives back every cell's own number format exactly, cell by cell", () => {
    expect(clear.err).toBe("");
    expect(clear.code).toBe(0);
    const before = formats(input);
    const after = formats(cleared);
    const between = formats(applied);
    // apply did set formats (the test would prove nothing otherwise) …
    expect(Object.keys(between["进度计划表"]).length).toBeGreaterThan(
      Object.keys(before["进度计划表"]).length,
    );
    // … and clear took exactly those back.
    for (const sheet of ["进度计划表", "合同执行情况表"])
      expect([sheet, after[sheet]]).toEqual([sheet, before[sheet]]);
  });
});
