/**
 * The 操作日志 sheet (SPEC §7): one row per run, appended below the log table as the snapshot saw
 * it. Visible: it is the audit trail finance opens, and hiding it would hide the evidence.
 */

import type { CellWrite, HostNote, PatchOp } from "../patch";
import type { Lang } from "../settings";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { sheetWords } from "../../i18n/sheets";
import { freeSheetName, LOG_SHEET, LOG_TABLE, logSheet, reportSheet } from "../owned";
import { TABLE_STYLE, takenTableNames, uniqueName } from "./structure";
import { listPageSetup } from "./layout";

export { LOG_SHEET, LOG_TABLE } from "../owned";
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
    /** The name of a new log sheet: a free one the caller chose; default 操作日志, or a free name. */
    sheet?: string;
  },
): PatchOp[] {
  const rows: CellWrite[][] = entries.map((e) => [
    { v: opts.now },
    { v: opts.user },
    { v: e.action },
    e.counts ? { v: e.counts.errors } : { v: null },
    e.counts ? { v: e.counts.warnings } : { v: null },
    e.counts ? { v: e.counts.infos } : { v: null },
    { v: e.note },
  ]);
  const log = logSheet(wb);
  const sheet = log?.sheet;
  if (!sheet) {
    const after = opts.after ?? reportSheet(wb)?.sheet.name;
    const name = opts.sheet ?? freeSheetName(LOG_SHEET, new Set(wb.sheets.map((s) => s.name.toLowerCase())));
    const header = sheetWords(opts.lang).log.headers.map((h): CellWrite => ({ v: h, style: { bold: true } }));
    return [
      {
        op: "writeSheet",
        sheet: name,
        owner: { kind: "log", id: "main" },
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
      },
    ];
  }
  // The log of an earlier version gets its marker; its rows stay as they are.
  const ops: PatchOp[] = log?.adopted
    ? [
        {
          op: "ensureSheet",
          sheet: sheet.name,
          owner: { kind: "log", id: "main" },
          visibility: sheet.visibility === "visible" ? "visible" : "hidden",
          adopt: true,
        },
      ]
    : [];
  const table = sheet.tables.find((t) => t.name === LOG_TABLE) ?? sheet.tables[0];
  if (table) {
    const startRow = table.range.r2 + 1;
    ops.push({
      op: "appendRows",
      sheet: sheet.name,
      table: table.name,
      startRow,
      range: { ...table.range, r2: table.range.r2 + rows.length },
      rows,
    });
    return ops;
  }
  // A user removed the table: the rows still go below everything on the sheet.
  const startRow = lastUsedRow(sheet) + 1;
  ops.push({
    op: "appendRows",
    sheet: sheet.name,
    startRow,
    range: { r1: startRow, c1: 1, r2: startRow + rows.length - 1, c2: COLS },
    rows,
  });
  return ops;
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
): PatchOp[] {
  const w = sheetWords(opts.lang).log;
  const shown = notes.slice(0, MAX_NOTES).map(w.hostNote).join(w.separator);
  const note = notes.length > MAX_NOTES ? shown + w.more(notes.length - MAX_NOTES) : shown;
  return planLog(wb, [{ action: w.hostNotes, note }], opts);
}
