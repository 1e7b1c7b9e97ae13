/**
 * Live validation's trigger against the strict fake: worksheets.onChanged calls back for the
 * user's changes only — not the product's sheets, not the add-in's own writes — and stops when
 * told, removing the handler through the context it was added with.
 */

import { APPLY_ECHO_MS, ExcelHost } from "../../../src/host/excel/host";
import { watchWorkbook, type WatchOptions } from "../../../src/host/excel/watch";
import { FakeContext, FakeWorkbookModel } from "./fake-excel";

const SHEETS = [
  "进度计划表",
  "设置",
  "校验报告",
  "通知台账",
  "操作日志",
  "CK-20261123-001",
  "进度计划表（整理）",
];

function workbook(apiMinor = 16): FakeWorkbookModel {
  const model = new FakeWorkbookModel();
  model.apiMinor = apiMinor;
  for (const name of SHEETS) model.addSheet(name).touch(1, 1).value = name;
  return model;
}

/** Every Excel.run gets a new context, as in Office.js; runIn reuses the one it is given. */
function options(model: FakeWorkbookModel, runs: FakeContext[] = []): WatchOptions {
  return {
    run: (batch) => {
      const ctx = new FakeContext(model);
      runs.push(ctx);
      return ctx.run(batch);
    },
    runIn: (ctx, batch) => batch(ctx),
    supports: (minor) => model.requirements().isSetSupported("ExcelApi", `1.${minor}`),
  };
}

afterEach(() => jest.useRealTimers());

