/**
 * styles.xml, edited by appending: existing fonts, fills, borders, number formats, cell formats
 * (xf) and differential formats (dxf) keep their indexes, so every cell that points at them
 * looks as before. New entries are deduplicated against what is there, so running the product
 * again on its own output adds nothing.
 */

import type { CellStyle, ConditionalRule } from "../../core/patch";
import { elementEnd, esc, parseAttrs, rootPrefix, setAttr, withPrefix } from "./xml";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Sections of CT_Stylesheet in schema order. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** Built-in format ids whose code is the same in every locale. */
const BUILTIN: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

interface Section {
  items: string[];
  /** Item XML → first index, for dedup. */
  index: Map<string, number>;
  added: boolean;
}

export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  `<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/></styleSheet>`;

export class Styles {
  private p: string;
  private sections = new Map<string, Section>();
  private numFmtByCode = new Map<string, number>();
  private nextNumFmt = 164;
  private xfAttrs: Array<Record<string, string>> = [];
  private memo = new Map<string, number>();
  private baseFont: { size: string; name: string; extra: string } = { size: "11", name: "等线", extra: "" };

  constructor(private xml: string) {
    this.p = rootPrefix(xml);
    for (const name of ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"]) {
      const items: string[] = [];
      const at = this.find(name);
      if (at) {
        const inner = xml.slice(at.openEnd, at.closeStart);
        let pos = 0;
        for (;;) {
          const lt = inner.indexOf("<", pos);
          if (lt < 0) break;
          if (inner[lt + 1] === "/" || inner[lt + 1] === "!" || inner[lt + 1] === "?") {
            pos = inner.indexOf(">", lt) + 1;
            if (pos === 0) break;
            continue;
          }
          const end = elementEnd(inner, lt);
          items.push(inner.slice(lt, end));
          pos = end;
        }
      }
      const index = new Map<string, number>();
      items.forEach((it, i) => {
        if (!index.has(it)) index.set(it, i);
      });
      this.sections.set(name, { items, index, added: false });
    }
    for (const it of this.sections.get("numFmts")!.items) {
      const a = parseAttrs(it.slice(0, it.indexOf(">")));
      const id = Number(a.numFmtId);
      if (a.formatCode !== undefined && !this.numFmtByCode.has(a.formatCode))
        this.numFmtByCode.set(a.formatCode, id);
      if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
    }
    this.xfAttrs = this.sections.get("cellXfs")!.items.map((it) => parseAttrs(it.slice(0, it.indexOf(">"))));
    const font0 = this.sections.get("fonts")!.items[0];
    if (font0) {
      const val = (n: string) => new RegExp(`<(?:\\w+:)?${n}\\s[^>]*val="([^"]*)"`).exec(font0)?.[1];
      this.baseFont = {
        size: val("sz") ?? "11",
        name: val("name") ?? "等线",
        extra: ["family", "charset", "scheme"]
          .map((n) => (val(n) !== undefined ? `<${n} val="${val(n)}"/>` : ""))
          .join(""),
      };
    }
  }

  private find(
    name: string,
  ): { start: number; openEnd: number; closeStart: number; end: number } | undefined {
    const re = new RegExp(`<${this.p}${name}[\\s/>]`);
    const m = re.exec(this.xml);
    if (!m) return undefined;
    const start = m.index;
    const gt = this.xml.indexOf(">", start);
    const end = elementEnd(this.xml, start);
    const selfClosing = this.xml[gt - 1] === "/";
    return {
      start,
      openEnd: gt + 1,
      closeStart: selfClosing ? gt + 1 : this.xml.lastIndexOf("<", end - 1),
      end,
    };
  }

  private add(section: string, item: string): number {
    const s = this.sections.get(section)!;
    const key = withPrefix(item, this.p);
    const known = s.index.get(key);
    if (known !== undefined) return known;
    s.items.push(key);
    s.index.set(key, s.items.length - 1);
    s.added = true;
    return s.items.length - 1;
  }

