/**
 * Plans met on an eleventh round of real workbooks (Chinese, simplified and traditional), rebuilt
 * with invented values: durations however qualified (預期天數, 預計任務工期, 用时(天)); headers written in
 * Chinese with an English gloss (`活动 Activities`, `Start Date 开始日期`); a task's own dates
 * (任务开始时间) kept as bare serial numbers; 任务项 and 活动子项 as the task; a template's spare
 * numbered rows struck through with a dash; a requirements list whose date columns nobody filled.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { check, letters, messages, only } from "../helpers/recognition";

const plan = (header: unknown[]) =>
  workbook(
    sheet("工作表1", [
      header,
      ["需求訪談", d("2026-03-02"), d("2026-03-06"), 5],
      ["系統設計", d("2026-03-09"), d("2026-03-20"), 10],
      ["測試驗收", d("2026-03-23"), d("2026-03-27"), 5],
    ]),
  );

describe("a plan's days however qualified", () => {
  test.each([
    ["預期天數", ["任務", "開始日期", "結束日期", "預期天數"]],
    ["任務工期", ["任務", "開始日期", "結束日期", "任務工期"]],
    ["預計任務工期", ["任務名稱", "預期開始時間", "預期結束時間", "預計任務工期"]],
    ["用时(天)", ["功能模块", "开始日期", "计划完成日期", "用时(天)"]],
    ["所需天数", ["任务", "开始日期", "结束日期", "所需天数"]],
  ])("%s", (_what, header) => {
    const t = only(plan(header));
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "A", planStart: "B", planEnd: "C", duration: "D" });
  });
});

describe("headers glossed in English", () => {
  test.each([
    ["Chinese first", ["任务 Task", "负责人 Owner", "开始日期 Start Date", "结束日期 End Date"]],
    ["English first", ["Task 任务", "Owner 负责人", "Start Date 开始日期", "End Date 结束日期"]],
    ["on two lines", ["任务名称\nTask Name", "负责人\nOwner", "开始日期\nStart", "结束日期\nEnd"]],
  ])("%s", (_what, header) => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          header,
          ["需求调研", "张三", d("2026-03-02"), d("2026-03-06")],
          ["方案设计", "李四", d("2026-03-09"), d("2026-03-20")],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "A", owner: "B", planStart: "C", planEnd: "D" });
  });

  test("a WBS template's bilingual header, its days in a unit after both (用时 time(/天))", () => {
    const t = only(
      workbook(
        sheet("03 WBS表", [
          ["分解代码 WBS code", "阶段 Phases", "活动 Activities", "用时 time(/天)", "其他资源"],
          ["1.1", "需求", "用户访谈", 3, ""],
          ["1.2", "设计", "原型设计", 5, ""],
          ["2.1", "开发", "前端开发", 10, ""],
        ]),
      ),
    );
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ wbs: "A", task: "C", duration: "D" });
  });
});

describe("a task's own dates, kept as bare serial numbers", () => {
  test("任务开始时间 | 任务结束时间 with no date format still date each task", () => {
    const wb = workbook(
      sheet("总进度", [
        ["任务开始时间", "任务结束时间", "任务类型", "任务内容", "完成进度"],
        // 46083 is 2026-03-02, 46087 2026-03-06, 46101 2026-03-20.
        [46083, 46087, "开发", "搭建课件播放框架", 0.5],
        [46090, 46101, "开发", "录制示范课程", 0],
      ]),
    );
    const t = only(wb);
    expect(letters(t)).toMatchObject({ planStart: "A", planEnd: "B", task: "D" });
    expect(messages(check(wb, "2026-11-27"), "schedule.overdue")).toEqual([
      expect.stringContaining("2026-03-06"),
      expect.stringContaining("2026-03-20"),
    ]);
  });
});

describe("what names the task", () => {
  test.each([
    ["任务项", ["任务项", "完成时间", "负责人"]],
    ["活动子项 beside 主要活动", ["主要活动", "活动子项", "开始时间", "结束时间"]],
  ])("%s", (_what, header) => {
    const rows = [
      ["网站首页", d("2026-03-02"), d("2026-03-06")],
      ["后台管理", d("2026-03-09"), d("2026-03-20")],
    ].map((r) => (header.length === 4 ? ["需求分析", ...r] : [r[0], r[2], "张三"]));
    const t = only(workbook(sheet("Sheet1", [header, ...rows])));
    expect(t.kind).toBe("schedule");
    expect(letters(t).task).toBe(header.length === 4 ? "B" : "A");
  });
});

describe("rows and columns that are no data", () => {
  test("a template's spare numbered rows, struck through with a dash, are no tasks missing names", () => {
    const wb = workbook(
      sheet("WBS", [
        ["No", "タスク", "担当", "開始日", "終了日"],
        [1, "業務フローを作成する", "田中", d("2026-03-02"), d("2026-03-04")],
        [2, "課題一覧を作成する", "鈴木", d("2026-03-04"), d("2026-03-06")],
        [3, null, null, null, "-"],
        [4, null, null, null, "-"],
        [5, null, null, null, "—"],
      ]),
    );
    expect(only(wb).lastRow).toBe(3);
    expect(messages(check(wb), "cell.required")).toEqual([]);
  });

  test("a name without a number over numbered rows indented under it is a heading, its span or not", () => {
    const wb = workbook(
      sheet("Sheet1", [
        ["序号", "工作内容", "人员", "开始日期", "结束日期"],
        [1, "入口页文案修改", "张博", d("2026-07-28"), d("2026-07-28")],
        [null, "注意力测评", null, d("2026-07-29"), d("2026-08-12")],
        [2, "  注意力分配测验", "张博", d("2026-07-29"), d("2026-07-30")],
        [3, "  注意力广度测验", "张博", d("2026-07-31"), d("2026-08-04")],
        [null, "入校测评逻辑"],
        [4, "  增加单点登录", "李青", d("2026-08-13"), d("2026-08-14")],
        [5, "  注册信息增加班级", "李青", d("2026-08-17"), d("2026-08-18")],
      ]),
    );
    const t = only(wb);
    expect(t.sectionRows).toEqual([3, 6]);
    expect(messages(check(wb), "cell.required")).toEqual([]);
  });

  test("a reading log's time taken (章节 | 页数 | 完成 | 用时) is no plan's days", () => {
    const { tables } = recognise(
      workbook(
        sheet("Sheet1", [
          ["章节", "页数", "完成", "用时"],
          ["渲染流水线", 19, 1, 0.5],
          ["基础光照", 21, 1, 1],
          ["纹理", 15, 0, null],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });

  test("a requirements list whose plain date columns nobody filled in is no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("需求说明", [
          ["编号", "功能", "说明", "开始时间", "结束时间", "备注"],
          [1, "关注", "关注人还是帖子", null, null, "人"],
          [2, "首页图片展示", "固定还是按规则获取", null, null, "人工维护"],
          [3, "咨询", "咨询对象", null, null, "医师回复用户"],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});
