/**
 * The 校验报告 sheet (issue 3.4): as-of date, counts, and one row per finding with a link to its
 * cell (at most REPORT_LIMIT rows, saying how many it leaves out). Everything that comes from the workbook is written as a plain string: no formula, ever.
 */

import type { CheckResult } from "../check";
import { SEVERITY_ORDER, type Finding, type RuleId, type Severity } from "../findings";
import type { CellStyle, CellWrite, PatchOp, SheetContent } from "../patch";
import type { Lang } from "../settings";
import { formatFinding, ruleTitle } from "../../i18n/messages";
import { sheetWords, type AsOfSource } from "../../i18n/sheets";
import { TABLE_STYLE } from "./structure";
import { listPageSetup } from "./layout";

export { REPORT_HEADER_ROW, REPORT_SHEET, REPORT_TABLE } from "../owned";
import { REPORT_HEADER_ROW, REPORT_SHEET } from "../owned";
import type { Range } from "../snapshot";
/**
 * At most this many findings are listed, errors first. A larger list is no use to a reader or a
 * printer, would outgrow Excel's 1,048,576 rows, and a 250,000-row schedule's half a million
 * findings would cost gigabytes to write; the counts above the list still count every finding,
 * and the sheet says how many it leaves out and where the whole list is (`check --json`, the pane).
 */
export const REPORT_LIMIT = 10_000;

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

/**
 * The findings the report lists: all of them up to `limit`, else the first `limit` by severity
 * (errors, then warnings, then infos), kept in the report's usual sheet-and-row order.
 */
export function listedFindings(findings: Finding[], limit: number = REPORT_LIMIT): Finding[] {
  if (findings.length <= limit) return findings;
  const room = { error: 0, warning: 0, info: 0 };
  let left = limit;
  for (const sev of SEVERITIES) {
    const n = findings.reduce((k, f) => k + (f.severity === sev ? 1 : 0), 0);
    room[sev] = Math.min(n, left);
    left -= room[sev];
  }
  const out: Finding[] = [];
  for (const f of findings) if (room[f.severity]-- > 0) out.push(f);
  return out;
}

export function planReport(
  result: CheckResult,
  opts: {
    lang: Lang;
    now: string;
    header: HeaderLookup;
    after?: string;
    tableName: string;
    /** At most this many findings are listed (default REPORT_LIMIT). */
    limit?: number;
    /** The report's sheet: the marked one's name, else a free name (default 校验报告). */
    sheet?: string;
    /** The product's region on the existing report, from its marker. */
    previous?: Range;
    /** The report of an earlier version, without a marker yet. */
    adopt?: boolean;
    /** The checked workbook's file name, printed at the top; omitted when unknown. */
    file?: string;
    /** Where the as-of date came from, explained beside it. */
    asOfSource?: AsOfSource;
  },
): PatchOp {
  const w = sheetWords(opts.lang);
  const label: CellStyle = { bold: true };
  const text = (v: string, style?: CellStyle): CellWrite => (style ? { v, style } : { v });
  const { errors, warnings, infos } = result.summary;
  const counts = { error: errors, warning: warnings, info: infos };
  const listed = listedFindings(result.findings, opts.limit);
  const omitted = result.findings.length - listed.length;
  const asOfNote = opts.asOfSource ? w.report.asOfFrom[opts.asOfSource] : undefined;
  const rows: Array<Array<CellWrite | null>> = [
    [
      text(w.report.title, { bold: true, size: 16 }),
      ...(opts.file ? [null, null, null, null, text(w.report.workbook, label), text(opts.file, label)] : []),
    ],
    // Top-aligned, so the labels stand level with the first line of the note when it wraps.
    [
      text(w.report.asOf, { ...label, vAlign: "top" }),
      text(result.asOf, { vAlign: "top" }),
      asOfNote ? text(asOfNote, { wrap: true, vAlign: "top", color: "595959" }) : null,
      null,
      null,
      text(w.report.generated, { ...label, vAlign: "top" }),
      text(opts.now, { vAlign: "top" }),
    ],
    [
      text(w.report.total, label),
      ...SEVERITIES.map((s) =>
        text(`${w.severity[s]} ${counts[s]}`, { fill: SEVERITY_FILL[s], hAlign: "center" }),
      ),
      ...(omitted > 0
        ? [text(w.report.omitted(listed.length, omitted), { wrap: true, vAlign: "top", color: "9C0006" })]
        : []),
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
  const ordered = [...listed].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
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
  // The file name across G:H; the as-of note across C:E, between the date and 生成时间.
  if (opts.file) merges.push({ r1: 1, c1: 7, r2: 1, c2: 8 });
  merges.push({ r1: 2, c1: 3, r2: 2, c2: 5 });
  // The note on what the list leaves out sits beside the counts it qualifies.
  if (omitted > 0) merges.push({ r1: 3, c1: 5, r2: 3, c2: 8 });
  const content: SheetContent = {
    rows,
    merges,
    colWidths: [10, 10, 18, 16, 9, 16, 20, 70],
    rowHeights: [
      28,
      asOfNote ? lineHeight(asOfNote, NOTE_WIDTH) : undefined,
      omitted > 0 ? lineHeight(String(rows[2][4]?.v ?? ""), OMITTED_WIDTH) : undefined,
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
    sheet: opts.sheet ?? REPORT_SHEET,
    owner: { kind: "report", id: "main" },
    content,
    visibility: "visible",
    ...(opts.previous ? { previous: opts.previous } : {}),
    ...(opts.adopt ? { adopt: true as const } : {}),
    ...(opts.after ? { after: opts.after } : {}),
  };
}

/** Digit widths that fit the merged B:H line, and the 说明 column (its width, less padding). */
const LINE_WIDTH = 160;
const MESSAGE_WIDTH = 68;
/** The merged C:E cell of the as-of note. */
const NOTE_WIDTH = 42;
/** The merged E:H cell of the omitted-findings note. */
const OMITTED_WIDTH = 110;

/** Height for text wrapped at `width` digit widths (a CJK character is about 1.75), 16 points a line. */
function lineHeight(s: string, width: number): number | undefined {
  const w = [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 1.75 : 1), 0);
  const lines = Math.ceil(w / width);
  return lines > 1 ? lines * 16 : undefined;
}
