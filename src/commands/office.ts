/**
 * Wires the ribbon commands to Office: the host is the open workbook, the language follows
 * Office's display language, the user's name is the one the pane saved in local storage, and a
 * notification is a small dialog showing commands.html with the message (Excel has no toast API
 * for add-ins; this is the one piece of UI a command shows).
 */

import { ExcelHost } from "../host/excel/host";
import { COMMANDS, handler, type CommandDeps, type Notice } from "./commands";

function deps(): CommandDeps {
  const lang = (Office.context.displayLanguage ?? "zh-CN").toLowerCase().startsWith("en") ? "en" : "zh";
  let user = "";
  try {
    user = globalThis.localStorage?.getItem("ptrack.user") ?? "";
  } catch {
    // Storage can be blocked; the log then has no name.
  }
  return { host: new ExcelHost(), lang, user, notify };
}

function notify(n: Notice): Promise<void> {
  const url = new URL("commands.html", location.href);
  url.hash = new URLSearchParams({ kind: n.kind, text: n.text }).toString();
  return new Promise((resolve) =>
    Office.context.ui.displayDialogAsync(
      url.toString(),
      { height: 20, width: 30, displayInIframe: true },
      () => resolve(),
    ),
  );
}

/** In the notification dialog, commands.html shows the message from its hash. */
function showNotice(): boolean {
  const p = new URLSearchParams(location.hash.slice(1));
  const text = p.get("text");
  if (!text) return false;
  const el = document.getElementById("notice");
  if (el) {
    el.textContent = text;
    el.className = p.get("kind") === "error" ? "error" : "info";
  }
  return true;
}

Office.onReady(() => {
  if (showNotice()) return;
  Office.actions.associate("validate", handler(COMMANDS.validate, deps));
  Office.actions.associate("markOverdue", handler(COMMANDS.markOverdue, deps));
  Office.actions.associate("generateNotices", handler(COMMANDS.generateNotices, deps));
  Office.actions.associate("setBaseline", handler(COMMANDS.setBaseline, deps));
});
