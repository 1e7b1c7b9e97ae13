/**
 * `ptrack baseline set|list|show` on .xlsx files: the baseline goes to a hidden sheet the product
 * knows by its marker, every cell of the user's reads back unchanged in openpyxl, the sheet
 * survives a rename and a LibreOffice round trip, a save over a name needs --replace, and bad
 * input is one sentence with exit 2.
 */

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliRunner } from "../helpers/cli";
import { openpyxlSheets } from "../helpers/second-readers";
import { writeXlsx } from "../helpers/workbook";

const dir = mkdtempSync(join(tmpdir(), "ptrack-baseline-"));
const PY = "/usr/bin/python3";
// 2026-02-02 09:30 in Shanghai.
const run = cliRunner(new Date("2026-02-02T01:30:00Z"), ["--today", "2026-02-02"]);
const p = (name: string) => join(dir, name);

/** openpyxl's view of the sheets' states and the workbook's defined names. */
function states(path: string): { sheets: Record<string, string>; names: Record<string, string> } {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
dn = wb.defined_names
items = dn.definedName if hasattr(dn, "definedName") else list(dn.values())
print(json.dumps({"sheets": {ws.title: ws.sheet_state for ws in wb.worksheets}, "names": {d.name: d.attr_text for d in items}}, ensure_ascii=False))
`;
  return JSON.parse(execFileSync(PY, ["-c", script, path], { encoding: "utf8" }));
}

/**
 * A user renames a sheet and moves a task's planned end, as Excel does it: a rename rewrites the
 * references of the workbook's defined names (openpyxl alone would not, so the script does).
 */
function userEdits(path: string, out: string, rename: [string, string], cell: string, isoDate: string): void {
  const script = `
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb[sys.argv[2]].title = sys.argv[3]
dn = wb.defined_names
items = dn.definedName if hasattr(dn, "definedName") else list(dn.values())
for d in items:
    d.attr_text = d.attr_text.replace("'" + sys.argv[2] + "'!", "'" + sys.argv[3] + "'!")
ws = wb["进度计划表"]
ws[sys.argv[4]] = datetime.datetime.strptime(sys.argv[5], "%Y-%m-%d")
ws[sys.argv[4]].number_format = "yyyy-mm-dd"
wb.save(sys.argv[6])
`;
  execFileSync(PY, ["-c", script, path, rename[0], rename[1], cell, isoDate, out]);
}

function throughLibreOffice(path: string): string {
  const out = p("lo");
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${p("profile")}`,
      "--headless",
      "--convert-to",
      "xlsx",
      "--outdir",
      out,
      path,
    ],
    { timeout: 110_000, stdio: "pipe" },
  );
  return join(out, path.split("/").pop()!);
}

const noTrace = (err: string) => {
  expect(err).not.toMatch(/\n\s+at |内部错误|Error:/);
};

beforeAll(async () => {
  await writeXlsx(p("plan.xlsx"), [
    {
      name: "进度计划表",
      rows: [
        ["WBS", "任务名称", "负责人", "计划开始", "计划完成", "调整通知日期", "报备财务"],
        ["1", "需求调研", "张三", { date: "2026-02-09" }, { date: "2026-02-13" }, null, null],
        ["2", "系统设计", "李四", { date: "2026-02-12" }, { date: "2026-02-24" }, null, null],
      ],
    },
    { name: "基线", rows: [["这是我自己的基线笔记"], ["别动它", 42]] },
  ]);
}, 60_000);

