import { normaliseHeader, recognise, type RecognisedTable } from "../../src/core/recognise";
import { d, put, sheet, workbook } from "../helpers/snapshot";

/** Field → column letter, groups as `dueDate1`, the way a report shows a mapping. */
function letters(t: RecognisedTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [f, r] of Object.entries(t.columns)) if (r) out[f] = r.letter;
  for (const g of t.groups)
    for (const [f, r] of Object.entries(g.columns)) if (r) out[`${f}${g.n}`] = r.letter;
  return out;
}

function only(wb: ReturnType<typeof workbook>): RecognisedTable {
  const { tables } = recognise(wb);
  expect(tables).toHaveLength(1);
  return tables[0];
}

describe("normaliseHeader", () => {
  test.each([
    ["负 责 人", "负责人", undefined],
    ["计划\n开始时间", "计划开始时间", undefined],
    ["合同金额（万元）", "合同金额", "万元"],
    ["合同金额(元)", "合同金额", "元"],
    ["工期[天]", "工期", "天"],
    ["工期【天】", "工期", "天"],
    ["完成率（%）", "完成率", "%"],
    ["ＷＢＳ编码", "WBS编码", undefined],
    ["wbs编码", "WBS编码", undefined],
    ["约定收款日期１", "约定收款日期1", undefined],
    ["约定收款日期（1）", "约定收款日期1", undefined],
    ["*任务名称", "任务名称", undefined],
    ["计划开始（时间）", "计划开始", undefined],
    ["\u3000备\u3000注\u3000", "备注", undefined],
  ])("%j → %s", (text, key, unit) => {
    expect(normaliseHeader(text)).toEqual(unit === undefined ? { key } : { key, unit });
  });
});

