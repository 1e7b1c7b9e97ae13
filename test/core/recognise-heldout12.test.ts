/**
 * Plans met on a twelfth round of real workbooks, rebuilt with invented values: estimated dates and
 * days (预估完成日期, 预估周期, 历时估计), a plan's end written 终止, 业务模块 and Subtask as the task, 参与者
 * and Resourcing as the owner, Korean 시작일자/종료일자, a Japanese 工程表's 工程名, and a duration whose
 * unit is written out after it (`DURATION in days`).
 */
import { d, sheet, workbook } from "../helpers/snapshot";
import { check, letters, messages, only } from "../helpers/recognition";

const rows = [
  ["需求分析", "张三", d("2026-03-02"), d("2026-03-06"), 5],
  ["系统设计", "李四", d("2026-03-09"), d("2026-03-20"), 10],
  ["测试验收", "王五", d("2026-03-23"), d("2026-03-27"), 5],
];

describe("plan words of the twelfth round", () => {
  test.each([
    ["estimated (预估)", ["子项", "人员", "计划开始日期", "预估完成日期", "预估周期"]],
    ["a plan's end written 终止", ["主要工作", "负责人", "计划起始时间", "计划终止时间", "工期"]],
    [
      "a business module and its participants",
      ["业务模块", "参与者", "开始时间", "预计完成时间", "历时估计"],
    ],
    [
      "English subtasks and their resourcing",
      ["Subtask", "Resourcing", "Start date", "End date", "Duration"],
    ],
    ["Korean dates in 일자", ["소분류", "담당자", "시작일자", "종료일자", "기간"]],
    ["a Japanese 工程表", ["工程名", "担当", "開始日", "終了日", "期間"]],
  ])("%s", (_what, header) => {
    const t = only(workbook(sheet("Sheet1", [header, ...rows])));
    expect(t.kind).toBe("schedule");
    const want: Record<string, string> = { owner: "B", planStart: "C", planEnd: "D", duration: "E" };
    if (header[0] !== "子项" && header[0] !== "소분류") want.task = "A";
    expect(letters(t)).toMatchObject(want);
  });

  test("a duration whose unit is written out after it (`DURATION in days`) counts working days as said", () => {
    const wb = workbook(
      sheet("Project Plan Template", [
        ["TASK NAME", "START DATE", "DURATION in working days", "PERCENT COMPLETE"],
        // Friday 2026-11-13: 3 working days end on Tuesday 11-17.
        ["Literature review", d("2026-11-13"), 3, 0],
      ]),
    );
    const t = only(wb);
    expect(letters(t)).toMatchObject({ task: "A", planStart: "B", duration: "C" });
    expect(messages(check(wb), "schedule.overdue")).toEqual([expect.stringContaining("2026-11-17")]);
  });

  test("tasks broken into subtasks: the subtask names the row, the task heads its group", () => {
    const wb = workbook(
      sheet("Project Plan", [
        ["Task #", "Tasks", "Subtask", "Resource", "Start date", "End date"],
        [1, "Create project plan"],
        [1.1, null, "Draft the plan", "Ann", d("2026-03-02"), d("2026-03-04")],
        [1.2, null, "Review the plan", "Bo", d("2026-03-05"), d("2026-03-06")],
        [2, "Build the prototype"],
        [2.1, null, "Order parts", "Cy", d("2026-03-09"), d("2026-03-11")],
        [2.2, null, "Assemble", "Ann", d("2026-03-12"), d("2026-03-20")],
      ]),
    );
    const t = only(wb);
    expect(letters(t).task).toBe("C");
    // Row 2, right under the header, is read as part of it or as a heading: either way no task.
    expect(t.sectionRows).toContain(5);
    expect(t.dataRows).not.toContain(2);
    expect(messages(check(wb), "cell.required")).toEqual([]);
  });
});
