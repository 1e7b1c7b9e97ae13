/**
 * Applies a WorkbookPatch to an .xlsx file by editing its package directly: only the parts an
 * operation touches are decoded and rewritten (the workbook, styles, the sheets concerned, new
 * table parts); every other part — charts, images, pivot caches, comments, the user's own
 * styles — is copied as its original compressed bytes. A round trip through exceljs would lose
 * charts, pivots and images and needs ~15 s and ~2 GB on a 60k-row file.
 */

import {
  OWN_TITLE,
  dispatch,
  freeTableName,
  isOwnFormula,
  isOwnValidation,
  makesSheet,
  tableColumnNames,
  validationCriteria,
  type CellWrite,
  type OwnerRef,
  type Handlers,
  type HostNote,
  type PatchOp,
  type TableSpec,
  type Validation,
  type WorkbookPatch,
} from "../../core/patch";
import { colLetter, overlaps, parseA1, parseRange, rangeRef, type Range } from "../../core/snapshot";
import { assertOwned, contentExtent } from "../../core/owned";
import { buildWorksheet } from "./build";
import { layOwnedContent, markerOn, withMarker } from "./owned";
import { editCells, type CellOp } from "./cells";
import { dirOf } from "./opc";
import { CT, Package, REL } from "./parts";
import { InputError } from "./input-error";
import { inOrder, sortSheetData } from "./row-order";
import { SheetDoc } from "./sheet-xml";
import { MINIMAL_STYLES, Styles } from "./styles";
import { namespacesOf, toStrict, type Namespaces } from "./strict";
import type { UnpackLimits } from "./unpack";

export { uncarriedParts, uncarriedPartNames } from "./special-parts";
import {
  decodeText,
  elementEnd,
  esc,
  localAttr,
  nsScope,
  parseAttrs,
  relId,
  relPrefixFor,
  quoteSheet,
  rootPrefix,
  rootTag,
  setAttr,
  withDeclaration,
  withPrefix,
} from "./xml";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Something the writer did differently from what the patch asked, and why; for the log. */
export type ApplyNote = HostNote;

export interface ApplyResult {
  bytes: Uint8Array;
  notes: ApplyNote[];
}

/** The patched workbook's bytes; `limits` caps what the package may inflate to (see unpack.ts). */
export function applyPatchXlsx(
  original: Uint8Array,
  patch: WorkbookPatch,
  limits?: UnpackLimits,
): Uint8Array {
  return applyPatchXlsxWithNotes(original, patch, limits).bytes;
}

export function applyPatchXlsxWithNotes(
  original: Uint8Array,
  patch: WorkbookPatch,
  limits?: UnpackLimits,
): ApplyResult {
  const w = new Writer(original, limits);
  patch.ops.forEach((op, order) => {
    if (makesSheet(op)) return dispatch(XLSX, op, { w, order, st: undefined as never });
    const st = w.sheet(op.sheet);
    if (st) dispatch(XLSX, op, { w, order, st });
    else w.notes.push({ code: "sheet-missing", sheet: op.sheet });
  });
  return { bytes: w.finish(), notes: w.notes };
}

/** One operation's context: the writer, the op's place in the patch, and its sheet. */
interface Step {
  w: Writer;
  order: number;
  /** The op's sheet; ops that make their sheet (ensureSheet, writeSheet) have none yet. */
  st: SheetState;
}

/** The .xlsx host's semantics of each operation of the catalogue. */
const XLSX: Handlers<Step, void> = {
  ensureSheet: (op, { w }) => w.ensureSheet(op),
  writeSheet: (op, { w, order }) => w.writeSheet(op, order),
  createTable: (op, { w, st, order }) => w.createTable(st, op.table, order),
  setNumberFormat: (op, { st, order }) => {
    st.ops.push({ kind: "format", order, range: op.range, code: op.format });
  },
  setValidation: (op, { w, st }) => w.setValidation(st, op.range, op.validation),
  clearOwnFormats: (_op, { w, st }) => w.clearOwnFormats(st),
  addConditionalFormats: (op, { w, st }) => w.addConditionalFormats(st, op.ranges, op.rules),
  setValues: (op, { st, order }) => {
    for (const { cell, write } of op.cells) {
      const at = parseA1(cell);
      if (at) st.ops.push({ kind: "write", order, r: at.r, c: at.c, write, keepStyle: true });
    }
  },
  appendRows: (op, { w, st, order }) => w.appendRows(st, op.table, op.startRow, op.range, op.rows, order),
};

