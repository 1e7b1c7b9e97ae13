/**
 * The Office.js host against a strict fake of the Excel API: the snapshot it reads is the one
 * the .xlsx reader gives for the same workbook; the patch it applies leaves the workbook with
 * the product's tables, values, rules, validation and sheets; round trips stay fixed however
 * many rows there are.
 */

import { runApply, runClear } from "../../../src/app/apply";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../../src/app/sample";
import { isoToSerial } from "../../../src/core/dates";
import { OWN_TAG, OWN_TITLE } from "../../../src/core/patch";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { needsQuote } from "../../../src/host/excel/text";
import { readXlsx } from "../../../src/host/xlsx/read";
import { XlsxHost } from "../../../src/host/xlsx/host";
import { writeXlsx, type CellInput, type SheetInput } from "../../helpers/workbook";
import {
  FakeContext,
  FakeWorkbookModel,
  fakeFromSnapshot,
  type FakeCell,
  type FakeSheet,
} from "./fake-excel";
import { applyPatchFor, host, measure } from "./measure";

const NOW = new Date("2026-11-23T02:00:00Z");

/** The same content a user would have typed into Excel, cell by cell. */
function fakeFromInput(sheets: SheetInput[], date1904 = false): FakeWorkbookModel {
  const model = new FakeWorkbookModel();
  model.date1904 = date1904;
  for (const s of sheets) {
    const sheet = model.addSheet(s.name);
    sheet.visibility = s.state === "hidden" ? "Hidden" : s.state === "veryHidden" ? "VeryHidden" : "Visible";
    s.rows.forEach((row, i) => row.forEach((input, j) => put(sheet, i + 1, j + 1, input, date1904)));
    for (const m of s.merges ?? []) sheet.merges.push(parse(m));
    for (const t of s.tables ?? [])
      sheet.tables.push({
        id: model.nextId(),
        name: t.name,
        range: parse(t.ref),
        showHeaders: true,
        style: "TableStyleMedium2",
      });
    for (const [ref, fmt] of Object.entries(s.numFmts ?? {})) {
      const r = parse(ref);
      sheet.touch(r.r1, r.c1).numFmt = fmt;
    }
  }
  return model;
}

function parse(ref: string) {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref)!;
  const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { r1: Number(m[2]), c1: col(m[1]), r2: Number(m[4] ?? m[2]), c2: col(m[3] ?? m[1]) };
}

function put(sheet: FakeSheet, r: number, c: number, input: CellInput, date1904: boolean): void {
  if (input === null || input === undefined) return;
  const cell = sheet.touch(r, c);
  if (typeof input !== "object") {
    cell.value = input;
    return;
  }
  if ("date" in input) {
    cell.value = isoToSerial(input.date, date1904);
    cell.numFmt = "yyyy-mm-dd";
  } else if ("error" in input) cell.value = input.error;
  else {
    cell.formula = `=${input.formula}`;
    const res = input.result;
    if (res !== undefined && typeof res === "object") {
      if ("date" in res) {
        cell.value = isoToSerial(res.date, date1904);
        cell.numFmt = "yyyy-mm-dd";
      } else cell.value = res.error;
    } else cell.value = res ?? "";
  }
}

const SHEETS: SheetInput[] = [
  {
    name: "进度计划表",
    rows: [
      ["智慧园区一期项目实施进度计划表"],
      [],
      ["序号", "任务名称", "计划完成", "完成率", "备注"],
      [1, "项目启动会", { date: "2026-02-27" }, 1, "=1+1 是文字"],
      [2, "调研", { date: "2026-03-20" }, 0.5, { error: "#N/A" }],
      [3, "方案", { formula: "C5+7", result: 46108 }, true, null],
      [null, null, null, null, { formula: "1/0", result: { error: "#DIV/0!" } }],
    ],
    merges: ["A1:E1"],
    numFmts: { D4: "0%", D5: "0%", C6: "yyyy-mm-dd" },
    tables: [{ name: "计划", ref: "A3:E6" }],
  },
  { name: "隐藏", rows: [[], [null, null, "x"]], state: "hidden" },
  { name: "空表", rows: [] },
];

