/**
 * Rule messages in zh-CN (default) and en-US, keyed by rule id. Each names the
 * dates and amounts involved so a reader can act without opening the rule book.
 */

import type { Finding, MessageArgs, RuleId } from "../core/findings";
import { KIND_NAMES } from "../core/kinds";
import type { Lang } from "../core/settings";
import { PLAUSIBLE_YEARS } from "../core/values";

type Template = (a: Args, f: Finding) => string;
interface RuleText {
  title: Record<Lang, string>;
  zh: Template;
  en: Template;
}

/** Typed reads of a finding's args. */
class Args {
  constructor(private readonly a: MessageArgs) {}
  s(k: string): string {
    const v = this.a[k];
    return v === undefined ? "" : String(v);
  }
  n(k: string): number {
    const v = this.a[k];
    return typeof v === "number" ? v : Number(v ?? 0);
  }
  has(k: string): boolean {
    return this.a[k] !== undefined && this.a[k] !== "";
  }
}

/** 1234567.8 → 1,234,567.80 */
export function formatMoney(x: number): string {
  const neg = x < 0;
  const [int, dec] = Math.abs(x).toFixed(2).split(".");
  return `${neg ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${dec}`;
}

const yuan = (a: Args, k: string) => `${formatMoney(a.n(k))} 元`;
/** "1 day", "2 days": English counts agree with their noun. */
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const cny = (a: Args, k: string) => `CNY ${formatMoney(a.n(k))}`;

/** Who or what the finding is about: a task, a contract, or a row (a trailing space after Latin text). */
function subjectZh(a: Args, f: Finding): string {
  const s = subjectZhBare(a, f);
  return /[A-Za-z0-9]$/.test(s) ? `${s} ` : s;
}

/** 「1.2 设计」: the task's WBS and name, whichever it has (a message is worded for every finding). */
function wbsAndTask(a: Args): string {
  const wbs = a.s("wbs");
  const task = a.s("task");
  return wbs !== "" && task !== "" ? `${wbs} ${task}` : wbs || task;
}

function subjectZhBare(a: Args, f: Finding): string {
  if (a.has("task") || (a.has("wbs") && !a.has("contractNo"))) {
    return `任务「${wbsAndTask(a)}」`;
  }
  if (a.has("contractNo")) return `合同 ${a.s("contractNo")}`;
  return f.row === undefined ? "" : `第 ${f.row} 行`;
}

function subjectEn(a: Args, f: Finding): string {
  if (a.has("task") || (a.has("wbs") && !a.has("contractNo"))) {
    return `Task "${wbsAndTask(a)}"`;
  }
  if (a.has("contractNo")) return `Contract ${a.s("contractNo")}`;
  return f.row === undefined ? "" : `Row ${f.row}`;
}

/** What a payment is owed under: a contract, or an invoice on a receivables list kept per invoice. */
function keyZh(a: Args): string {
  return `${a.has("invoice") ? "发票" : "合同"} ${a.s("contractNo")}`;
}

function keyEn(a: Args): string {
  return `${a.has("invoice") ? "Invoice" : "Contract"} ${a.s("contractNo")}`;
}

/** A payable's node: its 款项, an invoice's amount, 第 N 期付款 or the payable. */
function payNodeZh(a: Args): string {
  if (a.has("node")) return a.s("node");
  if (a.has("invoice")) return "款项";
  return a.n("n") > 0 ? `第 ${a.n("n")} 期付款` : "应付款";
}

function payNodeEn(a: Args): string {
  if (a.has("node")) return a.s("node");
  if (a.has("invoice")) return "the amount";
  return a.n("n") > 0 ? `payment ${a.n("n")}` : "the payable";
}

function nodeZh(a: Args): string {
  if (a.has("node")) return a.s("node");
  if (a.has("invoice")) return "款项";
  return a.n("n") > 0 ? `第 ${a.n("n")} 期款` : "应收款";
}

function nodeEn(a: Args): string {
  if (a.has("node")) return a.s("node");
  if (a.has("invoice")) return "the amount";
  return a.n("n") > 0 ? `instalment ${a.n("n")}` : "the receivable";
}

/** Why a value is not a date or number, after the main sentence; "" when nothing more useful can be said. */
const REASONS: Record<string, Record<Lang, string>> = {
  "error-value": { zh: "（公式结果为错误值）", en: " (the formula returns an error)" },
  "impossible-date": { zh: "（该日期不存在）", en: " (there is no such day)" },
  "partial-date": { zh: "（日期不完整，应写明年、月、日）", en: " (incomplete; write year, month and day)" },
  "date-range": { zh: "（这是一个日期区间，请只填一个日期）", en: " (it is a range; enter one date)" },
  "two-digit-year": {
    zh: "（年份只有两位，请写全四位年份）",
    en: " (two-digit year; write all four digits)",
  },
  "ambiguous-date": {
    zh: "（日、月顺序不明，请写成 2026-11-23 的形式）",
    en: " (day and month order is unclear; write it as 2026-11-23)",
  },
  "implausible-date": {
    zh: `（年份不在 ${PLAUSIBLE_YEARS.first}–${PLAUSIBLE_YEARS.last} 之间，可能是输入错误）`,
    en: ` (the year is outside ${PLAUSIBLE_YEARS.first}–${PLAUSIBLE_YEARS.last}; probably a typo)`,
  },
};

function reason(a: Args, lang: Lang): string {
  return REASONS[a.s("reason")]?.[lang] ?? "";
}

const KIND_ZH: Record<string, string> = KIND_NAMES;

/** A CLI mapping the user can copy: `--map '进度计划表!F=planEnd'` (column left for the user when unknown). */
function mapHint(a: Args, f: Finding, column = "列"): string {
  const field = a.s("missingFields").split(",")[0] || "task";
  return `--map '${f.sheet}!${column}=${field}'`;
}

/** What a near miss lacks, with the headers that would do instead: 计划开始」或「工期 (quoted by the caller). */
function missingHeaders(a: Args, or: string, en = false): string {
  const missing = en && a.has("missingEn") ? "missingEn" : "missing";
  const instead = en && a.has("insteadEn") ? "insteadEn" : "instead";
  return [a.s(missing), ...(a.has(instead) ? a.s(instead).split("、") : [])].join(or);
}

/** An unrecognised sheet whose header came close to a kind: what matched, what is missing, how to fix it. */
function nearMissZh(a: Args, f: Finding): string {
  const where = a.has("count")
    ? `共 ${a.n("count")} 个相同结构的工作表（${a.s("sheets")}${a.n("count") > 5 ? " 等" : ""}）`
    : "该工作表";
  const kind = KIND_ZH[a.s("kind")] ?? a.s("kind");
  if (a.s("values") === "mismatch") {
    return (
      `${where}第 ${a.n("headerRow")} 行的表头像${kind}（${a.s("matched")}），但日期列中没有日期，未作为${kind}识别；` +
      `如确是${kind}，请在「结构」页指定，或用命令行 --table '${f.sheet}!A${a.n("headerRow")}=${a.s("kind")}'`
    );
  }
  return (
    `${where}第 ${a.n("headerRow")} 行的表头最接近${kind}：已对上「${a.s("matched")}」，缺少「${missingHeaders(a, "」或「")}」，未识别为表格。` +
    `请把对应列的表头改为「${missingHeaders(a, "」或「")}」，或在「结构」页把已有的列对应到它，或用命令行 ${mapHint(a, f)}`
  );
}

