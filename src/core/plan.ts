/**
 * The apply and clear planners (issue 3): a snapshot in, a WorkbookPatch out. Pure: the date,
 * the time for the log and the user's name come from the caller. The patch never needs the
 * workbook read back halfway, so Office.js can apply it in one batch.
 *
 * Order of operations: 设置 (only when absent), structure (tables or normalised copies, number
 * formats, validation), normalised values, then per sheet the product's old conditional formats
 * cleared and the marks added before the row highlights (so a mark shows over a row colour),
 * then the report and the log row.
 */

import { fitPatchText } from "./cell-text";
import { analyseWorkbook, COPY_SHEET_RE, isProductSheet, type Analysis, type CheckResult } from "./check";
import type { IsoDate } from "./dates";
import type { Finding } from "./findings";
import type { PatchOp, WorkbookPatch } from "./patch";
import { highlightOps, markOps } from "./plan/highlight";
import type { Layout } from "./plan/layout";
import { planLog, LOG_SHEET, type LogEntry } from "./plan/log";
import { planNormalize, type Normalized } from "./plan/normalize";
import { planNoticeOps, REGISTER_SHEET, REGISTER_TABLE } from "./plan/notices";
import { planReport, REPORT_SHEET, REPORT_TABLE } from "./plan/report";
import { HOLIDAYS_TABLE, PARAMS_TABLE, planSettingsSheet } from "./plan/settings-sheet";
import { ownFormatResets, planStructure, takenTableNames, uniqueName, type Copy } from "./plan/structure";
import type { TypedTable } from "./rows";
import type { Lang } from "./settings";
import { parseA1, type WorkbookSnapshot } from "./snapshot";
import { sheetWords } from "../i18n/sheets";

export interface ApplyOptions {
  /** The as-of date the user chose; else the workbook's 校验日期; else `today`. */
  asOf?: IsoDate;
  /** Today in Asia/Shanghai, read from the clock by the caller. */
  today: IsoDate;
  /** Local Shanghai time for the log, `YYYY-MM-DD HH:mm:ss`. */
  now: string;
  user: string;
  lang: Lang;
  normalize: boolean;
  /** Write the notice sheets and the 通知台账; false for `--no-notices`. Default true. */
  notices?: boolean;
  /** At most this many new notice sheets in one run (default NEW_NOTICE_LIMIT). */
  noticeLimit?: number;
  /**
   * Only these planned notices are written or brought up to date; the others are neither
   * created nor changed (their sheets and register rows stay as they were). Each entry is a
   * notice's `noticeId` (type and key), or a bare `key`, which picks every type with that key.
   * Omitted: every planned notice. Empty: no notice at all.
   */
  noticeKeys?: readonly string[];
}

export interface ApplyPlan {
  patch: WorkbookPatch;
  result: CheckResult;
  /** What the check worked out, for a caller that shows more than the result (the task pane). */
  analysis: Analysis;
  /** Every value `normalize` rewrote, old → new; empty without it. */
  normalized: Normalized[];
  /** New notices (picked ones only, with `noticeKeys`) not written this run because it reached the per-run limit. */
  deferredNotices: number;
  /** Notice sheets this run wrote (new or brought up to date) and how many were new; absent without notices. */
  notices?: { written: number; created: number };
}

/** The column header each finding's cell sits under, from the recognised tables. */
function headerLookup(tables: TypedTable[]): (f: Finding) => string | undefined {
  const headers = new Map<string, string>();
  for (const t of tables) {
    const put = (ref: { col: number; header: string } | undefined) => {
      if (ref) headers.set(`${t.sheet}\u0000${ref.col}`, ref.header);
    };
    for (const ref of Object.values(t.source.columns)) put(ref);
    for (const g of t.source.groups) for (const ref of Object.values(g.columns)) put(ref);
  }
  return (f) => {
    const at = f.cell ? parseA1(f.cell) : undefined;
    const h = at ? headers.get(`${f.sheet}\u0000${at.c}`) : undefined;
    return h ?? (typeof f.args.header === "string" ? f.args.header : undefined);
  };
}

/**
 * Error cells by the sheet their mark goes on: a copied region's cells are marked on its copy,
 * and a sheet left untouched for its copies gets no mark at all.
 */
function markedCells(
  findings: Finding[],
  copies: Copy[],
  untouched: Set<string>,
  sheets: Set<string>,
): Map<string, Array<{ r: number; c: number }>> {
  const out = new Map<string, Array<{ r: number; c: number }>>();
  const add = (sheet: string, r: number, c: number) => {
    const list = out.get(sheet) ?? [];
    list.push({ r, c });
    out.set(sheet, list);
  };
  for (const f of findings) {
    if (f.severity !== "error" || !f.cell) continue;
    const at = parseA1(f.cell);
    if (!at) continue;
    const copy = copies.find((c) => c.source.sheet === f.sheet && c.rows.has(at.r) && c.cols.has(at.c));
    if (copy) add(copy.sheet, copy.rows.get(at.r) ?? 0, copy.cols.get(at.c) ?? 0);
    else if (!untouched.has(f.sheet) && sheets.has(f.sheet)) add(f.sheet, at.r, at.c);
  }
  return out;
}

