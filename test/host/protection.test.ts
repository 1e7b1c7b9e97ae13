/**
 * Sheet and workbook-structure protection, read by both hosts and respected by apply: a protected
 * sheet is left exactly as it was, a protected structure gets no new sheet, and the run says so.
 */

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { runApply } from "../../src/app/apply";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../src/app/sample";
import { cliRunner } from "../helpers/cli";
import { planApply } from "../../src/core/plan";
import { readXlsx, readXlsxBytes } from "../../src/host/xlsx/read";
import { writeSnapshotXlsx } from "../../src/host/xlsx/write-snapshot";
import { fakeFromSnapshot } from "./excel/fake-excel";
import { host } from "./excel/measure";

const dir = mkdtempSync(join(tmpdir(), "ptrack-protect-"));
const NOW = new Date("2026-11-23T02:00:00Z");

/** The sheet part of each sheet name, from the workbook and its relationships. */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const book = strFromU8(files["xl/workbook.xml"]);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  const out = new Map<string, string>();
  for (const m of book.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const t = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels);
    const target = (t?.[1] ?? t?.[2] ?? "").replace(/^\/?(xl\/)?/, "");
    out.set(m[1], `xl/${target}`);
  }
  return out;
}

/** The sample workbook with `sheets` protected, and its structure too when asked. */
async function protectedSample(opts: { sheets?: string[]; structure?: boolean }): Promise<Uint8Array> {
  return protect(await writeSnapshotXlsx(sampleWorkbook()), opts);
}

/** A workbook's bytes with `sheets` protected, and its structure too when asked. */
function protect(bytes: Uint8Array, opts: { sheets?: string[]; structure?: boolean }): Uint8Array {
  const files = unzipSync(bytes);
  const parts = sheetParts(files);
  for (const name of opts.sheets ?? []) {
    const part = parts.get(name)!;
    const xml = strFromU8(files[part]);
    const at = xml.search(/<\/sheetData>|<sheetData\/>/);
    const end = xml.indexOf(">", at) + 1;
    files[part] = strToU8(
      `${xml.slice(0, end)}<sheetProtection sheet="1" objects="1" scenarios="1"/>${xml.slice(end)}`,
    );
  }
  if (opts.structure) {
    const book = strFromU8(files["xl/workbook.xml"]);
    // CT_Workbook: … workbookPr, workbookProtection, bookViews, sheets …
    const at = book.search(/<bookViews|<sheets/);
    files["xl/workbook.xml"] = strToU8(
      `${book.slice(0, at)}<workbookProtection lockStructure="1"/>${book.slice(at)}`,
    );
  }
  return zipSync(files);
}

const run = cliRunner(NOW);

describe("reading protection", () => {
  test("the .xlsx reader knows a protected sheet and a protected structure", async () => {
    const wb = readXlsxBytes(await protectedSample({ sheets: ["进度计划表"], structure: true }));
    expect(wb.structureProtected).toBe(true);
    expect(wb.sheets.find((s) => s.name === "进度计划表")?.protected).toBe(true);
    expect(wb.sheets.find((s) => s.name === "合同执行情况表")?.protected).toBeUndefined();
    const plain = readXlsxBytes(await writeSnapshotXlsx(sampleWorkbook()));
    expect(plain.structureProtected).toBeUndefined();
  });

  test('a <sheetProtection> without sheet="1" protects nothing', async () => {
    const files = unzipSync(await protectedSample({ sheets: ["进度计划表"] }));
    for (const [name, data] of Object.entries(files))
      if (name.startsWith("xl/worksheets/"))
        files[name] = strToU8(strFromU8(data).replace(/<sheetProtection sheet="1"/, "<sheetProtection"));
    expect(readXlsxBytes(zipSync(files)).sheets.some((s) => s.protected)).toBe(false);
  });

  test("the Office.js host reads the same, in the same number of round trips", async () => {
    const fromFile = readXlsxBytes(await protectedSample({ sheets: ["进度计划表"], structure: true }));
    const plain = host(fakeFromSnapshot(readXlsxBytes(await writeSnapshotXlsx(sampleWorkbook()))));
    await plain.host.read();
    const { host: h, ctx } = host(fakeFromSnapshot(fromFile));
    expect(await h.read()).toEqual(fromFile);
    expect(ctx.syncCount).toBe(plain.ctx.syncCount);
  });
});