interface SheetRef {
  name: string;
  sheetId: number;
  rid: string;
  state: string;
  /** The <sheet> tag as written in workbook.xml. */
  tag: string;
}

interface SheetState {
  name: string;
  part: string;
  doc: SheetDoc;
  ops: CellOp[];
  /** Conditional formats added in this patch, to number their priorities first. */
  cfAdded: number;
}

interface TableRef {
  part: string;
  sheetPart: string;
  name: string;
  id: number;
  range?: Range;
}

class Writer {
  readonly notes: ApplyNote[] = [];
  private pkg: Package;
  private bookPath: string;
  private book: string;
  private bp: string;
  /** The namespaces this package speaks: transitional, or Strict OOXML. */
  private ns: Namespaces;
  private styles: Styles;
  private stylesPath: string;
  private stylesExisted: boolean;
  private sst?: string[];
  /** The sheets an operation touched, by part. */
  private sheets = new Map<string, SheetState>();
  private tables?: TableRef[];

  constructor(bytes: Uint8Array, limits?: UnpackLimits) {
    this.pkg = new Package(bytes, limits);
    const root = this.pkg.rels("");
    this.bookPath = root.find((r) => r.type.endsWith("/officeDocument"))?.part ?? "xl/workbook.xml";
    const book = this.pkg.text(this.bookPath);
    if (book === undefined) throw new InputError("corrupt", "no-workbook");
    this.book = book;
    this.bp = rootPrefix(book);
    this.ns = namespacesOf(book);
    const stylesRel = this.pkg.rels(this.bookPath).find((r) => r.type.endsWith("/styles"));
    this.stylesPath = stylesRel?.part ?? `${dirOf(this.bookPath)}/styles.xml`;
    const stylesXml = stylesRel ? this.pkg.text(this.stylesPath) : undefined;
    this.stylesExisted = stylesXml !== undefined;
    this.styles = new Styles(stylesXml ?? MINIMAL_STYLES);
  }

  // -- workbook.xml -------------------------------------------------------------------

  private sheetsBlock(): { start: number; end: number; inner: number; close: number } {
    const m = new RegExp(`<${this.bp}sheets[\\s>/]`).exec(this.book);
    if (!m) throw new InputError("corrupt", "damaged");
    const end = elementEnd(this.book, m.index);
    const gt = this.book.indexOf(">", m.index);
    return { start: m.index, end, inner: gt + 1, close: this.book.lastIndexOf("<", end - 1) };
  }

  private sheetRefs(): SheetRef[] {
    const b = this.sheetsBlock();
    const inner = this.book.slice(b.inner, b.close);
    // Namespaces in scope inside <sheets>: the root's, then <sheets>'s own.
    const scope = nsScope(
      parseAttrs(this.book.slice(b.start, b.inner)),
      nsScope(parseAttrs(rootTag(this.book).tag)),
    );
    const out: SheetRef[] = [];
    for (const m of inner.matchAll(/<(?:\w+:)?sheet\s[^>]*?\/?>/g)) {
      const a = parseAttrs(m[0]);
      out.push({
        name: a.name ?? "",
        sheetId: Number(a.sheetId ?? 0),
        // A prefix left unbound (as older writers left it) still names the relationship.
        rid: relId(a, scope) ?? localAttr(a, "id") ?? "",
        state: a.state ?? "visible",
        tag: m[0],
      });
    }
    return out;
  }

  private findSheet(name: string): { ref: SheetRef; index: number } | undefined {
    const refs = this.sheetRefs();
    let index = refs.findIndex((r) => r.name === name);
    if (index < 0) index = refs.findIndex((r) => r.name.toLowerCase() === name.toLowerCase());
    return index < 0 ? undefined : { ref: refs[index], index };
  }

  private setSheetTag(old: string, tag: string): void {
    const b = this.sheetsBlock();
    const at = this.book.indexOf(old, b.inner);
    this.book = this.book.slice(0, at) + tag + this.book.slice(at + old.length);
  }

  private setVisibility(ref: SheetRef, visibility: "visible" | "hidden"): void {
    if (ref.state === visibility) return;
    this.setSheetTag(ref.tag, setAttr(ref.tag, "state", visibility === "hidden" ? "hidden" : undefined));
  }

  /** A prefix for the relationships namespace valid inside <sheets>, declared on the root if needed. */
  private relPrefixOfBook(): string {
    const root = rootTag(this.book);
    const end = root.at + root.tag.length;
    const { prefix, declare } = relPrefixFor(root.tag, [this.book.slice(end)]);
    if (declare)
      this.book =
        this.book.slice(0, root.at) + withDeclaration(root.tag, prefix, this.ns.rel) + this.book.slice(end);
    return prefix;
  }

