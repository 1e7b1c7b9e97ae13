/**
 * The 设为基线 use-cases shared by every face (CLI, ribbon, task pane): save the schedule's current
 * plan as a named baseline, list the saved ones, and the variance of the plan against one. Read
 * once, plan, apply once, like every other use-case; the clock and the user's name are read here.
 */

import {
  currentPlan,
  readBaselines,
  sameName,
  variance,
  type Baseline,
  type TaskVariance,
} from "../core/baseline";
import { analyseWorkbook } from "../core/check";
import { todayInShanghai, type IsoDate } from "../core/dates";
import type { HostNote } from "../core/patch";
import { snapshotAfter } from "../core/patch-snapshot";
import { planBaselineSave, type BaselineRefusal } from "../core/plan/baseline";
import type { Lang } from "../core/settings";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { WorkbookHost } from "../host/host";
import { applyAndLog, shanghaiTimestamp } from "./apply";

export interface BaselineSetRequest {
  name?: string;
  /** Save over an existing baseline of that name: the caller asked the user (CLI --replace, pane confirm). */
  replace: boolean;
  lang: Lang;
  user: string;
  now?: Date;
}

export type BaselineSetOutcome =
  | {
      ok: true;
      name: string;
      version: number;
      tasks: number;
      replaced: boolean;
      sheet: string;
      hostNotes: HostNote[];
      /** The workbook as the save left it (the patch laid over what was read), for the check that follows. */
      workbook: WorkbookSnapshot;
    }
  | { ok: false; refusal: BaselineRefusal };

export async function runBaselineSet(
  host: WorkbookHost,
  req: BaselineSetRequest,
): Promise<BaselineSetOutcome> {
  const now = req.now ?? new Date();
  const stamp = shanghaiTimestamp(now);
  const wb = await host.read();
  const analysis = analyseWorkbook(wb, { today: todayInShanghai(now) });
  const save = planBaselineSave(wb, analysis, {
    name: req.name,
    replace: req.replace,
    now: stamp,
    user: req.user,
    lang: req.lang,
  });
  if (!save.ok) return save;
  const hostNotes = await applyAndLog(host, wb, save.patch, { now: stamp, user: req.user, lang: req.lang });
  const { name, version, tasks, replaced, sheet } = save;
  return {
    ok: true,
    name,
    version,
    tasks,
    replaced,
    sheet,
    hostNotes,
    workbook: snapshotAfter(wb, save.patch),
  };
}

export interface BaselineReport {
  asOf: IsoDate;
  baseline: Baseline;
  variance: TaskVariance[];
}

/**
 * The variance of the plan against the baseline `name` (default: the one the rules use, 基线, else
 * the first saved); undefined when no such baseline is saved.
 */
export function baselineReport(
  wb: WorkbookSnapshot,
  opts: { name?: string; asOf?: IsoDate; now?: Date },
): BaselineReport | undefined {
  const analysis = analyseWorkbook(wb, { asOf: opts.asOf, today: todayInShanghai(opts.now ?? new Date()) });
  const saved = readBaselines(wb);
  const b =
    opts.name === undefined
      ? saved.find((x) => x.name === analysis.result.baseline?.compared)
      : saved.find((x) => sameName(x.name, opts.name!));
  if (!b) return undefined;
  const cal = analysis.model.calendar;
  return { asOf: analysis.asOf, baseline: b, variance: variance(currentPlan(analysis.tables, cal), b, cal) };
}

export { readBaselines };
