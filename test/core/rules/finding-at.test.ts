/** Findings built in place (findingAt) are the findings the location spread and a copy made. */

import type { Finding } from "../../../src/core/findings";
import type { FieldCell, TypedRow } from "../../../src/core/rows";
import { at, findingAt, hasSeveritySlot } from "../../../src/core/rules/context";
import { finding } from "../../../src/core/rules/index";
import { sheet, workbook } from "../../helpers/snapshot-builder";
import { check, SCHEDULE_HEADER } from "./harness";

const cell: FieldCell = {
  field: "planEnd",
  type: "date",
  col: 5,
  cell: "E7",
  header: "计划完成",
  display: "2026-11-20",
  parsed: { status: "ok", value: "2026-11-20", fromText: false },
};
const row: TypedRow = { sheet: "进度计划表", row: 7, fields: { planEnd: cell }, groups: [] };

describe("findingAt", () => {
  it("says what { rule, ...at(row, cell, field), args } said, key for key, once its severity is set", () => {
    const cases: Array<[FieldCell | undefined, string | undefined]> = [
      [cell, undefined],
      [cell, "other"],
      [undefined, "progress"],
      [undefined, undefined],
    ];
    for (const [fc, field] of cases) {
      const args = { days: 3 };
      const built = findingAt("schedule.overdue", row, fc, args, field);
      expect(hasSeveritySlot(built)).toBe(true);
      (built as Finding).severity = "warning";
      const spread = finding({ rule: "schedule.overdue", ...at(row, fc, field), args }, "warning");
      expect(built).toEqual(spread);
      expect(Object.keys(built)).toEqual(Object.keys(spread));
      expect(built.args).toBe(args);
    }
  });

  it("a finding from a rule gets the severity 设置 gives its rule", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-20", "2026-11-02", null, "50%"],
      ]),
    );
    const overdue = (r: ReturnType<typeof check>) => r.findings.filter((f) => f.rule === "schedule.overdue");
    expect(overdue(check(wb, "2026-11-23")).map((f) => [f.cell, f.severity])).toEqual([["E2", "error"]]);
    const set = check(wb, "2026-11-23", { severities: { "schedule.overdue": "info" } });
    expect(overdue(set).map((f) => [f.cell, f.severity])).toEqual([["E2", "info"]]);
    expect(set.summary.infos).toBeGreaterThanOrEqual(1);
  });
});
