/**
 * Schedule shapes met on a fifth round of real workbooks (plans only) the recognition had never
 * been measured on, rebuilt with invented values.
 */
import { analyseWorkbook, type CheckResult } from "../../src/core/check";
import { recheck, startLive } from "../../src/core/live";
import { normaliseHeader, recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { check, letters, messages, only } from "../helpers/recognition";

const errorsOn = (r: CheckResult, rows: number[]) =>
  r.findings.filter((f) => f.severity === "error" && f.row !== undefined && rows.includes(f.row));

describe("the vocabulary of plans", () => {
  test("Task Owner heads the owner of an English plan", () => {
    const t = only(
      workbook(
        sheet("Tasks", [
          ["Task", "Notes", "Start Date", "Due Date", "Duration", "Task Owner", "Status"],
          ["Survey the site", null, d("2026-03-02"), d("2026-03-04"), 2, "Lin", "Done"],
          ["Draft the layout", null, d("2026-03-05"), d("2026-03-10"), 5, "Wu", "Open"],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "A", planStart: "C", planEnd: "D", duration: "E", owner: "F" });
  });

  test("a qualifier in brackets inside a header reads as written in front: 完成（预计）时间", () => {
    expect(normaliseHeader("完成（预计）时间").key).toBe("预计完成时间");
    expect(normaliseHeader("开始(计划)日期").key).toBe("计划开始日期");
    // A trailing unit is still a unit.
    expect(normaliseHeader("工期（天）")).toEqual({ key: "工期", unit: "天" });
  });

  test("预期完成时间 is a plan's end and 工作量（人天） its duration", () => {
    const t = only(
      workbook(
        sheet("开发计划", [
          ["序号", "工作模块", "工作内容", "计划开始时间", "工作量（人天）", "预期完成时间"],
          [1, "采集", "接口联调", d("2026-02-02"), 5, d("2026-02-06")],
          [2, "清洗", "规则编写", d("2026-02-09"), 4, d("2026-02-12")],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "C", planStart: "D", duration: "E", planEnd: "F" });
  });

  test("a workload in hours is no duration", () => {
    const t = only(
      workbook(
        sheet("开发计划", [
          ["工作内容", "计划开始时间", "工作量（小时）", "预期完成时间"],
          ["接口联调", d("2026-02-02"), 30, d("2026-02-06")],
          ["规则编写", d("2026-02-09"), 20, d("2026-02-12")],
        ]),
      ),
    );
    expect(letters(t).duration).toBeUndefined();
  });

  test("two words for one column may be parted by a backslash: 负责人\\参与人", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["工作内容", "负责人\\参与人", "计划开始时间", "计划结束时间"],
          ["登录", "甲", d("2026-01-12"), d("2026-01-13")],
          ["定位", "乙", d("2026-01-12"), d("2026-01-15")],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "A", owner: "B" });
  });
});

describe("qualifiers sharing one ending", () => {
  test("前端\\后端人员 (front-end and back-end people) heads the owner", () => {
    const t = only(
      workbook(
        sheet("详细计划", [
          ["编号", "功能", "前端\\后端人员", "计划完成日期", "实际完成日期"],
          ["3.1", "部门创建", "甲", d("2026-08-30"), d("2026-09-01")],
          ["3.2", "部门修改", "乙", d("2026-08-30"), d("2026-09-01")],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "B", owner: "C", planEnd: "D", actualEnd: "E" });
  });

  test("计划/实际完成时间 mixes two fields: it heads neither", () => {
    const t = only(
      workbook(
        sheet("计划", [
          ["任务名称", "负责人", "计划开始时间", "计划/实际完成时间"],
          ["联调", "甲", d("2026-08-24"), d("2026-08-30")],
          ["验收", "乙", d("2026-08-31"), d("2026-09-04")],
        ]),
      ),
    );
    expect(letters(t).planEnd).toBeUndefined();
    expect(letters(t).actualEnd).toBeUndefined();
  });
});

describe("a list of projects with their planned ends", () => {
  test("项目名称 | 计划完成 | 实际完成 is a plan of projects", () => {
    const t = only(
      workbook(
        sheet("其他项目", [
          ["项目名称", "计划完成", "实际完成"],
          ["专题页交互", d("2026-08-31"), d("2026-08-31")],
          ["首页改版", d("2026-09-03"), d("2026-09-04")],
        ]),
      ),
    );
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toEqual({ task: "A", planEnd: "B", actualEnd: "C" });
  });

  test("项目名称 in a contract ledger still names the contract", () => {
    const t = only(
      workbook(
        sheet("台账", [
          ["合同编号", "项目名称", "签订日期", "合同金额"],
          ["HT-001", "办公楼修缮", d("2026-03-02"), 120000],
          ["HT-002", "道路养护", d("2026-04-10"), 86000],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
  });
});

describe("a plan in plain English field names", () => {
  test("name | start | end | dependency: the dependency makes it a plan", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["id", "name", "dependency", "start", "end"],
          [1, "Pull cables", null, d("2026-05-04"), d("2026-05-08")],
          [2, "Mount racks", 1, d("2026-05-11"), d("2026-05-13")],
          [3, "Test links", 2, d("2026-05-14"), d("2026-05-15")],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "B", predecessors: "C", planStart: "D", planEnd: "E" });
  });

  test("name | start | end alone (a booking list) is no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("Sheet1", [
          ["id", "name", "start", "end"],
          [1, "Room A", d("2026-05-04"), d("2026-05-08")],
          [2, "Room B", d("2026-05-11"), d("2026-05-13")],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("a task column with no header beside plainly headed dates", () => {
  test("| | 开始时间 | 结束时间 | 完成情况: the unheaded names are the tasks", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          [null, null, "开始时间", "结束时间", "完成情况"],
          [1, "缓存服务示例", d("2026-02-02"), d("2026-02-04"), "已完成"],
          [2, "消息队列示例", d("2026-02-05"), d("2026-02-09"), "已完成"],
          [3, "定时任务示例", d("2026-02-10"), d("2026-02-11"), "进行中"],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "B", planStart: "C", planEnd: "D" });
  });

  test("times of day under 开始时间 | 结束时间 beside unheaded names are no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("Sheet1", [
          [null, "开始时间", "结束时间"],
          ["晨读", 0.3125, 0.34375],
          ["午休", 0.5, 0.5625],
          ["锻炼", 0.75, 0.8125],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });

  test("a headed column of names (会议室 | 开始时间 | 结束时间) is not taken for the task", () => {
    const { tables } = recognise(
      workbook(
        sheet("Sheet1", [
          ["会议室", "开始时间", "结束时间"],
          ["一号厅", d("2026-02-02"), d("2026-02-02")],
          ["二号厅", d("2026-02-03"), d("2026-02-03")],
          ["三号厅", d("2026-02-04"), d("2026-02-04")],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });

  test("one date headed as a plan's (完成（预计）时间) beside unheaded names, the rows dated", () => {
    const t = only(
      workbook(
        sheet("样例", [
          ["任务追踪清单"],
          ["模块", "编号", null, "进度/状态", "完成（预计）时间", "特殊情况说明"],
          ["用户管理", 1, "筛选搜索", "已完成", d("2026-08-20")],
          [null, 2, "邮箱注册", "已完成", d("2026-08-15")],
          [null, 3, "用户登录", "已完成", d("2026-08-17")],
          ["主要功能", 4, "路线规划", "进行中", d("2026-09-15")],
          [null, 5, "酒店搜索", "进行中", d("2026-09-20")],
        ]),
      ),
    );
    expect(t.headerRow).toBe(2);
    expect(letters(t)).toMatchObject({ task: "C", planEnd: "E" });
  });
});

describe("one plan date beside headed names", () => {
  test("a settlement ledger's 甲方名称 | 乙方名称 | 开工日期 is no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("结算协议", [
          ["协议名称", "协议编号", "工程地址", "甲方名称", "乙方名称", "开工日期", "质保期"],
          ["年度合作协议", "XY-01", "某市某区", "某建设公司", "某工程公司", d("2026-03-28"), "2年"],
          ["年度合作协议", "XY-01", "某市某路", "某置业公司", "某工程公司", d("2026-04-16"), "2年"],
          ["年度合作协议", "XY-01", "某市某园", "某科技公司", "某工程公司", d("2026-05-06"), "2年"],
        ]),
      ),
    );
    expect(tables.filter((t) => t.kind === "schedule")).toEqual([]);
  });
});

describe("a header with no rows", () => {
  test("工作内容 | 开始时间 | 结束时间 over nothing (a timesheet's header) is no plan", () => {
    const { tables } = recognise(
      workbook(sheet("乙", [["日期", "开始时间", "结束时间", "时长（小时）", "工作内容"]])),
    );
    expect(tables).toEqual([]);
  });

  test("a header naming a plan's dates specifically is a plan still to be filled in", () => {
    const t = only(workbook(sheet("计划", [["工作内容", "负责人", "计划开始时间", "计划完成时间"]])));
    expect(letters(t)).toMatchObject({ task: "A", planStart: "C", planEnd: "D" });
  });
});

describe("lines of a plan that are no tasks", () => {
  test("milestone headings (Milestone 1 - …) over their tasks get no findings", () => {
    const r = check(
      workbook(
        sheet("Tasks", [
          ["Task", "Task Owner", "Start Date", "Due Date", "Duration"],
          ["Milestone 1 - Kickoff"],
          ["Write the charter", "Lin", d("2026-03-02"), d("2026-03-04"), 2],
          ["Part 2 - Sourcing"],
          ["Compare vendors", "Wu", d("2026-03-05"), d("2026-03-10"), 5],
        ]),
      ),
    );
    expect(r.tables).toHaveLength(1);
    expect(errorsOn(r, [2, 4])).toEqual([]);
  });

  test("a template's numbered stand-ins (任务 26 with only its formula's 1) get no findings", () => {
    const r = check(
      workbook(
        sheet("日程", [
          ["任务", "内容", "进度", "开始日期", "结束日期", "天数"],
          ["任务 1", "需求分析", 1, d("2026-07-06"), d("2026-07-07"), 2],
          ["任务 2", "数据库设计", 1, d("2026-07-08"), d("2026-07-10"), 3],
          ["任务 3", null, null, null, null, 1],
          ["任务 4", null, null, null, null, 1],
          ["任务 5", "联调", 0, d("2026-07-13"), null, 1],
        ]),
      ),
    );
    expect(r.tables).toHaveLength(1);
    expect(errorsOn(r, [4, 5])).toEqual([]);
    // A task with a name of its own is still a task: its missing end is reported.
    expect(errorsOn(r, [6]).map((f) => f.rule)).toContain("cell.required");
  });

  test("a row other rows name as their parent is their summary: its dates are theirs, not required", () => {
    const wb = workbook(
      sheet("Sheet1", [
        ["ID", "Task Name", "Parent", "Start", "Finish"],
        [1, "Preparation"],
        [2, "Site survey", 1, d("2026-05-04"), d("2026-05-05")],
        [3, "Crew arrives", 1, d("2026-05-06"), d("2026-05-06")],
        [4, "Installation"],
        [5, "Cabling", 4, d("2026-05-07"), d("2026-05-12")],
        [6, "Labelling", null, null, d("2026-05-13")],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ task: "B", parent: "C", planStart: "D", planEnd: "E" });
    const r = check(wb);
    expect(errorsOn(r, [2, 5])).toEqual([]);
    // A row no other row names is a task: its missing start is reported.
    expect(errorsOn(r, [7]).map((f) => f.rule)).toContain("cell.required");
  });

  test("clearing the parent a row names makes that parent a task again, live as in a full check", () => {
    const opts = { asOf: "2026-11-23" as const };
    const wb = workbook(
      sheet("Sheet1", [
        ["ID", "Task Name", "Parent", "Start", "Finish"],
        [1, "Preparation"],
        [2, "Site survey", 1, d("2026-05-04"), d("2026-05-05")],
        [3, "Crew arrives", 1, d("2026-05-06"), d("2026-05-06")],
      ]),
    );
    const live = startLive(wb, analyseWorkbook(wb, opts), opts)!;
    const clear = (r: number) => [{ sheet: "Sheet1", r1: r, c1: 3, r2: r, c2: 3, cells: [[undefined]] }];
    recheck(live, clear(3));
    const got = recheck(live, clear(4));
    const want = analyseWorkbook(wb, opts);
    expect(errorsOn(want.result, [2]).map((f) => f.rule)).toContain("cell.required");
    expect(got && errorsOn(got.result, [2])).toEqual(errorsOn(want.result, [2]));
  });

  test("a parent another task waits for stays a row, so the link finds it", () => {
    const r = check(
      workbook(
        sheet("Sheet1", [
          ["id", "name", "parent", "start", "end", "predecessors"],
          [1, "Preparation"],
          [2, "Site survey", 1, d("2026-05-04"), d("2026-05-05")],
          [3, "Cabling", null, d("2026-05-07"), d("2026-05-12"), "1"],
        ]),
      ),
    );
    expect(r.findings.filter((f) => f.rule === "schedule.predecessor-missing")).toEqual([]);
  });
});

describe("a range of dates without a year", () => {
  test("`10.26~11.1` is reported as a date lacking its year, not as a range", () => {
    const r = check(
      workbook(
        sheet("Sheet1", [
          ["阶段", "时间", "主要内容"],
          ["调研", "2026.03.02 - 2026.03.20", "资料收集"],
          ["开发", "10.26~11.1", "原型实现"],
          ["验收", "2026.11.02 - 2026.11.20", "测试与总结"],
        ]),
      ),
    );
    expect(r.tables).toHaveLength(1);
    expect(messages(r, "cell.date-invalid")).toEqual([
      "B3: 「时间」的值“10.26~11.1”不是一个有效日期（日期不完整，应写明年、月、日）",
    ]);
  });
});

describe("a month and a day typed as a number", () => {
  test("11.24 under 预计时间 is a date lacking its year: the plan is recognised and the cell reported", () => {
    const wb = workbook(
      sheet("会议", [
        ["主系统", "子类内容", "负责人", "预计时间"],
        ["全局属性", "属性计算逻辑", "吴", 11.24],
        [null, "存档结构图", "楼", 11.24],
        ["战斗系统", "出怪逻辑", "吴", 11.28],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ task: "B", owner: "C", planEnd: "D" });
    expect(messages(check(wb), "cell.date-invalid")).toContain(
      "D4: 「预计时间」的值“11.28”不是一个有效日期（日期不完整，应写明年、月、日）",
    );
  });

  test("a date serial in a General cell is still a date", () => {
    const t = only(
      workbook(
        sheet("计划", [
          ["任务名称", "负责人", "预计时间"],
          ["联调", "吴", 46350],
          ["验收", "楼", 46357],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "A", planEnd: "C" });
  });
});

describe("a plan dated by a plain 时间节点 column, the year left out", () => {
  const plan = () =>
    workbook(
      sheet("Sheet1", [
        ["时间节点", "功能", "人员"],
        ["11.24—25", null, null, "2d"],
        [null, "接口文档", "甲"],
        ["11.24", "发运模型", "乙", "1d"],
        ["11.27-12.5", "现场联调", "甲", "5d"],
        ["11.30", "托盘生成", "丙", "3d"],
        ["12.7-8", "订单对接", "丁", "2d"],
      ]),
    );

  test("功能 | 时间节点 with single days and ranges is a plan; its dates lack the year", () => {
    const t = only(plan());
    expect(letters(t)).toMatchObject({ task: "B", owner: "C", planStart: "A", planEnd: "A" });
    const got = messages(check(plan()), "cell.date-invalid");
    expect(got).toContain("A4: 「时间节点」的值“11.24”不是一个有效日期（日期不完整，应写明年、月、日）");
    expect(got).toContain("A5: 「时间节点」的值“11.27-12.5”不是一个有效日期（日期不完整，应写明年、月、日）");
  });

  test("a date over the tasks it is for, with no task of its own, is no task", () => {
    expect(errorsOn(check(plan()), [2])).toEqual([]);
  });
});
