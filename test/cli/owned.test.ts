/**
 * `ptrack apply` on .xlsx files whose users named their own sheets as the product names its
 * sheets, and on outputs a user went on working in: the product knows its sheets by their
 * markers, leaves every sheet of the user's as it was (read back by openpyxl, a second reader),
 * never rewrites an issued notice, and its output opens in LibreOffice with the markers intact.
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sampleWorkbook } from "../../src/app/sample";
import { cliRunner } from "../helpers/cli";
import { isoToSerial } from "../../src/core/dates";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { readXlsx } from "../../src/host/xlsx/read";
import { writeSnapshotXlsx } from "../../src/host/xlsx/write-snapshot";

const dir = mkdtempSync(join(tmpdir(), "ptrack-owned-"));
const PY = "/usr/bin/python3";

const run = cliRunner(new Date("2026-11-27T02:00:00Z"));

function userSheet(name: string, rows: Array<Array<string | number>>): SheetSnapshot {
  return {
    name,
    visibility: "visible",
    rows: rows.map((r) => r.map((v) => ({ value: v }))),
    merges: [],
    tables: [],
  };
}

async function file(name: string, wb: WorkbookSnapshot): Promise<string> {
  const p = join(dir, name);
  writeFileSync(p, await writeSnapshotXlsx(wb));
  return p;
}

/** openpyxl's view: every sheet's non-empty values by address, and the workbook's defined names. */
function openpyxl(path: string): {
  sheets: Record<string, Record<string, unknown>>;
  names: Record<string, string>;
} {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
sheets = {ws.title: {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None} for ws in wb.worksheets}
dn = wb.defined_names
items = dn.definedName if hasattr(dn, "definedName") else list(dn.values())
print(json.dumps({"sheets": sheets, "names": {d.name: d.attr_text for d in items}}, default=str, ensure_ascii=False))
`;
  return JSON.parse(execFileSync(PY, ["-c", script, path], { encoding: "utf8" }));
}

/** A user types `value` at `cell` of `sheet` and saves, with openpyxl. */
function typeInto(path: string, sheet: string, cell: string, value: string, out: string): void {
  const script = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb[sys.argv[2]][sys.argv[3]] = sys.argv[4]
wb.save(sys.argv[5])
`;
  execFileSync(PY, ["-c", script, path, sheet, cell, value, out]);
}

