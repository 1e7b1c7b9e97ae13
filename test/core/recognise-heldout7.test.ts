/**
 * Shapes met on a seventh round of real workbooks (old .xls plans and ledgers among them), scored
 * before any fix made from it, rebuilt with invented values: an MS Project table copied out with its
 * 资源 column, a word typed twice in a header, a Japanese 工程表, a contract register's 签字日期, an
 * instalment list headed Date | Amount Due, a milestone plan under 时间节点 with bracketed section
 * headings, and a to-do list of 内容 | 完成时间.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { check, letters, messages, only } from "../helpers/recognition";

describe("a plan copied out of MS Project", () => {
  test("its 资源 column is the owner: 任务名称 | 工期 | 开始时间 | 结束时间 | 资源", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["任务名称", "工期", "开始时间", "结束时间", "资源"],
          ["需求调研", "3工作日", d("2026-03-02"), d("2026-03-04"), "陈一"],
          ["方案设计", "5工作日", d("2026-03-05"), d("2026-03-11"), "林二"],
          ["开发", "10工作日", d("2026-03-12"), d("2026-03-25"), "王三"],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "A", duration: "B", planStart: "C", planEnd: "D", owner: "E" });
  });

  test("资源 alone is no evidence of a plan: 资源 | 数量 | 单价 stays unrecognised", () => {
    const { tables } = recognise(
      workbook(
        sheet("Sheet1", [
          ["资源", "数量", "单价", "开始时间"],
          ["服务器", 2, 15000, d("2026-03-02")],
          ["交换机", 1, 3000, d("2026-03-05")],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("words in a header as people type them", () => {
  test("预计完成完成时间 (a word typed twice) is the planned end; 详细描述 beside it is the task", () => {
    const t = only(
      workbook(
        sheet("二期收尾", [
          [null, "序号", "详细描述", "工作属性", "预计完成完成时间", "状态", "负责人"],
          [null, 1, "服务开始时通知会员", "待处理", d("2026-12-07"), "处理中", "陈一"],
          [null, 2, "会员契约修改", "待验收", d("2026-12-08"), "完成", "林二"],
          [null, 3, "商品管理禁止修改", "待验收", d("2026-12-08"), "完成", "王三"],
        ]),
      ),
    );
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "C", planEnd: "E", owner: "G" });
  });

  test("功能板块 names the task as 功能模块 does", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["序号", "功能板块", "详细描述", "预计完成时间", "负责人"],
          [1, "消息通知", "服务开始结束通知会员", d("2026-12-07"), "陈一"],
          [2, "员工管理", "门店不能添加员工", d("2026-12-08"), "林二"],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "B", planEnd: "D", owner: "E" });
  });

  test("each party's 负责人 (甲方负责人 | 乙方负责人) heads the owner, the first one taken", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["任务名称", "计划完成时间", "甲方负责人", "乙方负责人"],
          ["需求确认", d("2026-03-06"), "陈一", "林二"],
          ["上线验收", d("2026-04-30"), "王三", "赵四"],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "A", planEnd: "B", owner: "C" });
  });
});

describe("a Japanese 工程表", () => {
  test("作業名 | 開始予定 | 終了予定 | 開始日 | 終了日 reads as task, plan and actual dates", () => {
    const t = only(
      workbook(
        sheet("サンプル", [
          ["作業名", "開始予定", "終了予定", "開始日", "終了日", "状態"],
          ["要件定義", d("2026-04-06"), d("2026-04-10"), d("2026-04-06"), d("2026-04-10"), "完了"],
          ["設計", d("2026-04-13"), d("2026-04-24"), d("2026-04-14"), null, "作業中"],
          ["実装", d("2026-04-27"), d("2026-05-22"), null, null, "未着手"],
        ]),
      ),
    );
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "A", planStart: "B", planEnd: "C" });
  });
});

describe("a contract register's 签字日期", () => {
  test("项目名称 | 合同编号 | 业务员 | 合同金额 | 签字日期: the day it was signed", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["项目名称", "合同编号", "业务员", "性质", "合同金额", "签字日期", "签字人"],
          ["某大厦空调维保", "WB-0901", "陈一", "维保", 36000, d("2026-05-06"), "林二"],
          ["某商场零配件", "PJ-0902", "王三", "零配件", 4800, d("2026-05-08"), "赵四"],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractName: "A", contractNo: "B", amount: "E", signDate: "F" });
  });
});

describe("an instalment list with a plain date", () => {
  test("Contract Number | Date | Amount Due | Amount Paid: the date is when each instalment falls due", () => {
    const t = only(
      workbook(
        sheet("data", [
          ["Contract Number", "Date", "Amount Due", "Amount Paid"],
          ["C-1001", d("2026-01-31"), 500, 500],
          ["C-1001", d("2026-02-28"), 500, 0],
          ["C-1002", d("2026-01-31"), 800, 800],
        ]),
      ),
    );
    expect(t.kind).toBe("payments");
    expect(letters(t)).toMatchObject({ contractNo: "A", dueDate: "B", dueAmount: "C", receivedAmount: "D" });
    expect(t.payable).not.toBe(true);
  });

  test("合同编号 | 日期 | 收款金额: the plain date beside money received is when it came", () => {
    const t = only(
      workbook(
        sheet("收款", [
          ["合同编号", "日期", "收款金额"],
          ["HT-01", d("2026-02-03"), 30000],
          ["HT-02", d("2026-02-10"), 12000],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ contractNo: "A", receivedDate: "B", receivedAmount: "C" });
  });

  test("an invoice list (合同编号 | 日期 | 发票号 | 应收金额) is not a payment plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("Sheet1", [
          ["合同编号", "日期", "发票号", "金额"],
          ["HT-01", d("2026-02-03"), "No.0012", 30000],
          ["HT-02", d("2026-02-10"), "No.0013", 12000],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("a milestone plan under 时间节点", () => {
  const plan = () =>
    workbook(
      sheet("1.1项目结构", [
        [],
        [null, "版块与事项", "详细说明", "期数", "时间节点", "甲方负责人", "乙方负责人"],
        [null, "【1】战略筹备"],
        [null, "1.1客户调研", "全年四次", "——", "每个季度固定时段", "陈一", "林二"],
        [null, "1.2战略输出", "整体咨询", "一期", d("2026-08-20"), "陈一", "林二"],
        [null, "【2】品牌升级"],
        [null, "2.1年度营销计划", "按客户标签制定", "一期", d("2026-08-20"), "王三", "赵四"],
        [null, "2.2官微升级", "升级会员策略", "二期", d("2026-09-30"), "王三", "赵四"],
        [null, "2.3会员体系设计", "积分与等级", "二期", d("2026-10-15"), "王三", "赵四"],
        [],
        [],
        ["启动会议：", d("2026-08-05")],
        ["检视时间：", d("2026-08-22")],
      ]),
    );

  test("事项 is the task, 时间节点 each row's date, the first 负责人 its owner", () => {
    const t = only(plan());
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "B", planEnd: "E", owner: "F" });
    expect(t.dataRows).toEqual([4, 5, 7, 8, 9]);
  });

  test("bracketed headings and the notes under the plan get no finding; a date in words does", () => {
    const r = check(plan());
    const rows = new Set(r.findings.filter((f) => f.severity === "error").map((f) => f.row));
    for (const row of [3, 6, 12, 13]) expect(rows.has(row)).toBe(false);
    expect(messages(r, "cell.date-invalid")).toEqual([
      "E4: 「时间节点」的值“每个季度固定时段”不是一个有效日期",
    ]);
  });

  test("a diary's 内容 beside single dates under 时间 is no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("Sheet1", [
          ["时间", "内容", "心得"],
          [d("2026-03-02"), "读书两小时", "有收获"],
          [d("2026-03-03"), "跑步五公里", "累"],
          [d("2026-03-04"), "整理笔记", "顺利"],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });

  test("a weekly log's 个人工作内容 beside 时间段 ranges is no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("Sheet1", [
          ["序号", "时间段", "个人工作内容", "备注", "完成情况", "这周总结"],
          [1, "2026.4.19-4.25", "学习网络通信", null, "完成"],
          [2, "4.26-5.2", "学习数据库", null, "完成"],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("a to-do list of 内容 | 完成时间", () => {
  const todo = () =>
    workbook(
      sheet(
        "Sheet1",
        [
          ["内容", "完成时间", "问题"],
          ["客户资料整理", d("2026-02-03")],
          ["合同模板修订", d("2026-02-06"), "待法务确认"],
          ["维保投诉流程", d("2026-02-10")],
          ["供应商资料", d("2026-02-20")],
          [],
          ["新版本不同之处"],
          ["客户资料可按区域查询"],
          ["合同到期自动提醒"],
        ],
        { merges: ["A8:C8", "A9:C9"] },
      ),
    );

  test("is a plan: 内容 the task, 完成时间 its end; the note heading after the gap is no task", () => {
    const t = only(todo());
    expect(letters(t)).toMatchObject({ task: "A", planEnd: "B" });
    expect(t.dataRows).toEqual([2, 3, 4, 5]);
    const r = check(todo());
    expect(r.findings.filter((f) => f.severity === "error" && (f.row ?? 0) >= 7)).toEqual([]);
  });

  test("a diary's 日期 | 内容 stays unrecognised", () => {
    const { tables } = recognise(
      workbook(
        sheet("Sheet1", [
          ["日期", "内容", "花费"],
          [d("2026-02-03"), "买菜", 35],
          [d("2026-02-04"), "加油", 300],
          [d("2026-02-05"), "聚餐", 260],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("a column headed by the work itself", () => {
  test("序号 | 项目进度 | 开始日期 | 结束日期 | 详情 | 状态: 项目进度 holds the tasks", () => {
    const t = only(
      workbook(
        sheet("项目进度", [
          [null, "序号", "项目进度", "开始日期", "结束日期", "详情", "状态"],
          [null, 1, "整理会员系统代码", d("2026-08-01"), d("2026-08-31"), "持续整理", "进行中"],
          [null, 2, "后台部署到云上", d("2026-08-28"), d("2026-09-02"), "部署", "已完成"],
          [null, 3, "调试门店接口", d("2026-09-03"), d("2026-09-08"), "联调", "已完成"],
        ]),
      ),
    );
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "C", planStart: "D", planEnd: "E" });
  });

  test("a booking list (预订人 | 会议室 | 开始日期 | 结束日期) stays unrecognised", () => {
    const { tables } = recognise(
      workbook(
        sheet("Sheet1", [
          ["序号", "预订人", "开始日期", "结束日期", "备注"],
          [1, "陈一", d("2026-08-01"), d("2026-08-02"), null],
          [2, "林二", d("2026-08-03"), d("2026-08-03"), "投影"],
          [3, "王三", d("2026-08-05"), d("2026-08-06"), null],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});
