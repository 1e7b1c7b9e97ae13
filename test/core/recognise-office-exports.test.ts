/**
 * Tables as the systems offices use write them out (a task or report export, a template's header),
 * rebuilt with invented values: ZenTao (zh and en), TAPD, CodeArts, kim-gantt, a Chinese task
 * export, Japanese WBS exports and templates, MS Project in German, French, Russian and Spanish,
 * Taskworld, Asana, Primavera P6, Smartsheet, a WBS import template, Indonesian and Thai plans;
 * contract lists from a CRM, a contract table, an enterprise contract system and a Vietnamese register; and GitLab's issue list, which is a 问题清单. Each header row is the system's own; the dates
 * are written the way the export writes them (text in a CSV, date cells where the system writes an
 * .xlsx: MS Project, Primavera P6 and Smartsheet).
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { check, letters, only } from "../helpers/recognition";

/** A sheet built column by column: each column's header and its values top down. */
function columns(name: string, cols: Array<[string, unknown[]]>): ReturnType<typeof workbook> {
  const height = Math.max(...cols.map(([, v]) => v.length));
  const rows: unknown[][] = [cols.map(([h]) => h)];
  for (let i = 0; i < height; i++) rows.push(cols.map(([, v]) => v[i] ?? null));
  return workbook(sheet(name, rows));
}

/** A column's values top down (five to eight rows of them). */
const five = (...v: unknown[]): unknown[] => v;

interface Case {
  name: string;
  wb: ReturnType<typeof workbook>;
  kind: "schedule" | "contracts" | "issues";
  expect: Record<string, string>;
}

