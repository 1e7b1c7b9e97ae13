/**
 * The package an .xlsx is: its parts by name, their relationships and content types. Parts
 * are decoded only when an edit needs them; untouched parts are written back as their stored
 * bytes.
 */

import { asUtf8Xml, partText, type UnpackLimits } from "./unpack";
import { entryBytes, makeEntry, readZip, writeZip, type ZipEntry } from "./zip";
import { dirOf, relsPathOf, resolvePart } from "./opc";
import { esc, parseAttrs } from "./xml";

export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

export interface Rel {
  id: string;
  type: string;
  /** The target as written. */
  target: string;
  /** The part it points at, resolved from the package root; undefined for external targets. */
  part?: string;
}

export class Package {
  private entries: ZipEntry[];
  private index = new Map<string, number>();
  private texts = new Map<string, string>();
  private dirty = new Set<string>();
  private removed = new Set<string>();
  private added: string[] = [];
  /** Entries whose size and CRC-32 have been checked (by inflating them). */
  private checked = new Set<ZipEntry>();

  constructor(bytes: Uint8Array, limits?: UnpackLimits) {
    this.entries = readZip(bytes, limits);
    this.entries.forEach((e, i) => this.index.set(e.name.toLowerCase(), i));
  }

  /** The stored name of a part (names are case-insensitive in a package), or undefined. */
  private nameOf(path: string): string | undefined {
    const key = path.toLowerCase();
    if (this.removed.has(key)) return undefined;
    const i = this.index.get(key);
    if (i !== undefined) return this.entries[i].name;
    return this.added.find((n) => n.toLowerCase() === key);
  }

  has(path: string): boolean {
    return this.nameOf(path) !== undefined;
  }

  /** Every part name currently in the package. */
  names(): string[] {
    return [...this.entries.map((e) => e.name), ...this.added].filter(
      (n) => !this.removed.has(n.toLowerCase()),
    );
  }

  text(path: string): string | undefined {
    const name = this.nameOf(path);
    if (name === undefined) return undefined;
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const entry = this.entries[this.index.get(name.toLowerCase())!];
    const text = partText(entryBytes(entry));
    this.checked.add(entry);
    this.texts.set(name, text);
    return text;
  }

  setText(path: string, xml: string): void {
    let name = this.nameOf(path);
    if (name === undefined) {
      name = path;
      this.removed.delete(path.toLowerCase());
      if (!this.index.has(path.toLowerCase())) this.added.push(path);
    }
    this.texts.set(name, xml);
    this.dirty.add(name);
  }

  remove(path: string): void {
    const name = this.nameOf(path);
    if (name === undefined) return;
    this.removed.add(name.toLowerCase());
    this.dirty.delete(name);
    this.added = this.added.filter((n) => n !== name);
  }

  /** The parts written or rewritten so far. */
  edited(): string[] {
    return [...this.dirty].filter((n) => !this.removed.has(n.toLowerCase()));
  }

  /** A part name `${stem}${n}.xml` not yet used. */
  freeName(stem: string): string {
    for (let n = 1; ; n++) if (!this.has(`${stem}${n}.xml`)) return `${stem}${n}.xml`;
  }

  /**
   * The package as a zip. A part copied as it came is checked first (size and CRC-32), so a
   * damaged part is refused rather than passed on; edited parts are written as UTF-8. Consumes
   * the package: each edited part's text is dropped once it is compressed, so a large sheet is
   * never held as text, bytes and compressed bytes all at once.
   */
  toBytes(): Uint8Array {
    const enc = new TextEncoder();
    const encode = (name: string) => {
      const data = enc.encode(asUtf8Xml(this.texts.get(name)!));
      this.texts.delete(name);
      return makeEntry(name, data);
    };
    const out: ZipEntry[] = [];
    for (const e of this.entries) {
      if (this.removed.has(e.name.toLowerCase())) continue;
      if (this.dirty.has(e.name)) out.push(encode(e.name));
      else {
        if (!this.checked.has(e)) entryBytes(e);
        out.push(e);
      }
    }
    for (const name of this.added) {
      if (!this.removed.has(name.toLowerCase())) out.push(encode(name));
    }
    return writeZip(out);
  }

  // -- relationships --------------------------------------------------------------------

  rels(part: string): Rel[] {
    const xml = this.text(relsPathOf(part));
    if (!xml) return [];
    const base = dirOf(part);
    const out: Rel[] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\s([^>]*?)\/?>/g)) {
      const a = parseAttrs(m[1]);
      out.push({
        id: a.Id ?? "",
        type: a.Type ?? "",
        target: a.Target ?? "",
        part: a.TargetMode === "External" ? undefined : resolvePart(base, a.Target ?? ""),
      });
    }
    return out;
  }

  /** Adds a relationship from `part` to `target` (a path from the package root); returns its id. */
  addRel(part: string, type: string, target: string): string {
    const path = relsPathOf(part);
    const xml =
      this.text(path) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
    const ids = new Set(this.rels(part).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${esc(relativeTarget(dirOf(part), target))}"/>`;
    const close = xml.lastIndexOf("</");
    const selfClosing = /<(?:\w+:)?Relationships[^>]*\/>\s*$/.test(xml);
    this.setText(
      path,
      selfClosing
        ? xml.replace(/\/>\s*$/, `>${rel}</Relationships>`)
        : xml.slice(0, close) + rel + xml.slice(close),
    );
    return id;
  }

  removeRels(part: string, ids: Set<string>): void {
    const path = relsPathOf(part);
    const xml = this.text(path);
    if (!xml || ids.size === 0) return;
    this.setText(
      path,
      xml.replace(/<(?:\w+:)?Relationship\s[^>]*?\/>/g, (tag) =>
        ids.has(parseAttrs(tag).Id ?? "") ? "" : tag,
      ),
    );
  }

  // -- content types --------------------------------------------------------------------

  addOverride(part: string, contentType: string): void {
    const xml = this.text("[Content_Types].xml") ?? "";
    const name = `/${part}`;
    const exists = [...xml.matchAll(/<(?:\w+:)?Override\s([^>]*?)\/?>/g)].some(
      (m) => (parseAttrs(m[1]).PartName ?? "").toLowerCase() === name.toLowerCase(),
    );
    if (exists) return;
    const close = xml.lastIndexOf("</");
    this.setText(
      "[Content_Types].xml",
      `${xml.slice(0, close)}<Override PartName="${esc(name)}" ContentType="${contentType}"/>${xml.slice(close)}`,
    );
  }

  removeOverride(part: string): void {
    const xml = this.text("[Content_Types].xml") ?? "";
    const name = `/${part}`.toLowerCase();
    this.setText(
      "[Content_Types].xml",
      xml.replace(/<(?:\w+:)?Override\s[^>]*?\/>/g, (tag) =>
        (parseAttrs(tag).PartName ?? "").toLowerCase() === name ? "" : tag,
      ),
    );
  }
}

/** `target` (from the root) as seen from `fromDir`: `xl/tables/t.xml` from `xl/worksheets` → `../tables/t.xml`. */
function relativeTarget(fromDir: string, target: string): string {
  const from = fromDir ? fromDir.split("/") : [];
  const to = target.split("/");
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...from.slice(k).map(() => ".."), ...to.slice(k)].join("/");
}