describe("watchWorkbook", () => {
  it("calls back for the user's sheets and 设置, not for the product's own sheets", async () => {
    const model = workbook();
    const seen: number[] = [];
    const stop = await watchWorkbook(() => seen.push(1), options(model));
    expect(model.changeHandlers).toHaveLength(1);

    await model.fireChanged("进度计划表", "C5");
    expect(seen).toHaveLength(1);
    await model.fireChanged("设置", "B2");
    expect(seen).toHaveLength(2);
    for (const own of ["校验报告", "通知台账", "操作日志", "CK-20261123-001", "进度计划表（整理）"])
      await model.fireChanged(own);
    expect(seen).toHaveLength(2);
    // A co-author's change is a change too.
    await model.fireChanged("进度计划表", "D7", { source: "Remote" });
    expect(seen).toHaveLength(3);
    await stop();
  });

  it("says which sheet and range changed, and how, so only those rows are read again", async () => {
    const model = workbook();
    const seen: unknown[] = [];
    const stop = await watchWorkbook((change) => seen.push(change), options(model));
    await model.fireChanged("进度计划表", "C5:D6");
    await model.fireChanged("进度计划表", "A9:P9", { changeType: "RowInserted" });
    expect(seen).toEqual([
      { sheet: "进度计划表", address: "C5:D6", changeType: "RangeEdited" },
      { sheet: "进度计划表", address: "A9:P9", changeType: "RowInserted" },
    ]);
    await stop();
  });

  it("knows the product's sheets by their markers: a user's own 校验报告 beside the product's is watched", async () => {
    const model = workbook();
    model.addSheet("校验报告 (2)").touch(1, 1).value = "校验报告";
    model.names.push({ name: "_PTRACK.report.main", formula: "='校验报告 (2)'!$A$1:$H$9", visible: false });
    const seen: number[] = [];
    const stop = await watchWorkbook(() => seen.push(1), options(model));

    await model.fireChanged("校验报告 (2)", "B3");
    expect(seen).toHaveLength(0);
    await model.fireChanged("校验报告", "B3");
    expect(seen).toHaveLength(1);
    await stop();
  });

  it("learns the names of sheets added after it started", async () => {
    const model = workbook();
    let calls = 0;
    await watchWorkbook(() => calls++, options(model));
    model.addSheet("合同执行情况表");
    model.addSheet("操作日志2");
    await model.fireChanged("合同执行情况表");
    expect(calls).toBe(1);
  });

  it("ignores the changes the add-in makes, while it applies and just after", async () => {
    // Long ago, so the apply this test makes is long over for the tests after it.
    jest.useFakeTimers({ now: new Date("2000-01-01T00:00:00Z") });
    const model = workbook();
    let calls = 0;
    await watchWorkbook(() => calls++, options(model));
    const ctx = new FakeContext(model);
    const host = new ExcelHost({
      // Excel reports the apply's own writes while it runs.
      run: async (batch) => {
        const result = await ctx.run(batch);
        await model.fireChanged("进度计划表", "A1:Z100");
        return result;
      },
      supports: () => true,
    });
    await host.apply({
      ops: [{ op: "setValues", sheet: "进度计划表", cells: [{ cell: "A2", write: { v: 1 } }] }],
    });
    expect(model.sheet("进度计划表")!.text("A2")).toBe(1);
    expect(calls).toBe(0);
    // … and a moment after it returned.
    await model.fireChanged("进度计划表", "A2");
    expect(calls).toBe(0);
    // Changes Excel says this add-in made, whenever they come.
    jest.setSystemTime(Date.now() + APPLY_ECHO_MS);
    await model.fireChanged("进度计划表", "A2", { triggerSource: "ThisLocalAddin" });
    expect(calls).toBe(0);
    // The user's next edit counts.
    await model.fireChanged("进度计划表", "A3");
    expect(calls).toBe(1);
  });

  it("calls back for a co-author's edit that arrives while the add-in applies", async () => {
    jest.useFakeTimers({ now: new Date("2000-01-02T00:00:00Z") });
    const model = workbook();
    let calls = 0;
    await watchWorkbook(() => calls++, options(model));
    const ctx = new FakeContext(model);
    const host = new ExcelHost({
      run: async (batch) => {
        const result = await ctx.run(batch);
        // The add-in's own writes, and a co-author's edit in the same moment.
        await model.fireChanged("进度计划表", "A1:Z100");
        await model.fireChanged("进度计划表", "C9", { source: "Remote" });
        return result;
      },
      supports: () => true,
    });
    await host.apply({
      ops: [{ op: "setValues", sheet: "进度计划表", cells: [{ cell: "A2", write: { v: 1 } }] }],
    });
    expect(calls).toBe(1);
    // … and one just after it returned.
    await model.fireChanged("进度计划表", "C10", { source: "Remote" });
    expect(calls).toBe(2);
    jest.setSystemTime(Date.now() + APPLY_ECHO_MS);
  });

  it("stops: the handler is removed through the context it was added with", async () => {
    const model = workbook();
    const runs: FakeContext[] = [];
    let calls = 0;
    const stop = await watchWorkbook(() => calls++, options(model, runs));
    const added = runs[0];
    expect(model.changeHandlers[0].context).toBe(added);
    added.resetStats();
    await stop();
    expect(added.syncCount).toBe(1);
    expect(model.changeHandlers).toEqual([]);
    await model.fireChanged("进度计划表");
    expect(calls).toBe(0);
    await stop();
    expect(added.syncCount).toBe(1);
  });

  it("the fake removes a handler only through its own context", async () => {
    const model = workbook();
    const opts = options(model);
    const stop = await watchWorkbook(() => {}, {
      ...opts,
      runIn: (_ctx, batch) => new FakeContext(model).run(batch),
    });
    await stop();
    expect(model.changeHandlers).toHaveLength(1);
  });

  it("is a no-op before ExcelApi 1.9", async () => {
    const model = workbook(8);
    const runs: FakeContext[] = [];
    let calls = 0;
    const stop = await watchWorkbook(() => calls++, options(model, runs));
    expect(runs).toEqual([]);
    expect(model.changeHandlers).toEqual([]);
    await stop();
    expect(calls).toBe(0);
  });

  it("never lets an error out of the event handler", async () => {
    const model = workbook();
    await watchWorkbook(() => {
      throw new Error("the caller's bug");
    }, options(model));
    await expect(model.fireChanged("进度计划表")).resolves.toBeUndefined();
  });
});