  /** Adds a worksheet part and its <sheet>, after `after` or at the end; returns its state. */
  private addSheet(name: string, xml: string, visibility: "visible" | "hidden", after?: string): SheetState {
    const dir = dirOf(this.bookPath);
    const part = this.pkg.freeName(`${dir ? dir + "/" : ""}worksheets/sheet`);
    this.pkg.setText(part, xml);
    this.pkg.addOverride(part, CT.worksheet);
    const rid = this.pkg.addRel(this.bookPath, `${REL}/worksheet`, part);
    const refs = this.sheetRefs();
    const sheetId = refs.reduce((m, r) => Math.max(m, r.sheetId), 0) + 1;
    const rp = this.relPrefixOfBook();
    const tag = withPrefix(
      `<sheet name="${esc(name)}" sheetId="${sheetId}"${visibility === "hidden" ? ` state="hidden"` : ""} ${rp}:id="${rid}"/>`,
      this.bp,
    );
    const afterAt = after === undefined ? -1 : refs.findIndex((r) => r.name === after);
    const index = afterAt < 0 ? refs.length : afterAt + 1;
    const b = this.sheetsBlock();
    const at = index < refs.length ? this.book.indexOf(refs[index].tag, b.inner) : b.close;
    this.book = this.book.slice(0, at) + tag + this.book.slice(at);
    if (index < refs.length) this.shiftSheetIndexes(index);
    const state: SheetState = { name, part, doc: new SheetDoc(xml), ops: [], cfAdded: 0 };
    this.sheets.set(part, state);
    return state;
  }

  /** A sheet was inserted at `index`: names scoped to later sheets, and the active tab, move with them. */
  private shiftSheetIndexes(index: number): void {
    const bump = (tag: string, attr: string) => {
      const v = parseAttrs(tag)[attr];
      return v !== undefined && Number(v) >= index ? setAttr(tag, attr, String(Number(v) + 1)) : tag;
    };
    this.book = this.book
      .replace(/<(?:\w+:)?definedName\s[^>]*>/g, (t) => bump(t, "localSheetId"))
      .replace(/<(?:\w+:)?workbookView\b[^>]*>/g, (t) => bump(bump(t, "activeTab"), "firstSheet"));
  }

  private definedNames(): string[] {
    const m = new RegExp(`<${this.bp}definedNames[\\s>/]`).exec(this.book);
    if (!m) return [];
    const xml = this.book.slice(m.index, elementEnd(this.book, m.index));
    return [...xml.matchAll(/<(?:\w+:)?definedName\s[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?definedName>)/g)].map(
      (x) => x[0],
    );
  }

  private setDefinedNames(items: string[]): void {
    const m = new RegExp(`<${this.bp}definedNames[\\s>/]`).exec(this.book);
    // The user's opening tag is kept: it may declare namespaces the names use.
    const open = m
      ? this.book.slice(m.index, this.book.indexOf(">", m.index) + 1).replace(/\s*\/>$/, ">")
      : `<${this.bp}definedNames>`;
    const block = items.length ? `${open}${items.join("")}</${this.bp}definedNames>` : "";
    if (m) {
      this.book = this.book.slice(0, m.index) + block + this.book.slice(elementEnd(this.book, m.index));
      return;
    }
    if (!block) return;
    // CT_Workbook: sheets, functionGroups?, externalReferences?, definedNames?
    let at = this.sheetsBlock().end;
    for (const name of ["functionGroups", "externalReferences"]) {
      const n = new RegExp(`<${this.bp}${name}[\\s>/]`).exec(this.book);
      if (n) at = Math.max(at, elementEnd(this.book, n.index));
    }
    this.book = this.book.slice(0, at) + block + this.book.slice(at);
  }

  // -- sheets ---------------------------------------------------------------------------

  /** The sheet `name` means (in any case), one state per part however it is named. */
  sheet(name: string): SheetState | undefined {
    const found = this.findSheet(name);
    if (!found) return undefined;
    const rel = this.pkg.rels(this.bookPath).find((r) => r.id === found.ref.rid);
    if (!rel?.part || !rel.type.endsWith("/worksheet")) return undefined;
    const known = this.sheets.get(rel.part);
    if (known) return known;
    const xml = this.pkg.text(rel.part);
    if (xml === undefined) return undefined;
    const doc = new SheetDoc(xml);
    const sd = doc.get("sheetData");
    if (sd && !inOrder(sd, doc.p)) doc.set("sheetData", sortSheetData(sd, doc.p, colLetter));
    const state: SheetState = {
      name: found.ref.name,
      part: rel.part,
      doc,
      ops: [],
      cfAdded: 0,
    };
    this.sheets.set(rel.part, state);
    return state;
  }

