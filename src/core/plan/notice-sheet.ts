/**
 * One notice as a printable A4 document (SPEC §6): company, title, number, addressee, body,
 * a bordered table of facts, the requirement, signature and date lines, the 抄送/报备 line.
 * Four columns (label, value, label, value) about 84 characters wide, so it fits one portrait
 * page at 100%. Every value is a string: the patch writes strings as text, never as formulas.
 */

import { noticeType, type NoticeText } from "../notice-types";
import { cnDate, str } from "../notice-types/format";
import type { NoticePlan, NoticeType } from "../notices";
import type { CellStyle, CellWrite, SheetContent } from "../patch";
import type { Settings } from "../settings";
import type { Range } from "../snapshot";

const COLS = 4;
const WIDTHS = [14, 28, 14, 28];
const BODY = 12;

export { cnDate } from "../notice-types/format";

export interface NoticeDoc {
  type: NoticeType;
  number: string;
  /** Issue date, `YYYY-MM-DD`; kept from the register when the notice is regenerated. */
  issued: string;
  addressee: string;
  /** The subject for the register: contract number, or WBS and task. */
  subject: string;
  /** The copies, for the register's 抄送. */
  cc: string;
  content: SheetContent;
}

/**
 * A sentence as Chinese is printed: a space stays only between two Latin letters, digits or
 * ASCII signs (「HT-1 DEMO」); next to a Chinese character or full-width sign it goes
 * (「合同 HT-1《仓储管理系统》 的约定」 → 「合同HT-1《仓储管理系统》的约定」). The modules write their
 * sentences with spaces around values for reading the source; this is what prints.
 */
export function tidy(text: string): string {
  return text.replace(/ +/g, (run, at: number, all: string) => {
    const before = all[at - 1];
    const after = all[at + run.length];
    const ascii = (ch: string | undefined) => ch !== undefined && ch > " " && ch <= "~";
    return ascii(before) && ascii(after) ? run : "";
  });
}

/** Width of text in column units: a CJK character is about two. */
function units(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.charCodeAt(0) > 0xff ? 2 : 1.1;
  return n;
}

/** Lays rows out top to bottom, merging and sizing as it goes. */
class Page {
  rows: Array<Array<CellWrite | null>> = [];
  merges: Range[] = [];
  heights: Array<number | undefined> = [];

  /** A row with up to four cells; `span` merges from the last given cell to column D. */
  line(cells: Array<CellWrite | null>, height?: number, span?: { from: number; to: number }): void {
    const r = this.rows.length + 1;
    this.rows.push(cells);
    this.heights.push(height);
    if (span && span.to > span.from) this.merges.push({ r1: r, c1: span.from, r2: r, c2: span.to });
  }

  /** Text across the whole width, wrapped, its row tall enough for every line. */
  para(text: string, style: CellStyle = {}, minHeight = 20): void {
    const size = style.size ?? BODY;
    const capacity = (WIDTHS.reduce((a, b) => a + b, 0) * 11) / size - 4;
    const lines = text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(units(l) / capacity)), 0);
    this.line(
      [{ v: text, style: { size, wrap: true, vAlign: "center", ...style } }],
      Math.max(minHeight, lines * size * 1.45 + 6),
      { from: 1, to: COLS },
    );
  }

  blank(height = 10): void {
    this.line([], height);
  }

  /** A bordered fact row: label in A, value across B:D (or two pairs side by side). */
  facts(pairs: Array<[string, string]>): void {
    const label: CellStyle = {
      size: 11,
      bold: true,
      border: "all",
      hAlign: "center",
      vAlign: "center",
      wrap: true,
    };
    const value: CellStyle = { size: 11, border: "all", vAlign: "center", wrap: true };
    if (pairs.length === 2) {
      this.line(
        [
          { v: pairs[0][0], style: label },
          { v: pairs[0][1], style: value },
          { v: pairs[1][0], style: label },
          { v: pairs[1][1], style: value },
        ],
        Math.max(22, Math.ceil(Math.max(units(pairs[0][1]), units(pairs[1][1])) / 26) * 16 + 6),
      );
      return;
    }
    const [l, v] = pairs[0];
    this.line(
      [
        { v: l, style: label },
        { v, style: value },
        { v: null, style: value },
        { v: null, style: value },
      ],
      Math.max(22, Math.ceil(units(v) / 66) * 16 + 6),
      { from: 2, to: COLS },
    );
  }

  content(): SheetContent {
    const last = this.rows.length;
    return {
      rows: this.rows,
      merges: this.merges,
      colWidths: WIDTHS,
      rowHeights: this.heights,
      showGridLines: false,
      pageSetup: {
        paper: "A4",
        orientation: "portrait",
        margins: { left: 0.75, right: 0.75, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
        fitToWidth: 1,
        printArea: { r1: 1, c1: 1, r2: last, c2: COLS },
        centerHorizontally: true,
      },
    };
  }
}

