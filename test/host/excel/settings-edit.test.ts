/**
 * The task pane's settings edits through the Office.js host, against the strict fake: the first
 * edit makes the hidden 设置 sheet with the edited values in, a second one writes only the cells
 * that change and grows the tables over new rows (never TableRowCollection.add, which the fake
 * refuses), what is saved reads back as the edit, and the round trips do not grow with the
 * schedule's rows.
 */

import { runSettingsEdit } from "../../../src/app/settings";
import { sampleWorkbook } from "../../../src/app/sample";
import type { SettingsEdit } from "../../../src/core/plan/settings-edit";
import { a1, type WorkbookSnapshot } from "../../../src/core/snapshot";
import { PARAM_LABELS, readWorkbookState } from "../../../src/core/workbook-settings";
import { XlsxHost } from "../../../src/host/xlsx/host";
import { readXlsxBytes } from "../../../src/host/xlsx/read";
import { userSettingsBook } from "../../helpers/settings-book";
import { fakeFromSnapshot, type FakeCell, type FakeSheet, type FakeWorkbookModel } from "./fake-excel";
import { host, orderlyWorkbook } from "./measure";

/** The row of the first mapping on the 设置 sheet the product writes: below every parameter. */
const MAP_ROW = 3 + PARAM_LABELS.length;

const FIRST: SettingsEdit = {
  params: { noticeWorkdays: 5, companyName: "=SUM(1)" },
  holidays: [{ date: "2027-02-08", type: "休", name: "春节" }],
  mappings: [{ sheet: "进度计划表", column: "F", field: null }],
};

const SECOND: SettingsEdit = {
  params: { noticeWorkdays: 7 },
  holidays: [...FIRST.holidays!, { date: "2027-02-09", type: "休", name: "春节" }],
};

/** Round trips of one runSettingsEdit: its read, then its apply. */
interface Syncs {
  read: number;
  apply: number;
}

/** Runs `edit` on the fake through a new ExcelHost, counting each half's context.sync() calls. */
async function edit(model: FakeWorkbookModel, e: SettingsEdit) {
  const { host: h, ctx } = host(model);
  const syncs: Syncs = { read: 0, apply: 0 };
  const apply = h.apply.bind(h);
  h.apply = async (patch) => {
    syncs.read = ctx.syncCount;
    const notes = await apply(patch);
    syncs.apply = ctx.syncCount - syncs.read;
    return notes;
  };
  const result = await runSettingsEdit(h, e, "zh");
  if (result.operations === 0) syncs.read = ctx.syncCount;
  const applyBytes = ctx.syncs.slice(syncs.read).reduce((n, x) => n + x.bytes, 0);
  return { ...result, syncs, applyBytes, notes: h.notes };
}

/** What a fresh ExcelHost reads the workbook as. */
async function reread(model: FakeWorkbookModel): Promise<WorkbookSnapshot> {
  return host(model).host.read();
}

/** Every cell of a sheet, by address, as plain data. */
function cells(sheet: FakeSheet): Map<string, FakeCell> {
  const out = new Map<string, FakeCell>();
  for (const [r, row] of sheet.cells) for (const [c, cell] of row) out.set(a1(r, c), structuredClone(cell));
  return out;
}

/** The row of 参数 whose 项 is `label`. */
function rowOf(sheet: FakeSheet, label: string): number {
  for (const [r, row] of sheet.cells) if (row.get(1)?.value === label) return r;
  throw new Error(`no ${label} row`);
}

const WORKBOOKS: Array<[string, () => WorkbookSnapshot]> = [
  ["the sample workbook", sampleWorkbook],
  ["a 10,000-row schedule", () => orderlyWorkbook(10_000)],
];

