/**
 * The hidden 设置 sheet (SPEC §7): the 参数 table (项, 值) and the 节假日 table
 * (日期, 类型, 名称), read either as Excel tables or as plain header rows
 * anywhere on the sheet. Cell values are parsed here, at the edge, and the
 * assembled overrides are validated with zod before the core trusts them.
 *
 * Keys understood in 项 (Chinese label or the setting's own name; spaces and
 * full-width characters ignored, case-insensitive):
 *
 * | 项 | setting | 值 |
 * |---|---|---|
 * | 临近天数, 到期提醒工作日数, 临近提醒工作日数 | dueSoonWorkdays | whole number 0–366 |
 * | 临近提醒天数, 临近提醒日数 | dueSoonDays (calendar days, the live highlight) | whole number |
 * | 实施通知工作日数, 项目实施通知工作日数 | noticeWorkdays | whole number |
 * | 书面报告天数, 书面报告日数 | reportDays | whole number |
 * | 计划调整提前天数, 计划调整通知提前天数 | changeNoticeDays | whole number |
 * | 初审传总经办工作日数 | docToOfficeWorkdays | whole number (§2.4.1) |
 * | 总经办审核工作日数 | docOfficeWorkdays | whole number (§2.4.1) |
 * | 文档送达工作日数 | docDeliveryWorkdays | whole number (§2.4.1) |
 * | 实施会议工作日数 | docMeetingWorkdays | whole number (§2.4.1) |
 * | 文档备案工作日数 | docFilingWorkdays | whole number (§2.4.1) |
 * | 风险评审周期天数, 风险评审天数 | riskReviewDays | whole number (calendar days) |
 * | 实施方案报送工作日数, 方案报送财务工作日数 | planWorkdays | whole number |
 * | 填报周期天数, 更新周期天数 | updateDays | whole number |
 * | 免费磨合期天数, 磨合期天数 | runInDays | whole number |
 * | 磨合期提醒天数, 磨合期到期提醒天数 | runInRemindDays | whole number |
 * | 变更审批工作日数, 变更审批天数 | changeApprovalWorkdays | whole number (working days) |
 * | 每日工时, 每天工时, 每日工作小时数 | hoursPerDay | whole number 1–24 (a duration counted in hours → days) |
 * | 公司名称 | companyName | text |
 * | 财务部名称, 销售部名称, 客服部名称, 总经办名称 | departments.* | text |
 * | 语言 | lang | 中文/zh/zh-CN or English/英文/en/en-US |
 * | 甘特图 | gantt | 按日/日/day, 按周/周/week, or 关闭/无/否/off |
 * | 校验日期, 基准日期 | asOf | a date; 今天/today/自动 or blank = today |
 * | 严重程度:RULE or RULE (a rule id such as schedule.overdue) | severities | 错误/警告/提示 or error/warning/info |
 * | 列映射:SHEET!COL (colon may be full-width; the last `!` splits) | mappings | a field id (`planEnd`, `dueDate3`), a field's header (计划完成, 约定收款日期3), or 不映射/无/忽略/none |
 *
 * Other keys (the user name for the log …) belong to other parts of the product and are
 * returned in `otherKeys` untouched.
 */

import { found, type Found } from "./owned";
import { z } from "zod/mini";
import type { HolidayEntry } from "./calendar";
import type { IsoDate } from "./dates";
import type { RuleId, Severity } from "./findings";
import { KIND_DEFS, KINDS, parseKindWord } from "./kinds";
import { normaliseHeader, type DeclaredTable, type MappingOverride } from "./recognise";
import { RULE_IDS } from "./rules/index";
import { DEFAULT_SETTINGS, HOURS_PER_DAY, type GanttMode, type Lang, type Settings } from "./settings";
import {
  a1,
  cellAt,
  colNumber,
  type Cell,
  type SheetSnapshot,
  type TableInfo,
  type WorkbookSnapshot,
} from "./snapshot";
import { displayValue, parseDate, parseText, toHalfWidth } from "./values";

export const SETTINGS_SHEET = "设置";

