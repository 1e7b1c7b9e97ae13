/**
 * The product's sheet markers in an .xlsx package (see core/owned.ts): hidden workbook-scoped
 * defined names `_PTRACK.<kind>.<id>` in workbook.xml, read into SheetSnapshot.owner and set
 * by ensureSheet / writeSheet; and writeSheet on a sheet the product already owns, which
 * replaces only the product's previous region and keeps everything of the user's around it.
 */

import { OWN_TITLE } from "../../core/patch";
import { markerName, markerRef, parseMarkerName, parseMarkerRef } from "../../core/owned";
import { colLetter, parseRange, type OwnedKind, type Range } from "../../core/snapshot";
import { SheetDoc } from "./sheet-xml";
import { decodeText, esc, localAttr, parseAttrs, setAttr, withPrefix } from "./xml";

/** The workbook-scoped defined names of a workbook part: name and reference text. */
export function definedNameRefs(bookXml: string): Array<{ name: string; ref: string }> {
  const out: Array<{ name: string; ref: string }> = [];
  const re = /<((?:[\w.-]+:)?definedName)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g;
  for (const m of bookXml.matchAll(re)) {
    const a = parseAttrs(m[2]);
    if (a.localSheetId !== undefined || a.name === undefined) continue;
    out.push({ name: a.name, ref: decodeText(m[3] ?? "") });
  }
  return out;
}

/** The marker (kind and id) whose reference names `sheet`, among the <definedName> items. */
export function markerOn(
  items: readonly string[],
  sheet: string,
): { kind: OwnedKind; id: string } | undefined {
  for (const item of items) {
    const gt = item.indexOf(">");
    const a = parseAttrs(item.slice(0, gt));
    if (a.localSheetId !== undefined || a.name === undefined) continue;
    const id = parseMarkerName(a.name);
    if (!id) continue;
    const close = item.lastIndexOf("</");
    const at = parseMarkerRef(decodeText(close > gt ? item.slice(gt + 1, close) : ""));
    if (at && at.sheet.toLowerCase() === sheet.toLowerCase()) return id;
  }
  return undefined;
}

/** The <definedName> items with `kind.id`'s marker set to `sheet`!`range` (any old one replaced). */
export function withMarker(
  items: readonly string[],
  owner: { kind: OwnedKind; id: string },
  sheet: string,
  range: Range,
  prefix: string,
): string[] {
  const name = markerName(owner.kind, owner.id);
  const kept = items.filter((item) => {
    const a = parseAttrs(item.slice(0, item.indexOf(">")));
    return a.localSheetId !== undefined || (a.name ?? "").toLowerCase() !== name.toLowerCase();
  });
  kept.push(
    withPrefix(
      `<definedName name="${esc(name)}" hidden="1">${esc(markerRef(sheet, range))}</definedName>`,
      prefix,
    ),
  );
  return kept;
}

// ---------------------------------------------------------------------------------------------
// writeSheet over an owned sheet.

function overlaps(a: Range, b: Range): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

function inside(r: number, c: number, g: Range | undefined): boolean {
  return g !== undefined && r >= g.r1 && r <= g.r2 && c >= g.c1 && c <= g.c2;
}

function refCol(ref: string): number {
  let c = 0;
  for (const ch of ref.toUpperCase()) {
    const u = ch.charCodeAt(0);
    if (u < 65 || u > 90) break;
    c = c * 26 + (u - 64);
  }
  return c;
}

interface Row {
  /** The <row> start tag, without its closing `>` or `/>`. */
  tag: string;
  cells: Map<number, string>;
}

/** The rows of a <sheetData> element, by number; cells by column. */
function parseRows(sheetData: string, p: string): Map<number, Row> {
  const rows = new Map<number, Row>();
  const rowRe = new RegExp(`<${p}row\\b([^>]*?)(\\/>|>([\\s\\S]*?)<\\/${p}row>)`, "g");
  const cellRe = new RegExp(`<${p}c\\b([^>]*?)(?:\\/>|>[\\s\\S]*?<\\/${p}c>)`, "g");
  let last = 0;
  for (const m of sheetData.matchAll(rowRe)) {
    const a = parseAttrs(m[1]);
    const r = a.r ? Number(a.r) : last + 1;
    last = r;
    const row = rows.get(r) ?? { tag: `<${p}row${m[1].replace(/\/$/, "")}`, cells: new Map() };
    let col = 0;
    for (const c of (m[3] ?? "").matchAll(cellRe)) {
      const ca = parseAttrs(c[1]);
      col = ca.r ? refCol(ca.r) || col + 1 : col + 1;
      row.cells.set(col, c[0]);
    }
    rows.set(r, row);
  }
  return rows;
}

/** Sets a cell's `r` attribute, so a cell of the user's keeps its place whatever it had. */
function withRef(cell: string, r: number, c: number): string {
  const gt = cell.indexOf(">");
  return setAttr(cell.slice(0, gt + 1), "r", `${colLetter(c)}${r}`) + cell.slice(gt + 1);
}

/** Items of a list element (`mergeCell` in `mergeCells` …). */
function items(xml: string | undefined, name: string): string[] {
  if (!xml) return [];
  const re = new RegExp(`<((?:[\\w.-]+:)?${name})\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/\\1>)`, "g");
  return [...xml.matchAll(re)].map((m) => m[0]);
}

function attrsOf(item: string): Record<string, string> {
  return parseAttrs(item.slice(0, item.indexOf(">")).replace(/\/$/, ""));
}

