/** The cells the cell rules judge, found in one walk over a table. */

import { analyseWorkbook } from "../../../src/core/check";
import { notableCells } from "../../../src/core/rules/cells";
import { sheet, workbook } from "../../helpers/snapshot-builder";
import { SCHEDULE_HEADER } from "./harness";

const wb = workbook(
  sheet("进度计划表", [
    SCHEDULE_HEADER,
    ["1", "需求调研", "张三", "2026-11-02", "2026-11-06", "2026-11-02", "2026-11-06", "100%"],
    ["2", "方案设计", "李四", "2026-13-45", 20261113, "下周", null, "五成"],
    ["3", "开发", "王五", "2026/11/16", "2026-11-30", null, null, "10%"],
  ]),
);

describe("notableCells", () => {
  const table = analyseWorkbook(wb, { asOf: "2026-11-23" }).tables[0];
  const found = notableCells(table);
  const cells = (list: typeof found.invalid) => list.map(({ row, fc }) => `${row.row}:${fc.cell}`);

  it("lists the unreadable cells row by row, left to right", () => {
    expect(cells(found.invalid)).toEqual(["3:D3", "3:F3", "3:H3"]);
  });

  it("lists the dates read from text (a number typed as a date among them), row by row", () => {
    expect(cells(found.textDates)).toEqual(["2:D2", "2:E2", "2:F2", "2:G2", "3:E3", "4:D4", "4:E4"]);
    for (const { fc } of found.textDates) expect([fc.type, fc.parsed.status]).toEqual(["date", "ok"]);
  });

  it("is worked out once per table", () => {
    expect(notableCells(table)).toBe(found);
  });
});