function nearMissEn(a: Args, f: Finding): string {
  const where = a.has("count")
    ? `${a.n("count")} sheets of the same shape (${a.s("sheets")}${a.n("count") > 5 ? " …" : ""}):`
    : "This sheet:";
  if (a.s("values") === "mismatch") {
    return (
      `${where} the header on row ${a.n("headerRow")} looks like a ${a.s("kind")} table (${a.s("matched")}) but its date ` +
      `columns hold no dates, so it was not taken as one; if it is, declare it on 结构 or with ` +
      `--table '${f.sheet}!A${a.n("headerRow")}=${a.s("kind")}'`
    );
  }
  return (
    `${where} the header on row ${a.n("headerRow")} comes closest to a ${a.s("kind")} table: it has ${a.s("matched")} ` +
    `but lacks ${missingHeaders(a, " or ", true)}, so no table was recognised. Rename the column's header to ${missingHeaders(a, " or ", true)}, ` +
    `map an existing column to it on 结构, or pass ${mapHint(a, f, "<column>")} to the CLI`
  );
}

/** A 列映射 row of 设置 the product could not use (reported as table.not-recognized). */
function mappingProblemZh(a: Args): string {
  const at = (/[:：]\s*(.*)!/.exec(a.s("mapping"))?.[1] ?? "").replace(/^'(.*)'$/, "$1");
  if (a.s("expected") === "sheet")
    return `「${a.s("mapping")}」指向的工作表「${at}」在工作簿中不存在（可能已改名或删除），该项未生效；请改成现在的工作表名，或删除这一行`;
  if (a.s("expected") === "header")
    return `「${a.s("mapping")}」所在的行从该列起是空的，没有表头，该表声明未生效；请改成表头第一个单元格的位置`;
  if (a.s("expected") === "column") {
    return `「${a.s("mapping")}」应写成“列映射:工作表名!列字母”（如 列映射:进度计划表!F），该列映射未生效`;
  }
  return (
    `「${a.s("mapping")}」的值“${a.s("value")}”不是可识别的字段，该列映射未生效；` +
    `请填写字段名（如 计划完成 或 planEnd，分组收款字段加序号，如 约定收款日期3），或填“不映射”`
  );
}

function mappingProblemEn(a: Args): string {
  const at = (/[:：]\s*(.*)!/.exec(a.s("mapping"))?.[1] ?? "").replace(/^'(.*)'$/, "$1");
  if (a.s("expected") === "sheet")
    return `"${a.s("mapping")}" names the sheet "${at}", which the workbook does not have (renamed or deleted?); it is not applied. Write the sheet's current name, or delete the row`;
  if (a.s("expected") === "header")
    return `"${a.s("mapping")}" points at a row that is empty from that column on: no header there, so the declaration is not applied. Point it at the header's first cell`;
  if (a.s("expected") === "column") {
    return `"${a.s("mapping")}" should read 列映射:SHEET!COLUMN (e.g. 列映射:进度计划表!F); the mapping is not applied`;
  }
  return (
    `"${a.s("mapping")}" holds "${a.s("value")}", which names no field; the mapping is not applied. ` +
    `Enter a field (e.g. planEnd or 计划完成; payment groups with their number, e.g. dueDate3) or "none"`
  );
}

/** Close-out steps by field id, as the message names them. */
const STEP_NAMES: Record<string, Record<Lang, string>> = {
  summaryDate: { zh: "项目总结", en: "project summary" },
  archiveDate: { zh: "结案归档", en: "close-out filing" },
  archivedWithContract: { zh: "与合同一并存档", en: "filed with the contract" },
};

function steps(ids: string, lang: Lang): string {
  return ids
    .split(",")
    .map((id) => STEP_NAMES[id]?.[lang] ?? id)
    .join(lang === "zh" ? "、" : ", ");
}

/** Which of the sheet's marks said when it was last updated. */
function staleSource(a: Args, lang: Lang): string {
  const where = a.s("cell");
  switch (a.s("source")) {
    case "cell":
      return lang === "zh"
        ? `据表头上方「${a.s("label")}」，${where}`
        : `from "${a.s("label")}" above the header, ${where}`;
    case "column":
      return lang === "zh"
        ? `据「${a.s("label")}」列的最新日期，${where}`
        : `the latest date in the "${a.s("label")}" column, ${where}`;
    case "log":
      return lang === "zh" ? "据操作日志的最近一条记录" : "the latest 操作日志 row";
    default:
      return lang === "zh"
        ? `据表中最近填写的「${a.s("label")}」，${where}`
        : `the latest "${a.s("label")}" typed in the sheet, ${where}`;
  }
}

