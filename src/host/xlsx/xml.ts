/**
 * Small XML helpers for the writer: escaping, attributes, and finding an element's extent in
 * a part's text. Parts are edited as text so that everything not touched keeps its exact bytes.
 */

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_m, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e];
    const n = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "";
  });
}

/** Element text as the user typed it: entities and OOXML's _xHHHH_ escapes undone. */
export function decodeText(raw: string): string {
  let s = raw.indexOf("\r") >= 0 ? raw.replace(/\r\n?/g, "\n") : raw;
  s = decodeEntities(s);
  if (s.indexOf("_x") >= 0)
    s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/**
 * Text for an element or attribute value. Characters XML cannot hold (control characters,
 * lone surrogates) and CR become `_xHHHH_`, and a literal `_xHHHH_` gets its underscore
 * escaped, so Excel reads back exactly the string given.
 */
export function esc(s: string): string {
  let t = s;
  if (t.indexOf("_x") >= 0) t = t.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  t = t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return escapeUnwritable(t);
}

/** Characters XML 1.0 cannot hold, and CR (which XML would turn into LF), as `_xHHHH_`. */
function escapeUnwritable(t: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    let bad = (c < 32 && c !== 9 && c !== 10) || c === 0xfffe || c === 0xffff;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      bad = true;
    } else if (c >= 0xdc00 && c <= 0xdfff) bad = true;
    if (!bad) continue;
    out += t.slice(from, i) + `_x${c.toString(16).toUpperCase().padStart(4, "0")}_`;
    from = i + 1;
  }
  return from === 0 ? t : out + t.slice(from);
}

/** `a="1" r:id='x'` → { a: "1", "r:id": "x" }, entity-decoded. */
export function parseAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out[m[1]] = decodeEntities(m[3] ?? m[4] ?? "");
  return out;
}

/** An attribute by local name, whatever its prefix. */
export function localAttr(a: Record<string, string>, local: string): string | undefined {
  for (const k of Object.keys(a)) if (k.endsWith(":" + local)) return a[k];
  return a[local];
}

/**
 * Where attribute `name` sits in an opening tag: [name start, value start, value end], found by
 * jumping from one `=` to the next (no regex: this runs for every cell of a big sheet).
 */
