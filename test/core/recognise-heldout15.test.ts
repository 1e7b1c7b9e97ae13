/**
 * Shapes met on a fifteenth round of real workbooks, rebuilt with invented values: a study plan kept
 * day by day (日期 | 星期 | 当日目标), a day plan headed 时间 | 计划完成内容, a learning tracker by course
 * (学习课程名称 | 开始时间 | 结束时间), and a work plan whose 工作项 only numbers the items described beside
 * it, its times headed 开始时间点 | 预计结束时间点.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { check, letters, messages, only } from "../helpers/recognition";

describe("plans of the fifteenth round", () => {
  test("a study plan day by day (序号 | 日期 | 星期 | 当日目标 | 主要内容): each row's goal on its day", () => {
    const wb = workbook(
      sheet("SpringCloud理论", [
        ["SpringCloud 学习计划"],
        [],
        ["序号", "日期", "星期", "当日目标", "主要内容", "完成结果"],
        [1, d("2026-10-26"), "星期一", "01---05", "组件简介", "完成"],
        [2, d("2026-10-27"), "星期二", "06---10", "支付模块", "完成"],
        [3, d("2026-10-28"), "星期三", "11---15", "服务注册", ""],
        [4, d("2026-10-29"), "星期四", "16---20", "负载均衡", ""],
      ]),
    );
    const t = only(wb);
    expect(letters(t)).toMatchObject({ task: "D", planEnd: "B" });
    expect(t.dataRows).toEqual([4, 5, 6, 7]);
  });

  test("…while a diary of what was done each day (日期 | 星期 | 工作内容) stays none", () => {
    const wb = workbook(
      sheet("日志", [
        ["日期", "星期", "工作内容", "心得"],
        [d("2026-10-26"), "星期一", "整理会议纪要", "顺利"],
        [d("2026-10-27"), "星期二", "走访客户", ""],
        [d("2026-10-28"), "星期三", "编写周报", ""],
        [d("2026-10-29"), "星期四", "培训", "收获很多"],
      ]),
    );
    expect(recognise(wb).tables).toEqual([]);
  });

  test("a day plan headed 时间 | 计划完成内容, one date a row", () => {
    const wb = workbook(
      sheet("Sheet1", [
        ["项目模块", "模块描述", "时间", "计划完成内容", "实际完成内容"],
        ["商城", "前台页面", d("2026-09-30"), "首页布局", "首页布局"],
        ["", "", d("2026-10-01"), "商品列表", "商品列表"],
        ["", "", d("2026-10-02"), "购物车", ""],
        ["", "", d("2026-10-03"), "下单支付", ""],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ task: "D", planEnd: "C" });
  });

  test("a learning tracker by course (学习课程名称 | 开始时间 | 结束时间): a plan, a course ending before it starts told so", () => {
    const wb = workbook(
      sheet("A-基础", [
        ["技术方向", "技术要点", "学习课程名称", "资源来源", "完成进度", "开始时间", "结束时间"],
        ["技术基础", "", "新特性精讲", "视频网站", "已完成", d("2026-03-12"), d("2026-03-02")],
        ["技术基础", "", "编程入门", "网课", "进行中", d("2026-03-05"), ""],
        ["技术基础", "", "虚拟机调优", "视频网站", "进行中", d("2026-03-08"), ""],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ task: "C", planStart: "F", planEnd: "G" });
    expect(messages(check(wb), "row.date-order")).toEqual([
      expect.stringMatching(/^G2: .*2026-03-02 早于.*2026-03-12/),
    ]);
  });

  test("工作项 numbering the items described beside it (工作任务描述), times headed 开始时间点 | 预计结束时间点", () => {
    const wb = workbook(
      sheet("高某", [
        ["工作阶段", "工作项", "工作任务描述", "开始时间点", "预计结束时间点"],
        ["", 1, "资源管理类", d("2026-11-02"), d("2026-11-04")],
        ["", 2, "解析XML", d("2026-11-05"), d("2026-11-06")],
        ["", 3, "面板管理器", d("2026-11-09"), d("2026-11-11")],
        ["", 4, "声音素材管理", d("2026-11-12"), d("2026-11-13")],
        ["", 5, "图片素材管理", d("2026-11-16"), d("2026-11-18")],
        ["", 6, "日志工具", d("2026-11-19"), d("2026-11-20")],
      ]),
    );
    const t = only(wb);
    expect(letters(t)).toMatchObject({ wbs: "B", task: "C", planStart: "D", planEnd: "E" });
    // The first rows' numbers are the items', not a band of week numbers under the header.
    expect(t.dataRows).toEqual([2, 3, 4, 5, 6, 7]);
  });

  test("…and the same plan not yet dated: its columns still known by their headers", () => {
    const wb = workbook(
      sheet("谢某", [
        ["工作阶段", "工作项", "工作任务描述", "开始时间点", "预计结束时间点"],
        ["", 1, "资源管理类"],
        ["", 2, "解析XML"],
        ["", 3, "面板管理器"],
        ["", 4, "声音素材管理"],
        ["", 5, "图片素材管理"],
        ["", 6, "日志工具"],
      ]),
    );
    const t = only(wb);
    expect(letters(t)).toMatchObject({ task: "C", planStart: "D", planEnd: "E" });
    expect(t.dataRows).toEqual([2, 3, 4, 5, 6, 7]);
  });
});