describe("ExcelHost.read", () => {
  it("gives the snapshot the .xlsx reader gives for the same workbook", async () => {
    const fromFile = await readXlsx(await writeXlsx(undefined, SHEETS));
    const { host: h, ctx } = host(fakeFromInput(SHEETS));
    const snap = await h.read();
    // The text "=1+1 …" was typed as text: no formula either way.
    expect(snap).toEqual(fromFile);
    expect(ctx.syncCount).toBeLessThanOrEqual(3);
  });

  it("knows the 1904 date system", async () => {
    const sheets: SheetInput[] = [{ name: "S", rows: [["日期"], [{ date: "2026-11-23" }]] }];
    const fromFile = await readXlsx(await writeXlsx(undefined, sheets, { date1904: true }));
    const snap = await host(fakeFromInput(sheets, true)).host.read();
    expect(snap.date1904).toBe(true);
    expect(snap).toEqual(fromFile);
  });

  it("reads no merges before ExcelApi 1.13, and never a property it did not load", async () => {
    const model = fakeFromInput(SHEETS);
    model.apiMinor = 8;
    const snap = await host(model).host.read();
    expect(snap.sheets[0].merges).toEqual([]);
    expect(snap.sheets[0].tables.map((t) => t.name)).toEqual(["计划"]);
  });
});

