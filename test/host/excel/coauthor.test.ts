/**
 * Co-authoring: read() and apply() are separate batches with planning between, and co-authors
 * keep typing. Inside its apply the Office.js host checks its targets as they are now: rows go
 * below the table as it ends now, a table never shrinks, a cell a co-author changed is left, and
 * a product sheet is rewritten without deleting tables or clearing the whole sheet.
 */

import { markerName, markerRef } from "../../../src/core/owned";
import type { WorkbookPatch } from "../../../src/core/patch";
import type { Range } from "../../../src/core/snapshot";
import { FakeWorkbookModel, type FakeSheet } from "./fake-excel";
import { host } from "./measure";

const R = (r1: number, c1: number, r2: number, c2: number): Range => ({ r1, c1, r2, c2 });

function put(s: FakeSheet, r: number, c: number, value: string | number): void {
  s.touch(r, c).value = value;
}

/** A log sheet with a table over a header and two rows. */
function logBook(): FakeWorkbookModel {
  const model = new FakeWorkbookModel();
  const s = model.addSheet("操作日志");
  ["时间", "用户", "操作"].forEach((h, i) => put(s, 1, i + 1, h));
  for (const r of [2, 3]) ["2026-11-20", "张三", "应用"].forEach((v, i) => put(s, r, i + 1, v));
  s.tables.push({
    id: model.nextId(),
    name: "操作日志",
    range: R(1, 1, 3, 3),
    showHeaders: true,
    style: "TableStyleLight9",
  });
  // The product's marker on its log: its region is the table.
  model.names.push({
    name: markerName("log", "main"),
    formula: `=${markerRef("操作日志", R(1, 1, 3, 3))}`,
    visible: false,
  });
  const d = model.addSheet("数据");
  put(d, 1, 1, "日期");
  put(d, 2, 1, "2026/11/23");
  put(d, 3, 1, "2026/11/24");
  return model;
}

const APPEND: WorkbookPatch = {
  ops: [
    {
      op: "appendRows",
      sheet: "操作日志",
      table: "操作日志",
      startRow: 4,
      range: R(1, 1, 4, 3),
      rows: [[{ v: "2026-11-23" }, { v: "李娜" }, { v: "应用" }]],
    },
  ],
};

describe("the Office.js host applies over co-authors' edits made since its read", () => {
  it("appends below the rows a co-author added to the table since the read, and says so", async () => {
    const model = logBook();
    const { host: h, ctx } = host(model);
    await h.read();
    // A co-author types a row below the table: Excel grows the table over it.
    const s = model.sheet("操作日志")!;
    ["2026-11-22", "王五", "备注"].forEach((v, i) => put(s, 4, i + 1, v));
    s.tables[0].range = R(1, 1, 4, 3);
    ctx.resetStats();
    const notes = await h.apply(APPEND);
    expect(ctx.syncCount).toBeLessThanOrEqual(3);
    expect([1, 2, 3].map((c) => s.text(`${"ABC"[c - 1]}4`))).toEqual(["2026-11-22", "王五", "备注"]);
    expect([1, 2, 3].map((c) => s.text(`${"ABC"[c - 1]}5`))).toEqual(["2026-11-23", "李娜", "应用"]);
    expect(s.tables[0].range).toEqual(R(1, 1, 5, 3));
    expect(notes).toEqual([{ code: "table-grown", sheet: "操作日志", range: "A1:C4", detail: "操作日志" }]);
  });

  it("never makes a table smaller than it now is", async () => {
    const model = logBook();
    const { host: h } = host(model);
    await h.read();
    const s = model.sheet("操作日志")!;
    for (const r of [4, 5, 6]) ["2026-11-22", "王五", "备注"].forEach((v, i) => put(s, r, i + 1, v));
    s.tables[0].range = R(1, 1, 6, 3);
    await h.apply(APPEND);
    expect(s.tables[0].range).toEqual(R(1, 1, 7, 3));
    expect(s.text("B7")).toBe("李娜");
    expect(s.text("B6")).toBe("王五");
  });

  it("leaves a cell a co-author changed since the read, sets the others, and says so", async () => {
    const model = logBook();
    const { host: h } = host(model);
    await h.read();
    const d = model.sheet("数据")!;
    put(d, 3, 1, "2026/12/01");
    const notes = await h.apply({
      ops: [
        {
          op: "setValues",
          sheet: "数据",
          cells: [
            { cell: "A2", write: { v: 46349, style: { numFmt: "yyyy-mm-dd" } } },
            { cell: "A3", write: { v: 46350, style: { numFmt: "yyyy-mm-dd" } } },
          ],
        },
      ],
    });
    expect(d.text("A2")).toBe(46349);
    expect(d.text("A3")).toBe("2026/12/01");
    expect(notes).toEqual([{ code: "cell-changed", sheet: "数据", range: "A3" }]);
  });

  it("rewrites a product sheet without deleting its tables' rows or clearing what a co-author typed beside", async () => {
    const model = logBook();
    const { host: h, ctx } = host(model);
    await h.read();
    const s = model.sheet("操作日志")!;
    put(s, 2, 6, "我的批注");
    ctx.resetStats();
    await h.apply({
      ops: [
        {
          op: "writeSheet",
          sheet: "操作日志",
          owner: { kind: "log", id: "main" },
          visibility: "visible",
          previous: R(1, 1, 3, 3),
          content: {
            rows: [
              [{ v: "时间" }, { v: "用户" }, { v: "操作" }],
              [{ v: "2026-11-23" }, { v: "李娜" }, { v: "应用" }],
            ],
            tables: [{ name: "操作日志", range: R(1, 1, 2, 3), style: "TableStyleLight9" }],
          },
        },
      ],
    });
    expect(s.text("F2")).toBe("我的批注");
    expect(s.text("B2")).toBe("李娜");
    expect(s.cell(3, 2)?.value ?? "").toBe("");
    expect(s.tables.map((t) => [t.name, t.range])).toEqual([["操作日志", R(1, 1, 2, 3)]]);
    expect(ctx.syncs.some((x) => x.actions > 0)).toBe(true);
  });

  it("checks more cells than one response holds in bands, each response within the limit", async () => {
    const model = new FakeWorkbookModel();
    const d = model.addSheet("数据");
    for (let r = 1; r <= 3000; r++) put(d, r, 1, `2026/11/${(r % 28) + 1}`);
    const { host: h, ctx } = host(model, undefined, 40_000);
    await h.read();
    ctx.responseLimitBytes = 40_000;
    put(d, 2999, 1, "改过");
    ctx.resetStats();
    const notes = await h.apply({
      ops: [
        {
          op: "setValues",
          sheet: "数据",
          cells: Array.from({ length: 3000 }, (_, i) => ({ cell: `A${i + 1}`, write: { v: 46000 + i } })),
        },
      ],
    });
    expect(ctx.maxResponseBytes).toBeLessThanOrEqual(40_000);
    expect(ctx.syncCount).toBeGreaterThan(2);
    expect(notes).toEqual([{ code: "cell-changed", sheet: "数据", range: "A2999" }]);
    expect(d.text("A1")).toBe(46000);
    expect(d.text("A2999")).toBe("改过");
    expect(d.text("A3000")).toBe(48999);
  });
});
