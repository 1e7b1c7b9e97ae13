import fc from "fast-check";
import { sampleWorkbook } from "../../../src/app/sample";
import { isoToSerial } from "../../../src/core/dates";
import type { CellWrite, PatchOp, WorkbookPatch } from "../../../src/core/patch";
import { planApply, type ApplyOptions } from "../../../src/core/plan";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { fmt, sheet, workbook } from "../../helpers/snapshot-builder";
import { applyInMemory } from "./apply-in-memory";

const OPTS: ApplyOptions = {
  today: "2026-11-23",
  now: "2026-11-23 20:15:03",
  user: "王磊",
  lang: "zh",
  normalize: true,
};
const D = (iso: string) => fmt(isoToSerial(iso), "yyyy-mm-dd");

function cellWrites(patch: WorkbookPatch): CellWrite[] {
  const out: CellWrite[] = [];
  const rows = (rs: Array<Array<CellWrite | null>>) => rs.forEach((r) => r.forEach((c) => c && out.push(c)));
  for (const op of patch.ops) {
    if (op.op === "writeSheet") rows(op.content.rows);
    else if (op.op === "appendRows") rows(op.rows);
    else if (op.op === "setValues") op.cells.forEach((c) => out.push(c.write));
  }
  return out;
}

/**
 * The grammar of every conditional-format formula the planner may write: column references,
 * TODAY(), N(), ISNUMBER(), COUNT(), WORKDAY(), LEFT(), AND/OR, numbers, comparisons, the fixed
 * 已完成 word, the registers' fixed 状态 and 风险等级 words, and an own tag.
 */
