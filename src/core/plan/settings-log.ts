/**
 * The 操作日志 row of a 设置 edit made from the task pane: what changed, old → new, so an auditor
 * can see why findings came or went (a 实施通知工作日数 raised from 2 to 30 silences late notices).
 */

import type { PatchOp } from "../patch";
import type { Lang } from "../settings";
import type { WorkbookSnapshot } from "../snapshot";
import {
  GANTT_TEXT,
  mappingFieldText,
  PARAM_LABELS,
  type ParamKey,
  type WorkbookState,
} from "../workbook-settings";
import { sheetWords } from "../../i18n/sheets";
import { planLog } from "./log";

/** At most this many changes are spelt out in one note; the rest are counted. */
const MAX_ITEMS = 20;

function paramValue(s: WorkbookState, key: ParamKey, lang: Lang): string {
  if (key === "asOf") return s.asOf ?? sheetWords(lang).log.today;
  if (key.startsWith("departments.")) {
    return s.settings.departments[
      key.slice("departments.".length) as keyof WorkbookState["settings"]["departments"]
    ];
  }
  if (key === "lang") return s.settings.lang === "en" ? "English" : "中文";
  if (key === "gantt") return GANTT_TEXT[s.settings.gantt];
  return String(s.settings[key as "companyName"]);
}

/** The changes between two states, one short phrase each, in the workbook's words. */
export function settingsChanges(before: WorkbookState, after: WorkbookState, lang: Lang): string[] {
  const w = sheetWords(lang).log;
  const out: string[] = [];
  for (const [key, label] of PARAM_LABELS) {
    const [a, b] = [paramValue(before, key, lang), paramValue(after, key, lang)];
    if (a !== b) out.push(`${label} ${a || w.empty} → ${b || w.empty}`);
  }
  const day = (h: WorkbookState["holidays"][number]) => `${h.date} ${h.type}${h.name ? ` ${h.name}` : ""}`;
  const oldDays = new Set(before.holidays.map(day));
  const newDays = new Set(after.holidays.map(day));
  for (const d of newDays) if (!oldDays.has(d)) out.push(`${w.holidayAdded} ${d}`);
  for (const d of oldDays) if (!newDays.has(d)) out.push(`${w.holidayRemoved} ${d}`);
  const col = (m: WorkbookState["mappings"][number]) => `${m.sheet}!${m.column.toUpperCase()}`;
  const oldMaps = new Map(before.mappings.map((m) => [col(m), mappingFieldText(m.field, lang)]));
  const newMaps = new Map(after.mappings.map((m) => [col(m), mappingFieldText(m.field, lang)]));
  for (const [c, f] of newMaps) if (oldMaps.get(c) !== f) out.push(`${w.mapping} ${c} → ${f}`);
  for (const c of oldMaps.keys()) if (!newMaps.has(c)) out.push(`${w.mapping} ${c} → ${w.automatic}`);
  return out;
}

/** The log row for an edit, or undefined when it changed nothing. */
export function planSettingsLog(
  wb: WorkbookSnapshot,
  before: WorkbookState,
  after: WorkbookState,
  opts: { now: string; user: string; lang: Lang },
): PatchOp[] | undefined {
  const changes = settingsChanges(before, after, opts.lang);
  if (changes.length === 0) return undefined;
  const w = sheetWords(opts.lang).log;
  const shown = changes.slice(0, MAX_ITEMS);
  const note =
    shown.join(w.separator) + (changes.length > shown.length ? w.more(changes.length - shown.length) : "");
  return planLog(wb, [{ action: w.settings, note }], opts);
}