  private sharedStrings(): string[] {
    if (this.sst) return this.sst;
    const rel = this.pkg.rels(this.bookPath).find((r) => r.type.endsWith("/sharedStrings"));
    const xml = rel?.part ? (this.pkg.text(rel.part) ?? "") : "";
    this.sst = [...xml.matchAll(/<(?:\w+:)?si\b(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) =>
      runText(m[1] ?? ""),
    );
    return this.sst;
  }

  /** The text of cells c1..c2 of row r, as the user sees it (pending writes included). */
  private rowTexts(st: SheetState, r: number, c1: number, c2: number): string[] {
    const out: string[] = Array.from({ length: c2 - c1 + 1 }, () => "");
    const sd = st.doc.get("sheetData") ?? "";
    const p = st.doc.p;
    let pos = 0;
    let rowNum = 0;
    for (;;) {
      const lt = sd.indexOf(`<${p}row`, pos);
      if (lt < 0) break;
      const gt = sd.indexOf(">", lt);
      const rAttr = parseAttrs(sd.slice(lt, gt)).r;
      rowNum = rAttr ? Number(rAttr) : rowNum + 1;
      const empty = sd[gt - 1] === "/";
      const end = empty ? gt + 1 : sd.indexOf(`</${p}row>`, gt);
      if (rowNum > r) break;
      if (rowNum === r && !empty) {
        const body = sd.slice(gt + 1, end);
        let col = 0;
        for (const m of body.matchAll(new RegExp(`<${p}c(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${p}c>)`, "g"))) {
          const a = parseAttrs(m[1] ?? "");
          col = a.r ? (parseA1(a.r)?.c ?? col + 1) : col + 1;
          if (col < c1 || col > c2) continue;
          const inner = m[2] ?? "";
          const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
          const t = a.t ?? "n";
          out[col - c1] =
            t === "s"
              ? (this.sharedStrings()[Number(v)] ?? "")
              : t === "inlineStr"
                ? runText(/<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] ?? "")
                : t === "b"
                  ? v === "1"
                    ? "TRUE"
                    : "FALSE"
                  : decodeText(v ?? "");
        }
        break;
      }
      pos = empty ? gt + 1 : end;
    }
    for (const o of st.ops) {
      if (o.kind !== "write" || o.r !== r || o.c < c1 || o.c > c2) continue;
      out[o.c - c1] = o.write.v === null ? "" : String(o.write.v);
    }
    return out;
  }

  // -- tables ---------------------------------------------------------------------------

  private allTables(): TableRef[] {
    if (this.tables) return this.tables;
    this.tables = [];
    for (const ref of this.sheetRefs()) {
      const rel = this.pkg.rels(this.bookPath).find((r) => r.id === ref.rid);
      if (!rel?.part) continue;
      for (const t of this.pkg.rels(rel.part)) {
        if (!t.type.endsWith("/table") || !t.part) continue;
        const xml = this.pkg.text(t.part) ?? "";
        const a = parseAttrs(/<(?:\w+:)?table\s[^>]*>/.exec(xml)?.[0] ?? "");
        this.tables.push({
          part: t.part,
          sheetPart: rel.part,
          name: a.displayName ?? a.name ?? "",
          id: Number(a.id ?? 0),
          range: parseRange(a.ref ?? ""),
        });
      }
    }
    return this.tables;
  }