const plans: Case[] = [
  {
    name: "ZenTao task export (zh)",
    wb: columns("任务", [
      ["编号", five(101, 102, 103, 104, 105)],
      ["所属项目", five("OA升级", "OA升级", "OA升级", "OA升级", "OA升级")],
      ["所属模块", five("/流程", "/流程", "/报表", "/报表", "/权限")],
      ["相关需求", five("审批流(#12)", "审批流(#12)", "月报(#15)", "", "角色(#18)")],
      ["任务名称", five("审批流设计", "审批流开发", "月报接口", "月报页面", "角色配置")],
      ["任务类型", five("设计", "开发", "开发", "界面", "开发")],
      ["优先级", five(1, 2, 2, 3, 3)],
      ["指派给", five("陈一", "林二", "王三", "王三", "赵四")],
      ["最初预计", five(8, 24, 16, 12, 6)],
      ["总消耗", five(9, 20, 4, 0, 0)],
      ["预计剩余", five(0, 6, 12, 12, 6)],
      ["预计开始", five("2026-03-02", "2026-03-04", "2026-03-09", "2026-03-11", "2026-03-16")],
      ["实际开始", five("2026-03-02", "2026-03-05", "2026-03-10", "", "")],
      ["截止日期", five("2026-03-03", "2026-03-10", "2026-03-12", "2026-03-13", "2026-03-17")],
      ["任务状态", five("已完成", "进行中", "进行中", "未开始", "未开始")],
      ["由谁创建", five("周五", "周五", "周五", "周五", "周五")],
      [
        "创建日期",
        five(
          "2026-02-26 10:12:30",
          "2026-02-26 10:14:02",
          "2026-02-27 09:01:11",
          "2026-02-27 09:03:45",
          "2026-02-27 09:05:20",
        ),
      ],
      ["由谁完成", five("陈一", "", "", "", "")],
      ["完成时间", five("2026-03-03 17:40:00", "", "", "", "")],
    ]),
    kind: "schedule",
    expect: { task: "E", owner: "H", planStart: "L", actualStart: "M", planEnd: "N" },
  },
  {
    name: "ZenTao task export (en)",
    wb: columns("Task", [
      ["ID", five(201, 202, 203, 204, 205)],
      ["Project", five("Portal", "Portal", "Portal", "Portal", "Portal")],
      ["Module", five("/Login", "/Login", "/Search", "/Search", "/Admin")],
      ["Story", five("SSO(#3)", "SSO(#3)", "Filters(#7)", "", "Roles(#9)")],
      ["Name", five("SSO design", "SSO build", "Filter API", "Filter UI", "Role admin")],
      ["Type", five("Design", "Develop", "Develop", "UI", "Develop")],
      ["Priority", five(1, 2, 2, 3, 3)],
      ["Assignee", five("amy", "bob", "cal", "cal", "dan")],
      ["Est.(h)", five(8, 24, 16, 12, 6)],
      ["Cost", five(9, 20, 4, 0, 0)],
      ["Left", five(0, 6, 12, 12, 6)],
      ["Estimate Start", five("2026-03-02", "2026-03-04", "2026-03-09", "2026-03-11", "2026-03-16")],
      ["Actual Start", five("2026-03-02", "2026-03-05", "2026-03-10", "", "")],
      ["Deadline", five("2026-03-03", "2026-03-10", "2026-03-12", "2026-03-13", "2026-03-17")],
      ["Status", five("Done", "Doing", "Doing", "Wait", "Wait")],
      ["Created by", five("eve", "eve", "eve", "eve", "eve")],
      [
        "Created on",
        five("2026-02-26 10:12:30", "2026-02-26 10:14:02", "2026-02-27", "2026-02-27", "2026-02-27"),
      ],
    ]),
    kind: "schedule",
    expect: { task: "E", owner: "H", planStart: "L", actualStart: "M", planEnd: "N" },
  },
  {
    name: "ZenTao work summary report",
    wb: columns("工作汇总", [
      ["完成者", five("陈一", "陈一", "林二", "林二", "王三")],
      ["编号", five(101, 106, 102, 107, 103)],
      ["任务名称", five("审批流设计", "表单校验", "审批流开发", "导出Excel", "月报接口")],
      ["优先级", five(1, 2, 2, 3, 2)],
      ["预计开始", five("2026-03-02", "2026-03-04", "2026-03-04", "2026-03-09", "2026-03-09")],
      ["实际开始", five("2026-03-02", "2026-03-04", "2026-03-05", "2026-03-09", "2026-03-10")],
      ["截止日期", five("2026-03-03", "2026-03-05", "2026-03-10", "2026-03-11", "2026-03-12")],
      ["完成时间", five("2026-03-03", "2026-03-06", "2026-03-11", "2026-03-11", "2026-03-12")],
      ["延期(天)", five(0, 1, 1, 0, 0)],
      ["最初预计", five(8, 6, 24, 8, 16)],
      ["总消耗", five(9, 7, 26, 8, 15)],
      ["任务状态", five("已完成", "已完成", "已完成", "已完成", "已完成")],
    ]),
    kind: "schedule",
    expect: { task: "C", planStart: "E", actualStart: "F", planEnd: "G" },
  },
  {
    name: "TAPD task export",
    wb: columns("任务", [
      ["ID", five(1001, 1002, 1003, 1004, 1005)],
      ["标题", five("登录页改版", "短信验证码", "订单列表分页", "订单导出", "压测")],
      ["状态", five("已完成", "进行中", "进行中", "未开始", "未开始")],
      ["当前处理人", five("陈一;", "林二;", "王三;", "王三;", "赵四;")],
      ["预计开始", five("2026-03-02", "2026-03-03", "2026-03-09", "2026-03-12", "2026-03-16")],
      ["预计结束", five("2026-03-04", "2026-03-06", "2026-03-11", "2026-03-13", "2026-03-18")],
      ["迭代", five("迭代3", "迭代3", "迭代3", "迭代4", "迭代4")],
      ["优先级", five("高", "中", "中", "低", "中")],
      ["进度", five("100%", "60%", "30%", "0%", "0%")],
      ["预估工时", five(16, 24, 16, 8, 16)],
      ["完成工时", five(16, 14, 5, 0, 0)],
      ["剩余工时", five(0, 10, 11, 8, 16)],
      ["创建人", five("周五", "周五", "周五", "周五", "周五")],
      [
        "创建时间",
        five(
          "2026-02-25 09:30:12",
          "2026-02-25 09:31:40",
          "2026-02-26 14:02:00",
          "2026-02-26 14:05:33",
          "2026-02-27 11:00:00",
        ),
      ],
    ]),
    kind: "schedule",
    expect: { task: "B", owner: "D", planStart: "E", planEnd: "F" },
  },
  {
    name: "CodeArts work item export",
    wb: columns("工作项", [
      ["编号", five(3301, 3302, 3303, 3304, 3305)],
      ["标题", five("接口鉴权", "限流配置", "日志采集", "告警规则", "灰度发布")],
      ["工作项类型", five("Task", "Task", "Task", "Task", "Task")],
      ["状态", five("已关闭", "进行中", "进行中", "新建", "新建")],
      ["处理人", five("陈一", "林二", "王三", "王三", "赵四")],
      ["预计开始日期", five("2026/03/02", "2026/03/04", "2026/03/09", "2026/03/11", "2026/03/16")],
      ["预计结束日期", five("2026/03/03", "2026/03/06", "2026/03/10", "2026/03/13", "2026/03/18")],
      ["优先级", five("高", "中", "中", "低", "中")],
      ["完成度", five(100, 50, 20, 0, 0)],
      ["预计工时", five(8, 16, 8, 16, 24)],
      ["实际工时", five(8, 9, 2, 0, 0)],
    ]),
    kind: "schedule",
    expect: { task: "B", owner: "E", planStart: "F", planEnd: "G" },
  },
  {
    name: "kim-gantt task list",
    wb: columns("任务列表", [
      ["所属项目", five("会员中心", "会员中心", "会员中心", "积分商城", "积分商城")],
      ["子任务", five("会员等级接口", "等级页面", "升级通知", "商品列表", "兑换下单")],
      ["需求", five("会员等级", "会员等级", "会员等级", "积分兑换", "积分兑换")],
      ["优先级", five("P0", "P1", "P2", "P0", "P0")],
      ["负责人", five("陈一", "林二", "陈一", "王三", "赵四")],
      ["开发工期", five("3天", "2天", "1天", "4天", "3天")],
      ["开始时间", five("2026-03-02", "2026-03-05", "2026-03-09", "2026-03-02", "2026-03-06")],
      ["提测时间", five("2026-03-05", "2026-03-09", "2026-03-10", "2026-03-06", "2026-03-11")],
      ["预计上线时间", five("2026-03-12", "2026-03-12", "2026-03-12", "2026-03-13", "2026-03-13")],
    ]),
    kind: "schedule",
    expect: { task: "B", owner: "E", duration: "F", planStart: "G", planEnd: "I" },
  },
  {
    name: "a Chinese task export (ID | 标题 | … | 负责人 | 截止时间)",
    wb: columns("任务导出", [
      ["ID", five("T-0001", "T-0002", "T-0003", "T-0004", "T-0005")],
      ["标题", five("整理招标文件", "供应商比价", "合同评审", "用印申请", "归档")],
      ["项目", five("机房改造", "机房改造", "机房改造", "机房改造", "机房改造")],
      ["分类", five("采购", "采购", "法务", "行政", "行政")],
      ["状态", five("已完成", "已完成", "处理中", "待处理", "待处理")],
      ["优先级", five("紧急", "普通", "普通", "普通", "较低")],
      ["负责人", five("陈一", "林二", "王三", "赵四", "赵四")],
      ["协作人", five("林二", "", "陈一", "", "")],
      [
        "截止时间",
        five(
          "2026-03-06 18:00",
          "2026-03-10 18:00",
          "2026-03-13 18:00",
          "2026-03-16 12:00",
          "2026-03-20 18:00",
        ),
      ],
      ["完成时间", five("2026-03-06 16:20", "2026-03-11 09:10", "", "", "")],
      [
        "创建时间",
        five(
          "2026-03-02 09:00",
          "2026-03-02 09:05",
          "2026-03-03 10:00",
          "2026-03-03 10:02",
          "2026-03-03 10:03",
        ),
      ],
    ]),
    kind: "schedule",
    expect: { task: "B", owner: "G", planEnd: "I" },
  },
  {
    name: "a shared task table (pingcode)",
    wb: columns("任务", [
      ["任务名称", five("需求调研", "原型设计", "接口开发", "联调", "上线")],
      ["负责人", five("陈一", "林二", "王三", "王三", "赵四")],
      ["开始日期", five("2026/3/2", "2026/3/5", "2026/3/9", "2026/3/16", "2026/3/20")],
      ["截止日期", five("2026/3/4", "2026/3/6", "2026/3/13", "2026/3/19", "2026/3/20")],
      ["状态", five("已完成", "进行中", "未开始", "未开始", "未开始")],
      ["优先级", five("高", "高", "中", "中", "高")],
      ["备注", five("", "", "", "", "")],
    ]),
    kind: "schedule",
    expect: { task: "A", owner: "B", planStart: "C", planEnd: "D" },
  },
  {
    name: "Japanese WBS export (タスクID | 名称 | 担当 | 予定工数 | 予定開始日 …)",
    wb: columns("WBS", [
      ["タスクID", five("1.1", "1.2", "1.3", "2.1", "2.2")],
      ["名称", five("要件定義", "基本設計", "詳細設計", "実装", "結合テスト")],
      ["担当", five("佐藤", "鈴木", "鈴木", "高橋", "田中")],
      ["予定工数", five(3, 5, 5, 10, 5)],
      ["予定開始日", five("2026/3/2", "2026/3/5", "2026/3/12", "2026/3/19", "2026/4/2")],
      ["予定終了日", five("2026/3/4", "2026/3/11", "2026/3/18", "2026/4/1", "2026/4/8")],
      ["実績開始日", five("2026/3/2", "2026/3/5", "", "", "")],
      ["実績終了日", five("2026/3/4", "", "", "", "")],
      ["進捗率", five("100%", "60%", "0%", "0%", "0%")],
      ["稼働予定日数", five(3, 5, 5, 10, 5)],
      ["PV", five(3, 5, 0, 0, 0)],
      ["EV", five(3, 3, 0, 0, 0)],
      ["SPI", five(1, 0.6, "", "", "")],
      ["遅延日数", five(0, 2, 0, 0, 0)],
      ["備考", five("", "", "", "", "")],
    ]),
    kind: "schedule",
    expect: { task: "B", owner: "C", planStart: "E", planEnd: "F", actualStart: "G", actualEnd: "H" },
  },
  {
    name: "Japanese WBS template (作業名 | 担当者 | 開始日(予定) | 終了日(予定) | 開始日(実績) …)",
    wb: columns("WBS", [
      ["No", five(1, 2, 3, 4, 5)],
      ["カテゴリ", five("企画", "企画", "設計", "設計", "開発")],
      ["作業名", five("現状調査", "企画書作成", "画面設計", "DB設計", "画面実装")],
      ["担当者", five("佐藤", "佐藤", "鈴木", "高橋", "鈴木")],
      [
        "開始日(予定)",
        five(d("2026-03-02"), d("2026-03-05"), d("2026-03-09"), d("2026-03-09"), d("2026-03-16")),
      ],
      [
        "終了日(予定)",
        five(d("2026-03-04"), d("2026-03-06"), d("2026-03-13"), d("2026-03-12"), d("2026-03-27")),
      ],
      ["開始日(実績)", five(d("2026-03-02"), d("2026-03-05"), d("2026-03-10"), null, null)],
      ["終了日(実績)", five(d("2026-03-04"), d("2026-03-09"), null, null, null)],
      ["進捗", five(1, 1, 0.5, 0, 0)],
      ["状況", five("完了", "完了", "作業中", "未着手", "未着手")],
    ]),
    kind: "schedule",
    expect: { task: "C", owner: "D", planStart: "E", planEnd: "F", actualStart: "G", actualEnd: "H" },
  },
  {
    name: "Japanese task list template (タスクID | タスク名 | 担当者 | ステータス | 開始日 | 終了日)",
    wb: columns("タスク管理", [
      ["タスクID", five("T01", "T02", "T03", "T04", "T05")],
      ["タスク名", five("キックオフ", "要件ヒアリング", "見積作成", "提案書作成", "提案")],
      ["担当者", five("佐藤", "鈴木", "高橋", "高橋", "佐藤")],
      ["ステータス", five("完了", "完了", "対応中", "未着手", "未着手")],
      ["開始日", five(d("2026-03-02"), d("2026-03-03"), d("2026-03-06"), d("2026-03-10"), d("2026-03-16"))],
      ["終了日", five(d("2026-03-02"), d("2026-03-05"), d("2026-03-09"), d("2026-03-13"), d("2026-03-16"))],
    ]),
    kind: "schedule",
    expect: { task: "B", owner: "C", planStart: "E", planEnd: "F" },
  },
  {
    name: "Japanese task list (タスク | 担当者 | 開始日 | 期限 | 稼働日 | 完了率)",
    wb: columns("進捗管理", [
      ["タスク", five("資料収集", "骨子作成", "本文執筆", "レビュー", "修正")],
      ["担当者", five("佐藤", "佐藤", "鈴木", "高橋", "鈴木")],
      ["開始日", five(d("2026-03-02"), d("2026-03-04"), d("2026-03-06"), d("2026-03-13"), d("2026-03-17"))],
      ["期限", five(d("2026-03-03"), d("2026-03-05"), d("2026-03-12"), d("2026-03-16"), d("2026-03-18"))],
      ["稼働日", five(2, 2, 5, 2, 2)],
      ["完了率", five(1, 1, 0.4, 0, 0)],
    ]),
    kind: "schedule",
    expect: { task: "A", owner: "B", planStart: "C", planEnd: "D" },
  },
  {
    name: "MS Project table in German (Nr. | PSP-Code | Name | Dauer | Anfang | Ende | Vorgänger | Ressourcenamen)",
    wb: columns("Vorgänge", [
      ["Nr.", five(1, 2, 3, 4, 5)],
      ["PSP-Code", five("1", "1.1", "1.2", "1.3", "1.4")],
      ["Name", five("Umzug", "Angebote einholen", "Spedition beauftragen", "Packen", "Umzugstag")],
      ["Dauer", five("10 Tage", "3 Tage", "1 Tag", "5 Tage", "1 Tag")],
      ["Anfang", five(d("2026-03-02"), d("2026-03-02"), d("2026-03-05"), d("2026-03-06"), d("2026-03-13"))],
      ["Ende", five(d("2026-03-13"), d("2026-03-04"), d("2026-03-05"), d("2026-03-12"), d("2026-03-13"))],
      ["Vorgänger", five("", "", "2", "3", "4")],
      ["Ressourcenamen", five("", "Anna", "Anna", "Ben;Carla", "Ben")],
      ["% Abgeschlossen", five("20%", "100%", "0%", "0%", "0%")],
    ]),
    kind: "schedule",
    expect: { task: "C", duration: "D", planStart: "E", planEnd: "F", predecessors: "G", owner: "H" },
  },
  {
    name: "MS Project table in French (Nom | Durée | Début | Fin | Prédécesseurs | Noms Ressources)",
    wb: columns("Tâches", [
      ["N°", five(1, 2, 3, 4, 5)],
      ["Nom", five("Déménagement", "Devis", "Choix du transporteur", "Cartons", "Jour J")],
      ["Durée", five("10 jours", "3 jours", "1 jour", "5 jours", "1 jour")],
      ["Début", five(d("2026-03-02"), d("2026-03-02"), d("2026-03-05"), d("2026-03-06"), d("2026-03-13"))],
      ["Fin", five(d("2026-03-13"), d("2026-03-04"), d("2026-03-05"), d("2026-03-12"), d("2026-03-13"))],
      ["Prédécesseurs", five("", "", "2", "3", "4")],
      ["Noms Ressources", five("", "Anne", "Anne", "Bruno;Claire", "Bruno")],
      ["% Achevé", five("20%", "100%", "0%", "0%", "0%")],
    ]),
    kind: "schedule",
    expect: { task: "B", duration: "C", planStart: "D", planEnd: "E", predecessors: "F", owner: "G" },
  },
  {
    name: "MS Project table in Russian (Название | Длительность | Начало | Окончание | Предшественники | Имя ресурса)",
    wb: columns("Задачи", [
      ["Ид", five(1, 2, 3, 4, 5)],
      ["Название", five("Переезд", "Сбор предложений", "Выбор перевозчика", "Упаковка", "День переезда")],
      ["Длительность", five("10 дней", "3 дней", "1 день", "5 дней", "1 день")],
      ["Начало", five(d("2026-03-02"), d("2026-03-02"), d("2026-03-05"), d("2026-03-06"), d("2026-03-13"))],
      [
        "Окончание",
        five(d("2026-03-13"), d("2026-03-04"), d("2026-03-05"), d("2026-03-12"), d("2026-03-13")),
      ],
      ["Предшественники", five("", "", "2", "3", "4")],
      ["Имя ресурса", five("", "Анна", "Анна", "Борис;Вера", "Борис")],
      ["% завершено", five("20%", "100%", "0%", "0%", "0%")],
    ]),
    kind: "schedule",
    expect: { task: "B", duration: "C", planStart: "D", planEnd: "E", predecessors: "F", owner: "G" },
  },
  {
    name: "MS Project table in Spanish (Nombre | Duración | Comienzo | Fin | Predecesoras | Nombres de Recursos)",
    wb: columns("Tareas", [
      ["Id", five(1, 2, 3, 4, 5)],
      ["Nombre", five("Mudanza", "Presupuestos", "Elegir transportista", "Embalar", "Día de mudanza")],
      ["Duración", five("10 días", "3 días", "1 día", "5 días", "1 día")],
      ["Comienzo", five(d("2026-03-02"), d("2026-03-02"), d("2026-03-05"), d("2026-03-06"), d("2026-03-13"))],
      ["Fin", five(d("2026-03-13"), d("2026-03-04"), d("2026-03-05"), d("2026-03-12"), d("2026-03-13"))],
      ["Predecesoras", five("", "", "2", "3", "4")],
      ["Nombres de Recursos", five("", "Ana", "Ana", "Beto;Carla", "Beto")],
      ["% Completado", five("20%", "100%", "0%", "0%", "0%")],
    ]),
    kind: "schedule",
    expect: { task: "B", duration: "C", planStart: "D", planEnd: "E", predecessors: "F", owner: "G" },
  },
  {
    name: "Taskworld project CSV in German (Aufgabe | Zugewiesen an | Startdatum | Fälligkeitsdatum)",
    wb: columns("Projektimport", [
      ["Projekt", five("Messe 2026", "Messe 2026", "Messe 2026", "Messe 2026", "Messe 2026")],
      ["Aufgabenliste", five("Planung", "Planung", "Material", "Material", "Vor Ort")],
      ["Aufgabe", five("Stand buchen", "Budget freigeben", "Flyer drucken", "Banner bestellen", "Aufbau")],
      ["Beschreibung", five("", "", "2000 Stück", "", "")],
      [
        "Zugewiesen an",
        five("anna@firma.de", "ben@firma.de", "carla@firma.de", "carla@firma.de", "ben@firma.de"),
      ],
      ["Follower", five("", "anna@firma.de", "", "", "")],
      ["Erstellungsdatum", five("2026-02-20", "2026-02-20", "2026-02-21", "2026-02-21", "2026-02-21")],
      ["Abschlussdatum", five("2026-03-03", "", "", "", "")],
      ["Startdatum", five("2026-03-02", "2026-03-04", "2026-03-09", "2026-03-09", "2026-03-23")],
      ["Fälligkeitsdatum", five("2026-03-03", "2026-03-06", "2026-03-13", "2026-03-16", "2026-03-24")],
      ["Tags", five("", "", "", "", "")],
      ["Status", five("", "", "", "", "")],
      ["Punkte", five(1, 2, 3, 2, 5)],
    ]),
    kind: "schedule",
    expect: { task: "C", owner: "E", planStart: "I", planEnd: "J" },
  },
  {
    name: "Taskworld project CSV in English (Task | Assigned To | Start Date | Due Date)",
    wb: columns("Project import", [
      ["Project", five("Expo 2026", "Expo 2026", "Expo 2026", "Expo 2026", "Expo 2026")],
      ["Tasklist", five("Planning", "Planning", "Material", "Material", "On site")],
      ["Task", five("Book the booth", "Approve budget", "Print flyers", "Order banner", "Set up")],
      ["Description", five("", "", "2000 pcs", "", "")],
      ["Assigned To", five("ann@corp.com", "bo@corp.com", "cy@corp.com", "cy@corp.com", "bo@corp.com")],
      ["Followers", five("", "ann@corp.com", "", "", "")],
      ["Creation Date", five("2026-02-20", "2026-02-20", "2026-02-21", "2026-02-21", "2026-02-21")],
      ["Completion Date", five("2026-03-03", "", "", "", "")],
      ["Start Date", five("2026-03-02", "2026-03-04", "2026-03-09", "2026-03-09", "2026-03-23")],
      ["Due Date", five("2026-03-03", "2026-03-06", "2026-03-13", "2026-03-16", "2026-03-24")],
      ["Tags", five("", "", "", "", "")],
      ["Status", five("", "", "", "", "")],
      ["Points", five(1, 2, 3, 2, 5)],
    ]),
    kind: "schedule",
    expect: { task: "C", owner: "E", planStart: "I", planEnd: "J" },
  },
  {
    name: "Asana project CSV export",
    wb: columns("Asana", [
      ["Task ID", five("1203001", "1203002", "1203003", "1203004", "1203005")],
      ["Created At", five("2026-02-20", "2026-02-20", "2026-02-21", "2026-02-21", "2026-02-22")],
      ["Completed At", five("2026-03-04", "", "", "", "")],
      ["Last Modified", five("2026-03-04", "2026-03-05", "2026-02-21", "2026-02-21", "2026-02-22")],
      ["Name", five("Write brief", "Design mockups", "Review mockups", "Build landing page", "Launch")],
      ["Section/Column", five("Plan", "Design", "Design", "Build", "Launch")],
      ["Assignee", five("Ann Lee", "Bo Chen", "Ann Lee", "Cy Park", "Ann Lee")],
      ["Assignee Email", five("ann@corp.com", "bo@corp.com", "ann@corp.com", "cy@corp.com", "ann@corp.com")],
      ["Start Date", five("2026-03-02", "2026-03-05", "2026-03-11", "2026-03-13", "")],
      ["Due Date", five("2026-03-04", "2026-03-10", "2026-03-12", "2026-03-24", "2026-03-25")],
      ["Tags", five("", "", "", "", "")],
      ["Notes", five("", "", "", "", "")],
      [
        "Projects",
        five("Spring campaign", "Spring campaign", "Spring campaign", "Spring campaign", "Spring campaign"),
      ],
    ]),
    kind: "schedule",
    expect: { task: "E", owner: "G", planStart: "I", planEnd: "J" },
  },
  {
    name: "Primavera P6 activities (Activity ID | Activity Name | Original Duration | Start | Finish)",
    wb: columns("TASK", [
      ["Activity ID", five("A1000", "A1010", "A1020", "A1030", "A1040")],
      ["Activity Name", five("Mobilise", "Excavation", "Foundations", "Frame", "Roof")],
      ["Activity Status", five("Completed", "In Progress", "Not Started", "Not Started", "Not Started")],
      ["WBS Code", five("PRJ.1", "PRJ.2", "PRJ.2", "PRJ.3", "PRJ.3")],
      ["Original Duration", five(3, 5, 10, 15, 5)],
      ["Start", five(d("2026-03-02"), d("2026-03-05"), d("2026-03-12"), d("2026-03-26"), d("2026-04-16"))],
      ["Finish", five(d("2026-03-04"), d("2026-03-11"), d("2026-03-25"), d("2026-04-15"), d("2026-04-22"))],
      ["Activity % Complete", five("100%", "40%", "0%", "0%", "0%")],
    ]),
    kind: "schedule",
    expect: { wbs: "A", task: "B", duration: "E", planStart: "F", planEnd: "G", progress: "H" },
  },
  {
    name: "Smartsheet project sheet (Task Name | Start Date | End Date | Duration | Assigned To)",
    wb: columns("Project Plan", [
      ["Task Name", five("Kick-off", "Requirements", "Design", "Build", "Go live")],
      [
        "Start Date",
        five(d("2026-03-02"), d("2026-03-03"), d("2026-03-10"), d("2026-03-17"), d("2026-04-07")),
      ],
      ["End Date", five(d("2026-03-02"), d("2026-03-09"), d("2026-03-16"), d("2026-04-06"), d("2026-04-07"))],
      ["Duration", five("1d", "5d", "5d", "15d", "1d")],
      ["% Complete", five(1, 0.6, 0, 0, 0)],
      ["Predecessors", five("", "1", "2", "3", "4")],
      ["Assigned To", five("ann@corp.com", "bo@corp.com", "cy@corp.com", "cy@corp.com", "ann@corp.com")],
      ["Status", five("Complete", "In Progress", "Not Started", "Not Started", "Not Started")],
      ["Comments", five("", "", "", "", "")],
    ]),
    kind: "schedule",
    expect: { task: "A", planStart: "B", planEnd: "C", duration: "D", owner: "G" },
  },
  {
    name: "a WBS import template (Task serial number | Task Name | Forecast start | Forecast Finish)",
    wb: columns("WBS", [
      ["Task serial number", five(1, 2, 3, 4, 5)],
      ["Task Name", five("Site survey", "Design", "Procurement", "Installation", "Handover")],
      ["Task Genealogy", five("Civil", "Civil", "Supply", "Civil", "Close")],
      [
        "Forecast start",
        five(d("2026-03-02"), d("2026-03-05"), d("2026-03-12"), d("2026-03-23"), d("2026-04-06")),
      ],
      [
        "Forecast Finish",
        five(d("2026-03-04"), d("2026-03-11"), d("2026-03-20"), d("2026-04-03"), d("2026-04-06")),
      ],
    ]),
    kind: "schedule",
    expect: { task: "B", planStart: "D", planEnd: "E" },
  },
  {
    name: "an Indonesian plan (Kegiatan | Penanggung Jawab | Tanggal Mulai | Tanggal Selesai | Durasi)",
    wb: columns("Jadwal", [
      ["No", five(1, 2, 3, 4, 5)],
      ["Kegiatan", five("Survei lokasi", "Desain", "Pengadaan", "Pemasangan", "Serah terima")],
      ["Penanggung Jawab", five("Budi", "Sari", "Andi", "Budi", "Sari")],
      [
        "Tanggal Mulai",
        five(d("2026-03-02"), d("2026-03-05"), d("2026-03-12"), d("2026-03-23"), d("2026-04-06")),
      ],
      [
        "Tanggal Selesai",
        five(d("2026-03-04"), d("2026-03-11"), d("2026-03-20"), d("2026-04-03"), d("2026-04-06")),
      ],
      ["Durasi (hari)", five(3, 5, 7, 10, 1)],
      ["Status", five("Selesai", "Berjalan", "Belum", "Belum", "Belum")],
    ]),
    kind: "schedule",
    expect: { task: "B", owner: "C", planStart: "D", planEnd: "E", duration: "F" },
  },
  {
    name: "a Thai plan (กิจกรรม | ผู้รับผิดชอบ | วันที่เริ่ม | วันที่สิ้นสุด | ระยะเวลา)",
    wb: columns("แผนงาน", [
      ["ลำดับ", five(1, 2, 3, 4, 5)],
      ["กิจกรรม", five("สำรวจพื้นที่", "ออกแบบ", "จัดซื้อ", "ติดตั้ง", "ส่งมอบงาน")],
      ["ผู้รับผิดชอบ", five("สมชาย", "สุดา", "อนันต์", "สมชาย", "สุดา")],
      ["วันที่เริ่ม", five(d("2026-03-02"), d("2026-03-05"), d("2026-03-12"), d("2026-03-23"), d("2026-04-06"))],
      ["วันที่สิ้นสุด", five(d("2026-03-04"), d("2026-03-11"), d("2026-03-20"), d("2026-04-03"), d("2026-04-06"))],
      ["ระยะเวลา (วัน)", five(3, 5, 7, 10, 1)],
    ]),
    kind: "schedule",
    expect: { task: "B", owner: "C", planStart: "D", planEnd: "E", duration: "F" },
  },
];

