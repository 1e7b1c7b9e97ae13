/**
 * The settings use-case of the task pane: save parameters, the 节假日 list and column-mapping
 * overrides in the workbook's 设置 sheet. Read once, plan, apply once (nothing when nothing
 * changes), like every other use-case.
 */

import { snapshotAfter } from "../core/patch-snapshot";
import { planSettingsEdit, type SettingsEdit } from "../core/plan/settings-edit";
import { planSettingsLog } from "../core/plan/settings-log";
import type { Lang } from "../core/settings";
import type { WorkbookSnapshot } from "../core/snapshot";
import { readWorkbookState, type WorkbookState } from "../core/workbook-settings";
import type { WorkbookHost } from "../host/host";
import type { HostNote } from "../core/patch";
import { applyAndLog, shanghaiTimestamp } from "./apply";

/**
 * Applies `edit` to the workbook's 设置 sheet. Also returns the workbook as it now is (the patch
 * laid over what was read, no second read: that costs round trips in Excel), for the check that
 * follows a save, and the 设置 state it holds. That state's `missingYears` is [] — only a check
 * knows which years its dates needed.
 */
export async function runSettingsEdit(
  host: WorkbookHost,
  edit: SettingsEdit,
  lang: Lang,
  /** Who edits: with it, the change is written to 操作日志 too (old → new), in the same apply. */
  log?: { user: string; now?: Date },
): Promise<{ operations: number; state: WorkbookState; workbook: WorkbookSnapshot; hostNotes: HostNote[] }> {
  const wb = await host.read();
  const patch = planSettingsEdit(wb, edit, lang);
  let workbook = snapshotAfter(wb, patch);
  const state = readWorkbookState(workbook);
  if (patch.ops.length > 0 && log) {
    const now = shanghaiTimestamp(log.now ?? new Date());
    const entry = planSettingsLog(wb, readWorkbookState(wb), state, { now, user: log.user, lang });
    if (entry) {
      patch.ops.push(...entry);
      workbook = snapshotAfter(workbook, { ops: entry });
    }
  }
  let hostNotes: HostNote[] = [];
  if (patch.ops.length > 0 && log)
    hostNotes = await applyAndLog(host, wb, patch, {
      now: shanghaiTimestamp(log.now ?? new Date()),
      user: log.user,
      lang,
    });
  else if (patch.ops.length > 0) hostNotes = (await host.apply(patch)) ?? [];
  return { operations: patch.ops.length, state, workbook, hostNotes };
}
