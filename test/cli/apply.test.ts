import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { sampleWorkbook } from "../../src/app/sample";
import { cliRunner } from "../helpers/cli";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { readXlsx } from "../../src/host/xlsx/read";
import { writeSnapshotXlsx } from "../../src/host/xlsx/write-snapshot";

const dir = mkdtempSync(join(tmpdir(), "ptrack-apply-"));

const run = cliRunner();

async function sampleFile(name: string): Promise<string> {
  const p = join(dir, name);
  writeFileSync(p, await writeSnapshotXlsx(sampleWorkbook()));
  return p;
}

/** Every value of every cell, by sheet!address. */
function values(wb: WorkbookSnapshot, sheets?: string[]): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const s of wb.sheets) {
    if (sheets && !sheets.includes(s.name)) continue;
    s.rows.forEach((row, r) => row?.forEach((c, k) => c && m.set(`${s.name}!${r + 1}:${k + 1}`, c.value)));
  }
  return m;
}

/** The product's conditional-format rules in a sheet part, by their tag. */
function ownRules(file: string): number {
  const zip = unzipSync(readFileSync(file));
  let n = 0;
  for (const [name, data] of Object.entries(zip)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    n += (strFromU8(data).match(/N\(&quot;项目跟踪|N\("项目跟踪/g) ?? []).length;
  }
  return n;
}

describe("ptrack apply", () => {
  let input: string;
  let inputBytes: Buffer;
  let out: string;
  let first: { code: number; out: string; err: string };
  beforeAll(async () => {
    input = await sampleFile("sample.xlsx");
    inputBytes = readFileSync(input);
    out = join(dir, "applied.xlsx");
    first = await run("apply", input, "-o", out, "--today", "2026-11-23");
  });

  test("writes -o OUT, says where, and exits 1 because the sample has errors", () => {
    expect(first.err).toBe("");
    expect(first.code).toBe(1);
    expect(first.out).toContain(`已写入 ${out}`);
    expect(existsSync(out)).toBe(true);
  });

  test("the input is left byte for byte as it was", () => {
    expect(readFileSync(input).equals(inputBytes)).toBe(true);
  });

  test("every original cell value is identical, every original sheet still there", async () => {
    const before = await readXlsx(input);
    const after = await readXlsx(out);
    const names = before.sheets.map((s) => s.name);
    expect(after.sheets.map((s) => s.name).slice(0, names.length)).toEqual(names);
    expect(values(after, names)).toEqual(values(before));
  });

  test("the recognised regions became Excel tables named for their kind", async () => {
    const after = await readXlsx(out);
    const tables = after.sheets.flatMap((s) => s.tables.map((t) => [s.name, t.name]));
    expect(tables).toEqual(
      expect.arrayContaining([
        ["进度计划表", "进度计划表"],
        ["合同执行情况表", "合同执行情况表"],
      ]),
    );
  });

  test("the report, log and hidden settings sheets are there", async () => {
    const after = await readXlsx(out);
    const by = new Map(after.sheets.map((s) => [s.name, s]));
    expect(by.get("校验报告")?.visibility).toBe("visible");
    expect(by.get("设置")?.visibility).toBe("hidden");
    expect(by.has("操作日志")).toBe(true);
    expect(ownRules(out)).toBeGreaterThan(0);
  });

  test("apply on its own output adds no table, no rule, no sheet — only a log row", async () => {
    const twice = join(dir, "twice.xlsx");
    await run("apply", out, "-o", twice, "--today", "2026-11-23");
    const a = await readXlsx(out);
    const b = await readXlsx(twice);
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    expect(b.sheets.flatMap((s) => s.tables.map((t) => t.name))).toEqual(
      a.sheets.flatMap((s) => s.tables.map((t) => t.name)),
    );
    expect(ownRules(twice)).toBe(ownRules(out));
    const logRows = (wb: WorkbookSnapshot) =>
      wb.sheets.find((s) => s.name === "操作日志")!.rows.filter(Boolean).length;
    expect(logRows(b)).toBe(logRows(a) + 1);
  });

  test("clear removes every mark and highlight and keeps the values", async () => {
    const cleared = join(dir, "cleared.xlsx");
    const r = await run("clear", out, "-o", cleared);
    expect(r.code).toBe(0);
    expect(ownRules(cleared)).toBe(0);
    const names = sampleWorkbook().sheets.map((s) => s.name);
    expect(values(await readXlsx(cleared), names)).toEqual(values(await readXlsx(out), names));
  });

  test("without -o the result goes beside the input as NAME.ptrack.xlsx", async () => {
    const p = await sampleFile("plain.xlsx");
    const r = await run("apply", p, "--today", "2026-11-23");
    expect(r.out).toContain(join(dir, "plain.ptrack.xlsx"));
    expect(existsSync(join(dir, "plain.ptrack.xlsx"))).toBe(true);
  });

  test("--normalize turns a text date into a real date and says how many changed", async () => {
    const p = await sampleFile("norm.xlsx");
    const o = join(dir, "norm-out.xlsx");
    const r = await run("apply", p, "-o", o, "--today", "2026-11-23", "--normalize");
    expect(r.out).toMatch(/已将 [1-9]\d* 个/);
    const after = (await readXlsx(o)).sheets.find((s) => s.name === "进度计划表")!;
    // E13 held the text "2026/11/26"; the impossible "2026/11/31" in F15 stays as typed.
    expect(after.rows[12]![4]!.value).toBe(46352);
    expect(after.rows[14]![5]!.value).toBe("2026/11/31");
  });

  test("--in-place is refused, naming the parts, when the file holds a chart", async () => {
    const p = await sampleFile("chart.xlsx");
    const zip = unzipSync(readFileSync(p));
    zip["xl/charts/chart1.xml"] = strToU8(
      '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
    );
    writeFileSync(p, zipSync(zip));
    const before = readFileSync(p);
    const r = await run("apply", p, "--in-place", "--today", "2026-11-23");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/图表/);
    expect(r.err).toMatch(/-o/);
    expect(readFileSync(p).equals(before)).toBe(true);
  });

  test("--in-place on a plain workbook rewrites it", async () => {
    const p = await sampleFile("inplace.xlsx");
    const r = await run("apply", p, "--in-place", "--today", "2026-11-23");
    expect(r.code).toBe(1);
    expect((await readXlsx(p)).sheets.some((s) => s.name === "校验报告")).toBe(true);
  });

  test("-o together with --in-place is a usage error", async () => {
    const r = await run("apply", "a.xlsx", "-o", "b.xlsx", "--in-place");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/-o/);
  });

  test("the output opens in LibreOffice, a second independent spreadsheet application", () => {
    const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
    if (!soffice) throw new Error("LibreOffice is not installed (apt-get install libreoffice-calc)");
    const pdfDir = mkdtempSync(join(tmpdir(), "ptrack-pdf-"));
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${pdfDir}/profile`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        pdfDir,
        out,
      ],
      { timeout: 120_000, stdio: "pipe" },
    );
    expect(readFileSync(join(pdfDir, "applied.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  }, 150_000);
});

describe("ptrack apply: the notices' letterhead", () => {
  const notices = (wb: WorkbookSnapshot) => wb.sheets.filter((s) => /^[A-Z]{2}-\d{8}-\d{3}$/.test(s.name));

  test("without a 公司名称 in 设置, no new notice is issued and one sentence says how to give it", async () => {
    const input = await sampleFile("no-company.xlsx");
    const out = join(dir, "no-company.out.xlsx");
    const r = await run("apply", input, "-o", out, "--today", "2026-11-23");
    expect(r.err).toBe("");
    expect(r.out).toContain(
      "6 份新通知未生成，因为「设置」中没有作通知抬头的公司名称：在「设置」的参数中填写公司名称，或加 --company 公司名称，再运行 apply。",
    );
    expect(notices(await readXlsx(out))).toEqual([]);
    const en = await run("apply", input, "-o", out, "--today", "2026-11-23", "--lang", "en");
    expect(en.out).toContain(
      "6 new notices were not written because 设置 has no company name for the letterhead: fill in 公司名称 in 设置, or add --company NAME, and run apply again.",
    );
  });

  test("--company prints it at the head of every notice and the 备忘录's 乙方", async () => {
    const input = await sampleFile("company.xlsx");
    const out = join(dir, "company.out.xlsx");
    const r = await run("apply", input, "-o", out, "--today", "2026-11-23", "--company", "三才软件有限公司");
    expect(r.out).not.toContain("未生成");
    const docs = notices(await readXlsx(out));
    expect(docs).toHaveLength(6);
    for (const d of docs) expect(d.rows[0]?.[0]?.value).toBe("三才软件有限公司");
    const memo = docs.find((d) => d.name.startsWith("BW-"))!;
    expect(memo.rows.flat().some((c) => c?.value === "乙方（签章）：")).toBe(true);
    expect(memo.rows.flat().some((c) => String(c?.value).includes("乙方：三才软件有限公司"))).toBe(true);
  });

  test("an empty --company is a usage error", async () => {
    const r = await run("apply", "a.xlsx", "--company", " ");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--company 需要公司名称，不能为空。");
  });
});