const contracts: Case[] = [
  {
    name: "a CRM's monthly sales table (合同id | 合同名字 | 合同金额 | 合同时间 …)",
    wb: columns("月销售表", [
      ["合同id", five("HT2026-001", "HT2026-002", "HT2026-003", "HT2026-004", "HT2026-005")],
      ["合同名字", five("门禁系统供货", "监控维保", "机房布线", "会议系统", "网络改造")],
      ["合同金额", five(128000, 36000, 86500, 240000, 158000)],
      ["合同时间", five("2026-01-05", "2026-01-12", "2026-01-20", "2026-01-26", "2026-01-30")],
      ["采购费用", five(80000, 6000, 42000, 150000, 90000)],
      ["报销金额", five(1200, 300, 800, 2500, 1600)],
      ["合同开票金额", five(128000, 18000, 0, 120000, 0)],
      ["税金", five(16640, 2340, 0, 15600, 0)],
      ["应收账款", five(0, 18000, 86500, 120000, 158000)],
      ["逾期应收账款", five(0, 0, 0, 60000, 0)],
    ]),
    kind: "contracts",
    expect: { contractNo: "A", contractName: "B", amount: "C", signDate: "D" },
  },
  {
    name: "a contract table (合同编号 | 客户编号 | 公司名称 | 合同类型 | 总金额 | 生效时间)",
    wb: columns("合同", [
      ["合同编号", five("C-2026-0101", "C-2026-0102", "C-2026-0103", "C-2026-0104", "C-2026-0105")],
      ["客户编号", five("K0012", "K0031", "K0012", "K0045", "K0050")],
      [
        "公司名称",
        five(
          "青禾商贸有限公司",
          "远帆物流有限公司",
          "青禾商贸有限公司",
          "北辰电子有限公司",
          "南山食品有限公司",
        ),
      ],
      ["合同类型", five("销售", "服务", "销售", "销售", "服务")],
      ["总金额", five(56000, 12000, 23800, 98000, 15000)],
      [
        "生效时间",
        five(
          "2026-01-06 00:00:00",
          "2026-01-15 00:00:00",
          "2026-02-02 00:00:00",
          "2026-02-10 00:00:00",
          "2026-02-18 00:00:00",
        ),
      ],
    ]),
    kind: "contracts",
    expect: { contractNo: "A", contractType: "D", amount: "E", termStart: "F" },
  },
  {
    name: "an enterprise contract system's ledger (合同编号 | 合同分类 | 签订合同日期 | 对方单位名称 | 合同生效日期 …)",
    wb: columns("合同台账", [
      ["单据号", five("HTDJ0001", "HTDJ0002", "HTDJ0003", "HTDJ0004", "HTDJ0005")],
      ["合同编号", five("CG-2026-011", "XS-2026-004", "CG-2026-012", "XS-2026-005", "CG-2026-013")],
      ["合同名称", five("办公家具采购", "软件实施服务", "服务器采购", "运维服务", "网络设备采购")],
      ["合同分类", five("采购合同", "销售合同", "采购合同", "销售合同", "采购合同")],
      ["购销类别", five("采购", "销售", "采购", "销售", "采购")],
      ["签订合同日期", five("2026-01-08", "2026-01-15", "2026-02-03", "2026-02-10", "2026-02-24")],
      [
        "对方单位名称",
        five(
          "明远家具有限公司",
          "华信制造有限公司",
          "博联科技有限公司",
          "东湖物流有限公司",
          "新联网络有限公司",
        ),
      ],
      ["合同生效日期", five("2026-01-08", "2026-01-15", "2026-02-03", "2026-02-10", "2026-02-24")],
      ["合同终止日期", five("2026-12-31", "2026-12-31", "2027-02-02", "2027-02-09", "2026-12-31")],
      ["付款方式", five("银行转账", "银行转账", "银行承兑", "银行转账", "银行转账")],
      ["合同金额", five(86000, 320000, 145000, 96000, 58000)],
      ["合同状态", five("执行中", "执行中", "执行中", "已签订", "已签订")],
      ["备注", five("", "", "", "", "")],
    ]),
    kind: "contracts",
    expect: {
      contractNo: "B",
      contractName: "C",
      contractType: "D",
      signDate: "F",
      customer: "G",
      termStart: "H",
      termEnd: "I",
      amount: "K",
    },
  },
  {
    name: "a Vietnamese contract list (Số hợp đồng | Tên hợp đồng | Khách hàng | Giá trị (VNĐ))",
    wb: columns("Hợp đồng", [
      ["STT", five(1, 2, 3, 4, 5)],
      ["Số hợp đồng", five("01/2026/HĐKT", "02/2026/HĐKT", "03/2026/HĐDV", "04/2026/HĐKT", "05/2026/HĐDV")],
      [
        "Tên hợp đồng",
        five("Cung cấp máy chủ", "Lắp đặt mạng", "Bảo trì hệ thống", "Cung cấp phần mềm", "Đào tạo"),
      ],
      ["Nội dung", five("", "", "12 tháng", "", "3 buổi")],
      [
        "Khách hàng",
        five(
          "Công ty An Phát",
          "Công ty Bình Minh",
          "Công ty An Phát",
          "Công ty Hòa Bình",
          "Công ty Sao Mai",
        ),
      ],
      ["Loại hợp đồng", five("Kinh tế", "Kinh tế", "Dịch vụ", "Kinh tế", "Dịch vụ")],
      ["Giá trị (VNĐ)", five(450000000, 120000000, 60000000, 300000000, 45000000)],
    ]),
    kind: "contracts",
    expect: { contractNo: "B", contractName: "C", customer: "E", contractType: "F", amount: "G" },
  },
];

