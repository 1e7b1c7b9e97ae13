/**
 * The .xlsx host and the in-memory model with the product's sheet markers: read from and
 * written to workbook.xml's defined names; a sheet without its marker is refused; writeSheet
 * on a marked sheet replaces only the product's previous region; product sheets of an earlier
 * version (no markers) are adopted by their content, not by their names.
 */

import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { sampleWorkbook } from "../../src/app/sample";
import { NotOwnedError, ownersFromNames, parseMarkerRef } from "../../src/core/owned";
import type { PatchOp } from "../../src/core/patch";
import { snapshotAfter } from "../../src/core/patch-snapshot";
import { planApply } from "../../src/core/plan";
import { applyPatchXlsx } from "../../src/host/xlsx/apply";
import { readXlsx } from "../../src/host/xlsx/read";
import { writeSnapshotXlsx } from "../../src/host/xlsx/write-snapshot";
import { writeXlsx } from "../helpers/workbook";

const OPTS = {
  today: "2026-11-23",
  now: "2026-11-23 10:00:00",
  user: "测试",
  lang: "zh",
  normalize: false,
} as const;

const report = (
  rows: string[][],
  previous?: { r1: number; c1: number; r2: number; c2: number },
): PatchOp => ({
  op: "writeSheet",
  sheet: "校验报告",
  owner: { kind: "report", id: "main" },
  visibility: "visible",
  content: { rows: rows.map((r) => r.map((v) => ({ v }))), merges: [{ r1: 1, c1: 1, r2: 1, c2: 2 }] },
  ...(previous ? { previous } : {}),
});

function withoutMarkers(bytes: Uint8Array): Uint8Array {
  const zip = unzipSync(bytes);
  zip["xl/workbook.xml"] = strToU8(
    strFromU8(zip["xl/workbook.xml"]).replace(/<definedName name="_PTRACK[^>]*>[^<]*<\/definedName>/g, ""),
  );
  return zipSync(zip);
}

describe("marker references", () => {
  test("quoted, bare (as LibreOffice writes them), with =, a single cell; #REF! is ignored", () => {
    expect(parseMarkerRef("'校验报告 (2)'!$A$1:$H$9")).toEqual({
      sheet: "校验报告 (2)",
      range: { r1: 1, c1: 1, r2: 9, c2: 8 },
    });
    expect(parseMarkerRef("校验报告!$A$1:$H$9")?.sheet).toBe("校验报告");
    expect(parseMarkerRef("='It''s'!B2")).toEqual({ sheet: "It's", range: { r1: 2, c1: 2, r2: 2, c2: 2 } });
    expect(parseMarkerRef("#REF!")).toBeUndefined();
    expect(parseMarkerRef("'校验报告'!#REF!")).toBeUndefined();
    const owners = ownersFromNames(
      [
        { name: "_PTRACK.report.main", ref: "#REF!$A$1:$H$9" },
        { name: "_PTRACK.log.main", ref: "'操作日志'!$A$1:$G$3" },
        { name: "Print_Area", ref: "'操作日志'!$A$1:$G$3" },
      ],
      ["校验报告", "操作日志"],
    );
    expect([...owners.keys()]).toEqual(["操作日志"]);
  });
});

describe("the .xlsx host and snapshotAfter refuse a sheet without the marker", () => {
  test("a user's 校验报告 is not written, and the error names it", async () => {
    const src = await writeXlsx(undefined, [{ name: "校验报告", rows: [["我的周报"]] }]);
    expect(() => applyPatchXlsx(src, { ops: [report([["x"]])] })).toThrow(NotOwnedError);
    expect(() => applyPatchXlsx(src, { ops: [report([["x"]])] })).toThrow(/"校验报告"/);
    const wb = await readXlsx(src);
    expect(() => snapshotAfter(wb, { ops: [report([["x"]])] })).toThrow(NotOwnedError);
  });
});

describe("writeSheet on a marked sheet", () => {
  test("clears only the previous region: the user's cells and merges beside it stay", async () => {
    const src = await writeXlsx(undefined, [{ name: "数据", rows: [["a"]] }]);
    const first = applyPatchXlsx(src, { ops: [report([["旧标题"], ["1"], ["2"], ["3"]])] });
    let wb = await readXlsx(first);
    const owned = wb.sheets.find((s) => s.name === "校验报告")!;
    expect(owned.owner).toEqual({ kind: "report", id: "main", range: { r1: 1, c1: 1, r2: 4, c2: 2 } });
    // A user's note and merge beside the report.
    const zip = unzipSync(first);
    const part = Object.keys(zip).find((k) => /worksheets\/sheet2\.xml$/.test(k))!;
    zip[part] = strToU8(
      strFromU8(zip[part])
        .replace(/<row r="2"([^>]*)>/, `<row r="2"$1><c r="E2" t="inlineStr"><is><t>我的备注</t></is></c>`)
        .replace(/<mergeCells count="1">/, `<mergeCells count="2"><mergeCell ref="E5:F5"/>`),
    );
    const typed = zipSync(zip);
    wb = await readXlsx(typed);
    const previous = wb.sheets.find((s) => s.name === "校验报告")!.owner!.range;
    const second = applyPatchXlsx(typed, { ops: [report([["新标题"], ["9"]], previous)] });
    const after = (await readXlsx(second)).sheets.find((s) => s.name === "校验报告")!;
    const values = after.rows.map((r) => (r ?? []).map((c) => c?.value ?? null));
    expect(values[0][0]).toBe("新标题");
    expect(values[1][0]).toBe("9");
    expect(values[1][4]).toBe("我的备注");
    expect(values[2]?.[0] ?? null).toBeNull();
    expect(values[3]?.[0] ?? null).toBeNull();
    expect(after.merges).toEqual(
      expect.arrayContaining([
        { r1: 5, c1: 5, r2: 5, c2: 6 },
        { r1: 1, c1: 1, r2: 1, c2: 2 },
      ]),
    );
    expect(after.owner?.range).toEqual({ r1: 1, c1: 1, r2: 2, c2: 2 });
  });
});

describe("product sheets of an earlier version, without markers", () => {
  test("are adopted by their content and marked; nothing is written under a second name", async () => {
    const src = await writeSnapshotXlsx(sampleWorkbook());
    const applied = withoutMarkers(applyPatchXlsx(src, planApply(await readXlsx(src), OPTS).patch));
    const old = await readXlsx(applied);
    expect(old.sheets.filter((s) => s.owner)).toEqual([]);
    const plan = planApply(old, { ...OPTS, today: "2026-11-24" });
    expect(plan.renamed).toEqual([]);
    const out = await readXlsx(applyPatchXlsx(applied, plan.patch));
    expect(out.sheets.map((s) => s.name)).toEqual(old.sheets.map((s) => s.name));
    const kinds = out.sheets.filter((s) => s.owner).map((s) => `${s.name}:${s.owner!.kind}`);
    expect(kinds).toEqual(
      expect.arrayContaining(["校验报告:report", "操作日志:log", "通知台账:register", "设置:settings"]),
    );
    expect(kinds.filter((k) => k.endsWith(":notice"))).toHaveLength(6);
    // The log got its row in the same table.
    const log = out.sheets.find((s) => s.name === "操作日志")!;
    expect(log.tables[0].range.r2).toBe(
      old.sheets.find((s) => s.name === "操作日志")!.tables[0].range.r2 + 1,
    );
  });
});