describe("schedule (进度计划表)", () => {
  const title = ["XX智慧园区项目进度计划表"];
  const header = [
    "序号",
    "任务名称",
    "负责人",
    "计划开始时间",
    "计划完成时间",
    "实际开始时间",
    "实际完成时间",
    "完成率",
    "备注",
  ];

  test("header below a merged title and a 编制单位 line; footers and signature lines are not data", () => {
    const s = sheet(
      "进度计划表",
      [
        title,
        ["编制单位：某某科技有限公司", null, null, null, null, null, "日期：2026年11月1日"],
        header,
        [
          "1",
          "需求调研",
          "张三",
          d("2026-11-02"),
          d("2026-11-06"),
          d("2026-11-02"),
          d("2026-11-07"),
          1,
          null,
        ],
        ["1.1", "现场勘查", "张三、李四", d("2026-11-02"), d("2026-11-03"), null, null, 0.5, "甲方陪同"],
        [],
        ["2", "方案设计", "王五", d("2026-11-09"), d("2026-11-20"), null, null, 0, null],
        [],
        ["甲方负责人（签字）：", null, null, null, "乙方负责人（签字）："],
        ["制表人：", "赵六", null, "审核：", null, "日期："],
      ],
      { merges: ["A1:I1", "A2:F2"] },
    );
    const t = only(workbook(s));
    expect(t).toMatchObject({
      kind: "schedule",
      sheet: "进度计划表",
      headerRow: 3,
      headerRows: 1,
      firstRow: 4,
      lastRow: 7,
      firstCol: 1,
      lastCol: 9,
      dataRows: [4, 5, 7],
      blankRows: [6],
      totalRows: [],
      footerRows: [9, 10],
      mergedInside: false,
    });
    expect(letters(t)).toEqual({
      wbs: "A",
      task: "B",
      owner: "C",
      planStart: "D",
      planEnd: "E",
      actualStart: "F",
      actualEnd: "G",
      progress: "H",
      note: "I",
    });
    expect(t.unmapped).toEqual([]);
    expect(t.columns.planStart?.header).toBe("计划开始时间");
  });

  test("two-row merged header: 计划/实际 over 开始/完成", () => {
    const s = sheet(
      "Sheet1",
      [
        ["项目实施进度表"],
        ["序号", "工作内容", "责任人", "计划", null, "实际", null, "交付成果", "备注"],
        [null, null, null, "开始", "完成", "开始", "完成", null, null],
        ["1", "设备采购", "李四", d("2026-10-01"), d("2026-10-15"), d("2026-10-03"), null, "到货单", null],
        ["2", "安装调试", "王五", d("2026-10-16"), d("2026-10-30"), null, null, "调试报告", null],
      ],
      { merges: ["A1:I1", "A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:G2", "H2:H3", "I2:I3"] },
    );
    const t = only(workbook(s));
    expect(t).toMatchObject({ kind: "schedule", headerRow: 3, headerRows: 2, firstRow: 4, lastRow: 5 });
    expect(letters(t)).toEqual({
      wbs: "A",
      task: "B",
      owner: "C",
      planStart: "D",
      planEnd: "E",
      actualStart: "F",
      actualEnd: "G",
      deliverable: "H",
      note: "I",
    });
    expect(t.columns.planEnd?.header).toBe("计划完成");
    expect(t.mergedInside).toBe(true);
  });

  test("two-row header with 时间 over 开始/结束 reads as 开始时间/结束时间", () => {
    const s = sheet(
      "计划",
      [
        ["任务", "负责人", "时间", null],
        [null, null, "开始", "结束"],
        ["搭建环境", "张三", d("2026-01-05"), d("2026-01-09")],
      ],
      { merges: ["A1:A2", "B1:B2", "C1:D1"] },
    );
    expect(letters(only(workbook(s)))).toEqual({ task: "A", owner: "B", planStart: "C", planEnd: "D" });
  });

  test("line breaks, stray and full-width spaces, full-width letters and units in headers", () => {
    const s = sheet("进度", [
      [
        "ＷＢＳ编码",
        "任务\n名称",
        "负 责 人",
        "计划\n开始时间",
        "计划完成\r\n时间",
        "完成率（%）",
        "工期（天）",
        "前置任务",
      ],
      ["1.10", "联调", "张三", d("2026-03-02"), d("2026-03-06"), 0.2, 5, "1.9"],
    ]);
    const t = only(workbook(s));
    expect(letters(t)).toEqual({
      wbs: "A",
      task: "B",
      owner: "C",
      planStart: "D",
      planEnd: "E",
      progress: "F",
      duration: "G",
      predecessors: "H",
    });
    expect(t.columns.progress?.unit).toBe("%");
    expect(t.columns.duration?.unit).toBe("天");
    expect(t.unmapped).toEqual([]);
  });

  test("an existing Excel table is named; a data-free template is still a table", () => {
    const s = sheet("进度计划表", [["WBS编码", "任务名称", "负责人", "计划开始", "计划完成"]], {
      tables: [{ name: "进度", range: { r1: 1, c1: 1, r2: 2, c2: 5 }, headerRow: true }],
    });
    const t = only(workbook(s));
    expect(t).toMatchObject({ headerRow: 1, firstRow: 2, lastRow: 1, dataRows: [], existingTable: "进度" });
  });

  test("a pre-numbered template: rows holding only 序号 are blank", () => {
    const rows: unknown[][] = [["序号", "任务名称", "负责人", "开始时间", "结束时间"]];
    rows.push([1, "启动会", "张三", d("2026-01-05"), d("2026-01-05")]);
    rows.push([2, null, null, null, null]);
    rows.push([3, "需求确认", "李四", d("2026-01-06"), d("2026-01-08")]);
    for (let n = 4; n <= 50; n++) rows.push([n]);
    const t = only(workbook(sheet("进度计划表", rows)));
    expect(t).toMatchObject({ dataRows: [2, 4], blankRows: [3], lastRow: 4 });
  });

  test("a 合计 row (also 合 计 and 小计) is a total, inside or after the data, and stays out of lastRow", () => {
    const s = sheet("进度计划表", [
      ["序号", "任务名称", "负责人", "计划开始", "计划完成", "备注"],
      [1, "一期", "张三", d("2026-01-05"), d("2026-01-09"), null],
      [null, "小计", null, null, null, null],
      [2, "二期", "李四", d("2026-02-02"), d("2026-02-06"), null],
      ["合 计", null, null, null, null, null],
    ]);
    expect(only(workbook(s))).toMatchObject({
      dataRows: [2, 4],
      totalRows: [3, 5],
      lastRow: 4,
      blankRows: [],
    });
  });

  test("a 注： line under the table does not end it, a signature line does", () => {
    const s = sheet("进度计划表", [
      ["任务名称", "负责人", "计划开始", "计划完成"],
      ["A", "张三", d("2026-01-05"), d("2026-01-09")],
      ["注：以下为二期任务"],
      ["B", "李四", d("2026-02-02"), d("2026-02-06")],
      ["制表人：张三    审核：李四"],
      ["附件一", "附件二"],
      ["附件三", "附件四"],
    ]);
    const t = only(workbook(s));
    expect(t).toMatchObject({ dataRows: [2, 4], footerRows: [3, 5], lastRow: 4 });
  });

  test("the table ends at five blank rows; fewer are skipped and listed", () => {
    const s = sheet("进度计划表", [
      ["任务名称", "负责人", "计划开始", "计划完成"],
      ["A", "张三", d("2026-01-05"), d("2026-01-09")],
      [],
      [],
      [],
      [],
      ["B", "李四", d("2026-02-02"), d("2026-02-06")],
      [],
      [],
      [],
      [],
      [],
      ["无关的数据", "在五个空行之后"],
    ]);
    expect(only(workbook(s))).toMatchObject({ dataRows: [2, 7], blankRows: [3, 4, 5, 6], lastRow: 7 });
  });

  test("rows of empty strings are blank", () => {
    const s = sheet("进度计划表", [
      ["任务名称", "负责人", "计划开始", "计划完成"],
      ["A", "张三", d("2026-01-05"), d("2026-01-09")],
      ["", " ", "", ""],
      ["B", "李四", d("2026-02-02"), d("2026-02-06")],
    ]);
    expect(only(workbook(s))).toMatchObject({ dataRows: [2, 4], blankRows: [3] });
  });
});

