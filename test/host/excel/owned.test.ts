/**
 * The product's own sheets through the Office.js host, on the strict fake: recognised by their
 * markers (workbook names), never by their names; a user's sheet that holds a name the product
 * wants is left untouched; on its own sheets the product writes only its own cells.
 */

import { runApply } from "../../../src/app/apply";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../../src/app/sample";
import { NotOwnedError } from "../../../src/core/owned";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { fakeFromSnapshot, type FakeSheet, type FakeWorkbookModel } from "./fake-excel";
import { host } from "./measure";

const NOW = new Date("2026-11-23T02:00:00Z");
const apply = (model: FakeWorkbookModel, lang: "zh" | "en" = "zh") =>
  runApply(host(model).host, { lang, normalize: false, user: "测试", now: NOW, asOf: SAMPLE_AS_OF });

function userSheet(name: string, rows: string[][]): SheetSnapshot {
  return {
    name,
    visibility: "visible",
    rows: rows.map((r) => r.map((v) => ({ value: v }))),
    merges: [],
    tables: [],
  };
}

/** Every value on a fake sheet, by address. */
function cells(s: FakeSheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [r, row] of s.cells)
    for (const [c, cell] of row) if (cell.value !== "") out[`${r}:${c}`] = cell.value;
  return out;
}

describe("product sheets by marker, on the Office.js host", () => {
  it("leaves a user's 校验报告 and 通知台账 untouched and writes its own under free names, marked", async () => {
    const wb = sampleWorkbook();
    wb.sheets.push(userSheet("校验报告", [["我的周报"], ["第一周", "已完成"]]));
    wb.sheets.push(userSheet("通知台账", [["我自己记的台账"], ["2026-11-01", "已寄出"]]));
    const model = fakeFromSnapshot(wb);
    const before = { report: cells(model.sheet("校验报告")!), register: cells(model.sheet("通知台账")!) };
    const outcome = await apply(model);
    expect(cells(model.sheet("校验报告")!)).toEqual(before.report);
    expect(cells(model.sheet("通知台账")!)).toEqual(before.register);
    expect(outcome.renamed).toEqual(
      expect.arrayContaining([
        { wanted: "校验报告", sheet: "校验报告 (2)" },
        { wanted: "通知台账", sheet: "通知台账 (2)" },
      ]),
    );
    expect(model.sheet("校验报告 (2)")!.text("A1")).toBe("校验报告");
    const names = Object.fromEntries(model.names.map((n) => [n.name, n]));
    expect(names["_PTRACK.report.main"]).toMatchObject({
      formula: expect.stringMatching(/^='校验报告 \(2\)'!\$A\$1:\$H\$\d+$/),
      visible: false,
    });
    expect(names["_PTRACK.register.main"].formula).toMatch(/^='通知台账 \(2\)'!/);

    // A second run finds its sheets by their markers: nothing new, the user's sheets still untouched.
    const sheets = model.sheets.map((s) => s.name);
    const again = await apply(model);
    expect(model.sheets.map((s) => s.name)).toEqual(sheets);
    expect(again.renamed).toEqual([]);
    expect(cells(model.sheet("校验报告")!)).toEqual(before.report);
  });

  it("keeps a note typed beside the report and on an issued notice; follows a renamed report", async () => {
    const model = fakeFromSnapshot(sampleWorkbook());
    await apply(model);
    const report = model.sheet("校验报告")!;
    report.touch(3, 12).value = "审计意见：已核对";
    const notice = model.sheets.find((s) => /^CK-\d{8}-\d{3}$/.test(s.name))!;
    notice.touch(60, 2).value = "已签收：张三";
    const noticeBefore = cells(notice);
    model.renameSheet("校验报告", "十一月报告");

    await apply(model);
    expect(model.sheet("校验报告")).toBeUndefined();
    expect(model.sheet("十一月报告")!.text("L3")).toBe("审计意见：已核对");
    expect(model.sheet("十一月报告")!.text("A1")).toBe("校验报告");
    expect(cells(notice)).toEqual(noticeBefore);
  });

  it("refuses to write a sheet of that name without the marker, naming it", async () => {
    const model = fakeFromSnapshot({ date1904: false, sheets: [userSheet("校验报告", [["我的"]])] });
    const h = host(model).host;
    await expect(
      h.apply({
        ops: [
          {
            op: "writeSheet",
            sheet: "校验报告",
            owner: { kind: "report", id: "main" },
            visibility: "visible",
            content: { rows: [[{ v: "x" }]] },
          },
        ],
      }),
    ).rejects.toThrow(NotOwnedError);
    expect(model.sheet("校验报告")!.text("A1")).toBe("我的");
  });
});
