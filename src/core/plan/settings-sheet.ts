/**
 * The hidden 设置 sheet (SPEC §7): the 参数 table with every key workbook-settings.ts reads, at
 * its default, and an empty 节假日 table. Planned only when the sheet is absent: once it exists a
 * user may have edited it, and nothing of theirs is overwritten.
 */

import type { CellWrite, PatchOp } from "../patch";
import { DEFAULT_SETTINGS, type Lang } from "../settings";
import { SETTINGS_SHEET } from "../workbook-settings";
import type { WorkbookSnapshot } from "../snapshot";
import { sheetWords } from "../../i18n/sheets";
import { TABLE_STYLE } from "./structure";

export const PARAMS_TABLE = "参数";
export const HOLIDAYS_TABLE = "节假日";

export function planSettingsSheet(wb: WorkbookSnapshot, lang: Lang): PatchOp | undefined {
  if (wb.sheets.some((s) => s.name === SETTINGS_SHEET)) return undefined;
  const w = sheetWords(lang).settings;
  const d = DEFAULT_SETTINGS;
  // Keys as workbook-settings.ts reads them; 项 stays Chinese so the reader finds it in any language.
  const params: Array<[string, string | number]> = [
    ["校验日期", "今天"],
    ["临近提醒工作日数", d.dueSoonWorkdays],
    ["临近提醒天数", d.dueSoonDays],
    ["实施通知工作日数", d.noticeWorkdays],
    ["书面报告天数", d.reportDays],
    ["计划调整提前天数", d.changeNoticeDays],
    ["公司名称", d.companyName],
    ["财务部名称", d.departments.finance],
    ["销售部名称", d.departments.sales],
    ["客服部名称", d.departments.service],
    ["总经办名称", d.departments.office],
    ["语言", lang === "en" ? "English" : "中文"],
  ];
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
  params.forEach(([key, value], i) => {
    const row: Array<CellWrite | null> = [
      { v: key },
      value === "" ? null : { v: value },
      { v: w.notes[key] ?? "", style: grey },
    ];
    // The 节假日 table needs one data row; an empty one overrides nothing.
    if (i === 0) row.push(null, { v: null, style: { numFmt: "yyyy-mm-dd" } }, null, null);
    rows.push(row);
  });
  return {
    op: "writeSheet",
    sheet: SETTINGS_SHEET,
    visibility: "hidden",
    content: {
      rows,
      colWidths: [20, 14, 44, 3, 12, 8, 16],
      tables: [
        { name: PARAMS_TABLE, range: { r1: 2, c1: 1, r2: 2 + params.length, c2: 3 }, style: TABLE_STYLE },
        { name: HOLIDAYS_TABLE, range: { r1: 2, c1: 5, r2: 3, c2: 7 }, style: TABLE_STYLE },
      ],
    },
  };
}
