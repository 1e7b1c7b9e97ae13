/**
 * The settings use-case of the task pane: save parameters, the 节假日 list and column-mapping
 * overrides in the workbook's 设置 sheet. Read once, plan, apply once (nothing when nothing
 * changes), like every other use-case.
 */

import { normaliseSettingsEdit, planSettingsEdit, type SettingsEdit } from "../core/plan/settings-edit";
import { planSettingsLog } from "../core/plan/settings-log";
import { DEFAULT_SETTINGS, type Lang, type Settings } from "../core/settings";
import { readWorkbookState, type WorkbookState } from "../core/workbook-settings";
import type { WorkbookHost } from "../host/host";
import { shanghaiTimestamp } from "./apply";

/**
 * Applies `edit` to the workbook's 设置 sheet. The state returned is the one read before the
 * edit with the edit laid over it (no second read, which costs round trips in Excel): the same
 * readWorkbookState gives after a re-read. Its `missingYears` is [] — only a check knows which
 * years its dates needed; run one after saving to refresh it.
 */
export async function runSettingsEdit(
  host: WorkbookHost,
  edit: SettingsEdit,
  lang: Lang,
  /** Who edits: with it, the change is written to 操作日志 too (old → new), in the same apply. */
  log?: { user: string; now?: Date },
): Promise<{ operations: number; state: WorkbookState }> {
  const wb = await host.read();
  const patch = planSettingsEdit(wb, edit, lang);
  const before = readWorkbookState(wb);
  const state = stateAfterEdit(before, edit);
  if (patch.ops.length > 0 && log) {
    const now = shanghaiTimestamp(log.now ?? new Date());
    const entry = planSettingsLog(wb, before, state, { now, user: log.user, lang });
    if (entry) patch.ops.push(entry);
  }
  if (patch.ops.length > 0) await host.apply(patch);
  return { operations: patch.ops.length, state };
}

/** The state a workbook reads as once `edit` is saved in it, from the state before. */
export function stateAfterEdit(before: WorkbookState, edit: SettingsEdit): WorkbookState {
  const e = normaliseSettingsEdit(edit);
  const settings: Settings = {
    ...before.settings,
    departments: { ...before.settings.departments },
    severities: { ...before.settings.severities },
  };
  let asOf = before.asOf;
  for (const [key, value] of e.params) {
    if (key === "asOf") asOf = value === null ? undefined : String(value);
    else if (key.startsWith("departments.")) {
      const d = key.slice("departments.".length) as keyof Settings["departments"];
      // An emptied department name falls back to the default, as the reader does.
      settings.departments[d] = value ? String(value) : DEFAULT_SETTINGS.departments[d];
    } else if (key === "lang") settings.lang = value === "en" ? "en" : "zh";
    else if (key === "companyName") settings.companyName = String(value ?? "");
    else settings[key as "dueSoonWorkdays"] = Number(value);
  }
  return {
    settings,
    ...(asOf === undefined ? {} : { asOf }),
    holidays: e.holidays ?? before.holidays,
    mappings: e.mappings ?? before.mappings,
    missingYears: before.missingYears,
    hasSettingsSheet: true,
  };
}
