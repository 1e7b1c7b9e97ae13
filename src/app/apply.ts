/**
 * The apply and clear use-cases, shared by every face: read the workbook once, let the core
 * plan every change, apply the patch once. The clock and the user's name are read here, at the
 * edge; the core gets them as plain values.
 */

import { todayInShanghai, type IsoDate } from "../core/dates";
import { planApply, planClear } from "../core/plan";
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
  req.onStage?.("read");
  const wb = await host.read();
  req.onStage?.("plan");
  const { patch, result, normalized, deferredNotices, notices, renamed } = planApply(wb, {
    asOf: req.asOf,
    today: todayInShanghai(now),
    now: shanghaiTimestamp(now),
    user: req.user,
    lang: req.lang,
    normalize: req.normalize,
    notices: req.notices,
    noticeKeys: req.noticeKeys,
  });
  req.onStage?.("write");
  await host.apply(patch);
  return {
    report: localise(result, req.lang),
    normalized,
    deferredNotices,
    ...(notices ? { notices } : {}),
    operations: patch.ops.length,
    renamed,
  };
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
