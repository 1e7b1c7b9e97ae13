/**
 * The apply and clear use-cases, shared by every face: read the workbook once, let the core
 * plan every change, apply the patch once. The clock and the user's name are read here, at the
 * edge; the core gets them as plain values.
 */

import { todayInShanghai, type IsoDate } from "../core/dates";
import type { HostNote, WorkbookPatch } from "../core/patch";
import { snapshotAfter } from "../core/patch-snapshot";
import { readWorkbookState } from "../core/workbook-settings";
import { planApply, planClear, protectedSheets, type ApplyPlan } from "../core/plan";
import { planHostNotesLog } from "../core/plan/log";
import type { ProtectionSkips } from "../core/plan/protection";
import { LOG_SHEET, REPORT_SHEET } from "../core/owned";
import type { DeclaredTable, MappingOverride } from "../core/recognise";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { GanttMode, Lang } from "../core/settings";
import type { WorkbookHost } from "../host/host";
import { localise, type CheckReport } from "./check";

export type Stage = "read" | "check" | "plan" | "write";

export interface ApplyRequest {
  asOf?: IsoDate;
  lang: Lang;
  normalize: boolean;
  /** Write notice sheets and the 通知台账 (false for `--no-notices`); default true. */
  notices?: boolean;
  /** Only these planned notices (their `noticeId`, see core/notices); default every one. */
  noticeKeys?: readonly string[];
  /**
   * Issue no new notice while 设置 holds no 公司名称 for its letterhead (they are counted in
   * `noCompanyNotices`; issued ones are still brought up to date): the CLI's way of asking, as the
   * pane asks before generating.
   */
  requireCompany?: boolean;
  /** The 公司名称 for this run's letterheads when 设置 has none (the CLI's --company); not saved. */
  company?: string;
  user: string;
  now?: Date;
  onStage?: (stage: Stage) => void;
  /** Column mappings and tables declared by hand for this run (`--map`, `--table`). */
  overrides?: MappingOverride[];
  declared?: DeclaredTable[];
  /** Looks at the workbook as read, before anything is planned; throws to refuse the run. */
  accept?: (wb: WorkbookSnapshot) => void;
  /** The workbook's file name, printed on the 校验报告. */
  file?: string;
  /** The Gantt band to draw (`--gantt`); default the workbook's 设置 甘特图. */
  gantt?: GanttMode;
}

export interface ApplyOutcome {
  report: CheckReport;
  normalized: Array<{ sheet: string; cell: string; from: string; to: string }>;
  /** New notices left for the next run (the per-run limit was reached). */
  deferredNotices: number;
  /** New notices not issued because 设置 has no 公司名称 (with `requireCompany`). */
  noCompanyNotices?: number;
  /** Notice sheets written (new or updated) and how many were new; absent when notices were off. */
  notices?: { written: number; created: number };
  /** Findings the 校验报告 sheet leaves out (it lists at most REPORT_LIMIT); 0 when it lists all. */
  reportOmitted: number;
  /** What the run left alone because the workbook protects it; absent when nothing was. */
  protection?: ProtectionSkips;
  /** How many patch operations were applied. */
  operations: number;
  /** Product sheets that took a free name because a user's own sheet holds the one they wanted. */
  renamed: Array<{ wanted: string; sheet: string }>;
  /** What the host could not do as planned (also written to 操作日志). */
  hostNotes: HostNote[];
  /** The Gantt sheets drawn (tasks, band columns, conditional-format rules); empty when none. */
  gantt: ApplyPlan["gantt"];
}

/**
 * Applies a use-case's patch to what `wb` was read as, then, when the host could not do all of
 * it as planned (a co-author's edit since the read, an older Excel), writes what and why to
 * 操作日志 in one more small apply: the run's own log row was planned before the host knew.
 */
export async function applyAndLog(
  host: WorkbookHost,
  wb: WorkbookSnapshot,
  patch: WorkbookPatch,
  log: { now: string; user: string; lang: Lang },
): Promise<HostNote[]> {
  const notes = (await host.apply(patch)) ?? [];
  if (notes.length > 0) await host.apply({ ops: planHostNotesLog(snapshotAfter(wb, patch), notes, log) });
  return notes;
}

