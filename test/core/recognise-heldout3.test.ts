/**
 * Shapes met on a third round of real workbooks the recognition had never been measured on,
 * rebuilt with invented values.
 */
import { type CheckResult } from "../../src/core/check";
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { check, letters, messages, only } from "../helpers/recognition";
import { indentedPlan } from "../helpers/indented-plan";

const errorsOn = (r: CheckResult, rows: number[]) =>
  r.findings.filter((f) => f.severity === "error" && f.row !== undefined && rows.includes(f.row));

describe("a construction time ledger", () => {
  test("分项工程 | 施工开始时间 | 施工结束时间 is a plan of the works", () => {
    const t = only(
      workbook(
        sheet("路基", [
          ["某高速公路第九标段"],
          [
            "序号",
            "单位工程",
            null,
            "分部工程",
            null,
            "分项工程",
            null,
            "施工开始时间",
            "施工结束时间",
            "28天日期",
          ],
          [1, "路基工程", null, "涵洞", null, "K1+100涵洞台背回填", null, d("2026-03-02"), d("2026-03-09")],
          [null, null, null, null, null, "K1+300填方路基", null, d("2026-03-05"), d("2026-04-01")],
        ]),
      ),
    );
    expect(t.headerRow).toBe(2);
    expect(letters(t)).toMatchObject({ task: "F", planStart: "H", planEnd: "I" });
  });
});

describe("two words for one column", () => {
  test("负责人/参与人 heads the owner", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["工作内容", "负责人/参与人", "计划开始时间", "计划结束时间", "状态"],
          ["登录", "甲", d("2026-01-12"), d("2026-01-13"), "进行中"],
          ["定位", "乙", d("2026-01-12"), d("2026-01-15"), "未开始"],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "A", owner: "B", planStart: "C", planEnd: "D" });
  });

  test("a status header listing its states (状态：未开工/开工/完成) heads no date", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["任务", "负责人", "状态：未开工/开工/完成", "开始日期", "结束日期"],
          ["注册", "甲", "开工", d("2026-08-01"), d("2026-08-04")],
          ["主页", "乙", "未开工", d("2026-08-05"), d("2026-08-09")],
        ]),
      ),
    );
    expect(letters(t)).toEqual({ task: "A", owner: "B", planStart: "D", planEnd: "E" });
  });
});

describe("lines under a plan", () => {
  test("a legend of the states under the last task is no task", () => {
    const r = check(
      workbook(
        sheet("Sheet1", [
          ["工作内容", "负责人", "计划开始时间", "计划结束时间", "状态"],
          ["登录", "甲", d("2026-01-12"), d("2026-01-13"), "进行中"],
          ["定位", "乙", d("2026-01-12"), d("2026-01-15"), "未开始"],
          ["搜索", "丙", d("2026-01-14"), d("2026-01-16"), "未开始"],
          ["未开始", "进行中", "完成"],
        ]),
      ),
    );
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0].lastRow).toBe(4);
    expect(errorsOn(r, [5])).toEqual([]);
  });
});

describe("a duration headed like a date", () => {
  test("计划时间（天） holds days: the plan's duration, not its end", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["功能", "计划时间（天）"],
          ["小区管理", 1.5],
          ["客户管理", 1.5],
          ["工单管理", 3],
        ]),
      ),
    );
    expect(letters(t)).toEqual({ task: "A", duration: "B" });
  });
});

describe("phase headings of a Gantt template", () => {
  test("阶段 2 | 子系统构建, and a heading of the same shape without a number, are no tasks", () => {
    const r = check(
      workbook(
        sheet("日程", [
          ["任务", "内容", "负责人", "进度", "开始日期", "结束日期", "天数"],
          ["阶段 1", "前期准备"],
          ["任务 1", null, "甲", 0.5, d("2026-08-10"), d("2026-08-14"), 5],
          ["任务 2", null, "乙", 0, d("2026-08-17"), d("2026-08-21"), 5],
          ["阶段 2", "子系统构建"],
          ["任务 1", null, "甲", 0, d("2026-08-24"), d("2026-08-28"), 5],
          ["中期检查", "成果验收"],
          ["任务 1", null, "丙", 0, d("2026-08-31"), d("2026-09-04"), 5],
        ]),
      ),
    );
    expect(r.tables).toHaveLength(1);
    expect(errorsOn(r, [2, 5, 7])).toEqual([]);
  });
});