export interface SettingsProblem {
  sheet: string;
  row: number;
  /** A1 address of the offending 值 / 日期 / 类型 cell. */
  cell: string;
  value: string;
  /**
   * What the cell should hold: `field` is a 列映射 值 naming no field; `column` a 列映射 项 that
   * is not `列映射:SHEET!COL` (the cell is then the 项 cell).
   */
  expected:
    | "date"
    | "number"
    | "lang"
    | "gantt"
    | "severity"
    | "holiday-type"
    | "field"
    | "column"
    /** A 表声明 or 列映射 项 naming a sheet the workbook does not have (renamed or deleted). */
    | "sheet"
    /** A 表声明 项 whose row is empty from its column on: no header there. */
    | "header";
  key?: string;
}

export interface WorkbookSettings {
  /** Only what the sheet sets; merge over DEFAULT_SETTINGS with mergeSettings. */
  settings: SettingsOverrides;
  /** 校验日期 when the sheet fixes one (the caller decides whether it wins over today). */
  asOf?: IsoDate;
  holidays: HolidayEntry[];
  /** 列映射 rows, in row order; a later row for the same sheet and column replaces an earlier one. */
  mappings: MappingOverride[];
  /** 表声明 rows: header rows the user declared a table of a kind. */
  declared: DeclaredTable[];
  problems: SettingsProblem[];
  /** Keys this module does not own, by normalised key → raw 值 cell. */
  otherKeys: Map<string, Cell | undefined>;
}

/** A partial Settings whose departments may be partial too. */
export type SettingsOverrides = Omit<Partial<Settings>, "departments"> & {
  departments?: Partial<Settings["departments"]>;
};

type NumberKey =
  | "dueSoonWorkdays"
  | "dueSoonDays"
  | "noticeWorkdays"
  | "reportDays"
  | "changeNoticeDays"
  | "docToOfficeWorkdays"
  | "docOfficeWorkdays"
  | "docDeliveryWorkdays"
  | "docMeetingWorkdays"
  | "docFilingWorkdays"
  | "riskReviewDays"
  | "planWorkdays"
  | "updateDays"
  | "runInDays"
  | "runInRemindDays"
  | "changeApprovalWorkdays"
  | "hoursPerDay";
type DeptKey = keyof Settings["departments"];

/** A setting a 参数 row may set (severities aside). */
export type ParamKey = NumberKey | "companyName" | "lang" | "asOf" | "gantt" | `departments.${DeptKey}`;

const NUMBER_KEYS: Record<NumberKey, string[]> = {
  dueSoonWorkdays: ["临近天数", "到期提醒工作日数", "临近提醒工作日数"],
  dueSoonDays: ["临近提醒天数", "临近提醒日数"],
  noticeWorkdays: ["实施通知工作日数", "项目实施通知工作日数"],
  reportDays: ["书面报告天数", "书面报告日数"],
  changeNoticeDays: ["计划调整提前天数", "计划调整通知提前天数"],
  docToOfficeWorkdays: ["初审传总经办工作日数"],
  docOfficeWorkdays: ["总经办审核工作日数"],
  docDeliveryWorkdays: ["文档送达工作日数"],
  docMeetingWorkdays: ["实施会议工作日数"],
  docFilingWorkdays: ["文档备案工作日数"],
  riskReviewDays: ["风险评审周期天数", "风险评审天数"],
  planWorkdays: ["实施方案报送工作日数", "方案报送财务工作日数"],
  updateDays: ["填报周期天数", "更新周期天数"],
  runInDays: ["免费磨合期天数", "磨合期天数"],
  runInRemindDays: ["磨合期提醒天数", "磨合期到期提醒天数"],
  changeApprovalWorkdays: ["变更审批工作日数", "变更审批天数"],
  hoursPerDay: ["每日工时", "每天工时", "每日工作小时数"],
};
const DEPT_KEYS: Record<DeptKey, string[]> = {
  finance: ["财务部名称"],
  sales: ["销售部名称"],
  service: ["客服部名称"],
  office: ["总经办名称"],
};
const TEXT_KEYS = {
  companyName: ["公司名称"],
  lang: ["语言"],
  asOf: ["校验日期", "基准日期"],
  gantt: ["甘特图", "甘特图模式"],
};

/**
 * Every setting in the order the product lays 参数 out, with the 项 it writes. 项 stays Chinese
 * so the reader finds it whatever the workbook's language.
 */
