import { formatFinding } from "../../../src/i18n/messages";
import { readWorkbookSettings } from "../../../src/core/workbook-settings";
import { fmt, sheet, workbook } from "../../helpers/snapshot-builder";
import { isoToSerial } from "../../../src/core/dates";
import { check, CONTRACT_HEADER, hits, SCHEDULE_HEADER } from "./harness";

const AS_OF = "2026-11-23";

describe("table.not-recognized", () => {
  test("a sheet of data that is no known table", () => {
    const wb = workbook(
      sheet("通讯录", [
        ["姓名", "电话"],
        ["张三", "13800000000"],
        ["李四", "13900000000"],
      ]),
    );
    const r = check(wb, AS_OF);
    expect(hits(r, "table.not-recognized")).toEqual([
      "通讯录: 工作表中有 6 个单元格的数据，未识别为进度计划表、合同执行情况表或收款计划表",
    ]);
  });

  test("a recognised table is not reported", () => {
    const wb = workbook(
      sheet("进度计划表", [SCHEDULE_HEADER, ["1", "需求调研", "张三", "2026-12-01", "2026-12-04"]]),
    );
    expect(hits(check(wb, AS_OF), "table.not-recognized")).toEqual([]);
  });
});

describe("table.blank-rows", () => {
  test("blank rows inside a table are counted", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-12-01", "2026-12-04"],
        [],
        ["2", "方案设计", "李四", "2026-12-07", "2026-12-11"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "table.blank-rows")).toEqual([
      "进度计划表: 表中跳过了 1 个空行（第 3 行）",
    ]);
  });

  test("a table without gaps", () => {
    const wb = workbook(
      sheet("进度计划表", [SCHEDULE_HEADER, ["1", "需求调研", "张三", "2026-12-01", "2026-12-04"]]),
    );
    expect(hits(check(wb, AS_OF), "table.blank-rows")).toEqual([]);
  });
});

describe("calendar.year-missing and the 节假日 table", () => {
  const contracts = sheet("合同执行情况表", [
    CONTRACT_HEADER.slice(0, 8),
    ["HT-1", "OA", "甲公司", "2027-03-01", 100000, "王五", null, "2027-06-30"],
    ["HT-2", "ERP", "乙公司", "2027-03-02", 100000, "王五", null, "2027-06-30"],
  ]);

  test("working days needed in 2027 without data: Monday–Friday, reported once", () => {
    const r = check(workbook(contracts), "2027-03-10");
    expect(hits(r, "calendar.year-missing")).toEqual([
      "设置: 2027 年没有节假日数据，工作日按周一至周五计算；请在「设置」的节假日表中补充",
    ]);
    expect(hits(r, "contract.notice-late")[0]).toContain("应不晚于 2027-03-03 发布");
  });

  test("the workbook's 节假日 table covers the year and moves the deadline", () => {
    const settings = sheet("设置", [["节假日"], ["日期", "类型", "名称"], ["2027-03-02", "休", "公司假日"]], {
      visibility: "hidden",
    });
    const r = check(workbook(contracts, settings), "2027-03-10");
    expect(hits(r, "calendar.year-missing")).toEqual([]);
    expect(hits(r, "contract.notice-late")[0]).toContain("应不晚于 2027-03-04 发布");
  });
});

describe("a date typo in a schedule", () => {
  /** Linked tasks tied to a contract, so the critical path and the contract rules run over the typo. */
  const typo = (cell: ReturnType<typeof fmt>) =>
    workbook(
      sheet("进度计划表", [
        [...SCHEDULE_HEADER, "合同编号"],
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-06", null, null, "100%", null, "HT-1"],
        ["2", "方案设计", "李四", "2026-11-09", cell, null, null, "50%", "1", "HT-1"],
        ["3", "系统部署", "王五", "2026-12-01", "2026-12-10", null, null, "0%", "2", "HT-1"],
      ]),
      sheet("合同执行情况表", [
        CONTRACT_HEADER.slice(0, 8),
        ["HT-1", "OA", "甲公司", "2026-10-08", 100000, "赵六", "2026-10-09", "2026-12-31"],
      ]),
    );

  test.each([
    ["1 (1900-01-01)", 1, "1900-01-01"],
    ["120000 (2228-07-18)", 120000, "2228-07-18"],
  ])("typed as %s: the cell is reported once and no year is missing", (_name, serial, shown) => {
    const r = check(typo(fmt(serial, "yyyy-mm-dd")), AS_OF);
    expect(
      r.findings.filter((f) => f.cell === "E3").map((f) => `${f.rule}: ${formatFinding(f, "zh")}`),
    ).toEqual([
      `cell.date-invalid: 「计划完成」的值“${shown}”不是一个有效日期（年份不在 1950–2099 之间，可能是输入错误）`,
    ]);
    // The rest of the plan stays in 2026: the bundled calendar covers it.
    expect(hits(r, "calendar.year-missing")).toEqual([]);
  });

  test("a 工期 typed as 100000 for 10: reported on its cell, no end in 2300, no year missing", () => {
    const wb = workbook(
      sheet("进度计划表", [
        ["WBS编码", "任务名称", "负责人", "计划开始", "工期", "前置任务"],
        ["1", "需求", "张三", "2026-11-02", 5, null],
        ["2", "设计", "李四", "2026-11-09", 100000, "1"],
      ]),
    );
    const r = check(wb, AS_OF);
    expect(r.findings.filter((f) => f.cell === "E3").map((f) => formatFinding(f, "zh"))).toEqual([
      "「工期」的值“100000”不像是工期：从计划开始算起要到 2099 年以后才完成，可能是输入错误",
    ]);
    expect(JSON.stringify(r.findings)).not.toContain("2300");
    expect(hits(r, "calendar.year-missing")).toEqual([]);
  });

  test("a plausible date years ahead: one line naming the years, not one per year", () => {
    const r = check(typo(fmt(isoToSerial("2031-06-30"), "yyyy-mm-dd")), AS_OF);
    expect(hits(r, "calendar.year-missing")).toEqual([
      "设置: 2027–2031 年没有节假日数据，工作日按周一至周五计算；请在「设置」的节假日表中补充",
    ]);
    expect(hits(r, "calendar.year-missing", "en")).toEqual([
      "设置: There is no holiday data for 2027–2031; working days were counted Monday to Friday. " +
        "Add the years to the 节假日 table on 设置",
    ]);
    expect(r.state.missingYears).toEqual([2027, 2028, 2029, 2030, 2031]);
  });
});