describe("contracts (合同执行情况表)", () => {
  test("key/value block above the header, 万元 unit, numbered payment groups, 合计 and signatures", () => {
    const s = sheet(
      "合同执行情况表",
      [
        ["2026年度合同执行情况表"],
        ["部门：", "客服部", null, "填报日期：", d("2026-11-20")],
        [
          "合同编号",
          "合同名称",
          "客户名称",
          "签订日期",
          "合同金额（万元）",
          "销售经理",
          "客服经理",
          "项目实施通知日期",
          "约定交货期",
          "约定收款日期1",
          "约定收款金额1",
          "财务实收金额1",
          "约定收款日期２",
          "约定收款金额２",
          "财务实收金额２",
          "收款日期（2）",
          "备注",
        ],
        [
          "HT-2026-031",
          "园区监控",
          "甲公司",
          d("2026-02-13"),
          12.5,
          "刘经理",
          "陈经理",
          d("2026-02-24"),
          d("2026-06-30"),
          d("2026-03-01"),
          5,
          5,
          d("2026-07-30"),
          7.5,
          null,
          null,
          null,
        ],
        ["合计", null, null, null, 12.5],
        [],
        ["销售经理（签字）：", null, null, "客服经理（签字）："],
      ],
      { merges: ["A1:Q1"] },
    );
    const t = only(workbook(s));
    expect(t).toMatchObject({
      kind: "contracts",
      headerRow: 3,
      dataRows: [4],
      totalRows: [5],
      footerRows: [7],
      lastRow: 4,
      lastCol: 17,
      mergedInside: false,
    });
    expect(t.columns.amount).toEqual({
      col: 5,
      letter: "E",
      header: "合同金额（万元）",
      unit: "万元",
      scale: 10000,
    });
    expect(t.groups.map((g) => g.n)).toEqual([1, 2]);
    expect(letters(t)).toMatchObject({
      contractNo: "A",
      signDate: "D",
      noticeDate: "H",
      deliveryDate: "I",
      dueDate1: "J",
      dueAmount1: "K",
      receivedAmount1: "L",
      dueDate2: "M",
      dueAmount2: "N",
      receivedAmount2: "O",
      receivedDate2: "P",
      note: "Q",
    });
  });

  test("合同金额(元) has no scale; 单位：万元 above the table applies to money columns without a unit", () => {
    const yuan = only(
      workbook(
        sheet("合同", [
          ["合同编号", "签订日期", "合同金额(元)", "交货期"],
          ["HT-1", d("2026-01-05"), 100000, d("2026-03-01")],
        ]),
      ),
    );
    expect(yuan.columns.amount).toEqual({ col: 3, letter: "C", header: "合同金额(元)", unit: "元" });

    const wan = only(
      workbook(
        sheet("合同", [
          ["合同执行情况"],
          [null, null, null, null, "单位：万元"],
          ["合同编号", "签订日期", "合同金额", "交货期", "应收金额"],
          ["HT-1", d("2026-01-05"), 10, d("2026-03-01"), 3],
        ]),
      ),
    );
    expect(wan.columns.amount).toMatchObject({ unit: "万元", scale: 10000 });
    expect(wan.columns.dueAmount).toMatchObject({ unit: "万元", scale: 10000 });
    expect(wan.columns.signDate?.scale).toBeUndefined();
  });

  test("two-row header with the group on top: 约定收款1 over 日期/金额, 第2期 over 约定收款日期/约定收款金额", () => {
    const s = sheet(
      "合同执行",
      [
        ["合同号", "签约日期", "合同总金额", "交付日期", "约定收款1", null, "第2期", null],
        [null, null, null, null, "日期", "金额", "约定收款日期", "约定收款金额"],
        ["HT-9", d("2026-01-05"), 100, d("2026-05-01"), d("2026-02-01"), 30, d("2026-05-30"), 70],
      ],
      { merges: ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "G1:H1"] },
    );
    const t = only(workbook(s));
    expect(t.headerRows).toBe(2);
    expect(letters(t)).toEqual({
      contractNo: "A",
      signDate: "B",
      amount: "C",
      deliveryDate: "D",
      dueDate1: "E",
      dueAmount1: "F",
      dueDate2: "G",
      dueAmount2: "H",
    });
  });

  test("备注 twice: the first wins, the second is unmapped", () => {
    const t = only(
      workbook(
        sheet("合同", [
          ["合同编号", "签订日期", "合同金额", "交货期", "备注", "备注"],
          ["HT-1", d("2026-01-05"), 1, d("2026-03-01"), "a", "b"],
        ]),
      ),
    );
    expect(t.columns.note?.letter).toBe("E");
    expect(t.unmapped).toEqual([{ col: 6, letter: "F", header: "备注" }]);
  });

  test("a contract number with a sign date or an amount is enough: columns the standard needs are not held against it", () => {
    const rich = only(
      workbook(
        sheet("Sheet1", [
          ["合同编号", "合同名称", "客户", "签订日期", "合同金额", "销售经理", "客服经理", "备注"],
          ["HT-1", "某项目", "甲公司", d("2026-01-05"), 1, "刘", "陈", null],
        ]),
      ),
    );
    expect(rich.kind).toBe("contracts");
    expect(rich.columns.deliveryDate).toBeUndefined();

    const thin = recognise(
      workbook(
        sheet("Sheet1", [
          ["合同编号", "客户", "签订日期", "合同金额", "备注"],
          ["HT-1", "甲公司", d("2026-01-05"), 1, null],
          ["HT-2", "乙公司", d("2026-01-06"), 2, null],
          ["HT-3", "丙公司", d("2026-01-07"), 3, null],
        ]),
      ),
    );
    expect(thin.tables.map((t) => [t.kind, t.dataRows])).toEqual([["contracts", [2, 3, 4]]]);
    expect(thin.unrecognised).toEqual([]);
  });
});