export function planApply(wb: WorkbookSnapshot, opts: ApplyOptions): ApplyPlan {
  const { lang } = opts;
  const analysis = analyseWorkbook(wb, { asOf: opts.asOf, today: opts.today });
  const { result, tables, settings, model } = analysis;
  const ops: PatchOp[] = [];

  // Sheets this plan writes whole are free to be named again; everything else is taken.
  const rewritten = (name: string) => name === REPORT_SHEET || COPY_SHEET_RE.test(name);
  const tableNames = takenTableNames(wb, rewritten);
  const sheetNames = new Set(wb.sheets.filter((s) => !rewritten(s.name)).map((s) => s.name.toLowerCase()));

  const settingsOp = planSettingsSheet(wb, lang);
  if (settingsOp) {
    ops.push(settingsOp);
    tableNames.add(PARAMS_TABLE.toLowerCase()).add(HOLIDAYS_TABLE.toLowerCase());
  }

  const structure = planStructure(wb, tables, { lang, tableNames, sheetNames });
  ops.push(...structure.ops);
  const copied = new Set(structure.copies.map((c) => c.source));
  // A sheet whose every region went to a copy is left exactly as it was (SPEC §8).
  const untouched = new Set(
    structure.copies
      .map((c) => c.source.sheet)
      .filter((s) => tables.every((t) => t.sheet !== s || copied.has(t.source))),
  );

  let normalized: Normalized[] = [];
  if (opts.normalize) {
    const n = planNormalize(
      wb,
      tables.filter((t) => !copied.has(t.source)),
    );
    ops.push(...n.ops);
    normalized = n.normalized;
  }

  const cfSheets = [
    ...wb.sheets.map((s) => s.name).filter((s) => !untouched.has(s) && s !== REPORT_SHEET),
    ...structure.copies.map((c) => c.sheet).filter((s) => !wb.sheets.some((x) => x.name === s)),
  ];
  const marks = markedCells(result.findings, structure.copies, untouched, new Set(cfSheets));
  const layoutsBySheet = new Map<string, Layout[]>();
  for (const l of structure.layouts) layoutsBySheet.set(l.sheet, [...(layoutsBySheet.get(l.sheet) ?? []), l]);
  let markCount = 0;
  for (const sheet of cfSheets) {
    ops.push({ op: "clearOwnFormats", sheet });
    const cells = marks.get(sheet) ?? [];
    markCount += cells.length;
    ops.push(...markOps(new Map([[sheet, cells]])));
    ops.push(...highlightOps(layoutsBySheet.get(sheet) ?? [], settings.dueSoonDays));
  }

  // After the last user sheet, or after that sheet's own normalised copies.
  const lastUser = [...wb.sheets].reverse().find((s) => !isProductSheet(s.name))?.name;
  const lastCopy = structure.copies.filter((c) => c.source.sheet === lastUser).at(-1)?.sheet;
  ops.push(
    planReport(result, {
      lang,
      now: opts.now,
      header: headerLookup(tables),
      after: lastCopy ?? lastUser,
      tableName: uniqueName(REPORT_TABLE, tableNames),
    }),
  );

  // Notices are planned first so the log can count them; their sheets still go after the log.
  let noticeOps: PatchOp[] = [];
  let noticeCounts: { written: number; created: number; deferred: number } | undefined;
  if (opts.notices !== false) {
    const notices = planNoticeOps(wb, model, result.notices, {
      limit: opts.noticeLimit,
      picked: opts.noticeKeys,
      after: LOG_SHEET,
      tableName: wb.sheets.some((s) => s.name === REGISTER_SHEET)
        ? REGISTER_TABLE
        : uniqueName(REGISTER_TABLE, tableNames),
    });
    noticeOps = notices.ops;
    noticeCounts = { written: notices.written.length, created: notices.created, deferred: notices.deferred };
  }

  const w = sheetWords(lang).log;
  const entries: LogEntry[] = [
    {
      action: w.apply,
      counts: result.summary,
      note: w.applied({
        tables: structure.tablesCreated,
        copies: structure.copies.length,
        marks: markCount,
        normalized: normalized.length,
        notices: noticeCounts,
      }),
    },
    ...normalized.map((n) => ({ action: w.normalize, note: `${n.sheet}!${n.cell}：${n.from} → ${n.to}` })),
  ];
  ops.push(
    planLog(wb, entries, {
      now: opts.now,
      user: opts.user,
      lang,
      after: REPORT_SHEET,
      taken: tableNames,
    }),
  );
  ops.push(...noticeOps);
  const deferredNotices = noticeCounts?.deferred ?? 0;
  return {
    patch: fitPatchText({ ops }, lang),
    result,
    analysis,
    normalized,
    deferredNotices,
    ...(noticeCounts ? { notices: { written: noticeCounts.written, created: noticeCounts.created } } : {}),
  };
}

/** Remove every product conditional format (marks and highlights) from every sheet, and log it. */
export function planClear(
  wb: WorkbookSnapshot,
  opts: { now: string; user: string; lang: Lang },
): WorkbookPatch {
  const ops: PatchOp[] = wb.sheets.map((s) => ({ op: "clearOwnFormats", sheet: s.name }));
  ops.push(...ownFormatResets(wb));
  const w = sheetWords(opts.lang).log;
  ops.push(planLog(wb, [{ action: w.clear, note: w.cleared }], opts));
  return fitPatchText({ ops }, opts.lang);
}