describe("ptrack baseline", () => {
  test("set saves the plan on a hidden marked sheet; the user's cells read back unchanged", async () => {
    const r = await run("baseline", "set", p("plan.xlsx"), "-o", p("saved.xlsx"));
    expect(r).toEqual({
      code: 0,
      out: `已保存基线「基线」：2 个任务。\n已写入 ${p("saved.xlsx")}\n`,
      err: "",
    });
    const before = openpyxlSheets(p("plan.xlsx"));
    const after = openpyxlSheets(p("saved.xlsx"));
    for (const name of ["进度计划表", "基线"]) expect(after.get(name)).toEqual(before.get(name));
    const st = states(p("saved.xlsx"));
    // The user's own 基线 sheet stays the user's; the product's takes a free name and is hidden.
    expect(st.sheets).toMatchObject({ 进度计划表: "visible", 基线: "visible", "基线 (2)": "hidden" });
    expect(st.names["_PTRACK.baseline.main"]).toMatch(/^'基线 \(2\)'!\$A\$1:\$J\$3$/);
    expect(after.get("基线 (2)")?.slice(0, 2)).toEqual([
      [
        "基线",
        "版本",
        "保存时间",
        "保存人",
        "工作表",
        "标识",
        "任务名称",
        "计划开始",
        "计划完成",
        "工期（工作日）",
      ],
      [
        "基线",
        "1",
        "2026-02-02 09:30:00",
        expect.any(String),
        "进度计划表",
        "1",
        "需求调研",
        "2026-02-09",
        "2026-02-13",
        "5",
      ],
    ]);

    const list = await run("baseline", "list", p("saved.xlsx"));
    expect(list.code).toBe(0);
    expect(list.out).toMatch(
      /^已保存的基线（1\/11）\n {2}基线 {2}第 1 版 {2}2026-02-02 09:30:00 {2}.+ {2}2 个任务\n$/,
    );
  }, 60_000);

  test("a renamed baseline sheet is still the baseline: show gives the variance and check the change findings", async () => {
    userEdits(p("saved.xlsx"), p("moved.xlsx"), ["基线 (2)", "旧计划"], "E2", "2026-02-24");
    const show = await run("baseline", "show", p("moved.xlsx"));
    expect(show.code).toBe(0);
    const lines = show.out.split("\n");
    expect(lines[0]).toBe("与基线「基线」（2026-02-02 09:30:00 保存）的偏差，截至 2026-02-02，单位：工作日");
    // Changed tasks first: finish two working days later (Sat 02-14 is a 调休 working day), 5 → 7 days.
    expect(lines[3].split(/\s{2,}/)).toEqual([
      "1",
      "需求调研",
      "2026-02-09",
      "2026-02-09",
      "0",
      "2026-02-13",
      "2026-02-24",
      "+2",
      "5",
      "7",
      "+2",
      "已调整",
    ]);
    expect(show.out).toContain("合计：已调整 1 个（其中完成推迟 1 个），新增 0 个，已删除 0 个，未变 1 个。");

    const json = JSON.parse((await run("baseline", "show", p("moved.xlsx"), "--json")).out);
    expect(json.tasks[0]).toMatchObject({
      key: "1",
      finishVariance: 2,
      durationVariance: 2,
      status: "changed",
    });

    const check = await run("check", p("moved.xlsx"));
    expect(check.code).toBe(1);
    expect(check.out).toContain("schedule.change-unnotified");
    expect(check.out).toContain("schedule.change-not-filed");
    expect(check.out).toContain("计划完成由 2026-02-13 调整为 2026-02-24");
  }, 60_000);

  const lo = existsSync("/usr/bin/soffice") ? test : test.skip;
  lo(
    "after a LibreOffice round trip the baseline is found, and saving over it needs --replace",
    async () => {
      const back = throughLibreOffice(p("saved.xlsx"));
      const list = await run("baseline", "list", back);
      expect(list.out).toContain("基线  第 1 版");
      expect(states(back).sheets["基线 (2)"]).toBe("hidden");

      const again = await run("baseline", "set", back, "--name", "基线", "-o", p("again.xlsx"));
      expect(again.code).toBe(2);
      expect(again.err).toBe(
        "基线「基线」已于 2026-02-02 09:30:00 保存，不会被悄悄覆盖；要覆盖它请加 --replace，或用 --name 换一个名称。\n",
      );
      expect(existsSync(p("again.xlsx"))).toBe(false);

      const replaced = await run(
        "baseline",
        "set",
        back,
        "--name",
        "基线",
        "--replace",
        "-o",
        p("again.xlsx"),
      );
      expect(replaced.code).toBe(0);
      expect(replaced.out).toContain("已覆盖基线「基线」（第 2 版，2 个任务），并记入操作日志。");
      const log = openpyxlSheets(p("again.xlsx")).get("操作日志")!;
      expect(log.at(-1)?.slice(2)).toEqual([
        "设为基线",
        "",
        "",
        "",
        "覆盖基线「基线」（第 2 版，2 个任务）；之前的版本仍保留在基线工作表上",
      ]);
      // The user's cells came through both writes unchanged.
      expect(openpyxlSheets(p("again.xlsx")).get("基线")).toEqual(openpyxlSheets(p("plan.xlsx")).get("基线"));
    },
    180_000,
  );

  test.each([
    [["baseline"], "请写明 set、list 或 show，例如 ptrack baseline set 文件.xlsx。"],
    [["baseline", "save", "plan.xlsx"], "未知的 baseline 子命令「save」，只能是 set、list 或 show。"],
    [["baseline", "set"], "请给出一个 .xlsx 文件，例如 ptrack baseline set 文件.xlsx。"],
    [["check", "plan.xlsx", "--replace"], "--replace 只用于 ptrack baseline。"],
    [["baseline", "list", "plan.xlsx", "--replace"], "--replace 只用于 ptrack baseline set。"],
  ])("usage mistake %j: one sentence, the usage, exit 2", async (argv, sentence) => {
    const r = await run(...argv.map((a) => (a.endsWith(".xlsx") ? p(a) : a)));
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe(sentence);
    expect(r.err).toContain("ptrack baseline set");
    noTrace(r.err);
  });

  test.each([
    [["show", "plan.xlsx"], "工作簿中还没有保存过基线（用 ptrack baseline set 保存）。"],
    [["show", "saved.xlsx", "--name", "基线9"], "没有名为「基线9」的基线；已保存的有 基线。"],
    [
      ["set", "saved.xlsx", "--name", "x".repeat(32)],
      `基线名称「${"x".repeat(32)}」不可用：名称不能为空，最多 31 个字符。`,
    ],
    [["set", "missing.xlsx"], undefined],
  ])("bad input %j: one sentence, exit 2", async (argv, sentence) => {
    const [sub, file, ...rest] = argv;
    const out = sub === "set" ? ["-o", p("unused.xlsx")] : [];
    const r = await run("baseline", sub, p(file), ...rest, ...out);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    if (sentence) expect(r.err).toBe(sentence + "\n");
    noTrace(r.err);
    expect(existsSync(p("unused.xlsx"))).toBe(false);
  });
});
