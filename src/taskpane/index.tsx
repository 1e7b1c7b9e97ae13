/** Task-pane entry. The full pane (React + Fluent UI) replaces this placeholder. */

function setStatus(text: string): void {
  const el = document.getElementById("status");
  if (el) el.textContent = text;
}

if (typeof Office !== "undefined") {
  Office.onReady((info) => {
    setStatus(info.host === Office.HostType.Excel ? "已连接到 Excel。" : "请在 Excel 中打开此加载项。");
  });
} else {
  setStatus("未加载 Office.js：请在 Excel 中打开此加载项。");
}
