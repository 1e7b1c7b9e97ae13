/**
 * The worksheet XML of a sheet the product owns (report, settings, normalised copies), written
 * whole from a SheetContent. Tables and print names live in other parts; apply.ts adds them.
 */

import type { SheetContent } from "../../core/patch";
import { colLetter, rangeRef } from "../../core/snapshot";
import { cellXml } from "./cells";
import type { Styles } from "./styles";
import { esc, quoteSheet } from "./xml";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

export function buildWorksheet(content: SheetContent, styles: Styles): string {
  const rows: string[] = [];
  const links: string[] = [];
  let maxRow = 0;
  let maxCol = 0;
  const heights = content.rowHeights ?? [];
  const rowCount = Math.max(content.rows.length, heights.length);
  for (let ri = 0; ri < rowCount; ri++) {
    const r = ri + 1;
    const cells: string[] = [];
    (content.rows[ri] ?? []).forEach((w, ci) => {
      if (!w) return;
      const ref = `${colLetter(ci + 1)}${r}`;
      cells.push(cellXml(ref, styles.cellXf(w.style), w));
      if (ci + 1 > maxCol) maxCol = ci + 1;
      if (w.link) {
        links.push(
          `<hyperlink ref="${ref}" location="${esc(`${quoteSheet(w.link.sheet)}!${w.link.cell}`)}" display="${esc(String(w.v ?? ""))}"/>`,
        );
      }
    });
    const ht = heights[ri];
    if (!cells.length && ht === undefined) continue;
    maxRow = r;
    rows.push(
      `<row r="${r}"${ht !== undefined ? ` ht="${ht}" customHeight="1"` : ""}>${cells.join("")}</row>`,
    );
  }

  const parts: string[] = [];
  const setup = content.pageSetup;
  if (setup?.fitToWidth) parts.push(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  parts.push(
    `<dimension ref="${maxRow && maxCol ? rangeRef({ r1: 1, c1: 1, r2: maxRow, c2: maxCol }) : "A1"}"/>`,
  );

  const fr = content.freeze;
  const grid = content.showGridLines === false ? ` showGridLines="0"` : "";
  if (fr && (fr.rows > 0 || fr.cols > 0)) {
    const pane = fr.rows > 0 && fr.cols > 0 ? "bottomRight" : fr.rows > 0 ? "bottomLeft" : "topRight";
    const topLeft = `${colLetter(fr.cols + 1)}${fr.rows + 1}`;
    parts.push(
      `<sheetViews><sheetView${grid} workbookViewId="0"><pane${fr.cols > 0 ? ` xSplit="${fr.cols}"` : ""}` +
        `${fr.rows > 0 ? ` ySplit="${fr.rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`,
    );
  } else parts.push(`<sheetViews><sheetView${grid} workbookViewId="0"/></sheetViews>`);
  parts.push(`<sheetFormatPr defaultRowHeight="15"/>`);

  const widths = content.colWidths ?? [];
  const cols = widths
    .map((w, i) =>
      w === undefined ? "" : `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`,
    )
    .join("");
  if (cols) parts.push(`<cols>${cols}</cols>`);
  parts.push(rows.length ? `<sheetData>${rows.join("")}</sheetData>` : `<sheetData/>`);
  if (content.merges?.length) {
    parts.push(
      `<mergeCells count="${content.merges.length}">${content.merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join("")}</mergeCells>`,
    );
  }
  if (links.length) parts.push(`<hyperlinks>${links.join("")}</hyperlinks>`);
  if (setup?.centerHorizontally) parts.push(`<printOptions horizontalCentered="1"/>`);
  const m = setup?.margins ?? DEFAULT_MARGINS;
  parts.push(
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
  );
  if (setup) {
    parts.push(
      `<pageSetup paperSize="9" orientation="${setup.orientation}"` +
        (setup.fitToWidth ? ` fitToWidth="${setup.fitToWidth}" fitToHeight="0"` : "") +
        `/>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">${parts.join("")}</worksheet>`
  );
}