function findAttr(tag: string, name: string): [number, number, number] | undefined {
  let i = 0;
  for (;;) {
    const eq = tag.indexOf("=", i);
    if (eq < 0) return undefined;
    let vs = eq + 1;
    while (isWs(tag.charCodeAt(vs))) vs++;
    const q = tag.charCodeAt(vs);
    if (q !== 34 && q !== 39) return undefined;
    const ve = tag.indexOf(q === 34 ? '"' : "'", vs + 1);
    if (ve < 0) return undefined;
    let ne = eq;
    while (isWs(tag.charCodeAt(ne - 1))) ne--;
    const ns = ne - name.length;
    if (ns > 0 && isWs(tag.charCodeAt(ns - 1)) && tag.startsWith(name, ns)) return [ns, vs + 1, ve];
    i = ve + 1;
  }
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The raw (still escaped) value of an attribute in an opening tag. */
export function attrValue(tag: string, name: string): string | undefined {
  const at = findAttr(tag, name);
  return at ? tag.slice(at[1], at[2]) : undefined;
}

/** An opening tag with one attribute set (added, replaced, or removed when undefined); `value` is raw text. */
export function setAttr(tag: string, name: string, value: string | undefined): string {
  const at = findAttr(tag, name);
  if (at) {
    if (value !== undefined) return tag.slice(0, at[1]) + value + tag.slice(at[2]);
    let ns = at[0];
    while (ns > 0 && isWs(tag.charCodeAt(ns - 1))) ns--;
    return tag.slice(0, ns) + tag.slice(at[2] + 1);
  }
  if (value === undefined) return tag;
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.endsWith(">") ? tag.length - 1 : tag.length;
  return `${tag.slice(0, end)} ${name}="${value}"${tag.slice(end)}`;
}

/** The extent of the element opening at `lt`: index just past its end tag (nesting counted). */
export function elementEnd(xml: string, lt: number): number {
  const gt = xml.indexOf(">", lt);
  if (gt < 0) return xml.length;
  if (xml.charCodeAt(gt - 1) === 47) return gt + 1;
  let i = lt + 1;
  while (i < gt && !/[\s/>]/.test(xml[i])) i++;
  const qname = xml.slice(lt + 1, i);
  const open = `<${qname}`;
  const close = `</${qname}>`;
  let depth = 1;
  let pos = gt + 1;
  for (;;) {
    const c = xml.indexOf(close, pos);
    if (c < 0) return xml.length;
    // Count same-named elements opened before this end tag.
    let o = xml.indexOf(open, pos);
    while (o >= 0 && o < c) {
      const ch = xml[o + open.length];
      const ogt = xml.indexOf(">", o);
      if (
        (ch === ">" || ch === " " || ch === "/" || ch === "\t" || ch === "\n" || ch === "\r") &&
        xml[ogt - 1] !== "/"
      )
        depth++;
      o = xml.indexOf(open, ogt);
    }
    depth--;
    pos = c + close.length;
    if (depth === 0) return pos;
  }
}

/** Namespace prefix of the root element (`x:`), or "". */
export function rootPrefix(xml: string): string {
  const m = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*[\s>/]/.exec(
    xml.replace(/<\?[^>]*\?>|<!--[\s\S]*?-->/g, ""),
  );
  return m?.[1] ?? "";
}

/** Puts the prefix on every element name of a fragment written without one. */
export function withPrefix(fragment: string, p: string): string {
  return p ? fragment.replace(/<(\/?)([A-Za-z])/g, `<$1${p}$2`) : fragment;
}

/** A Range as the `$A$1:$B$2` of a formula, with the sheet name quoted. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The relationships namespace, transitional (the usual) and Strict OOXML. */
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";

export function isRelNs(uri: string | undefined): boolean {
  return uri === NS_REL || uri === NS_REL_STRICT;
}

/** Prefix → namespace URI in scope for an element with attributes `a` ("" is the default namespace). */
export function nsScope(a: Record<string, string>, outer?: ReadonlyMap<string, string>): Map<string, string> {
  const scope = new Map(outer);
  for (const k of Object.keys(a)) {
    if (k === "xmlns") scope.set("", a[k]);
    else if (k.startsWith("xmlns:")) scope.set(k.slice(6), a[k]);
  }
  return scope;
}

/**
 * The `r:id` of an element, found as XML finds it: the `id` attribute whose prefix is bound,
 * on the element itself or around it, to the relationships namespace, whatever the prefix.
 */
export function relId(a: Record<string, string>, outer?: ReadonlyMap<string, string>): string | undefined {
  const scope = nsScope(a, outer);
  for (const k of Object.keys(a)) {
    const colon = k.indexOf(":");
    if (colon > 0 && k.slice(colon + 1) === "id" && isRelNs(scope.get(k.slice(0, colon)))) return a[k];
  }
  return undefined;
}

/** The opening tag of the root element (past any declaration, comment or processing instruction). */
export function rootTag(xml: string): { at: number; tag: string } {
  let lt = xml.indexOf("<");
  while (lt >= 0 && (xml.charCodeAt(lt + 1) === 63 || xml.charCodeAt(lt + 1) === 33)) {
    const close = xml.startsWith("<!--", lt) ? xml.indexOf("-->", lt) : xml.indexOf(">", lt);
    lt = close < 0 ? -1 : xml.indexOf("<", close);
  }
  if (lt < 0) return { at: -1, tag: "" };
  return { at: lt, tag: xml.slice(lt, xml.indexOf(">", lt) + 1) };
}

/**
 * A prefix for the relationships namespace that holds everywhere below the root: the root's own
 * binding when nothing inside (`inner`: the rest of the part, or the parts of it that may hold
 * declarations) binds that prefix to another namespace; otherwise a fresh prefix, which the
 * caller declares on the root as `xmlns:PREFIX="uri"`.
 */
export function relPrefixFor(rootOpenTag: string, inner: string[]): { prefix: string; declare: boolean } {
  const bindings = (p: string): string[] =>
    inner.flatMap((x) =>
      [
        ...x.matchAll(new RegExp(`\\sxmlns:${p.replace(/\./g, "\\.")}\\s*=\\s*("([^"]*)"|'([^']*)')`, "g")),
      ].map((m) => decodeEntities(m[2] ?? m[3] ?? "")),
    );
  for (const [p, u] of nsScope(parseAttrs(rootOpenTag)))
    if (p && isRelNs(u) && bindings(p).every(isRelNs)) return { prefix: p, declare: false };
  const used = (p: string) =>
    new RegExp(`\\sxmlns:${p}\\s*=`).test(rootOpenTag) || !bindings(p).every(isRelNs);
  let prefix = "r";
  for (let n = 1; used(prefix); n++) prefix = `r${n}`;
  return { prefix, declare: true };
}

/** An opening tag with a namespace declaration added. */
export function withDeclaration(openTag: string, prefix: string, uri: string): string {
  const end = openTag.length - (openTag.endsWith("/>") ? 2 : 1);
  return `${openTag.slice(0, end)} xmlns:${prefix}="${uri}"${openTag.slice(end)}`;
}
