/**
 * A worksheet part as a list of its top-level elements, so the writer can replace one element
 * (conditional formats, validations, table parts) and put new ones where the schema wants
 * them, leaving every other element's text exactly as it was.
 */

import { InputError } from "./input-error";
import { elementEnd, relPrefixFor, rootPrefix, rootTag, withDeclaration } from "./xml";

/** CT_Worksheet's children in schema order; Excel repairs a file that breaks it. */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const RANK = new Map(WORKSHEET_ORDER.map((n, i) => [n, i]));

export interface Child {
  /** Local name (prefix dropped); unknown elements such as mc:AlternateContent keep theirs. */
  name: string;
  xml: string;
}

export const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export class SheetDoc {
  /** Namespace prefix of the spreadsheetml elements, with its colon, or "". */
  readonly p: string;
  private head: string;
  private tail: string;
  children: Child[] = [];

  constructor(xml: string) {
    this.p = rootPrefix(xml);
    const rootAt = xml.search(new RegExp(`<${this.p}worksheet[\\s>/]`));
    // A part cut short or without its root cannot be edited into a sound one: the file is damaged.
    if (rootAt < 0) throw new InputError("corrupt", "damaged");
    const rootGt = xml.indexOf(">", rootAt);
    const selfClosed = xml.charCodeAt(rootGt - 1) === 47;
    this.head = selfClosed ? xml.slice(0, rootGt - 1) + ">" : xml.slice(0, rootGt + 1);
    const close = `</${this.p}worksheet>`;
    const rootEnd = xml.lastIndexOf(close);
    if (rootEnd < 0 && !selfClosed) throw new InputError("corrupt", "damaged");
    const stop = rootEnd < 0 ? xml.length : rootEnd;
    this.tail = rootEnd < 0 ? close : xml.slice(rootEnd);
    let pos = rootGt + 1;
    const sdOpen = `<${this.p}sheetData`;
    while (pos < stop) {
      const lt = xml.indexOf("<", pos);
      if (lt < 0 || lt >= stop) break;
      const c1 = xml.charCodeAt(lt + 1);
      if (c1 === 33 || c1 === 63) {
        const e = xml.indexOf(xml.startsWith("<!--", lt) ? "-->" : ">", lt);
        pos = e < 0 ? stop : e + 1;
        continue;
      }
      let end: number;
      if (xml.startsWith(sdOpen, lt)) {
        // The big one: sheetData cannot nest, so its end tag is found directly.
        const gt = xml.indexOf(">", lt);
        const close = xml.charCodeAt(gt - 1) === 47 ? -1 : xml.indexOf(`</${this.p}sheetData>`, gt);
        if (close < 0 && xml.charCodeAt(gt - 1) !== 47) throw new InputError("corrupt", "damaged");
        end = close < 0 ? gt + 1 : close + this.p.length + 12;
      } else end = elementEnd(xml, lt);
      let i = lt + 1;
      while (i < end && !/[\s/>]/.test(xml[i])) i++;
      const qname = xml.slice(lt + 1, i);
      const name = this.p && qname.startsWith(this.p) ? qname.slice(this.p.length) : qname;
      this.children.push({ name, xml: xml.slice(lt, end) });
      pos = end;
    }
  }

  get(name: string): string | undefined {
    return this.children.find((c) => c.name === name)?.xml;
  }

  getAll(name: string): string[] {
    return this.children.filter((c) => c.name === name).map((c) => c.xml);
  }

  /** Replace every element of this name with `xmls` (none removes them), at the schema's place. */
  setAll(name: string, xmls: string[]): void {
    const first = this.children.findIndex((c) => c.name === name);
    const kept = this.children.filter((c) => c.name !== name);
    let at: number;
    if (first >= 0) {
      at = this.children.slice(0, first).filter((c) => c.name !== name).length;
    } else {
      const rank = RANK.get(name) ?? WORKSHEET_ORDER.length;
      at = kept.length;
      // Before the first known element that ranks after it; unknown elements stay with the one before them.
      for (let i = 0; i < kept.length; i++) {
        const r = RANK.get(kept[i].name);
        if (r !== undefined && r > rank) {
          at = i;
          break;
        }
      }
    }
    kept.splice(at, 0, ...xmls.map((xml) => ({ name, xml })));
    this.children = kept;
  }

  set(name: string, xml: string | undefined): void {
    this.setAll(name, xml === undefined ? [] : [xml]);
  }

  /**
   * The prefix bound to the relationships namespace for every element of the part, declaring one
   * on the root when none is (`uri`: the namespace as this package writes it).
   */
  relPrefix(uri: string = NS_R): string {
    const root = rootTag(this.head);
    const inner = this.children.filter((c) => c.name !== "sheetData").map((c) => c.xml);
    const { prefix, declare } = relPrefixFor(root.tag, inner);
    if (declare)
      this.head =
        this.head.slice(0, root.at) +
        withDeclaration(root.tag, prefix, uri) +
        this.head.slice(root.at + root.tag.length);
    return prefix;
  }

  toXml(): string {
    return this.head + this.children.map((c) => c.xml).join("") + this.tail;
  }
}
