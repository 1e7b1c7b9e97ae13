/**
 * The apply and clear use-cases, shared by every face: read the workbook once, let the core
 * plan every change, apply the patch once. The clock and the user's name are read here, at the
 * edge; the core gets them as plain values.
 */

import { todayInShanghai, type IsoDate } from "../core/dates";
import { planApply, planClear, type ApplyPlan } from "../core/plan";
import type { ProtectionSkips } from "../core/plan/protection";
import type { Lang } from "../core/settings";
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
  user: string;
  now?: Date;
  onStage?: (stage: Stage) => void;
}

export interface ApplyOutcome {
  report: CheckReport;
  normalized: Array<{ sheet: string; cell: string; from: string; to: string }>;
  /** New notices left for the next run (the per-run limit was reached). */
  deferredNotices: number;
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
}

/** Local time in Asia/Shanghai as `YYYY-MM-DD HH:mm:ss`, for the log. */
export function shanghaiTimestamp(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

export async function runApply(host: WorkbookHost, req: ApplyRequest): Promise<ApplyOutcome> {
  const now = req.now ?? new Date();
  const { patch, result, normalized, deferredNotices, notices, reportOmitted, protection, renamed } =
    await readAndPlan(host, req, now);
  req.onStage?.("write");
  await host.apply(patch);
  return {
    report: localise(result, req.lang),
    normalized,
    deferredNotices,
    reportOmitted,
    ...(notices ? { notices } : {}),
    ...(protection ? { protection } : {}),
    operations: patch.ops.length,
    renamed,
  };
}

/**
 * Read and plan in a frame of their own, so the snapshot is garbage before the host writes: on a
 * 250,000-row workbook it is hundreds of megabytes the write would otherwise hold on to.
 */
async function readAndPlan(host: WorkbookHost, req: ApplyRequest, now: Date): Promise<ApplyPlan> {
  req.onStage?.("read");
  const wb = await host.read();
  req.onStage?.("plan");
  return planApply(wb, {
    asOf: req.asOf,
    today: todayInShanghai(now),
    now: shanghaiTimestamp(now),
    user: req.user,
    lang: req.lang,
    normalize: req.normalize,
    notices: req.notices,
    noticeKeys: req.noticeKeys,
  });
}

export async function runClear(
  host: WorkbookHost,
  req: { lang: Lang; user: string; now?: Date; onStage?: (stage: Stage) => void },
): Promise<{ operations: number }> {
  req.onStage?.("read");
  const wb = await host.read();
  req.onStage?.("plan");
  const patch = planClear(wb, {
    now: shanghaiTimestamp(req.now ?? new Date()),
    user: req.user,
    lang: req.lang,
  });
  req.onStage?.("write");
  await host.apply(patch);
  return { operations: patch.ops.length };
}