export const PARAM_LABELS: ReadonlyArray<readonly [ParamKey, string]> = [
  ["asOf", "校验日期"],
  ["dueSoonWorkdays", "临近提醒工作日数"],
  ["dueSoonDays", "临近提醒天数"],
  ["noticeWorkdays", "实施通知工作日数"],
  ["reportDays", "书面报告天数"],
  ["changeNoticeDays", "计划调整提前天数"],
  ["companyName", "公司名称"],
  ["departments.finance", "财务部名称"],
  ["departments.sales", "销售部名称"],
  ["departments.service", "客服部名称"],
  ["departments.office", "总经办名称"],
  ["lang", "语言"],
  ["docToOfficeWorkdays", "初审传总经办工作日数"],
  ["docOfficeWorkdays", "总经办审核工作日数"],
  ["docDeliveryWorkdays", "文档送达工作日数"],
  ["docMeetingWorkdays", "实施会议工作日数"],
  ["docFilingWorkdays", "文档备案工作日数"],
  ["riskReviewDays", "风险评审周期天数"],
  ["planWorkdays", "实施方案报送工作日数"],
  ["updateDays", "填报周期天数"],
  ["runInDays", "免费磨合期天数"],
  ["runInRemindDays", "磨合期提醒天数"],
  ["changeApprovalWorkdays", "变更审批工作日数"],
  ["hoursPerDay", "每日工时"],
  ["gantt", "甘特图"],
];

/** Normalised 项 text → what it sets. */
const KEY_INDEX = new Map<string, ParamKey>();
for (const [k, labels] of Object.entries({ ...NUMBER_KEYS, ...TEXT_KEYS })) {
  for (const l of [...labels, k]) KEY_INDEX.set(normKey(l), k as ParamKey);
}
for (const [k, labels] of Object.entries(DEPT_KEYS)) {
  for (const l of [...labels, `departments.${k}`]) KEY_INDEX.set(normKey(l), `departments.${k}` as ParamKey);
}

/** Spaces and full-width differences dropped, lower-cased: how 项 and header texts compare. */
export function normKey(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, "").toLowerCase();
}

/** The setting a 项 text names, if any. */
export function paramKeyOf(text: string): ParamKey | undefined {
  return KEY_INDEX.get(normKey(text));
}

function isNumberKey(k: ParamKey): k is NumberKey {
  return k in NUMBER_KEYS;
}

const SEVERITY_WORDS: Record<string, Severity> = {
  错误: "error",
  error: "error",
  警告: "warning",
  warning: "warning",
  提示: "info",
  信息: "info",
  info: "info",
};
const LANG_WORDS: Record<string, Settings["lang"]> = {
  中文: "zh",
  zh: "zh",
  "zh-cn": "zh",
  简体中文: "zh",
  english: "en",
  英文: "en",
  en: "en",
  "en-us": "en",
};
const GANTT_WORDS: Record<string, GanttMode> = {
  按日: "day",
  日: "day",
  天: "day",
  day: "day",
  按周: "week",
  周: "week",
  week: "week",
  关闭: "off",
  关: "off",
  无: "off",
  否: "off",
  不画: "off",
  off: "off",
  none: "off",
};
/** How 参数 writes each Gantt mode. */
export const GANTT_TEXT: Record<GanttMode, string> = { off: "关闭", day: "按日", week: "按周" };
const TODAY_WORDS = new Set(["今天", "今日", "today", "自动", "auto"]);
const HOLIDAY_TYPES: Record<string, "休" | "班"> = {
  休: "休",
  假: "休",
  休息: "休",
  放假: "休",
  节假日: "休",
  班: "班",
  上班: "班",
  补班: "班",
  调休上班: "班",
};

/** 类型 text → 休 or 班, undefined when it is neither. */
export function holidayTypeOf(v: Cell["value"] | undefined): "休" | "班" | undefined {
  const t = parseText(v);
  return t.status === "ok" ? HOLIDAY_TYPES[normKey(t.value)] : undefined;
}

const dayCount = z.number().check(z.int(), z.gte(0), z.lte(366));
const hourCount = z.number().check(z.int(), z.gte(HOURS_PER_DAY.min), z.lte(HOURS_PER_DAY.max));
const OverridesSchema = z.partial(
  z.object({
    dueSoonWorkdays: dayCount,
    dueSoonDays: dayCount,
    noticeWorkdays: dayCount,
    reportDays: dayCount,
    changeNoticeDays: dayCount,
    docToOfficeWorkdays: dayCount,
    docOfficeWorkdays: dayCount,
    docDeliveryWorkdays: dayCount,
    docMeetingWorkdays: dayCount,
    docFilingWorkdays: dayCount,
    riskReviewDays: dayCount,
    planWorkdays: dayCount,
    updateDays: dayCount,
    runInDays: dayCount,
    runInRemindDays: dayCount,
    changeApprovalWorkdays: dayCount,
    hoursPerDay: hourCount,
    lang: z.enum(["zh", "en"]),
    gantt: z.enum(["off", "day", "week"]),
    companyName: z.string(),
    departments: z.partial(
      z.object({ finance: z.string(), sales: z.string(), service: z.string(), office: z.string() }),
    ),
    severities: z.record(z.string(), z.enum(["error", "warning", "info"])),
  }),
);