describe.each(WORKBOOKS)("runSettingsEdit through ExcelHost on %s", (name, workbook) => {
  let model: FakeWorkbookModel;
  const measured: Record<string, Syncs> = {};

  beforeAll(() => {
    model = fakeFromSnapshot(workbook());
  });

  it("without a 设置 sheet, makes a hidden one that reads back as the edit", async () => {
    expect(model.sheet("设置")).toBeUndefined();
    const sheetsBefore = model.sheets.map((s) => s.name);
    const { operations, state, syncs, notes } = await edit(model, FIRST);
    measured.first = syncs;
    expect(operations).toBe(1);
    expect(notes).toEqual([]);

    const s = model.sheet("设置")!;
    expect(model.sheets.map((x) => x.name)).toEqual([...sheetsBefore, "设置"]);
    expect(s.visibility).toBe("Hidden");

    const after = await reread(model);
    const read = readWorkbookState(after);
    expect(state).toEqual(read);
    expect(read.hasSettingsSheet).toBe(true);
    expect(read.settings.noticeWorkdays).toBe(5);
    expect(read.settings.companyName).toBe("=SUM(1)");
    expect(read.holidays).toEqual(FIRST.holidays);
    expect(read.mappings).toEqual(FIRST.mappings);

    // =SUM(1) is text in the cell, quote-prefixed as typing '=SUM(1) makes it, not a formula.
    const company = s.cell(rowOf(s, "公司名称"), 2)!;
    expect(company).toMatchObject({ value: "=SUM(1)", quotePrefix: true });
    expect(company.formula).toBeUndefined();
    expect([...cells(s).values()].filter((c) => c.formula !== undefined)).toEqual([]);

    // 参数: every setting and the mapping below its header; 节假日: the one holiday.
    expect(s.tables.map((t) => [t.name, t.range])).toEqual([
      ["参数", { r1: 2, c1: 1, r2: MAP_ROW, c2: 3 }],
      ["节假日", { r1: 2, c1: 5, r2: 3, c2: 7 }],
    ]);
    expect([s.text(`A${MAP_ROW}`), s.text(`B${MAP_ROW}`)]).toEqual(["列映射:进度计划表!F", "不映射"]);
    expect([s.text("E3"), s.cell(3, 5)!.numFmt, s.text("F3"), s.text("G3")]).toEqual([
      46426,
      "yyyy-mm-dd",
      "休",
      "春节",
    ]);
  });

  it("on the sheet it made, writes only the cells that change and grows 节假日 over the new row", async () => {
    const s = model.sheet("设置")!;
    const before = cells(s);
    const touched = new Set<string>();
    const touch = s.touch.bind(s);
    s.touch = (r, c) => {
      touched.add(a1(r, c));
      return touch(r, c);
    };
    const { operations, state, syncs, notes } = await edit(model, SECOND);
    s.touch = touch;
    measured.second = syncs;
    expect(operations).toBe(2);
    expect(notes).toEqual([]);

    // 实施通知工作日数's 值, and the new holiday's row below the table: nothing else.
    const notice = rowOf(s, "实施通知工作日数");
    expect(notice).toBe(6);
    expect([...touched].sort()).toEqual(["B6", "E4", "F4", "G4"]);
    const now = cells(s);
    for (const [at, cell] of before) if (!touched.has(at)) expect([at, now.get(at)]).toEqual([at, cell]);
    expect(now.get("B6")).toMatchObject({ value: 7 });
    expect([s.text("E4"), s.cell(4, 5)!.numFmt, s.text("F4"), s.text("G4")]).toEqual([
      46427,
      "yyyy-mm-dd",
      "休",
      "春节",
    ]);

    // The tables, by resize (the fake refuses TableRowCollection): 参数 as it was, 节假日 one row longer.
    expect(s.tables.map((t) => [t.name, t.range])).toEqual([
      ["参数", { r1: 2, c1: 1, r2: MAP_ROW, c2: 3 }],
      ["节假日", { r1: 2, c1: 5, r2: 4, c2: 7 }],
    ]);
    expect(s.visibility).toBe("Hidden");

    const read = readWorkbookState(await reread(model));
    expect(state).toEqual(read);
    expect(read.settings.noticeWorkdays).toBe(7);
    expect(read.settings.companyName).toBe("=SUM(1)");
    expect(read.holidays).toEqual(SECOND.holidays);
    expect(read.mappings).toEqual(FIRST.mappings);
  });

  it("saving the same edit again reads and writes nothing", async () => {
    const before = cells(model.sheet("设置")!);
    const { operations, syncs } = await edit(model, SECOND);
    measured.again = syncs;
    expect(operations).toBe(0);
    expect(syncs.apply).toBe(0);
    expect(cells(model.sheet("设置")!)).toEqual(before);
  });

  it("takes a fixed number of round trips whatever the rows: at most three to read, two to apply", () => {
    // Reads take two syncs, three when a sheet's cells are read in two bands (the 10,000-row
    // schedule) or a sheet with content is neither first nor last (合同执行情况表 once 设置 follows it).
    for (const s of Object.values(measured)) expect(s.read).toBeLessThanOrEqual(3);
    // An edit of cells that exist reads them first, in one sync, to leave a co-author's newer edit.
    expect(Object.values(measured).map((s) => s.apply)).toEqual([1, 2, 0]);
  });
});