describe("synonyms and numbered forms", () => {
  test("common office wordings map, and payment numbers are read in every usual spelling", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          [
            "合同号",
            "客户单位",
            "签订时间",
            "合同价款(万元)",
            "交货日期",
            "约定收款日期-1",
            "约定收款金额一",
            "财务实收日期1",
            "第2次约定收款日期",
            "约定收款金额(2)",
            "到账日期２",
          ],
          [
            "HT-1",
            "甲公司",
            d("2026-01-05"),
            10,
            d("2026-03-01"),
            d("2026-02-01"),
            3,
            null,
            d("2026-03-01"),
            7,
          ],
        ]),
      ),
    );
    expect(letters(t)).toEqual({
      contractNo: "A",
      customer: "B",
      signDate: "C",
      amount: "D",
      deliveryDate: "E",
      dueDate1: "F",
      dueAmount1: "G",
      receivedDate1: "H",
      dueDate2: "I",
      dueAmount2: "J",
      receivedDate2: "K",
    });
    expect(t.columns.amount?.scale).toBe(10000);
  });

  test("a line of units under the header belongs to the header", () => {
    const t = only(
      workbook(
        sheet("合同", [
          ["合同编号", "签订日期", "合同金额", "交货期", "约定收款金额(第1期)", "约定收款日期(第1期)"],
          [null, null, "（万元）", null, "(万元)"],
          ["HT-1", d("2026-01-05"), 10, d("2026-03-01"), 10, d("2026-02-01")],
        ]),
      ),
    );
    expect(t).toMatchObject({ headerRow: 2, headerRows: 2, dataRows: [3] });
    expect(t.columns.amount).toMatchObject({ header: "合同金额（万元）", unit: "万元", scale: 10000 });
    expect(letters(t)).toMatchObject({ dueAmount1: "E", dueDate1: "F" });
  });

  test("a 阶段 column merged down the data rows makes the region unfit for an in-place table", () => {
    const s = sheet(
      "进度计划表",
      [
        ["XX项目进度计划表"],
        ["阶段", "任务名称", "负责人", "计划开始", "计划完成"],
        ["准备", "启动会", "张三", d("2026-01-05"), d("2026-01-05")],
        [null, "需求确认", "李四", d("2026-01-06"), d("2026-01-08")],
      ],
      { merges: ["A1:E1", "A3:A4"] },
    );
    expect(only(workbook(s))).toMatchObject({ mergedInside: true, dataRows: [3, 4] });
  });
});

