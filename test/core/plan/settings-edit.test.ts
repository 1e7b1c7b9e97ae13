import type { PatchOp } from "../../../src/core/patch";
import { planSettingsEdit, type SettingsEdit } from "../../../src/core/plan/settings-edit";
import { planSettingsSheet } from "../../../src/core/plan/settings-sheet";
import { cellAt, type SheetSnapshot, type WorkbookSnapshot } from "../../../src/core/snapshot";
import {
  PARAM_LABELS,
  readWorkbookSettings,
  readWorkbookState,
  type ParamKey,
} from "../../../src/core/workbook-settings";
import { fmt, sheet, workbook } from "../../helpers/snapshot-builder";
import { applyInMemory } from "./apply-in-memory";

const serial = (iso: string) =>
  Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8)) / 864e5) + 25569;

const EDIT: SettingsEdit = {
  params: {
    dueSoonWorkdays: 5,
    companyName: "三才软件",
    asOf: "2026-12-01",
    departments: { finance: "财务中心" },
    lang: "en",
  },
  holidays: [
    { date: "2027-01-01", type: "休", name: "元旦" },
    { date: "2027-02-07", type: "班" },
  ],
  mappings: [
    { sheet: "进度计划表", column: "E", field: "planEnd" },
    { sheet: "合同执行情况表", column: "H", field: "dueDate3" },
    { sheet: "进度计划表", column: "G", field: null },
  ],
};

/** The row of a parameter on the sheet apply writes: 参数's header on row 2, one row per key below. */
const P = (key: ParamKey) => 3 + PARAM_LABELS.findIndex(([k]) => k === key);
/** The first row below the parameters, where mappings go. */
const M = 3 + PARAM_LABELS.length;

/** The user's sheets the edits name (a 列映射 or 表声明 of a sheet the workbook lacks is a problem). */
function userSheets(): WorkbookSnapshot {
  return workbook(
    sheet("进度计划表", [["任务名称"]]),
    sheet("合同执行情况表", [["合同编号"]]),
    sheet("合同", [[], [null, "合同编号"]]),
  );
}

/** The 设置 sheet apply writes, as it comes back. */
function withDefaultSheet(): WorkbookSnapshot {
  const wb = userSheets();
  return applyInMemory(wb, { ops: [planSettingsSheet(wb, "zh")!] });
}

function settingsSheet(wb: WorkbookSnapshot): SheetSnapshot {
  return wb.sheets.find((s) => s.name === "设置")!;
}

function cells(op: PatchOp | undefined): Record<string, unknown> {
  if (op?.op !== "setValues") return {};
  return Object.fromEntries(op.cells.map((c) => [c.cell, c.write.v]));
}

/** What readWorkbookState should give once EDIT is saved. */
function expectEdited(wb: WorkbookSnapshot) {
  const s = readWorkbookState(wb);
  expect(s.settings).toMatchObject({
    dueSoonWorkdays: 5,
    companyName: "三才软件",
    lang: "en",
    departments: { finance: "财务中心", sales: "销售部", service: "客服部", office: "总经办" },
  });
  expect(s.asOf).toBe("2026-12-01");
  expect(s.holidays).toEqual(EDIT.holidays);
  expect(s.mappings).toEqual(expect.arrayContaining(EDIT.mappings!));
  expect(s.mappings).toHaveLength(3);
  expect(readWorkbookSettings(wb).problems).toEqual([]);
}

describe("planSettingsEdit without a 设置 sheet", () => {
  test("writes the whole sheet as apply lays it out, with the edit in", () => {
    const wb = userSheets();
    const patch = planSettingsEdit(wb, EDIT, "zh");
    expect(patch.ops.map((o) => o.op)).toEqual(["writeSheet"]);
    const op = patch.ops[0] as Extract<PatchOp, { op: "writeSheet" }>;
    expect(op.visibility).toBe("hidden");
    expect(op.content.tables?.map((t) => [t.name, t.range])).toEqual([
      ["参数", { r1: 2, c1: 1, r2: M + 2, c2: 3 }],
      ["节假日", { r1: 2, c1: 5, r2: 4, c2: 7 }],
    ]);
    // The same rows as apply's, values edited, mappings after them.
    const apply = planSettingsSheet(wb, "zh") as Extract<PatchOp, { op: "writeSheet" }>;
    expect(op.content.rows.slice(2, M - 1).map((r) => r[0]?.v)).toEqual(
      apply.content.rows.slice(2).map((r) => r[0]?.v),
    );
    expect(op.content.rows.slice(M - 1).map((r) => [r[0]?.v, r[1]?.v])).toEqual([
      ["列映射:进度计划表!E", "计划完成"],
      ["列映射:合同执行情况表!H", "应收日期3"],
      ["列映射:进度计划表!G", "不映射"],
    ]);
    // Dates are real dates.
    expect(op.content.rows[2][1]).toEqual({ v: serial("2026-12-01"), style: { numFmt: "yyyy-mm-dd" } });
    expect(op.content.rows[2][4]).toEqual({ v: serial("2027-01-01"), style: { numFmt: "yyyy-mm-dd" } });
    const applied = applyInMemory(wb, patch);
    expectEdited(applied);
    expect(planSettingsEdit(applied, EDIT, "zh").ops).toEqual([]);
  });

  test("an empty edit writes apply's sheet exactly", () => {
    const wb = workbook(sheet("进度计划表", [["任务名称"]]));
    expect(planSettingsEdit(wb, {}, "en").ops).toEqual([planSettingsSheet(wb, "en")]);
  });
});