const issueLists: Case[] = [
  {
    name: "GitLab issues CSV (Issue ID | Title | State | Assignee | Due Date | Closed At (UTC))",
    wb: columns("issues", [
      ["Issue ID", five(41, 42, 43, 44, 45, 46)],
      [
        "URL",
        five(...[41, 42, 43, 44, 45, 46].map((n) => `https://gitlab.example.com/web/shop/-/issues/${n}`)),
      ],
      [
        "Title",
        five(
          "Checkout fails on Safari",
          "Add coupon field",
          "Slow product search",
          "Typo on footer",
          "Export orders",
          "Dark mode",
        ),
      ],
      ["State", five("closed", "opened", "opened", "closed", "opened", "opened")],
      ["Description", five("", "", "", "", "", "")],
      ["Author", five("Ann Lee", "Bo Chen", "Ann Lee", "Cy Park", "Bo Chen", "Cy Park")],
      ["Author Username", five("ann", "bo", "ann", "cy", "bo", "cy")],
      ["Assignee", five("Bo Chen", "Cy Park", "Bo Chen", "Ann Lee", "", "")],
      ["Assignee Username", five("bo", "cy", "bo", "ann", "", "")],
      ["Confidential", five("No", "No", "No", "No", "No", "No")],
      ["Locked", five("No", "No", "No", "No", "No", "No")],
      ["Due Date", five("2026-03-06", "2026-03-13", "2026-03-20", "", "2026-04-03", "")],
      [
        "Created At (UTC)",
        five(
          "2026-02-20 10:12:30",
          "2026-02-21 09:00:01",
          "2026-02-23 14:30:00",
          "2026-02-24 08:15:44",
          "2026-02-25 16:20:10",
          "2026-02-26 11:11:11",
        ),
      ],
      [
        "Updated At (UTC)",
        five(
          "2026-03-05 17:00:00",
          "2026-03-02 10:00:00",
          "2026-03-03 09:30:00",
          "2026-02-24 09:00:00",
          "2026-02-25 16:20:10",
          "2026-02-26 11:11:11",
        ),
      ],
      ["Closed At (UTC)", five("2026-03-05 17:00:00", "", "", "2026-02-24 09:00:00", "", "")],
      ["Milestone", five("v2.3", "v2.3", "v2.4", "", "v2.4", "")],
      ["Weight", five(3, 2, 5, 1, 3, "")],
      ["Labels", five("bug", "feature", "performance", "bug", "feature", "feature")],
      ["Time Estimate", five(28800, 14400, 57600, 0, 28800, 0)],
      ["Time Spent", five(25200, 3600, 0, 900, 0, 0)],
    ]),
    kind: "issues",
    expect: {
      issueId: "A",
      issue: "C",
      status: "D",
      owner: "H",
      issueDue: "L",
      raisedDate: "M",
      resolvedDate: "O",
    },
  },
];

