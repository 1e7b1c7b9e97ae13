/**
 * Plans met on a ninth round of real workbooks, rebuilt with invented values: plans kept in
 * Japanese, Korean, Vietnamese, Spanish, Portuguese and Turkish (and, beside them, Russian, French and
 * German as MS Project writes its columns), English exports with baseline and planned dates, and phase
 * names alone on their rows over dated tasks.
 */
import { checkWorkbook } from "../../src/core/check";
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { letters, only } from "../helpers/recognition";

const rows3 = (n: number) =>
  [
    ["Design", "Ann", d("2026-03-02"), d("2026-03-06"), 5],
    ["Build", "Bo", d("2026-03-09"), d("2026-03-20"), 10],
    ["Test", "Cy", d("2026-03-23"), d("2026-03-27"), 5],
  ].map((r) => r.slice(0, n));

describe("plans in the languages offices keep them in", () => {
  test.each([
    ["Japanese", ["タスク名", "担当者", "開始日", "終了日", "期間"]],
    ["Japanese, planned", ["タスク", "担当", "予定開始日時", "予定完了日時", "工数"]],
    ["Korean", ["태스크", "작업자", "시작일", "종료일", "기간"]],
    ["Vietnamese", ["Công việc", "Người thực hiện", "Ngày bắt đầu", "Ngày kết thúc", "Số ngày"]],
    ["Spanish", ["Actividades", "Responsable", "Fecha de Inicio", "Fecha Fin", "Duración"]],
    ["Portuguese", ["Entregável / Pacote de Trabalho", "Responsável", "Início", "Fim", "Duração (dias)"]],
    ["Turkish", ["Görev", "Sorumlu", "Başlangıç", "Bitiş", "Gün"]],
    ["Russian", ["Задача", "Ответственный", "Дата начала", "Дата окончания", "Длительность"]],
    ["French, from MS Project", ["Tâche", "Noms Ressources", "Début", "Fin", "Durée"]],
    ["German, from MS Project", ["Vorgangsname", "Ressourcennamen", "Anfang", "Ende", "Dauer"]],
  ])("%s", (_lang, header) => {
    const t = only(workbook(sheet("Sheet1", [header, ...rows3(5)])));
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "A", owner: "B", planStart: "C", planEnd: "D" });
  });

  test("Japanese actual dates beside the planned ones", () => {
    const t = only(
      workbook(
        sheet("進捗", [
          ["タスク", "予定開始日", "予定終了日", "実績開始日", "実績終了日"],
          ["要件定義", d("2026-03-02"), d("2026-03-06"), d("2026-03-02"), d("2026-03-09")],
          ["基本設計", d("2026-03-09"), d("2026-03-13"), d("2026-03-10"), null],
          ["詳細設計", d("2026-03-16"), d("2026-03-20"), null, null],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({
      task: "A",
      planStart: "B",
      planEnd: "C",
      actualStart: "D",
      actualEnd: "E",
    });
  });

  test("a Spanish class timetable (Materia | Día | Inicio | Fin in hours) is no plan", () => {
    const { tables } = recognise(
      workbook(
        sheet("Horario", [
          ["Materia", "Día", "Inicio", "Fin"],
          ["Cálculo", "Lunes", "08:00", "10:00"],
          ["Física", "Martes", "10:00", "12:00"],
          ["Química", "Miércoles", "14:00", "16:00"],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("English plans as project tools export them", () => {
  test("WBS_ID | Task_Name | Owner | Baseline_Start | Baseline_Finish", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          [
            "WBS_ID",
            "Task_Name",
            "Owner",
            "Baseline_Start",
            "Baseline_Finish",
            "Actual_Start",
            "Actual_Finish",
          ],
          ["1.1", "Charter", "Ann", d("2026-03-02"), d("2026-03-04"), d("2026-03-02"), d("2026-03-05")],
          ["1.2", "Kick-off", "Bo", d("2026-03-05"), d("2026-03-05"), null, null],
        ]),
      ),
    );
    expect(letters(t)).toMatchObject({
      task: "B",
      owner: "C",
      planStart: "D",
      planEnd: "E",
      actualStart: "F",
      actualEnd: "G",
    });
  });

  test("Task | Planned Start Date | Planned End Date | Resource, and ACTIVITY / TASK | OWNER", () => {
    const a = only(
      workbook(
        sheet("EMS", [
          ["Module", "Task", "Planned Hrs", "Planned Start Date", "Planned End Date", "Resource"],
          ["Login", "Build form", 6, d("2026-03-02"), d("2026-03-03"), "Ann"],
          [null, "Validate", 4, d("2026-03-04"), d("2026-03-04"), "Bo"],
        ]),
      ),
    );
    expect(letters(a)).toMatchObject({ task: "B", planStart: "D", planEnd: "E", owner: "F" });
    const b = only(
      workbook(
        sheet("Task Tracker", [
          ["PHASE", "ACTIVITY / TASK", "OWNER", "START DATE", "DUE DATE"],
          ["Plan", "Draft scope", "Ann", d("2026-03-02"), d("2026-03-06")],
          ["Plan", "Sign-off", "Bo", d("2026-03-09"), d("2026-03-09")],
        ]),
      ),
    );
    expect(letters(b)).toMatchObject({ task: "B", owner: "C", planStart: "D", planEnd: "E" });
  });

  test("a field missing from an English plan is named in English, never in another language", () => {
    const r = checkWorkbook(
      workbook(
        sheet("WBS", [
          ["Task Name", "Notes"],
          ["Design", "x"],
        ]),
      ),
      { asOf: "2026-03-01" },
    );
    const f = r.findings.find((x) => x.rule === "table.not-recognized");
    expect(JSON.stringify(f?.args)).toContain("Plan Start");
    expect(JSON.stringify(f?.args)).not.toMatch(/Comienzo|Prazo|Dauer|Início/);
  });
});

describe("a phase name alone on its row over dated tasks", () => {
  const plan = (extra: unknown[][] = []) =>
    workbook(
      sheet("進捗", [
        ["タスク", "進捗(%)", "予定開始日時", "予定完了日時"],
        ["企画 - 準備"],
        ["ブレスト", 100, d("2026-03-02"), d("2026-03-02")],
        ["企画立案", 100, d("2026-03-02"), d("2026-03-03")],
        ["前例調査", 100, d("2026-03-03"), d("2026-03-03")],
        ["企画書", 100, d("2026-03-03"), d("2026-03-04")],
        ["設計 - 基本設計"],
        ["以降夕会開催"],
        ["画面設計", 50, d("2026-03-04"), d("2026-03-05")],
        ["DB設計", 0, d("2026-03-05"), d("2026-03-06")],
        ["帳票設計", 0, d("2026-03-05"), d("2026-03-06")],
        ["IF設計", 0, d("2026-03-06"), d("2026-03-06")],
        ["レビュー", 0, d("2026-03-06"), d("2026-03-06")],
        ...extra,
      ]),
    );

  test("is a heading, not a task missing its dates", () => {
    const t = only(plan());
    expect(t.sectionRows).toEqual([2, 7, 8]);
    const r = checkWorkbook(plan(), { asOf: "2026-03-10" });
    expect(r.findings.filter((f) => f.rule === "cell.required")).toEqual([]);
  });

  test("a name alone after the last dated task is a task not yet planned", () => {
    const t = only(plan([["リリース作業"]]));
    expect(t.dataRows).toContain(14);
    const r = checkWorkbook(plan([["リリース作業"]]), { asOf: "2026-03-10" });
    expect(r.findings.filter((f) => f.rule === "cell.required").map((f) => f.row)).toContain(14);
  });

  test("where names alone head groups, one alone over a single dated task heads it too", () => {
    const wb = plan([
      ["企画 - 検証"],
      ["PoC", 0, d("2026-03-09"), d("2026-03-09")],
      ["企画 - 成文化"],
      ["企画書承認", 0, d("2026-03-10"), d("2026-03-10")],
      ["発表会", 0, d("2026-03-10"), d("2026-03-11")],
    ]);
    const t = only(wb);
    expect(t.sectionRows).toEqual([2, 7, 8, 14, 16]);
    expect(t.dataRows).toContain(15);
    const r = checkWorkbook(wb, { asOf: "2026-03-01" });
    expect(r.findings.filter((f) => f.rule === "cell.required")).toEqual([]);
  });

  test("a name alone over one dated task, with no names heading groups elsewhere, stays a task", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["任务名称", "计划开始", "计划完成"],
          ["需求调研", d("2026-03-02"), d("2026-03-04")],
          ["方案设计", d("2026-03-05"), d("2026-03-06")],
          ["接口开发"],
          ["联调测试", d("2026-03-09"), d("2026-03-13")],
          ["上线准备"],
          ["培训", d("2026-03-16"), d("2026-03-17")],
        ]),
      ),
    );
    expect(t.dataRows).toEqual([2, 3, 4, 5, 6, 7]);
  });

  test("in a plan with many tasks not yet dated, a name alone stays a task", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["任务名称", "计划开始", "计划完成"],
          ["需求调研", d("2026-03-02"), d("2026-03-04")],
          ["方案设计"],
          ["接口开发"],
          ["联调测试", d("2026-03-09"), d("2026-03-13")],
          ["上线准备"],
          ["培训", d("2026-03-16"), d("2026-03-17")],
        ]),
      ),
    );
    expect(t.dataRows).toEqual([2, 3, 4, 5, 6, 7]);
  });
});

