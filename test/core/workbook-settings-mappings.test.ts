import { checkSnapshot } from "../../src/app/check";
import { toJson } from "../../src/cli/main";
import { checkWorkbook } from "../../src/core/check";
import { KIND_DEFS, KINDS } from "../../src/core/kinds";
import {
  mappingFieldText,
  parseMappingField,
  parseMappingKey,
  readWorkbookSettings,
  readWorkbookState,
} from "../../src/core/workbook-settings";
import { formatFinding } from "../../src/i18n/messages";
import { sheet, workbook } from "../helpers/snapshot-builder";

/** Monday. */
const AS_OF = "2026-11-23";

/** A schedule whose end-date column has a header recognition does not know (完工). */
function unusualSchedule() {
  return sheet("进度计划表", [
    ["序号", "任务名称", "负责人", "计划开始", "完工", "实际完成", "完成率"],
    ["1", "需求调研", "张三", "2026-11-02", "2026-11-13", null, 0.5],
    ["2", "系统设计", "李四", "2026-11-16", "2026-12-18", null, 0],
  ]);
}

/** A schedule recognition maps on its own. */
function plainSchedule() {
  return sheet("进度计划表", [
    ["序号", "任务名称", "负责人", "计划开始", "计划完成", "实际完成", "完成率"],
    ["1", "需求调研", "张三", "2026-11-02", "2026-11-13", null, 0.5],
    ["2", "系统设计", "李四", "2026-11-16", "2026-12-18", null, 0],
  ]);
}

function settings(rows: unknown[][]) {
  return sheet("设置", [["项", "值"], ...(rows as string[][])], { visibility: "hidden" });
}

describe("列映射 rows of 参数", () => {
  test("keys and values in the forms a user types them", () => {
    const wb = workbook(
      plainSchedule(),
      sheet("收款!明细", [["x"]]),
      settings([
        ["列映射:进度计划表!e", "计划完成"],
        ["列映射：进度计划表 ! Ｆ", "actualend"],
        ["列映射:收款!明细!C", "约定收款日期3"],
        ["列映射:进度计划表!H", "dueDate#2"],
        ["列映射:进度计划表!I", "合同金额（万元）"],
        ["列映射:进度计划表!J", "不映射"],
        ["列映射:进度计划表!K", "None"],
        ["列映射:进度计划表!L", ""],
        ["操作人", "王五"],
      ]),
    );
    const read = readWorkbookSettings(wb);
    expect(read.mappings).toEqual([
      { sheet: "进度计划表", column: "E", field: "planEnd" },
      { sheet: "进度计划表", column: "F", field: "actualEnd" },
      { sheet: "收款!明细", column: "C", field: "dueDate3" },
      { sheet: "进度计划表", column: "H", field: "dueDate2" },
      { sheet: "进度计划表", column: "I", field: "amount" },
      { sheet: "进度计划表", column: "J", field: null },
      { sheet: "进度计划表", column: "K", field: null },
    ]);
    expect(read.problems).toEqual([]);
    // Mapping keys are the settings' own now; other keys still go through.
    expect([...read.otherKeys.keys()]).toEqual(["操作人"]);
  });

  test("a sheet named in another case is the workbook's sheet; a later row for the same column wins", () => {
    const wb = workbook(
      sheet("Plan", [["x"]]),
      settings([
        ["列映射:plan!D", "计划开始"],
        ["列映射:PLAN!d", "计划完成"],
      ]),
    );
    expect(readWorkbookSettings(wb).mappings).toEqual([{ sheet: "Plan", column: "D", field: "planEnd" }]);
  });

  test("a 值 naming no field, or a key without sheet and column, is reported on its cell and not applied", () => {
    const wb = workbook(
      plainSchedule(),
      settings([
        ["列映射:进度计划表!E", "完工日"],
        ["列映射:进度计划表", "计划完成"],
        ["列映射:进度计划表!E9", "计划完成"],
      ]),
    );
    const read = readWorkbookSettings(wb);
    expect(read.mappings).toEqual([]);
    expect(read.problems.map((p) => [p.cell, p.expected, p.value])).toEqual([
      ["B2", "field", "完工日"],
      ["A3", "column", "列映射:进度计划表"],
      ["A4", "column", "列映射:进度计划表!E9"],
    ]);
    const r = checkWorkbook(wb, { asOf: AS_OF });
    const onSettings = r.findings.filter((f) => f.sheet === "设置");
    expect(onSettings.map((f) => [f.rule, f.severity, f.cell, formatFinding(f, "zh")])).toEqual([
      [
        "table.not-recognized",
        "warning",
        "B2",
        "「列映射:进度计划表!E」的值“完工日”不是可识别的字段，该列映射未生效；" +
          "请填写字段名（如 计划完成 或 planEnd，分组收款字段加序号，如 约定收款日期3），或填“不映射”",
      ],
      [
        "table.not-recognized",
        "warning",
        "A3",
        "「列映射:进度计划表」应写成“列映射:工作表名!列字母”（如 列映射:进度计划表!F），该列映射未生效",
      ],
      [
        "table.not-recognized",
        "warning",
        "A4",
        "「列映射:进度计划表!E9」应写成“列映射:工作表名!列字母”（如 列映射:进度计划表!F），该列映射未生效",
      ],
    ]);
    expect(formatFinding(onSettings[0], "en")).toBe(
      '"列映射:进度计划表!E" holds "完工日", which names no field; the mapping is not applied. ' +
        'Enter a field (e.g. planEnd or 计划完成; payment groups with their number, e.g. dueDate3) or "none"',
    );
    // The table is still checked as recognition maps it.
    expect(r.tables[0].columns.planEnd).toBe("E");
  });

  test("parseMappingKey: the last ! splits; column letters only", () => {
    expect(parseMappingKey("列映射:a!b!c")).toEqual({ sheet: "a!b", column: "C" });
    expect(parseMappingKey("列映射:'计划 表'!aa")).toEqual({ sheet: "计划 表", column: "AA" });
    expect(parseMappingKey("列映射:表!XFE")).toBe("bad");
    expect(parseMappingKey("列映射:!F")).toBe("bad");
    expect(parseMappingKey("公司名称")).toBeUndefined();
  });

  test("every field, written in zh or en, reads back as itself (group fields with each number)", () => {
    const fields = new Set<string>();
    for (const kind of KINDS) {
      for (const f of KIND_DEFS[kind].fields) {
        fields.add(f.field);
        if (f.numbered) for (let n = 1; n <= 9; n++) fields.add(`${f.field}${n}`);
      }
    }
    const back = (lang: "zh" | "en") =>
      [...fields].filter((f) => parseMappingField(mappingFieldText(f, lang))?.field !== f);
    expect(back("zh")).toEqual([]);
    expect(back("en")).toEqual([]);
    expect(mappingFieldText("planEnd", "zh")).toBe("计划完成");
    expect(mappingFieldText("dueDate3", "zh")).toBe("应收日期3");
    expect(mappingFieldText("completionDate", "zh")).toBe("完成日期");
    expect(mappingFieldText(null, "zh")).toBe("不映射");
    expect(mappingFieldText("dueDate3", "en")).toBe("dueDate3");
  });
});

