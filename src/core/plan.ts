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

import { append } from "./append";
import { fitPatchText } from "./cell-text";
import {
  analyseWorkbook,
  COPY_SHEET_RE,
  productSheets,
  type Analysis,
  type CheckOptions,
  type CheckResult,
} from "./check";
import type { IsoDate } from "./dates";
import type { Finding } from "./findings";
import type { PatchOp, WorkbookPatch } from "./patch";
import { WorkCalendar } from "./calendar";
import { planGantt, ganttRemovals, type GanttPlan } from "./plan/gantt";
import { criticalOps, highlightOps, markOps } from "./plan/highlight";
import type { Layout } from "./plan/layout";
import { planLog, type LogEntry } from "./plan/log";
import { planNormalize, type Normalized } from "./plan/normalize";
import { planNoticeOps, REGISTER_TABLE } from "./plan/notices";
import { Protection, type ProtectionSkips } from "./plan/protection";
import { listedFindings, planReport } from "./plan/report";
import { freeSheetName, LOG_SHEET, logSheet, REPORT_SHEET, REPORT_TABLE, reportSheet } from "./owned";
import { registerSheet } from "./register";
import { SETTINGS_SHEET } from "./workbook-settings";
import { HOLIDAYS_TABLE, PARAMS_TABLE, planSettingsSheet } from "./plan/settings-sheet";
import {
  copiedCell,
  ownFormatResets,
  planStructure,
  takenTableNames,
  uniqueName,
  type Copy,
} from "./plan/structure";
import type { TypedTable } from "./rows";
import type { DeclaredTable, MappingOverride } from "./recognise";
import type { CriticalView } from "./rules/critical";
import type { GanttMode, Lang } from "./settings";
import { parseA1, type WorkbookSnapshot } from "./snapshot";
import { sheetWords } from "../i18n/sheets";
import { ganttWords } from "../i18n/gantt";

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
  /** At most this many findings are listed on the 校验报告 (default REPORT_LIMIT). */
  reportLimit?: number;
  /** Column mappings and tables declared by hand for this run (`--map`, `--table`), as for check. */
  overrides?: MappingOverride[];
  declared?: DeclaredTable[];
  /** The workbook's file name, printed on the 校验报告. */
  file?: string;
  /** Settings for this run over the workbook's 设置 (the CLI's --company); not saved. */
  settings?: CheckOptions["settings"];
  /** The Gantt band to draw (`--gantt`); default the workbook's 设置 甘特图, else none. */
  gantt?: GanttMode;
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
  /** Notice sheets this run wrote and how many were new; absent without notices. */
  notices?: { written: number; created: number };
  /** Findings the 校验报告 leaves out (it lists at most REPORT_LIMIT); 0 when it lists them all. */
  reportOmitted: number;
  /** What the run left alone because the workbook protects it; absent when nothing was. */
  protection?: ProtectionSkips;
  /**
   * Product sheets that took another name because a user's own sheet holds the one they wanted
   * (the user's sheet is left as it is): `校验报告` → `校验报告 (2)`.
   */
  renamed: Array<{ wanted: string; sheet: string }>;
  /** The Gantt sheets written: tasks, band columns and conditional-format rules of each. */
  gantt: GanttPlan["sheets"];
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
    const copy = copies.find((c) => c.source.sheet === f.sheet && copiedCell(c, at.r, at.c));
    const to = copy && copiedCell(copy, at.r, at.c);
    if (copy && to) add(copy.sheet, to.r, to.c);
    else if (!untouched.has(f.sheet) && sheets.has(f.sheet)) add(f.sheet, at.r, at.c);
  }
  return out;
}

/** The critical tasks' rows per sheet, on the normalised copy when the table went to one. */
function criticalRows(
  views: CriticalView[],
  copies: Copy[],
  untouched: Set<string>,
  sheets: Set<string>,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (sheet: string, r: number) => out.set(sheet, [...(out.get(sheet) ?? []), r]);
  for (const v of views)
    for (const t of v.tasks) {
      const copy = copies.find((c) => c.source.sheet === t.sheet && c.rows.has(t.row));
      if (copy) add(copy.sheet, copy.rows.get(t.row) ?? 0);
      else if (!untouched.has(t.sheet) && sheets.has(t.sheet)) add(t.sheet, t.row);
    }
  return out;
}