describe("a plain 时间 column of date ranges", () => {
  test("阶段 | 时间 | 主要内容: the ranges are the plan, the 主要内容 the task", () => {
    const t = only(
      workbook(
        sheet("计划表", [
          ["阶段", "时间", "主要内容"],
          ["第一阶段", "2026.03.16 - 2026.04.20", "学习与搭建"],
          ["第二阶段", "2026.04.21 - 2026.05.18", "核心功能"],
          ["第三阶段", "2026.05.19 - 2026.06.01", "测试"],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "C", planStart: "B", planEnd: "B" });
  });

  test("内容 | 负责人 | 时间 with one range merged down the rows", () => {
    const t = only(
      workbook(
        sheet(
          "Sheet1",
          [
            ["工作计划："],
            [null, "内容", null, "负责人", null, "时间"],
            ["第一阶段：", "1、资料收集", null, "甲", null, "2026.10.26~2026.11.01"],
            [null, "2、方案验证", null, "乙"],
            [null, "3、方案选择", null, "甲、乙"],
          ],
          { merges: ["F3:F5"] },
        ),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "B", owner: "D", planStart: "F", planEnd: "F" });
  });

  test("a diary of single dates under 时间 | 内容 is no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("日志", [
          ["时间", "内容", "备注"],
          [d("2026-04-25"), "项目启动"],
          [d("2026-04-26"), "共通设计"],
          [d("2026-05-03"), "多国语言标签"],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });

  test("a timetable of clock ranges under 时间 | 内容 is no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("课表", [
          ["时间", "内容"],
          ["07:25-08:45", "英语"],
          ["08:50-09:50", "生物"],
          ["09:55-10:55", "化学"],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("a list of features to build", () => {
  test("功能列表 names the task of an iteration plan whose dates are still to be filled in", () => {
    const t = only(
      workbook(
        sheet("迭代 1", [
          ["迭代计划时间", null, "迭代计划结束时间"],
          ["对应版本", "功能列表", "计划开始时间", "计划结束时间", "实际开始时间", "实际结束时间", "负责人"],
          ["V0.1", "F-MAP-01", null, null, null, null, "甲"],
          [null, "F-MAP-02", null, null, null, null, "乙"],
          [null, "F-MAP-UT", null, null, null, null, "丙"],
        ]),
      ),
    );
    expect(t.headerRow).toBe(2);
    expect(letters(t)).toMatchObject({ task: "B", planStart: "C", planEnd: "D", owner: "G" });
  });
});

describe("task names indented across columns", () => {
  const plan = () => indentedPlan();

  test("a row whose 功能 cell is empty takes its task from the sub-item beside it", () => {
    const wb = plan();
    const t = only(wb);
    expect(t.taskSpan?.map((c) => c.letter)).toEqual(["B", "C"]);
    const r = check(wb);
    // Rows 3–5 are tasks named by their sub-items: no 「功能」为空 there.
    expect(errorsOn(r, [3, 4, 5]).map((f) => f.rule)).toEqual([]);
    // A row with no name in any of the three columns still lacks its task.
    expect(messages(r, "cell.required")).toEqual(["A7: 第 7 行的「功能」为空，此项必填"]);
  });

  test("findings name the task by its sub-item", () => {
    const wb = workbook(
      sheet("Sheet1", [
        ["功能", null, "负责人", "计划开始", "计划完成", "完成率"],
        ["客户档案", null, "周一", d("2026-09-01"), d("2026-09-30"), 0.5],
        [null, "档案录入", "周一", d("2026-09-01"), d("2026-09-10"), 0.5],
      ]),
    );
    expect(messages(check(wb), "schedule.overdue")).toEqual([
      "E2: 任务「客户档案」计划于 2026-09-30 完成，已逾期 54 天仍未完成",
      "E3: 任务「档案录入」计划于 2026-09-10 完成，已逾期 74 天仍未完成",
    ]);
  });

  test("a column with a header of its own is never part of the task", () => {
    const wb = workbook(
      sheet("Sheet1", [
        ["功能", "备注", "负责人", "计划开始", "计划完成"],
        ["客户档案", null, "周一", d("2026-09-01"), d("2026-09-30")],
        [null, "先做录入", "周一", d("2026-09-01"), d("2026-09-10")],
      ]),
    );
    expect(only(wb).taskSpan).toBeUndefined();
  });
});