// ---------------------------------------------------------------------------
// Column-mapping overrides (列映射:SHEET!COL)

const MAPPING_KEY_RE = /^列映射\s*[:：]\s*(.*)$/s;
const NONE_WORDS = new Set(["不映射", "无", "忽略", "none"]);
const MAX_COLUMN = 16384;

interface FieldEntry {
  field: string;
  numbered: boolean;
}
/** Field ids of every kind, by lower-cased id. */
const FIELD_IDS = new Map<string, FieldEntry>();
/** Header key (normaliseHeader) → field, the first kind that knows the header winning. */
const HEADER_FIELDS = new Map<string, FieldEntry>();
for (const kind of KINDS) {
  for (const f of KIND_DEFS[kind].fields) {
    const entry = { field: f.field, numbered: f.numbered === true };
    const known = FIELD_IDS.get(f.field.toLowerCase());
    if (!known || (entry.numbered && !known.numbered)) FIELD_IDS.set(f.field.toLowerCase(), entry);
    for (const h of f.headers) {
      const key = normaliseHeader(h).key;
      if (!HEADER_FIELDS.has(key)) HEADER_FIELDS.set(key, entry);
    }
  }
}

/**
 * A 列映射 项 → the sheet and column it maps; "bad" when it starts with 列映射 but is not
 * `列映射:SHEET!COL`; undefined for any other key. The last `!` (or `！`) splits, so a sheet name
 * may hold one; a sheet name in quotes (`'计划 表'!F`) is unquoted.
 */
export function parseMappingKey(text: string): { sheet: string; column: string } | "bad" | undefined {
  const m = MAPPING_KEY_RE.exec(text.trim());
  if (!m) return undefined;
  const rest = m[1];
  const bang = Math.max(rest.lastIndexOf("!"), rest.lastIndexOf("！"));
  if (bang <= 0) return "bad";
  let sheet = rest.slice(0, bang).trim();
  if (sheet.length > 1 && sheet.startsWith("'") && sheet.endsWith("'")) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const column = toHalfWidth(rest.slice(bang + 1))
    .trim()
    .toUpperCase();
  if (!sheet || !/^[A-Z]{1,3}$/.test(column) || colNumber(column) > MAX_COLUMN) return "bad";
  return { sheet, column };
}

const DECLARED_KEY_RE = /^表声明\s*[:：]\s*(.*)$/s;

/**
 * A 表声明 项 (`表声明:进度计划!A3`: the header row 3 of 进度计划, from column A, is a table of
 * the kind in 值) → its sheet, row and column; "bad" when it is not SHEET!CELL.
 */
export function parseDeclaredKey(
  text: string,
): { sheet: string; row: number; column: string } | "bad" | undefined {
  const m = DECLARED_KEY_RE.exec(text.trim());
  if (!m) return undefined;
  return parseSheetCell(m[1]) ?? "bad";
}

/** `Sheet1!A3`, `'计划 表'!B2` → sheet, row, column; undefined when it is not one. */
export function parseSheetCell(text: string): { sheet: string; row: number; column: string } | undefined {
  const rest = text.trim();
  const bang = Math.max(rest.lastIndexOf("!"), rest.lastIndexOf("！"));
  if (bang <= 0) return undefined;
  let sheet = rest.slice(0, bang).trim();
  if (sheet.length > 1 && sheet.startsWith("'") && sheet.endsWith("'"))
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const ref = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(
    toHalfWidth(rest.slice(bang + 1))
      .trim()
      .toUpperCase(),
  );
  if (!sheet || !ref || colNumber(ref[1]) > MAX_COLUMN || Number(ref[2]) > 1048576) return undefined;
  return { sheet, row: Number(ref[2]), column: ref[1] };
}