/**
 * The owned sheet `old` with the product's new content `fresh` (a worksheet as buildWorksheet
 * writes it) laid in: the cells, merges, hyperlinks and product validations of `previous` go,
 * the new ones come; the sheet's view, column widths and page setup are the product's; every
 * other cell, merge, link, rule, drawing, comment and table of the user's stays as it was.
 * Returns the relationship ids of hyperlinks that went with the old region.
 */
export function layOwnedContent(old: SheetDoc, fresh: SheetDoc, previous: Range | undefined): string[] {
  const p = old.p;
  const fp = (xml: string) => withPrefix(xml, p);

  // Cells: the user's outside `previous`, and the new content (which wins where both are).
  const oldRows = parseRows(old.get("sheetData") ?? "", p);
  const newRows = parseRows(fresh.get("sheetData") ?? "", "");
  const numbers = [...new Set([...oldRows.keys(), ...newRows.keys()])].sort((a, b) => a - b);
  const out: string[] = [];
  let maxRow = 0;
  let maxCol = 0;
  for (const r of numbers) {
    const o = oldRows.get(r);
    const n = newRows.get(r);
    const cells = new Map<number, string>();
    for (const [c, xml] of o?.cells ?? []) if (!inside(r, c, previous)) cells.set(c, withRef(xml, r, c));
    for (const [c, xml] of n?.cells ?? []) cells.set(c, fp(xml));
    let tag: string;
    if (n) tag = fp(n.tag);
    else {
      tag = setAttr(o!.tag, "spans", undefined);
      // A height the product set on a row of its old region goes with the region.
      if (previous && r >= previous.r1 && r <= previous.r2)
        tag = setAttr(setAttr(tag, "customHeight", undefined), "ht", undefined);
    }
    const cols = [...cells.keys()].sort((a, b) => a - b);
    if (cols.length) {
      maxRow = Math.max(maxRow, r);
      maxCol = Math.max(maxCol, cols[cols.length - 1]);
    }
    const onlyR = Object.keys(parseAttrs(tag.replace(/^<[\w.:-]+/, ""))).every((k) => k === "r");
    if (!cols.length && onlyR) continue;
    out.push(cols.length ? `${tag}>${cols.map((c) => cells.get(c)).join("")}</${p}row>` : `${tag}/>`);
  }
  old.set("sheetData", out.length ? `<${p}sheetData>${out.join("")}</${p}sheetData>` : `<${p}sheetData/>`);
  old.set(
    "dimension",
    `<${p}dimension ref="${maxRow && maxCol ? `A1:${colLetter(maxCol)}${maxRow}` : "A1"}"/>`,
  );

  // Merges: the user's outside the old region, and the new ones.
  const merges = [
    ...items(old.get("mergeCells"), "mergeCell").filter((m) => {
      const g = parseRange(attrsOf(m).ref ?? "");
      return !(g && previous && overlaps(g, previous));
    }),
    ...items(fresh.get("mergeCells"), "mergeCell").map(fp),
  ];
  old.set(
    "mergeCells",
    merges.length
      ? `<${p}mergeCells count="${merges.length}">${merges.join("")}</${p}mergeCells>`
      : undefined,
  );

  // Hyperlinks: likewise; links of the old region that point outside the workbook lose their rels.
  const dropped: string[] = [];
  const links = [
    ...items(old.get("hyperlinks"), "hyperlink").filter((h) => {
      const a = attrsOf(h);
      const g = parseRange(a.ref ?? "");
      const gone = g !== undefined && previous !== undefined && overlaps(g, previous);
      const rid = localAttr(a, "id");
      if (gone && rid) dropped.push(rid);
      return !gone;
    }),
    ...items(fresh.get("hyperlinks"), "hyperlink").map(fp),
  ];
  old.set("hyperlinks", links.length ? `<${p}hyperlinks>${links.join("")}</${p}hyperlinks>` : undefined);

  // The product's own validations on its old region go; the user's stay.
  const dv = old.get("dataValidations");
  if (dv && previous) {
    const all = items(dv, "dataValidation");
    const kept = all.filter((v) => {
      const a = attrsOf(v);
      const hit = (a.sqref ?? "").split(/\s+/).some((s) => {
        const g = parseRange(s.replace(/\$/g, ""));
        return g !== undefined && overlaps(g, previous);
      });
      return !(hit && a.errorTitle === OWN_TITLE);
    });
    if (kept.length !== all.length) {
      const open = dv.slice(0, dv.indexOf(">") + 1).replace(/\/>$/, ">");
      old.set(
        "dataValidations",
        kept.length
          ? `${setAttr(open, "count", String(kept.length))}${kept.join("")}</${p}dataValidations>`
          : undefined,
      );
    }
  }

  // Column widths: the product's for its columns, the user's for the others.
  const freshCols = items(fresh.get("cols"), "col");
  if (freshCols.length) {
    const mine = freshCols.map((c) => {
      const a = attrsOf(c);
      return { min: Number(a.min), max: Number(a.max) };
    });
    const theirs = items(old.get("cols"), "col").filter((c) => {
      const a = attrsOf(c);
      return !mine.some((m) => Number(a.min) <= m.max && m.min <= Number(a.max));
    });
    const all = [...theirs, ...freshCols.map(fp)].sort(
      (x, y) => Number(attrsOf(x).min) - Number(attrsOf(y).min),
    );
    old.set("cols", `<${p}cols>${all.join("")}</${p}cols>`);
  }

  // The view (frozen header, grid lines) and the page setup are the product's layout.
  for (const name of ["sheetViews", "sheetPr", "printOptions", "pageMargins", "pageSetup"]) {
    const x = fresh.get(name);
    if (x !== undefined) old.set(name, fp(x));
  }
  return dropped;
}
