/** Picking notices: `noticeKeys` writes only the picked ones and leaves every other notice as it was. */

import { sampleWorkbook } from "../../../src/app/sample";
import { noticeId } from "../../../src/core/notices";
import type { PatchOp } from "../../../src/core/patch";
import { planApply } from "../../../src/core/plan";
import { REGISTER_HEADERS, REGISTER_SHEET } from "../../../src/core/plan/notices";
import type { SheetSnapshot, WorkbookSnapshot } from "../../../src/core/snapshot";
import { applyPatchXlsx } from "../../../src/host/xlsx/apply";
import { readXlsx } from "../../../src/host/xlsx/read";
import { writeSnapshotXlsx } from "../../../src/host/xlsx/write-snapshot";
import { sheet, workbook } from "../../helpers/snapshot-builder";
import { applyInMemory } from "./apply-in-memory";
import { NOTICE_NUMBER as NUMBER, OPTS } from "./options";

const noticeSheets = (ops: PatchOp[]) =>
  ops.filter((o) => o.op === "writeSheet" && NUMBER.test(o.sheet)).map((o) => (o as { sheet: string }).sheet);
const noticeNames = (wb: WorkbookSnapshot) => wb.sheets.map((s) => s.name).filter((n) => NUMBER.test(n));
const sheetOf = (wb: WorkbookSnapshot, name: string): SheetSnapshot => {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
/** Register rows under the header (below the title), as their cell values. */
const registerRows = (wb: WorkbookSnapshot) =>
  sheetOf(wb, REGISTER_SHEET)
    .rows.slice(2)
    .map((r) => (r ?? []).map((c) => c?.value ?? null));

const planned = planApply(sampleWorkbook(), OPTS).result.notices;
const [dunning, implementation] = planned;

describe("noticeKeys", () => {
  test("the sample plans six notices, the first two of different types", () => {
    expect(planned).toHaveLength(6);
    expect(dunning.type).toBe("催款通知单");
    expect(implementation.type).toBe("项目实施通知");
  });

  test("one picked notice: exactly that sheet and one register row", () => {
    const { patch } = planApply(sampleWorkbook(), { ...OPTS, noticeKeys: [noticeId(implementation)] });
    expect(noticeSheets(patch.ops)).toEqual(["SS-20261123-001"]);
    const rows = registerRows(applyInMemory(sampleWorkbook(), patch));
    expect(rows).toHaveLength(1);
    expect(rows[0][1]).toBe("项目实施通知");
    expect(rows[0][REGISTER_HEADERS.indexOf("原因键")]).toBe(implementation.key);
  });

  test("a bare key picks the notice with that key", () => {
    const { patch } = planApply(sampleWorkbook(), { ...OPTS, noticeKeys: [dunning.key] });
    expect(noticeSheets(patch.ops)).toEqual(["CK-20261123-001"]);
  });

  test("a second run picking another notice adds it and leaves the first byte for byte", async () => {
    const input = await writeSnapshotXlsx(sampleWorkbook());
    const first = planApply(await readXlsx(input), { ...OPTS, noticeKeys: [noticeId(dunning)] });
    const afterFirst = applyPatchXlsx(input, first.patch);
    const one = await readXlsx(afterFirst);
    expect(noticeNames(one)).toEqual(["CK-20261123-001"]);
    expect(registerRows(one)).toHaveLength(1);

    // A later day, so a touched notice would show it (new status, new facts).
    const later = { ...OPTS, today: "2026-11-26", noticeKeys: [noticeId(implementation)] };
    const second = planApply(one, later);
    expect(noticeSheets(second.patch.ops)).toEqual(["SS-20261126-001"]);
    const registerEdits = second.patch.ops.filter((o) => o.op === "setValues" && o.sheet === REGISTER_SHEET);
    expect(registerEdits).toEqual([]);
    const two = await readXlsx(applyPatchXlsx(afterFirst, second.patch));
    expect(noticeNames(two).sort()).toEqual(["CK-20261123-001", "SS-20261126-001"]);
    expect(sheetOf(two, "CK-20261123-001")).toEqual(sheetOf(one, "CK-20261123-001"));
    const rows = registerRows(two);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(registerRows(one)[0]);
    expect(rows[1][0]).toBe("SS-20261126-001");
  });

  test("no key: no notice sheet and no register, the rest of apply still runs", () => {
    const { patch, deferredNotices } = planApply(sampleWorkbook(), { ...OPTS, noticeKeys: [] });
    expect(noticeSheets(patch.ops)).toEqual([]);
    const written = patch.ops.filter((o) => o.op === "writeSheet").map((o) => (o as { sheet: string }).sheet);
    expect(written).not.toContain(REGISTER_SHEET);
    expect(written).toContain("校验报告");
    expect(deferredNotices).toBe(0);
  });

  test("omitted: every planned notice, as before", () => {
    const all = planApply(sampleWorkbook(), OPTS).patch;
    const picked = planApply(sampleWorkbook(), { ...OPTS, noticeKeys: planned.map(noticeId) }).patch;
    expect(noticeSheets(all.ops)).toHaveLength(6);
    expect(picked).toEqual(all);
  });

  test("the per-run limit counts picked notices only", () => {
    const keys = planned.slice(1).map(noticeId);
    const { patch, deferredNotices } = planApply(sampleWorkbook(), {
      ...OPTS,
      noticeKeys: keys,
      noticeLimit: 1,
    });
    expect(noticeSheets(patch.ops)).toEqual(["SS-20261123-001"]);
    expect(deferredNotices).toBe(4);
  });

  test("a contract's 项目实施通知 and 备忘录 share a key; the id tells them apart", () => {
    // HT-1: signed 2026-11-02, no 实施通知日期, delivery 2026-11-20; its task ends after that.
    const wb = () =>
      workbook(
        sheet("合同执行情况表", [
          ["合同编号", "合同名称", "客户名称", "签订日期", "合同金额", "实施通知日期", "约定交货期"],
          ["HT-1", "仓储管理系统", "苏州恒远物流有限公司", "2026-11-02", 100000, null, "2026-11-20"],
        ]),
        sheet("进度计划表", [
          ["WBS", "任务名称", "合同编号", "计划开始", "计划完成", "完成率"],
          ["1", "部署", "HT-1", "2026-11-10", "2026-12-10", 0.2],
        ]),
      );
    const notices = planApply(wb(), OPTS).result.notices.filter((n) => n.key === "HT-1");
    expect(notices.map((n) => n.type).sort()).toEqual(["备忘录", "项目实施通知"].sort());
    const memo = notices.find((n) => n.type === "备忘录")!;
    const byId = planApply(wb(), { ...OPTS, noticeKeys: [noticeId(memo)] }).patch;
    expect(noticeSheets(byId.ops)).toEqual(["BW-20261123-001"]);
    const byKey = planApply(wb(), { ...OPTS, noticeKeys: ["HT-1"] }).patch;
    expect(noticeSheets(byKey.ops).sort()).toEqual(["BW-20261123-001", "SS-20261123-001"]);
  });
});

describe("a planned notice already in the register", () => {
  test("carries the number it was issued under; the others carry none", () => {
    const applied = applyInMemory(
      sampleWorkbook(),
      planApply(sampleWorkbook(), { ...OPTS, noticeKeys: [noticeId(implementation)] }).patch,
    );
    const again = planApply(applied, OPTS).result.notices;
    expect(again.map((n) => [n.type, n.issued])).toEqual([
      ["催款通知单", undefined],
      ["项目实施通知", "SS-20261123-001"],
      ["计划调整通知", undefined],
      ["计划调整通知", undefined],
      ["备忘录", undefined],
      ["催办通知", undefined],
    ]);
    // Before any notice was issued, nothing is marked.
    expect(planned.every((n) => n.issued === undefined)).toBe(true);
  });
});