export function planApply(wb: WorkbookSnapshot, opts: ApplyOptions): ApplyPlan {
  const { lang } = opts;
  const analysis = analyseWorkbook(wb, {
    asOf: opts.asOf,
    today: opts.today,
    overrides: opts.overrides,
    declared: opts.declared,
    ...(opts.settings ? { settings: opts.settings } : {}),
  });
  const { result, tables, settings, model } = analysis;
  const ops: PatchOp[] = [];
  const protection = new Protection(wb);

  // The product's sheets are known by their markers; every other sheet is the user's, whatever
  // its name. Sheets written whole again free their table names; new sheets take free names.
  const owned = productSheets(wb);
  const report = reportSheet(wb);
  const rewritten = (name: string) => {
    if (name === report?.sheet.name) return true;
    if (!owned.has(name)) return false;
    const owner = wb.sheets.find((s) => s.name === name)?.owner;
    // Normalised copies, marked or (of an earlier version) proven by their content.
    return owner ? owner.kind === "copy" : COPY_SHEET_RE.test(name);
  };
  const tableNames = takenTableNames(wb, rewritten);
  const sheetNames = new Set(wb.sheets.map((s) => s.name.toLowerCase()));
  const renamed: ApplyPlan["renamed"] = [];
  const onRenamed = (wanted: string, sheet: string) => renamed.push({ wanted, sheet });
  const free = (wanted: string) => {
    const name = freeSheetName(wanted, sheetNames);
    if (name !== wanted) onRenamed(wanted, name);
    return name;
  };

  const settingsOp = planSettingsSheet(wb, lang, sheetNames);
  if (settingsOp) {
    ops.push(settingsOp);
    if (settingsOp.op === "writeSheet") {
      if (settingsOp.sheet !== SETTINGS_SHEET) onRenamed(SETTINGS_SHEET, settingsOp.sheet);
      tableNames.add(PARAMS_TABLE.toLowerCase()).add(HOLIDAYS_TABLE.toLowerCase());
    }
  }

  const structure = planStructure(wb, tables, { lang, tableNames, sheetNames, onRenamed });
  append(ops, structure.ops);
  const copied = new Set(structure.copies.map((c) => c.source));
  // A sheet whose every region went to a copy is left exactly as it was (SPEC §8).
  const untouched = new Set(
    structure.copies
      .map((c) => c.source.sheet)
      .filter((s) => tables.every((t) => t.sheet !== s || copied.has(t.source))),
  );
  // A protected sheet takes no change, so it gets no marks either.
  for (const s of wb.sheets) if (protection.isProtected(s.name)) untouched.add(s.name);

  let normalized: Normalized[] = [];
  if (opts.normalize) {
    const n = planNormalize(
      wb,
      tables.filter((t) => !copied.has(t.source)),
    );
    append(ops, n.ops);
    normalized = n.normalized.filter((x) => !protection.isProtected(x.sheet));
  }

  // New copies cannot be added to a workbook whose structure is protected (their writeSheet is left out below).
  const cfSheets = [
    ...wb.sheets.map((s) => s.name).filter((s) => !untouched.has(s) && s !== report?.sheet.name),
    ...(protection.structure
      ? []
      : structure.copies.map((c) => c.sheet).filter((s) => !wb.sheets.some((x) => x.name === s))),
  ];
  const marks = markedCells(result.findings, structure.copies, untouched, new Set(cfSheets));
  const layoutsBySheet = new Map<string, Layout[]>();
  for (const l of structure.layouts) layoutsBySheet.set(l.sheet, [...(layoutsBySheet.get(l.sheet) ?? []), l]);
  const critical = criticalRows(result.critical, structure.copies, untouched, new Set(cfSheets));
  let markCount = 0;
  for (const sheet of cfSheets) {
    ops.push({ op: "clearOwnFormats", sheet });
    const cells = marks.get(sheet) ?? [];
    markCount += cells.length;
    append(ops, markOps(new Map([[sheet, cells]])));
    append(ops, criticalOps(layoutsBySheet.get(sheet) ?? [], critical.get(sheet) ?? []));
    append(ops, highlightOps(layoutsBySheet.get(sheet) ?? [], settings.dueSoonDays, settings));
  }

  // The Gantt band: a sheet of the product's beside each schedule (or its copy), or none.
  const layoutOf = (t: TypedTable) => {
    const copy = structure.copies.find((c) => c.source === t.source);
    return structure.layouts.find((l) =>
      copy
        ? l.sheet === copy.sheet
        : l.sheet === t.sheet && l.firstRow === t.source.firstRow && l.firstCol === t.source.firstCol,
    );
  };
  const gantt = planGantt({
    wb,
    tables,
    layoutOf,
    // The same 调休 calendar the rules ran on: the bundle overlaid with the workbook's 节假日.
    calendar: new WorkCalendar(result.state.holidays),
    mode: opts.gantt ?? settings.gantt,
    lang,
    sheetNames,
    onRenamed,
  });
  // Written after the report and the log, so that a new one is placed right after its schedule.
  const ganttOps = protection.filter(gantt.ops);
  const drawn = gantt.sheets.filter((g) =>
    ganttOps.some((o) => o.op === "writeSheet" && o.sheet === g.sheet),
  );

  // After the last user sheet, or after that sheet's own normalised copies.
  const lastUser = [...wb.sheets].reverse().find((s) => !owned.has(s.name))?.name;
  const lastCopy = structure.copies.filter((c) => c.source.sheet === lastUser).at(-1)?.sheet;
  const reportName = report?.sheet.name ?? free(REPORT_SHEET);
  ops.push(
    planReport(result, {
      lang,
      now: opts.now,
      header: headerLookup(tables),
      after: lastCopy ?? lastUser,
      tableName: uniqueName(REPORT_TABLE, tableNames),
      limit: opts.reportLimit,
      sheet: reportName,
      ...(report ? { previous: report.range } : {}),
      ...(report?.adopted ? { adopt: true } : {}),
      ...(opts.file ? { file: opts.file } : {}),
      asOfSource: opts.asOf ? "given" : result.state.asOf ? "workbook" : "today",
    }),
  );
  const logName = logSheet(wb)?.sheet.name ?? free(LOG_SHEET);

  // Notices are planned first so the log can count them; their sheets still go after the log.
  let noticeOps: PatchOp[] = [];
  let noticeCounts: { written: number; created: number; deferred: number } | undefined;
  if (opts.notices !== false) {
    const notices = planNoticeOps(wb, model, result.notices, {
      limit: opts.noticeLimit,
      picked: opts.noticeKeys,
      after: logName,
      tableName: registerSheet(wb) ? REGISTER_TABLE : uniqueName(REGISTER_TABLE, tableNames),
      sheetNames,
      onRenamed,
    });
    noticeOps = notices.ops;
    noticeCounts = { written: notices.written.length, created: notices.created, deferred: notices.deferred };
    // Notice sheets and their register rows go together or not at all.
    const allowed = protection.notices(noticeOps, notices.written.length);
    if (allowed.length < noticeOps.length) {
      noticeOps = [];
      noticeCounts = { written: 0, created: 0, deferred: noticeCounts.deferred };
    }
  }

  // Whatever the workbook's protection refuses is left out, and the counts logged are of what is done.
  const kept = protection.filter(ops);
  ops.length = 0;
  append(ops, kept);
  const copySheets = new Set(structure.copies.map((c) => c.sheet));

  const w = sheetWords(lang).log;
  const entries: LogEntry[] = [
    {
      action: w.apply,
      counts: result.summary,
      note: w.applied({
        tables: ops.filter((o) => o.op === "createTable").length,
        copies: ops.filter((o) => o.op === "writeSheet" && copySheets.has(o.sheet)).length,
        marks: markCount,
        normalized: normalized.length,
        notices: noticeCounts,
      }),
    },
    ...normalized.map((n) => ({ action: w.normalize, note: `${n.sheet}!${n.cell}：${n.from} → ${n.to}` })),
    ...renamed.map((r) => ({ action: w.apply, note: w.renamed(r.wanted, r.sheet) })),
    ...drawn.map((g) => ({ action: w.apply, note: ganttWords(lang).logged(g) })),
  ];
  append(
    ops,
    protection.filter(
      planLog(wb, entries, {
        now: opts.now,
        user: opts.user,
        lang,
        after: reportName,
        taken: tableNames,
        sheet: logName,
      }),
    ),
  );
  append(ops, ganttOps);
  append(ops, noticeOps);
  const deferredNotices = noticeCounts?.deferred ?? 0;
  const skips = protection.skips();
  return {
    patch: fitPatchText({ ops }, lang),
    result,
    analysis,
    normalized,
    deferredNotices,
    reportOmitted: result.findings.length - listedFindings(result.findings, opts.reportLimit).length,
    ...(skips ? { protection: skips } : {}),
    renamed,
    gantt: drawn,
    ...(noticeCounts ? { notices: { written: noticeCounts.written, created: noticeCounts.created } } : {}),
  };
}

/** Remove every product conditional format (marks and highlights) from every sheet, and log it. */
/** The sheets whose protection keeps clear from removing their marks. */
export function protectedSheets(wb: WorkbookSnapshot): string[] {
  return wb.sheets.filter((s) => s.protected).map((s) => s.name);
}

export function planClear(
  wb: WorkbookSnapshot,
  opts: { now: string; user: string; lang: Lang },
): WorkbookPatch {
  const ops: PatchOp[] = wb.sheets.map((s) => ({ op: "clearOwnFormats", sheet: s.name }));
  append(ops, ownFormatResets(wb));
  append(ops, ganttRemovals(wb));
  const w = sheetWords(opts.lang).log;
  const kept = protectedSheets(wb);
  append(
    ops,
    planLog(wb, [{ action: w.clear, note: kept.length ? w.clearedExcept(kept) : w.cleared }], opts),
  );
  // A protected sheet keeps its marks (Excel would refuse to remove them) until it is unprotected.
  return fitPatchText({ ops: new Protection(wb).filter(ops) }, opts.lang);
}
