/**
 * Shapes of real office workbooks, rebuilt with invented values: the headers people write, the
 * bands, headings and grids around their tables, and sheets that hold no such table at all.
 */
import { checkWorkbook } from "../../src/core/check";
import { recognise } from "../../src/core/recognise";
import { durationIsWorking, parseDays } from "../../src/core/values";
import { formatFinding } from "../../src/i18n/messages";
import { d, sheet, workbook } from "../helpers/snapshot";
import { letters, only, check, messages } from "../helpers/recognition";

describe("the vocabulary of real sheets", () => {
  test("预计结束时间 is the planned end; 实际结束时间 the actual one", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["序号", "工作内容", "开始时间", "预计结束时间", "实际结束时间", "负责人", "状态"],
          [1, "需求调研", d("2026-03-02"), d("2026-03-06"), null, "周一", "进行中"],
          [2, "方案评审", d("2026-03-09"), d("2026-03-10"), null, "吴二", "未开始"],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({
      wbs: "A",
      task: "B",
      planStart: "C",
      planEnd: "D",
      actualEnd: "E",
      owner: "F",
    });
  });

  test("no owner column: still a schedule, and one finding says 负责人 is missing and what it blocks", () => {
    const wb = workbook(
      sheet("过程管理", [
        ["任务名称", "开始时间", "持续时间", "完成时间"],
        ["立项", d("2026-04-01"), 3, d("2026-04-03")],
        ["计划", d("2026-04-06"), 5, d("2026-04-10")],
      ]),
    );
    const r = check(wb);
    expect(r.tables.map((t) => [t.kind, t.columns])).toEqual([
      ["schedule", { task: "A", planStart: "B", duration: "C", planEnd: "D" }],
    ]);
    expect(messages(r, "table.missing-columns")).toEqual([
      "1: 表中没有「负责人」列；可在表中添加该列，或在「结构」页把已有的列对应到它",
    ]);
  });

  test("a contract ledger stamped rather than signed: 盖章日期, 金额, 合同相对方, text dates 2017.09.21", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          [
            "盖章日期",
            "档案号",
            "项目名称",
            "项目负责人",
            "合同编号",
            "合同相对方",
            "合同名称",
            "金额",
            "份数",
            "存档",
          ],
          [
            "2017.09.21",
            "DA-1",
            "园区监控",
            "钱七",
            "HT-2017-001",
            "某甲公司",
            "监控设备采购",
            12000,
            2,
            "是",
          ],
          ["2017.10.08", "DA-2", "园区门禁", "孙八", "HT-2017-002", "某乙公司", "门禁维保", 3600, 2, "否"],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    // 合同名称 wins over the generic 项目名称 for the contract's name.
    expect(letters(t)).toMatchObject({
      signDate: "A",
      contractNo: "E",
      customer: "F",
      contractName: "G",
      amount: "H",
      serviceManager: "D",
    });
  });

  test("合同编码 | 合同名称 | 合同类型 | 合同状态 | 签订日期 … is a contract ledger", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["合同编码", "合同名称", "合同类型", "合同状态", "签订日期", "开始时间", "结束时间", "经办人"],
          ["C-01", "运维服务", "服务", "执行中", d("2026-01-05"), d("2026-01-10"), d("2026-12-31"), "郑九"],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "A", contractName: "B", status: "D", signDate: "E" });
  });

  test("签定日期 (the common miswriting), 合同号, 合同总额, 供应商", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["合同号", "供应商", "签定日期", "合同总额"],
          ["P-7", "某丙公司", d("2026-02-01"), 5000],
        ]),
      ),
    );
    expect(letters(t)).toEqual({ contractNo: "A", customer: "B", signDate: "C", amount: "D" });
  });

  test("English headers", () => {
    const t = only(
      workbook(
        sheet("Plan", [
          ["ID", "Task Name", "Duration", "Start", "Finish", "% Complete", "Predecessors", "Resource Names"],
          [1, "Kick-off", "1 day", d("2026-05-04"), d("2026-05-04"), 1, null, "Ann"],
          [2, "Design", "5 days", d("2026-05-05"), d("2026-05-11"), 0.5, "1", "Bo"],
        ]),
      ),
    );
    expect(letters(t)).toEqual({
      taskId: "A",
      task: "B",
      duration: "C",
      planStart: "D",
      planEnd: "E",
      progress: "F",
      predecessors: "G",
      owner: "H",
    });
    const c = only(
      workbook(
        sheet("Contracts", [
          ["Contract No.", "Customer", "Signed", "Amount"],
          ["K-1", "Acme", d("2026-01-05"), 100],
        ]),
      ),
    );
    expect(letters(c)).toEqual({ contractNo: "A", customer: "B", signDate: "C", amount: "D" });
  });

  test("an MS Project export in Chinese: 前置任务 `3FS+2 工作日` / `5SS-1d` name rows by 标识号, not by WBS", () => {
    const wb = workbook(
      sheet("任务", [
        ["标识号", "WBS", "名称", "工期", "开始时间", "完成时间", "前置任务", "资源名称"],
        [1, "1", "启动", "1 个工作日", d("2026-06-01"), d("2026-06-01"), null, "甲"],
        [2, "1.1", "调研", "3 个工作日", d("2026-06-04"), d("2026-06-08"), "1FS+2 工作日", "乙"],
        [3, "1.2", "设计", "5 个工作日", d("2026-06-05"), d("2026-06-11"), "2SS-1d", "丙"],
        [4, "2", "验收", "1 个工作日", d("2026-06-12"), d("2026-06-12"), "3FS,9", "丁"],
      ]),
    );
    const r = check(wb, "2026-05-01");
    expect(r.tables[0].columns).toMatchObject({
      taskId: "A",
      wbs: "B",
      task: "C",
      duration: "D",
      predecessors: "G",
      owner: "H",
    });
    // 1, 2, 3 are 标识号 of rows; 9 is none. (As WBS codes, 2 and 3 would not exist.)
    expect(messages(r, "schedule.predecessor-missing")).toEqual([expect.stringMatching(/^G5: .*9/)]);
    expect(messages(r, "cell.number-invalid")).toEqual([]);
  });
});

