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
 * | 公司名称 | companyName | text |
 * | 财务部名称, 销售部名称, 客服部名称, 总经办名称 | departments.* | text |
 * | 语言 | lang | 中文/zh/zh-CN or English/英文/en/en-US |
 * | 校验日期, 基准日期 | asOf | a date; 今天/today/自动 or blank = today |
 * | 严重程度:RULE or RULE (a rule id such as schedule.overdue) | severities | 错误/警告/提示 or error/warning/info |
 *
 * Other keys (column-mapping overrides, the user name for the log …) belong to
 * other parts of the product and are returned in `otherKeys` untouched.
 */

import { z } from "zod";
import type { HolidayEntry } from "./calendar";
import type { IsoDate } from "./dates";
import type { RuleId, Severity } from "./findings";
import type { Settings } from "./settings";
import { a1, cellAt, type Cell, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { displayValue, parseDate, parseText, toHalfWidth } from "./values";

export const SETTINGS_SHEET = "设置";

export interface SettingsProblem {
  sheet: string;
  row: number;
  /** A1 address of the offending 值 / 日期 / 类型 cell. */
  cell: string;
  value: string;
  /** What the cell should hold. */
  expected: "date" | "number" | "lang" | "severity" | "holiday-type";
  key?: string;
}

export interface WorkbookSettings {
  /** Only what the sheet sets; merge over DEFAULT_SETTINGS with mergeSettings. */
  settings: SettingsOverrides;
  /** 校验日期 when the sheet fixes one (the caller decides whether it wins over today). */
  asOf?: IsoDate;
  holidays: HolidayEntry[];
  problems: SettingsProblem[];
  /** Keys this module does not own, by normalised key → raw 值 cell. */
  otherKeys: Map<string, Cell | undefined>;
}

/** A partial Settings whose departments may be partial too. */
export type SettingsOverrides = Omit<Partial<Settings>, "departments"> & {
  departments?: Partial<Settings["departments"]>;
};

type NumberKey = "dueSoonWorkdays" | "dueSoonDays" | "noticeWorkdays" | "reportDays" | "changeNoticeDays";
type DeptKey = keyof Settings["departments"];

const NUMBER_KEYS: Record<NumberKey, string[]> = {
  dueSoonWorkdays: ["临近天数", "到期提醒工作日数", "临近提醒工作日数"],
  dueSoonDays: ["临近提醒天数", "临近提醒日数"],
  noticeWorkdays: ["实施通知工作日数", "项目实施通知工作日数"],
  reportDays: ["书面报告天数", "书面报告日数"],
  changeNoticeDays: ["计划调整提前天数", "计划调整通知提前天数"],
};
const DEPT_KEYS: Record<DeptKey, string[]> = {
  finance: ["财务部名称"],
  sales: ["销售部名称"],
  service: ["客服部名称"],
  office: ["总经办名称"],
};
const TEXT_KEYS = { companyName: ["公司名称"], lang: ["语言"], asOf: ["校验日期", "基准日期"] };

/** Normalised 项 text → what it sets. */
const KEY_INDEX = new Map<string, string>();
for (const [k, labels] of Object.entries({ ...NUMBER_KEYS, ...TEXT_KEYS })) {
  for (const l of [...labels, k]) KEY_INDEX.set(normKey(l), k);
}
for (const [k, labels] of Object.entries(DEPT_KEYS)) {
  for (const l of [...labels, `departments.${k}`]) KEY_INDEX.set(normKey(l), `departments.${k}`);
}

function normKey(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, "").toLowerCase();
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
const RULE_ID_RE = /^(cell|row|schedule|contract|table|calendar)\.[a-z-]+$/;

const dayCount = z.number().int().min(0).max(366);
const OverridesSchema = z
  .object({
    dueSoonWorkdays: dayCount,
    dueSoonDays: dayCount,
    noticeWorkdays: dayCount,
    reportDays: dayCount,
    changeNoticeDays: dayCount,
    lang: z.enum(["zh", "en"]),
    companyName: z.string(),
    departments: z
      .object({ finance: z.string(), sales: z.string(), service: z.string(), office: z.string() })
      .partial(),
    severities: z.record(z.string(), z.enum(["error", "warning", "info"])),
  })
  .partial();

/** A block found on the sheet: its header row and the first column of its header. */
interface Block {
  headerRow: number;
  /** Column of each header, by normalised header text. */
  cols: Map<string, number>;
  /** Last row of an Excel table; plain blocks end at the first row without a key. */
  lastRow?: number;
}

function findBlock(sheet: SheetSnapshot, tableName: string, headers: string[]): Block | undefined {
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
  const table = sheet.tables.find((t) => t.name === tableName) ?? undefined;
  if (table) {
    const cols = headerCols(table.range.r1, table.range.c1, table.range.c2);
    if (cols.has(headers[0]) && cols.has(headers[1])) {
      return { headerRow: table.range.r1, cols, lastRow: table.range.r2 };
    }
  }
  // A plain header row: the first two headers side by side, first-found wins.
  let found: Block | undefined;
  sheet.rows.forEach((cells, ri) => {
    if (found || !cells) return;
    cells.forEach((cell, ci) => {
      if (found || typeof cell?.value !== "string" || normKey(cell.value) !== headers[0]) return;
      const cols = headerCols(ri + 1, ci + 1, ci + 1 + headers.length + 1);
      if (cols.get(headers[1]) === ci + 2) found = { headerRow: ri + 1, cols };
    });
  });
  return found;
}

/** Rows of a block until its table ends or its key column runs out. */
function blockRows(sheet: SheetSnapshot, b: Block, keyCol: number): number[] {
  const rows: number[] = [];
  const last = b.lastRow ?? sheet.rows.length;
  for (let r = b.headerRow + 1; r <= last; r++) {
    const empty = parseText(cellAt(sheet, r, keyCol)?.value).status === "empty";
    if (empty && b.lastRow === undefined) break;
    if (!empty) rows.push(r);
  }
  return rows;
}

function wholeNumber(v: Cell["value"] | undefined): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(toHalfWidth(v).trim()) : NaN;
  return dayCount.safeParse(n).success ? n : undefined;
}