const TEXTS: Record<RuleId, RuleText> = {
  "cell.required": {
    title: { zh: "必填项为空", en: "Required field empty" },
    zh: (a, f) => `${subjectZh(a, f)}的「${a.s("header")}」为空，此项必填`,
    en: (a, f) => `${subjectEn(a, f)}: "${a.s("header")}" is required but empty`,
  },
  "cell.date-invalid": {
    title: { zh: "日期无效", en: "Invalid date" },
    zh: (a) => `「${a.s("header")}」的值“${a.s("value")}”不是一个有效日期${reason(a, "zh")}`,
    en: (a) => `"${a.s("header")}" holds "${a.s("value")}", which is not a valid date${reason(a, "en")}`,
  },
  "cell.number-invalid": {
    title: { zh: "数字无效", en: "Invalid number" },
    zh: (a) =>
      a.s("reason") === "amount-range"
        ? `「${a.s("header")}」的值“${a.s("value")}”不可能是金额（超过 90 万亿元，像是卡号或编号）`
        : a.s("reason") === "duration-range"
          ? `「${a.s("header")}」的值“${a.s("value")}”不像是工期：从计划开始算起要到 ${PLAUSIBLE_YEARS.last} 年以后才完成，可能是输入错误`
          : `「${a.s("header")}」的值“${a.s("value")}”不是数字${reason(a, "zh")}`,
    en: (a) =>
      a.s("reason") === "amount-range"
        ? `"${a.s("header")}" holds "${a.s("value")}", which cannot be an amount (over 90 trillion yuan; it looks like a card or ID number)`
        : a.s("reason") === "duration-range"
          ? `"${a.s("header")}" holds "${a.s("value")}", which cannot be a duration: from the planned start it would end after ${PLAUSIBLE_YEARS.last}; probably a typo`
          : `"${a.s("header")}" holds "${a.s("value")}", which is not a number${reason(a, "en")}`,
  },
  "cell.date-as-number": {
    title: { zh: "日期写成了数字", en: "Date typed as a number" },
    zh: (a) =>
      `「${a.s("header")}」的值 ${a.s("value")} 是数字而不是日期，按 ${a.s("date")} 理解；` +
      `请改为日期 ${a.s("date")}，否则设成日期格式后会显示为 ####`,
    en: (a) =>
      `"${a.s("header")}" holds the number ${a.s("value")}, not a date; it was read as ${a.s("date")}. ` +
      `Enter it as the date ${a.s("date")}, or a date format will show it as ####`,
  },
  "cell.percent-range": {
    title: { zh: "完成率超出范围", en: "Progress out of range" },
    zh: (a, f) => `${subjectZh(a, f)}的完成率为 ${a.n("percent")}%，应在 0%–100% 之间`,
    en: (a, f) => `${subjectEn(a, f)}: progress is ${a.n("percent")}%, it must be between 0% and 100%`,
  },
  "row.duplicate-key": {
    title: { zh: "编号重复", en: "Duplicate key" },
    zh: (a) => `「${a.s("header")}」${a.s("key")} 重复，与第 ${a.n("firstRow")} 行相同`,
    en: (a) => `"${a.s("header")}" ${a.s("key")} is repeated; it first appears in row ${a.n("firstRow")}`,
  },
  "row.date-order": {
    title: { zh: "日期先后颠倒", en: "Dates out of order" },
    zh: (a, f) =>
      `${subjectZh(a, f)}的「${a.s("header")}」${a.s("date")} 早于「${a.s("otherHeader")}」${a.s("otherDate")}`,
    en: (a, f) =>
      `${subjectEn(a, f)}: "${a.s("header")}" ${a.s("date")} is before "${a.s("otherHeader")}" ${a.s("otherDate")}`,
  },
  "row.actual-in-future": {
    title: { zh: "实际日期在未来", en: "Actual date in the future" },
    zh: (a, f) =>
      `${subjectZh(a, f)}的「${a.s("header")}」${a.s("date")} 晚于校验日期 ${a.s("asOf")}，已发生的事不能记在未来`,
    en: (a, f) =>
      `${subjectEn(a, f)}: "${a.s("header")}" ${a.s("date")} is after the as-of date ${a.s("asOf")}; ` +
      `something that happened cannot be in the future`,
  },
  "row.unknown-contract": {
    title: { zh: "合同编号不存在", en: "Unknown contract" },
    zh: (a, f) =>
      `${a.has("task") ? subjectZh(a, f) : `第 ${f.row} 行`}的合同编号 ${a.s("contractNo")} 在合同执行情况表中不存在`,
    en: (a, f) =>
      `${a.has("task") ? subjectEn(a, f) : `Row ${f.row}`}: contract ${a.s("contractNo")} is not in any contract table`,
  },
  "schedule.overdue": {
    title: { zh: "任务逾期", en: "Task overdue" },
    zh: (a, f) => `${subjectZh(a, f)}计划于 ${a.s("planEnd")} 完成，已逾期 ${a.n("days")} 天仍未完成`,
    en: (a, f) => `${subjectEn(a, f)} was due ${a.s("planEnd")} and is ${plural(a.n("days"), "day")} overdue`,
  },
  "schedule.due-soon": {
    title: { zh: "任务即将到期", en: "Task due soon" },
    zh: (a, f) =>
      `${subjectZh(a, f)}计划于 ${a.s("planEnd")} 完成，还剩 ${a.n("workdays")} 个工作日（提醒范围 ${a.n("n")} 个工作日）`,
    en: (a, f) =>
      `${subjectEn(a, f)} is due ${a.s("planEnd")}, ${plural(a.n("workdays"), "working day")} from now ` +
      `(reminder window ${a.n("n")} working days)`,
  },
  "schedule.start-late": {
    title: { zh: "任务未按时开始", en: "Task not started" },
    zh: (a, f) => `${subjectZh(a, f)}计划于 ${a.s("planStart")} 开始，已过 ${a.n("days")} 天仍无实际开始日期`,
    en: (a, f) =>
      `${subjectEn(a, f)} was planned to start ${a.s("planStart")}; ${plural(a.n("days"), "day")} later it has no actual start`,
  },
  "schedule.finished-late": {
    title: { zh: "任务延迟完成", en: "Task finished late" },
    zh: (a, f) =>
      `${subjectZh(a, f)}计划 ${a.s("planEnd")} 完成，实际 ${a.s("actualEnd")} 完成，晚 ${a.n("days")} 天`,
    en: (a, f) =>
      `${subjectEn(a, f)} was planned for ${a.s("planEnd")} and finished ${a.s("actualEnd")}, ${plural(a.n("days"), "day")} late`,
  },
  "schedule.progress-mismatch": {
    title: { zh: "完成率与实际完成不符", en: "Progress inconsistent" },
    zh: (a, f) =>
      a.has("actualEnd")
        ? `${subjectZh(a, f)}已于 ${a.s("actualEnd")} 实际完成，但完成率为 ${a.n("percent")}%`
        : `${subjectZh(a, f)}完成率为 ${a.n("percent")}%，但没有实际完成日期`,
    en: (a, f) =>
      a.has("actualEnd")
        ? `${subjectEn(a, f)} finished ${a.s("actualEnd")} but its progress is ${a.n("percent")}%`
        : `${subjectEn(a, f)} is at ${a.n("percent")}% but has no actual end date`,
  },
  "schedule.predecessor-missing": {
    title: { zh: "前置任务不存在", en: "Missing predecessor" },
    zh: (a, f) => `${subjectZh(a, f)}的前置任务 ${a.s("predecessor")} 不在本表中`,
    en: (a, f) => `${subjectEn(a, f)}: predecessor ${a.s("predecessor")} is not in this table`,
  },
  "schedule.predecessor-cycle": {
    title: { zh: "前置任务循环", en: "Predecessor cycle" },
    zh: (a) => `前置任务形成循环：${a.s("cycle")}`,
    en: (a) => `Predecessors form a cycle: ${a.s("cycle")}`,
  },
  "schedule.predecessor-order": {
    title: { zh: "早于前置任务开始", en: "Starts before predecessor ends" },
    zh: (a, f) =>
      a.has("link")
        ? `${subjectZh(a, f)}计划${a.has("planEnd") ? `完成 ${a.s("planEnd")}` : `开始 ${a.s("planStart")}`} ` +
          `早于前置任务 ${a.s("link")} 允许的 ${a.s("earliest")}`
        : `${subjectZh(a, f)}计划开始 ${a.s("planStart")} 早于前置任务 ${a.s("predecessor")} 的计划完成 ${a.s("predecessorEnd")}`,
    en: (a, f) =>
      a.has("link")
        ? `${subjectEn(a, f)} ${a.has("planEnd") ? `ends ${a.s("planEnd")}` : `starts ${a.s("planStart")}`}, ` +
          `before the ${a.s("earliest")} its predecessor link ${a.s("link")} allows`
        : `${subjectEn(a, f)} starts ${a.s("planStart")}, before its predecessor ${a.s("predecessor")} ends ${a.s("predecessorEnd")}`,
  },
  "schedule.change-unnotified": {
    title: { zh: "计划调整未提前通知", en: "Plan change not notified" },
    zh: (a, f) =>
      `${subjectZh(a, f)}计划完成由 ${a.s("baselineEnd")} 调整为 ${a.s("planEnd")}，` +
      `调整通知应不晚于 ${a.s("deadline")}（提前 ${a.n("n")} 日）发出，` +
      (a.has("noticeDate") ? `实际 ${a.s("noticeDate")}` : "尚未通知"),
    en: (a, f) =>
      `${subjectEn(a, f)}: planned end moved from ${a.s("baselineEnd")} to ${a.s("planEnd")}; ` +
      `the change notice was due by ${a.s("deadline")} (${a.n("n")} days ahead), ` +
      (a.has("noticeDate") ? `it went out ${a.s("noticeDate")}` : "none was sent"),
  },
  "schedule.change-not-filed": {
    title: { zh: "计划调整未报备财务", en: "Plan change not filed" },
    zh: (a, f) =>
      `${subjectZh(a, f)}计划完成由 ${a.s("baselineEnd")} 调整为 ${a.s("planEnd")}，未报备财务部审计`,
    en: (a, f) =>
      `${subjectEn(a, f)}: planned end moved from ${a.s("baselineEnd")} to ${a.s("planEnd")} ` +
      `without being filed with Finance for audit`,
  },
  "schedule.beyond-contract": {
    title: { zh: "超出合同交货期", en: "Beyond contract delivery date" },
    zh: (a, f) =>
      `${subjectZh(a, f)}完成日期 ${a.s("end")} 晚于合同 ${a.s("contractNo")} 约定交货期 ${a.s("deliveryDate")}` +
      ` ${a.n("days")} 天，且未签订备忘录`,
    en: (a, f) =>
      `${subjectEn(a, f)} ends ${a.s("end")}, ${plural(a.n("days"), "day")} after contract ${a.s("contractNo")}'s ` +
      `delivery date ${a.s("deliveryDate")}, and no memorandum was signed`,
  },
  "schedule.critical-late": {
    title: { zh: "关键任务延误推迟完工", en: "Late critical task moves the finish" },
    zh: (a, f) =>
      `关键路径上的${subjectZh(a, f)}按当前进度最早 ${a.s("forecastFinish")} 完成` +
      (a.s("planEnd") ? `（计划 ${a.s("planEnd")}）` : "") +
      `，项目最早完工由 ${a.s("projectEnd")} 推迟到 ${a.s("forecastEnd")}，推迟 ${a.n("days")} 个工作日`,
    en: (a, f) =>
      `${subjectEn(a, f)} is on the critical path and can finish ${a.s("forecastFinish")} at the earliest` +
      (a.s("planEnd") ? ` (planned ${a.s("planEnd")})` : "") +
      `; the project's earliest finish moves from ${a.s("projectEnd")} to ${a.s("forecastEnd")}, ` +
      `${plural(a.n("days"), "working day")} later`,
  },
  "schedule.critical-beyond-contract": {
    title: { zh: "关键路径超出合同交货期", en: "Critical path beyond delivery date" },
    zh: (a) =>
      `按前置任务和当前进度推算，合同 ${a.s("contractNo")} 的工作最早 ${a.s("finish")} 完成，` +
      `晚于约定交货期 ${a.s("deliveryDate")} ${a.n("days")} 天，且未签订备忘录；关键路径：${a.s("chain")}`,
    en: (a) =>
      `By its predecessors and progress, contract ${a.s("contractNo")}'s work finishes ${a.s("finish")} at the earliest, ` +
      `${plural(a.n("days"), "day")} after the delivery date ${a.s("deliveryDate")}, and no memorandum was signed; ` +
      `critical path: ${a.s("chain")}`,
  },
  "schedule.unlinked": {
    title: { zh: "任务缺少前置或后续", en: "Task without links" },
    zh: (a, f) =>
      `${subjectZh(a, f)}` +
      (a.s("missing") === "both"
        ? "既无前置任务也无后续任务"
        : a.s("missing") === "predecessor"
          ? "没有前置任务"
          : "没有后续任务") +
      "，关键路径算不到它；本表其他任务都有前后关系",
    en: (a, f) =>
      `${subjectEn(a, f)} has ` +
      (a.s("missing") === "both"
        ? "neither a predecessor nor a successor"
        : a.s("missing") === "predecessor"
          ? "no predecessor"
          : "no successor") +
      "; the critical path cannot account for it, while this table's other tasks are linked",
  },
  "schedule.summary-dates": {
    title: { zh: "摘要任务日期与子任务不符", en: "Summary dates disagree with subtasks" },
    zh: (a, f) =>
      `摘要${subjectZh(a, f)}计划 ${a.s("planStart") || "（空）"} 至 ${a.s("planEnd") || "（空）"}，` +
      `其 ${a.n("subtasks")} 个子任务为 ${a.s("spanStart")} 至 ${a.s("spanEnd")}`,
    en: (a, f) =>
      `Summary ${subjectEn(a, f)} is planned ${a.s("planStart") || "(blank)"} to ${a.s("planEnd") || "(blank)"}, ` +
      `its ${plural(a.n("subtasks"), "subtask")} run ${a.s("spanStart")} to ${a.s("spanEnd")}`,
  },
  "schedule.summary-progress": {
    title: { zh: "摘要任务已完成但子任务未完成", en: "Summary done, subtask open" },
    zh: (a, f) =>
      `摘要${subjectZh(a, f)}已标为完成，但还有 ${a.n("open")} 个子任务未完成（如「${a.s("openTask")}」）`,
    en: (a, f) =>
      `Summary ${subjectEn(a, f)} is marked done while ${plural(a.n("open"), "subtask")} ` +
      `${a.n("open") === 1 ? "is" : "are"} still open (e.g. "${a.s("openTask")}")`,
  },
  "schedule.milestone-missed": {
    title: { zh: "里程碑未达成", en: "Milestone missed" },
    zh: (a, f) => `里程碑${subjectZh(a, f)}应于 ${a.s("date")} 达成，已过 ${a.n("days")} 天仍未完成`,
    en: (a, f) =>
      `Milestone ${subjectEn(a, f)} was due ${a.s("date")} and is still open ${plural(a.n("days"), "day")} later`,
  },
  "schedule.milestone-duration": {
    title: { zh: "里程碑有工期", en: "Milestone with a duration" },
    zh: (a, f) =>
      a.has("duration")
        ? `里程碑${subjectZh(a, f)}的工期为 ${a.n("duration")}，里程碑是时间点，工期应为 0`
        : `里程碑${subjectZh(a, f)}从 ${a.s("planStart")} 持续到 ${a.s("planEnd")}，里程碑是时间点，开始与完成应为同一天`,
    en: (a, f) =>
      a.has("duration")
        ? `Milestone ${subjectEn(a, f)} has a duration of ${a.n("duration")}; a milestone is a point in time (duration 0)`
        : `Milestone ${subjectEn(a, f)} runs from ${a.s("planStart")} to ${a.s("planEnd")}; a milestone starts and ends on one day`,
  },
  "schedule.unsigned": {
    title: { zh: "进度计划表未签字", en: "Schedule not signed" },
    zh: (a) =>
      a.n("labels") === 0
        ? "进度计划表没有签字栏，应由双方项目组负责人签字并加盖公章"
        : "进度计划表的签字栏未由双方签字盖章",
    en: (a) =>
      a.n("labels") === 0
        ? "The schedule has no signature block; both project leads must sign and stamp it"
        : "The schedule's signature block is not signed by both sides",
  },
  "contract.notice-late": {
    title: { zh: "项目实施通知逾期", en: "Implementation notice late" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 签订于 ${a.s("signDate")}，项目实施通知应不晚于 ${a.s("deadline")} 发布，` +
      (a.has("noticeDate") ? `实际 ${a.s("noticeDate")}` : "至今未发布"),
    en: (a) =>
      `Contract ${a.s("contractNo")} was signed ${a.s("signDate")}; the implementation notice was due by ` +
      `${a.s("deadline")}, ` +
      (a.has("noticeDate") ? `it was issued ${a.s("noticeDate")}` : "it has not been issued"),
  },
  "contract.delivery-overdue": {
    title: { zh: "合同交货逾期", en: "Delivery overdue" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 约定交货期 ${a.s("deliveryDate")}，已逾期 ${a.n("days")} 天仍未完成`,
    en: (a) =>
      `Contract ${a.s("contractNo")} was due for delivery ${a.s("deliveryDate")} and is ${plural(a.n("days"), "day")} overdue`,
  },
  "contract.delivery-due-soon": {
    title: { zh: "合同即将到交货期", en: "Delivery due soon" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 约定交货期 ${a.s("deliveryDate")}，还剩 ${a.n("workdays")} 个工作日`,
    en: (a) =>
      `Contract ${a.s("contractNo")} is due for delivery ${a.s("deliveryDate")}, ${plural(a.n("workdays"), "working day")} from now`,
  },
  "contract.delivered-late": {
    title: { zh: "合同延迟交付", en: "Delivered late" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 约定交货期 ${a.s("deliveryDate")}，实际完成 ${a.s("completionDate")}，晚 ${a.n("days")} 天`,
    en: (a) =>
      `Contract ${a.s("contractNo")} was due ${a.s("deliveryDate")} and completed ${a.s("completionDate")}, ` +
      `${plural(a.n("days"), "day")} late`,
  },
  "contract.quality-missing": {
    title: { zh: "未记录完成质量", en: "Quality not recorded" },
    zh: (a) => `合同 ${a.s("contractNo")} 已于 ${a.s("completionDate")} 完成，未记录完成质量`,
    en: (a) =>
      `Contract ${a.s("contractNo")} was completed ${a.s("completionDate")} but its quality is not recorded`,
  },
  "contract.acceptance-missing": {
    title: { zh: "缺少验收单", en: "No acceptance record" },
    zh: (a) => `合同 ${a.s("contractNo")} 已于 ${a.s("completionDate")} 完成，未记录《项目实施验收单》日期`,
    en: (a) =>
      `Contract ${a.s("contractNo")} was completed ${a.s("completionDate")} but has no acceptance certificate date`,
  },
  "contract.payment-overdue": {
    title: { zh: "收款逾期", en: "Payment overdue" },
    zh: (a) =>
      `${keyZh(a)} ${nodeZh(a)}应于 ${a.s("dueDate")} 收款 ${yuan(a, "dueAmount")}，` +
      `已收 ${yuan(a, "received")}，未收 ${yuan(a, "outstanding")}，已逾期 ${a.n("days")} 天`,
    en: (a) =>
      `${keyEn(a)}, ${nodeEn(a)}: ${cny(a, "dueAmount")} was due ${a.s("dueDate")}; ` +
      `received ${cny(a, "received")}, outstanding ${cny(a, "outstanding")}, ${plural(a.n("days"), "day")} overdue`,
  },
  "payable.overdue": {
    title: { zh: "应付款逾期", en: "Payable overdue" },
    zh: (a) =>
      `${keyZh(a)} ${payNodeZh(a)}` +
      `应于 ${a.s("dueDate")} 支付 ${yuan(a, "dueAmount")}，已付 ${yuan(a, "received")}，` +
      `未付 ${yuan(a, "outstanding")}，已逾期 ${a.n("days")} 天（我方应付，请财务安排支付）`,
    en: (a) =>
      `${keyEn(a)}, ${payNodeEn(a)}: ` +
      `${cny(a, "dueAmount")} was to be paid ${a.s("dueDate")}; paid ${cny(a, "received")}, ` +
      `unpaid ${cny(a, "outstanding")}, ${plural(a.n("days"), "day")} overdue (we owe this; for finance to pay)`,
  },
  "contract.report-overdue": {
    title: { zh: "催款书面报告逾期", en: "Dunning report overdue" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 于 ${a.s("dunningDate")} 下发催款通知单，书面报告应于 ${a.n("n")} 日内` +
      `（不晚于 ${a.s("deadline")}）提交财务部，至今未提交`,
    en: (a) =>
      `Contract ${a.s("contractNo")} was dunned ${a.s("dunningDate")}; the written report was due to Finance ` +
      `within ${plural(a.n("n"), "day")} (by ${a.s("deadline")}) and has not been filed`,
  },
  "contract.overpaid": {
    title: { zh: "收款超过合同金额", en: "Received more than the amount" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 金额 ${yuan(a, "amount")}，已收 ${yuan(a, "received")}，多出 ${yuan(a, "difference")}`,
    en: (a) =>
      `Contract ${a.s("contractNo")} is for ${cny(a, "amount")} but ${cny(a, "received")} was received, ` +
      `${cny(a, "difference")} too much`,
  },
  "contract.payments-mismatch": {
    title: { zh: "收款计划与合同金额不符", en: "Payment plan ≠ amount" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 的收款计划（${a.n("nodes")} 个节点）合计 ${yuan(a, "planned")}，` +
      `合同金额 ${yuan(a, "amount")}，相差 ${formatMoney(Math.abs(a.n("difference")))} 元`,
    en: (a) =>
      `Contract ${a.s("contractNo")}: its payment plan (${plural(a.n("nodes"), "node")}) adds up to ${cny(a, "planned")}, ` +
      `the contract amount is ${cny(a, "amount")}, a difference of CNY ${formatMoney(Math.abs(a.n("difference")))}`,
  },
  "document.to-office-late": lateStep("传总经办逾期", "Sent to 总经办 late"),
  "document.office-review-late": lateStep("总经办审核逾期", "总经办 review late"),
  "document.delivery-late": lateStep("文档送达客户逾期", "Document delivered late"),
  "document.meeting-late": lateStep("实施会议逾期", "Implementation meeting late"),
  "document.filing-late": lateStep("文档备案逾期", "Document filed late"),
  "document.step-overdue": {
    title: { zh: "文档环节逾期未完成", en: "Document step overdue" },
    zh: (a) =>
      `${docZh(a)}${a.s("fromHeader")} ${a.s("fromDate")}，${a.s("toHeader")}应在 ${a.n("n")} 个工作日内、` +
      `不晚于 ${a.s("deadline")} 完成，截至 ${a.s("asOf")} 仍未完成，已逾期 ${a.n("days")} 天`,
    en: (a) =>
      `${docEn(a)}: ${a.s("fromHeader")} ${a.s("fromDate")}, so ${a.s("toHeader")} was due within ` +
      `${plural(a.n("n"), "working day")}, by ${a.s("deadline")}; as of ${a.s("asOf")} it is not done, ` +
      `${plural(a.n("days"), "day")} overdue`,
  },
  "document.signature-missing": {
    title: { zh: "缺少签字或签收", en: "Signature or receipt missing" },
    zh: (a) =>
      `${docZh(a)}已有${a.s("laterHeader")}（${a.s("laterDate")}），但${a.s("header")}为空：` +
      `文档须经双方客服经理签字，并在《项目实施验收表》上签收`,
    en: (a) =>
      `${docEn(a)}: ${a.s("laterHeader")} is ${a.s("laterDate")} but ${a.s("header")} is empty; both ` +
      `客服经理 sign the document and it is received on the 《项目实施验收表》`,
  },
  "risk.high-no-response": {
    title: { zh: "高风险无应对措施", en: "High risk without a response" },
    zh: (a) => `风险「${a.s("risk")}」等级为「${a.s("level")}」，尚未制定应对措施${ownerZh(a)}`,
    en: (a) => `Risk "${a.s("risk")}" is rated ${a.s("level")} and has no response${ownerEn(a)}`,
  },
  "risk.response-overdue": {
    title: { zh: "风险应对逾期", en: "Risk response overdue" },
    zh: (a) =>
      `风险「${a.s("risk")}」的应对应于 ${a.s("dueDate")} 完成，截至 ${a.s("asOf")} 仍未关闭，` +
      `已逾期 ${a.n("days")} 天${ownerZh(a)}`,
    en: (a) =>
      `Risk "${a.s("risk")}": its response was due by ${a.s("dueDate")}; as of ${a.s("asOf")} the risk is ` +
      `still open, ${plural(a.n("days"), "day")} overdue${ownerEn(a)}`,
  },
  "risk.review-overdue": {
    title: { zh: "风险未按期评审", en: "Risk not reviewed" },
    zh: (a) =>
      `风险「${a.s("risk")}」最近评审于 ${a.s("reviewDate")}，应每 ${a.n("n")} 天评审一次（不晚于 ` +
      `${a.s("dueDate")}），截至 ${a.s("asOf")} 已超过 ${a.n("days")} 天${ownerZh(a)}`,
    en: (a) =>
      `Risk "${a.s("risk")}" was last reviewed ${a.s("reviewDate")}; it is reviewed every ` +
      `${plural(a.n("n"), "day")} (next by ${a.s("dueDate")}), ${plural(a.n("days"), "day")} late as of ` +
      `${a.s("asOf")}${ownerEn(a)}`,
  },
  "issue.overdue": {
    title: { zh: "问题逾期未解决", en: "Issue overdue" },
    zh: (a) =>
      `问题「${a.s("issue")}」应于 ${a.s("dueDate")} 解决，截至 ${a.s("asOf")} 仍未关闭，已逾期 ${a.n("days")} 天${ownerZh(a)}`,
    en: (a) =>
      `Issue "${a.s("issue")}" was to be solved by ${a.s("dueDate")}; as of ${a.s("asOf")} it is still open, ` +
      `${plural(a.n("days"), "day")} overdue${ownerEn(a)}`,
  },
  "schedule.change-unapproved": {
    title: { zh: "计划变更未经批准", en: "Plan change not approved" },
    zh: (a, f) =>
      `${subjectZh(a, f)}计划完成由 ${a.s("baselineEnd")} 调整为 ${a.s("planEnd")}，` +
      (a.has("request")
        ? `变更申请 ${a.s("request")} ${a.s("decision") === "rejected" ? "已被驳回" : "尚未批准"}`
        : "变更申请登记中没有该任务或合同的变更申请") +
      "；变更必须经过正式的申请、评审和批准程序",
    en: (a, f) =>
      `${subjectEn(a, f)}: planned end moved from ${a.s("baselineEnd")} to ${a.s("planEnd")}, ` +
      (a.has("request")
        ? `but change request ${a.s("request")} ${a.s("decision") === "rejected" ? "was rejected" : "is not approved yet"}`
        : "with no change request for this task or contract in the change register") +
      "; a change needs a formal request, review and approval",
  },
  "change.unreviewed": {
    title: { zh: "变更未经评审即批准", en: "Change approved without review" },
    zh: (a) =>
      `变更申请${changeZh(a)}已批准${a.has("approvalDate") ? `（${a.s("approvalDate")}）` : ""}，` +
      "但评审日期为空；变更须先评审后批准",
    en: (a) =>
      `Change request${changeEn(a)} was approved${a.has("approvalDate") ? ` on ${a.s("approvalDate")}` : ""} ` +
      "but has no review date; a change is reviewed before it is approved",
  },
  "change.open-overdue": {
    title: { zh: "变更申请久未审批", en: "Change request awaiting a decision" },
    zh: (a) =>
      `变更申请${changeZh(a)}于 ${a.s("requestDate")} 提出，应在 ${a.n("n")} 个工作日内（不晚于 ` +
      `${a.s("deadline")}）完成评审和批准，截至 ${a.s("asOf")} 仍未审批，已超过 ${a.n("days")} 天`,
    en: (a) =>
      `Change request${changeEn(a)} was made ${a.s("requestDate")}; it is decided within ` +
      `${plural(a.n("n"), "working day")} (by ${a.s("deadline")}), and as of ${a.s("asOf")} it is still ` +
      `undecided, ${plural(a.n("days"), "day")} late`,
  },
  "contract.kickoff-before-payment": {
    title: { zh: "首付款到账前召开动员会", en: "Kickoff before the first payment" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 的动员会于 ${a.s("kickoffDate")} 召开，` +
      (a.has("paymentDate") ? `首付款 ${a.s("paymentDate")} 才到账` : "至今未收到首付款") +
      "；会议前提：依据合同收到首付款后（§2.3.4）",
    en: (a) =>
      `Contract ${a.s("contractNo")}: the kickoff meeting was held ${a.s("kickoffDate")}, ` +
      (a.has("paymentDate")
        ? `but the first payment only came in ${a.s("paymentDate")}`
        : "and no first payment has been received") +
      "; the standard holds it only after the first payment (§2.3.4)",
  },
  "contract.plan-late": {
    title: { zh: "实施方案未按时报送财务部", en: "Plan not sent to finance in time" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 的项目实施通知发布于 ${a.s("noticeDate")}，` +
      `《项目实施方案》《工作计划表》应在 ${a.n("n")} 个工作日内（不晚于 ${a.s("deadline")}）报送财务部，` +
      (a.has("early")
        ? `记录的报送日期 ${a.s("planDate")} 早于实施通知`
        : a.has("planDate")
          ? `实际 ${a.s("planDate")}`
          : "至今未报送"),
    en: (a) =>
      `Contract ${a.s("contractNo")}: the implementation notice was issued ${a.s("noticeDate")}; the ` +
      `implementation plan and work plan were due at finance within ${plural(a.n("n"), "working day")} ` +
      `(by ${a.s("deadline")}), ` +
      (a.has("early")
        ? `but the date recorded, ${a.s("planDate")}, is before the notice`
        : a.has("planDate")
          ? `they were sent ${a.s("planDate")}`
          : "they have not been sent"),
  },
  "contract.project-report-late": {
    title: { zh: "立项报告未按时备档", en: "Project report not filed in time" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 签订于 ${a.s("signDate")}，立项报告应在 ${a.n("n")} 个工作日内` +
      `（不晚于 ${a.s("deadline")}）传至总经办和财务部备档，` +
      (a.has("early")
        ? `记录的日期 ${a.s("reportDate")} 早于合同签订`
        : a.has("reportDate")
          ? `实际 ${a.s("reportDate")}`
          : "至今未备档"),
    en: (a) =>
      `Contract ${a.s("contractNo")} was signed ${a.s("signDate")}; the project report was due at the ` +
      `general office and finance within ${plural(a.n("n"), "working day")} (by ${a.s("deadline")}), ` +
      (a.has("early")
        ? `but the date recorded, ${a.s("reportDate")}, is before the signing`
        : a.has("reportDate")
          ? `it was filed ${a.s("reportDate")}`
          : "it has not been filed"),
  },
  "contract.schedule-unsigned": {
    title: { zh: "进度计划表未双方签章", en: "Schedule not signed by both sides" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} ` +
      (a.s("event") === "kickoff" ? `已于 ${a.s("since")} 召开动员会` : `已于 ${a.s("since")} 完成`) +
      "，《进度计划表》未记录双方项目组负责人签字并加盖双方公司印章（§2.3.5）",
    en: (a) =>
      `Contract ${a.s("contractNo")} ` +
      (a.s("event") === "kickoff" ? `held its kickoff ${a.s("since")}` : `was completed ${a.s("since")}`) +
      ", but the schedule is not recorded as signed and stamped by both project leads (§2.3.5)",
  },
  "contract.training-plan-unconfirmed": {
    title: { zh: "培训计划未经客户确认", en: "Training plan not confirmed" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 的培训于 ${a.s("trainingStart")} 开始，` +
      (a.has("confirmed")
        ? `《培训计划表》${a.s("confirmed")} 才经客户确认`
        : "《培训计划表》未记录客户确认") +
      "；应经客户确认后实施培训计划（§2.4.2）",
    en: (a) =>
      `Contract ${a.s("contractNo")}: training started ${a.s("trainingStart")}, ` +
      (a.has("confirmed")
        ? `but the customer only confirmed the training plan ${a.s("confirmed")}`
        : "but the customer's confirmation of the training plan is not recorded") +
      "; it must be confirmed before training starts (§2.4.2)",
  },
  "contract.assessment-missing": {
    title: { zh: "缺少客户操作考核记录", en: "No operator assessment" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 的培训于 ${a.s("trainingEnd")} 结束，` +
      (a.has("assessed") ? `记录的考核日期 ${a.s("assessed")} 早于培训结束` : "未记录《客户操作考核记录》") +
      "；培训完成后应对参训人员进行操作考核（§2.4.2）",
    en: (a) =>
      `Contract ${a.s("contractNo")}: training ended ${a.s("trainingEnd")}, ` +
      (a.has("assessed")
        ? `but the assessment date recorded, ${a.s("assessed")}, is before it`
        : "but no operator assessment is recorded") +
      "; trainees are assessed after training (§2.4.2)",
  },
  "contract.init-check-missing": {
    title: { zh: "缺少初始化数据检查", en: "Initial data not checked" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 的初始化输入于 ${a.s("initDate")} 完成，` +
      (a.has("checked")
        ? `记录的检查日期 ${a.s("checked")} 早于初始化完成`
        : "未记录《客户初始化数据检查表》") +
      "；初始化完成后应检查初始化数据（§2.4.2）",
    en: (a) =>
      `Contract ${a.s("contractNo")}: initial data entry was finished ${a.s("initDate")}, ` +
      (a.has("checked")
        ? `but the check date recorded, ${a.s("checked")}, is before it`
        : "but no check of the initial data is recorded") +
      "; the initial data is checked once it is entered (§2.4.2)",
  },
  "contract.run-in-ending": {
    title: { zh: "免费磨合期即将结束", en: "Free run-in period ending" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 的免费磨合期` +
      (a.has("goLive") ? `自 ${a.s("goLive")} 正式运行起` : "") +
      (a.has("n") ? `按 ${a.n("n")} 天计，` : "，") +
      `于 ${a.s("end")} 结束，还剩 ${a.n("left")} 天`,
    en: (a) =>
      `Contract ${a.s("contractNo")}: the free run-in period` +
      (a.has("goLive") ? ` from formal operation on ${a.s("goLive")}` : "") +
      (a.has("n") ? ` (${plural(a.n("n"), "day")})` : "") +
      ` ends ${a.s("end")}, ${plural(a.n("left"), "day")} from now`,
  },
  "contract.run-in-ended": {
    title: { zh: "免费磨合期已结束", en: "Free run-in period over" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 的免费磨合期` +
      (a.has("goLive") ? `自 ${a.s("goLive")} 正式运行起` : "") +
      (a.has("n") ? `按 ${a.n("n")} 天计，` : "，") +
      `已于 ${a.s("end")} 结束（${a.n("days")} 天前）`,
    en: (a) =>
      `Contract ${a.s("contractNo")}: the free run-in period` +
      (a.has("goLive") ? ` from formal operation on ${a.s("goLive")}` : "") +
      (a.has("n") ? ` (${plural(a.n("n"), "day")})` : "") +
      ` ended ${a.s("end")}, ${plural(a.n("days"), "day")} ago`,
  },
  "contract.pre-acceptance-missing": {
    title: { zh: "验收前未预验收", en: "No pre-acceptance" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 于 ${a.s("acceptanceDate")} 验收，` +
      (a.has("preDate") ? `预验收 ${a.s("preDate")} 在验收之后` : "未记录预验收") +
      "；验收前应由部门2人以上预验收一次",
    en: (a) =>
      `Contract ${a.s("contractNo")} was accepted ${a.s("acceptanceDate")}, ` +
      (a.has("preDate")
        ? `but its pre-acceptance came after, ${a.s("preDate")}`
        : "but no pre-acceptance is recorded") +
      "; two or more of the department check it once before acceptance",
  },
  "contract.pre-acceptance-staff": {
    title: { zh: "预验收不足2人", en: "Pre-acceptance by fewer than 2" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 的预验收` +
      (a.n("count") === 0 ? "未记录预验收人" : `仅 ${a.s("names")} 1 人`) +
      "；应由部门2人以上预验收",
    en: (a) =>
      `Contract ${a.s("contractNo")}: ` +
      (a.n("count") === 0
        ? "no one is recorded for the pre-acceptance"
        : `only ${a.s("names")} did the pre-acceptance`) +
      "; two or more of the department must take part",
  },
  "contract.acceptance-copies": {
    title: { zh: "验收单未分送各部门", en: "Acceptance copies not sent" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 于 ${a.s("acceptanceDate")} 验收，客户签字的《项目实施验收单》` +
      `未记录报送${a.s("missing")}；应报送客服部、销售部、总经办及财务部各一份`,
    en: (a) =>
      `Contract ${a.s("contractNo")} was accepted ${a.s("acceptanceDate")}; no copy of the signed acceptance ` +
      `certificate is recorded as sent to ${a.s("missing")} (one each to customer service, sales, the general ` +
      "office and finance)",
  },
  "contract.closeout-missing": {
    title: { zh: "结案未完成", en: "Close-out incomplete" },
    zh: (a) =>
      `合同 ${a.s("contractNo")} 已标记为已完成，尚未记录：${steps(a.s("missing"), "zh")}` +
      "；项目总结和结案归档应在标记完成前完成，执行情况表与合同一并存档",
    en: (a) =>
      `Contract ${a.s("contractNo")} is marked complete but has no record of: ${steps(a.s("missing"), "en")}; ` +
      "the project summary and close-out filing come first, and the record is filed with the contract",
  },
  "table.stale": {
    title: { zh: "表格未按期更新", en: "Sheet not kept current" },
    zh: (a) =>
      `${a.s("kind") === "schedule" ? "进度计划表" : "合同执行情况表"}最后更新于 ${a.s("updated")}` +
      `（${staleSource(a, "zh")}），已 ${a.n("days")} 天未更新，超过填报周期 ${a.n("n")} 天；应按期填写（§1.2.2）`,
    en: (a) =>
      `The ${a.s("kind") === "schedule" ? "schedule" : "contract sheet"} was last updated ${a.s("updated")} ` +
      `(${staleSource(a, "en")}), ${plural(a.n("days"), "day")} ago, longer than the ` +
      `${plural(a.n("n"), "day")} reporting period (§1.2.2)`,
  },
  "table.not-recognized": {
    title: { zh: "未识别的数据", en: "Unrecognised data" },
    zh: (a, f) =>
      a.has("mapping")
        ? mappingProblemZh(a)
        : a.has("kind")
          ? nearMissZh(a, f)
          : `${a.has("count") ? `共 ${a.n("count")} 个相同结构的工作表（${a.s("sheets")}${a.n("count") > 5 ? " 等" : ""}）` : "工作表中"}有 ${a.n("cells")} 个单元格的数据，未识别为进度计划表、合同执行情况表或收款计划表`,
    en: (a, f) =>
      a.has("mapping")
        ? mappingProblemEn(a)
        : a.has("kind")
          ? nearMissEn(a, f)
          : `${a.has("count") ? `${a.n("count")} sheets of the same shape (${a.s("sheets")}${a.n("count") > 5 ? " …" : ""}) hold` : "This sheet holds"} ${plural(a.n("cells"), "cell")} of data that match no schedule, contract or payment table`,
  },
  "table.missing-columns": {
    title: { zh: "缺少规范要求的列", en: "Columns missing" },
    zh: (a) =>
      `表中没有「${a.s("fields")}」列` +
      (a.has("rules") ? `，以下检查无法进行：${ruleTitles(a.s("rules"), "zh")}` : "") +
      `；可在表中添加该列，或在「结构」页把已有的列对应到它`,
    en: (a) =>
      `The table has no ${a.s("fields")} column` +
      (a.has("rules") ? `, so these checks cannot run: ${ruleTitles(a.s("rules"), "en")}` : "") +
      `; add the column, or map an existing column to it on 结构`,
  },
  "table.blank-rows": {
    title: { zh: "表内空行", en: "Blank rows" },
    zh: (a) => `表中跳过了 ${a.n("count")} 个空行（第 ${a.s("rows")} 行）`,
    en: (a) => `${plural(a.n("count"), "blank row")} inside the table were skipped (rows ${a.s("rows")})`,
  },
  "calendar.year-missing": {
    title: { zh: "缺少节假日数据", en: "No holiday data" },
    zh: (a) =>
      `${a.has("years") ? a.s("years") : a.n("year")} 年没有节假日数据，工作日按周一至周五计算；请在「设置」的节假日表中补充`,
    en: (a) =>
      `There is no holiday data for ${a.has("years") ? a.s("years").replace(/、/g, ", ") : a.n("year")}; ` +
      `working days were counted Monday to Friday. ` +
      `Add ${a.n("count") > 1 ? "the years" : "the year"} to the 节假日 table on 设置`,
  },
};

/** A change request as a message names it: its number, content and contract. */
function changeZh(a: Args): string {
  const id = a.has("changeId") ? ` ${a.s("changeId")}` : "";
  const what = a.has("content") ? `「${a.s("content")}」` : "";
  const c = a.has("contractNo") ? `（合同 ${a.s("contractNo")}）` : "";
  return `${id}${what}${c}`;
}

function changeEn(a: Args): string {
  const id = a.has("changeId") ? ` ${a.s("changeId")}` : "";
  const what = a.has("content") ? ` "${a.s("content")}"` : "";
  const c = a.has("contractNo") ? ` (contract ${a.s("contractNo")})` : "";
  return `${id}${what}${c}`;
}

/** Who a risk or issue belongs to, after the sentence. */
function ownerZh(a: Args): string {
  return a.has("owner") ? `（负责人：${a.s("owner")}）` : "";
}

function ownerEn(a: Args): string {
  return a.has("owner") ? ` (owner: ${a.s("owner")})` : "";
}

/** A document of the 实施文档台账 as a message names it. */
function docZh(a: Args): string {
  const c = a.has("contractNo") ? `（合同 ${a.s("contractNo")}）` : "";
  return `文档「${a.s("doc")}」${c}`;
}

function docEn(a: Args): string {
  const c = a.has("contractNo") ? ` (contract ${a.s("contractNo")})` : "";
  return `Document "${a.s("doc")}"${c}`;
}

/** A §2.4.1 hand-off done after its deadline: both dates and the deadline. */
function lateStep(zh: string, en: string): RuleText {
  return {
    title: { zh, en },
    zh: (a) =>
      `${docZh(a)}${a.s("fromHeader")} ${a.s("fromDate")}，${a.s("toHeader")}应在 ${a.n("n")} 个工作日内、` +
      `不晚于 ${a.s("deadline")}，实际 ${a.s("toDate")}`,
    en: (a) =>
      `${docEn(a)}: ${a.s("fromHeader")} ${a.s("fromDate")}, so ${a.s("toHeader")} was due within ` +
      `${plural(a.n("n"), "working day")}, by ${a.s("deadline")}; it was ${a.s("toDate")}`,
  };
}

/** Rule ids `a,b` → their titles in the language, joined. */
function ruleTitles(ids: string, lang: Lang): string {
  return ids
    .split(",")
    .map((id) => TEXTS[id as RuleId]?.title[lang] ?? id)
    .join(lang === "zh" ? "、" : ", ");
}

export function formatFinding(f: Finding, lang: Lang): string {
  const t = TEXTS[f.rule];
  return t[lang](new Args(f.args), f);
}

/** A short name for grouping findings in reports; an id this build does not know is shown as is. */
export function ruleTitle(rule: RuleId | string, lang: Lang): string {
  return (TEXTS as Partial<Record<string, RuleText>>)[rule]?.title[lang] ?? rule;
}