describe("payments (收款计划表)", () => {
  test("one row per node; preferred over contracts when the contract fields are absent", () => {
    const t = only(
      workbook(
        sheet("收款计划表", [
          [
            "合同编号",
            "款项",
            "应收日期",
            "应收金额",
            "实收日期",
            "实收金额",
            "催款通知日期",
            "书面报告日期",
          ],
          ["HT-1", "首付款", d("2026-01-10"), 30000, d("2026-01-12"), 30000, null, null],
          ["HT-1", "验收款", d("2026-06-10"), 70000, null, null, null, null],
        ]),
      ),
    );
    expect(t.kind).toBe("payments");
    expect(letters(t)).toEqual({
      contractNo: "A",
      node: "B",
      dueDate: "C",
      dueAmount: "D",
      receivedDate: "E",
      receivedAmount: "F",
      dunningDate: "G",
      reportDate: "H",
    });
  });

  test("a contracts sheet with a single 应收 column stays contracts (unnumbered fields in columns)", () => {
    const t = only(
      workbook(
        sheet("台账", [
          ["合同编号", "签订日期", "合同金额", "交货期", "应收日期", "应收金额", "实收金额"],
          ["HT-1", d("2026-01-05"), 100, d("2026-03-01"), d("2026-04-01"), 50, 0],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ dueDate: "E", dueAmount: "F", receivedAmount: "G" });
    expect(t.groups).toEqual([]);
  });
});

describe("several tables on one sheet", () => {
  test("stacked with blank rows and titles between", () => {
    const s = sheet("项目", [
      ["一、合同执行情况"],
      ["合同编号", "签订日期", "合同金额", "交货期"],
      ["HT-1", d("2026-01-05"), 100, d("2026-03-01")],
      ["合计", null, 100],
      [],
      ["二、进度计划"],
      ["任务名称", "负责人", "计划开始", "计划完成", "合同编号"],
      ["安装", "张三", d("2026-01-10"), d("2026-02-10"), "HT-1"],
      ["验收", "李四", d("2026-02-11"), d("2026-02-20"), "HT-1"],
    ]);
    const { tables, unrecognised } = recognise(workbook(s));
    expect(tables.map((t) => [t.kind, t.headerRow, t.dataRows, t.totalRows])).toEqual([
      ["contracts", 2, [3], [4]],
      ["schedule", 7, [8, 9], []],
    ]);
    expect(unrecognised).toEqual([]);
  });

  test("stacked with no blank row: the next table's title is not data of the first", () => {
    const s = sheet("项目", [
      ["合同编号", "签订日期", "合同金额", "交货期"],
      ["HT-1", d("2026-01-05"), 100, d("2026-03-01")],
      ["收款计划"],
      ["合同编号", "款项", "应收日期", "应收金额"],
      ["HT-1", "首付款", d("2026-01-10"), 30],
    ]);
    const { tables } = recognise(workbook(s));
    expect(tables.map((t) => [t.kind, t.headerRow, t.dataRows, t.lastRow])).toEqual([
      ["contracts", 1, [2], 2],
      ["payments", 4, [5], 5],
    ]);
  });

  test("side by side, separated by an empty column", () => {
    const s = sheet("汇总", [
      ["任务名称", "负责人", "计划开始", "计划完成", null, "合同编号", "款项", "应收日期", "应收金额"],
      ["安装", "张三", d("2026-01-10"), d("2026-02-10"), null, "HT-1", "首付款", d("2026-01-10"), 30],
      ["验收", "李四", d("2026-02-11"), d("2026-02-20"), null, "HT-1", "尾款", d("2026-03-10"), 70],
      ["培训", "王五", d("2026-02-21"), d("2026-02-25")],
    ]);
    const { tables } = recognise(workbook(s));
    expect(tables.map((t) => [t.kind, t.firstCol, t.lastCol, t.dataRows])).toEqual([
      ["schedule", 1, 4, [2, 3, 4]],
      ["payments", 6, 9, [2, 3]],
    ]);
  });

  test("a header hole (data column without a header) does not split the table", () => {
    const s = sheet("进度计划表", [
      ["序号", null, "任务名称", "负责人", "计划开始", "计划完成"],
      [1, "x", "安装", "张三", d("2026-01-10"), d("2026-02-10")],
    ]);
    expect(only(workbook(s))).toMatchObject({ firstCol: 1, lastCol: 6 });
  });
});

describe("what is not a table", () => {
  test("prose in column A", () => {
    const s = sheet("说明", [
      ["项目实施规范"],
      ["1、规范目的：规定了系统集成项目实施过程中的管理和作业控制要求。"],
      ["2、职责范围：项目经理负责系统工程项目的实施、现场协调。"],
      ["3、任务名称、负责人、计划开始、计划完成均须填写。"],
    ]);
    expect(recognise(workbook(s))).toEqual({ tables: [], unrecognised: [], rejected: [] });
  });

  test("an inventory list, a contacts list and a 发票 ledger are reported as unrecognised, not tables", () => {
    const inventory = sheet("库存", [
      ["序号", "物品名称", "规格型号", "数量", "单价", "入库日期", "负责人", "备注"],
      [1, "交换机", "S5720", 4, 3200, d("2026-01-05"), "张三", null],
      [2, "网线", "六类", 10, 380, d("2026-01-06"), "张三", null],
    ]);
    const contacts = sheet("员工通讯录", [
      ["序号", "姓名", "部门", "职务", "手机", "邮箱"],
      [1, "张三", "客服部", "客服经理", "13800000000", "z@x.cn"],
      [2, "李四", "销售部", "销售经理", "13900000000", "l@x.cn"],
    ]);
    const invoices = sheet("合同发票台账", [
      ["序号", "合同编号", "客户名称", "发票号码", "开票日期", "金额"],
      [1, "HT-1", "甲公司", "No.001", d("2026-01-05"), 1000],
      [2, "HT-2", "乙公司", "No.002", d("2026-01-06"), 2000],
    ]);
    const r = recognise(workbook(inventory, contacts, invoices));
    expect(r.tables).toEqual([]);
    expect(r.unrecognised).toEqual([
      { sheet: "库存", cells: 22, shape: expect.stringMatching(/^1:序号\|2:物品名称/) },
      { sheet: "员工通讯录", cells: 18, shape: expect.stringMatching(/^1:序号\|2:姓名/) },
      {
        sheet: "合同发票台账",
        cells: 18,
        // Close to a contract ledger (合同编号, 客户名称), but a bare 金额 is no contract amount.
        near: {
          kind: "contracts",
          headerRow: 1,
          matched: ["合同编号", "客户名称", "金额"],
          missing: ["signDate", "deliveryDate"],
        },
        shape: expect.stringMatching(/^1:序号\|2:合同编号/),
      },
    ]);
  });

  test("a 合同台账 with 合同编号 and 合同金额 is a contracts table; a list with only 合同编号 and a generic 金额 is not", () => {
    const ledger = sheet("合同台账", [
      ["合同编号", "客户", "合同金额", "合同名称"],
      ["HT-1", "甲公司", 100, "监控"],
    ]);
    expect(recognise(workbook(ledger)).tables.map((t) => t.kind)).toEqual(["contracts"]);
    const list = sheet("Sheet1", [
      ["合同编号", "客户", "金额", "开票人"],
      ["HT-1", "甲公司", 100, "张三"],
    ]);
    expect(recognise(workbook(list)).tables).toEqual([]);
  });

  test("a sheet name alone is never evidence", () => {
    const s = sheet("进度计划表", [
      ["任务名称", "开始"],
      ["安装", d("2026-01-10")],
    ]);
    expect(recognise(workbook(s)).tables).toEqual([]);
  });

  test("key/value lines above the header are not taken for a two-row header", () => {
    const s = sheet("合同执行情况表", [
      ["项目名称", "智慧园区", "合同编号", "HT-1"],
      ["合同编号", "签订日期", "合同金额", "交货期"],
      ["HT-1", d("2026-01-05"), 100, d("2026-03-01")],
    ]);
    expect(only(workbook(s))).toMatchObject({ headerRow: 2, headerRows: 1, dataRows: [3] });
  });

  test("a block of 标签：值 lines above a table is neither data nor an unrecognised table", () => {
    const s = sheet("进度计划表", [
      ["智慧园区项目实施进度计划"],
      ["项目名称：智慧园区", null, "合同编号：HT-2026-031"],
      ["甲方：某某集团", null, "乙方：某某科技"],
      ["编制：张三", null, "日期：2026-11-01"],
      ["任务名称", "负责人", "计划开始", "计划完成"],
      ["安装", "张三", d("2026-01-10"), d("2026-02-10")],
    ]);
    const r = recognise(workbook(s));
    expect(r.tables.map((t) => [t.headerRow, t.dataRows])).toEqual([[5, [6]]]);
    expect(r.unrecognised).toEqual([]);
  });

  test("the product's own sheets and skipSheets are left alone", () => {
    const header = ["合同编号", "签订日期", "合同金额", "交货期"];
    const wb = workbook(sheet("通知台账", [header]), sheet("旧表", [header]), sheet("合同", [header]));
    expect(recognise(wb, { skipSheets: ["旧表"] }).tables.map((t) => t.sheet)).toEqual(["合同"]);
  });
});

describe("overrides", () => {
  const s = () =>
    sheet("进度计划表", [
      ["任务名称", "负责人", "计划开始", "期限", "备注", "说明"],
      ["安装", "张三", d("2026-01-10"), d("2026-02-10"), "a", "b"],
    ]);

  test("an override maps an unknown header and can make the table", () => {
    const bare = () =>
      sheet("进度计划表", [
        ["任务名称", "负责人", "起", "止"],
        ["安装", "张三", d("2026-01-10"), d("2026-02-10")],
      ]);
    expect(recognise(workbook(bare())).tables).toEqual([]);
    const t = only2(
      recognise(workbook(bare()), { overrides: [{ sheet: "进度计划表", column: "D", field: "planEnd" }] }),
    );
    expect(t.columns.planEnd).toEqual({ col: 4, letter: "D", header: "止" });
  });

  test("null unmaps; a field moved to another column unmaps its old column", () => {
    const t = only2(
      recognise(workbook(s()), {
        overrides: [
          { sheet: "进度计划表", column: "D", field: "planEnd" },
          { sheet: "进度计划表", column: "E", field: null },
          { sheet: "进度计划表", column: "F", field: "note" },
          { sheet: "别的表", column: "A", field: null },
          { sheet: "进度计划表", column: "A", field: null, kind: "contracts" },
        ],
      }),
    );
    expect(t.columns.note?.letter).toBe("F");
    expect(t.columns.task?.letter).toBe("A");
    expect(t.unmapped.map((u) => u.letter)).toEqual(["E"]);
  });

  test("a payment-group field is written with its number", () => {
    const c = sheet("合同", [
      ["合同编号", "签订日期", "合同金额", "交货期", "一期款日期"],
      ["HT-1", d("2026-01-05"), 100, d("2026-03-01"), d("2026-02-01")],
    ]);
    const t = only2(
      recognise(workbook(c), { overrides: [{ sheet: "合同", column: "E", field: "dueDate1" }] }),
    );
    expect(letters(t)).toMatchObject({ dueDate1: "E" });
  });

  function only2(r: ReturnType<typeof recognise>): RecognisedTable {
    expect(r.tables).toHaveLength(1);
    return r.tables[0];
  }
});

describe("work follows content", () => {
  test("a used range blown out to XFD1048576 costs only the cells present", () => {
    const s = sheet("进度计划表", [
      ["任务名称", "负责人", "计划开始", "计划完成"],
      ["安装", "张三", d("2026-01-10"), d("2026-02-10")],
    ]);
    put(s, "XFD1048576", "x");
    put(s, "A1048575", "");
    expect(s.rows.length).toBe(1048576);
    const stats = { cells: 0, rows: 0 };
    const r = recognise(workbook(s), { stats });
    expect(stats).toEqual({ cells: 10, rows: 4 });
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]).toMatchObject({ dataRows: [2], lastRow: 2, lastCol: 4 });
  });

  test("a 100k-row table is read row by row", () => {
    const rows: unknown[][] = [["WBS编码", "任务名称", "负责人", "计划开始", "计划完成", "备注"]];
    for (let i = 1; i <= 100000; i++) {
      rows.push([
        `1.${i}`,
        `任务${i}`,
        "张三",
        46000 + (i % 300),
        46010 + (i % 300),
        i % 97 === 0 ? "注意" : null,
      ]);
    }
    const stats = { cells: 0, rows: 0 };
    const t = recognise(workbook(sheet("进度计划表", rows)), { stats }).tables[0];
    expect(t.dataRows).toHaveLength(100000);
    expect(t.lastRow).toBe(100001);
    expect(stats.rows).toBe(100001);
  });

  test("a long unrecognised ledger is only searched for headers near its top", () => {
    const rows: unknown[][] = [["序号", "物品名称", "数量"]];
    for (let i = 1; i <= 50000; i++) rows.push([i, `物品${i}`, i]);
    rows.push(["任务名称", "负责人", "计划开始", "计划完成"]);
    rows.push(["安装", "张三", d("2026-01-10"), d("2026-02-10")]);
    const r = recognise(workbook(sheet("库存", rows)));
    expect(r.tables).toEqual([]);
    expect(r.unrecognised).toEqual([
      { sheet: "库存", cells: 150003 + 4 + 4, shape: "1:序号|2:物品名称|3:数量" },
    ]);
  });
});

