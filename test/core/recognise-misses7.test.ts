/**
 * Real tables the earlier rounds still missed, rebuilt with invented values: the owner a
 * contractor works for (业主单位), what a period of a plan is for (目的), a deadline miswritten
 * 截至日期 beside the day the work really ended, and each shape's close non-domain neighbour.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { letters, only } from "../helpers/recognition";

describe("the owner a contractor works for", () => {
  test("合同编号 | 合同金额 | 合同周期 | 业主单位: 业主单位 is the contract's counterparty", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["序号", "设备编号", "执行主体", "合同编号", "合同金额（万元）", "合同周期", "业主单位"],
          [1, "J-01", "工程公司", "HT-2025-01", 1200, "2025.03.01-2026.02", "甲油田分公司"],
          [2, "J-02", "工程公司", "HT-2025-02", 860, "2025.05.10-2026.05", "乙油田分公司"],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "D", amount: "E", customer: "G" });
  });

  test("a property list's 业主 | 房号 | 面积 | 物业费 stays no table", () => {
    const { tables } = recognise(
      workbook(
        sheet("业主", [
          ["房号", "业主", "面积", "物业费", "缴费日期"],
          ["1-101", "张三", 88.5, 1200, d("2026-01-05")],
          ["1-102", "李四", 96, 1300, d("2026-01-08")],
          ["1-103", "王五", 120, 1600, d("2026-01-09")],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("what a period of a plan is for", () => {
  test("开始时间 | 结束时间 | 目的: 目的 is the task over dated rows", () => {
    const t = only(
      workbook(
        sheet("整体计划", [
          ["开始时间", "结束时间", "目的"],
          ["2026.8.24", "2026.8.25", "设计"],
          ["2026.8.25", "2026.9.2", "1. 基础数据"],
          [null, null, "2. 员工管理"],
          ["2026.9.3", "2026.9.9", "3. 试用管理"],
        ]),
      ),
    );
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ planStart: "A", planEnd: "B", task: "C" });
  });

  test("a timetable's 开始时间 | 结束时间 | 目的 in times of day stays no plan", () => {
    const time = (h: number) => ({ value: h / 24, numFmt: "h:mm" });
    const { tables } = recognise(
      workbook(
        sheet("行程", [
          ["开始时间", "结束时间", "目的"],
          [time(8), time(9), "早餐"],
          [time(9.5), time(11), "参观"],
          [time(12), time(13), "午餐"],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("a deadline miswritten 截至日期", () => {
  test("开始时间 | 截至日期 | 结束时间: the deadline is the plan's end, not the day the work ended", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["序号", "分类", "内容", "开始时间", "截至日期", "结束时间", "是否结束"],
          [3, "后台", "优惠券推送", d("2026-06-12"), d("2026-06-12"), d("2026-06-13"), "是"],
          [2, "需求", "赛事报名优惠", d("2026-06-07"), d("2026-06-09"), d("2026-06-09"), "是"],
          [1, "后台", "资金流水报表", d("2026-05-25"), d("2026-05-27"), d("2026-05-26"), "是"],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "C", planStart: "D", planEnd: "E" });
  });

  test("a library's 借书日期 | 截至日期 list of books stays no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("借阅", [
          ["书名", "借阅人", "借书日期", "截至日期"],
          ["红楼梦", "张三", d("2026-06-01"), d("2026-06-30")],
          ["水浒传", "李四", d("2026-06-03"), d("2026-07-02")],
          ["西游记", "王五", d("2026-06-05"), d("2026-07-04")],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});
