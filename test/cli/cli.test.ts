import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { sampleWorkbook } from "../../src/app/sample";
import { main, type Io } from "../../src/cli/main";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { writeSnapshotXlsx } from "../../src/host/xlsx/write-snapshot";

const dir = mkdtempSync(join(tmpdir(), "ptrack-cli-"));

async function file(name: string, wb: WorkbookSnapshot): Promise<string> {
  const p = join(dir, name);
  writeFileSync(p, await writeSnapshotXlsx(wb));
  return p;
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), isTty: false };
  const code = await main(argv, io);
  return { code, out, err };
}

/** A plain, correct contracts table: nothing to report as of 2026-11-23. */
function cleanWorkbook(): WorkbookSnapshot {
  const d = (s: number) => ({ value: s, numFmt: "yyyy-mm-dd" });
  return {
    date1904: false,
    sheets: [
      {
        name: "合同执行情况表",
        visibility: "visible",
        merges: [],
        tables: [],
        rows: [
          ["合同编号", "合同名称", "签订日期", "合同金额", "实施通知日期", "约定交货期"].map((v) => ({
            value: v,
          })),
          // signed 2026-11-02 (46328), noticed next day, delivery 2026-12-30 (46386)
          [{ value: "HT-1" }, { value: "系统升级" }, d(46328), { value: 100000 }, d(46329), d(46386)],
        ],
      },
    ],
  };
}

