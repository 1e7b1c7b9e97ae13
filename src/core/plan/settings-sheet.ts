/**
 * The hidden 设置 sheet (SPEC §7): the 参数 table with every key workbook-settings.ts reads, at
 * its default, and an empty 节假日 table. Planned only when the sheet is absent: once it exists a
 * user may have edited it, and nothing of theirs is overwritten (settings-edit.ts then writes
 * single cells). The layout is shared with settings-edit.ts, which lays the sheet out the same
 * way with edited values when it has to create it.
 */

import type { HolidayEntry } from "../calendar";
import { isoToSerial } from "../dates";
import type { CellWrite, PatchOp } from "../patch";
import { DEFAULT_SETTINGS, type GanttMode, type Lang } from "../settings";
import { GANTT_TEXT, PARAM_LABELS, SETTINGS_SHEET, settingsSheet, type ParamKey } from "../workbook-settings";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { freeSheetName } from "../owned";
import { sheetWords } from "../../i18n/sheets";
import { DATE_FORMAT } from "./layout";
import { TABLE_STYLE } from "./structure";

export const PARAMS_TABLE = "参数";
export const HOLIDAYS_TABLE = "节假日";

/** A setting's value as 参数 holds it: numbers, text, a language, a date; null 校验日期 = today. */
export type ParamValue = number | string | null;

/** One 参数 row: its 项 and its 值 cell (null leaves the cell empty). */
export type ParamRow = [key: string, value: CellWrite | null];

/** The 值 cell a setting's value is written as; text stays text (see CellWrite). */
export function paramWrite(key: ParamKey, value: ParamValue, date1904: boolean): CellWrite | null {
  if (key === "asOf") {
    return value === null
      ? { v: "今天" }
      : { v: isoToSerial(String(value), date1904), style: { numFmt: DATE_FORMAT } };
  }
  if (key === "lang") return { v: value === "en" ? "English" : "中文" };
  if (key === "gantt") return { v: GANTT_TEXT[(value as GanttMode | null) ?? "off"] ?? GANTT_TEXT.off };
  if (value === null || value === "") return null;
  return { v: value };
}

/** Every setting at its default, 语言 in the workbook's language. */
export function defaultParamValues(lang: Lang): Record<ParamKey, ParamValue> {
  const d = DEFAULT_SETTINGS;
  return {
    asOf: null,
    dueSoonWorkdays: d.dueSoonWorkdays,
    dueSoonDays: d.dueSoonDays,
    noticeWorkdays: d.noticeWorkdays,
    reportDays: d.reportDays,
    changeNoticeDays: d.changeNoticeDays,
    docToOfficeWorkdays: d.docToOfficeWorkdays,
    docOfficeWorkdays: d.docOfficeWorkdays,
    docDeliveryWorkdays: d.docDeliveryWorkdays,
    docMeetingWorkdays: d.docMeetingWorkdays,
    docFilingWorkdays: d.docFilingWorkdays,
    riskReviewDays: d.riskReviewDays,
    planWorkdays: d.planWorkdays,
    updateDays: d.updateDays,
    runInDays: d.runInDays,
    runInRemindDays: d.runInRemindDays,
    hoursPerDay: d.hoursPerDay,
    changeApprovalWorkdays: d.changeApprovalWorkdays,
    companyName: d.companyName,
    "departments.finance": d.departments.finance,
    "departments.sales": d.departments.sales,
    "departments.service": d.departments.service,
    "departments.office": d.departments.office,
    lang,
    gantt: d.gantt,
  };
}

/** Every setting's row, in the product's order. */
export function paramRows(values: Record<ParamKey, ParamValue>, date1904: boolean): ParamRow[] {
  return PARAM_LABELS.map(([key, label]): ParamRow => [label, paramWrite(key, values[key], date1904)]);
}

