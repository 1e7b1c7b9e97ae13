import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main, type Io } from "../../src/cli/main";
import { delayedProgress, type Progress } from "../../src/cli/progress";
import { readXlsx } from "../../src/host/xlsx/read";
import { writeSnapshotXlsx } from "../../src/host/xlsx/write-snapshot";
import { d, sheet, workbook } from "../helpers/snapshot";

const dir = mkdtempSync(join(tmpdir(), "ptrack-declare-"));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), isTty: false };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Headers nobody wrote the way the product knows them: no table until the user says what it is. */
async function plainFile(): Promise<string> {
  const p = join(dir, "plain.xlsx");
  const wb = workbook(
    sheet("工作", [
      ["说明：本表由项目组维护"],
      ["工作项", "起", "止", "完成率"],
      ["安装", d("2026-01-10"), d("2026-02-10"), 0.5],
    ]),
  );
  writeFileSync(p, await writeSnapshotXlsx(wb));
  return p;
}

describe("ptrack check --table / --map", () => {
  test("without them the sheet is not recognised", async () => {
    const p = await plainFile();
    const { code, out } = await run("check", p, "--json", "--today", "2026-03-01");
    expect(code).toBe(0);
    expect(JSON.parse(out).tables).toEqual([]);
  });

  test("a header row declared a schedule and its columns mapped: checked like any schedule", async () => {
    const p = await plainFile();
    const { code, out, err } = await run(
      "check",
      p,
      "--json",
      "--today",
      "2026-03-01",
      "--table",
      "工作!A2=进度计划表",
      "--map",
      "工作!A=task",
      "--map",
      "工作!C=计划完成",
    );
    expect(err).toBe("");
    const j = JSON.parse(out);
    expect(
      j.tables.map((t: { kind: string; headerRow: number; columns: object }) => [
        t.kind,
        t.headerRow,
        t.columns,
      ]),
    ).toEqual([["schedule", 2, { task: "A", planEnd: "C", progress: "D" }]]);
    expect(j.findings.map((f: { rule: string; cell?: string }) => `${f.rule} ${f.cell ?? ""}`)).toContain(
      "schedule.overdue C3",
    );
    expect(code).toBe(1);
  });

  test.each([
    ["--table", "工作!A2"],
    ["--table", "工作!A2=日程"],
    ["--map", "工作=task"],
    ["--map", "工作!C=不知道"],
  ])("%s %s is a usage error: one sentence, exit 2", async (opt, value) => {
    const p = await plainFile();
    const { code, out, err } = await run("check", p, opt, value);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.split("\n")[0]).toContain(value);
    expect(err).not.toMatch(/at .*\.ts:\d+|内部错误/);
  });
});

describe("a --table or --map the workbook cannot honour", () => {
  test.each([
    [["--table", "工做!A2=schedule"], "--table 工做!A2：工作簿中没有名为「工做」的工作表（有：工作）。"],
    [["--map", "Sheet1!C=planEnd"], "--map Sheet1!C：工作簿中没有名为「Sheet1」的工作表（有：工作）。"],
    [
      ["--table", "工作!E2=schedule"],
      "--table 工作!E2：第 2 行从 E 列起是空的；声明的单元格应是表头的第一个单元格。",
    ],
    [
      ["--table", "工作!A9=schedule"],
      "--table 工作!A9：第 9 行从 A 列起是空的；声明的单元格应是表头的第一个单元格。",
    ],
  ])("check %j says what does not fit, in one sentence, and exits 2", async (option, sentence) => {
    const p = await plainFile();
    const { code, out, err } = await run("check", p, ...option);
    expect([code, out, err]).toEqual([2, "", `${sentence}\n`]);
  });

  test("apply refuses it before writing anything, with the progress line cleared first", async () => {
    const p = await plainFile();
    const target = join(dir, "never.xlsx");
    const events: string[] = [];
    let err = "";
    const io: Io = {
      stdout: () => undefined,
      stderr: (s) => void (err += s),
      isTty: true,
      progress: { stage: (s) => void events.push(s), done: () => void events.push("done") },
    };
    const code = await main(["apply", p, "-o", target, "--table", "工作!E2=schedule"], io);
    expect([code, err]).toEqual([
      2,
      "--table 工作!E2：第 2 行从 E 列起是空的；声明的单元格应是表头的第一个单元格。\n",
    ]);
    // Read, then refused: the bar is cleared, nothing is planned or saved.
    expect(events).toEqual(["read", "done"]);
    expect(existsSync(target)).toBe(false);
  });
});

describe("ptrack apply --table / --map", () => {
  test("the declared table becomes a real table and its overdue row is marked, as check reports it", async () => {
    const p = await plainFile();
    const out = join(dir, "plain.applied.xlsx");
    const args = [
      "--today",
      "2026-03-01",
      "--table",
      "工作!A2=schedule",
      "--map",
      "工作!A=task",
      "--map",
      "工作!C=planEnd",
    ];
    const { code, out: text, err } = await run("apply", p, "-o", out, ...args);
    expect(err).toBe("");
    expect(code).toBe(1);
    expect(text).toContain("schedule.overdue");
    const wb = await readXlsx(out);
    const tables = wb.sheets.find((s) => s.name === "工作")!.tables;
    expect(tables.map((t) => [t.name, t.range])).toEqual([["进度计划表", { r1: 2, c1: 1, r2: 3, c2: 4 }]]);
    const report = wb.sheets.find((s) => s.name === "校验报告")!;
    const rows = report.rows.map((r) => (r ?? []).map((c) => c?.value));
    expect(rows).toContainEqual(expect.arrayContaining(["任务逾期", "工作", "C3"]));
  });

  test("without them apply finds no table, as check does", async () => {
    const p = await plainFile();
    const out = join(dir, "plain.bare.xlsx");
    await run("apply", p, "-o", out, "--today", "2026-03-01");
    const wb = await readXlsx(out);
    expect(wb.sheets.find((s) => s.name === "工作")!.tables).toEqual([]);
  });
});

describe("progress on a terminal", () => {
  function fakeClock() {
    let now = 0;
    let timer: (() => void) | undefined;
    return {
      clock: { now: () => now, setTimeout: (f: () => void) => void (timer = f) },
      advance(ms: number) {
        now += ms;
        if (now >= 1000 && timer) {
          const t = timer;
          timer = undefined;
          t();
        }
      },
    };
  }
  function recorder(): Progress & { shown: string[] } {
    const shown: string[] = [];
    return { shown, stage: (s) => void shown.push(s), done: () => void shown.push("done") };
  }

  test("a check read within a second shows nothing", () => {
    const c = fakeClock();
    const inner = recorder();
    const p = delayedProgress(inner, 1000, c.clock);
    p.stage("read");
    c.advance(400);
    p.stage("check");
    p.done();
    expect(inner.shown).toEqual([]);
  });

  test("a read that takes longer shows where the check is, and clears the line at the end", () => {
    const c = fakeClock();
    const inner = recorder();
    const p = delayedProgress(inner, 1000, c.clock);
    p.stage("read");
    c.advance(1500);
    p.stage("check");
    p.done();
    expect(inner.shown).toEqual(["read", "check", "done"]);
  });
});