export function readWorkbookSettings(wb: WorkbookSnapshot): WorkbookSettings {
  const out: WorkbookSettings = { settings: {}, holidays: [], problems: [], otherKeys: new Map() };
  const sheet = wb.sheets.find((s) => s.name === SETTINGS_SHEET);
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

  const draft: Record<string, unknown> = {};
  const departments: Partial<Settings["departments"]> = {};
  const severities: Partial<Record<RuleId, Severity>> = {};
  const params = findBlock(sheet, "参数", ["项", "值"]);
  if (params) {
    const kc = params.cols.get("项") ?? 0;
    const vc = params.cols.get("值") ?? 0;
    for (const r of blockRows(sheet, params, kc)) {
      const keyText = parseText(cellAt(sheet, r, kc)?.value);
      if (keyText.status !== "ok") continue;
      const raw = keyText.value.trim();
      const key = normKey(raw);
      const cell = cellAt(sheet, r, vc);
      const text = parseText(cell?.value);
      const str = text.status === "ok" ? text.value.trim() : "";
      const setting = KEY_INDEX.get(key);
      const ruleKey = raw.replace(/^严重程度[:：]\s*/, "");
      if (setting && setting in NUMBER_KEYS) {
        if (text.status === "empty" && typeof cell?.value !== "number") continue;
        const n = wholeNumber(cell?.value);
        if (n === undefined) problem(r, vc, "number", raw);
        else draft[setting] = n;
      } else if (setting?.startsWith("departments.")) {
        if (str) departments[setting.slice("departments.".length) as DeptKey] = str;
      } else if (setting === "companyName") {
        if (str) draft.companyName = str;
      } else if (setting === "lang") {
        const lang = LANG_WORDS[normKey(str)];
        if (lang) draft.lang = lang;
        else if (str) problem(r, vc, "lang", raw);
      } else if (setting === "asOf") {
        if (text.status === "empty" || TODAY_WORDS.has(normKey(str))) continue;
        const d = parseDate(cell?.value, { date1904: wb.date1904, numFmt: cell?.numFmt });
        if (d.status === "ok") out.asOf = d.value;
        else problem(r, vc, "date", raw);
      } else if (RULE_ID_RE.test(ruleKey)) {
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

  const hol = findBlock(sheet, "节假日", ["日期", "类型", "名称"]);
  if (hol) {
    const dc = hol.cols.get("日期") ?? 0;
    const tc = hol.cols.get("类型") ?? 0;
    const nc = hol.cols.get("名称");
    for (const r of blockRows(sheet, hol, dc)) {
      const cell = cellAt(sheet, r, dc);
      const d = parseDate(cell?.value, { date1904: wb.date1904, numFmt: cell?.numFmt });
      const t = parseText(cellAt(sheet, r, tc)?.value);
      const type = t.status === "ok" ? HOLIDAY_TYPES[normKey(t.value)] : undefined;
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
