/**
 * Shapes met on a sixth round of real workbooks, measured before any fix made from it, rebuilt
 * with invented values: headers in traditional characters, an English plan in capitals, and a plain
 * 内容 beside a plan's start and end.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { check, letters, messages, only } from "../helpers/recognition";

const time = (h: number) => ({ value: h / 24, numFmt: "h:mm" });

describe("headers in traditional characters", () => {
  test("a plan: 任務名稱 | 負責人 | 開始日期 | 結束日期 | 進度 reads as the simplified headers", () => {
    const t = only(
      workbook(
        sheet("工作表1", [
          ["編號", "任務名稱", "負責人", "開始日期", "結束日期", "進度"],
          ["1", "需求訪談", "陳一", d("2026-03-02"), d("2026-03-06"), 1],
          ["2", "系統設計", "林二", d("2026-03-09"), d("2026-03-20"), 0.5],
        ]),
      ),
    );
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ wbs: "A", task: "B", owner: "C", planStart: "D", planEnd: "E" });
  });

  test("a contract register: 合約編號 | 合約名稱 | 簽約日期 | 合約金額 (合約 is a contract)", () => {
    const t = only(
      workbook(
        sheet("合約", [
          ["合約編號", "合約名稱", "客戶", "簽約日期", "合約金額"],
          ["HT-001", "門禁系統", "甲公司", d("2026-01-05"), 120000],
          ["HT-002", "監控系統", "乙公司", d("2026-02-10"), 80000],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "A", contractName: "B", signDate: "D", amount: "E" });
  });

  test("專案名稱 and 預定完成日期 name a project's plan", () => {
    const t = only(
      workbook(
        sheet("專案", [
          ["專案名稱", "負責人", "預定開始日期", "預定完成日期"],
          ["官網改版", "陳一", d("2026-03-02"), d("2026-04-30")],
          ["會員系統", "林二", d("2026-05-04"), d("2026-06-30")],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "A", owner: "B", planStart: "C", planEnd: "D" });
  });
});

describe("an English plan in capitals", () => {
  test("WBS NUMBER | TASK TITLE | RESOURCE | START DATE | DUE DATE | DURATION maps every column", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["WBS NUMBER", "TASK TITLE", "RESOURCE", "START DATE", "DUE DATE", "DURATION"],
          ["1.0", "Kick-off", "Ann, Bo", d("2026-03-02"), d("2026-03-06"), 5],
          ["1.1", "Survey", "Cy", d("2026-03-09"), d("2026-03-13"), 5],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({
      wbs: "A",
      task: "B",
      owner: "C",
      planStart: "D",
      planEnd: "E",
      duration: "F",
    });
    expect(t.unmapped).toEqual([]);
  });
});

describe("a plain 内容 beside a plan's start and end", () => {
  const rows = [
    ["序号", "负责人", "分类", "内容", "优先级", "开始时间", "结束时间"],
    [1, "甲", "后台", "优惠券推送", "A", d("2026-06-08"), d("2026-06-12")],
    [2, "乙", "前台", "职业认证审核", "B", d("2026-06-10"), d("2026-11-20")],
    [3, "甲", "后台", "订单导出", "A", d("2026-06-19"), d("2026-06-15")],
  ];

  test("内容 is the task, and its findings name it", () => {
    const t = only(workbook(sheet("Sheet1", rows)));
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "D", owner: "B", planStart: "F", planEnd: "G" });
    const r = check(workbook(sheet("Sheet1", rows)));
    expect(messages(r, "row.date-order").join("\n")).toContain("订单导出");
  });

  test("a timetable with times of day under 开始时间 | 结束时间 is no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("课表", [
          ["节次", "内容", "开始时间", "结束时间"],
          [1, "语文", time(8), time(8.75)],
          [2, "数学", time(9), time(9.75)],
          [3, "英语", time(10), time(10.75)],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });

  test("a meeting list whose start and end hold no dates is no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("会议", [
          ["内容", "开始时间", "结束时间", "地点"],
          ["周会", "上午", "中午", "一楼"],
          ["评审", "下午", "傍晚", "二楼"],
          ["复盘", "上午", "中午", "一楼"],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("a plan's dates spelt from a qualifier, a verb and a noun", () => {
  test("计划启动日期 | 要求完成时间 | 实际启动日 | 实际完工日 head both ends of the plan and of the work", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["事项名称", "计划启动日期", "要求完成时间", "实际启动日", "实际完工日"],
          ["场地勘察", d("2026-03-02"), d("2026-03-06"), d("2026-03-03"), d("2026-03-09")],
          ["方案评审", d("2026-03-09"), d("2026-03-13"), d("2026-03-10"), null],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ planStart: "B", planEnd: "C", actualStart: "D", actualEnd: "E" });
  });
});

describe("one plan date and a column saying what", () => {
  test("编号 | 所属模块 | 描述 | 截止日期 | 是否完成: 描述 is the task over dated rows", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["编号", "所属模块", "描述", "截止日期", "是否完成"],
          [1, "个人设置", "设置页前端", d("2026-01-12"), "是"],
          [2, "个人主页", "主页页面", d("2026-01-15"), null],
          [3, "首页", "首页模板", d("2026-01-17"), null],
          [4],
          [5],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "C", planEnd: "D" });
    expect(t.lastRow).toBe(4);
  });

  test("a settlement list's 甲方名称 | 乙方名称 | 开工日期 stays no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("结算", [
          ["序号", "甲方名称", "乙方名称", "开工日期"],
          [1, "甲建设公司", "乙劳务公司", d("2026-01-12")],
          [2, "丙置业公司", "丁装饰公司", d("2026-02-15")],
          [3, "戊投资公司", "己机电公司", d("2026-03-17")],
        ]),
      ),
    );
    expect(tables.filter((t) => t.kind === "schedule")).toEqual([]);
  });
});
