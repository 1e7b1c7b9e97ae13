/**
 * Plans missed on an eighth round of real workbooks, rebuilt with invented values: a task column
 * standing past the owner and phase columns, a feature breakdown with its man-days and who follows
 * each feature up, a document plan naming its writers and reviewers, an English plan under a project
 * header block, and a WBS whose dates begin with "Begin date".
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { letters, only } from "../helpers/recognition";

describe("the task column past the owner and phase columns", () => {
  const rows = [
    ["序号", "项目", "描述", "阶段", "负责人", "协助人", "预计开始日期", "预计结束日期"],
    [1, "课程大纲编写", null, "一", "周一", "林二", d("2026-03-02"), d("2026-03-04")],
    [2, "课件评审", null, "一", "周一", "林二", d("2026-03-05"), d("2026-03-05")],
    [3, "讲师试讲", null, "一", "周一", "林二", d("2026-03-06"), d("2026-03-09")],
    [4, "全员培训", "讲解报销流程", "二", "陈三", "林二", d("2026-03-10"), d("2026-03-12")],
    [5, null, "讲解审批流程", "二", "陈三", "林二", d("2026-03-13"), d("2026-03-16")],
    [6],
    [7],
  ];

  test("项目 five columns left of the dates, with 阶段 and 负责人 between, is the task", () => {
    const t = only(workbook(sheet("Sheet1", rows)));
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "B", phase: "D", owner: "E", planStart: "G", planEnd: "H" });
    expect(t.lastRow).toBe(6);
  });

  test("with four unmapped columns of figures between, the names are too far to be the tasks", () => {
    const far = rows.map((r, i) =>
      i === 0
        ? ["序号", "项目", "甲", "乙", "丙", "丁", "预计开始日期", "预计结束日期"]
        : r.map((v, c) => (c >= 2 && c <= 5 && i <= 5 ? i * 10 + c : v)),
    );
    const { tables } = recognise(workbook(sheet("Sheet1", far)));
    expect(tables.map((t) => letters(t).task)).not.toContain("B");
  });
});

describe("a feature breakdown (模块 | 大功能 | 明细功能 | 预计MD | 跟进人)", () => {
  const wb = (md: string) =>
    workbook(
      sheet("提成核算系统", [
        ["提成核算系统WBS"],
        ["模块", "大功能", "明细功能", md, "跟进人", "状态", "预计开始时间", "预计结束时间"],
        ["第一阶段"],
        ["系统分析", "需求分析", "需求访谈", 0.5, "伍一", "已开始", d("2026-03-02"), d("2026-03-03")],
        [null, null, "系统设计", 1, "伍一", "已开始", d("2026-03-03"), d("2026-03-04")],
        [null, "原型", "登录页", 2, "陈二", "未开始", d("2026-03-05"), d("2026-03-09")],
        ["第二阶段"],
        ["开发", "核算", "发起核算", 3, "陈二", "未开始", d("2026-03-10"), d("2026-03-13")],
      ]),
    );

  test("the finest feature is the task, man-days its days, the follower its owner", () => {
    const t = only(wb("预计MD"));
    expect(t.kind).toBe("schedule");
    expect(t.headerRow).toBe(2);
    expect(letters(t)).toMatchObject({
      task: "C",
      duration: "D",
      owner: "E",
      planStart: "G",
      planEnd: "H",
    });
  });

  test("工作量人天 is the days as well; a bare MD column is not", () => {
    expect(letters(only(wb("工作量人天"))).duration).toBe("D");
    expect(letters(only(wb("MD"))).duration).toBeUndefined();
  });
});

describe("a document plan naming writers and reviewers", () => {
  test("撰写人员 is the owner, 审核人员 beside it is not", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["阶段", "任务", "开始时间", "结束时间", "撰写人员", "审核人员", "审核结果返回日期"],
          ["需求", "需求规格说明书", d("2026-03-02"), d("2026-03-06"), "李一", "王二", d("2026-03-09")],
          [null, "用例图", d("2026-03-02"), d("2026-03-04"), "李一", "王二", d("2026-03-05")],
          ["设计", "概要设计说明书", d("2026-03-09"), d("2026-03-13"), "赵三", "王二", d("2026-03-16")],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "B", planStart: "C", planEnd: "D", owner: "E" });
  });
});

describe("English plans", () => {
  test("Tasks | Responsible | Start | End | Days under a project header block", () => {
    const t = only(
      workbook(
        sheet("Project Plan and Gantt", [
          [],
          ["Project Name", "Ticket desk"],
          ["Project Manager", "Dana"],
          [],
          ["Start Date", d("2026-03-02")],
          ["End Date", d("2026-04-30")],
          [],
          ["Tasks", "Responsible", "Start", "End", "Days", "Status"],
          ["Kick-off meeting", "Amir", d("2026-03-02"), d("2026-03-03"), 1, "complete"],
          ["Agree on objectives", "Vera", d("2026-03-03"), d("2026-03-06"), 3, "in progress"],
          ["Detailed requirements", "Rak", d("2026-03-09"), d("2026-03-13"), 5, "open"],
        ]),
      ),
    );
    expect(t.headerRow).toBe(8);
    expect(letters(t)).toMatchObject({ task: "A", owner: "B", planStart: "C", planEnd: "D", duration: "E" });
  });

  test("Begin date | End date", () => {
    const t = only(
      workbook(
        sheet("WBS Global", [
          ["Level", "Code", "Task", "Effort", "Cost", "Duration (day)", "Begin date", "End date"],
          [1, 1, "Study requirements", null, null, 5, d("2026-03-02"), d("2026-03-06")],
          [1, 2, "Survey systems", null, null, 2, d("2026-03-09"), d("2026-03-10")],
          [1, 3, "Analysis", null, null, 7, d("2026-03-11"), d("2026-03-19")],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "C", duration: "F", planStart: "G", planEnd: "H" });
  });

  test("a list of days off (Name | Days | Start | End) is no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("Leave", [
          ["Employee", "Days", "Start", "End"],
          ["Amir", 2, d("2026-03-02"), d("2026-03-03")],
          ["Vera", 1, d("2026-03-05"), d("2026-03-05")],
          ["Rak", 3, d("2026-03-09"), d("2026-03-11")],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("a plan's dates qualified otherwise than by 计划", () => {
  const plan = (start: string, end: string, actual: string) =>
    workbook(
      sheet("Sheet1", [
        ["工作事项", "责任人", start, end, actual],
        ["接口联调", "陈一", d("2026-03-02"), d("2026-03-06"), d("2026-03-06")],
        ["用户培训", "林二", d("2026-03-09"), d("2026-03-10"), null],
        ["系统切换", "王三", d("2026-03-11"), d("2026-03-13"), null],
      ]),
    );

  test.each([
    ["目标开始日期", "目标完成日期", "实际完成日期"],
    ["拟开始时间", "拟完成时间", "实际上线时间"],
    ["要求开始时间", "要求上线日期", "实际上线日期"],
    ["计划开始时间点", "计划提交时间点", "实际提交时间"],
    ["应开始日期", "应竣工日期", "实际竣工日期"],
  ])("%s | %s | %s", (start, end, actual) => {
    expect(letters(only(plan(start, end, actual)))).toMatchObject({
      task: "A",
      owner: "B",
      planStart: "C",
      planEnd: "D",
      actualEnd: "E",
    });
  });

  test("a list of loans falling due (借款人 | 借款日期 | 到期日期) is no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("借款", [
          ["借款人", "借款日期", "到期日期", "金额"],
          ["陈一", d("2026-03-02"), d("2026-09-02"), 5000],
          ["林二", d("2026-03-09"), d("2026-12-09"), 8000],
          ["王三", d("2026-04-01"), d("2027-04-01"), 3000],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("whoever carries a task", () => {
  test.each(["牵头部门", "实施小组", "主办方", "完成人", "执行者", "承担单位", "指派给", "处理人"])(
    "%s is the owner",
    (h) => {
      const t = only(
        workbook(
          sheet("Sheet1", [
            ["任务名称", h, "计划开始", "计划完成"],
            ["编写需求文档", "陈一", d("2026-03-02"), d("2026-03-04")],
            ["评审需求", "林二", d("2026-03-05"), d("2026-03-06")],
          ]),
        ),
      );
      expect(letters(t).owner).toBe("B");
    },
  );
});