describe("plans as office systems export them", () => {
  test.each(plans.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const t = only(c.wb);
    expect(t.kind).toBe(c.kind);
    expect(letters(t)).toMatchObject(c.expect);
  });
});

describe("contract lists as office systems export them", () => {
  test.each(contracts.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const t = only(c.wb);
    expect(t.kind).toBe(c.kind);
    expect(letters(t)).toMatchObject(c.expect);
  });
});

describe("what a check of these exports reports", () => {
  const byName = (prefix: string) => plans.find((c) => c.name.startsWith(prefix))!.wb;
  const errors = (wb: ReturnType<typeof workbook>) =>
    check(wb, "2026-03-20").findings.filter((f) => f.severity === "error");

  test.each([
    "MS Project table in German",
    "MS Project table in French",
    "MS Project table in Russian",
    "MS Project table in Spanish",
  ])(
    "%s: durations written in its language (10 Tage, 1 jour, 5 дней, 3 días) are days, no invalid number",
    (name) => {
      expect(errors(byName(name)).filter((f) => f.rule === "cell.number-invalid")).toEqual([]);
    },
  );

  test("Primavera: Activity ID keys each activity; the WBS Code it shares with its siblings is no duplicate", () => {
    expect(errors(byName("Primavera P6")).map((f) => f.rule)).toEqual(["schedule.overdue"]);
  });
});