describe("a saved mapping changes what is checked", () => {
  test("完工 mapped to planEnd: the table is recognised and the overdue task is reported", () => {
    const without = checkWorkbook(workbook(unusualSchedule()), { asOf: AS_OF });
    expect(without.tables[0].unmapped).toEqual(["完工"]);
    expect(without.tables[0].skippedRules).toContain("schedule.overdue");
    expect(without.findings.filter((f) => f.rule === "schedule.overdue")).toEqual([]);

    const wb = workbook(unusualSchedule(), settings([["列映射:进度计划表!E", "计划完成"]]));
    const r = checkWorkbook(wb, { asOf: AS_OF });
    expect(r.tables.map((t) => [t.sheet, t.columns.planEnd])).toEqual([["进度计划表", "E"]]);
    expect(r.tables[0].unmapped).toEqual([]);
    const overdue = r.findings.filter((f) => f.rule === "schedule.overdue");
    expect(overdue.map((f) => [f.cell, f.value])).toEqual([["E2", "2026-11-13"]]);
  });

  test("a column mapped to 不映射 is left unmapped, and the rules needing it do not run", () => {
    const before = checkWorkbook(workbook(plainSchedule()), { asOf: AS_OF });
    expect(before.findings.filter((f) => f.rule === "schedule.overdue")).toHaveLength(1);

    const wb = workbook(plainSchedule(), settings([["列映射:进度计划表!E", "不映射"]]));
    const r = checkWorkbook(wb, { asOf: AS_OF });
    expect(r.tables[0].columns.planEnd).toBeUndefined();
    expect(r.tables[0].unmapped).toContain("计划完成");
    // The pane lists every header column, the unmapped one in its place.
    expect(r.tables[0].headers.map((h) => `${h.letter}:${h.header}`)).toEqual([
      "A:序号",
      "B:任务名称",
      "C:负责人",
      "D:计划开始",
      "E:计划完成",
      "F:实际完成",
      "G:完成率",
    ]);
    expect(r.tables[0].skippedRules).toContain("schedule.overdue");
    expect(r.findings.filter((f) => f.rule === "schedule.overdue")).toEqual([]);
  });

  test("the caller's override wins over the saved one for the same column", () => {
    const wb = workbook(plainSchedule(), settings([["列映射:进度计划表!E", "不映射"]]));
    const r = checkWorkbook(wb, {
      asOf: AS_OF,
      overrides: [{ sheet: "进度计划表", column: "e", field: "planEnd" }],
    });
    expect(r.tables[0].columns.planEnd).toBe("E");
    expect(r.findings.filter((f) => f.rule === "schedule.overdue")).toHaveLength(1);
  });
});