  createTable(st: SheetState, spec: TableSpec, order: number): void {
    const range = spec.range;
    const tables = this.allTables();
    const clash = tables.find((t) => t.sheetPart === st.part && t.range && overlaps(t.range, range));
    if (clash) {
      this.notes.push({ code: "table-overlap", sheet: st.name, range: rangeRef(range), detail: clash.name });
      return;
    }
    const taken = new Set([
      ...tables.map((t) => t.name.toLowerCase()),
      ...this.definedNames().map((d) => (parseAttrs(d.slice(0, d.indexOf(">"))).name ?? "").toLowerCase()),
    ]);
    const name = freeTableName(spec.name, taken);
    if (name !== spec.name)
      this.notes.push({ code: "table-renamed", sheet: st.name, range: rangeRef(range), detail: name });

    // Column names must equal the header cells' text, or Excel repairs the file.
    const headers = this.rowTexts(st, range.r1, range.c1, range.c2);
    const names = tableColumnNames(headers).map((n, i) => {
      const h = headers[i];
      if (n !== h) {
        st.ops.push({ kind: "write", order, r: range.r1, c: range.c1 + i, write: { v: n }, keepStyle: true });
        this.notes.push({
          code: "table-header-filled",
          sheet: st.name,
          range: `${colLetter(range.c1 + i)}${range.r1}`,
          detail: n,
        });
      }
      return n;
    });

    // A sheet-level filter may not overlap a table.
    const af = st.doc.get("autoFilter");
    const afRange = af ? parseRange(parseAttrs(af.slice(0, af.indexOf(">"))).ref ?? "") : undefined;
    if (afRange && overlaps(afRange, range)) {
      st.doc.set("autoFilter", undefined);
      this.notes.push({ code: "autofilter-removed", sheet: st.name, range: rangeRef(afRange) });
    }

    const id = tables.reduce((m, t) => Math.max(m, t.id), 0) + 1;
    const dir = dirOf(this.bookPath);
    const part = this.pkg.freeName(`${dir ? dir + "/" : ""}tables/table`);
    const ref = rangeRef(range);
    this.pkg.setText(
      part,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<table xmlns="${NS_MAIN}" id="${id}" name="${esc(name)}" displayName="${esc(name)}" ref="${ref}" totalsRowShown="0">` +
        `<autoFilter ref="${ref}"/><tableColumns count="${names.length}">` +
        names.map((n, i) => `<tableColumn id="${i + 1}" name="${esc(n)}"/>`).join("") +
        `</tableColumns><tableStyleInfo name="${esc(spec.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    );
    this.pkg.addOverride(part, CT.table);
    const rid = this.pkg.addRel(st.part, `${REL}/table`, part);
    const rp = st.doc.relPrefix(this.ns.rel);
    const existing = st.doc.get("tableParts");
    const items = existing ? [...existing.matchAll(/<(?:\w+:)?tablePart\s[^>]*?\/>/g)].map((m) => m[0]) : [];
    items.push(withPrefix(`<tablePart ${rp}:id="${rid}"/>`, st.doc.p));
    // The user's opening tag is kept: it may declare the namespace its items' r:id use.
    const open = existing
      ? existing.slice(0, existing.indexOf(">") + 1).replace(/\s*\/>$/, ">")
      : `<${st.doc.p}tableParts>`;
    st.doc.set(
      "tableParts",
      `${setAttr(open, "count", String(items.length))}${items.join("")}</${st.doc.p}tableParts>`,
    );
    tables.push({ part, sheetPart: st.part, name, id, range });
  }

  /** Removes the tables of a product sheet's previous region before the region is written again. */
  private dropRegionParts(st: SheetState, previous: Range | undefined): void {
    if (!previous) return;
    const ids = new Set<string>();
    const gone = this.allTables().filter(
      (t) => t.sheetPart === st.part && t.range !== undefined && overlaps(t.range, previous),
    );
    for (const r of this.pkg.rels(st.part)) {
      if (!r.type.endsWith("/table") || !r.part || !gone.some((t) => t.part === r.part)) continue;
      this.pkg.remove(r.part);
      this.pkg.removeOverride(r.part);
      ids.add(r.id);
    }
    if (!ids.size) return;
    this.tables = this.allTables().filter((t) => !gone.includes(t));
    this.pkg.removeRels(st.part, ids);
    const left = items(st.doc.get("tableParts")).filter((x) => {
      const id = localAttr(parseAttrs(x.slice(0, x.indexOf(">")).replace(/\/$/, "")), "id");
      return id === undefined || !ids.has(id);
    });
    st.doc.set(
      "tableParts",
      left.length
        ? `<${st.doc.p}tableParts count="${left.length}">${left.join("")}</${st.doc.p}tableParts>`
        : undefined,
    );
  }

  /** Sets the marker of a product sheet: its defined name, pointing at the product's region. */
  private setMarker(owner: OwnerRef, sheet: string, range: Range): void {
    this.setDefinedNames(withMarker(this.definedNames(), owner, sheet, range, this.bp));
  }

  // -- operations -----------------------------------------------------------------------

  ensureSheet(op: Extract<PatchOp, { op: "ensureSheet" }>): void {
    const found = this.findSheet(op.sheet);
    if (found) {
      const marker = markerOn(this.definedNames(), found.ref.name);
      assertOwned(found.ref.name, marker, op);
      this.setVisibility(found.ref, op.visibility);
      if (!marker) this.setMarker(op.owner, found.ref.name, { r1: 1, c1: 1, r2: 1, c2: 1 });
    } else {
      this.addSheet(op.sheet, buildWorksheet({ rows: [] }, this.styles), op.visibility, op.after);
      this.setMarker(op.owner, op.sheet, { r1: 1, c1: 1, r2: 1, c2: 1 });
    }
  }

  writeSheet(op: Extract<PatchOp, { op: "writeSheet" }>, order: number): void {
    const xml = buildWorksheet(op.content, this.styles);
    const found = this.findSheet(op.sheet);
    let st: SheetState;
    if (found) {
      assertOwned(found.ref.name, markerOn(this.definedNames(), found.ref.name), op);
      this.setVisibility(found.ref, op.visibility);
      st = this.sheet(found.ref.name)!;
      // Cell edits queued earlier in this patch land first, so the region is cleared after them.
      if (st.ops.length) {
        this.finishSheet(st);
        st.doc = new SheetDoc(this.pkg.text(st.part) ?? xml);
        st.ops = [];
      }
      this.dropRegionParts(st, op.previous);
      this.pkg.removeRels(st.part, new Set(layOwnedContent(st.doc, new SheetDoc(xml), op.previous)));
      st.cfAdded = 0;
    } else st = this.addSheet(op.sheet, xml, op.visibility, op.after);
    for (const t of op.content.tables ?? []) this.createTable(st, t, order);
    this.setPrintNames(st.name, op.content.pageSetup?.printArea, op.content.pageSetup?.printTitleRows);
    this.setMarker(op.owner, st.name, contentExtent(op.content));
  }

  private setPrintNames(sheet: string, area?: Range, titles?: { r1: number; r2: number }): void {
    const found = this.findSheet(sheet);
    if (!found) return;
    const local = String(found.index);
    const keep = this.definedNames().filter((d) => {
      const a = parseAttrs(d.slice(0, d.indexOf(">")));
      return !(
        a.localSheetId === local &&
        (a.name === "_xlnm.Print_Area" || a.name === "_xlnm.Print_Titles")
      );
    });
    const q = quoteSheet(found.ref.name);
    const add = (name: string, value: string) =>
      keep.push(
        withPrefix(
          `<definedName name="${name}" localSheetId="${local}">${esc(value)}</definedName>`,
          this.bp,
        ),
      );
    if (area)
      add("_xlnm.Print_Area", `${q}!$${colLetter(area.c1)}$${area.r1}:$${colLetter(area.c2)}$${area.r2}`);
    if (titles) add("_xlnm.Print_Titles", `${q}!$${titles.r1}:$${titles.r2}`);
    this.setDefinedNames(keep);
  }

  setValidation(st: SheetState, range: Range, v: Validation): void {
    const p = st.doc.p;
    const block = st.doc.get("dataValidations");
    const items = block
      ? [
          ...block.matchAll(/<(?:\w+:)?dataValidation\s[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?dataValidation>)/g),
        ].map((m) => m[0])
      : [];
    const kept: string[] = [];
    for (const it of items) {
      const a = parseAttrs(it.slice(0, it.indexOf(">")));
      const hit = sqrefRanges(a.sqref ?? "").some((r) => overlaps(r, range));
      if (!hit) kept.push(it);
      else if (isOwnValidation(a.errorTitle)) continue;
      else {
        this.notes.push({ code: "validation-user-overlap", sheet: st.name, range: rangeRef(range) });
        return;
      }
    }
    // Validations Excel keeps in the x14 extension (lists from other sheets) are the user's too.
    const x14 =
      /<(\w+:)?dataValidations[\s>][\s\S]*?<\/\1?dataValidations>/.exec(st.doc.get("extLst") ?? "")?.[0] ??
      "";
    for (const m of x14.matchAll(/<(?:\w+:)?sqref>([^<]*)<\/(?:\w+:)?sqref>/g)) {
      if (sqrefRanges(m[1]).some((r) => overlaps(r, range))) {
        this.notes.push({ code: "validation-user-overlap", sheet: st.name, range: rangeRef(range) });
        return;
      }
    }
    kept.push(withPrefix(validationXml(range, v), p));
    const open = block
      ? block.slice(0, block.indexOf(">") + 1).replace(/\/>$/, ">")
      : `<${p}dataValidations>`;
    st.doc.set(
      "dataValidations",
      `${setAttr(open, "count", String(kept.length))}${kept.join("")}</${p}dataValidations>`,
    );
  }

  clearOwnFormats(st: SheetState): void {
    const kept: string[] = [];
    for (const cf of st.doc.getAll("conditionalFormatting")) {
      const rules = cfRules(cf);
      const mine = rules.filter((r) => isOwnRule(r.xml));
      if (mine.length === 0) kept.push(cf);
      else if (mine.length < rules.length) {
        let out = cf;
        for (const r of mine) out = out.replace(r.xml, "");
        kept.push(out);
      }
    }
    st.doc.setAll("conditionalFormatting", kept);
    st.cfAdded = 0;
  }

  addConditionalFormats(
    st: SheetState,
    ranges: Range[],
    rules: Extract<PatchOp, { op: "addConditionalFormats" }>["rules"],
  ): void {
    if (!ranges.length || !rules.length) return;
    const p = st.doc.p;
    const body = rules
      .map(
        (r) =>
          `<cfRule type="expression" dxfId="${this.styles.dxf(r)}" priority="1"${r.stopIfTrue ? ` stopIfTrue="1"` : ""}>` +
          `<formula>${esc(r.formula)}</formula></cfRule>`,
      )
      .join("");
    const xml = withPrefix(
      `<conditionalFormatting sqref="${ranges.map(rangeRef).join(" ")}">${body}</conditionalFormatting>`,
      p,
    );
    const all = st.doc.getAll("conditionalFormatting");
    all.splice(st.cfAdded, 0, xml);
    st.cfAdded++;
    st.doc.setAll("conditionalFormatting", all);
  }

  appendRows(
    st: SheetState,
    table: string | undefined,
    startRow: number,
    range: Range,
    rows: CellWrite[][],
    order: number,
  ): void {
    rows.forEach((row, i) =>
      row.forEach((write, j) => {
        if (write)
          st.ops.push({ kind: "write", order, r: startRow + i, c: range.c1 + j, write, keepStyle: false });
      }),
    );
    // Without a table (the user removed it) the rows are only written.
    if (table === undefined) return;
    const t = this.allTables().find(
      (x) => x.sheetPart === st.part && x.name.toLowerCase() === table.toLowerCase(),
    );
    if (!t) {
      this.notes.push({ code: "table-missing", sheet: st.name, detail: table });
      return;
    }
    const ref = rangeRef(range);
    const xml = this.pkg.text(t.part) ?? "";
    this.pkg.setText(
      t.part,
      xml
        .replace(/<((?:\w+:)?table)\s[^>]*>/, (tag) => setAttr(tag, "ref", ref))
        .replace(/<((?:\w+:)?autoFilter)\s[^>]*>/, (tag) => setAttr(tag, "ref", ref)),
    );
    t.range = range;
  }

  // -- the end --------------------------------------------------------------------------

  private finishSheet(st: SheetState): void {
    const doc = st.doc;
    if (st.ops.length) {
      const sd = doc.get("sheetData") ?? `<${doc.p}sheetData/>`;
      const colStyles = [...(doc.get("cols") ?? "").matchAll(/<(?:\w+:)?col\s[^>]*?\/?>/g)].map((m) =>
        parseAttrs(m[0]),
      );
      const colStyle = (c: number) => {
        const hit = colStyles.find((a) => Number(a.min) <= c && c <= Number(a.max));
        return hit?.style ? Number(hit.style) : 0;
      };
      const res = editCells(sd, doc.p, st.ops, this.styles, colStyle);
      doc.set("sheetData", res.sheetData);
      const dim = doc.get("dimension");
      if (dim && res.maxRow > 0) {
        const cur = parseRange(parseAttrs(dim).ref ?? "");
        if (cur && (res.maxRow > cur.r2 || res.maxCol > cur.c2)) {
          const grown = {
            r1: cur.r1,
            c1: cur.c1,
            r2: Math.max(cur.r2, res.maxRow),
            c2: Math.max(cur.c2, res.maxCol),
          };
          doc.set("dimension", setAttr(dim, "ref", rangeRef(grown)));
        }
      }
    }
    if (st.cfAdded) renumberPriorities(doc);
    this.pkg.setText(st.part, doc.toXml());
  }

  finish(): Uint8Array {
    for (const st of this.sheets.values()) this.finishSheet(st);
    // Each sheet's text is in the package now; its parsed copy would double a large sheet's memory.
    this.sheets.clear();
    if (this.styles.changed) {
      this.pkg.setText(this.stylesPath, this.styles.toXml());
      if (!this.stylesExisted) {
        this.pkg.addOverride(this.stylesPath, CT.styles);
        this.pkg.addRel(this.bookPath, `${REL}/styles`, this.stylesPath);
      }
    }
    if (this.book !== this.pkg.text(this.bookPath)) this.pkg.setText(this.bookPath, this.book);
    if (this.ns.strict)
      for (const part of this.pkg.edited()) this.pkg.setText(part, toStrict(this.pkg.text(part)!));
    return this.pkg.toBytes();
  }
}

// ---------------------------------------------------------------------------------------

/** The <tablePart> items of a <tableParts> element. */
function items(xml: string | undefined): string[] {
  return xml ? [...xml.matchAll(/<(?:[\w.-]+:)?tablePart\s[^>]*?\/>/g)].map((m) => m[0]) : [];
}

function sqrefRanges(sqref: string): Range[] {
  return sqref
    .split(/\s+/)
    .map((s) => parseRange(s.replace(/\$/g, "")))
    .filter((r): r is Range => r !== undefined);
}

/** Text of a shared string item or inline string: its <t> runs, phonetic guides left out. */
function runText(inner: string): string {
  let out = "";
  const noPh = inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  for (const m of noPh.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += decodeText(m[1]);
  return out;
}

function cfRules(cf: string): Array<{ xml: string }> {
  return [...cf.matchAll(/<((?:\w+:)?cfRule)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g)].map((m) => ({ xml: m[0] }));
}

function isOwnRule(rule: string): boolean {
  for (const m of rule.matchAll(/<(?:\w+:)?formula>([\s\S]*?)<\/(?:\w+:)?formula>/g)) {
    if (isOwnFormula(decodeText(m[1]))) return true;
  }
  return false;
}

/**
 * Priorities unique across the sheet: the product's rules first in the order they stand, then
 * the user's (main and x14 extension alike) in their old order.
 */
function renumberPriorities(doc: SheetDoc): void {
  const cfs = doc.getAll("conditionalFormatting");
  const ext = doc.get("extLst");
  const tagRe = /<((?:\w+:)?cfRule)\b[^>]*>/g;
  const slots: Array<{ own: boolean; old: number; seq: number }> = [];
  for (const cf of cfs) {
    for (const r of cfRules(cf)) {
      const tag = r.xml.slice(0, r.xml.indexOf(">") + 1);
      slots.push({ own: isOwnRule(r.xml), old: Number(parseAttrs(tag).priority ?? 0), seq: slots.length });
    }
  }
  const extTags = ext ? [...ext.matchAll(tagRe)].filter((m) => parseAttrs(m[0]).priority !== undefined) : [];
  for (const m of extTags)
    slots.push({ own: false, old: Number(parseAttrs(m[0]).priority), seq: slots.length });
  const own = slots.filter((s) => s.own);
  const others = slots.filter((s) => !s.own).sort((a, b) => a.old - b.old || a.seq - b.seq);
  const next = new Map<number, number>();
  [...own, ...others].forEach((s, i) => next.set(s.seq, i + 1));
  let seq = 0;
  const renumber = (xml: string, onlyWithPriority: boolean) =>
    xml.replace(tagRe, (tag) => {
      if (onlyWithPriority && parseAttrs(tag).priority === undefined) return tag;
      return setAttr(tag, "priority", String(next.get(seq++)));
    });
  doc.setAll(
    "conditionalFormatting",
    cfs.map((cf) => renumber(cf, false)),
  );
  if (ext && extTags.length) doc.set("extLst", renumber(ext, true));
}

function validationXml(range: Range, v: Validation): string {
  const k = validationCriteria(v.rule);
  let attrs: string;
  let formulas: string;
  if (k.type === "list") {
    attrs = ` type="list"`;
    formulas = `<formula1>${esc(`"${k.items.map((i) => i.replace(/"/g, '""')).join(",")}"`)}</formula1>`;
  } else {
    attrs = ` type="${k.type}" operator="${k.operator}"`;
    formulas =
      `<formula1>${k.formula1}</formula1>` +
      (k.formula2 !== undefined ? `<formula2>${k.formula2}</formula2>` : "");
  }
  const prompt = v.prompt
    ? ` showInputMessage="1" promptTitle="${esc(OWN_TITLE)}" prompt="${esc(v.prompt)}"`
    : "";
  return (
    `<dataValidation${attrs} allowBlank="1" showErrorMessage="1" errorTitle="${esc(OWN_TITLE)}" error="${esc(v.errorMessage)}"` +
    `${prompt} sqref="${rangeRef(range)}">${formulas}</dataValidation>`
  );
}
