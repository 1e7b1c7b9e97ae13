/**
 * A two-row header whose group labels were written once over the columns they head, their merge
 * lost (a Japanese WBS: 予定 over 開始日 | 終了日, 実績 over the same two again), its tasks broken into
 * 大項目 (the phase) and 中項目. Invented values.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { letters, only } from "../helpers/recognition";

const wbs = (merged: boolean) =>
  workbook(
    sheet(
      "WBS",
      [
        ["WBS"],
        [],
        ["#", "大項目", "中項目", "ステータス", "担当者", "予定", null, "実績", null, 46082, 46083],
        [null, null, null, null, null, "開始日", "終了日", "開始日", "終了日", 46082, 46083],
        [
          1,
          "設計",
          "画面設計",
          "完了",
          "山田",
          d("2026-03-02"),
          d("2026-03-06"),
          d("2026-03-02"),
          d("2026-03-05"),
        ],
        [2, "設計", "DB設計", "対応中", "山本", d("2026-03-09"), d("2026-03-13"), d("2026-03-09")],
        [3, "実装", "画面実装", "未着手", "山下", d("2026-03-16"), d("2026-03-27")],
        [4, "試験", "結合試験", "未着手", "山口", d("2026-03-30"), d("2026-04-03")],
      ],
      merged
        ? {
            merges: [
              { r1: 3, c1: 6, r2: 3, c2: 7 },
              { r1: 3, c1: 8, r2: 3, c2: 9 },
            ],
          }
        : {},
    ),
  );

test.each([
  ["written once, its merge lost", false],
  ["merged over its columns", true],
])("予定 and 実績 over the same two dates, %s: planned and actual dates", (_how, merged) => {
  const t = only(wbs(merged));
  expect(t.kind).toBe("schedule");
  expect(letters(t)).toMatchObject({
    phase: "B",
    task: "C",
    owner: "E",
    planStart: "F",
    planEnd: "G",
    actualStart: "H",
    actualEnd: "I",
  });
  expect(t.dataRows).toEqual([5, 6, 7, 8]);
});

test("a label over one column of a row that repeats no label heads that column alone", () => {
  const { tables } = recognise(
    workbook(
      sheet("Sheet1", [
        ["任务名称", "负责人", "计划", null, "备注"],
        [null, null, "开始时间", "结束时间", null],
        ["需求调研", "张三", d("2026-03-02"), d("2026-03-06"), null],
        ["方案设计", "李四", d("2026-03-09"), d("2026-03-13"), null],
        ["开发", "王五", d("2026-03-16"), d("2026-03-27"), null],
      ]),
    ),
  );
  expect(tables).toHaveLength(1);
  expect(letters(tables[0])).toMatchObject({ task: "A", owner: "B", planStart: "C", planEnd: "D" });
});