describe("rows that are not data, as real offices write them", () => {
  test("制表人：周敏 and 审核：吴刚 in cells of their own are a footer, not a row missing its fields", () => {
    const s = sheet("合同执行情况表", [
      ["合同编号", "签订日期", "合同金额", "约定交货期"],
      ["HT-1", d("2026-01-05"), 100000, d("2026-03-31")],
      [],
      ["制表人：周敏", null, "审核：吴刚"],
    ]);
    expect(only(workbook(s))).toMatchObject({ dataRows: [2], footerRows: [4], lastRow: 2 });
  });

  test("section headings (一、前期准备 merged across, 二 | 系统实施, 第三阶段) label rows; a bare task is still data", () => {
    const s = sheet(
      "实施计划",
      [
        ["序号", "任务名称", "负责人", "计划开始", "计划完成"],
        ["一、前期准备"],
        ["1", "启动会", "张三", d("2026-11-02"), d("2026-11-02")],
        ["二", "系统实施"],
        ["2", "安装", "李四", d("2026-11-09"), d("2026-11-20")],
        [null, "第三阶段 验收"],
        ["3", "试运行"],
        ["4", "上线", "王五", d("2026-12-01"), "一、二期"],
      ],
      { merges: ["A2:E2"] },
    );
    expect(only(workbook(s))).toMatchObject({
      dataRows: [3, 5, 7, 8],
      sectionRows: [2, 4, 6],
      blankRows: [],
      lastRow: 8,
    });
  });
});