describe("a planned end from the start and the duration", () => {
  const plan = (durationHeader: string, duration: unknown) =>
    workbook(
      sheet("计划", [
        ["任务名称", "负责人", "开始时间", durationHeader, "完成率"],
        // Friday 2026-11-13: 3 working days end on Tuesday 11-17, 3 calendar days on Sunday 11-15.
        ["部署", "张三", d("2026-11-13"), duration, 0],
      ]),
    );

  test.each([
    ["工期（工作日）", 3, "2026-11-17"],
    ["工期", "3 个工作日", "2026-11-17"],
    ["天数", 3, "2026-11-15"],
    ["工期（天）", 3, "2026-11-15"],
  ])("%s = %j ends on %s", (header, duration, end) => {
    const r = check(plan(header, duration));
    expect(messages(r, "schedule.overdue")).toEqual([expect.stringContaining(`计划于 ${end} 完成`)]);
  });
});

describe("payables: money we pay", () => {
  const wb = () =>
    workbook(
      sheet("付款计划", [
        ["合同号", "序列", "付款阶段", "付款时间", "付款金额", "付款比例", "已付金额"],
        ["CG-1", 1, "预付款", d("2026-09-01"), 30000, 0.3, 30000],
        ["CG-1", 2, "到货款", d("2026-10-15"), 60000, 0.6, 10000],
      ]),
    );

  test("are recognised, and an overdue payment is a finance finding of its own, never a 催款通知单", () => {
    const r = check(wb());
    expect(r.tables.map((t) => [t.kind, t.payable])).toEqual([["payments", true]]);
    expect(messages(r, "contract.payment-overdue")).toEqual([]);
    expect(messages(r, "payable.overdue")).toEqual([
      "D3: 合同 CG-1 到货款应于 2026-10-15 支付 60,000.00 元，已付 10,000.00 元，未付 50,000.00 元，已逾期 39 天（我方应付，请财务安排支付）",
    ]);
    expect(r.notices).toEqual([]);
  });

  test("a receivable plan of the same shape is dunned as before", () => {
    const r = check(
      workbook(
        sheet("收款计划", [
          ["合同编号", "款项", "应收日期", "应收金额", "实收金额"],
          ["HT-1", "到货款", d("2026-10-15"), 60000, 10000],
        ]),
      ),
    );
    expect(r.tables[0].payable).toBeUndefined();
    expect(messages(r, "contract.payment-overdue")).toHaveLength(1);
  });
});

