/**
 * Shapes met on a thirteenth round of real workbooks, rebuilt with invented values: a development-plan
 * form with its blocks laid one under another (里程碑描述, 进度描述 headed 管理事件 | 计划日期 | 实际日期,
 * 提交文档日程, then blocks of notes), a review plan (评审内容 | 计划评审日期 | 实际评审日期), a lease
 * ledger whose contract headers name the party (A合同签订时间, 东恒-铁通合同编号, 铁通合同总金额,
 * 出租方), and plans whose actual dates are headed 实际起始时间 | 实际终止时间.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { check, letters, messages, only } from "../helpers/recognition";

/** A development-plan form: key/value lines, then its blocks one under another. */
function planForm() {
  return workbook(
    sheet("项目开发计划", [
      [null, "项目名称", null, "仓储管理系统", null, "项目组名称", "第三组"],
      [],
      [null, "里程碑描述"],
      [null, "里程碑名称", "计划开始日期", "计划结束日期", "计划天数", "计划完成任务", "计划工作产品"],
      [null, "需求阶段", d("2026-03-02"), d("2026-03-06"), 5, "需求分析", "需求说明书"],
      [null, "设计阶段", d("2026-03-09"), d("2026-03-13"), 5, "概要设计", "设计说明书"],
      [],
      [null, "进度描述"],
      // Row 9.
      [null, "管理事件", "计划日期", "实际日期", "延期天数", "结果评价", "检查情况"],
      [null, "项目启动会议", d("2026-03-02"), d("2026-03-02"), 0, "完成", "完成"],
      [null, "需求评审", d("2026-03-06"), d("2026-03-09"), 1, "完成", "完成"],
      [null, "概要设计评审", d("2026-03-13")],
      [null, "系统测试", d("2026-11-20")],
      // Row 14: the next block's title and header, right under the last event.
      [null, "提交文档日程"],
      [null, "文档名", "版本", "计划日期", "实际日期", "延期天数", "结果评价"],
      [null, "需求说明书", "V1.0", d("2026-03-06"), d("2026-03-06"), 0, "良"],
      [null, "设计说明书", "V1.0", d("2026-03-13")],
      // Row 18 on: blocks of notes, no dates.
      [null, "进度管理内容与措施"],
      [null, "内容", null, null, "计划措施"],
      [null, "日次进度管理", null, null, "每天填写日报"],
      [null, "周次进度管理", null, null, "每周五开周会"],
      [null, "项目风险描述"],
      [null, "预计风险情况", null, null, "计划解决措施"],
      [null, "人员不足", null, null, "调配人员"],
    ]),
  );
}

describe("a development-plan form's blocks laid one under another", () => {
  test("each block is a table of its own: milestones, events (管理事件), documents handed in", () => {
    const tables = recognise(planForm()).tables;
    expect(tables.map((t) => [t.headerRow, t.dataRows])).toEqual([
      [4, [5, 6]],
      [9, [10, 11, 12, 13]],
      [15, [16, 17]],
    ]);
    expect(letters(tables[1])).toMatchObject({ task: "B", planEnd: "C", actualEnd: "D" });
    expect(letters(tables[2])).toMatchObject({ task: "B", planEnd: "D", actualEnd: "E" });
  });

  test("an event not held by its day is overdue; the notes below are no tasks and get no findings", () => {
    const r = check(planForm());
    expect(messages(r, "schedule.overdue")).toEqual([
      expect.stringMatching(/^C12: .*概要设计评审/),
      expect.stringMatching(/^C13: .*系统测试/),
      expect.stringMatching(/^D17: .*设计说明书/),
    ]);
    const below = r.findings.filter((f) => f.severity === "error" && (f.row ?? 0) >= 18);
    expect(below).toEqual([]);
  });

  test("a state written in a plan's date column (完成) is a row, not the header of another table", () => {
    const wb = workbook(
      sheet("Sheet1", [
        ["内容", "完成时间", "问题"],
        ["公告栏", d("2026-03-02")],
        ["报销", "完成", "个别费用按新制度"],
        ["考勤", d("2026-03-09")],
        ["报表", d("2026-03-16")],
      ]),
    );
    expect(only(wb).dataRows).toEqual([2, 3, 4, 5]);
  });
});