const TOKEN =
  /^(?:\$[A-Z]{1,3}\d+|TODAY\(\)|N\(|ISNUMBER\(|COUNT\(|WORKDAY\(|LEFT\(|AND\(|OR\(|\(|\)|,|\d+|<=|>=|<>|[<>=+*]|""|"已完成"|"(?:关闭|已关|已解|已处|完成|已完|closed|resolved|高|较高|很高|极高|重大|严重|high)"|"项目跟踪:[\u4e00-\u9fff]+\d*")/;
function fromTemplates(formula: string): boolean {
  let rest = formula;
  while (rest.length > 0) {
    const m = TOKEN.exec(rest);
    if (!m) return false;
    rest = rest.slice(m[0].length);
  }
  return /N\("项目跟踪:[^"]+"\)=0\)?$/.test(formula);
}

function formulas(patch: WorkbookPatch): string[] {
  return patch.ops.flatMap((o) => (o.op === "addConditionalFormats" ? o.rules.map((r) => r.formula) : []));
}

describe("nothing from the workbook becomes a formula", () => {
  test("a customer named =1+1 stays a string with no formula, in the report and on a copy", () => {
    const wb = sampleWorkbook();
    const contracts = wb.sheets[1];
    const row = contracts.rows[2];
    if (row) row[2] = { value: "=1+1" };
    const { patch } = planApply(wb, OPTS);
    const writes = cellWrites(patch);
    expect(writes.filter((w) => w.formula !== undefined)).toEqual([]);
    expect(formulas(patch).every(fromTemplates)).toBe(true);
  });

  const nasty = fc.oneof(
    fc.string(),
    fc.constantFrom(
      "=1+1",
      "+A1",
      "-2",
      "@SUM(A1)",
      '")),TRUE,N("',
      "$A$1",
      "已完成",
      "2026/11/31",
      "12.5万",
    ),
  );
  test("property: random cell text anywhere in a schedule and a contracts table", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(nasty, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (rows, twoRow) => {
          const header = [
            "WBS编码",
            "任务名称",
            "负责人",
            "计划开始",
            "计划完成",
            "实际完成",
            "完成率",
            "合同编号",
          ];
          const body = rows.map((r, i) => [
            String(i + 1),
            r[1],
            r[2],
            i % 2 ? r[3] : D("2026-11-02"),
            r[4],
            r[5],
            r[6],
            r[7],
          ]);
          const wb: WorkbookSnapshot = workbook(
            sheet(
              "计划",
              twoRow
                ? [header.map((h) => (h === "计划开始" ? "计划" : h)), ["", "", "", "开始"], ...body]
                : [header, ...body],
            ),
            sheet("合同", [
              ["合同编号", "客户名称", "签订日期", "合同金额", "约定交货期", "合同状态"],
              ...rows.map((r, i) => [`HT-${i}`, r[0], r[3], r[4], D("2026-12-01"), r[5]]),
            ]),
          );
          const { patch } = planApply(wb, OPTS);
          for (const w of cellWrites(patch)) expect(w.formula).toBeUndefined();
          for (const f of formulas(patch)) expect(fromTemplates(f)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("idempotence", () => {
  const key = (o: PatchOp) => JSON.stringify(o);
  const kinds = (p: WorkbookPatch, ...names: Array<PatchOp["op"]>) =>
    p.ops
      .filter((o) => names.includes(o.op))
      .map(key)
      .sort();

  function twice(wb: WorkbookSnapshot) {
    const first = planApply(wb, { ...OPTS, normalize: false }).patch;
    const applied = applyInMemory(wb, first);
    const second = planApply(applied, { ...OPTS, normalize: false, now: "2026-11-24 08:00:00" }).patch;
    return { first, second, applied };
  }

  test("planning from the applied sample adds no table or sheet, the same rules, one log row", () => {
    const { first, second } = twice(sampleWorkbook());
    expect(second.ops.filter((o) => o.op === "createTable")).toEqual([]);
    const sheets = (p: WorkbookPatch) =>
      p.ops.filter((o) => o.op === "writeSheet").map((o) => (o as { sheet: string }).sheet);
    // The report and each notice are rewritten under the same names; the register is not.
    const notices = sheets(first).filter((s) => /^[A-Z]{2}-\d{8}-\d{3}$/.test(s));
    expect(notices).toHaveLength(6);
    // Issued notices are documents: a second run leaves their sheets alone.
    expect(sheets(second)).toEqual(["校验报告"]);
    expect(kinds(second, "addConditionalFormats", "setValidation")).toEqual(
      kinds(first, "addConditionalFormats", "setValidation"),
    );
    const append = second.ops.filter((o) => o.op === "appendRows");
    expect(append).toHaveLength(1);
    expect(append[0]).toMatchObject({ sheet: "操作日志", table: "操作日志", startRow: 3 });
    expect(second.ops.filter((o) => o.op === "setValues")).toEqual([]);
  });

  test("a copied region: the copy is rewritten under the same names, nothing else is new", () => {
    const wb = workbook(
      sheet(
        "进度",
        [
          ["序号", "任务名称", "负责人", "计划", null],
          [null, null, null, "开始", "完成"],
          [1, "设计", "张三", D("2026-11-02"), D("2026-11-06")],
        ],
        { merges: [{ r1: 1, c1: 4, r2: 1, c2: 5 }] },
      ),
    );
    const { first, second, applied } = twice(wb);
    expect(applied.sheets.map((s) => s.name)).toEqual([
      "进度",
      "进度（整理）",
      "校验报告",
      "操作日志",
      "设置",
    ]);
    expect(second.ops.filter((o) => o.op === "createTable")).toEqual([]);
    const copies = (p: WorkbookPatch) =>
      p.ops
        .filter((o) => o.op === "writeSheet" && o.sheet === "进度（整理）")
        .map((o) => key({ ...o, previous: undefined } as PatchOp));
    expect(copies(second)).toEqual(copies(first));
    // The second run clears exactly the region the first one wrote, found by the copy's marker.
    const again = second.ops.find((o) => o.op === "writeSheet" && o.sheet === "进度（整理）");
    expect(again).toMatchObject({ previous: { r1: 1, c1: 1, r2: 2, c2: 6 } });
    expect(kinds(second, "addConditionalFormats", "setValidation")).toEqual(
      kinds(first, "addConditionalFormats", "setValidation"),
    );
  });
});
