/**
 * Plans whose durations are counted in hours (计划耗时 `2小时`, 工时（小时）, Estimated Hours): read as
 * working days of the 设置 每日工时 (8 unless set). A list of estimates with no plan date is no plan.
 * Invented values.
 */
import { recognise } from "../../src/core/recognise";
import { readParam } from "../../src/core/workbook-settings";
import { d, sheet, workbook } from "../helpers/snapshot";
import { check, letters, messages, only } from "../helpers/recognition";

describe("a duration counted in hours", () => {
  test("计划耗时 `2小时` beside the planned dates is the task's duration", () => {
    const t = only(
      workbook(
        sheet("自我提升计划", [
          ["任务内容", "学习方法", "计划耗时", "计划开始时间", "计划完成时间", "实际耗时"],
          ["Python 基础语法", "看书", "2小时", d("2026-03-02"), d("2026-03-02"), "3小时"],
          ["requests 库", "练习", "4小时", d("2026-03-03"), d("2026-03-03"), null],
          ["selenium", "视频", "16小时", d("2026-03-04"), d("2026-03-05"), null],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "A", duration: "C", planStart: "D", planEnd: "E" });
    expect(t.columns.duration?.hours).toBe(true);
  });

  const plan = (header: string, hours: unknown, settings: unknown[][] = []) =>
    workbook(
      sheet("计划", [
        ["任务名称", "负责人", "开始时间", header, "完成率"],
        // Friday 2026-11-13: 16 working hours end on Monday 11-16, 4 hours the same Friday.
        ["部署", "张三", d("2026-11-13"), hours, 0],
      ]),
      ...(settings.length ? [sheet("设置", [["项", "值"], ...settings])] : []),
    );

  test.each([
    ["预计工时", 16, "2026-11-16"],
    ["工期（小时）", "16h", "2026-11-16"],
    ["Estimated Hours", "16 hrs", "2026-11-16"],
    ["计划耗时", "4小时", "2026-11-13"],
  ])("%s = %j ends on %s (eight hours a working day)", (header, hours, end) => {
    const r = check(plan(header, hours));
    expect(messages(r, "schedule.overdue")).toEqual([expect.stringContaining(`计划于 ${end} 完成`)]);
    expect(messages(r, "cell.number-invalid")).toEqual([]);
  });

  test("每日工时 4 in 设置: 16 hours take four working days", () => {
    const r = check(plan("预计工时", 16, [["每日工时", 4]]));
    expect(messages(r, "schedule.overdue")).toEqual([expect.stringContaining("计划于 2026-11-18 完成")]);
  });

  test("每日工时 is 1 to 24 hours", () => {
    expect(readParam("hoursPerDay", { value: 7.5 } as never, false)).toEqual({
      status: "bad",
      expected: "number",
    });
    expect(readParam("hoursPerDay", { value: 0 } as never, false)).toEqual({
      status: "bad",
      expected: "number",
    });
    expect(readParam("hoursPerDay", { value: 25 } as never, false)).toEqual({
      status: "bad",
      expected: "number",
    });
    expect(readParam("hoursPerDay", { value: 6 } as never, false)).toEqual({ status: "ok", value: 6 });
  });

  test("a list of tasks with their estimated hours and no plan date is no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("Sheet1", [
          ["任务名称", "预计工时", "备注"],
          ["登录页", 8, null],
          ["注册页", 12, null],
          ["找回密码", 6, null],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });

  test("a bare Estimate beside a plan (a cost, as often as not) is no duration", () => {
    const t = only(
      workbook(
        sheet("Plan", [
          ["Task Name", "Start Date", "End Date", "Estimate"],
          ["Design", d("2026-03-02"), d("2026-03-06"), 5000],
          ["Build", d("2026-03-09"), d("2026-03-20"), 12000],
          ["Test", d("2026-03-23"), d("2026-03-27"), 3000],
        ]),
      ),
    );
    expect(letters(t).duration).toBeUndefined();
  });

  test("a duration in days stays days (工期 3 ends three calendar days on)", () => {
    const r = check(plan("工期", 3));
    expect(messages(r, "schedule.overdue")).toEqual([expect.stringContaining("计划于 2026-11-15 完成")]);
  });
});