function soffice(): string | undefined {
  try {
    return execFileSync("which", ["soffice"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}
const bin = soffice();
if (!bin && process.env.CI) throw new Error("CI needs LibreOffice: apt-get install libreoffice-calc");

/** LibreOffice opens the file and saves it as .xlsx again; the converted file's path. */
function throughLibreOffice(path: string, name: string): string {
  const out = join(dir, `lo-${name}`);
  execFileSync(
    bin!,
    [
      `-env:UserInstallation=file://${join(dir, "profile")}`,
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

describe("a user's sheets named as the product's", () => {
  let input: string;
  let output: string;
  let first: { code: number; out: string; err: string };
  const mine = {
    校验报告: [["我的周报"], ["第一周", "已完成"]],
    通知台账: [["我自己记的台账"], ["2026-11-01", "寄出"]],
    "ck-20261127-001": [["我的草稿"], ["催款", 1000]],
  };

  beforeAll(async () => {
    const wb = sampleWorkbook();
    for (const [name, rows] of Object.entries(mine)) wb.sheets.push(userSheet(name, rows));
    input = await file("named.xlsx", wb);
    output = join(dir, "named.out.xlsx");
    first = await run("apply", input, "-o", output, "--today", "2026-11-27", "--company", "三才软件有限公司");
  }, 60_000);

  test("are left exactly as they were, read back by openpyxl", () => {
    expect(first.err).toBe("");
    const before = openpyxl(input).sheets;
    const after = openpyxl(output).sheets;
    for (const name of Object.keys(mine)) expect(after[name]).toEqual(before[name]);
  });

  test("the product writes its own under free names, says so, and logs it", async () => {
    expect(first.out).toContain(
      "工作簿中已有用户自己的工作表「校验报告」，未作任何改动；本产品的内容写在「校验报告 (2)」。",
    );
    expect(first.out).toContain("「通知台账」，未作任何改动；本产品的内容写在「通知台账 (2)」");
    const wb = await readXlsx(output);
    const names = wb.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["校验报告 (2)", "通知台账 (2)", "操作日志"]));
    // The notice of that number is the product's own; the user's sheet only moved the sequence on.
    expect(names.filter((n) => /^CK-20261127-\d{3}$/.test(n))).toEqual(["CK-20261127-002"]);
    const log = wb.sheets.find((s) => s.name === "操作日志")!;
    const notes = log.rows.flatMap((r) => (r ? [String(r[6]?.value ?? "")] : []));
    expect(notes).toEqual(
      expect.arrayContaining(["已有用户自己的工作表「校验报告」，未改动；本产品改用「校验报告 (2)」"]),
    );
    const { names: defined } = openpyxl(output);
    expect(defined["_PTRACK.report.main"]).toMatch(/^'校验报告 \(2\)'!\$A\$1:\$H\$\d+$/);
    expect(defined["_PTRACK.register.main"]).toMatch(/^'通知台账 \(2\)'!/);
  });

  test("in English too", async () => {
    const en = await run(
      "apply",
      input,
      "-o",
      join(dir, "named.en.xlsx"),
      "--today",
      "2026-11-27",
      "--lang",
      "en",
    );
    expect(en.out).toContain(
      `The workbook already has a sheet of your own named "校验报告"; it was left as it is, and the product wrote "校验报告 (2)" instead.`,
    );
  });

  test("a second run finds the product's sheets by their markers and adds none", async () => {
    const again = join(dir, "named.again.xlsx");
    const second = await run("apply", output, "-o", again, "--today", "2026-11-27");
    expect(second.out).not.toContain("未作任何改动");
    const a = (await readXlsx(output)).sheets.map((s) => s.name);
    expect((await readXlsx(again)).sheets.map((s) => s.name)).toEqual(a);
    const before = openpyxl(input).sheets;
    const after = openpyxl(again).sheets;
    for (const name of Object.keys(mine)) expect(after[name]).toEqual(before[name]);
  });
});

describe("a normalised copy's name held by a user's sheet", () => {
  test("the user's 进度计划表（整理） stays; the copy takes a free name", async () => {
    const D = (iso: string) => ({ value: isoToSerial(iso, false), numFmt: "yyyy-mm-dd" });
    const schedule: SheetSnapshot = {
      name: "进度计划表",
      visibility: "visible",
      rows: [
        [{ value: "序号" }, { value: "任务名称" }, { value: "负责人" }, { value: "计划" }],
        [undefined, undefined, undefined, { value: "开始" }, { value: "完成" }],
        [{ value: 1 }, { value: "设计" }, { value: "张三" }, D("2026-11-02"), D("2026-11-06")],
      ],
      merges: [{ r1: 1, c1: 4, r2: 1, c2: 5 }],
      tables: [],
    };
    const mineCopy = userSheet("进度计划表（整理）", [
      ["我自己整理的"],
      ["任务", "状态"],
      ["设计", "进行中"],
    ]);
    const input = await file("copy.xlsx", { date1904: false, sheets: [schedule, mineCopy] });
    const output = join(dir, "copy.out.xlsx");
    const r = await run("apply", input, "-o", output, "--today", "2026-11-27");
    expect(r.out).toContain(
      "「进度计划表（整理）」，未作任何改动；本产品的内容写在「进度计划表（整理） (2)」",
    );
    expect(openpyxl(output).sheets["进度计划表（整理）"]).toEqual(
      openpyxl(input).sheets["进度计划表（整理）"],
    );
    const copy = openpyxl(output).sheets["进度计划表（整理） (2)"];
    expect(copy.B2).toBe("设计");
    // Again: the same copy is written again in place, the user's sheet still as it was.
    const again = join(dir, "copy.again.xlsx");
    await run("apply", output, "-o", again, "--today", "2026-11-27");
    const names = (await readXlsx(again)).sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith("进度计划表（整理）")).sort()).toEqual([
      "进度计划表（整理）",
      "进度计划表（整理） (2)",
    ]);
    expect(openpyxl(again).sheets["进度计划表（整理）"]).toEqual(
      openpyxl(input).sheets["进度计划表（整理）"],
    );
  }, 60_000);
});

describe("an issued notice is a document", () => {
  test("a note typed at B60 survives the next apply, after openpyxl and after LibreOffice", async () => {
    const input = await file("sample.xlsx", sampleWorkbook());
    const first = join(dir, "sample.out.xlsx");
    await run("apply", input, "-o", first, "--today", "2026-11-23", "--company", "三才软件有限公司");
    const notice = (await readXlsx(first)).sheets.find((s) => /^CK-20261123-001$/.test(s.name))!.name;
    const typed = join(dir, "sample.typed.xlsx");
    typeInto(first, notice, "B60", "已签收：张三", typed);
    typeInto(typed, "校验报告", "K2", "审计已阅", typed);

    const second = join(dir, "sample.second.xlsx");
    const r = await run("apply", typed, "-o", second, "--today", "2026-11-25");
    expect(r.err).toBe("");
    const seen = openpyxl(second);
    expect(seen.sheets[notice]).toEqual(openpyxl(typed).sheets[notice]);
    expect(seen.sheets[notice].B60).toBe("已签收：张三");
    expect(seen.sheets["校验报告"].K2).toBe("审计已阅");
    expect(Object.keys(seen.sheets).filter((n) => n.includes("(2)"))).toEqual([]);

    if (!bin) return;
    // LibreOffice keeps the markers: the next apply recognises every product sheet.
    const lo = throughLibreOffice(second, "second");
    expect(Object.keys(openpyxl(lo).names)).toEqual(
      expect.arrayContaining(["_PTRACK.report.main", "_PTRACK.log.main"]),
    );
    const third = join(dir, "sample.third.xlsx");
    const t = await run("apply", lo, "-o", third, "--today", "2026-11-25");
    expect(t.out).not.toContain("未作任何改动");
    const after = openpyxl(third);
    expect(Object.keys(after.sheets).sort()).toEqual(Object.keys(seen.sheets).sort());
    expect(after.sheets[notice].B60).toBe("已签收：张三");
    expect(after.sheets["校验报告"].K2).toBe("审计已阅");
    // And the output opens in LibreOffice.
    throughLibreOffice(third, "third");
  }, 240_000);
});