  numFmtId(code: string): number {
    const builtin = BUILTIN[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmtByCode.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    this.numFmtByCode.set(code, id);
    this.add("numFmts", `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    return id;
  }

  private addXf(attrs: Record<string, string>, inner: string): number {
    const keys = ["numFmtId", "fontId", "fillId", "borderId", "xfId"];
    const rest = Object.keys(attrs).filter((k) => !keys.includes(k));
    const attrText = [...keys.filter((k) => attrs[k] !== undefined), ...rest]
      .map((k) => ` ${k}="${esc(attrs[k])}"`)
      .join("");
    const xml = inner ? `<xf${attrText}>${inner}</xf>` : `<xf${attrText}/>`;
    const before = this.sections.get("cellXfs")!.items.length;
    const id = this.add("cellXfs", xml);
    if (id === before) this.xfAttrs.push(attrs);
    return id;
  }

  /** The cell format `xf` with its number format replaced. */
  withNumFmt(xf: number, code: string): number {
    const key = `${xf}\u0000${code}`;
    const memo = this.memo.get(key);
    if (memo !== undefined) return memo;
    const numFmtId = String(this.numFmtId(code));
    const items = this.sections.get("cellXfs")!.items;
    const src = items[xf] ?? items[0];
    let id: number;
    if (!src) {
      id = this.addXf(
        { numFmtId, fontId: "0", fillId: "0", borderId: "0", xfId: "0", applyNumberFormat: "1" },
        "",
      );
    } else if ((this.xfAttrs[xf] ?? {}).numFmtId === numFmtId) {
      id = xf < items.length ? xf : 0;
    } else {
      const gt = src.indexOf(">");
      let open = src.slice(0, gt + 1);
      open = setAttr(open, "numFmtId", numFmtId);
      open = setAttr(open, "applyNumberFormat", "1");
      const xml = open + src.slice(gt + 1);
      const s = this.sections.get("cellXfs")!;
      const known = s.index.get(xml);
      if (known !== undefined) id = known;
      else {
        s.items.push(xml);
        s.index.set(xml, s.items.length - 1);
        s.added = true;
        this.xfAttrs.push(parseAttrs(open));
        id = s.items.length - 1;
      }
    }
    this.memo.set(key, id);
    return id;
  }

  /** A cell format from the product's own style description (on sheets it writes). */
  cellXf(style: CellStyle | undefined): number {
    if (!style) return 0;
    const key = `style\u0000${JSON.stringify(style)}`;
    const memo = this.memo.get(key);
    if (memo !== undefined) return memo;
    const attrs: Record<string, string> = {
      numFmtId: String(style.numFmt ? this.numFmtId(style.numFmt) : 0),
      fontId: "0",
      fillId: "0",
      borderId: "0",
      xfId: "0",
    };
    if (style.numFmt) attrs.applyNumberFormat = "1";
    if (style.bold || style.italic || style.underline || style.size || style.color) {
      const f = this.baseFont;
      attrs.fontId = String(
        this.add(
          "fonts",
          `<font>${style.bold ? "<b/>" : ""}${style.italic ? "<i/>" : ""}${style.underline ? "<u/>" : ""}` +
            `<sz val="${style.size ?? f.size}"/>${style.color ? `<color rgb="${argb(style.color)}"/>` : ""}` +
            `<name val="${f.name}"/>${f.extra}</font>`,
        ),
      );
      attrs.applyFont = "1";
    }
    if (style.fill) {
      attrs.fillId = String(
        this.add(
          "fills",
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
        ),
      );
      attrs.applyFill = "1";
    }
    if (style.border) {
      const thin = (side: string) => `<${side} style="thin"><color indexed="64"/></${side}>`;
      const border =
        style.border === "all"
          ? `<border>${thin("left")}${thin("right")}${thin("top")}${thin("bottom")}<diagonal/></border>`
          : `<border><left/><right/><top/>${thin("bottom")}<diagonal/></border>`;
      attrs.borderId = String(this.add("borders", border));
      attrs.applyBorder = "1";
    }
    let inner = "";
    if (style.hAlign || style.vAlign || style.wrap) {
      inner =
        `<alignment${style.hAlign ? ` horizontal="${style.hAlign}"` : ""}` +
        `${style.vAlign ? ` vertical="${style.vAlign}"` : ""}${style.wrap ? ` wrapText="1"` : ""}/>`;
      attrs.applyAlignment = "1";
    }
    const id = this.addXf(attrs, inner);
    this.memo.set(key, id);
    return id;
  }

  /** A differential format for a conditional-format rule; identical ones are shared. */
  dxf(rule: Pick<ConditionalRule, "fill" | "fontColor" | "bold" | "strike" | "border">): number {
    let font = "";
    if (rule.bold || rule.strike || rule.fontColor) {
      font = `<font>${rule.bold ? "<b/>" : ""}${rule.strike ? "<strike/>" : ""}${rule.fontColor ? `<color rgb="${argb(rule.fontColor)}"/>` : ""}</font>`;
    }
    const fill = rule.fill
      ? `<fill><patternFill patternType="solid"><fgColor rgb="${argb(rule.fill)}"/><bgColor rgb="${argb(rule.fill)}"/></patternFill></fill>`
      : "";
    const side = (s: string) => `<${s} style="thin"><color rgb="${argb(rule.border!)}"/></${s}>`;
    const border = rule.border
      ? `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}</border>`
      : "";
    return this.add("dxfs", `<dxf>${font}${fill}${border}</dxf>`);
  }

  /** True when anything was appended, so styles.xml must be rewritten. */
  get changed(): boolean {
    return [...this.sections.values()].some((s) => s.added);
  }

  /** styles.xml with the new entries appended and counts updated. */
  toXml(): string {
    if (!this.changed) return this.xml;
    let xml = this.xml;
    // Replace sections from the last to the first so earlier offsets stay valid.
    const edits: Array<{ start: number; end: number; text: string }> = [];
    for (const [name, s] of this.sections) {
      if (!s.added) continue;
      const at = this.find(name);
      const body = `<${this.p}${name} count="${s.items.length}">${s.items.join("")}</${this.p}${name}>`;
      if (at) {
        const open = xml.slice(at.start, xml.indexOf(">", at.start) + 1).replace(/\/>$/, ">");
        edits.push({
          start: at.start,
          end: at.end,
          text: `${setAttr(open, "count", String(s.items.length))}${s.items.join("")}</${this.p}${name}>`,
        });
      } else {
        // Insert before the first section that comes later in the schema.
        const later = ORDER.slice(ORDER.indexOf(name) + 1)
          .map((n) => this.find(n)?.start)
          .filter((x): x is number => x !== undefined);
        const pos = later.length ? Math.min(...later) : xml.lastIndexOf("</");
        edits.push({ start: pos, end: pos, text: body });
      }
    }
    // Same start: the replaced section goes first, then what is inserted before it.
    edits.sort((a, b) => b.start - a.start || b.end - a.end);
    for (const e of edits) xml = xml.slice(0, e.start) + e.text + xml.slice(e.end);
    return xml;
  }
}

function argb(c: string): string {
  return "FF" + c.replace(/^#/, "").toUpperCase();
}