describe("Gantt charts with their phases and plan rows", () => {
  const m = (r1: number, c1: number, r2: number, c2: number) => ({ r1, c1, r2, c2 });

  test("the first phase's name merged across the task columns beside week numbers is the band, not a task", () => {
    const wb = workbook(
      sheet(
        "Hoja1",
        [
          ["APP DECORACIÓN"],
          ["Actividades", null, "Fecha de Inicio", "Fecha Fin", "Semana"],
          ["Analisis", null, null, null, 1, 2, 3, 4],
          [1, "Canvas", d("2026-01-12"), d("2026-01-16")],
          [2, "Diagrama de Gantt", d("2026-01-19"), d("2026-01-23")],
          [3, "Scrum", d("2026-01-26"), d("2026-01-30")],
          ["Diseño"],
          [4, "Mockups", d("2026-02-02"), d("2026-02-06")],
          [5, "Prototipo", d("2026-02-09"), d("2026-02-13")],
        ],
        { merges: [m(1, 1, 1, 8), m(2, 1, 2, 2), m(2, 5, 2, 8), m(3, 1, 3, 2), m(7, 1, 7, 2)] },
      ),
    );
    const t = only(wb);
    expect(letters(t)).toMatchObject({ wbs: "A", task: "B", planStart: "C", planEnd: "D" });
    expect(t.dataRows).toEqual([4, 5, 6, 8, 9]);
    const r = checkWorkbook(wb, { asOf: "2026-01-05" });
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("内容 merged over B:F and two header rows: the names written in C, not the 計画/実績 marks; a line in B heads them", () => {
    const t = only(
      workbook(
        sheet(
          "スケジュール",
          [
            [null, "内容", null, null, null, null, "予定", null, "進捗率", "担当"],
            ["背景", null, null, null, null, null, "開始", "終了"],
            [null, "システム開発演習"],
            [null, null, "要求分析書", null, null, "計画", d("2026-09-28"), d("2026-10-08"), null, "中山"],
            [null, null, null, null, null, "実績", d("2026-09-27"), d("2026-10-11")],
            [null, null, "全体DFD", null, null, "計画", d("2026-09-28"), d("2026-10-10"), null, "川戸"],
            [null, null, null, null, null, "実績", d("2026-09-28"), d("2026-10-12")],
            [null, null, "構造図", null, null, "計画", d("2026-10-04"), d("2026-11-20"), null, "中尾"],
            [null, null, null, null, null, "実績", d("2026-10-05"), null],
          ],
          { merges: [m(1, 2, 2, 6), m(1, 7, 1, 8), m(4, 3, 5, 5), m(6, 3, 7, 5), m(8, 3, 9, 5)] },
        ),
      ),
    );
    expect(letters(t)).toMatchObject({ task: "C", planStart: "G", planEnd: "H", owner: "J" });
    expect(letters(t).wbs).toBeUndefined();
    expect(t.sectionRows).toContain(3);
    expect(t.dataRows).not.toContain(3);
  });

  test("phase names over two dated tasks each, a third of the rows, are headings", () => {
    const t = only(
      workbook(
        sheet("計画", [
          ["タスク", "進捗(%)", "予定開始日時", "予定完了日時"],
          ["基本設計"],
          ["機能1", null, d("2026-10-09"), d("2026-10-09")],
          ["機能2", null, d("2026-10-09"), d("2026-10-10")],
          ["詳細設計"],
          ["機能1", null, d("2026-10-12"), d("2026-10-13")],
          ["機能2", null, d("2026-10-12"), d("2026-10-13")],
          ["テスト"],
          ["機能1", null, d("2026-10-14"), d("2026-10-15")],
          ["機能2", null, d("2026-10-14"), d("2026-10-15")],
        ]),
      ),
    );
    expect(t.sectionRows).toEqual([2, 5, 8]);
  });
});

describe("contract ledgers of public bodies in Portuguese and Spanish", () => {
  test("CONTRATO | OBJETO | CONTRATADA | VALOR GLOBAL", () => {
    const t = only(
      workbook(
        sheet("Planilha1", [
          ["ESTADO", "CONTRATO", "UNIDADE", "OBJETO", "CONTRATADA", "VALOR ATUAL MENSAL", "VALOR GLOBAL"],
          ["DF", "0227/2022", "BRASÍLIA", "LOCAÇÃO DE VEÍCULO", "Locadora A", 8800.5, 264015],
          ["MS", "0228/2022", "CAMPO GRANDE", "VIGILÂNCIA", "Segurança B", 10100, 303000],
          ["GO", "0301/2023", "GOIÂNIA", "LIMPEZA", "Serviços C", 5200, 156000],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "B", contractName: "D", customer: "E", amount: "G" });
  });

  test("Nº do Contrato | Data de Assinatura | Valor do Contrato, and Contrato y Año | Contratista | Valor Total", () => {
    const a = only(
      workbook(
        sheet("Contratos", [
          ["Nº do Contrato", "Fornecedor", "Data de Assinatura", "Valor do Contrato"],
          ["12/2024", "Empresa A", d("2024-03-05"), 50000],
          ["13/2024", "Empresa B", d("2024-04-10"), 72000],
        ]),
      ),
    );
    expect(letters(a)).toMatchObject({ contractNo: "A", customer: "B", signDate: "C", amount: "D" });
    const b = only(
      workbook(
        sheet("Hoja1", [
          ["Contratista", "Contrato y Año", "Fecha de Suscripción", "Valor Total"],
          ["Consorcio A", "408-2018", d("2018-05-02"), 1200000],
          ["Unión Temporal B", "454-2018", d("2018-06-11"), 980000],
        ]),
      ),
    );
    expect(letters(b)).toMatchObject({ customer: "A", contractNo: "B", signDate: "C", amount: "D" });
  });

  test("a staff list with each employee's kind of contract is no contract ledger", () => {
    const { tables } = recognise(
      workbook(
        sheet("Personal", [
          ["Empleado", "Contrato", "Salario", "Fecha de Ingreso"],
          ["Ana Ruiz", "Indefinido", 2100, d("2020-01-15")],
          ["Luis Soto", "Temporal", 1800, d("2023-06-01")],
          ["Eva Vega", "Indefinido", 2300, d("2019-09-09")],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});

describe("a list of projects, each with its planned end and who carries it", () => {
  const list = (ends: unknown[]) =>
    workbook(
      sheet("项目概览", [
        ["项目名称", "项目所属", "项目当前状态", "计划完成日期", "是否延期", "咨询服务部负责人", "销售"],
        ...ends.map((e, i) => [`客户${i + 1}监控平台`, "监控宝", "进行中", e, null, "韩涛", "米高"]),
      ]),
    );

  test("is a plan of projects, its dates written as 2016.6.30", () => {
    const t = only(list(["2026.6.30", "2026.7.15", "2026.8.14"]));
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "A", planEnd: "D", owner: "F" });
  });

  test("is none when that column holds no dates", () => {
    expect(recognise(list(["待定", "待定", "另议"])).tables).toEqual([]);
  });

  test("a project register without an owner (项目名称 | 计划完成日期 | 备注) stays none", () => {
    const { tables } = recognise(
      workbook(
        sheet("项目", [
          ["项目名称", "计划完成日期", "备注"],
          ["甲项目", "2026.6.30", "x"],
          ["乙项目", "2026.7.15", "y"],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });
});
