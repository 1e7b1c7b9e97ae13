/**
 * Real tables the earlier rounds still missed, rebuilt with invented values: the owner a
 * contractor works for (业主单位), what a period of a plan is for (目的), a deadline miswritten
 * 截至日期 beside the day the work really ended, and each shape's close non-domain neighbour.
 */
import { recognise } from "../../src/core/recognise";
import { dateOf, typeTable } from "../../src/core/rows";
import { d, sheet, workbook } from "../helpers/snapshot";
import { check, letters, messages, only } from "../helpers/recognition";

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

describe("a plan kept by the half-day, its dates without a year", () => {
  const rows = [
    ["整体任务", "细分任务", "时间", "完成情况"],
    ["v1.0", "搭建项目", "6月17日下午", "已完成"],
    [null, "核心代码", "6月17日下午至6月17日晚", "已完成"],
    [null, "项目文档", "6月17日晚", "已完成"],
    [null, "模拟器编写", "6月18日至\n6月21日", "已完成"],
    [null, "汇报材料", d("2026-06-24"), "未开始"],
  ];

  test("细分任务 | 时间 is a plan; each date without a year is reported incomplete on its cell", () => {
    const t = only(workbook(sheet("Sheet1", rows)));
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "B", planStart: "C", planEnd: "C" });
    const said = messages(check(workbook(sheet("Sheet1", rows))), "cell.date-invalid");
    expect(said).toHaveLength(4);
    expect(said[0]).toBe("C2: 「时间」的值“6月17日下午”不是一个有效日期（日期不完整，应写明年、月、日）");
  });

  test("a day with its part written after a year (2026年6月17日下午) is that day", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["任务名称", "计划完成时间"],
          ["搭建项目", "2026年6月17日下午"],
          ["核心代码", "2026年6月18日晚"],
        ]),
      ),
    );
    const r = check(
      workbook(
        sheet("Sheet1", [
          ["任务名称", "计划完成时间"],
          ["搭建项目", "2026年6月17日下午"],
          ["核心代码", "2026年6月18日晚"],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "A", planEnd: "B" });
    expect(messages(r, "cell.date-invalid")).toEqual([]);
  });

  test("a diary's 日期 | 内容 by half-days stays no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("日记", [
          ["时间", "内容", "心情"],
          ["6月17日下午", "去公园", "好"],
          ["6月17日晚", "看电影", "好"],
          ["6月18日上午", "读书", "一般"],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("a contract's start and the length of its term", () => {
  test("contract_id | customer_id | contract_start | contract_term: a register whose term ends start + months − 1 day", () => {
    const wb = workbook(
      sheet("contracts", [
        ["contract_id", "customer_id", "contract_start", "contract_term", "deposit", "monthly_amt"],
        [1, 127, d("2026-08-17"), 12, 53000, 11600],
        [2, 119, d("2026-01-31"), 1, 77000, 14600],
        [3, 160, d("2026-05-01"), "2年", 13000, 22800],
      ]),
    );
    const t = only(wb);
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "A", termStart: "C", term: "D" });
    const rows = typeTable(wb, t).rows;
    expect(rows.map((r) => dateOf(r.fields.termEnd))).toEqual(["2027-08-16", "2026-02-27", "2028-04-30"]);
  });

  test("合同编号 | 合同开始日期 | 合同期限（天）: the header's unit counts the days", () => {
    const wb = workbook(
      sheet("合同", [
        ["合同编号", "客户名称", "合同开始日期", "合同期限（天）"],
        ["HT-01", "甲公司", d("2026-03-01"), 30],
        ["HT-02", "乙公司", d("2026-04-01"), 10],
      ]),
    );
    const t = only(wb);
    expect(typeTable(wb, t).rows.map((r) => dateOf(r.fields.termEnd))).toEqual(["2026-03-30", "2026-04-10"]);
  });

  test("an inspection log's 整改事项 | 发现日期 | 整改期限 stays no table", () => {
    const { tables } = recognise(
      workbook(
        sheet("检查", [
          ["编号", "整改事项", "发现日期", "整改期限", "责任人"],
          [1, "消防通道堵塞", d("2026-03-01"), "7天", "张三"],
          [2, "灭火器过期", d("2026-03-02"), "3天", "李四"],
          [3, "线路老化", d("2026-03-05"), "15天", "王五"],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("a Spanish contract register headed as a form's labels", () => {
  test("Número de Contrato: | Fecha del Contrato: | Nombre del Contratista: | Objeto del Contrato: | Valor del Contrato:", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          [
            "Número de Contrato:",
            "Fecha del Contrato:",
            "Nombre del Contratista:",
            "Objeto del Contrato:",
            "Ciudad del Proyecto:",
            "Valor del Contrato:",
          ],
          ["01", "10-01-2026", "OBRAS ANDINAS SAS", "Obra civil para bodega", "Medellín", 29893978],
          ["02", "2026-01-20", "ELECTRICOS DEL SUR", "Redes eléctricas", "Rionegro", 42905741],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({
      contractNo: "A",
      signDate: "B",
      customer: "C",
      contractName: "D",
      amount: "F",
    });
  });

  test("a form's labels and values side by side (Contract No.: | HT-01 | Date Signed: | …) stay no table", () => {
    const { tables } = recognise(
      workbook(
        sheet("Form", [
          ["Contract No.:", "HT-2026-01", "Date Signed:", d("2026-03-01")],
          ["Customer:", "ACME Ltd", "Amount:", 120000],
          ["Item", "Qty", "Price", "Total"],
          ["Pump", 2, 1000, 2000],
          ["Valve", 5, 100, 500],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("a receivables list keyed by invoice", () => {
  test("CustomerID | InvoiceID | InvoiceDate | DueDate | Amount: the invoice is the key, Amount is due", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["CustomerID", "InvoiceID", "InvoiceDate", "DueDate", "Amount"],
          ["C01", "INV0001", "2026-10-05", "2026-11-04", 348539],
          ["C02", "INV0002", "2026-10-05", "2026-11-19", 179695],
        ]),
      ),
    );
    expect(t.kind).toBe("payments");
    expect(letters(t)).toMatchObject({ contractNo: "B", dueDate: "D", dueAmount: "E" });
  });

  test("CustomerID | InvoiceId | PaymentDate | Collection: money received against each invoice", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["CustomerID", "InvoiceId", "PaymentDate", "Collection"],
          ["C01", "INV0001", "2026-11-30", 348539],
          ["C02", "INV0002", "2026-11-19", 179695],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ contractNo: "B", receivedDate: "C", receivedAmount: "D" });
  });

  test("发票号码 | 开票日期 | 应收日期 | 应收金额 beside a contract ledger: the invoices are no unknown contracts", () => {
    const wb = workbook(
      sheet("合同", [
        ["合同编号", "合同名称", "签订日期", "合同金额"],
        ["HT-01", "门禁系统", d("2026-01-05"), 120000],
        ["HT-02", "监控系统", d("2026-02-10"), 80000],
      ]),
      sheet("应收", [
        ["发票号码", "开票日期", "应收日期", "应收金额"],
        ["FP-001", d("2026-03-01"), d("2026-03-31"), 60000],
        ["FP-002", d("2026-04-01"), d("2026-04-30"), 60000],
      ]),
    );
    expect(recognise(wb).tables.map((t) => t.kind)).toEqual(["contracts", "payments"]);
    expect(messages(check(wb), "row.unknown-contract")).toEqual([]);
  });

  test("an invoice register with no due or paid date (发票号码 | 开票日期 | 客户 | 金额) stays no table", () => {
    const { tables } = recognise(
      workbook(
        sheet("发票", [
          ["发票号码", "开票日期", "客户", "金额"],
          ["FP-001", d("2026-03-01"), "甲公司", 60000],
          ["FP-002", d("2026-04-01"), "乙公司", 60000],
          ["FP-003", d("2026-04-05"), "丙公司", 30000],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });

  test("a shop's sales (Invoice No | Date | Item | Amount) stays no table", () => {
    const { tables } = recognise(
      workbook(
        sheet("Sales", [
          ["Invoice No", "Date", "Item", "Amount"],
          ["S-001", d("2026-03-01"), "Coffee", 12],
          ["S-002", d("2026-03-01"), "Tea", 8],
          ["S-003", d("2026-03-02"), "Cake", 15],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

test("an order system's receivables (销售订单编号 | 发票编号 | 应收日期 | 已收金额) stay no table", () => {
  const { tables } = recognise(
    workbook(
      sheet("应收单", [
        ["客户名称", "销售订单编号", "发票编号", "应收日期", "应收总额", "已收金额"],
        ["甲公司", "SO-001", "FP-001", d("2026-03-31"), 60000, 0],
        ["乙公司", "SO-002", "FP-002", d("2026-04-30"), 50000, 20000],
        ["丙公司", "SO-003", "FP-003", d("2026-05-31"), 30000, 0],
      ]),
    ),
  );
  expect(tables).toEqual([]);
});

describe("a register of purchase orders", () => {
  test("Item # | PO | Description | Amount | Vendor: the PO is the contract's number", () => {
    const t = only(
      workbook(
        sheet("Contracts", [
          ["Item #", "PO", "Dept", "Description", "Amount", "Vendor", "Year"],
          [1, 45082129, "AG", "Professional audit services", 50909.51, "Jenkins LLP", 2026],
          [2, 45082183, "AG", "Records storage", 59682.24, "Iron Vault Inc", 2026],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "B", amount: "E", customer: "F" });
  });

  test("a sales order export (订单号 | 客户名称 | 商品 | 金额) stays no table", () => {
    const { tables } = recognise(
      workbook(
        sheet("订单", [
          ["订单号", "客户名称", "商品", "数量", "金额", "下单时间"],
          ["SO-001", "甲公司", "水泵", 2, 2000, d("2026-03-01")],
          ["SO-002", "乙公司", "阀门", 5, 500, d("2026-03-02")],
          ["SO-003", "丙公司", "管件", 9, 90, d("2026-03-03")],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });

  test("a purchase list without a supplier (PO | Item | Qty | Amount) stays no table", () => {
    const { tables } = recognise(
      workbook(
        sheet("PO", [
          ["PO", "Item", "Qty", "Amount"],
          ["P-01", "Paper", 10, 50],
          ["P-02", "Toner", 2, 180],
          ["P-03", "Pens", 40, 20],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});