/** The 项 a declared table is written with. */
export function declaredKeyText(sheet: string, column: string, row: number): string {
  return `表声明:${sheet}!${column.toUpperCase()}${row}`;
}

/** The 项 a mapping is written with. */
export function mappingKeyText(sheet: string, column: string): string {
  return `列映射:${sheet}!${column.toUpperCase()}`;
}

/**
 * A 列映射 值 → the field it names: a field id (`planEnd`, `dueDate3`, `dueDate#3`; any case),
 * a header of the field as recognition knows it (计划完成, 约定收款日期3, 合同金额（万元）), or
 * 不映射/无/忽略/none for null. Undefined when it names no field. A header two kinds give to
 * different fields (实际完成日期) goes to the first kind's (schedule before contracts before
 * payments); the field id is always exact.
 */
export function parseMappingField(text: string): { field: string | null } | undefined {
  const k = normKey(text);
  if (k === "") return undefined;
  if (NONE_WORDS.has(k)) return { field: null };
  const id = /^([a-z]+?)#?([1-9])?$/.exec(k);
  if (id) {
    const f = FIELD_IDS.get(id[1]);
    if (f && id[2] === undefined) return { field: f.field };
    if (f?.numbered && id[2] !== undefined) return { field: `${f.field}${id[2]}` };
  }
  const key = normaliseHeader(text).key;
  const exact = HEADER_FIELDS.get(key);
  if (exact) return { field: exact.field };
  const n = /^(.+?)[-_#]?([1-9])$/.exec(key);
  const base = n ? HEADER_FIELDS.get(n[1]) : undefined;
  if (n && base?.numbered) return { field: `${base.field}${n[2]}` };
  return undefined;
}

/** Header (or id) each field is written with in zh: the first of its headers that reads back as it. */
const FIELD_HEADER = new Map<string, string>();
for (const kind of KINDS) {
  for (const f of KIND_DEFS[kind].fields) {
    if (FIELD_HEADER.has(f.field)) continue;
    const h = KINDS.flatMap((k) => KIND_DEFS[k].fields.filter((x) => x.field === f.field))
      .flatMap((x) => x.headers)
      .find((x) => parseMappingField(x)?.field === f.field);
    if (h) FIELD_HEADER.set(f.field, h);
  }
}

/**
 * A mapping's 值 as the product writes it: the field's Chinese header (with its group number) in
 * zh, the field id in en, 不映射/none for null. Either reads back as the same field.
 */
export function mappingFieldText(field: string | null, lang: Lang): string {
  if (field === null) return lang === "en" ? "none" : "不映射";
  if (lang === "en") return field;
  const m = /^(.+?)([1-9])$/.exec(field);
  const base = m && FIELD_IDS.get(m[1].toLowerCase())?.numbered ? m[1] : field;
  const header = FIELD_HEADER.get(base);
  if (!header) return field;
  const text = base === field ? header : `${header}${field.slice(base.length)}`;
  return parseMappingField(text)?.field === field ? text : field;
}

/** Same sheet (case-insensitive, as Excel compares names) and same column. */
export function sameColumn(
  a: { sheet: string; column: string },
  b: { sheet: string; column: string },
): boolean {
  return a.sheet.toLowerCase() === b.sheet.toLowerCase() && a.column.toUpperCase() === b.column.toUpperCase();
}

// ---------------------------------------------------------------------------
// Blocks on the sheet

/** A block found on the sheet: its header row and the first column of its header. */
export interface SettingsBlock {
  headerRow: number;
  /** Column of each header found, by header text (项/值/说明, 日期/类型/名称). */
  cols: Map<string, number>;
  /** The Excel table the block is, if it is one. */
  table?: TableInfo;
  /**
   * Rows the block holds: every data row of a table (blank ones too); a plain block's rows down
   * to the first one without a key.
   */
  slots: number[];
  /** The slots whose key cell (项 / 日期) is not empty. */
  rows: number[];
}

export const PARAMS_HEADERS = ["项", "值", "说明"];
export const HOLIDAYS_HEADERS = ["日期", "类型", "名称"];

function findBlock(sheet: SheetSnapshot, tableName: string, headers: string[]): SettingsBlock | undefined {
  const headerCols = (r: number, c1: number, c2: number): Map<string, number> => {
    const cols = new Map<string, number>();
    for (let c = c1; c <= c2; c++) {
      const v = cellAt(sheet, r, c)?.value;
      if (typeof v === "string") {
        const h = normKey(v);
        if (headers.includes(h) && !cols.has(h)) cols.set(h, c);
      }
    }
    return cols;
  };
  const withRows = (b: Omit<SettingsBlock, "slots" | "rows">): SettingsBlock => {
    const keyCol = b.cols.get(headers[0]) ?? 0;
    const slots: number[] = [];
    const rows: number[] = [];
    const last = b.table ? b.table.range.r2 : sheet.rows.length;
    for (let r = b.headerRow + 1; r <= last; r++) {
      const empty = parseText(cellAt(sheet, r, keyCol)?.value).status === "empty";
      if (empty && !b.table) break;
      slots.push(r);
      if (!empty) rows.push(r);
    }
    return { ...b, slots, rows };
  };
  const table = sheet.tables.find((t) => t.name === tableName) ?? undefined;
  if (table) {
    const cols = headerCols(table.range.r1, table.range.c1, table.range.c2);
    if (cols.has(headers[0]) && cols.has(headers[1])) {
      return withRows({ headerRow: table.range.r1, cols, table });
    }
  }
  // A plain header row: the first two headers side by side, first-found wins.
  let found: Omit<SettingsBlock, "slots" | "rows"> | undefined;
  sheet.rows.forEach((cells, ri) => {
    if (found || !cells) return;
    cells.forEach((cell, ci) => {
      if (found || typeof cell?.value !== "string" || normKey(cell.value) !== headers[0]) return;
      const cols = headerCols(ri + 1, ci + 1, ci + 1 + headers.length + 1);
      if (cols.get(headers[1]) === ci + 2) found = { headerRow: ri + 1, cols };
    });
  });
  return found && withRows(found);
}

/** The 参数 block (项, 值, and 说明 when present): the table named 参数, else a plain header row. */
export function findParamsBlock(sheet: SheetSnapshot): SettingsBlock | undefined {
  return findBlock(sheet, "参数", PARAMS_HEADERS);
}

/** The 节假日 block (日期, 类型, and 名称 when present). */
export function findHolidaysBlock(sheet: SheetSnapshot): SettingsBlock | undefined {
  return findBlock(sheet, "节假日", HOLIDAYS_HEADERS);
}

function wholeNumber(v: Cell["value"] | undefined): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(toHalfWidth(v).trim()) : NaN;
  return dayCount.safeParse(n).success ? n : undefined;
}