describe("the fake is strict", () => {
  it("refuses a property that was not loaded and synced", async () => {
    const ctx = new FakeContext(fakeFromInput(SHEETS));
    const ws = ctx.workbook.worksheets.load("items/name");
    expect(() => ws.items).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(() => ws.items[0].visibility).toThrow(/PropertyNotLoaded/);
    const range = ws.items[0].getRange("A1").load("values");
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(range.values).toEqual([["智慧园区一期项目实施进度计划表"]]);
  });

  it("applies writes only at sync, and refuses a request over 5 MB", async () => {
    const model = fakeFromInput(SHEETS);
    const ctx = new FakeContext(model);
    ctx.workbook.worksheets.getItem("空表").getRange("A1").values = [["x"]];
    expect(model.sheet("空表")!.cell(1, 1)).toBeUndefined();
    await ctx.sync();
    expect(model.sheet("空表")!.text("A1")).toBe("x");
    const big = Array.from({ length: 60_000 }, () => Array(10).fill("一段相当长的文字，"));
    ctx.workbook.worksheets.getItem("空表").getRange("A1:J60000").values = big;
    await expect(ctx.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
  });
});

describe("ExcelHost.apply", () => {
  it("leaves the sample workbook with the product's sheets, tables, rules and validation, like the .xlsx host", async () => {
    const wb = sampleWorkbook();
    const patch = applyPatchFor(wb);
    const model = fakeFromSnapshot(wb);
    const { host: h, ctx } = host(model);
    await h.read();
    ctx.resetStats();
    await h.apply(patch);
    expect(ctx.syncCount).toBeLessThanOrEqual(2);
    expect(h.notes).toEqual([]);

    // The .xlsx host, for comparison.
    const xlsx = new XlsxHost(await writeSampleXlsx(wb));
    await xlsx.apply(patch);
    const fromFile = await xlsx.read();
    const fromExcel = await h.read();

    expect(fromExcel.sheets.map((s) => [s.name, s.visibility])).toEqual(
      fromFile.sheets.map((s) => [s.name, s.visibility]),
    );
    const tables = (w: WorkbookSnapshot) =>
      w.sheets.flatMap((s) => s.tables.map((t) => `${s.name}:${t.name}:${JSON.stringify(t.range)}`)).sort();
    expect(tables(fromExcel)).toEqual(tables(fromFile));
    // Every value the product wrote reads back the same (the log's time stamp comes from the patch).
    for (const s of fromFile.sheets) {
      const mine = fromExcel.sheets.find((x) => x.name === s.name)!;
      const values = (x: typeof s) => x.rows.map((r) => r?.map((c) => (c ? c.value : undefined)));
      expect(values(mine)).toEqual(values(s));
    }

    const cfSheets = model.sheets.filter((s) => s.cfs.length);
    expect(cfSheets.length).toBeGreaterThan(0);
    for (const s of cfSheets)
      for (const cf of s.cfs) {
        expect(cf.type).toBe("Custom");
        expect(cf.formula).toMatch(new RegExp(`^=.*N\\("${OWN_TAG}`));
      }
    const dvs = model.sheets.flatMap((s) => s.dvs);
    expect(dvs.length).toBe(patch.ops.filter((o) => o.op === "setValidation").length);
    for (const dv of dvs) expect(dv.errorAlert?.title).toBe(OWN_TITLE);
  });

  it("is idempotent: a second run adds no table, rule, validation or sheet", async () => {
    const model = fakeFromSnapshot(sampleWorkbook());
    const { host: h } = host(model);
    await runApply(h, { lang: "zh", normalize: false, user: "测试", now: NOW, asOf: SAMPLE_AS_OF });
    const count = () => ({
      sheets: model.sheets.map((s) => s.name),
      tables: model.allTables().map((t) => t.table.name),
      cfs: model.sheets.map((s) => s.cfs.length),
      dvs: model.sheets.map((s) => s.dvs.length),
    });
    const once = count();
    await runApply(h, { lang: "zh", normalize: false, user: "测试", now: NOW, asOf: SAMPLE_AS_OF });
    expect(count()).toEqual(once);
    await runClear(h, { lang: "zh", user: "测试", now: NOW });
    expect(model.sheets.every((s) => s.cfs.length === 0)).toBe(true);
  });

  it("keeps the user's own conditional format and validation", async () => {
    const wb = sampleWorkbook();
    const model = fakeFromSnapshot(wb);
    const sheet = model.sheets[0];
    sheet.cfs.push({
      id: "user-1",
      type: "Custom",
      ranges: [parse("A4:A10")],
      formula: "=A4>5",
      format: {},
      stopIfTrue: false,
      priority: 0,
    });
    const { host: h } = host(model);
    await runApply(h, { lang: "zh", normalize: false, user: "测试", now: NOW, asOf: SAMPLE_AS_OF });
    await runClear(h, { lang: "zh", user: "测试", now: NOW });
    expect(sheet.cfs.map((c) => c.id)).toEqual(["user-1"]);
  });

  it("writes text as text: =1+1 never becomes a formula", async () => {
    const model = fakeFromInput([{ name: "S", rows: [["a"]] }]);
    const { host: h } = host(model);
    await h.read();
    await h.apply({
      ops: [
        {
          op: "setValues",
          sheet: "S",
          cells: [
            { cell: "A2", write: { v: "=1+1" } },
            { cell: "A3", write: { v: "-5" } },
            { cell: "A4", write: { v: "2026-11-23" } },
            { cell: "A5", write: { v: "@user" } },
            { cell: "A6", write: { v: "普通文字" } },
            { cell: "A7", write: { v: 2, formula: "1+1" } },
          ],
        },
      ],
    });
    const s = model.sheet("S")!;
    expect(["A2", "A3", "A4", "A5", "A6"].map((a) => s.text(a))).toEqual([
      "=1+1",
      "-5",
      "2026-11-23",
      "@user",
      "普通文字",
    ]);
    expect(s.cell(2, 1)!.formula).toBeUndefined();
    expect(s.cell(2, 1)!.numFmt).toBe("General");
    expect(s.cell(7, 1)!.formula).toBe("=1+1");
    const snap = await h.read();
    expect(snap.sheets[0].rows[1]![0]).toEqual({ value: "=1+1" });
    expect(needsQuote("项目")).toBe(false);
    expect(needsQuote("TRUE")).toBe(true);
    expect(needsQuote("#N/A")).toBe(true);
  });

  it("writes a product sheet whole: styles, merges, widths, links, freeze panes, page layout", async () => {
    const model = fakeFromInput([{ name: "S", rows: [["a"]] }]);
    const { host: h } = host(model);
    await h.read();
    await h.apply({
      ops: [
        {
          op: "writeSheet",
          sheet: "报告",
          owner: { kind: "report", id: "main" },
          visibility: "visible",
          after: "S",
          content: {
            rows: [
              [
                { v: "标题", style: { bold: true, fill: "FFC7CE" } },
                { v: "b", style: { bold: true } },
              ],
              [
                { v: 1, style: { vAlign: "top", border: "all", numFmt: "0.00" } },
                { v: "S!A1", link: { sheet: "S", cell: "A1" } },
              ],
            ],
            merges: [{ r1: 3, c1: 1, r2: 3, c2: 2 }],
            colWidths: [10, 10],
            freeze: { rows: 1, cols: 0 },
            pageSetup: {
              paper: "A4",
              orientation: "landscape",
              fitToWidth: 1,
              printTitleRows: { r1: 1, r2: 1 },
            },
          },
        },
      ],
    });
    const s = model.sheet("报告")!;
    expect(model.sheets.map((x) => x.name)).toEqual(["S", "报告"]);
    expect(s.cell(1, 1)!.style).toEqual({ "font.bold": true, "fill.color": "#FFC7CE" });
    expect(s.cell(1, 2)!.style).toEqual({ "font.bold": true });
    expect(s.cell(2, 1)!.style).toMatchObject({
      verticalAlignment: "Top",
      "border.EdgeTop.style": "Continuous",
    });
    expect(s.cell(2, 1)!.numFmt).toBe("0.00");
    expect(s.cell(2, 2)!.link).toEqual({ documentReference: "'S'!A1", textToDisplay: "S!A1" });
    expect(s.merges).toEqual([{ r1: 3, c1: 1, r2: 3, c2: 2 }]);
    expect(s.colWidths.get(1)).toBeGreaterThan(50);
    expect(s.freeze).toEqual({ rows: 1, cols: 0 });
    expect(s.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4" });
    expect(s.printTitleRows).toBe("$1:$1");
  });

  it("appends below a table by writing values and resizing it, also before ExcelApi 1.13", async () => {
    for (const minor of [16, 9]) {
      const model = fakeFromInput([
        {
          name: "S",
          rows: [
            ["项", "值"],
            ["a", 1],
          ],
          tables: [{ name: "T", ref: "A1:B2" }],
        },
      ]);
      model.apiMinor = minor;
      const { host: h } = host(model);
      await h.read();
      await h.apply({
        ops: [
          {
            op: "appendRows",
            sheet: "S",
            table: "T",
            startRow: 3,
            range: parse("A1:B4"),
            rows: [
              [{ v: "b" }, { v: 2 }],
              [{ v: "c" }, { v: 3 }],
            ],
          },
        ],
      });
      const s = model.sheet("S")!;
      expect(s.tables.map((t) => [t.name, t.range])).toEqual([["T", parse("A1:B4")]]);
      expect(s.text("A4")).toBe("c");
    }
  });
});

describe("round trips do not grow with rows", () => {
  it("≤ 3 context.sync() per operation on a 10,000-row workbook, every request under 5 MB", async () => {
    const m = await measure(10_000);
    for (const r of m.results) {
      expect(r.syncs).toBeLessThanOrEqual(3);
      expect(r.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    }
  });

  it("splits a write larger than the request budget into a few syncs", async () => {
    const model = fakeFromInput([{ name: "S", rows: [["a"]] }]);
    const { host: h, ctx } = host(model, 200_000);
    await h.read();
    ctx.resetStats();
    const rows = Array.from({ length: 20_000 }, (_, i) => [{ v: `第${i}行的文字` }, { v: i }]);
    await h.apply({
      ops: [
        {
          op: "writeSheet",
          sheet: "大",
          owner: { kind: "report", id: "main" },
          visibility: "visible",
          content: { rows },
        },
      ],
    });
    expect(ctx.syncCount).toBeGreaterThan(1);
    expect(ctx.maxSyncBytes).toBeLessThanOrEqual(200_000 + 600_000);
    expect(model.sheet("大")!.text("A20000")).toBe("第19999行的文字");
  });
});

/**
 * A sheet of `rows` × 12 cells a user could have typed: text (Chinese, so three bytes a
 * character), numbers, dates with their format, formulas, errors and gaps.
 */
function bigSheet(model: FakeWorkbookModel, name: string, rows: number): void {
  const sheet = model.addSheet(name);
  for (let r = 1; r <= rows; r++) {
    const put = (c: number, value: string | number | boolean, extra: Partial<FakeCell> = {}) =>
      Object.assign(sheet.touch(r, c), { value, ...extra });
    put(1, r);
    put(2, `第${r}项任务：现场施工与验收`);
    put(3, 46000 + (r % 300), { numFmt: "yyyy-mm-dd" });
    put(4, 46010 + (r % 300), { numFmt: "yyyy-mm-dd" });
    put(5, (r % 10) / 10, { numFmt: "0%" });
    if (r % 3) put(6, `负责人${r % 17}`);
    put(7, r * 1.5, { formula: `=A${r}*1.5` });
    if (r % 50 === 0) put(8, "#N/A");
    put(9, r % 2 === 0);
    if (r % 7) put(10, "备注：按计划推进，如有变更另行通知相关单位");
    put(11, 12345.678 + r, { numFmt: "#,##0.00" });
    if (r % 5 === 0) put(12, "=1+1 是文字", { quotePrefix: true });
  }
}

describe("read stays under Excel on the web's 5 MB response limit", () => {
  const MB5 = 5 * 1024 * 1024;

  it("reads a workbook too big for one response in bands, each under 5 MB, the same as unchunked", async () => {
    const model = new FakeWorkbookModel();
    bigSheet(model, "计划", 12_000);
    model.addSheet("说明").touch(1, 1).value = "中间的小表";
    bigSheet(model, "合同", 4_000);
    const { host: h, ctx } = host(model);
    const chunked = await h.read();
    const sizes = ctx.syncs.map((s) => s.responseBytes);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(MB5);
    for (const bytes of sizes) expect(bytes).toBeLessThanOrEqual(MB5);
    // The fewest syncs the 4 MB budget allows, give or take one for the estimate: the names, then
    // the cells in bands (the first with the merges, rules and tables).
    expect(ctx.syncCount).toBeLessThanOrEqual(1 + Math.ceil(total / 4_000_000) + 1);

    // The same workbook read in one go, as if there were no limit.
    const one = host(model, undefined, Number.MAX_SAFE_INTEGER);
    one.ctx.responseLimitBytes = Number.POSITIVE_INFINITY;
    const whole = await one.host.read();
    // Names and the end sheets' extents, then their cells, then the middle sheet's.
    expect(one.ctx.syncCount).toBe(3);
    expect(chunked).toEqual(whole);
    expect(chunked.sheets[0].rows[12_000 - 1]![1]).toEqual({ value: "第12000项任务：现场施工与验收" });
  });

  it("gives the same snapshot in bands of a row as in one response: merges, tables, rules, errors", async () => {
    const withRule = () => {
      const model = fakeFromInput(SHEETS);
      model.sheets[0].cfs.push({
        id: "own-1",
        type: "Custom",
        ranges: [parse("A4:A6")],
        formula: `=AND(A4>0,N("${OWN_TAG}"))`,
        format: {},
        stopIfTrue: false,
        priority: 0,
      });
      return model;
    };
    const whole = host(withRule());
    const tiny = host(withRule(), undefined, 1);
    const expected = await whole.host.read();
    expect(whole.ctx.syncCount).toBe(3);
    expect(await tiny.host.read()).toEqual(expected);
    // A row a sync, and the rules' formulas along with the first band after the second sync.
    expect(tiny.ctx.syncCount).toBeGreaterThan(5);
    // Both know the product's rule is the product's: clearing it needs no read.
    for (const { host: h, ctx } of [whole, tiny]) {
      ctx.resetStats();
      await h.apply({ ops: [{ op: "clearOwnFormats", sheet: "进度计划表" }] });
      expect(ctx.syncCount).toBe(1);
      expect(ctx.model.sheets[0].cfs).toEqual([]);
    }
  });

  it("reads a big sheet that is neither first nor last, still in bands under 5 MB", async () => {
    const model = new FakeWorkbookModel();
    model.addSheet("封面").touch(1, 1).value = "封面";
    bigSheet(model, "计划", 20_000);
    model.addSheet("附表").touch(1, 1).value = "附表";
    const { host: h, ctx } = host(model);
    const snap = await h.read();
    for (const s of ctx.syncs) expect(s.responseBytes).toBeLessThanOrEqual(MB5);
    expect(snap.sheets.map((s) => s.rows.length)).toEqual([1, 20_000, 1]);
  });
});

describe("apply stays under Excel on the web's 5 MB request limit", () => {
  it("splits a very large write into syncs of at most the budget, each under 5 MB", async () => {
    const model = fakeFromInput([{ name: "S", rows: [["a"]] }]);
    const { host: h, ctx } = host(model);
    await h.read();
    ctx.resetStats();
    const text = "一段相当长的文字，用来把请求撑大";
    const rows = Array.from({ length: 40_000 }, (_, i) =>
      Array.from({ length: 6 }, (_, j) => ({ v: j ? `${text}${i}` : i, style: { numFmt: j ? "@" : "0" } })),
    );
    await h.apply({
      ops: [
        {
          op: "writeSheet",
          sheet: "大",
          owner: { kind: "report", id: "main" },
          visibility: "visible",
          content: { rows },
        },
      ],
    });
    const total = ctx.syncs.reduce((n, s) => n + s.bytes, 0);
    expect(total).toBeGreaterThan(10 * 1024 * 1024);
    for (const s of ctx.syncs) expect(s.bytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(ctx.syncCount).toBeLessThanOrEqual(Math.ceil(total / 4_000_000) + 1);
    expect(model.sheet("大")!.text("B40000")).toBe(`${text}39999`);
  });
});

async function writeSampleXlsx(wb: WorkbookSnapshot): Promise<Uint8Array> {
  const { writeSnapshotXlsx } = await import("../../../src/host/xlsx/write-snapshot");
  return new Uint8Array(await writeSnapshotXlsx(wb));
}
