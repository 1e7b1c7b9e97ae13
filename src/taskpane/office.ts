/**
 * Which face the pane shows: inside Excel, the Office source; in a plain browser, web mode.
 * office.js is loaded by a non-blocking script tag, so it may arrive after this bundle, fail
 * (closed network) or never answer; none of these may keep the pane from working.
 */

import type { WorkbookSource } from "./workbook-source";

export type Mode = { kind: "office"; source: WorkbookSource } | { kind: "web" } | { kind: "none" };

/** How long to wait for office.js inside an Office host before giving up on it. */
const OFFICE_WAIT_MS = 4000;
/** How long a page with no sign of an Office host waits for office.js: web mode within a second. */
export const PLAIN_WAIT_MS = 700;

/**
 * Whether the page shows signs of running in an Office host: Office passes `_host_Info` in the
 * URL (or keeps it in window.name / sessionStorage), Office on the web frames the pane, and the
 * desktop hosts give the page a native message bridge. A plain tab has none of these.
 */
export function looksLikeOffice(w: Window = window): boolean {
  const has = (v: unknown) => typeof v === "string" && v.includes("_host_Info");
  let stored: string | null = null;
  try {
    stored = w.sessionStorage?.getItem("hostInfoValue") ?? null;
  } catch {
    // Storage can be refused; the other signs still count.
  }
  const bridge = w as unknown as {
    chrome?: { webview?: unknown };
    webkit?: { messageHandlers?: unknown };
    external?: { GetContext?: unknown };
  };
  return (
    has(w.location.search) ||
    has(w.location.hash) ||
    has(w.name) ||
    stored !== null ||
    w.parent !== w ||
    bridge.chrome?.webview !== undefined ||
    bridge.webkit?.messageHandlers !== undefined ||
    typeof bridge.external?.GetContext !== "undefined"
  );
}

function officeScript(): HTMLScriptElement | null {
  return document.querySelector<HTMLScriptElement>("script[data-office]");
}

/** office.js once it has loaded, or undefined when it failed or took too long. */
function officeLoaded(): Promise<typeof Office | undefined> {
  if (typeof Office !== "undefined") return Promise.resolve(Office);
  const script = officeScript();
  if (!script) return Promise.resolve(undefined);
  const wait = looksLikeOffice() ? OFFICE_WAIT_MS : PLAIN_WAIT_MS;
  return new Promise((resolve) => {
    const done = () => resolve(typeof Office === "undefined" ? undefined : Office);
    const timer = setTimeout(done, wait);
    script.addEventListener("load", () => (clearTimeout(timer), done()));
    script.addEventListener("error", () => (clearTimeout(timer), done()));
  });
}

/** The Office source; its code (the Office.js host) loads only inside Excel. */
async function officeSource(): Promise<WorkbookSource> {
  const m = await import(/* webpackChunkName: "office" */ "./office-source");
  return m.officeSource();
}

export async function detectMode(): Promise<Mode> {
  const office = await officeLoaded();
  if (!office) return { kind: "web" };
  const info = await Promise.race([
    office.onReady(),
    new Promise<undefined>((r) =>
      setTimeout(() => r(undefined), looksLikeOffice() ? OFFICE_WAIT_MS : PLAIN_WAIT_MS),
    ),
  ]);
  if (!info || !info.host) return { kind: "web" };
  if (info.host !== office.HostType.Excel) return { kind: "none" };
  return { kind: "office", source: await officeSource() };
}
