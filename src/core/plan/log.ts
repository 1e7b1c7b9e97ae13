/**
 * The 操作日志 sheet (SPEC §7): one row per run, appended below the log table as the snapshot saw
 * it. Visible: it is the audit trail finance opens, and hiding it would hide the evidence.
 */

import type { CellWrite, HostNote, PatchOp } from "../patch";
import type { Lang } from "../settings";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { sheetWords } from "../../i18n/sheets";
import { REPORT_SHEET } from "./report";
import { TABLE_STYLE, takenTableNames, uniqueName } from "./structure";
import { listPageSetup } from "./layout";

export const LOG_SHEET = "操作日志";
export const LOG_TABLE = "操作日志";
const COLS = 7;

export interface LogEntry {
  action: string;
  counts?: { errors: number; warnings: number; infos: number };
  note: string;
}

function lastUsedRow(sheet: SheetSnapshot): number {
  for (let r = sheet.rows.length; r >= 1; r--) {
    const row = sheet.rows[r - 1];
    if (row && row.some((c) => c !== undefined)) return r;
  }
  return 0;
}

export function planLog(
  wb: WorkbookSnapshot,
  entries: LogEntry[],
  opts: {
    now: string;
    user: string;
    lang: Lang;
    /** Where a new log sheet goes; default after 校验报告 when the workbook has one. */
    after?: string;
    /** Table names already taken, this run's included; default the workbook's. */
    taken?: Set<string>;
  },
): PatchOp {
  const rows: CellWrite[][] = entries.map((e) => [
    { v: opts.now },
    { v: opts.user },
    { v: e.action },
    e.counts ? { v: e.counts.errors } : { v: null },
    e.counts ? { v: e.counts.warnings } : { v: null },
    e.counts ? { v: e.counts.infos } : { v: null },
    { v: e.note },
  ]);
  const sheet = wb.sheets.find((s) => s.name === LOG_SHEET);
  if (!sheet) {
    const after = opts.after ?? (wb.sheets.some((s) => s.name === REPORT_SHEET) ? REPORT_SHEET : undefined);
    const header = sheetWords(opts.lang).log.headers.map((h): CellWrite => ({ v: h, style: { bold: true } }));
    return {
      op: "writeSheet",
      sheet: LOG_SHEET,
      visibility: "visible",
      ...(after ? { after } : {}),
      content: {
        rows: [header, ...rows],
        colWidths: [20, 12, 10, 7, 7, 7, 80],
        freeze: { rows: 1, cols: 0 },
        pageSetup: listPageSetup(1),
        tables: [
          {
            name: uniqueName(LOG_TABLE, opts.taken ?? takenTableNames(wb, () => false)),
            range: { r1: 1, c1: 1, r2: 1 + rows.length, c2: COLS },
            style: TABLE_STYLE,
          },
        ],
      },
    };
  }
  const table = sheet.tables.find((t) => t.name === LOG_TABLE) ?? sheet.tables[0];
  if (table) {
    const startRow = table.range.r2 + 1;
    return {
      op: "appendRows",
      sheet: LOG_SHEET,
      table: table.name,
      startRow,
      range: { ...table.range, r2: table.range.r2 + rows.length },
      rows,
    };
  }
  // A user removed the table: the rows still go below everything on the sheet.
  const startRow = lastUsedRow(sheet) + 1;
  return {
    op: "appendRows",
    sheet: LOG_SHEET,
    startRow,
    range: { r1: startRow, c1: 1, r2: startRow + rows.length - 1, c2: COLS },
    rows,
  };
}

/** At most this many host notes are spelled out in a log row; the rest are counted. */
const MAX_NOTES = 20;

/**
 * The log row that tells what the host could not do as planned: applied after the run's own
 * patch, over the workbook as that left it.
 */
export function planHostNotesLog(
  wb: WorkbookSnapshot,
  notes: readonly HostNote[],
  opts: { now: string; user: string; lang: Lang },
): PatchOp {
  const w = sheetWords(opts.lang).log;
  const shown = notes.slice(0, MAX_NOTES).map(w.hostNote).join(w.separator);
  const note = notes.length > MAX_NOTES ? shown + w.more(notes.length - MAX_NOTES) : shown;
  return planLog(wb, [{ action: w.hostNotes, note }], opts);
}