/**
 * What the 操作日志 row of host notes needs of a workbook: every sheet's name and tables, and the
 * cells of the log and the report only, so a large workbook's cells need not be kept for it.
 */
export function forLog(wb: WorkbookSnapshot): WorkbookSnapshot {
  const keep = (s: WorkbookSnapshot["sheets"][number]): boolean =>
    s.owner?.kind === "log" || s.owner?.kind === "report" || s.name === LOG_SHEET || s.name === REPORT_SHEET;
  return { ...wb, sheets: wb.sheets.map((s) => (keep(s) ? s : { ...s, rows: [] })) };
}

/** Local time in Asia/Shanghai as `YYYY-MM-DD HH:mm:ss`, for the log. */
export function shanghaiTimestamp(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

export async function runApply(host: WorkbookHost, req: ApplyRequest): Promise<ApplyOutcome> {
  const now = req.now ?? new Date();
  const stamp = shanghaiTimestamp(now);
  const { plan, lean, noCompany } = await readAndPlan(host, req, now, stamp);
  req.onStage?.("write");
  const hostNotes = await applyAndLog(host, lean, plan.patch, { now: stamp, user: req.user, lang: req.lang });
  const outcome = outcomeOf(plan, hostNotes);
  if (noCompany) {
    // Held back for want of a letterhead, not by the per-run limit.
    outcome.noCompanyNotices = outcome.deferredNotices;
    outcome.deferredNotices = 0;
  }
  return { report: localise(plan.result, req.lang), ...outcome };
}

/** What an applied plan did, for every face that applies one (the CLI, the ribbon, the pane's worker). */
export function outcomeOf(plan: ApplyPlan, hostNotes: HostNote[]): Omit<ApplyOutcome, "report"> {
  const { patch, normalized, deferredNotices, notices, reportOmitted, protection, renamed, gantt } = plan;
  return {
    normalized,
    deferredNotices,
    reportOmitted,
    ...(notices ? { notices } : {}),
    ...(protection ? { protection } : {}),
    operations: patch.ops.length,
    renamed,
    hostNotes,
    gantt,
  };
}

/**
 * Read and plan in a frame of their own, so the snapshot is garbage before the host writes: on a
 * 250,000-row workbook it is hundreds of megabytes the write would otherwise hold on to. What the
 * log of host notes needs of it is kept (`lean`).
 */
async function readAndPlan(
  host: WorkbookHost,
  req: ApplyRequest,
  now: Date,
  stamp: string,
): Promise<{ plan: ApplyPlan; lean: WorkbookSnapshot; noCompany: boolean }> {
  req.onStage?.("read");
  const wb = await host.read();
  req.accept?.(wb);
  req.onStage?.("plan");
  const saved = readWorkbookState(wb).settings.companyName.trim();
  const company = saved ? undefined : req.company?.trim() || undefined;
  const noCompany = req.requireCompany === true && !saved && !company;
  const plan = planApply(wb, {
    asOf: req.asOf,
    today: todayInShanghai(now),
    now: stamp,
    user: req.user,
    lang: req.lang,
    normalize: req.normalize,
    notices: req.notices,
    noticeKeys: req.noticeKeys,
    overrides: req.overrides,
    declared: req.declared,
    ...(req.file ? { file: req.file } : {}),
    ...(noCompany ? { noticeLimit: 0 } : {}),
    ...(company ? { settings: { companyName: company } } : {}),
    ...(req.gantt ? { gantt: req.gantt } : {}),
  });
  return { plan, lean: forLog(wb), noCompany };
}

export async function runClear(
  host: WorkbookHost,
  req: { lang: Lang; user: string; now?: Date; onStage?: (stage: Stage) => void },
): Promise<{ operations: number; hostNotes: HostNote[]; protectedSheets: string[] }> {
  req.onStage?.("read");
  const wb = await host.read();
  req.onStage?.("plan");
  const log = { now: shanghaiTimestamp(req.now ?? new Date()), user: req.user, lang: req.lang };
  const patch = planClear(wb, log);
  req.onStage?.("write");
  const hostNotes = await applyAndLog(host, wb, patch, log);
  return { operations: patch.ops.length, hostNotes, protectedSheets: protectedSheets(wb) };
}