/** The text a notice carries, for the sheet and the register; an unknown type is refused. */
export function noticeText(n: NoticePlan, s: Settings): NoticeText {
  return noticeType(n.type).text(n.facts, s);
}

/**
 * `corrects`: the number of the issued notice this one corrects (更正): the title says so and a
 * line names the notice it replaces.
 */
export function noticeSheet(
  n: NoticePlan,
  number: string,
  issued: string,
  s: Settings,
  corrects?: string,
): NoticeDoc {
  const type = noticeType(n.type);
  const t = type.text(n.facts, s);
  const p = new Page();
  const centre: CellStyle = { hAlign: "center", vAlign: "center" };
  if (s.companyName) p.para(s.companyName, { ...centre, size: 14, bold: true }, 24);
  p.para(corrects ? `${n.type}（更正）` : n.type, { ...centre, size: 22, bold: true }, 40);
  p.line([null, null, null, { v: `编号：${number}`, style: { size: 10, hAlign: "right" } }], 18);
  if (corrects)
    p.para(tidy(`本通知更正并取代编号为 ${corrects} 的${n.type}，以本通知为准。`), {
      size: 10,
      hAlign: "right",
    });
  p.blank(8);
  p.para(type.layout === "parties" ? t.addressee : `致：${t.addressee}`, { bold: true });
  p.para(tidy(t.body), { vAlign: "top" });
  p.blank(8);
  for (const row of t.facts) p.facts(row);
  p.blank(8);
  p.para(tidy(t.requirement), { vAlign: "top" });
  p.blank(24);
  const right: CellStyle = { size: BODY, hAlign: "right", vAlign: "center" };
  const sign: CellStyle = { size: BODY, border: "bottom", vAlign: "center" };
  if (type.layout === "parties") {
    const party = (side: string, who: string): void => {
      p.line(
        [
          { v: `${side}（签章）：`, style: right },
          { v: who, style: sign },
        ],
        24,
      );
      p.line(
        [
          { v: "代表签字：", style: right },
          { v: null, style: sign },
        ],
        24,
      );
      p.line(
        [
          { v: "日期：", style: right },
          { v: null, style: sign },
        ],
        24,
      );
    };
    p.para(`签发日期：${cnDate(issued)}`, { hAlign: "right" });
    p.blank(8);
    party("甲方", str(n.facts.customer));
    p.blank(16);
    party("乙方", s.companyName);
  } else if (type.layout === "letter") {
    // A letter: the sender's seal and the date at the right, nothing to sign for.
    p.para(`${t.issuer}（盖章）`, { hAlign: "right" }, 26);
    p.para(cnDate(issued), { hAlign: "right" }, 26);
  } else {
    p.line([null, null, { v: "签发部门：", style: right }, { v: `${t.issuer}（盖章）`, style: sign }], 26);
    p.line([null, null, { v: "签发人：", style: right }, { v: null, style: sign }], 26);
    p.line([null, null, { v: "日期：", style: right }, { v: cnDate(issued), style: sign }], 26);
    p.blank(16);
    p.line(
      [
        { v: "签收人：", style: right },
        { v: null, style: sign },
        { v: "签收日期：", style: right },
        { v: null, style: sign },
      ],
      26,
    );
  }
  p.blank(12);
  p.para(tidy(t.copies), { size: 10 }, 20);
  return {
    type: n.type,
    number,
    issued,
    addressee: t.addressee,
    subject: t.subject,
    cc: t.cc,
    content: p.content(),
  };
}