describe("设置: the 参数 table", () => {
  const schedule = sheet("进度计划表", [
    SCHEDULE_HEADER,
    ["1", "需求调研", "张三", "2026-11-02", "2026-11-20", "2026-11-02", null, "50%"],
    ["2", "方案设计", "李四", "2026-11-02", "2026-11-27", "2026-11-02", null, "50%"], // 4th working day
  ]);

  test("plain header rows anywhere on the sheet: N and a rule's severity", () => {
    const settings = sheet("设置", [
      [],
      [null, "项", "值"],
      [null, "到期提醒工作日数", 4],
      [null, "严重程度:schedule.overdue", "警告"],
      [null, "公司名称", "三才软件"],
    ]);
    const r = check(workbook(schedule, settings), AS_OF);
    expect(hits(r, "schedule.due-soon")).toHaveLength(1);
    expect(r.findings.find((f) => f.rule === "schedule.overdue")?.severity).toBe("warning");
  });

  test("a severity for any rule in the catalogue: a payable and a document rule", () => {
    const payables = sheet("付款计划表", [
      ["合同编号", "款项", "应付日期", "应付金额", "已付金额"],
      ["CG-2026-007", "首付款", "2026-11-02", 30000, 0],
    ]);
    const documents = sheet("实施文档台账", [
      [
        "合同编号",
        "文档名称",
        "客服经理",
        "编写完成日期",
        "初审日期",
        "传总经办日期",
        "总经办返回日期",
        "送达客户日期",
        "实施会议日期",
      ],
      [
        "HT-2026-031",
        "业务流程方案",
        "王五",
        "2026-11-02",
        "2026-11-02",
        "2026-11-03",
        "2026-11-04",
        "2026-11-04",
        null,
      ],
    ]);
    const settings = (...rows: Array<Array<string | null>>) => sheet("设置", [["项", "值"], ...rows]);
    const severity = (r: ReturnType<typeof check>, rule: string) =>
      r.findings.filter((f) => f.rule === rule).map((f) => f.severity);
    const before = check(workbook(payables, documents), AS_OF);
    expect(severity(before, "payable.overdue")).toEqual(["warning"]);
    expect(severity(before, "document.step-overdue")).toEqual(["error"]);
    const after = check(
      workbook(
        payables,
        documents,
        settings(
          ["严重程度:payable.overdue", "错误"],
          ["document.step-overdue", "提示"],
          ["payable.no-such-rule", "提示"],
        ),
      ),
      AS_OF,
    );
    expect(severity(after, "payable.overdue")).toEqual(["error"]);
    expect(severity(after, "document.step-overdue")).toEqual(["info"]);
    expect(readWorkbookSettings(workbook(settings(["payable.no-such-rule", "提示"]))).settings).toEqual({});
  });

  test("an Excel table named 参数, and the caller's settings win over it", () => {
    const settings = sheet(
      "设置",
      [
        ["项", "值"],
        ["临近天数", 4],
        ["语言", "English"],
        ["校验日期", "2026-11-23"],
      ],
      { tables: [{ name: "参数", range: { r1: 1, c1: 1, r2: 4, c2: 2 }, headerRow: true }] },
    );
    const wb = workbook(schedule, settings);
    const read = readWorkbookSettings(wb);
    expect(read.settings).toEqual({ dueSoonWorkdays: 4, lang: "en" });
    expect(read.asOf).toBe("2026-11-23");
    expect(hits(check(wb, AS_OF, { dueSoonWorkdays: 3 }), "schedule.due-soon")).toEqual([]);
  });

  test("a value that is not a whole number is reported on its cell and ignored", () => {
    const settings = sheet("设置", [
      ["项", "值"],
      ["临近天数", "三天"],
    ]);
    const r = check(workbook(schedule, settings), AS_OF);
    expect(hits(r, "cell.number-invalid")).toEqual(["B2: 「临近天数」的值“三天”不是数字"]);
    expect(hits(r, "schedule.due-soon")).toEqual([]);
  });
});

describe("table.not-recognized on hidden sheets", () => {
  test("a hidden 下拉选项 list is a helper, not data to report", () => {
    const lists = [
      ["负责人", "合同状态"],
      ["张三", "执行中"],
      ["李四", "已完成"],
      ["王五", "已终止"],
    ];
    const r = check(
      workbook(sheet("下拉选项", lists, { visibility: "hidden" }), sheet("名单", lists)),
      AS_OF,
    );
    expect(r.findings.map((f) => `${f.rule} ${f.sheet}`)).toEqual(["table.not-recognized 名单"]);
  });
});