describe("words of the thirteenth round", () => {
  test("a review plan: 评审内容 is the task, 计划评审日期 and 实际评审日期 its planned and actual day", () => {
    const wb = workbook(
      sheet("项目评审计划", [
        ["所属里程碑", "评审内容", "评审类别", "计划评审日期", "实际评审日期", "参加评审人员", "状态"],
        ["需求", "需求规格说明书", "内部评审", d("2026-03-06"), d("2026-03-06"), "全体", "完成"],
        ["设计", "概要设计说明书", "内部评审", d("2026-03-13"), null, "全体", "未开始"],
      ]),
    );
    const t = only(wb);
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "B", planEnd: "D", actualEnd: "E" });
    expect(messages(check(wb), "schedule.overdue")).toEqual([expect.stringMatching(/^D3: .*概要设计说明书/)]);
  });

  test("a plan's actual start and end headed 实际起始时间 | 实际终止时间; a time taken (实际持续时间) is no date", () => {
    const wb = workbook(
      sheet("Sheet1", [
        ["阶段", "主要工作", "计划起始时间", "计划终止时间", "实际起始时间", "实际终止时间", "实际持续时间"],
        ["需求", "确定技术框架", d("2026-03-02"), d("2026-03-04"), d("2026-03-02"), d("2026-03-05"), 4],
        [null, "确定整体功能", d("2026-03-05"), d("2026-03-06"), d("2026-03-05"), null, null],
      ]),
    );
    const t = only(wb);
    expect(letters(t)).toMatchObject({ task: "B", actualStart: "E", actualEnd: "F" });
    expect(letters(t).actualEnd).not.toBe("G");
  });

  test("a lease ledger whose contract headers name the party (A合同签订时间, 东恒-铁通合同编号, 出租方)", () => {
    const wb = workbook(
      sheet("Sheet0", [
        [
          "序号",
          "合同分类",
          "A合同签订时间",
          "B合同签订时间",
          "东恒-铁通合同编号",
          "站点名称",
          "铁通合同总金额",
          "出租方",
        ],
        ["1", "新建", "2018-12-26", "2018-12-28", "DH-TT-2018-001", "城南站", "9362.00", "张某"],
        ["2", "续签", "2019-01-08", "2019-01-10", "DH-TT-2019-002", "城北站", "12000.00", "李某"],
        ["3", "新建", "2019-02-15", "2019-02-18", "DH-TT-2019-003", "东郊站", "8800.00", "王某"],
      ]),
    );
    const t = only(wb);
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ signDate: "C", contractNo: "E", amount: "G", customer: "H" });
  });

  test("near misses stay none: a supplier list naming the contracts it took on, an employee's labour contract", () => {
    for (const header of [
      ["序号", "单位名称", "资质等级", "入库时间", "承接项目合同名称", "承接项目合同金额（元）", "备注"],
      ["工号", "姓名", "劳动合同编号", "劳动合同签订日期", "部门"],
    ]) {
      const wb = workbook(
        sheet("Sheet1", [
          header,
          ["1", "某测绘院", "甲级", "2019-05-15", "某改造项目", "99795.05", ""],
          ["2", "某监理公司", "乙级", "2020-03-01", "某道路工程", "50000.00", ""],
        ]),
      );
      expect(recognise(wb).tables).toEqual([]);
    }
  });

  test("an outline's numbers under the task's header, the matters beside them with no header: the matters are the tasks", () => {
    const wb = workbook(
      sheet("会议记录", [
        [null, "日期", "议定事项", null, "责任人", "完成时限"],
        [null, null, "1", "完成合作协议", "周某", d("2026-03-02")],
        [null, null, "2", "每周投入三十小时", "师某", d("2026-03-09")],
        [null, null, "3", "确定首版范围", "周某", d("2026-03-16")],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ task: "D", owner: "E", planEnd: "F" });
  });
});