describe("apply on a protected sheet", () => {
  test("plans no change at all to it, and names it", () => {
    const wb = sampleWorkbook();
    wb.sheets.find((s) => s.name === "进度计划表")!.protected = true;
    const plan = planApply(wb, {
      today: SAMPLE_AS_OF,
      now: "2026-11-23 10:00:00",
      user: "u",
      lang: "zh",
      normalize: true,
    });
    expect(plan.patch.ops.filter((o) => o.sheet === "进度计划表")).toEqual([]);
    expect(plan.normalized.filter((n) => n.sheet === "进度计划表")).toEqual([]);
    expect(plan.patch.ops.some((o) => o.op === "createTable" && o.sheet === "合同执行情况表")).toBe(true);
    expect(plan.protection).toEqual({ sheets: ["进度计划表"], newSheets: [], notices: 0 });
    // Its findings are still reported.
    expect(plan.result.findings.some((f) => f.sheet === "进度计划表")).toBe(true);
  });

  test("the CLI leaves the sheet's part byte for byte and says so, in zh and en", async () => {
    const input = join(dir, "sheet.xlsx");
    const bytes = await protectedSample({ sheets: ["进度计划表"] });
    writeFileSync(input, bytes);
    const out = join(dir, "sheet.out.xlsx");
    const r = await run("apply", input, "-o", out, "--today", "2026-11-23");
    expect(r.err).toBe("");
    expect(r.out).toContain(
      "工作表“进度计划表”受保护，未作任何改动（表格、数字格式、数据验证、高亮和错误标记都没有加）；撤销工作表保护后再运行 apply。",
    );
    const before = unzipSync(bytes);
    const after = unzipSync(readFileSync(out));
    const part = sheetParts(before).get("进度计划表")!;
    expect(strFromU8(after[sheetParts(after).get("进度计划表")!])).toBe(strFromU8(before[part]));
    const applied = await readXlsx(out);
    expect(applied.sheets.find((s) => s.name === "合同执行情况表")?.tables.length).toBe(1);
    expect(applied.sheets.find((s) => s.name === "进度计划表")?.protected).toBe(true);
    const en = await run("apply", input, "-o", out, "--today", "2026-11-23", "--lang", "en");
    expect(en.out).toContain("Left unchanged because protected: 进度计划表");
  });

  test("the Office.js host applies the rest without touching it (the strict fake refuses any change)", async () => {
    const wb = sampleWorkbook();
    wb.sheets.find((s) => s.name === "进度计划表")!.protected = true;
    const model = fakeFromSnapshot(wb);
    const { host: h } = host(model);
    const outcome = await runApply(h, {
      lang: "zh",
      normalize: false,
      user: "u",
      now: NOW,
      asOf: SAMPLE_AS_OF,
    });
    expect(outcome.protection?.sheets).toEqual(["进度计划表"]);
    expect(model.sheet("进度计划表")?.tables).toEqual([]);
    expect(model.sheet("进度计划表")?.cfs).toEqual([]);
    expect(model.sheet("合同执行情况表")?.tables.length).toBe(1);
  });
});

describe("clear on a protected sheet", () => {
  test("leaves its marks, clears the rest, and says which sheet kept them (CLI and 操作日志)", async () => {
    const input = join(dir, "clear-in.xlsx");
    writeFileSync(input, await writeSnapshotXlsx(sampleWorkbook()));
    const applied = join(dir, "clear-applied.xlsx");
    expect((await run("apply", input, "-o", applied, "--today", "2026-11-23")).code).toBe(1);
    const locked = protect(readFileSync(applied), { sheets: ["进度计划表"] });
    const lockedFile = join(dir, "clear-locked.xlsx");
    writeFileSync(lockedFile, locked);
    const out = join(dir, "clear-out.xlsx");
    const r = await run("clear", lockedFile, "-o", out);
    expect(r.err).toBe("");
    expect(r.out).toContain(
      "工作表“进度计划表”受保护，其上的标记与高亮未清除；撤销工作表保护后再运行 clear。",
    );
    const before = unzipSync(locked);
    const after = unzipSync(readFileSync(out));
    // The protected sheet is byte for byte as it was; the other sheet lost the product's highlights.
    expect(strFromU8(after[sheetParts(after).get("进度计划表")!])).toBe(
      strFromU8(before[sheetParts(before).get("进度计划表")!]),
    );
    expect(strFromU8(before[sheetParts(before).get("合同执行情况表")!])).toContain("<conditionalFormatting");
    expect(strFromU8(after[sheetParts(after).get("合同执行情况表")!])).not.toContain(
      "<conditionalFormatting",
    );
    const log = (await readXlsx(out)).sheets.find((s) => s.name === "操作日志");
    const texts = (log?.rows ?? []).flatMap((row) => (row ?? []).map((c) => String(c?.value ?? "")));
    expect(texts.some((t) => t.includes("受保护的工作表「进度计划表」未改动"))).toBe(true);
  });
});

describe("apply on a workbook whose structure is protected", () => {
  test("adds no sheet, writes the rest, and names the sheets it could not add", async () => {
    const input = join(dir, "book.xlsx");
    writeFileSync(input, await protectedSample({ structure: true }));
    const out = join(dir, "book.out.xlsx");
    const r = await run("apply", input, "-o", out, "--today", "2026-11-23", "--company", "三才软件有限公司");
    expect(r.err).toBe("");
    expect(r.out).toContain(
      "工作簿结构受保护，未新建工作表“设置”、“校验报告”、“操作日志”，其余改动已写入；要生成它们，请先撤销工作簿保护（审阅 → 保护工作簿）。",
    );
    expect(r.out).toMatch(/\d+ 份通知因工作簿保护未生成/);
    const applied = await readXlsx(out);
    expect(applied.sheets.map((s) => s.name)).toEqual(sampleWorkbook().sheets.map((s) => s.name));
    expect(applied.structureProtected).toBe(true);
    expect(applied.sheets.find((s) => s.name === "进度计划表")?.tables.length).toBe(1);
  });

  test("the Office.js host adds no sheet either (the strict fake refuses one)", async () => {
    const wb = sampleWorkbook();
    wb.structureProtected = true;
    const model = fakeFromSnapshot(wb);
    const { host: h } = host(model);
    const outcome = await runApply(h, {
      lang: "en",
      normalize: false,
      user: "u",
      now: NOW,
      asOf: SAMPLE_AS_OF,
    });
    expect(model.sheets.map((s) => s.name)).toEqual(wb.sheets.map((s) => s.name));
    expect(outcome.protection?.newSheets).toEqual(["设置", "校验报告", "操作日志"]);
    expect(outcome.protection?.notices).toBeGreaterThan(0);
  });
});