describe("state", () => {
  const wb = workbook(
    sheet("进度计划表", [
      ["序号", "任务名称", "负责人", "计划开始", "计划完成", "实际完成", "完成率"],
      ["1", "上线", "张三", "2027-03-01", "2027-03-05", null, 0],
      ["2", "验收", "李四", "2028-03-01", "2028-03-05", null, 0],
    ]),
    sheet(
      "设置",
      [
        ["项", "值", null, "日期", "类型", "名称"],
        ["临近天数", 5, null, "2028-01-01", "休", "元旦"],
        ["校验日期", "2027-02-01"],
        ["公司名称", "三才软件"],
        ["列映射:进度计划表!E", "planEnd"],
      ],
      { visibility: "hidden" },
    ),
  );

  test("a check carries the workbook's settings, holidays, mappings and the years without holiday data", () => {
    const r = checkWorkbook(wb, { today: "2027-02-01", settings: { dueSoonWorkdays: 9 } });
    expect(r.state).toEqual({
      settings: expect.objectContaining({ dueSoonWorkdays: 5, companyName: "三才软件", lang: "zh" }),
      asOf: "2027-02-01",
      holidays: [{ date: "2028-01-01", type: "休", name: "元旦" }],
      mappings: [{ sheet: "进度计划表", column: "E", field: "planEnd" }],
      // 2028 has a 节假日 row, so only 2027 lacks data.
      missingYears: [2027],
      hasSettingsSheet: true,
    });
    expect(r.findings.filter((f) => f.rule === "calendar.year-missing").map((f) => f.args.year)).toEqual([
      2027,
    ]);
  });

  test("readWorkbookState: the same without a check (missingYears unknown, so [])", () => {
    const s = readWorkbookState(wb);
    expect(s.settings.dueSoonWorkdays).toBe(5);
    expect(s.missingYears).toEqual([]);
    expect(readWorkbookState(workbook(plainSchedule())).hasSettingsSheet).toBe(false);
  });

  test("the task pane's report has it; check --json does not", () => {
    const report = checkSnapshot(wb, { asOf: "2027-02-01" });
    expect(report.state.mappings).toEqual([{ sheet: "进度计划表", column: "E", field: "planEnd" }]);
    const json = JSON.parse(toJson("a.xlsx", report)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["file", "asOf", "tables", "findings", "notices", "summary"]);
  });
});

describe("表声明 and 列映射 rows that no longer fit the workbook", () => {
  test("a sheet renamed since, or a declared row with no header, is reported on its 项 cell", () => {
    const wb = workbook(
      plainSchedule(),
      settings([
        ["列映射:旧计划!E", "计划完成"],
        ["表声明:'旧 计划'!A3", "进度计划表"],
        ["表声明:进度计划表!A9", "进度计划表"],
        ["表声明:进度计划表!H1", "进度计划表"],
        ["表声明:进度计划表!A1", "进度计划表"],
      ]),
    );
    const r = checkWorkbook(wb, { asOf: AS_OF });
    const onSettings = r.findings.filter((f) => f.sheet === "设置");
    expect(onSettings.map((f) => [f.rule, f.cell, formatFinding(f, "zh")])).toEqual([
      [
        "table.not-recognized",
        "A2",
        "「列映射:旧计划!E」指向的工作表「旧计划」在工作簿中不存在（可能已改名或删除），该项未生效；请改成现在的工作表名，或删除这一行",
      ],
      [
        "table.not-recognized",
        "A3",
        "「表声明:'旧 计划'!A3」指向的工作表「旧 计划」在工作簿中不存在（可能已改名或删除），该项未生效；请改成现在的工作表名，或删除这一行",
      ],
      [
        "table.not-recognized",
        "A4",
        "「表声明:进度计划表!A9」所在的行从该列起是空的，没有表头，该表声明未生效；请改成表头第一个单元格的位置",
      ],
      [
        "table.not-recognized",
        "A5",
        "「表声明:进度计划表!H1」所在的行从该列起是空的，没有表头，该表声明未生效；请改成表头第一个单元格的位置",
      ],
    ]);
    expect(formatFinding(onSettings[0], "en")).toBe(
      '"列映射:旧计划!E" names the sheet "旧计划", which the workbook does not have (renamed or deleted?); it is not applied. Write the sheet\'s current name, or delete the row',
    );
    // The declaration that fits still holds: the schedule is checked from its header.
    expect(r.tables.map((t) => [t.sheet, t.headerRow])).toEqual([["进度计划表", 1]]);
  });
});