/** A 节假日 row's three cells: 日期 as a real date, 类型, 名称. */
export function holidayWrites(h: HolidayEntry, date1904: boolean): [CellWrite, CellWrite, CellWrite | null] {
  return [
    { v: isoToSerial(h.date, date1904), style: { numFmt: DATE_FORMAT } },
    { v: h.type },
    h.name ? { v: h.name } : null,
  ];
}

/**
 * The whole 设置 sheet: 参数 (项, 值, 说明) at A2 and 节假日 (日期, 类型, 名称) at E2, both Excel
 * tables. An empty 节假日 still gets one (empty) data row, which a table needs.
 */
export function settingsSheetOp(
  lang: Lang,
  params: ParamRow[],
  holidays: HolidayEntry[],
  date1904: boolean,
  /** The sheet's name: 设置, or a free one when a user's sheet holds it. */
  sheet: string = SETTINGS_SHEET,
): PatchOp {
  const w = sheetWords(lang).settings;
  const bold = { bold: true };
  const grey = { color: "808080" };
  const rows: Array<Array<CellWrite | null>> = [
    [
      { v: w.params, style: { bold: true, size: 14 } },
      null,
      null,
      null,
      { v: w.holidays, style: { bold: true, size: 14 } },
      { v: w.holidayNote, style: grey },
    ],
    [
      { v: "项", style: bold },
      { v: "值", style: bold },
      { v: "说明", style: bold },
      null,
      { v: "日期", style: bold },
      { v: "类型", style: bold },
      { v: "名称", style: bold },
    ],
  ];
  const holidayRows: Array<Array<CellWrite | null>> =
    holidays.length > 0
      ? holidays.map((h) => holidayWrites(h, date1904))
      : [[{ v: null, style: { numFmt: DATE_FORMAT } }, null, null]];
  for (let i = 0; i < Math.max(params.length, holidayRows.length); i++) {
    const p = params[i];
    const row: Array<CellWrite | null> = p
      ? [{ v: p[0] }, p[1], { v: w.notes[p[0]] ?? "", style: grey }]
      : [null, null, null];
    const h = holidayRows[i];
    if (h) row.push(null, ...h);
    rows.push(row);
  }
  return {
    op: "writeSheet",
    sheet,
    owner: { kind: "settings", id: "main" },
    visibility: "hidden",
    content: {
      rows,
      colWidths: [20, 14, 44, 3, 12, 8, 16],
      tables: [
        { name: PARAMS_TABLE, range: { r1: 2, c1: 1, r2: 2 + params.length, c2: 3 }, style: TABLE_STYLE },
        {
          name: HOLIDAYS_TABLE,
          range: { r1: 2, c1: 5, r2: 2 + holidayRows.length, c2: 7 },
          style: TABLE_STYLE,
        },
      ],
    },
  };
}

/** 设置, or `设置 (2)` … when a user's own sheet holds the name. */
export function freeSettingsName(wb: WorkbookSnapshot, taken?: Set<string>): string {
  return freeSheetName(SETTINGS_SHEET, taken ?? new Set(wb.sheets.map((s) => s.name.toLowerCase())));
}

/** Marks the 设置 of an earlier version as the product's, its content unchanged. */
export function adoptSettingsOp(sheet: SheetSnapshot): PatchOp {
  return {
    op: "ensureSheet",
    sheet: sheet.name,
    owner: { kind: "settings", id: "main" },
    visibility: sheet.visibility === "visible" ? "visible" : "hidden",
    adopt: true,
  };
}

/**
 * The 设置 sheet when the workbook has none (a user's own sheet called 设置 is not one: the new
 * sheet takes a free name); the marker for one of an earlier version; else nothing.
 */
export function planSettingsSheet(
  wb: WorkbookSnapshot,
  lang: Lang,
  taken?: Set<string>,
): PatchOp | undefined {
  const at = settingsSheet(wb);
  if (at) return at.adopted ? adoptSettingsOp(at.sheet) : undefined;
  const name = freeSettingsName(wb, taken);
  return settingsSheetOp(lang, paramRows(defaultParamValues(lang), wb.date1904), [], wb.date1904, name);
}