describe("planSettingsEdit on the sheet apply wrote", () => {
  test("one parameter: only its 值 cell is written", () => {
    const wb = withDefaultSheet();
    const patch = planSettingsEdit(wb, { params: { dueSoonWorkdays: 7 } }, "zh");
    expect(patch.ops).toEqual([
      { op: "setValues", sheet: "设置", cells: [{ cell: `B${P("dueSoonWorkdays")}`, write: { v: 7 } }] },
    ]);
  });

  test("a value already there writes nothing", () => {
    const wb = withDefaultSheet();
    expect(
      planSettingsEdit(wb, { params: { dueSoonWorkdays: 3, asOf: null, lang: "zh" } }, "zh").ops,
    ).toEqual([]);
  });

  test("the full edit: values in place, holidays over the empty row and below it, mappings appended; twice is once", () => {
    const wb = withDefaultSheet();
    const patch = planSettingsEdit(wb, EDIT, "en");
    expect(patch.ops.map((o) => o.op)).toEqual(["setValues", "appendRows", "appendRows"]);
    expect(cells(patch.ops[0])).toEqual({
      [`B${P("asOf")}`]: serial("2026-12-01"),
      [`B${P("dueSoonWorkdays")}`]: 5,
      [`B${P("companyName")}`]: "三才软件",
      [`B${P("departments.finance")}`]: "财务中心",
      [`B${P("lang")}`]: "English",
      E3: serial("2027-01-01"),
      F3: "休",
      G3: "元旦",
    });
    expect(patch.ops[1]).toEqual({
      op: "appendRows",
      sheet: "设置",
      table: "参数",
      startRow: M,
      range: { r1: 2, c1: 1, r2: M + 2, c2: 3 },
      rows: [
        [{ v: "列映射:进度计划表!E" }, { v: "planEnd" }, { v: null }],
        [{ v: "列映射:合同执行情况表!H" }, { v: "dueDate3" }, { v: null }],
        [{ v: "列映射:进度计划表!G" }, { v: "none" }, { v: null }],
      ],
    });
    expect(patch.ops[2]).toMatchObject({
      table: "节假日",
      startRow: 4,
      range: { r1: 2, c1: 5, r2: 4, c2: 7 },
    });
    const applied = applyInMemory(wb, patch);
    expectEdited(applied);
    expect(planSettingsEdit(applied, EDIT, "en").ops).toEqual([]);
    // In the other language too: what is there reads the same.
    expect(planSettingsEdit(applied, EDIT, "zh").ops).toEqual([]);
  });

  test("fewer holidays and mappings: rows left over are emptied, not removed", () => {
    const wb = applyInMemory(withDefaultSheet(), planSettingsEdit(withDefaultSheet(), EDIT, "zh"));
    const edit: SettingsEdit = {
      holidays: [{ date: "2027-10-01", type: "休", name: "国庆节" }],
      mappings: [{ sheet: "合同执行情况表", column: "H", field: "dueDate2" }],
    };
    const patch = planSettingsEdit(wb, edit, "zh");
    expect(patch.ops.map((o) => o.op)).toEqual(["setValues"]);
    expect(cells(patch.ops[0])).toEqual({
      [`B${M + 1}`]: "应收日期2",
      [`A${M}`]: null,
      [`B${M}`]: null,
      [`A${M + 2}`]: null,
      [`B${M + 2}`]: null,
      E3: serial("2027-10-01"),
      G3: "国庆节",
      E4: null,
      F4: null,
    });
    const applied = applyInMemory(wb, patch);
    const s = readWorkbookState(applied);
    expect(s.holidays).toEqual(edit.holidays);
    expect(s.mappings).toEqual(edit.mappings);
    // A new mapping takes an emptied row of the table instead of growing it.
    const again = planSettingsEdit(
      applied,
      { mappings: [...edit.mappings!, { sheet: "X", column: "B", field: "task" }] },
      "zh",
    );
    expect(again.ops).toEqual([
      {
        op: "setValues",
        sheet: "设置",
        cells: [
          { cell: `A${M}`, write: { v: "列映射:X!B" } },
          { cell: `B${M}`, write: { v: "任务名称" } },
        ],
      },
    ]);
  });
});