describe("ptrack check", () => {
  test("--json prints exactly the documented shape and exits 1 when there are errors", async () => {
    const p = await file("sample.xlsx", sampleWorkbook());
    const { code, out, err } = await run("check", p, "--json", "--today", "2026-11-23");
    expect(err).toBe("");
    expect(code).toBe(1);
    const j = JSON.parse(out);
    expect(Object.keys(j)).toEqual(["file", "asOf", "tables", "findings", "notices", "summary"]);
    expect(j.file).toBe(p);
    expect(j.asOf).toBe("2026-11-23");
    expect(Object.keys(j.tables[0])).toEqual([
      "sheet",
      "kind",
      "headerRow",
      "firstRow",
      "lastRow",
      "columns",
      "unmapped",
      "skippedRules",
    ]);
    const schedule = j.tables.find((t: { kind: string }) => t.kind === "schedule");
    expect(schedule).toMatchObject({ sheet: "进度计划表", headerRow: 3, firstRow: 4 });
    expect(schedule.columns).toMatchObject({ task: "C", owner: "D", planStart: "E", planEnd: "F" });
    const overdue = j.findings.find((f: { rule: string; cell: string }) => f.rule === "schedule.overdue");
    expect(Object.keys(overdue)).toEqual([
      "rule",
      "severity",
      "sheet",
      "row",
      "field",
      "cell",
      "value",
      "message",
    ]);
    expect(overdue).toMatchObject({
      severity: "error",
      sheet: "进度计划表",
      row: 9,
      field: "planEnd",
      cell: "F9",
    });
    expect(overdue.value).toBe("2026-10-30");
    expect(overdue.message).toContain("2026-10-30");
    expect(j.notices[0] && Object.keys(j.notices[0])).toEqual(["type", "key", "sheet", "row"]);
    expect(j.summary.errors).toBe(
      j.findings.filter((f: { severity: string }) => f.severity === "error").length,
    );
  });

  test("a workbook without problems exits 0", async () => {
    const p = await file("clean.xlsx", cleanWorkbook());
    const { code, out } = await run("check", p, "--today", "2026-11-23");
    expect(code).toBe(0);
    expect(out).toContain("合同执行情况表");
    expect(out).toContain("错误 0");
  });

  test("the readable report names sheet, cell, rule and counts; --lang en speaks English", async () => {
    const p = await file("sample-report.xlsx", sampleWorkbook());
    const zh = await run("check", p, "--today", "2026-11-23");
    expect(zh.out).toMatch(/进度计划表\n/);
    expect(zh.out).toMatch(/schedule\.overdue ×\d+/);
    expect(zh.out).toMatch(/F9 +.*2026-10-30/);
    expect(zh.out).toMatch(/错误 \d+ · 警告 \d+ · 提示 \d+/);
    const en = await run("check", p, "--today", "2026-11-23", "--lang", "en");
    expect(en.out).toMatch(/\d+ errors · \d+ warnings · \d+ infos/);
    expect(en.out).not.toMatch(/逾期/);
  });

  test("rules a table cannot run make one quiet line: process rules counted, a missing 变更申请 register said", async () => {
    const p = await file("sample-skipped.xlsx", sampleWorkbook());
    const { out } = await run("check", p, "--today", "2026-11-23");
    const lines = out.split("\n").filter((l) => l.includes("未运行的规则"));
    expect(lines).toEqual([
      "      未运行的规则（缺少字段）: schedule.milestone-missed, schedule.milestone-duration",
      "      未运行的规则（缺少字段）: 流程规则 10 条（表中没有它们读取的列）",
    ]);
    const wb = sampleWorkbook();
    wb.sheets = wb.sheets.filter((s) => s.name !== "变更申请");
    const without = await run("check", await file("sample-no-changes.xlsx", wb), "--today", "2026-11-23");
    expect(without.out).toContain("schedule.change-unapproved（工作簿中没有变更申请登记）");
    expect(without.out).not.toMatch(/schedule\.change-unapproved ×/);
  });

  test("without --today the as-of date is today in Asia/Shanghai", async () => {
    const p = await file("today.xlsx", cleanWorkbook());
    let out = "";
    const io: Io = {
      stdout: (s) => void (out += s),
      stderr: () => {},
      isTty: false,
      now: new Date("2026-11-23T17:00:00Z"),
    };
    await main(["check", p, "--json"], io);
    expect(JSON.parse(out).asOf).toBe("2026-11-24");
  });

  test("the workbook's 校验日期 on the hidden 设置 sheet sets the as-of date; --today wins over it", async () => {
    const wb = cleanWorkbook();
    wb.sheets.push({
      name: "设置",
      visibility: "hidden",
      merges: [],
      tables: [],
      rows: [
        [{ value: "项" }, { value: "值" }],
        [{ value: "校验日期" }, { value: "2026-11-20" }],
      ],
    });
    const p = await file("asof.xlsx", wb);
    const fromSheet = await run("check", p, "--json");
    expect(JSON.parse(fromSheet.out).asOf).toBe("2026-11-20");
    const explicit = await run("check", p, "--json", "--today", "2026-12-01");
    expect(JSON.parse(explicit.out).asOf).toBe("2026-12-01");
  });

  test.each([
    ["missing file", () => join(dir, "nope.xlsx"), /nope\.xlsx/],
    ["legacy .xls", () => write("old.xls", "\xD0\xCF\x11\xE0"), /\.xlsx/],
    ["CSV", () => write("data.csv", "合同编号,金额\nHT-1,100\n"), /\.xlsx/],
    ["macro workbook", () => write("m.xlsm", "PK"), /\.xlsx/],
    ["corrupt file", () => write("broken.xlsx", "this is not a workbook"), /broken\.xlsx/],
    ["password-protected workbook", () => write("密码.xlsx", encrypted()), /密码/],
    ["folder", () => folder("台账.xlsx"), /文件夹/],
    ["0-byte file", () => write("zero.xlsx", ""), /zero\.xlsx/],
  ])("bad input (%s) gets one clear sentence and exit 2", async (_name, make, mention) => {
    const { code, out, err } = await run("check", make());
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(mention);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).not.toMatch(/\bat .*\(|Error:/);
  });

  test("an empty workbook is unusable input", async () => {
    const p = await file("empty.xlsx", {
      date1904: false,
      sheets: [{ name: "Sheet1", visibility: "visible", rows: [], merges: [], tables: [] }],
    });
    const { code, err } = await run("check", p);
    expect(code).toBe(2);
    expect(err).toMatch(/empty\.xlsx/);
  });

  test.each([
    [["check"], /文件/],
    [["check", "a.xlsx", "--today", "2026-02-30"], /--today/],
    [["check", "a.xlsx", "--today", "23/11/2026"], /--today/],
    [["check", "a.xlsx", "--lang", "fr"], /--lang/],
    [["check", "a.xlsx", "--frobnicate"], /没有「--frobnicate」这个选项/],
    [["check", "a.xlsx", "--today"], /选项 --today 后面需要一个值/],
    [["check", "a.xlsx", "--json=yes"], /选项 --json 不带值/],
    [["check", "a.xlsx", "b.xlsx"], /一次只处理一个工作簿，收到 2 个：a\.xlsx、b\.xlsx/],
    [["apply", "a.xlsx", "b.xlsx"], /一次只处理一个工作簿/],
    [["check", "a.xlsx", "--frobnicate", "--lang", "en"], /There is no option "--frobnicate"/],
    [["frobnicate"], /未知命令/],
  ])("usage mistakes %j exit 2 with a message and the usage", async (argv, msg) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(msg);
    expect(err).toContain("ptrack check");
  });

  test("apply and demo work as a real process (the CLI loads their modules on demand)", async () => {
    const p = await file("proc-apply.xlsx", cleanWorkbook());
    const out = join(dir, "proc-applied.xlsx");
    const bin = join(__dirname, "..", "..", "bin", "ptrack.js");
    const applied = execFileSync(process.execPath, [bin, "apply", p, "-o", out, "--today", "2026-11-23"], {
      encoding: "utf8",
    });
    expect(applied).toContain(out);
    const demo = execFileSync(process.execPath, [bin, "demo", join(dir, "proc-demo")], { encoding: "utf8" });
    expect(demo).toContain("项目跟踪示例（已应用）.xlsx");
  });

  test("`npm run -s ptrack -- check FILE --json` works as a real process", async () => {
    const p = await file("proc.xlsx", cleanWorkbook());
    const out = execFileSync(
      "npm",
      ["run", "-s", "ptrack", "--", "check", p, "--json", "--today", "2026-11-23"],
      {
        encoding: "utf8",
      },
    );
    expect(JSON.parse(out).summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });
});

function write(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, Buffer.from(content, "latin1"));
  return p;
}

function folder(name: string): string {
  const p = join(dir, name);
  mkdirSync(p, { recursive: true });
  return p;
}

/** What Excel writes for a workbook with an open password: a CFB container holding the encrypted package. */
function encrypted(): string {
  const streams = ["Root Entry", "\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"];
  const b = new Uint8Array(512 + 128 * streams.length);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  streams.forEach((name, i) => {
    const at = 512 + 128 * i;
    for (let k = 0; k < name.length; k++) b[at + 2 * k] = name.charCodeAt(k);
    b[at + 64] = (name.length + 1) * 2;
  });
  return Buffer.from(b).toString("latin1");
}