/** What a 值 cell holds for a setting. */
export type ParamRead =
  | { status: "ok"; value: number | string }
  /** The row sets nothing (for 校验日期: today). */
  | { status: "empty" }
  | { status: "bad"; expected: SettingsProblem["expected"] };

/** Reads the 值 cell of a setting's row: numbers whole 0–366, 语言 as zh/en, 校验日期 as a date. */
export function readParam(key: ParamKey, cell: Cell | undefined, date1904: boolean): ParamRead {
  const text = parseText(cell?.value);
  const str = text.status === "ok" ? text.value.trim() : "";
  if (isNumberKey(key)) {
    if (text.status === "empty" && typeof cell?.value !== "number") return { status: "empty" };
    const n = wholeNumber(cell?.value);
    if (n !== undefined && key === "hoursPerDay" && (n < HOURS_PER_DAY.min || n > HOURS_PER_DAY.max))
      return { status: "bad", expected: "number" };
    return n === undefined ? { status: "bad", expected: "number" } : { status: "ok", value: n };
  }
  if (key === "lang") {
    const lang = LANG_WORDS[normKey(str)];
    if (lang) return { status: "ok", value: lang };
    return str ? { status: "bad", expected: "lang" } : { status: "empty" };
  }
  if (key === "gantt") {
    const mode = GANTT_WORDS[normKey(str)];
    if (mode) return { status: "ok", value: mode };
    return str ? { status: "bad", expected: "gantt" } : { status: "empty" };
  }
  if (key === "asOf") {
    if (text.status === "empty" || TODAY_WORDS.has(normKey(str))) return { status: "empty" };
    const d = parseDate(cell?.value, { date1904, numFmt: cell?.numFmt });
    return d.status === "ok" ? { status: "ok", value: d.value } : { status: "bad", expected: "date" };
  }
  return str ? { status: "ok", value: str } : { status: "empty" };
}