describe("planSettingsEdit on a 设置 typed by a user", () => {
  /** Plain header rows side by side, a synonym label, the user's own key and a note below. */
  function typed(): WorkbookSnapshot {
    return workbook(
      sheet(
        "设置",
        [
          ["参数", null, null, null, "节假日"],
          ["项", "值", null, null, "日期", "类型", "名称"],
          ["临近天数", 4, null, null, fmt(serial("2027-01-01"), "yyyy/m/d"), "假", "元旦"],
          ["操作人", "王五", null, null, "2027-02-06", "补班"],
          ["列映射:进度计划表!F", "实际完成", null, null, "2027-02-07", "补班"],
          ["列映射:进度计划表!G", "完成率"],
          [],
          [null, null, null, "我的备注"],
        ],
        { visibility: "hidden" },
      ),
    );
  }

  test("the synonym's row gets the value; a missing key goes below the block; the user's rows stay", () => {
    const wb = typed();
    const patch = planSettingsEdit(
      wb,
      {
        params: { dueSoonWorkdays: 2, companyName: "=SUM(1)" },
        mappings: [{ sheet: "进度计划表", column: "G", field: "progress" }],
      },
      "zh",
    );
    expect(patch.ops).toEqual([
      {
        op: "setValues",
        sheet: "设置",
        cells: [
          { cell: "B3", write: { v: 2 } },
          { cell: "B5", write: { v: null } },
        ],
      },
      {
        op: "appendRows",
        sheet: "设置",
        startRow: 7,
        range: { r1: 7, c1: 1, r2: 7, c2: 2 },
        rows: [[{ v: "公司名称" }, { v: "=SUM(1)" }]],
      },
    ]);
    const applied = applyInMemory(wb, patch);
    const s = readWorkbookState(applied);
    expect(s.settings.companyName).toBe("=SUM(1)");
    expect(s.mappings).toEqual([{ sheet: "进度计划表", column: "G", field: "progress" }]);
    expect(readWorkbookSettings(applied).otherKeys.get("操作人")?.value).toBe("王五");
    expect(cellAt(settingsSheet(applied), 8, 4)?.value).toBe("我的备注");
    expect(
      planSettingsEdit(applied, { params: { dueSoonWorkdays: 2, companyName: "=SUM(1)" } }, "zh").ops,
    ).toEqual([]);
  });

  test("holidays: a real date of the same day and an equivalent 类型 stay; text dates become real ones", () => {
    const wb = typed();
    const edit: SettingsEdit = {
      holidays: [
        { date: "2027-01-01", type: "休", name: "元旦" },
        { date: "2027-02-06", type: "班" },
      ],
    };
    const patch = planSettingsEdit(wb, edit, "zh");
    expect(cells(patch.ops[0])).toEqual({ E4: serial("2027-02-06"), E5: null, F5: null });
    expect(patch.ops).toHaveLength(1);
    expect(readWorkbookState(applyInMemory(wb, patch)).holidays).toEqual(edit.holidays);
  });

  test("no room below the block: a clear error, nothing written", () => {
    const stacked = workbook(
      sheet("设置", [["项", "值"], ["临近天数", 4], [], ["日期", "类型", "名称"], ["2027-01-01", "休"]]),
    );
    expect(
      planSettingsEdit(stacked, { params: { dueSoonWorkdays: 5 }, holidays: [] }, "zh").ops,
    ).toHaveLength(1);
    // A new key would need row 3, and row 4 to stay blank so 参数 does not run into 节假日.
    expect(() => planSettingsEdit(stacked, { params: { reportDays: 1 } }, "zh")).toThrow(
      "「设置」工作表的「参数」表下方没有空行可写：A4 不为空。请把表下方的内容移开后再试。",
    );
    expect(() => planSettingsEdit(stacked, { params: { reportDays: 1 } }, "en")).toThrow(
      "No room for new rows below the 参数 block on 设置: A4 is not empty.",
    );
  });

  test("a 设置 sheet without 参数 or 节假日 gets them as plain blocks below what is there", () => {
    const wb = workbook(sheet("设置", [["随便写的"]], { visibility: "hidden" }));
    const patch = planSettingsEdit(
      wb,
      { params: { reportDays: 2 }, holidays: [{ date: "2027-05-01", type: "休", name: "劳动节" }] },
      "zh",
    );
    expect(patch.ops).toEqual([
      {
        op: "appendRows",
        sheet: "设置",
        startRow: 3,
        range: { r1: 3, c1: 1, r2: 4, c2: 2 },
        rows: [
          [
            { v: "项", style: { bold: true } },
            { v: "值", style: { bold: true } },
          ],
          [{ v: "书面报告天数" }, { v: 2 }],
        ],
      },
      {
        op: "appendRows",
        sheet: "设置",
        startRow: 6,
        range: { r1: 6, c1: 1, r2: 7, c2: 3 },
        rows: [
          [
            { v: "日期", style: { bold: true } },
            { v: "类型", style: { bold: true } },
            { v: "名称", style: { bold: true } },
          ],
          [{ v: serial("2027-05-01"), style: { numFmt: "yyyy-mm-dd" } }, { v: "休" }, { v: "劳动节" }],
        ],
      },
    ]);
    const applied = applyInMemory(wb, patch);
    expect(readWorkbookState(applied).settings.reportDays).toBe(2);
    expect(readWorkbookState(applied).holidays).toEqual([{ date: "2027-05-01", type: "休", name: "劳动节" }]);
    expect(planSettingsEdit(applied, { params: { reportDays: 2 } }, "zh").ops).toEqual([]);
  });
});