describe("runSettingsEdit through ExcelHost: what an edit sends does not grow with rows", () => {
  it("sends the same few hundred bytes for the second edit on the sample and on 10,000 rows", async () => {
    const sent: number[] = [];
    for (const [, workbook] of WORKBOOKS) {
      const model = fakeFromSnapshot(workbook());
      await edit(model, FIRST);
      const { syncs, applyBytes } = await edit(model, SECOND);
      expect(syncs.apply).toBe(2);
      sent.push(applyBytes);
    }
    expect(sent[0]).toBeLessThan(2_000);
    expect(sent[1]).toBe(sent[0]);
  });
});

describe("runSettingsEdit through ExcelHost before ExcelApi 1.13", () => {
  it("grows 节假日 by making the table again over the new extent, with its name and style", async () => {
    const model = fakeFromSnapshot(sampleWorkbook(), 9);
    await edit(model, FIRST);
    const s = model.sheet("设置")!;
    const style = s.tables.find((t) => t.name === "节假日")!.style;
    const { syncs, notes } = await edit(model, SECOND);
    expect(notes).toEqual([]);
    expect(syncs.read).toBeLessThanOrEqual(3);
    expect(syncs.apply).toBe(2);
    expect(s.tables.map((t) => [t.name, t.range, t.style])).toEqual([
      ["参数", { r1: 2, c1: 1, r2: MAP_ROW, c2: 3 }, expect.any(String)],
      ["节假日", { r1: 2, c1: 5, r2: 4, c2: 7 }, style],
    ]);
    const read = readWorkbookState(await reread(model));
    expect(read.holidays).toEqual(SECOND.holidays);
    expect(read.settings.noticeWorkdays).toBe(7);
  });
});

describe("runSettingsEdit through ExcelHost in the 1904 date system", () => {
  it("writes 节假日 dates as the workbook's serials and reads them back as the same days", async () => {
    const model = fakeFromSnapshot({ ...sampleWorkbook(), date1904: true });
    await edit(model, FIRST);
    await edit(model, SECOND);
    const s = model.sheet("设置")!;
    expect([s.text("E3"), s.text("E4")]).toEqual([46426 - 1462, 46427 - 1462]);
    const read = readWorkbookState(await reread(model));
    expect(read.holidays).toEqual(SECOND.holidays);
  });
});

describe("runSettingsEdit through ExcelHost on a 设置 sheet a user made", () => {
  const book = userSettingsBook;
  const EDIT: SettingsEdit = {
    params: {
      dueSoonWorkdays: 4,
      companyName: "=SUM(1)",
      asOf: "2027-10-08",
      departments: { sales: "市场部" },
    },
    holidays: [
      { date: "2027-10-01", type: "休", name: "国庆节" },
      { date: "2027-10-09", type: "班", name: "国庆节调休" },
    ],
    mappings: [
      { sheet: "合同执行情况表", column: "E", field: "noticeDate" },
      { sheet: "合同执行情况表", column: "F", field: null },
    ],
  };

  it("leaves the sheet as the .xlsx host does, in one apply (a read and a write)", async () => {
    const xlsx = new XlsxHost(await book());
    await runSettingsEdit(xlsx, EDIT, "zh");
    const fromFile = readXlsxBytes(xlsx.bytes);

    const model = fakeFromSnapshot(readXlsxBytes(await book()));
    const { syncs, notes, state } = await edit(model, EDIT);
    expect(notes).toEqual([]);
    expect(syncs.apply).toBe(2);
    const fromExcel = await reread(model);

    const settings = (wb: WorkbookSnapshot) => wb.sheets.find((x) => x.name === "设置")!;
    const values = (wb: WorkbookSnapshot) => settings(wb).rows.map((r) => r?.map((c) => c?.value));
    expect(values(fromExcel)).toEqual(values(fromFile));
    expect(settings(fromExcel).tables).toEqual(settings(fromFile).tables);
    expect(readWorkbookState(fromExcel)).toEqual(readWorkbookState(fromFile));
    expect(state).toEqual(readWorkbookState(fromExcel));
    expect(model.sheet("设置")!.visibility).toBe("Hidden");
  });
});
