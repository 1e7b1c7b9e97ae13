/**
 * The 校验报告 sheet (issue 3.4): as-of date, counts, and one row per finding with a link to its
 * cell. Everything that comes from the workbook is written as a plain string: no formula, ever.
 */

import type { CheckResult } from "../check";
import { SEVERITY_ORDER, type Finding, type RuleId, type Severity } from "../findings";
import type { CellStyle, CellWrite, PatchOp, SheetContent } from "../patch";
import type { Lang } from "../settings";
import { formatFinding, ruleTitle } from "../../i18n/messages";
import { sheetWords } from "../../i18n/sheets";
import { TABLE_STYLE } from "./structure";
import { listPageSetup } from "./layout";

export const REPORT_SHEET = "校验报告";
export const REPORT_TABLE = "校验结果";
/** The findings table's header row; rows above hold the title and the counts. */
export const REPORT_HEADER_ROW = 7;

const SEVERITY_FILL: Record<Severity, string> = { error: "FFC7CE", warning: "FFEB9C", info: "DDEBF7" };
const SEVERITIES: Severity[] = ["error", "warning", "info"];

/** Header text of the column a finding points at, where the finding's sheet has one. */
export type HeaderLookup = (f: Finding) => string | undefined;

function perRule(findings: Finding[], sev: Severity, lang: Lang): string {
  const counts = new Map<RuleId, number>();
  for (const f of findings) if (f.severity === sev) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  const sep = lang === "zh" ? "、" : ", ";
  return [...counts].map(([rule, n]) => `${ruleTitle(rule, lang)} ${n}`).join(sep);
}

export function planReport(
  result: CheckResult,
  opts: { lang: Lang; now: string; header: HeaderLookup; after?: string; tableName: string },
): PatchOp {
  const w = sheetWords(opts.lang);
  const label: CellStyle = { bold: true };
  const text = (v: string, style?: CellStyle): CellWrite => (style ? { v, style } : { v });
  const { errors, warnings, infos } = result.summary;
  const counts = { error: errors, warning: warnings, info: infos };
  const rows: Array<Array<CellWrite | null>> = [
    [text(w.report.title, { bold: true, size: 16 })],
    [text(w.report.asOf, label), text(result.asOf), null, text(w.report.generated, label), text(opts.now)],
    [
      text(w.report.total, label),
      ...SEVERITIES.map((s) =>
        text(`${w.severity[s]} ${counts[s]}`, { fill: SEVERITY_FILL[s], hAlign: "center" }),
      ),
    ],
    ...SEVERITIES.map((s) => [
      text(`${w.report.byRule}·${w.severity[s]}`, label),
      text(perRule(result.findings, s, opts.lang) || w.report.none, { wrap: true, vAlign: "top" }),
    ]),
    w.report.headers.map((h) => text(h, label)),
  ];
  const link: CellStyle = { color: "0563C1", underline: true };
  const findingHeights: Array<number | undefined> = [];
  // Errors first, then warnings, then notes: a reader works down the printout (stable within each).
  const ordered = [...result.findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  ordered.forEach((f, i) => {
    const message = formatFinding(f, opts.lang);
    findingHeights.push(lineHeight(message, MESSAGE_WIDTH));
    // Top-aligned, so every cell of a row whose message wraps starts on the same line.
    const top: CellStyle = { vAlign: "top" };
    rows.push([
      { v: i + 1, style: top },
      text(w.severity[f.severity], { fill: SEVERITY_FILL[f.severity], hAlign: "center", ...top }),
      text(ruleTitle(f.rule, opts.lang), top),
      text(f.sheet, top),
      f.cell ? { v: f.cell, link: { sheet: f.sheet, cell: f.cell }, style: { ...link, ...top } } : null,
      text(opts.header(f) ?? f.field ?? "", top),
      text(f.value ?? "", top),
      text(message, { wrap: true, ...top }),
    ]);
  });
  if (result.findings.length === 0)
    rows.push([null, null, null, null, null, null, null, text(w.report.noFindings)]);
  const last = rows.length;
  // Under the table, a line for the reviewer's signature and date.
  rows.push([], [text(w.report.reviewer, label), null, null, null, null, text(w.report.reviewDate, label)]);
  // The by-rule lines span the table's width so long lists wrap instead of running off-screen.
  const merges = [4, 5, 6].map((r) => ({ r1: r, c1: 2, r2: r, c2: 8 }));
  const content: SheetContent = {
    rows,
    merges,
    colWidths: [10, 10, 18, 16, 9, 16, 20, 70],
    rowHeights: [
      28,
      undefined,
      undefined,
      ...[4, 5, 6].map((r) => lineHeight(String(rows[r - 1][1]?.v ?? ""), LINE_WIDTH)),
      undefined,
      // Wrapped messages need their rows tall enough, or the lines print over each other.
      ...findingHeights,
    ],
    freeze: { rows: REPORT_HEADER_ROW, cols: 0 },
    tables: [
      {
        name: opts.tableName,
        range: { r1: REPORT_HEADER_ROW, c1: 1, r2: last, c2: 8 },
        style: TABLE_STYLE,
      },
    ],
    showGridLines: false,
    // Auditors print the report: landscape A4, every column on the page, the header on each page.
    pageSetup: listPageSetup(REPORT_HEADER_ROW, { r1: 1, c1: 1, r2: last + 2, c2: 8 }),
  };
  return {
    op: "writeSheet",
    sheet: REPORT_SHEET,
    content,
    visibility: "visible",
    ...(opts.after ? { after: opts.after } : {}),
  };
}

/** Digit widths that fit the merged B:H line, and the 说明 column (its width, less padding). */
const LINE_WIDTH = 160;
const MESSAGE_WIDTH = 68;

/** Height for text wrapped at `width` digit widths (a CJK character is about 1.75), 16 points a line. */
function lineHeight(s: string, width: number): number | undefined {
  const w = [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 1.75 : 1), 0);
  const lines = Math.ceil(w / width);
  return lines > 1 ? lines * 16 : undefined;
}