describe("an issue tracker's export is its 问题清单", () => {
  test.each(issueLists.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const t = only(c.wb);
    expect(t.kind).toBe(c.kind);
    expect(letters(t)).toMatchObject(c.expect);
  });

  test("a library's loans (Title | Borrower | Due Date) are no issue list and no plan", () => {
    const { tables } = recognise(
      columns("Loans", [
        ["Title", five("Dune", "Emma", "Ulysses", "Beloved", "Middlemarch")],
        ["Author", five("Herbert", "Austen", "Joyce", "Morrison", "Eliot")],
        ["Borrower", five("Ann Lee", "Bo Chen", "Cy Park", "Ann Lee", "Dee Roy")],
        ["Due Date", five("2026-03-06", "2026-03-09", "2026-03-13", "2026-03-16", "2026-03-20")],
        ["Returned", five("2026-03-05", "", "", "", "")],
      ]),
    );
    expect(tables).toEqual([]);
  });
});

describe("exports that hold no plan and no contract", () => {
  test("equipment assigned out (Name | Assigned To | Start Date | End Date) is no plan", () => {
    const { tables } = recognise(
      columns("Equipment", [
        ["Name", five("Laptop 14", "Laptop 15", "Projector A", "Camera 2", "Tablet 7")],
        ["Serial No", five("LT-0014", "LT-0015", "PJ-0001", "CM-0002", "TB-0007")],
        ["Assigned To", five("Ann Lee", "Bo Chen", "Cy Park", "Dee Roy", "Eve Wu")],
        ["Start Date", five("2026-01-05", "2026-01-12", "2026-02-02", "2026-02-09", "2026-03-02")],
        ["End Date", five("2026-12-31", "2026-06-30", "2026-02-06", "2026-02-13", "2026-09-30")],
      ]),
    );
    expect(tables).toEqual([]);
  });

  test("a ZenTao team table (用户 | 角色 | 可用工日 | 可用工时/天 …) stays unrecognised", () => {
    const { tables } = recognise(
      columns("团队", [
        ["用户", five("陈一", "林二", "王三", "赵四", "周五")],
        ["角色", five("研发", "研发", "测试", "产品", "项目经理")],
        ["可用工日", five(20, 20, 18, 20, 15)],
        ["可用工时/天", five(7, 7, 7, 6, 4)],
        ["总计消耗", five(96, 120, 60, 40, 20)],
        ["预计剩余", five(24, 16, 30, 10, 0)],
        ["最初预计", five(110, 130, 88, 48, 20)],
        ["总计可用", five(140, 140, 126, 120, 60)],
        ["任务数", five(12, 15, 9, 4, 2)],
      ]),
    );
    expect(tables).toEqual([]);
  });

  test("an Asana export whose tasks carry no start or due date is no plan", () => {
    const { tables } = recognise(
      columns("Asana", [
        ["Task ID", five("1204001", "1204002", "1204003", "1204004", "1204005")],
        ["Created At", five("2026-02-20", "2026-02-20", "2026-02-21", "2026-02-21", "2026-02-22")],
        ["Completed At", five("2026-03-04", "", "2026-03-02", "", "")],
        ["Last Modified", five("2026-03-04", "2026-03-05", "2026-03-02", "2026-02-21", "2026-02-22")],
        ["Name", five("Buy milk", "Call plumber", "Book flights", "Renew passport", "Pay rent")],
        ["Section/Column", five("To do", "To do", "Done", "To do", "To do")],
        ["Assignee", five("Ann Lee", "Ann Lee", "Ann Lee", "Ann Lee", "Ann Lee")],
        [
          "Assignee Email",
          five("ann@corp.com", "ann@corp.com", "ann@corp.com", "ann@corp.com", "ann@corp.com"),
        ],
        ["Start Date", five("", "", "", "", "")],
        ["Due Date", five("", "", "", "", "")],
        ["Tags", five("", "", "", "", "")],
        ["Notes", five("", "", "", "", "")],
      ]),
    );
    expect(tables).toEqual([]);
  });
});
