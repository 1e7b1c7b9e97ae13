/** Words of the task pane, zh-CN (default) and en-US. Rule messages come from messages.ts. */

import { KINDS, kindName, type Kind } from "../core/kinds";
import type { Lang } from "../core/settings";
import type { Stage } from "../app/apply";
import { NOTICE_TYPES } from "../core/notice-types";

/** Each notice type's name, from its module. */
const noticeTypeNames = (lang: Lang): Record<string, string> =>
  Object.fromEntries(NOTICE_TYPES.map((t) => [t.name, lang === "zh" ? t.name : t.en]));

/** A change made to the workbook in the page (web mode), as the download button lists it. */
export type PaneChange =
  | { kind: "apply"; operations: number }
  | { kind: "notices"; n: number }
  | { kind: "settings" }
  | { kind: "baseline"; name: string };

function kindNames(lang: Lang): Record<Kind, string> {
  return Object.fromEntries(KINDS.map((k) => [k, kindName(k, lang)])) as Record<Kind, string>;
}

const zh = {
  title: "项目跟踪",
  tabs: { structure: "结构", check: "校验", overdue: "逾期", notices: "通知", settings: "设置" },
  kinds: kindNames("zh"),
  stages: {
    read: "正在读取工作簿…",
    check: "正在校验…",
    plan: "正在计划更改…",
    write: "正在写入工作簿…",
    send: "正在显示结果…",
    load: "正在加载…",
  } as Record<Stage | "send" | "load", string>,
  web: {
    open: "打开工作簿（.xlsx）",
    hint: "网页模式：打开一个 .xlsx 工作簿，校验、应用或生成通知后下载结果。文件只在本机浏览器中处理。",
    opened: (name: string) => `已打开：${name}`,
    download: (name: string) => `下载 ${name}`,
    unsaved: (changes: PaneChange[]) =>
      `尚未下载的更改：${changes
        .map((c) =>
          c.kind === "apply"
            ? `应用 ${c.operations} 项`
            : c.kind === "notices"
              ? `生成通知 ${c.n} 份`
              : c.kind === "baseline"
                ? `保存基线「${c.name}」`
                : "保存设置",
        )
        .join("、")}。关闭页面或打开其他文件前请先下载。`,
    downloaded: "已下载，之后的更改会再次提示。",
    discard: "当前工作簿有尚未下载的更改，打开其他文件会丢弃这些更改。继续吗？",
  },
  office: {
    noHost: "请在 Excel 中打开此加载项。",
    noHostDetail: "未检测到 Excel：Office 主机不可用。",
  },
  needWorkbook: "请先打开一个工作簿。",
  actions: { check: "校验", apply: "应用", notices: "生成通知", clear: "清除标记", cancel: "取消" },
  cancelled: "已取消，页面保留上次的结果。",
  done: (summary: string) => `校验完成：${summary}`,
  noTable: {
    title: "没有识别到表格",
    detail:
      "工作簿中没有可识别的进度计划表、合同执行情况表或收款计划表，因此没有逾期、通知可算，也不能应用。",
    page: "校验没有识别到表格，这一页没有可显示的内容。原因见上方提示。",
  },
  applyHint: "应用：建立表格、数字格式和数据验证，标记错误单元格和逾期行，写入校验报告。",
  applied: (ops: number) => `已应用 ${ops} 项更改。`,
  noticesWritten: (n: number, created: number, deferred: number) =>
    `已生成通知 ${n} 份（新开 ${created} 份），登记在「通知台账」。` +
    (deferred > 0 ? `另有 ${deferred} 份超过单次上限，再次生成即可继续。` : ""),
  structure: {
    empty: "尚未识别到表格。点击「校验」读取工作簿。",
    noneFound: "校验没有在工作簿中识别到表格，原因见上方提示。",
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
    phases: "阶段",
    phaseList: (phases: Array<{ name: string; start: string; end: string }>, tasks: number) =>
      `${phases.map((p) => `${p.name}（${p.start}–${p.end} 列）`).join("、")}，共 ${tasks} 项任务（每行每阶段一项）`,
    direction: "收付方向",
    payable: "应付（我方付款，不生成催款通知单）",
    contract: "合同",
    contractAt: (key: string, cell: string) => `${key}（读自 ${cell}）`,
    none: "无",
    header: "表头",
    notMapped: "（不对应）",
    manual: "手动",
    editHint: "识别有误时，为列选择正确的字段。手动对应保存在工作簿的「设置」表中，所有协作者共用。",
    save: "保存列对应",
    reset: "恢复自动识别",
    fieldFor: (letter: string, header: string) => `${letter} 列「${header}」对应的字段`,
    twice: (field: string) => `「${field}」对应了不止一列。`,
    declareTitle: "声明表格",
    declareHint:
      "没有识别出的表格，可在此说明：哪一行是表头、从哪一列开始、是哪种表。声明保存在「设置」表中，所有协作者共用；校验后再为各列选择字段。",
    declareAt: "表头第一个单元格（如 Sheet1!A3）",
    declareKind: "表格类型",
    declare: "声明表格",
    declareBad: (v: string) => `「${v}」不是「工作表!单元格」的写法，例如 Sheet1!A3。`,
    declaredList: "已声明的表格",
    undeclare: (at: string) => `取消声明 ${at}`,
  },
  check: {
    none: "没有发现问题。",
    notRun: "点击「校验」检查工作簿。",
    summary: (e: number, w: number, i: number) => `错误 ${e} · 警告 ${w} · 提示 ${i}`,
    severity: { error: "错误", warning: "警告", info: "提示" },
    asOf: (d: string) => `校验日期：${d}`,
    goTo: (ref: string) => `定位到 ${ref}`,
    group: (severity: string, rule: string, n: number) => `${severity} · ${rule}（${n}）`,
    mine: (name: string) => (name ? `我的事项（${name}）` : "我的事项"),
    mineHint: "在「设置」中填写显示名称后，可只看本人为负责人、客服经理或销售经理的事项。",
    search: "搜索",
    more: (n: number) => (n > 0 ? `筛选和排序（已设 ${n} 项）` : "筛选和排序"),
    severityLabel: "严重程度",
    rule: "规则",
    sheet: "工作表",
    person: "负责人/经理",
    contract: "合同编号",
    all: "全部",
    sort: "排序",
    sortPlace: "按位置",
    sortDays: "按逾期天数",
    sortAmount: "按金额",
    shown: (n: number, total: number) => (n === total ? `共 ${total} 条` : `显示 ${n} / ${total} 条`),
    clear: "清除筛选",
    list: "问题列表",
    listHelp: "上下方向键移动，回车定位到单元格或展开分组，左右方向键折叠、展开分组。",
    days: (n: number) => `逾期 ${n} 天`,
    amount: (n: number) =>
      `¥${n.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
  },
  overdue: {
    tasks: "逾期任务",
    deliveries: "逾期交货",
    payments: "逾期收款",
    documents: "逾期文档环节",
    risks: "逾期风险与问题",
    changes: "逾期未批变更",
    dueSoon: "即将到期",
    asOf: (d: string) => `截至 ${d}`,
    notRun: "点击「校验」计算逾期情况。",
    outstanding: (amount: string) => `待收 ${amount}`,
    empty: "没有这类事项。",
    critical: "关键路径",
    criticalSheet: (sheet: string) => `关键路径 · ${sheet}`,
    criticalEnd: (plan: string, forecast: string, slip: number) =>
      slip > 0
        ? `计划完工 ${plan}，按当前进度 ${forecast}，推迟 ${slip} 个工作日`
        : `按当前进度 ${forecast} 完工，与计划一致`,
    criticalLate: "延误",
    criticalMore: (n: number) => `另有 ${n} 个关键任务`,
    criticalDone: "关键路径上的任务都已完成。",
  },
  notices: {
    none: "没有需要生成的通知。",
    notRun: "点击「校验」查看计划生成的通知。",
    type: "类型",
    where: "位置",
    planned: (n: number, issued: number) =>
      issued > 0 ? `共 ${n} 份通知，其中 ${issued} 份已签发。` : `计划生成 ${n} 份通知。`,
    all: "全选",
    nothing: "全不选",
    more: (n: number) => `还有 ${n} 条未在此列出，随「全选」「全不选」一起选中或取消。`,
    generate: (n: number) => `生成所选通知（${n}）`,
    issued: (no: string) => `已签发 ${no}，再次生成不会重发；原因有变时签发更正通知`,
    types: noticeTypeNames("zh"),
    resultTitle: "本次生成",
    notWritten: "未生成（超过单次上限）",
    left: (left: number, deferred: number) =>
      `尚未签发 ${left} 份` + (deferred > 0 ? `，其中 ${deferred} 份超过单次上限，再次生成即可继续。` : "。"),
    askTitle: "通知抬头",
    askHint: "通知以公司和部门的名义发出。首次生成前请填写，保存在工作簿「设置」中。",
    company: "公司名称",
    department: { finance: "财务部名称", service: "客服部名称", sales: "销售部名称" },
    saveAndGenerate: (n: number) => `保存并生成（${n}）`,
    cancel: "取消",
  },
  settings: {
    asOf: "校验日期",
    asOfHint: "留空则使用工作簿「设置」中的校验日期，否则使用今天（北京时间）。",
    lang: "语言",
    user: "显示名称",
    userHint: "写入操作日志和通知台账。",
    mine: "本人设置",
    live: "边改边校验",
    liveHint: "在 Excel 中修改单元格后，稍等片刻自动重新校验改动涉及的内容。关闭后只在点「校验」时校验。",
    saved: "以上设置保存在本浏览器中，只对自己生效。",
    params: "工作簿参数",
    paramsHint: "保存在工作簿的「设置」表中，所有协作者共用。",
    paramsDefaults: "内置默认值。点击「校验」读取本工作簿的参数后即可修改。",
    gantt: "甘特图",
    ganttHint:
      "应用时在每张进度计划表旁的单独工作表上画甘特图（条件格式，随日期自动更新，不装加载项也能看到）。",
    ganttModes: { off: "关闭", day: "按日", week: "按周" },
    company: "公司名称",
    departments: {
      finance: "财务部名称",
      sales: "销售部名称",
      service: "客服部名称",
      office: "总经办名称",
    } as Record<string, string>,
    saveParams: "保存参数",
    holidays: "节假日",
    holidaysHint: "录入内置日历没有的年份，或本单位的调整。「休」为放假，「班」为调休上班。",
    builtIn: (first: number, last: number) => `内置节假日数据：${first}–${last} 年。`,
    missing: (years: string) =>
      `工作簿用到的 ${years} 年不在内置日历中，请录入该年的放假与调休上班日，否则按普通周末计算。`,
    date: "日期",
    type: "类型",
    off: "休",
    work: "班",
    name: "名称",
    remove: (d: string) => `删除 ${d || "此行"}`,
    addRow: "添加一行",
    saveHolidays: "保存节假日",
    noHolidays: "尚未录入节假日。",
    badDate: (row: number) => `第 ${row} 行的日期无效。`,
    duplicate: (d: string) => `${d} 录入了两次。`,
    badNumber: (name: string, min: number, max: number) => `「${name}」须为 ${min}–${max} 的整数。`,
    savedToWorkbook: "已保存到工作簿，并已重新校验。",
    names: {
      dueSoonWorkdays: "即将到期提前（工作日）",
      dueSoonDays: "即将到期着色提前（日历日）",
      noticeWorkdays: "实施通知期限（工作日）",
      reportDays: "催款后书面报告期限（日）",
      changeNoticeDays: "计划调整提前通知（日）",
      docToOfficeWorkdays: "初审后传总经办（工作日）",
      docOfficeWorkdays: "总经办审核返回（工作日）",
      docDeliveryWorkdays: "文档编写完成后送达客户（工作日）",
      docMeetingWorkdays: "送达后召开实施会议（工作日）",
      docFilingWorkdays: "签收后送总经办备案（工作日）",
      riskReviewDays: "风险评审周期（日）",
      planWorkdays: "实施通知后方案报送财务部（工作日）",
      updateDays: "执行情况表填报周期（日）",
      runInDays: "免费磨合期（日）",
      runInRemindDays: "磨合期结束前提醒（日）",
      hoursPerDay: "每日工时（小时，工期按小时计时换算为天）",
      changeApprovalWorkdays: "变更申请审批期限（工作日）",
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
  kinds: kindNames("en"),
  stages: {
    read: "Reading the workbook…",
    check: "Validating…",
    plan: "Planning changes…",
    write: "Writing the workbook…",
    send: "Showing the results…",
    load: "Loading…",
  },
  web: {
    open: "Open workbook (.xlsx)",
    hint: "Web mode: open an .xlsx workbook, validate, apply or generate notices, then download the result. The file never leaves this browser.",
    opened: (name) => `Opened: ${name}`,
    download: (name) => `Download ${name}`,
    unsaved: (changes) =>
      `Not yet downloaded: ${changes
        .map((c) =>
          c.kind === "apply"
            ? `applied ${c.operations} ${c.operations === 1 ? "change" : "changes"}`
            : c.kind === "notices"
              ? `${c.n} ${c.n === 1 ? "notice" : "notices"} generated`
              : c.kind === "baseline"
                ? `baseline "${c.name}" saved`
                : "settings saved",
        )
        .join(", ")}. Download before closing the page or opening another file.`,
    downloaded: "Downloaded; later changes will be flagged again.",
    discard: "This workbook has changes you have not downloaded; opening another file discards them. Go on?",
  },
  office: {
    noHost: "Please open this add-in in Excel.",
    noHostDetail: "Excel was not detected: the Office host is not available.",
  },
  needWorkbook: "Open a workbook first.",
  actions: {
    check: "Validate",
    apply: "Apply",
    notices: "Generate notices",
    clear: "Clear marks",
    cancel: "Cancel",
  },
  cancelled: "Cancelled; the pane keeps the last results.",
  done: (summary) => `Validation done: ${summary}`,
  noTable: {
    title: "No table recognised",
    detail:
      "The workbook has no schedule, contracts or payment-plan table the product recognises, so there is nothing overdue, no notice to plan, and nothing to apply.",
    page: "The check recognised no table, so this page has nothing to show; the note above says why.",
  },
  applyHint:
    "Apply: create tables, number formats and data validation, mark error cells and overdue rows, write the validation report.",
  applied: (ops) => (ops === 1 ? "Applied 1 change." : `Applied ${ops} changes.`),
  noticesWritten: (n, created, deferred) =>
    `${n === 1 ? "1 notice" : `${n} notices`} generated (${created} new), entered in the 通知台账 register.` +
    (deferred > 0 ? ` ${deferred} more are over the per-run limit: generate again to go on.` : ""),
  structure: {
    empty: "No tables recognised yet. Click Validate to read the workbook.",
    noneFound: "The check recognised no table in this workbook; the note above says why.",
    sheet: "Sheet",
    kind: "Kind",
    headerRow: "Header row",
    dataRows: "Data rows",
    rows: (first, last) => (last >= first ? `${first}–${last} (${last - first + 1} rows)` : "none"),
    mapping: "Column mapping",
    field: "Field",
    column: "Column",
    unmapped: "Unmapped columns",
    phases: "Phases",
    phaseList: (phases, tasks) =>
      `${phases.map((p) => `${p.name} (columns ${p.start}–${p.end})`).join(", ")}; ${tasks === 1 ? "1 task" : `${tasks} tasks`} (one per row and phase)`,
    direction: "Direction",
    payable: "Payable (we pay: no 催款通知单 is planned)",
    contract: "Contract",
    contractAt: (key, cell) => `${key} (read from ${cell})`,
    none: "none",
    header: "Header",
    notMapped: "(not mapped)",
    manual: "manual",
    editHint:
      "If a column was recognised wrongly, choose its field. Manual mappings are saved in the workbook's 设置 sheet and shared by everyone editing it.",
    save: "Save mapping",
    reset: "Back to automatic",
    fieldFor: (letter, header) => `Field for column ${letter} "${header}"`,
    twice: (field) => `"${field}" is mapped to more than one column.`,
    declareTitle: "Declare a table",
    declareHint:
      "For a table that was not recognised, say which row is its header, where it starts and what kind it is. Declarations are saved in the workbook's 设置 sheet and shared by everyone; after the check, choose each column's field.",
    declareAt: "First header cell (e.g. Sheet1!A3)",
    declareKind: "Kind of table",
    declare: "Declare table",
    declareBad: (v) => `"${v}" is not written as SHEET!CELL, e.g. Sheet1!A3.`,
    declaredList: "Declared tables",
    undeclare: (at) => `Remove declaration ${at}`,
  },
  check: {
    none: "No problems found.",
    notRun: "Click Validate to check the workbook.",
    summary: (e, w, i) =>
      `${e} ${e === 1 ? "error" : "errors"} · ${w} ${w === 1 ? "warning" : "warnings"} · ${i} ${i === 1 ? "note" : "notes"}`,
    severity: { error: "Errors", warning: "Warnings", info: "Notes" },
    asOf: (d) => `As of ${d}`,
    goTo: (ref) => `Go to ${ref}`,
    group: (severity, rule, n) => `${severity} · ${rule} (${n})`,
    mine: (name) => (name ? `My items (${name})` : "My items"),
    mineHint:
      "Enter your display name in Settings to see only the items where you are the owner, service manager or sales manager.",
    search: "Search",
    more: (n) => (n > 0 ? `Filter and sort (${n} set)` : "Filter and sort"),
    severityLabel: "Severity",
    rule: "Rule",
    sheet: "Sheet",
    person: "Owner / manager",
    contract: "Contract no.",
    all: "All",
    sort: "Sort",
    sortPlace: "By place",
    sortDays: "By days overdue",
    sortAmount: "By amount",
    shown: (n, total) => (n === total ? `${total} in all` : `Showing ${n} of ${total}`),
    clear: "Clear filters",
    list: "Findings",
    listHelp:
      "Up and Down move, Enter goes to the cell or opens a group, Left and Right close and open groups.",
    days: (n) => (n === 1 ? "1 day overdue" : `${n} days overdue`),
    amount: (n) => `¥${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
  },
  overdue: {
    tasks: "Overdue tasks",
    deliveries: "Overdue deliveries",
    payments: "Overdue payments",
    documents: "Overdue document steps",
    risks: "Overdue risks and issues",
    changes: "Overdue change requests",
    dueSoon: "Due soon",
    asOf: (d) => `As of ${d}`,
    notRun: "Click Validate to count overdue items.",
    outstanding: (amount) => `${amount} outstanding`,
    empty: "Nothing of this kind.",
    critical: "Critical path",
    criticalSheet: (sheet) => `Critical path · ${sheet}`,
    criticalEnd: (plan, forecast, slip) =>
      slip > 0
        ? `Planned finish ${plan}; at the current pace ${forecast}, ${slip === 1 ? "1 working day" : `${slip} working days`} late`
        : `Finishes ${forecast} at the current pace, as planned`,
    criticalLate: "late",
    criticalMore: (n) => (n === 1 ? "1 more critical task" : `${n} more critical tasks`),
    criticalDone: "Every task on the critical path is done.",
  },
  notices: {
    none: "No notices to generate.",
    notRun: "Click Validate to see the planned notices.",
    type: "Type",
    where: "Where",
    planned: (n, issued) =>
      (n === 1 ? "1 notice planned." : `${n} notices planned.`) +
      (issued > 0 ? ` ${issued} already issued.` : ""),
    all: "Select all",
    nothing: "Select none",
    more: (n) => `${n} more not listed here; Select all and Select none include them.`,
    generate: (n) => `Generate selected notices (${n})`,
    issued: (no) =>
      `Issued as ${no}; generating again issues nothing new, or a correction if its cause changed`,
    types: noticeTypeNames("en"),
    resultTitle: "Generated this time",
    notWritten: "not written (over the per-run limit)",
    left: (left, deferred) =>
      `${left} not issued yet` +
      (deferred > 0 ? `; ${deferred} are over the per-run limit: generate again to go on.` : "."),
    askTitle: "Notice letterhead",
    askHint:
      "Notices go out in the name of your company and departments. Enter them once; they are saved in the workbook's 设置 sheet.",
    company: "Company name",
    department: {
      finance: "Finance department",
      service: "Customer service department",
      sales: "Sales department",
    },
    saveAndGenerate: (n) => `Save and generate (${n})`,
    cancel: "Cancel",
  },
  settings: {
    asOf: "As-of date",
    asOfHint: "Leave empty to use the workbook's 校验日期 on 设置, else today (Beijing time).",
    lang: "Language",
    user: "Display name",
    userHint: "Written to the log and the notice register.",
    mine: "My settings",
    live: "Validate as I edit",
    liveHint:
      "Validates again what a change affects, a moment after you change a cell in Excel. Off: only when you click Validate.",
    saved: "These settings are kept in this browser and apply to you only.",
    params: "Workbook parameters",
    paramsHint: "Saved in the workbook's 设置 sheet and shared by everyone editing it.",
    paramsDefaults: "Built-in defaults. Click Validate to read this workbook's parameters, then edit them.",
    gantt: "Gantt band",
    ganttHint:
      "Apply draws a Gantt band on a sheet of its own beside each schedule (conditional formats that move on by themselves, visible without the add-in).",
    ganttModes: { off: "Off", day: "By day", week: "By week" },
    company: "Company name",
    departments: {
      finance: "Finance department",
      sales: "Sales department",
      service: "Customer service department",
      office: "General manager's office",
    },
    saveParams: "Save parameters",
    holidays: "Holidays",
    holidaysHint:
      "Enter years the built-in calendar lacks, or your own changes. 休 is a day off, 班 a working day in lieu.",
    builtIn: (first, last) => `Built-in holiday data: ${first}–${last}.`,
    missing: (years) =>
      `The workbook uses ${years}, which the built-in calendar does not cover: enter that year's days off and working days in lieu, or plain weekends are used.`,
    date: "Date",
    type: "Type",
    off: "休 (day off)",
    work: "班 (working day)",
    name: "Name",
    remove: (d) => `Remove ${d || "this row"}`,
    addRow: "Add a row",
    saveHolidays: "Save holidays",
    noHolidays: "No holidays entered yet.",
    badDate: (row) => `Row ${row}: the date is not valid.`,
    duplicate: (d) => `${d} is entered twice.`,
    badNumber: (name, min, max) => `"${name}" must be a whole number from ${min} to ${max}.`,
    savedToWorkbook: "Saved to the workbook and validated again.",
    names: {
      dueSoonWorkdays: "Due-soon look-ahead (working days)",
      dueSoonDays: "Due-soon colour look-ahead (days)",
      noticeWorkdays: "Implementation notice deadline (working days)",
      reportDays: "Report after dunning (days)",
      changeNoticeDays: "Plan change notice ahead (days)",
      docToOfficeWorkdays: "Review to 总经办 (working days)",
      docOfficeWorkdays: "总经办 review and return (working days)",
      docDeliveryWorkdays: "Written to delivered to customer (working days)",
      docMeetingWorkdays: "Delivered to implementation meeting (working days)",
      docFilingWorkdays: "Receipt to filing with 总经办 (working days)",
      riskReviewDays: "Risk review period (days)",
      planWorkdays: "Notice to plan sent to finance (working days)",
      updateDays: "Sheet reporting period (days)",
      runInDays: "Free run-in period (days)",
      runInRemindDays: "Run-in end reminder ahead (days)",
      hoursPerDay: "Working hours per day (durations counted in hours)",
      changeApprovalWorkdays: "Change request decided within (working days)",
    },
  },
  error: { title: "Something went wrong", generic: (m) => `The operation did not finish: ${m}` },
};

export function paneWords(lang: Lang): PaneWords {
  return lang === "en" ? en : zh;
}