describe("what is not data", () => {
  /** A WBS template: week band and weekday band under the header, a Gantt grid to the right, phase headings. */
  const gantt = () => {
    const header = ["WBS 编号", "任务名称", "任务所有者", "开始日期", "截止日期", "天数", "任务完成百分比"];
    const grid = Array.from({ length: 20 }, (_, i) => d(`2026-03-${String(i + 2).padStart(2, "0")}`));
    return workbook(
      sheet("项目计划", [
        ["某某项目甘特图"],
        [...header, null, ...grid],
        [null, null, null, null, null, null, null, null, "第 1 周", null, null, null, null, "第 2 周"],
        [null, null, null, null, null, null, null, null, "一", "二", "三", "四", "五", "一", "二"],
        [1, "项目构思和发起"],
        ["1.1", "项目章程", "周一", d("2026-03-02"), d("2026-03-04"), 3, 1],
        ["1.2", "立项评审", "吴二", d("2026-03-05"), d("2026-03-06"), 2, 0.5],
        [2, "项目定义和规划"],
        ["2.1", "范围说明", "郑九", d("2026-03-09"), d("2026-03-13"), 5, 0],
      ]),
    );
  };

  test("bands, phase headings and the grid are outside the table", () => {
    const t = only(gantt());
    expect(t).toMatchObject({
      headerRow: 2,
      bandRows: [3, 4],
      dataRows: [6, 7, 9],
      sectionRows: [5, 8],
      firstCol: 1,
      lastCol: 7,
    });
    expect(letters(t)).toMatchObject({
      wbs: "A",
      task: "B",
      owner: "C",
      planStart: "D",
      planEnd: "E",
      duration: "F",
      progress: "G",
    });
    expect(t.unmapped).toEqual([]);
  });

  test("and no error finding lands on them", () => {
    const r = check(gantt(), "2026-03-01");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("phase rows under a 分级 column nobody maps, with a dash in the end date", () => {
    const t = only(
      workbook(
        sheet("项目进度", [
          ["分级", "任务", "开始日期", "结束日期", "天数"],
          [1, "项目规划", null, " - ", null],
          ["1.1", "计划确认", d("2026-02-02"), d("2026-02-06"), 5],
          [2, "需求分析", null, " - ", null],
          ["2.1", "确认需求", d("2026-02-09"), d("2026-02-13"), 5],
        ]),
      ),
    );
    expect(t).toMatchObject({ dataRows: [3, 5], sectionRows: [2, 4] });
  });

  test("header rows continuing under columns the table does not read, and filling instructions", () => {
    const t = only(
      workbook(
        sheet("采购合同台账", [
          ["合同编号", "合同名称", "签订日期", "合同金额", "资金计划", null],
          [null, null, null, null, "本月计划", "累计付款"],
          ["填写说明：合同编号按 HT-年份-序号 填写", "请填写全称", null, null, null, null],
          ["HT-1", "监控", d("2026-01-05"), 100, 10, 20],
        ]),
      ),
    );
    expect(t).toMatchObject({ headerRow: 1, bandRows: [2, 3], dataRows: [4] });
  });

  test("a note under the 序号 (保留格式，勿删 …) and a label with a sum merged across are not rows", () => {
    const t = only(
      workbook(
        sheet(
          "Sheet1",
          [
            ["序号", "任务", "开始日期", "工期", "完成时间", "人员", "存档"],
            [1, "调研", d("2026-04-01"), 3, d("2026-04-03"), "甲", "是"],
            [null, null, null, null, null, null, "保留格式，勿删"],
            ["项目费用", 29000],
          ],
          { merges: ["B4:F4"] },
        ),
      ),
    );
    expect(t).toMatchObject({ dataRows: [2], sectionRows: [3], totalRows: [4] });
  });
});

describe("no false tables on sheets that hold none", () => {
  test.each([
    [
      "inventory",
      [
        ["物品名称", "规格型号", "数量", "单价", "金额", "入库日期", "经手人"],
        ["打印纸", "A4", 10, 25, 250, d("2026-01-05"), "甲"],
        ["硒鼓", "88A", 2, 300, 600, d("2026-01-06"), "乙"],
      ],
    ],
    [
      "timetable",
      [
        ["节次", "开始时间", "结束时间", "星期一", "星期二"],
        [1, "08:00", "08:45", "语文", "数学"],
        [2, "08:55", "09:40", "英语", "物理"],
      ],
    ],
    [
      "work log with times",
      [
        ["日期", "工作内容", "开始时间", "结束时间"],
        [d("2026-01-05"), "巡检", "08:00", "09:30"],
        [d("2026-01-05"), "维修", "10:00", "11:30"],
      ],
    ],
    [
      "household ledger",
      [
        ["日期", "项目", "收入", "支出", "余额", "备注"],
        [d("2026-01-05"), "工资", 8000, null, 8000, null],
        [d("2026-01-06"), "房租", null, 3000, 5000, null],
      ],
    ],
    [
      "inspection log",
      [
        ["检查日期", "检查内容", "检查人", "检查结果", "整改情况"],
        [d("2026-01-05"), "消防通道", "甲", "合格", "无"],
        [d("2026-01-12"), "配电房", "乙", "不合格", "已整改"],
      ],
    ],
    [
      "room bookings",
      [
        ["名称", "开始时间", "结束时间", "预订人"],
        ["一号会议室", d("2026-01-05"), d("2026-01-05"), "甲"],
        ["二号会议室", d("2026-01-06"), d("2026-01-06"), "乙"],
      ],
    ],
    [
      "investment products",
      [
        ["产品编号", "起息日", "到期日", "存续天数", "预期年化收益率", "投资金额", "备注"],
        ["P-1", d("2026-01-05"), d("2026-04-05"), 90, 0.04, 10000, null],
      ],
    ],
    [
      "a form",
      [
        ["申请人：", "甲", "部门：", "客服部"],
        ["申请日期：", d("2026-01-05"), "金额：", 300],
        ["事由：", "差旅"],
      ],
    ],
  ])("%s", (_name, rows) => {
    expect(recognise(workbook(sheet("Sheet1", rows as unknown[][]))).tables).toEqual([]);
  });
});

describe("saying what is missing", () => {
  test("an unrecognised sheet names the nearest kind, the headers matched and missing, and the fix", () => {
    const r = check(
      workbook(
        sheet("计划", [
          ["任务名称", "负责人", "起", "止"],
          ["安装", "张三", d("2026-01-10"), d("2026-02-10")],
          ["调试", "李四", d("2026-02-11"), d("2026-02-20")],
          ["验收", "王五", d("2026-02-21"), d("2026-02-28")],
        ]),
      ),
    );
    expect(r.tables).toEqual([]);
    expect(messages(r, "table.not-recognized")).toEqual([
      "1: 该工作表第 1 行的表头最接近进度计划表：已对上「任务名称、负责人」，缺少「计划开始」或「计划完成」或「工期」，未识别为表格。" +
        "请把对应列的表头改为「计划开始」或「计划完成」或「工期」，或在「结构」页把已有的列对应到它，或用命令行 --map '计划!列=planStart'",
    ]);
  });

  test("one specific header (Task Name) beside ones of no kind is enough to name the kind, in both languages", () => {
    const r = check(
      workbook(
        sheet("WBS", [
          ["WBS #", "Phase", "Task Name"],
          ["1.0", "Project", "Garden plan"],
          ["1.1", "Planning", "Form a committee"],
          ["1.2", "Planning", "Find a site"],
        ]),
      ),
    );
    expect(r.tables).toEqual([]);
    expect(messages(r, "table.not-recognized")).toEqual([
      "1: 该工作表第 1 行的表头最接近进度计划表：已对上「Task Name」，缺少「计划开始」或「计划完成」或「工期」，未识别为表格。" +
        "请把对应列的表头改为「计划开始」或「计划完成」或「工期」，或在「结构」页把已有的列对应到它，或用命令行 --map 'WBS!列=planStart'",
    ]);
    const f = r.findings.find((x) => x.rule === "table.not-recognized")!;
    expect(formatFinding(f, "en")).toBe(
      "This sheet: the header on row 1 comes closest to a schedule table: it has Task Name but lacks Plan Start or Plan End or Duration, " +
        "so no table was recognised. Rename the column's header to Plan Start or Plan End or Duration, map an existing column to it on 结构, " +
        "or pass --map 'WBS!<column>=planStart' to the CLI",
    );
  });

  test("the English header the hint names is one the product takes: with Plan Start added the sheet is a schedule", () => {
    const t = only(
      workbook(
        sheet("WBS", [
          ["WBS #", "Phase", "Task Name", "Plan Start"],
          ["1.1", "Planning", "Form a committee", d("2026-01-05")],
          ["1.2", "Planning", "Find a site", d("2026-01-12")],
        ]),
      ),
    );
    expect([t.kind, letters(t).task, letters(t).planStart]).toEqual(["schedule", "C", "D"]);
  });

  test.each([
    ["a contract number alone", ["合同编号", "乙方", "电话"], "合同执行情况表：已对上「合同编号」"],
    [
      "a planned finish alone",
      ["事项", "计划完成时间", "备注"],
      "进度计划表：已对上「计划完成时间、备注」，缺少「任务名称」",
    ],
  ])("%s names its kind", (_name, header, said) => {
    const r = check(
      workbook(sheet("Sheet1", [header, ["甲", "乙", "丙"], ["丁", "戊", "己"], ["庚", "辛", "壬"]])),
    );
    expect(messages(r, "table.not-recognized").join("")).toContain(said);
  });

  test("a sheet named a plan, headed only with plain dates, is told the task column it lacks; a timetable is not", () => {
    const rows = (name: string) =>
      sheet(name, [
        ["开始时间", "结束时间", "用途"],
        ["第一周", "第二周", "设计"],
        ["第二周", "第四周", "开发"],
        ["第四周", "第五周", "测试"],
      ]);
    expect(messages(check(workbook(rows("整体计划"))), "table.not-recognized")).toEqual([
      "1: 该工作表第 1 行的表头最接近进度计划表：已对上「开始时间、结束时间」，缺少「任务名称」，未识别为表格。" +
        "请把对应列的表头改为「任务名称」，或在「结构」页把已有的列对应到它，或用命令行 --map '整体计划!列=task'",
    ]);
    expect(messages(check(workbook(rows("课程表"))), "table.not-recognized")).toEqual([
      "课程表: 工作表中有 12 个单元格的数据，未识别为进度计划表、合同执行情况表或收款计划表",
    ]);
  });

  test.each([
    ["a diary", ["日期", "天气", "心情", "备注"]],
    ["a household ledger", ["日期", "项目", "金额", "备注"]],
    ["a timetable", ["节次", "开始时间", "结束时间", "课程"]],
    ["an inventory", ["序号", "名称", "数量", "单价"]],
  ])("%s, with only generic headers, keeps the plain message", (_name, header) => {
    const r = check(
      workbook(sheet("Sheet1", [header, ["a", "b", "c", "d"], ["e", "f", "g", "h"], ["i", "j", "k", "l"]])),
    );
    expect(r.tables).toEqual([]);
    expect(messages(r, "table.not-recognized")).toEqual([
      "Sheet1: 工作表中有 16 个单元格的数据，未识别为进度计划表、合同执行情况表或收款计划表",
    ]);
  });

  test("many sheets of the same shape are summarised once with their count", () => {
    const one = (name: string) =>
      sheet(name, [
        ["签定日期：2013年6月9日", null, "合同编号：CX-1"],
        ["月份", "当月应收", "当月实收", "备注"],
        [d("2013-07-01"), 100, 80, null],
        [d("2013-08-01"), 100, 100, null],
        [d("2013-09-01"), 100, 90, null],
      ]);
    const r = check(workbook(one("甲项目"), one("乙项目"), one("丙项目")));
    const found = r.findings.filter((f) => f.rule === "table.not-recognized");
    expect(found).toHaveLength(1);
    expect(formatFinding(found[0], "zh")).toMatch(/^共 3 个相同结构的工作表（甲项目、乙项目、丙项目）/);
  });
});

describe("a table declared by hand", () => {
  const wb = () =>
    workbook(
      sheet("Sheet1", [
        ["工作项", "起", "止", "完成率"],
        ["安装", d("2026-01-10"), d("2026-02-10"), 0.5],
      ]),
    );

  test("a header row declared a schedule, with its columns mapped by hand", () => {
    expect(checkWorkbook(wb(), { asOf: "2026-03-01" }).tables).toEqual([]);
    const r = checkWorkbook(wb(), {
      asOf: "2026-03-01",
      declared: [{ sheet: "Sheet1", row: 1, column: "A", kind: "schedule" }],
      overrides: [
        { sheet: "Sheet1", column: "A", field: "task" },
        { sheet: "Sheet1", column: "C", field: "planEnd" },
      ],
    });
    expect(r.tables.map((t) => [t.kind, t.headerRow, t.columns])).toEqual([
      ["schedule", 1, { task: "A", planEnd: "C", progress: "D" }],
    ]);
    expect(messages(r, "schedule.overdue")).toHaveLength(1);
  });

  test("kept in 设置 beside 列映射, so every face sees it", () => {
    const settings = sheet("设置", [
      ["参数"],
      ["项", "值"],
      ["表声明:Sheet1!A1", "进度计划表"],
      ["列映射:Sheet1!A", "任务名称"],
      ["列映射:Sheet1!C", "计划完成"],
    ]);
    const r = checkWorkbook(workbook(...wb().sheets, settings), { asOf: "2026-03-01" });
    expect(r.tables.map((t) => [t.sheet, t.kind, t.columns])).toEqual([
      ["Sheet1", "schedule", { task: "A", planEnd: "C", progress: "D" }],
    ]);
    expect(r.state.declared).toEqual([{ sheet: "Sheet1", row: 1, column: "A", kind: "schedule" }]);
  });
});

describe("durations as people write them", () => {
  test.each([
    [5, 5],
    ["5天", 5],
    ["5 个工作日", 5],
    ["5 个工作日?", 5],
    ["3.5d", 3.5],
    ["2 days", 2],
    ["1周", 7],
  ])("%j → %d days", (text, days) => {
    expect(parseDays(text)).toMatchObject({ status: "ok", value: days });
  });

  test("`5 个工作日` is counted in working days, `5天` in calendar days", () => {
    expect(durationIsWorking("5 个工作日")).toBe(true);
    expect(durationIsWorking("5天")).toBe(false);
    expect(durationIsWorking(5)).toBeUndefined();
  });
});

describe("more wordings met in real ledgers and plans", () => {
  test("a ledger's own prefix before known headers (THT合同编号, THT签订日期)", () => {
    const t = only(
      workbook(
        sheet("拓展合同台账", [
          ["序号", "THT合同编号", "THT合同名称", "THT合同金额（元）", "THT签订日期"],
          [1, "THT-1", "咨询服务", 5000, d("2021-03-01")],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ contractNo: "B", contractName: "C", amount: "D", signDate: "E" });
  });

  test("功能 | 开始日期 | 结束日期 | 责任人 is a plan", () => {
    const t = only(
      workbook(
        sheet("Sheet2", [
          ["模块", "功能", "开发描述", "开始日期", "结束日期", "责任人", "备注"],
          ["UA", "登录接口", "手机号登录", d("2018-12-01"), d("2018-12-05"), "甲", null],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "B", planStart: "D", planEnd: "E", owner: "F" });
  });
});

describe("plans drawn in periods", () => {
  const plan = () =>
    workbook(
      sheet("项目规划表", [
        ["活动", "负责人", "计划开始时间", "计划工期", "实际开始时间", "完成百分比"],
        ["需求分析", "甲", 1, 5, 1, 1],
        ["界面实现", "乙", 6, 3, 6, 0.5],
        ["活动 25", null, 0, 0, 0, 0],
        ["活动 26", null, 0, 0, 0, 0],
      ]),
    );

  test("a template's spare rows of zeros are not tasks", () => {
    expect(only(plan())).toMatchObject({ dataRows: [2, 3] });
  });

  test("a start in period 6 is no date to count a planned end from", () => {
    const r = check(plan());
    expect(messages(r, "schedule.overdue")).toEqual([]);
  });
});

describe("ledgers pasted together", () => {
  test("the header written again further down and a lone 补充协议 label are not contracts", () => {
    const t = only(
      workbook(
        sheet("合同台账", [
          ["序号", "合同编号", "合同名称", "合同金额（元）", "签订日期"],
          [1, "HT-1", "咨询", 5000, d("2021-03-01")],
          [null, "合同编号", "合同名称", "合同金额（元）", "签订日期"],
          [2, "HT-2", "评估", 8000, d("2021-04-01")],
          [null, "补充协议"],
          [3, "HT-2-B1", "评估补充", 1000, d("2021-06-01")],
        ]),
      ),
    );
    expect(t).toMatchObject({ dataRows: [2, 4, 6], bandRows: [3], sectionRows: [5] });
  });
});

describe("task columns nobody headed", () => {
  test("an empty header over the task names, left of 计划开始日 | 天数", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          [],
          [null, null, "计划开始日", "天数", null, "已完成", "未完成"],
          [null, "立项", d("2026-01-05"), 5, null, 5, 0],
          [null, "问卷设计", d("2026-01-12"), 3, null, 3, 0],
          [null, "实地走访", d("2026-01-15"), 10, null, 6, 4],
          [],
          [],
          [null, null, d("2026-01-29"), 10],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "B", planStart: "C", duration: "D" });
    expect(t).toMatchObject({ headerRow: 2, dataRows: [3, 4, 5], totalRows: [8] });
  });

  test("module | page | task without headers: the task is the names' column nearest the dates", () => {
    const t = only(
      workbook(
        sheet(
          "Sheet1",
          [
            [null, null, null, "计划开始时间", "预计用时(天)", "实际完成时间", "负责人"],
            ["客户管理", "首页"],
            [null, "客户列表", "列表页", d("2026-07-06"), 1.5, d("2026-07-07"), "高一"],
            [null, null, "高级筛选", d("2026-07-08"), 1, null, "高一"],
            [null, null, "详情页", d("2026-07-09"), 2, null, "高一"],
          ],
          { merges: ["A2:A5", "B3:B5"] },
        ),
      ),
    );
    expect(t).toMatchObject({ headerRow: 1 });
    expect(letters(t)).toMatchObject({ task: "C", planStart: "D", duration: "E", owner: "G" });
  });

  test("the sub-project's name as the task header, 起止日期 as a range in one cell", () => {
    const wb = workbook(
      sheet("智能终端", [
        [null, "开发计划", null, null, null, null, "计划人：", "某甲"],
        [],
        [],
        [null, "完成？", "终端开发", "起止日期", "内容", "子项目", "负责人", "备注", "实际完成时间"],
        [null, null, "外壳加工", "2026/3/2-2026/3/20", "外壳机加工", "无", "刘一"],
        [null, null, "电路板", "2026.3.1-3.15", "电路板设计", "无", "李二"],
        [null, "a", "固件", "？-2026/3/31", "固件开发", "无", "李二"],
        [null, null, "整机调试", null, "调试", "无", "刘一"],
      ]),
    );
    const t = only(wb);
    expect(letters(t)).toMatchObject({ task: "C", planStart: "D", planEnd: "D", owner: "G" });
    const r = check(wb, "2026-03-25");
    // The range's end is the planned end: 3.15 and 3.20 are past, 3.31 is not.
    expect(messages(r, "schedule.overdue").map((m) => m.split(":")[0])).toEqual(["D5", "D6"]);
    // An empty range cell is one empty cell, not one per end.
    expect(messages(r, "cell.required")).toEqual([expect.stringMatching(/^D8: /)]);
    // A start not known yet (`？-2026/3/31`) is said to be incomplete, once.
    expect(messages(r, "cell.date-invalid")).toEqual([expect.stringMatching(/^D7: .*日期不完整/)]);
  });

  test("a header word no vocabulary has (接口名) over names beside 计划开发时间 and 开发者", () => {
    const t = only(
      workbook(
        sheet("接口计划", [
          [],
          [],
          [],
          [null, null, "接口名", "计划开发时间", "备注", "开发者", "实际开始时间"],
          [null, null, "首页列表", d("2026-01-22"), null, "匡一", d("2026-01-22")],
          [null, null, "个人中心", d("2026-01-23"), null, "刘二", null],
          [null, null, "发货", d("2026-01-23"), null, "刘二", null],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "C", planEnd: "D", owner: "F" });
  });

  test("任务名称 merged over the numbers and the names: the names are the task, the numbers its outline", () => {
    const t = only(
      workbook(
        sheet(
          "Sheet1",
          [
            ["项目名称"],
            ["任务名称", null, "负责人", "持续时间"],
            [1, "项目启动", "项目经理", "1周"],
            [2, "需求分析", "分析师", "1周"],
            [3, "概要设计", "设计组", "2周"],
          ],
          { merges: ["A2:B2"] },
        ),
      ),
    );
    expect(letters(t)).toMatchObject({ wbs: "A", task: "B", owner: "C", duration: "D" });
  });

  test("one plainly headed date beside a task is a plan when the column holds dates", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["工作内容", "工作时间"],
          ["框架搭建", d("2026-01-19")],
          ["数据表整理", d("2026-01-20")],
          ["接口开发", d("2026-01-22")],
          ["前端联调", "待前端完成后"],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "A", planEnd: "B" });
  });

  test.each([
    [
      "working hours",
      [
        ["工作内容", "工作时间"],
        ["值班", "8:00-17:00"],
        ["巡检", "9:00-12:00"],
        ["复盘", "14:00"],
      ],
    ],
    [
      "a project list with a named column and owners but no dates",
      [
        [null, "计划开始时间", "负责人"],
        ["甲项目", "待定", "张一"],
        ["乙项目", "待定", "王二"],
      ],
    ],
  ])("no plan: %s", (_, rows) => {
    expect(recognise(workbook(sheet("Sheet1", rows))).tables).toEqual([]);
  });
});

describe("phases across columns", () => {
  test("模块 | 子模块 over phase pairs (开始时间, 结束时间) is a plan; its task the 子模块", () => {
    const t = only(
      workbook(
        sheet(
          "Sheet1",
          [
            ["项目名称", null, "某采集系统", null, null, null, "公司名称", null, "某公司"],
            ["项目负责人", null, "陈一", null, null, null, "日期", null, d("2026-05-23")],
            ["模块", "子模块", "需求", null, "设计", null, "开发", null],
            [null, null, "开始时间", "结束时间", "开始时间", "结束时间", "开始时间", "结束时间"],
            [
              "采集",
              "实时采集",
              d("2026-05-23"),
              d("2026-06-26"),
              d("2026-05-26"),
              d("2026-06-29"),
              d("2026-06-29"),
              d("2026-10-10"),
            ],
            [
              null,
              "传输通信",
              d("2026-05-23"),
              d("2026-06-25"),
              d("2026-05-25"),
              d("2026-06-28"),
              d("2026-06-28"),
              d("2026-10-12"),
            ],
            [
              "存储",
              "文件存储",
              d("2026-05-25"),
              d("2026-06-27"),
              d("2026-05-27"),
              d("2026-06-30"),
              d("2026-06-30"),
              d("2026-09-15"),
            ],
          ],
          { merges: ["C3:D3", "E3:F3", "G3:H3", "A5:A6"] },
        ),
      ),
    );
    expect(t).toMatchObject({ headerRow: 4, headerRows: 2, dataRows: [5, 6, 7] });
    expect(letters(t)).toMatchObject({ task: "B", planStart: "C", planEnd: "D" });
  });
});

describe("rows kept free in a ledger", () => {
  test("预留, 保留格式，勿删, a label written across, a row of bare sums and a mirrored header band are not contracts", () => {
    const wb = workbook(
      sheet("采购合同台账", [
        ["CHT序号", "CHT合同编号", "CHT合同名称", "CHT合同额（元）", "CHT签订日期"],
        ["ZC序号", "/", "ZC采购名称", "ZC中标价（元）", "/"],
        [1, "HT-001", "测绘服务", 5000, d("2025-03-01")],
        [2, "HT-002", "评估服务", 8000, d("2025-04-01")],
        [3, "预留"],
        [null, "补充协议", "补充协议", null, null],
        [4, "HT-002-B1", "评估补充", 1000, d("2025-06-01")],
        [null, null, "保留格式，勿删", null, null, 924],
        [null, null, null, 14000],
      ]),
    );
    const t = only(wb);
    expect(t).toMatchObject({ bandRows: [2], dataRows: [3, 4, 7] });
    expect(check(wb).findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