/**
 * The 设置 sheet: the marked one, else the sheet named 设置. Unlike the product's other sheets,
 * 设置 is a contract with the user (SPEC §7): a user may type one, and the product only ever
 * writes single cells of it (or the whole sheet when there is none), so a sheet of that name is
 * the workbook's settings even without a marker.
 */
export function settingsSheet(wb: WorkbookSnapshot): Found | undefined {
  return found(
    wb.sheets.find((s) => s.owner?.kind === "settings" && s.owner.id === "main"),
    () => wb.sheets.find((s) => s.name === SETTINGS_SHEET),
  );
}

/** Whether row `r` of `s` holds a value at or right of column `c` (both 1-based). */
function textFrom(s: SheetSnapshot, r: number, c: number): boolean {
  const row = s.rows[r - 1];
  if (!row) return false;
  for (let i = c - 1; i < row.length; i++) {
    const v = row[i]?.value;
    if (v !== undefined && v !== null && v !== "") return true;
  }
  return false;
}

export function readWorkbookSettings(wb: WorkbookSnapshot): WorkbookSettings {
  const out: WorkbookSettings = {
    settings: {},
    holidays: [],
    mappings: [],
    declared: [],
    problems: [],
    otherKeys: new Map(),
  };
  const sheet = settingsSheet(wb)?.sheet;
  if (!sheet) return out;
  const problem = (r: number, c: number, expected: SettingsProblem["expected"], key?: string) => {
    const cell = cellAt(sheet, r, c);
    out.problems.push({
      sheet: sheet.name,
      row: r,
      cell: a1(r, c),
      value: cell ? displayValue(cell, wb.date1904) : "",
      expected,
      ...(key === undefined ? {} : { key }),
    });
  };
  // A mapping names a sheet as Excel does, case-insensitively; recognition matches exact names.
  const sheetNames = new Map(wb.sheets.map((s) => [s.name.toLowerCase(), s.name]));

  const draft: Record<string, unknown> = {};
  const departments: Partial<Settings["departments"]> = {};
  const severities: Partial<Record<RuleId, Severity>> = {};
  const params = findParamsBlock(sheet);
  if (params) {
    const kc = params.cols.get("项") ?? 0;
    const vc = params.cols.get("值") ?? 0;
    for (const r of params.rows) {
      const keyText = parseText(cellAt(sheet, r, kc)?.value);
      if (keyText.status !== "ok") continue;
      const raw = keyText.value.trim();
      const key = normKey(raw);
      const cell = cellAt(sheet, r, vc);
      const text = parseText(cell?.value);
      const str = text.status === "ok" ? text.value.trim() : "";
      const setting = KEY_INDEX.get(key);
      const ruleKey = raw.replace(/^严重程度[:：]\s*/, "");
      const mapping = parseMappingKey(raw);
      const declared = parseDeclaredKey(raw);
      if (declared === "bad") {
        problem(r, kc, "column", raw);
      } else if (declared) {
        const kind = parseKindWord(str);
        if (!kind) {
          if (str !== "") problem(r, vc, "field", raw);
          continue;
        }
        const named = sheetNames.get(declared.sheet.toLowerCase());
        if (!named) problem(r, kc, "sheet", raw);
        else if (
          !textFrom(
            wb.sheets.find((s) => s.name === named)!,
            declared.row,
            colNumber(declared.column),
          )
        )
          problem(r, kc, "header", raw);
        const d: DeclaredTable = {
          sheet: named ?? declared.sheet,
          row: declared.row,
          column: declared.column,
          kind,
        };
        out.declared = out.declared.filter((x) => !(x.sheet === d.sheet && x.row === d.row));
        out.declared.push(d);
      } else if (setting) {
        const read = readParam(setting, cell, wb.date1904);
        if (read.status === "bad") problem(r, vc, read.expected, raw);
        else if (read.status === "empty") continue;
        else if (setting.startsWith("departments.")) {
          departments[setting.slice("departments.".length) as DeptKey] = read.value as string;
        } else if (setting === "asOf") out.asOf = read.value as IsoDate;
        else draft[setting] = read.value;
      } else if (mapping === "bad") {
        problem(r, kc, "column", raw);
      } else if (mapping) {
        if (text.status === "empty") continue;
        const f = parseMappingField(str);
        if (!f) {
          problem(r, vc, "field", raw);
          continue;
        }
        if (!sheetNames.has(mapping.sheet.toLowerCase())) problem(r, kc, "sheet", raw);
        const m: MappingOverride = {
          sheet: sheetNames.get(mapping.sheet.toLowerCase()) ?? mapping.sheet,
          column: mapping.column,
          field: f.field,
        };
        const at = out.mappings.findIndex((x) => sameColumn(x, m));
        if (at >= 0) out.mappings.splice(at, 1);
        out.mappings.push(m);
      } else if (RULE_IDS.has(ruleKey as RuleId)) {
        const sev = SEVERITY_WORDS[normKey(str)];
        if (sev) severities[ruleKey as RuleId] = sev;
        else if (str) problem(r, vc, "severity", raw);
      } else {
        out.otherKeys.set(key, cell);
      }
    }
  }
  if (Object.keys(departments).length > 0) draft.departments = departments;
  if (Object.keys(severities).length > 0) draft.severities = severities;
  // Every value above was checked as it was read; the schema guards the assembled shape.
  const parsed = OverridesSchema.safeParse(draft);
  if (parsed.success) out.settings = parsed.data;

  const hol = findHolidaysBlock(sheet);
  if (hol) {
    const dc = hol.cols.get("日期") ?? 0;
    const tc = hol.cols.get("类型") ?? 0;
    const nc = hol.cols.get("名称");
    for (const r of hol.rows) {
      const cell = cellAt(sheet, r, dc);
      const d = parseDate(cell?.value, { date1904: wb.date1904, numFmt: cell?.numFmt });
      const type = holidayTypeOf(cellAt(sheet, r, tc)?.value);
      if (d.status !== "ok") problem(r, dc, "date");
      if (!type) problem(r, tc, "holiday-type");
      if (d.status !== "ok" || !type) continue;
      const name = nc === undefined ? undefined : parseText(cellAt(sheet, r, nc)?.value);
      out.holidays.push({ date: d.value, type, ...(name?.status === "ok" ? { name: name.value } : {}) });
    }
  }
  return out;
}