describe("bad edits are refused with a message naming the value", () => {
  const wb = withDefaultSheet();
  test.each<[string, SettingsEdit, RegExp]>([
    ["fraction", { params: { dueSoonWorkdays: 1.5 } }, /params\.dueSoonWorkdays must be a whole number/],
    ["too many days", { params: { reportDays: 400 } }, /params\.reportDays must be at most 366/],
    ["negative", { params: { changeNoticeDays: -1 } }, /params\.changeNoticeDays must be 0 or more/],
    ["no such day", { params: { asOf: "2026-02-30" } }, /params\.asOf is not a real date/],
    [
      "not ISO",
      { holidays: [{ date: "2027/1/1", type: "休" }] },
      /holidays\.0\.date must be a date written YYYY-MM-DD/,
    ],
    [
      "holiday type",
      { holidays: [{ date: "2027-01-01", type: "假" as "休" }] },
      /holidays\.0\.type must be 休 or 班/,
    ],
    [
      "unknown field",
      { mappings: [{ sheet: "S", column: "F", field: "完工日" }] },
      /mappings\.0\.field names no field/,
    ],
    [
      "column",
      { mappings: [{ sheet: "S", column: "F1", field: "task" }] },
      /mappings\.0\.column must be a column letter/,
    ],
    ["unknown key", { params: { foo: 1 } as SettingsEdit["params"] }, /Invalid settings edit/],
  ])("%s", (_name, edit, message) => {
    expect(() => planSettingsEdit(wb, edit, "zh")).toThrow(message);
  });
});

describe("tables declared by hand (表声明)", () => {
  test("are saved beside 列映射 and read back by every face; a new list replaces the old", () => {
    let wb = withDefaultSheet();
    wb = applyInMemory(
      wb,
      planSettingsEdit(
        wb,
        { declared: [{ sheet: "进度计划表", row: 3, column: "a", kind: "schedule" }] },
        "zh",
      ),
    );
    expect(readWorkbookSettings(wb).declared).toEqual([
      { sheet: "进度计划表", row: 3, column: "A", kind: "schedule" },
    ]);
    const keys = settingsSheet(wb).rows.flatMap((r) => (r ?? []).map((c) => c?.value));
    expect(keys).toEqual(expect.arrayContaining(["表声明:进度计划表!A3", "进度计划表"]));

    wb = applyInMemory(
      wb,
      planSettingsEdit(wb, { declared: [{ sheet: "合同", row: 2, column: "B", kind: "contracts" }] }, "zh"),
    );
    expect(readWorkbookSettings(wb).declared).toEqual([
      { sheet: "合同", row: 2, column: "B", kind: "contracts" },
    ]);
    expect(readWorkbookSettings(wb).problems).toEqual([]);
  });

  test("on a workbook without 设置 the new sheet carries them", () => {
    let wb = workbook(sheet("进度计划表", [["工作项"]]));
    wb = applyInMemory(
      wb,
      planSettingsEdit(
        wb,
        { declared: [{ sheet: "进度计划表", row: 1, column: "A", kind: "schedule" }] },
        "en",
      ),
    );
    expect(readWorkbookSettings(wb).declared).toEqual([
      { sheet: "进度计划表", row: 1, column: "A", kind: "schedule" },
    ]);
  });
});
