/**
 * Live validation in Excel against the strict fake: after an edit, only the changed rows are read,
 * in one round trip, and the incremental check of them equals a full read and check.
 */

import { SAMPLE_AS_OF, sampleWorkbook } from "../../../src/app/sample";
import { analyseWorkbook, type Analysis } from "../../../src/core/check";
import { isoToSerial, type IsoDate } from "../../../src/core/dates";
import { recheck, startLive } from "../../../src/core/live";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import type { ExcelRunner } from "../../../src/host/excel/host";
import { readChanged } from "../../../src/host/excel/read-changed";
import { fakeFromSnapshot } from "./fake-excel";
import { host } from "./measure";

const opts = { asOf: SAMPLE_AS_OF as IsoDate };

function widths(wb: WorkbookSnapshot): Map<string, number> {
  return new Map(wb.sheets.map((s) => [s.name, s.rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0)]));
}

const seen = (a: Analysis) => ({
  findings: a.result.findings.map((f) => JSON.stringify(f)).sort(),
  notices: a.result.notices.map((n) => JSON.stringify(n)).sort(),
});

async function setup() {
  const model = fakeFromSnapshot(sampleWorkbook());
  const { host: h, ctx } = host(model);
  const wb = await h.read();
  const a = analyseWorkbook(wb, opts);
  const contracts = a.tables.find((t) => t.kind === "contracts")!;
  return { model, h, ctx, wb, a, contracts, live: startLive(wb, a, opts)! };
}

describe("readChanged", () => {
  it("reads the edited rows in one round trip, and the re-check equals a full one", async () => {
    const { model, h, ctx, wb, a, contracts, live } = await setup();
    const row = contracts.source.dataRows[1];
    const col = contracts.source.columns.deliveryDate!.col;
    // The user moves a delivery date into the past and, on another row, types a note.
    const sheet = model.sheet(contracts.sheet)!;
    Object.assign(sheet.touch(row, col), { value: isoToSerial("2026-01-05"), numFmt: "yyyy-mm-dd" });
    const other = contracts.source.dataRows[3];
    Object.assign(sheet.touch(other, col), { value: "下月", numFmt: "General" });
    ctx.resetStats();
    const edits = await readChanged(
      (batch) => ctx.run(batch),
      [
        {
          sheet: contracts.sheet,
          address: `${contracts.source.columns.deliveryDate!.letter}${row}`,
          changeType: "RangeEdited",
        },
        {
          sheet: contracts.sheet,
          address: `${contracts.source.columns.deliveryDate!.letter}${other}`,
          changeType: "RangeEdited",
        },
      ],
      widths(wb),
    );
    expect(ctx.syncCount).toBe(1);
    // Two rows of the sheet, not the workbook.
    expect(ctx.maxResponseBytes).toBeLessThan(4_000);
    expect(edits!.map((e) => [e.r1, e.r2])).toEqual([
      [row, row],
      [other, other],
    ]);

    const got = recheck(live, edits!);
    expect(got).toBeDefined();
    const full = analyseWorkbook(await h.read(), opts);
    expect(seen(got!)).toEqual(seen(full));
    expect(seen(got!)).not.toEqual(seen(a));
  });

  it("reads nothing for inserted rows, a whole column or a large paste: those are checked in full", async () => {
    const { ctx, wb, contracts } = await setup();
    ctx.resetStats();
    const run: ExcelRunner = (batch) => ctx.run(batch);
    const w = widths(wb);
    const s = contracts.sheet;
    expect(
      await readChanged(run, [{ sheet: s, address: "A7:Z7", changeType: "RowInserted" }], w),
    ).toBeUndefined();
    expect(
      await readChanged(run, [{ sheet: s, address: "C:C", changeType: "RangeEdited" }], w),
    ).toBeUndefined();
    expect(
      await readChanged(run, [{ sheet: s, address: "A1:Z90000", changeType: "RangeEdited" }], w),
    ).toBeUndefined();
    expect(
      await readChanged(run, [{ sheet: "新表", address: "A1", changeType: "RangeEdited" }], w),
    ).toBeUndefined();
    expect(ctx.syncCount).toBe(0);
  });
});