/** Defaults ← workbook 设置 ← caller: later wins, departments and severities merged key by key. */
export function mergeSettings(base: Settings, ...layers: Array<SettingsOverrides | undefined>): Settings {
  let s: Settings = { ...base, departments: { ...base.departments }, severities: { ...base.severities } };
  for (const layer of layers) {
    if (!layer) continue;
    s = {
      ...s,
      ...layer,
      departments: { ...s.departments, ...layer.departments },
      severities: { ...s.severities, ...layer.severities },
    };
  }
  return s;
}

/**
 * The workbook's own settings, mappings and calendar, as the task pane shows and edits them
 * (`state` of every check; readWorkbookState without one).
 */
export interface WorkbookState {
  /** Settings in force: DEFAULT_SETTINGS ← the 设置 sheet. */
  settings: Settings;
  /** 校验日期 fixed in 设置, if any. */
  asOf?: IsoDate;
  /** The 节假日 table's rows as read. */
  holidays: HolidayEntry[];
  /** Column-mapping overrides saved in 参数. */
  mappings: MappingOverride[];
  /** Tables declared by hand (表声明 rows in 参数). */
  declared?: DeclaredTable[];
  /** Years the check needed that neither the bundled calendar nor 节假日 covers (from calendar.year-missing), ascending. */
  missingYears: number[];
  /** Whether the workbook has a 设置 sheet yet. */
  hasSettingsSheet: boolean;
}

/** The state from what readWorkbookSettings read; `missingYears` is what a check found. */
export function workbookState(
  wb: WorkbookSnapshot,
  ws: WorkbookSettings,
  missingYears: number[] = [],
): WorkbookState {
  return {
    settings: mergeSettings(DEFAULT_SETTINGS, ws.settings),
    ...(ws.asOf === undefined ? {} : { asOf: ws.asOf }),
    holidays: ws.holidays,
    mappings: ws.mappings,
    ...(ws.declared.length > 0 ? { declared: ws.declared } : {}),
    missingYears: [...missingYears].sort((a, b) => a - b),
    hasSettingsSheet: settingsSheet(wb) !== undefined,
  };
}

/**
 * The state of a workbook without running a check. `missingYears` is always []: which years
 * lack holiday data depends on the dates the rules look at, so only a check (CheckResult.state)
 * knows it.
 */
export function readWorkbookState(wb: WorkbookSnapshot): WorkbookState {
  return workbookState(wb, readWorkbookSettings(wb));
}
