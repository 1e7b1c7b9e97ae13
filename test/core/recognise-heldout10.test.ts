/**
 * Plans and ledgers met on a tenth round of real workbooks, rebuilt with invented values: Dutch,
 * German, Spanish and Japanese plan words; headers written as form labels (`Assigned To:`), counts
 * (`#Working Days`), German gender endings (`Verantwortliche*r`) and a required-marker before a unit
 * (`DURATION* (WORK DAYS)`); a contract list whose plain Date is the contract's date.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { check, letters, messages, only } from "../helpers/recognition";

const rows = [
  ["Ontwerp", "An", d("2026-03-02"), d("2026-03-06"), 5],
  ["Bouw", "Bo", d("2026-03-09"), d("2026-03-20"), 10],
  ["Test", "Cy", d("2026-03-23"), d("2026-03-27"), 5],
];

describe("plan words of the tenth round", () => {
  test.each([
    ["Dutch", ["Activiteit", "Verantwoordelijke", "StartBegin", "EindDatum", "Duur"]],
    ["German, planned", ["Aufgabe", "Verantwortliche*r", "geplanter Start", "geplantes Ende", "Dauer"]],
    ["Spanish action plan", ["Entregable/Acción", "Lidera", "Fecha Inicio", "Fecha límite", "Días"]],
    ["Japanese, days of work", ["タスク", "担当", "開始日", "完了日", "工程日数"]],
    ["English template", ["Activity", "Assigned To:", "Start", "End", "Days"]],
    ["English, a project lead", ["Task", "Project Lead", "Start Date", "End Date", "#Working Days"]],
    ["Chinese template, 分配 到", ["任务", "分配 到", "开始日期", "结束日期", "天数"]],
  ])("%s", (_lang, header) => {
    const t = only(workbook(sheet("Sheet1", [header, ...rows])));
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "A", owner: "B", planStart: "C", planEnd: "D", duration: "E" });
  });

  test("a list of equipment assigned out by name stays no plan (Name | Assigned To | Start | End)", () => {
    const { tables } = recognise(
      workbook(
        sheet("Sheet1", [
          ["Name", "Assigned To", "Start", "End"],
          ["Laptop 12", "An", d("2026-03-02"), d("2026-03-06")],
          ["Beamer", "Bo", d("2026-03-09"), d("2026-03-20")],
          ["Camera", "Cy", d("2026-03-23"), d("2026-03-27")],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });

  test("DURATION* (WORK DAYS): the required-marker before the unit goes, the days are working days", () => {
    const wb = workbook(
      sheet("Projektplan", [
        ["TASK NAME", "START DATE", "DURATION* (WORK DAYS)", "PERCENT COMPLETE"],
        // Friday 2026-11-13: 3 working days end on Tuesday 11-17.
        ["Literaturrecherche", d("2026-11-13"), 3, 0],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ task: "A", planStart: "B", duration: "C" });
    expect(messages(check(wb), "schedule.overdue")).toEqual([
      expect.stringContaining("计划于 2026-11-17 完成"),
    ]);
  });
});

describe("a contract list whose plain Date is the contract's", () => {
  test("Date | Customer | Contract ID: the number and the party name the date", () => {
    const t = only(
      workbook(
        sheet("Worksheet", [
          ["S/N", "Date", "Customer", "Contract ID", "Status"],
          [1, d("2026-01-19"), "Northwind", "COOL-2026-0038", "Scheduled"],
          [2, d("2026-02-03"), "Contoso", "COOL-2026-0041", "Due"],
          [3, d("2026-02-17"), "Fabrikam", "COOL-2026-0044", "Scheduled"],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ signDate: "B", customer: "C", contractNo: "D" });
  });

  test("a plain Date beside a customer alone names no contract (Date | Customer | Note)", () => {
    const { tables } = recognise(
      workbook(
        sheet("Sheet1", [
          ["Date", "Customer", "Note"],
          [d("2026-01-19"), "Northwind", "call back"],
          [d("2026-02-03"), "Contoso", "visit"],
          [d("2026-02-17"), "Fabrikam", "quote"],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("a template's instructions written down column A", () => {
  const note = (s: string) =>
    `${s}。\n请勿修改这些单元格，按说明在右侧各列中输入内容，此说明供屏幕阅读器使用。`;
  const wb = () =>
    workbook(
      sheet("项目日程安排", [
        [note("此行包含项目日程安排的标题"), "任务", "分配 到", "进度", "开始日期", "结束日期", null, "天数"],
        [note("单元格 B2 包含第 1 阶段示例标题"), "阶段 1 标题"],
        [note("单元格 B3 包含示例任务"), "需求调研", "张三", 0.5, d("2026-03-02"), d("2026-03-06"), null, 5],
        [null, "方案设计", "李四", 0, d("2026-03-09"), d("2026-03-13"), null, 5],
        [null, "评审", "李四", 0, d("2026-03-13"), d("2026-03-13"), null, 1],
        [note("右侧的单元格包含第 2 阶段示例标题"), "阶段 2 标题"],
        [null, "开发", "王五", 0, d("2026-03-16"), d("2026-03-27"), null, 10],
        [null, "测试", "赵六", 0, d("2026-03-30"), d("2026-04-03"), null, 5],
        [null, "验收", "赵六", 0, d("2026-04-06"), d("2026-04-10"), null, 5],
      ]),
    );

  test("are no header and no column of the plan: its phase headings are no tasks", () => {
    const t = only(wb());
    expect(letters(t)).toMatchObject({ task: "B", owner: "C", progress: "D", planStart: "E", planEnd: "F" });
    expect(t.dataRows).toEqual([3, 4, 5, 7, 8, 9]);
    expect(messages(check(wb(), "2026-03-01"), "cell.required")).toEqual([]);
  });
});

describe("accents typed or left out", () => {
  test("Numero del contrato | Fecha de suscripción de contrato | Valor total final del contrato", () => {
    const t = only(
      workbook(
        sheet("Contratos 2024", [
          [
            "num",
            "Nombre del Contratista",
            "Objeto",
            "Numero del contrato",
            "Fecha de suscripción de contrato",
            "Valor total final del contrato",
          ],
          [1, "Gran Imagen S.A.", "Alquiler de impresoras", "162-2026", d("2026-02-05"), 37300074],
          [2, "Comcel S.A.", "Conectividad", "150-2026", d("2026-02-23"), 52210518],
          [3, "Datos SAS", "Centro de datos", "157-2026", d("2026-03-14"), 120586666],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({
      customer: "B",
      contractName: "C",
      contractNo: "D",
      signDate: "E",
      amount: "F",
    });
  });
});

describe("a header merged down over a band of day numbers", () => {
  const m = (r1: number, c1: number, r2: number, c2: number) => ({ r1, c1, r2, c2 });
  const wbs = () =>
    workbook(
      sheet(
        "WBS",
        [
          ["단계", "업무", "산출물", "수행인력", "수행 기간", null, "진행률"],
          [null, null, null, null, null, null, null, 22, 23, 24],
          [null, null, null, null, "시작일", "종료일", null, "1W"],
          ["1. 분석", "1.1 요구사항 분석", "WBS", "김", d("2026-07-22"), d("2026-07-23"), 1],
          [null, "1.2 계획서 작성", "계획서", "이", d("2026-07-23"), d("2026-07-24"), 1],
          ["2. 설계", "2.1 UI 설계", "설계도", "박", d("2026-07-27"), d("2026-07-29"), 0.5],
          [null, "2.2 DB 설계", "ERD", "최", d("2026-07-29"), d("2026-07-31"), 0],
        ],
        { merges: [m(1, 1, 3, 1), m(1, 2, 3, 2), m(1, 4, 3, 4), m(1, 5, 2, 6), m(1, 7, 3, 7)] },
      ),
    );

  test("is one header: 수행 기간 over 시작일 | 종료일 are the plan's dates, the band is no row of it", () => {
    const t = only(wbs());
    expect(t.kind).toBe("schedule");
    expect(t.headerRow).toBe(3);
    expect(letters(t)).toMatchObject({ task: "B", owner: "D", planStart: "E", planEnd: "F", progress: "G" });
    expect(t.dataRows).toEqual([4, 5, 6, 7]);
  });
});

describe("group rows told apart by their numbers", () => {
  test("the outline written into the task's own text: 1.2 over 1.2.1 is a heading", () => {
    const wb = workbook(
      sheet("WBS", [
        ["단계", "업무", "담당자", "계획 시작일", "계획 종료일"],
        ["1. 분석", "1.1 요구사항 분석", null, null, null],
        [null, " 1.1.1 분석 및 작성", "김", d("2026-07-22"), d("2026-07-23")],
        [null, " 1.1.2 계획서 작성", "이", d("2026-07-23"), d("2026-07-24")],
        [null, "1.2 데이터 모델링", null, null, null],
        [null, " 1.2.1 UI 설계", "박", d("2026-07-27"), d("2026-07-29")],
        [null, " 1.2.2 DB 설계", "최", d("2026-07-29"), d("2026-07-31")],
      ]),
    );
    const t = only(wb);
    expect(t.sectionRows).toEqual([2, 5]);
    expect(messages(check(wb, "2026-07-01"), "cell.required")).toEqual([]);
  });

  test("№ 1 over 1-1, 1-2: the group row is a heading, not a task missing its date", () => {
    const wb = workbook(
      sheet("タスク一覧", [
        ["№", "タスク", "対応日", "完了予定日", "ステータス"],
        [1, "前準備", null, null, null],
        ["1-1", "値の出所を特定する", d("2026-01-13"), d("2026-01-13"), "完了"],
        ["1-2", "INPUT情報を埋める", d("2026-01-14"), d("2026-01-14"), "完了"],
        [2, "GAS修正", null, null, null],
        ["2-1", "シートを追加する", d("2026-01-15"), d("2026-01-16"), "対応中"],
        ["2-2", "ロジックを直す", d("2026-01-16"), d("2026-01-19"), null],
      ]),
    );
    const t = only(wb);
    expect(t.sectionRows).toEqual([2, 5]);
    expect(messages(check(wb, "2026-01-01"), "cell.required")).toEqual([]);
  });

  test("a plain list numbered 1, 2, 3 keeps every row a task", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["序号", "任务名称", "计划开始", "计划完成"],
          [1, "需求调研", d("2026-03-02"), d("2026-03-04")],
          [2, "方案设计", null, null],
          [3, "接口开发", d("2026-03-09"), d("2026-03-13")],
        ]),
      ),
    );
    expect(t.dataRows).toEqual([2, 3, 4]);
  });
});
