/** What the user sets in 设置 and keeps between sessions: stored in this browser's localStorage. */

import type { Lang } from "../core/settings";

export interface Preferences {
  /** YYYY-MM-DD, or "" for the workbook's 校验日期 / today. */
  asOf: string;
  lang: Lang;
  user: string;
  /** Validate again by itself a moment after the workbook changes (Excel only); on unless turned off. */
  live: boolean;
}

const KEY = "ptrack.preferences";
const DEFAULTS: Preferences = { asOf: "", lang: "zh", user: "", live: true };
/**
 * Stored with each save. A record without it was saved while 边改边校验 was off by default, so
 * its `live: false` says nothing the user chose: such a record gets the default.
 */
const VERSION = 2;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    // Storage can be refused (privacy settings, sandboxed frames); the pane still works.
    return undefined;
  }
}

export function loadPreferences(): Preferences {
  try {
    const raw = storage()?.getItem(KEY);
    if (!raw) return DEFAULTS;
    const p = JSON.parse(raw) as Partial<Preferences>;
    return {
      asOf: typeof p.asOf === "string" && /^\d{4}-\d{2}-\d{2}$/.test(p.asOf) ? p.asOf : "",
      lang: p.lang === "en" ? "en" : "zh",
      user: typeof p.user === "string" ? p.user : "",
      live: (p as { v?: number }).v === VERSION ? p.live !== false : true,
    };
  } catch {
    return DEFAULTS;
  }
}

export function savePreferences(p: Preferences): void {
  try {
    storage()?.setItem(KEY, JSON.stringify({ ...p, v: VERSION }));
  } catch {
    // Full or refused storage only costs remembering the choice.
  }
}
