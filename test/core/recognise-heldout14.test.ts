/**
 * Shapes met on a fourteenth round of real workbooks, rebuilt with invented values: a plan dated by
 * yyyymmdd numbers (20160415) as a system's export writes them, a plan whose one date column holds the
 * days each task takes (`10d`, `2-3d`), English Start Date | Expected Date with its Responsibility,
 * Korean 주요 업무 | 소요일, and a key column left empty beside a filled one headed for the same field.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { check, letters, messages, only } from "../helpers/recognition";

describe("values of the fourteenth round", () => {
  test("dates typed as yyyymmdd numbers in a plan's date column: a plan, each such cell told what it reads", () => {
    const wb = workbook(
      sheet("计划", [
        ["序号", "模块", "功能", "内容", "说明", "负责人", "完成时间"],
        ["1", "申报单位", "预算方案", "预算项", "页面控制", "郭某", 20261102],
        ["2", "申报单位", "立项审批", "审批字段", "状态表", "郭某", 20261109],
        ["3", "财务审核", "预算表审核", "查询条件", "状态表", "汪某", 20261130],
      ]),
    );
    const t = only(wb);
    expect(letters(t)).toMatchObject({ task: "C", owner: "F", planEnd: "G" });
    // Each such cell is told to be a date typed as a number, with the date it reads.
    expect(messages(check(wb), "cell.date-as-number")).toEqual([
      expect.stringMatching(/^G2: .*2026-11-02/),
      expect.stringMatching(/^G3: .*2026-11-09/),
      expect.stringMatching(/^G4: .*2026-11-30/),
    ]);
  });

  test("notes merged across the row beside their row numbers are no tasks (`=ROW()` | `Week 9: Meeting on 21/3` over B:H)", () => {
    // Each S/N is a formula, =ROW(A1), numbering the notes as well.
    const n = (i: number) => ({ value: i, formula: `ROW(A${i})` });
    const header = [
      "S/N",
      "Item",
      "Class Involved?",
      "Responsibility",
      "Start Date",
      "Expected Date",
      "Progress",
    ];
    const rows = [
      header,
      [n(1), "Week 9: Meeting on 21/3/2026"],
      [n(2), "First meeting: agree on the features and the timeline"],
      [n(3), "Week 10: all features coded"],
      [n(4), "Week 11: test cases written"],
      [n(5), "Week 10: Meeting on 28/3/2026"],
      [n(6), "View the list of projects", "Applicant", "Kris", d("2026-03-02"), d("2026-03-06"), 1, "Done"],
      [n(7), "Submit an enquiry", "Applicant", "Zeshen", d("2026-03-02"), d("2026-03-06"), 1, "Tested"],
      [n(8), "Register for a project", "HDB Manager", "Ze Ming", d("2026-03-02"), d("2026-03-06"), 0, ""],
      [n(9), "View all enquiries", "HDB Manager", "Kong", d("2026-03-02"), d("2026-03-06"), 0, ""],
      [n(10), "Withdraw an application", "Applicant", "Kris", d("2026-03-02"), d("2026-03-06"), 0, ""],
      [n(11), "Reply to an enquiry", "Applicant", "Zeshen", d("2026-03-02"), d("2026-03-06"), 0, ""],
    ];
    // The first three notes merged across the row; the next two not.
    const wb = workbook(sheet("Meeting Logs", rows, { merges: ["B2:H2", "B3:H3", "B4:H4"] }));
    expect(only(wb).dataRows).toEqual([7, 8, 9, 10, 11, 12]);
    expect(messages(check(wb), "cell.required")).toEqual([]);
  });

  test("a heading merged across the row over values left in the cells it covers is a heading: Excel shows none of them", () => {
    const rows = [
      ["ファイル", "タスク", "担当", "開始日", "終了日", "進捗"],
      ["ログイン画面"],
      ["login.jsp", "htmlの作成", "高川", d("2026-06-15"), d("2026-06-15"), 0],
      ["LoginServlet.java", "画面遷移", "高川", d("2026-06-15"), d("2026-06-16"), 0],
      ["LoginDAO.java", "table作成", "成沢", d("2026-06-16"), d("2026-06-16"), 0],
      // Row 6: a heading merged over A:F, a start date and a 0 left under the merge.
      ["スケジュール編集画面", null, null, d("2026-06-15"), null, 0],
      ["schedule_edit.jsp", "html作成", "成沢", d("2026-06-15"), d("2026-06-19"), 0],
      ["schedule_edit.css", "画面デザイン", "成沢", d("2026-06-22"), d("2026-06-26"), 0],
    ];
    const wb = workbook(sheet("Sheet1", rows, { merges: ["A2:F2", "A6:F6"] }));
    const t = only(wb);
    expect(t.dataRows).toEqual([3, 4, 5, 7, 8]);
    expect(messages(check(wb), "cell.required")).toEqual([]);
  });

  test("a plan's one date column holding the days each task takes (`10d`, `2-3d`): its duration", () => {
    const wb = workbook(
      sheet("plan", [
        [],
        [null, "初步任务计划"],
        ["序号", "任务", "计划时间"],
        ["1", "网关选型", "2-3d"],
        ["2", "协议对接", "10d"],
        ["3", "设备联调", "5天"],
        ["4", "界面开发", "1-2天"],
      ]),
    );
    const t = only(wb);
    expect(letters(t)).toEqual(expect.objectContaining({ task: "B", duration: "C" }));
    expect(letters(t).planEnd).toBeUndefined();
    // A range of days is said to be no number, on its own cell.
    expect(messages(check(wb), "cell.number-invalid").map((m) => m.split(":")[0])).toEqual(["C4", "C7"]);
  });

  test("a column of real dates under 计划时间 stays the plan's end", () => {
    const wb = workbook(
      sheet("plan", [
        ["序号", "任务", "计划时间"],
        ["1", "网关选型", d("2026-03-02")],
        ["2", "协议对接", d("2026-03-09")],
        ["3", "设备联调", "5天"],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ task: "B", planEnd: "C" });
  });
});

describe("words of the fourteenth round", () => {
  test("English Start Date | Expected Date, owned by Responsibility", () => {
    const wb = workbook(
      sheet("Meeting Logs", [
        ["S/N", "Item", "Class Involved?", "Responsibility", "Start Date", "Expected Date", "Progress"],
        [1, "Draft the proposal", "Yes", "Ann", d("2026-03-02"), d("2026-03-06"), "Done"],
        [2, "Build the prototype", "No", "Bo", d("2026-03-09"), d("2026-03-20"), "Ongoing"],
        [3, "User testing", "Yes", "Cy", d("2026-03-02"), d("2026-03-06"), ""],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ owner: "D", planStart: "E", planEnd: "F" });
  });

  test("Korean 주요 업무 | 소요일: the task and the days it takes", () => {
    const wb = workbook(
      sheet("Sheet1", [
        ["단계", "주요 업무", "소요일", "비고"],
        ["기획", "요구사항 정의", 3, ""],
        ["분석", "화면 설계", 5, ""],
        ["개발", "API 구현", 10, ""],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ task: "B", duration: "C" });
  });

  test("a key column left empty beside a filled one headed for the same field: the filled one is the key", () => {
    const wb = workbook(
      sheet("Sheet1", [
        ["Contrato", "ICJ", "Fornecedor", "Número do Contrato", "Data Assinatura", "Valor do Contrato"],
        [null, "ICJ-1", "Alfa Ltda", "4600001234", d("2024-01-15"), 388000],
        [null, "ICJ-2", "Beta SA", "4600005678", d("2024-02-20"), 125000],
      ]),
    );
    const t = only(wb);
    expect(t.kind).toBe("contracts");
    expect(letters(t).contractNo).toBe("D");
    expect(t.unmapped.map((u) => u.letter)).toContain("A");
  });

  test("an issue list's 计划关闭时间 is no plan's end: the 问题清单 stays no schedule", () => {
    const wb = workbook(
      sheet("项目问题", [
        ["序号", "标识", "名称", "发现人", "发现时间", "问题类型", "责任人", "计划关闭时间"],
        ["1", "PP-001", "运维计划范例进度延后", "杨某", d("2026-07-27"), "进度", "张某", d("2026-08-02")],
        ["2", "PP-002", "接口文档缺失", "李某", d("2026-07-28"), "文档", "王某", d("2026-08-05")],
      ]),
    );
    expect(recognise(wb).tables.filter((t) => t.kind === "schedule")).toEqual([]);
  });

  test("an amount that looks like yyyymmdd stays an amount in a ledger", () => {
    const wb = workbook(
      sheet("合同台账", [
        ["合同编号", "合同名称", "签订日期", "合同金额"],
        ["HT-001", "设备采购", d("2026-03-02"), 20150315],
        ["HT-002", "系统集成", d("2026-04-10"), 18000000],
      ]),
    );
    const t = recognise(wb).tables[0];
    expect(letters(t)).toMatchObject({ contractNo: "A", signDate: "C", amount: "D" });
  });
});
