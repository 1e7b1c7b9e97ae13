/**
 * Which face the pane shows: inside Excel, the Office source; in a plain browser, web mode.
 * office.js is loaded by a non-blocking script tag, so it may arrive after this bundle, fail
 * (closed network) or never answer; none of these may keep the pane from working.
 */

import type { WorkbookSource } from "./workbook-source";

export type Mode = { kind: "office"; source: WorkbookSource } | { kind: "web" } | { kind: "none" };

/** How long to wait for office.js before treating the page as a plain browser. */
const OFFICE_WAIT_MS = 4000;

function officeScript(): HTMLScriptElement | null {
  return document.querySelector<HTMLScriptElement>("script[data-office]");
}

/** office.js once it has loaded, or undefined when it failed or took too long. */
function officeLoaded(): Promise<typeof Office | undefined> {
  if (typeof Office !== "undefined") return Promise.resolve(Office);
  const script = officeScript();
  if (!script) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const done = () => resolve(typeof Office === "undefined" ? undefined : Office);
    const timer = setTimeout(done, OFFICE_WAIT_MS);
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
    new Promise<undefined>((r) => setTimeout(() => r(undefined), OFFICE_WAIT_MS)),
  ]);
  if (!info || !info.host) return { kind: "web" };
  if (info.host !== office.HostType.Excel) return { kind: "none" };
  return { kind: "office", source: await officeSource() };
}
