/** Words of the task pane, zh-CN (default) and en-US. Rule messages come from messages.ts. */

import type { Kind } from "../core/kinds";
import type { Lang } from "../core/settings";
import type { Stage } from "../app/apply";

const zh = {
  title: "项目跟踪",
  tabs: { structure: "结构", check: "校验", overdue: "逾期", notices: "通知", settings: "设置" },
  kinds: { schedule: "进度计划表", contracts: "合同执行情况表", payments: "收款计划表" } as Record<
    Kind,
    string
  >,
  stages: {
    read: "正在读取工作簿…",
    check: "正在校验…",
    plan: "正在计划更改…",
    write: "正在写入工作簿…",
    load: "正在加载…",
  } as Record<Stage | "load", string>,
  web: {
    open: "打开工作簿（.xlsx）",
    hint: "网页模式：打开一个 .xlsx 工作簿，校验、应用或生成通知后下载结果。文件只在本机浏览器中处理。",
    opened: (name: string) => `已打开：${name}`,
    download: (name: string) => `下载 ${name}`,
  },
  office: {
    noHost: "请在 Excel 中打开此加载项。",
    noHostDetail: "未检测到 Excel：Office 主机不可用。",
  },
  needWorkbook: "请先打开一个工作簿。",
  actions: { check: "校验", apply: "应用", notices: "生成通知", clear: "清除标记" },
  applyHint: "应用：建立表格、数字格式和数据验证，标记错误单元格和逾期行，写入校验报告。",
  applied: (ops: number) => `已应用 ${ops} 项更改。`,
  structure: {
    empty: "尚未识别到表格。点击「校验」读取工作簿。",
    sheet: "工作表",
    kind: "类型",
    headerRow: "表头行",
    dataRows: "数据行",
    rows: (first: number, last: number) =>
      last >= first ? `${first}–${last}（${last - first + 1} 行）` : "无",
    mapping: "列对应",
    field: "字段",
    column: "列",
    unmapped: "未对应的列",
    none: "无",
  },
  check: {
    none: "没有发现问题。",
    notRun: "点击「校验」检查工作簿。",
    summary: (e: number, w: number, i: number) => `错误 ${e} · 警告 ${w} · 提示 ${i}`,
    severity: { error: "错误", warning: "警告", info: "提示" },
    asOf: (d: string) => `校验日期：${d}`,
    goTo: (ref: string) => `定位到 ${ref}`,
  },
  overdue: {
    tasks: "逾期任务",
    deliveries: "逾期交货",
    payments: "逾期收款",
    dueSoon: "即将到期",
    asOf: (d: string) => `截至 ${d}`,
    notRun: "点击「校验」计算逾期情况。",
  },
  notices: {
    none: "没有需要生成的通知。",
    notRun: "点击「校验」查看计划生成的通知。",
    type: "类型",
    where: "位置",
    planned: (n: number) => `计划生成 ${n} 份通知。`,
    all: "全选",
    nothing: "全不选",
    more: (n: number) => `还有 ${n} 条未在此列出，随「全选」「全不选」一起选中或取消。`,
    generate: (n: number) => `生成所选通知（${n}）`,
  },
  settings: {
    asOf: "校验日期",
    asOfHint: "留空则使用工作簿「设置」中的校验日期，否则使用今天（北京时间）。",
    lang: "语言",
    user: "显示名称",
    userHint: "写入操作日志和通知台账。",
    params: "参数默认值（只读）",
    saved: "设置保存在本浏览器中。",
    names: {
      dueSoonWorkdays: "即将到期提前（工作日）",
      dueSoonDays: "即将到期着色提前（日历日）",
      noticeWorkdays: "实施通知期限（工作日）",
      reportDays: "催款后书面报告期限（日）",
      changeNoticeDays: "计划调整提前通知（日）",
    } as Record<string, string>,
  },
  error: { title: "出错了", generic: (m: string) => `操作未完成：${m}` },
};

export type PaneWords = typeof zh;

const en: PaneWords = {
  title: "Project Tracker",
  tabs: {
    structure: "Structure",
    check: "Validate",
    overdue: "Overdue",
    notices: "Notices",
    settings: "Settings",
  },
  kinds: { schedule: "Schedule", contracts: "Contracts", payments: "Payment plan" },
  stages: {
    read: "Reading the workbook…",
    check: "Validating…",
    plan: "Planning changes…",
    write: "Writing the workbook…",
    load: "Loading…",
  },
  web: {
    open: "Open workbook (.xlsx)",
    hint: "Web mode: open an .xlsx workbook, validate, apply or generate notices, then download the result. The file never leaves this browser.",
    opened: (name) => `Opened: ${name}`,
    download: (name) => `Download ${name}`,
  },
  office: {
    noHost: "Please open this add-in in Excel.",
    noHostDetail: "Excel was not detected: the Office host is not available.",
  },
  needWorkbook: "Open a workbook first.",
  actions: { check: "Validate", apply: "Apply", notices: "Generate notices", clear: "Clear marks" },
  applyHint:
    "Apply: create tables, number formats and data validation, mark error cells and overdue rows, write the validation report.",
  applied: (ops) => `Applied ${ops} changes.`,
  structure: {
    empty: "No tables recognised yet. Click Validate to read the workbook.",
    sheet: "Sheet",
    kind: "Kind",
    headerRow: "Header row",
    dataRows: "Data rows",
    rows: (first, last) => (last >= first ? `${first}–${last} (${last - first + 1} rows)` : "none"),
    mapping: "Column mapping",
    field: "Field",
    column: "Column",
    unmapped: "Unmapped columns",
    none: "none",
  },
  check: {
    none: "No problems found.",
    notRun: "Click Validate to check the workbook.",
    summary: (e, w, i) => `${e} errors · ${w} warnings · ${i} infos`,
    severity: { error: "Errors", warning: "Warnings", info: "Infos" },
    asOf: (d) => `As of ${d}`,
    goTo: (ref) => `Go to ${ref}`,
  },
  overdue: {
    tasks: "Overdue tasks",
    deliveries: "Overdue deliveries",
    payments: "Overdue payments",
    dueSoon: "Due soon",
    asOf: (d) => `As of ${d}`,
    notRun: "Click Validate to count overdue items.",
  },
  notices: {
    none: "No notices to generate.",
    notRun: "Click Validate to see the planned notices.",
    type: "Type",
    where: "Where",
    planned: (n) => (n === 1 ? "1 notice planned." : `${n} notices planned.`),
    all: "Select all",
    nothing: "Select none",
    more: (n) => `${n} more not listed here; Select all and Select none include them.`,
    generate: (n) => `Generate selected notices (${n})`,
  },
  settings: {
    asOf: "As-of date",
    asOfHint: "Leave empty to use the workbook's 校验日期 on 设置, else today (Beijing time).",
    lang: "Language",
    user: "Display name",
    userHint: "Written to the log and the notice register.",
    params: "Default parameters (read-only)",
    saved: "Settings are kept in this browser.",
    names: {
      dueSoonWorkdays: "Due-soon look-ahead (working days)",
      dueSoonDays: "Due-soon colour look-ahead (days)",
      noticeWorkdays: "Implementation notice deadline (working days)",
      reportDays: "Report after dunning (days)",
      changeNoticeDays: "Plan change notice ahead (days)",
    },
  },
  error: { title: "Something went wrong", generic: (m) => `The operation did not finish: ${m}` },
};

export function paneWords(lang: Lang): PaneWords {
  return lang === "en" ? en : zh;
}
