/**
 * Reads an .xlsx file into a WorkbookSnapshot, fast.
 *
 * exceljs builds a full object model (styles, every styled empty cell) and needs
 * seconds and gigabytes on a 50k-row sheet; the core only needs values, number
 * formats, merges and tables. So: one part is inflated at a time (unpack.ts), each part is
 * decoded to a string once, and a hand-written scanner walks it with indexOf and
 * charCodeAt. Work is proportional to the cells that hold a value, so a sheet whose
 * formatting runs to XFD1048576 costs no more than its real content.
 *
 * Bad input never escapes as a stack trace: it becomes an InputError with a code
 * that src/i18n/errors.ts turns into one sentence for a person.
 */

import { InputError, type InputErrorCode } from "./input-error";
import { ownersFromNames } from "../../core/owned";
import { definedNameRefs } from "./owned";
import { dirOf, relsPathOf, resolvePart } from "./opc";
import { nsScope, relId } from "./xml";
import { partText, unpackPart, UNPACK_LIMITS, vetDirectory, type UnpackLimits } from "./unpack";
import { zipDirectory, type ZipDirectoryEntry } from "./zip-directory";
import { isoToSerial } from "../../core/dates";
import { isOwnFormat } from "../../core/own-format";
import {
  parseRange,
  type Cell,
  type Range,
  type SheetSnapshot,
  type TableInfo,
  type WorkbookSnapshot,
} from "../../core/snapshot";

export { InputError, type InputErrorCode } from "./input-error";

/** Extensions that are certainly not an .xlsx workbook; refused before reading the content. */
const OTHER_FORMATS = new Set([
  ".xls",
  ".xlsm",
  ".xltm",
  ".xlam",
  ".xlsb",
  ".csv",
  ".tsv",
  ".txt",
  ".ods",
  ".et",
  ".ett",
  ".numbers",
  ".xml",
  ".htm",
  ".html",
  ".doc",
  ".docx",
  ".pdf",
]);

/** Reads a workbook from a file path or from the file's bytes (web mode). */
export async function readXlsx(input: string | Uint8Array): Promise<WorkbookSnapshot> {
  return readXlsxBytes(typeof input === "string" ? await loadXlsxFile(input) : input);
}

/**
 * A workbook file's bytes, after the checks a path allows before reading: it exists, is a
 * regular file, and its extension is not a format we refuse. The content is judged by
 * readXlsxBytes.
 */
export async function loadXlsxFile(path: string): Promise<Uint8Array> {
  // Imported lazily and hidden from webpack so the task pane bundle can use readXlsxBytes.
  const fs: typeof import("node:fs/promises") = await import(/* webpackIgnore: true */ "node:fs/promises");
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) throw new InputError("directory");
    // A FIFO or device would block or never end; only regular files are workbooks.
    if (!st.isFile()) throw new InputError("unreadable", "not-a-file");
    const ext = extensionOf(path);
    if (OTHER_FORMATS.has(ext)) throw new InputError("unsupported-format", ext);
    return await fs.readFile(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new InputError("not-found");
    if (code === "EISDIR") throw new InputError("directory");
    if (code === "ERR_FS_FILE_TOO_LARGE" || e instanceof RangeError)
      throw new InputError("unreadable", "too-large");
    throw new InputError("unreadable", code);
  }
}

function extensionOf(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

/**
 * Reads a workbook from its bytes; the format is decided by content, not by name. `limits` caps
 * what the package may inflate to (see unpack.ts).
 */
export function readXlsxBytes(bytes: Uint8Array, limits: UnpackLimits = UNPACK_LIMITS): WorkbookSnapshot {
  sniff(bytes);
  const zip = openZip(bytes, limits);

  const rootRels = parseRels(zip.text("_rels/.rels") ?? "", "");
  const bookPath = rootRels.find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const bookXml = zip.text(bookPath);
  if (bookXml === undefined) throw new InputError(...otherPackage(zip));
  // Only the workbook part's own type counts: an embedded .xlsm object has a macro type too.
  for (const tag of tags(zip.text("[Content_Types].xml") ?? "")) {
    if (tag.closing || tag.name !== "Override") continue;
    const a = attrs(tag.attrs);
    if (a.PartName?.toLowerCase() === `/${bookPath.toLowerCase()}` && a.ContentType?.includes("macroEnabled"))
      throw new InputError("unsupported-format", ".xlsm");
  }

  const bookDir = dirOf(bookPath);
  const bookRels = parseRels(zip.text(relsPathOf(bookPath)) ?? "", bookDir);
  const relById = new Map(bookRels.map((r) => [r.id, r]));
  const partOf = (suffix: string, fallback: string) =>
    bookRels.find((r) => r.type.endsWith(suffix))?.target ?? fallback;

  let date1904 = false;
  let structureProtected = false;
  const sheetRefs: Array<{ name: string; state: string; rid: string }> = [];
  // Namespace declarations in scope, element by element: r:id is found by its namespace, not its prefix.
  const scopes: Array<Map<string, string>> = [new Map()];
  for (const tag of tags(bookXml)) {
    if (tag.closing) {
      if (scopes.length > 1) scopes.pop();
      continue;
    }
    const a = attrs(tag.attrs);
    if (!tag.selfClosing) scopes.push(nsScope(a, scopes[scopes.length - 1]));
    if (tag.name === "workbookPr") {
      date1904 = a.date1904 === "1" || a.date1904 === "true";
    } else if (tag.name === "workbookProtection") {
      structureProtected = a.lockStructure === "1" || a.lockStructure === "true";
    } else if (tag.name === "sheet") {
      // A prefix left unbound (as older writers left it) still names the relationship.
      const rid = relId(a, scopes[scopes.length - 1]) ?? localAttr(a, "id") ?? "";
      sheetRefs.push({ name: a.name ?? "", state: a.state ?? "visible", rid });
    }
  }

  // Every workbook lists at least one sheet: none means its workbook part was cut short or mangled.
  if (sheetRefs.length === 0) throw new InputError("corrupt", "damaged");

  const sst = parseSharedStrings(zip.text(partOf("/sharedStrings", bookDir + "/sharedStrings.xml")) ?? "");
  const xfFormats = parseStyles(zip.text(partOf("/styles", bookDir + "/styles.xml")) ?? "");

  const sheets: SheetSnapshot[] = [];
  for (const ref of sheetRefs) {
    const rel = relById.get(ref.rid);
    // Chart sheets and dialog sheets hold no cells; the core has nothing to do with them.
    if (rel && !rel.type.endsWith("/worksheet")) continue;
    const path = rel?.target;
    const xml = path === undefined ? undefined : zip.text(path);
    if (path === undefined || xml === undefined)
      throw new InputError("corrupt", `missing ${path ?? ref.name}`);
    const { rows, merges } = parseWorksheet(xml, { sst, xfFormats, date1904 });
    const tables: TableInfo[] = [];
    for (const r of parseRels(zip.text(relsPathOf(path)) ?? "", dirOf(path))) {
      if (!r.type.endsWith("/table")) continue;
      const t = parseTable(zip.text(r.target) ?? "");
      if (t) tables.push(t);
    }
    sheets.push({
      name: ref.name,
      visibility: ref.state === "hidden" ? "hidden" : ref.state === "veryHidden" ? "veryHidden" : "visible",
      rows,
      merges,
      tables,
      ...(sheetProtected(xml) ? { protected: true } : {}),
    });
  }

  if (!sheets.some((s) => s.rows.length > 0)) throw new InputError("empty");
  // The product's sheets, by their markers (hidden defined names), never by their names.
  const owners = ownersFromNames(
    definedNameRefs(bookXml),
    sheets.map((s) => s.name),
  );
  for (const s of sheets) {
    const owner = owners.get(s.name);
    if (owner) s.owner = owner;
  }
  return { date1904, sheets, ...(structureProtected ? { structureProtected } : {}) };
}

/** `<sheetProtection sheet="1">`, which follows <sheetData>: the sheet is protected. */
function sheetProtected(xml: string): boolean {
  const p = rootPrefix(xml);
  const at = xml.indexOf(`<${p}sheetProtection`, Math.max(0, xml.lastIndexOf("sheetData")));
  if (at < 0) return false;
  const gt = xml.indexOf(">", at);
  const v = attrs(xml.slice(at + p.length + 16, gt < 0 ? xml.length : gt).replace(/\/$/, "")).sheet;
  return v === "1" || v === "true";
}

// ---------------------------------------------------------------------------
// Format sniffing: by magic bytes, so a renamed file still gets the right word.

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function sniff(b: Uint8Array): void {
  if (b.length === 0) throw new InputError("corrupt", "zero-length");
  if (b[0] === 0x50 && b[1] === 0x4b) return; // "PK": a zip, checked further by openZip
  if (CFB_MAGIC.every((m, i) => b[i] === m)) {
    // An OLE2 compound file is either a password-protected .xlsx (its package sits
    // encrypted in an EncryptedPackage stream) or a legacy .xls (a Workbook stream).
    // Stream names are UTF-16LE in the directory; finding them is cheap and enough.
    if (findUtf16(b, "EncryptionInfo") || findUtf16(b, "EncryptedPackage")) throw new InputError("encrypted");
    if (findUtf16(b, "Workbook") || findUtf16(b, "Book")) throw new InputError("unsupported-format", ".xls");
    throw new InputError("unsupported-format", "unknown");
  }
  const head = b.subarray(0, 4096);
  const lower = new TextDecoder("utf-8")
    .decode(head.subarray(0, 512))
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (lower.startsWith("<")) {
    // Web systems' "export to Excel" often writes HTML or SpreadsheetML 2003 named .xls.
    throw new InputError(
      "unsupported-format",
      lower.includes("<html") || lower.includes("<table") ? "html" : "xml",
    );
  }
  if (lower.startsWith("%pdf")) throw new InputError("unsupported-format", ".pdf");
  // Text in any encoding (UTF-8, GBK, …) has no control bytes besides tab, CR, LF, FF, ESC.
  if (head.every((c) => c >= 32 || c === 9 || c === 10 || c === 12 || c === 13 || c === 27)) {
    throw new InputError("unsupported-format", "text");
  }
  throw new InputError("corrupt", "not-zip");
}

function findUtf16(b: Uint8Array, s: string): boolean {
  const first = s.charCodeAt(0);
  const end = b.length - s.length * 2;
  for (let i = 0; i <= end; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    let k = 1;
    while (k < s.length && b[i + 2 * k] === s.charCodeAt(k) && b[i + 2 * k + 1] === 0) k++;
    if (k === s.length) return true;
  }
  return false;
}

/** A zip whose parts are inflated one at a time, on demand, to keep peak memory low. */
interface Zip {
  has(path: string): boolean;
  text(path: string): string | undefined;
}

const damaged = () => new InputError("corrupt", "damaged");

/** Reads the zip's central directory (zip64 included); a truncated file has none. */
function openZip(b: Uint8Array, limits: UnpackLimits): Zip {
  const dir = zipDirectory(b, damaged);
  vetDirectory(dir, limits);
  // Part names are case-insensitive in OPC; keyed by lower case (vetDirectory refused twins).
  const entries = new Map<string, ZipDirectoryEntry>();
  for (const e of dir) entries.set(e.name.toLowerCase(), e);
  return {
    has: (path) => entries.has(path.toLowerCase()),
    text(path) {
      const e = entries.get(path.toLowerCase());
      return e === undefined ? undefined : partText(unpackPart(b, e));
    },
  };
}

/** A zip without a workbook part: say what it is when we can tell. */
function otherPackage(zip: Zip): [InputErrorCode, string] {
  if (zip.has("xl/workbook.bin")) return ["unsupported-format", ".xlsb"];
  if (zip.text("mimetype")?.includes("opendocument.spreadsheet")) return ["unsupported-format", ".ods"];
  if (zip.has("word/document.xml")) return ["unsupported-format", ".docx"];
  if (zip.has("ppt/presentation.xml")) return ["unsupported-format", ".pptx"];
  if (zip.has("index.xml") || zip.has("Index/Document.iwa")) return ["unsupported-format", ".numbers"];
  return ["corrupt", "no-workbook"];
}

// ---------------------------------------------------------------------------
// A small tag walker for the little parts (workbook, rels, styles, tables).
// Element names are compared without their namespace prefix (`x:sheet` → `sheet`).

interface Tag {
  name: string;
  attrs: string;
  closing: boolean;
  selfClosing: boolean;
  /** Index just past the tag's `>`. */
  end: number;
}

function* tags(xml: string, from = 0, to = xml.length): Generator<Tag> {
  let pos = from;
  while (pos < to) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0 || lt >= to) return;
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 || c === 63) {
      // <!-- … -->, <![CDATA[ … ]]>, <?xml … ?>: skip whole.
      const close = xml.startsWith("<!--", lt) ? "-->" : xml.startsWith("<![CDATA[", lt) ? "]]>" : ">";
      const e = xml.indexOf(close, lt);
      pos = e < 0 ? to : e + close.length;
      continue;
    }
    const gt = xml.indexOf(">", lt);
    if (gt < 0) return;
    const closing = c === 47;
    let i = closing ? lt + 2 : lt + 1;
    const nameStart = i;
    while (i < gt && !isSpaceOrSlash(xml.charCodeAt(i))) i++;
    const qname = xml.slice(nameStart, i);
    const colon = qname.indexOf(":");
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    yield {
      name: colon < 0 ? qname : qname.slice(colon + 1),
      attrs: xml.slice(i, selfClosing ? gt - 1 : gt),
      closing,
      selfClosing,
      end: gt + 1,
    };
    pos = gt + 1;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isSpaceOrSlash(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;
}

/** `a="1" r:id='x'` → { a: "1", "r:id": "x" }, entity-decoded. */
function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < s.length) {
    const eq = s.indexOf("=", i);
    if (eq < 0) break;
    const name = s.slice(i, eq).trim();
    let q = eq + 1;
    while (q < s.length && s[q] !== '"' && s[q] !== "'") q++;
    const end = s.indexOf(s[q], q + 1);
    if (q >= s.length || end < 0) break;
    out[name] = decodeEntities(s.slice(q + 1, end));
    i = end + 1;
  }
  return out;
}

/** An attribute by local name, whatever its prefix (`r:id`, `ns1:id`). */
function localAttr(a: Record<string, string>, local: string): string | undefined {
  for (const k of Object.keys(a)) if (k.endsWith(":" + local)) return a[k];
  return a[local];
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

function parseRels(xml: string, baseDir: string): Rel[] {
  const out: Rel[] = [];
  for (const tag of tags(xml)) {
    if (tag.closing || tag.name !== "Relationship") continue;
    const a = attrs(tag.attrs);
    if (a.TargetMode === "External" || !a.Target) continue;
    out.push({ id: a.Id ?? "", type: a.Type ?? "", target: resolvePart(baseDir, a.Target) });
  }
  return out;
}

function parseTable(xml: string): TableInfo | undefined {
  for (const tag of tags(xml)) {
    if (tag.closing || tag.name !== "table") continue;
    const a = attrs(tag.attrs);
    const range = parseRange(a.ref ?? "");
    if (!range) return undefined;
    return { name: a.displayName ?? a.name ?? "", range, headerRow: a.headerRowCount !== "0" };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Styles: cell style index → number format code.

/**
 * Built-in number formats (ECMA-376 Part 1, 18.8.30), with the zh-CN locale's
 * date and currency ids, which workbooks saved by Chinese Excel and WPS reference
 * without defining. A later date/percent check needs the code, not the id.
 */
const BUILTIN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: "¥#,##0;¥-#,##0",
  6: "¥#,##0;[Red]¥-#,##0",
  7: "¥#,##0.00;¥-#,##0.00",
  8: "¥#,##0.00;[Red]¥-#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** Index = the cell's `s` attribute; value = its number format, undefined for General. */
function parseStyles(xml: string): Array<string | undefined> {
  const custom = new Map<number, string>();
  const out: Array<string | undefined> = [];
  let inCellXfs = false;
  let inNumFmts = false;
  for (const tag of tags(xml)) {
    if (tag.name === "cellXfs") {
      inCellXfs = !tag.closing && !tag.selfClosing;
    } else if (tag.name === "numFmts") {
      // Differential formats (<dxfs>) carry numFmt elements too; only these define ids.
      inNumFmts = !tag.closing && !tag.selfClosing;
    } else if (inNumFmts && !tag.closing && tag.name === "numFmt") {
      const a = attrs(tag.attrs);
      if (a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
    } else if (inCellXfs && !tag.closing && tag.name === "xf") {
      const id = Number(attrs(tag.attrs).numFmtId ?? 0);
      const code = custom.get(id) ?? BUILTIN_FORMATS[id];
      out.push(code === undefined || code.toLowerCase() === "general" ? undefined : code);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Text: entities, OOXML's _xHHHH_ escapes, rich text runs.

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_m, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e];
    const n = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "";
  });
}

const X_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Element text as the user typed it. Fast path: most text needs no decoding at all. */
function decodeText(raw: string): string {
  let s = raw;
  // XML turns a literal CR LF into LF; a CR written as &#13; or _x000D_ is kept.
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  s = decodeEntities(s);
  if (s.indexOf("_x") >= 0) s = s.replace(X_ESCAPE, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** Root element's namespace prefix including the colon (`x:`), or "". */
function rootPrefix(xml: string): string {
  let lt = xml.indexOf("<");
  while (lt >= 0 && (xml.charCodeAt(lt + 1) === 63 || xml.charCodeAt(lt + 1) === 33))
    lt = xml.indexOf("<", lt + 1);
  if (lt < 0) return "";
  let i = lt + 1;
  while (i < xml.length && !isSpaceOrSlash(xml.charCodeAt(i))) i++;
  const name = xml.slice(lt + 1, i);
  const colon = name.indexOf(":");
  return colon < 0 ? "" : name.slice(0, colon + 1);
}

/**
 * The text of a shared string item or inline string between from and to: all
 * <t> elements (plain or inside <r> runs), skipping phonetic guides (<rPh>).
 */
function richText(xml: string, from: number, to: number, p: string): string {
  const plen = p.length;
  let out = "";
  let pos = from;
  while (pos < to) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0 || lt >= to) break;
    const gt = xml.indexOf(">", lt);
    if (gt < 0) break;
    if (xml.charCodeAt(lt + 1) === 47) {
      pos = gt + 1;
      continue;
    }
    const q = lt + 1 + plen;
    const c0 = xml.charCodeAt(q);
    const c1 = xml.charCodeAt(q + 1);
    if (c0 === 116 /* t */ && isSpaceOrSlash(c1)) {
      if (xml.charCodeAt(gt - 1) === 47) {
        pos = gt + 1;
        continue;
      }
      let te = xml.indexOf("<", gt + 1);
      if (te < 0 || te > to) te = to;
      out += decodeText(xml.slice(gt + 1, te));
      pos = te;
    } else if (c0 === 114 /* r */ && c1 === 80 /* P */ && xml.charCodeAt(q + 2) === 104 /* h */) {
      if (xml.charCodeAt(gt - 1) === 47) {
        pos = gt + 1;
        continue;
      }
      const e = xml.indexOf(`</${p}rPh>`, gt);
      pos = e < 0 ? to : e + plen + 6;
    } else {
      pos = gt + 1;
    }
  }
  return out;
}

function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  if (!xml) return out;
  const p = rootPrefix(xml);
  const open = `<${p}si`;
  const close = `</${p}si>`;
  let pos = 0;
  for (;;) {
    const i = xml.indexOf(open, pos);
    if (i < 0) break;
    const gt = xml.indexOf(">", i);
    if (gt < 0) break;
    if (!isSpaceOrSlash(xml.charCodeAt(i + open.length))) {
      pos = gt + 1;
      continue;
    }
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push("");
      pos = gt + 1;
      continue;
    }
    const end = xml.indexOf(close, gt);
    const stop = end < 0 ? xml.length : end;
    out.push(richText(xml, gt + 1, stop, p));
    pos = stop + close.length;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Worksheets: the hot path. One pass over <sheetData>, no regex per cell.

interface SheetContext {
  sst: string[];
  xfFormats: Array<string | undefined>;
  date1904: boolean;
}

/** Cell types (the `t` attribute), as small integers for the hot loop. */
const T = { Number: 0, Shared: 1, Str: 2, Inline: 3, Bool: 4, Error: 5, Date: 6 } as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;

function parseWorksheet(xml: string, ctx: SheetContext): { rows: SheetSnapshot["rows"]; merges: Range[] } {
  const rows: SheetSnapshot["rows"] = [];
  const merges: Range[] = [];
  const p = rootPrefix(xml);
  const plen = p.length;

  const sdStart = xml.indexOf(`<${p}sheetData`);
  const sdOpenEnd = sdStart < 0 ? -1 : xml.indexOf(">", sdStart);
  // <sheetData/> holds nothing; otherwise it runs to its end tag (or the end of a cut-short part).
  let sdEnd =
    sdStart < 0 || xml.charCodeAt(sdOpenEnd - 1) === 47
      ? sdOpenEnd
      : xml.indexOf(`</${p}sheetData>`, sdStart);
  if (sdStart >= 0 && sdEnd < 0) sdEnd = xml.length;

  let rowNum = 0;
  let col = 0;
  let curRowNum = -1;
  let curRow: Array<Cell | undefined> | undefined;
  let pos = sdOpenEnd + 1;

  while (sdStart >= 0 && pos < sdEnd) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0 || lt >= sdEnd) break;
    const gt = xml.indexOf(">", lt);
    if (gt < 0) break;
    if (xml.charCodeAt(lt + 1) === 47) {
      pos = gt + 1;
      continue;
    }
    const q = lt + 1 + plen;
    const c0 = xml.charCodeAt(q);
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const attrEnd = selfClosing ? gt - 1 : gt;

    if (c0 === 114 /* r */ && xml.charCodeAt(q + 1) === 111 && xml.charCodeAt(q + 2) === 119) {
      // <row r="7" …>: only the number matters; a row without r follows the last one.
      let r = 0;
      for (let i = q + 3; i < attrEnd; i++) {
        if (
          xml.charCodeAt(i) === 114 &&
          xml.charCodeAt(i + 1) === 61 &&
          isSpaceOrSlash(xml.charCodeAt(i - 1))
        ) {
          const vs = i + 3;
          for (let k = vs; ; k++) {
            const d = xml.charCodeAt(k) - 48;
            if (d < 0 || d > 9) break;
            r = r * 10 + d;
          }
          break;
        }
        const ch = xml.charCodeAt(i);
        if (ch === 34 || ch === 39) {
          i = xml.indexOf(String.fromCharCode(ch), i + 1); // skip values
          if (i < 0) break;
        }
      }
      rowNum = r > 0 ? r : rowNum + 1;
      col = 0;
      pos = gt + 1;
      continue;
    }

    if (c0 !== 99 /* c */ || !isSpaceOrSlash(xml.charCodeAt(q + 1))) {
      pos = gt + 1;
      continue;
    }

    // <c r="B7" s="3" t="s">: read the three one-letter attributes we need, jumping
    // from one `=` to the next rather than walking every character.
    let cRow = 0;
    let cCol = 0;
    let type: number = T.Number;
    let style = -1;
    for (let i = q + 1; ;) {
      const eq = xml.indexOf("=", i);
      if (eq < 0 || eq >= attrEnd) break;
      let vs = eq + 1;
      while (isSpace(xml.charCodeAt(vs))) vs++;
      const ve = xml.indexOf(xml.charCodeAt(vs) === 39 ? "'" : '"', vs + 1);
      if (ve < 0) break;
      i = ve + 1;
      vs++;
      let ne = eq;
      while (isSpace(xml.charCodeAt(ne - 1))) ne--;
      if (!isSpace(xml.charCodeAt(ne - 2))) continue; // a longer name: cm, vm, ph, x14:…
      const ch = xml.charCodeAt(ne - 1);
      if (ch === 114 /* r */) {
        let k = vs;
        for (; k < ve; k++) {
          const u = xml.charCodeAt(k) & ~32; // upper-case letters
          if (u < 65 || u > 90) break;
          cCol = cCol * 26 + (u - 64);
        }
        for (; k < ve; k++) cRow = cRow * 10 + (xml.charCodeAt(k) - 48);
      } else if (ch === 116 /* t */) {
        const t0 = xml.charCodeAt(vs);
        if (t0 === 115) type = ve - vs === 1 ? T.Shared : T.Str;
        else if (t0 === 105) type = T.Inline;
        else if (t0 === 98) type = T.Bool;
        else if (t0 === 101) type = T.Error;
        else if (t0 === 100) type = T.Date;
      } else if (ch === 115 /* s */) {
        style = 0;
        for (let k = vs; k < ve; k++) style = style * 10 + (xml.charCodeAt(k) - 48);
      }
    }
    if (cCol === 0) cCol = col + 1;
    if (cRow === 0) cRow = rowNum;
    col = cCol;
    if (cRow !== rowNum) rowNum = cRow;

    if (selfClosing) {
      pos = gt + 1;
      // A blank cell is dropped, unless it carries a format the product set (clear resets those).
      const fmt = style >= 0 ? ctx.xfFormats[style] : undefined;
      if (!isOwnFormat(fmt)) continue;
      if (cRow !== curRowNum || curRow === undefined) {
        curRowNum = cRow;
        curRow = rows[cRow - 1] ??= [];
      }
      curRow[cCol - 1] = { value: "", numFmt: fmt };
      continue;
    }

    // Children: <f>, <v>, <is>; stop at </c>.
    let raw: string | undefined;
    let formula: string | undefined;
    let inline: string | undefined;
    let cpos = gt + 1;
    for (;;) {
      const lt2 = xml.indexOf("<", cpos);
      if (lt2 < 0) {
        cpos = xml.length;
        break;
      }
      if (xml.charCodeAt(lt2 + 1) === 47) {
        // </c> ends the cell; other closings (</is>, </r>) are inside it.
        if (xml.charCodeAt(lt2 + 2 + plen) === 99 && xml.charCodeAt(lt2 + 3 + plen) === 62) {
          cpos = lt2 + 4 + plen;
          break;
        }
        const e = xml.indexOf(">", lt2);
        if (e < 0) {
          cpos = xml.length;
          break;
        }
        cpos = e + 1;
        continue;
      }
      const gt2 = xml.indexOf(">", lt2);
      if (gt2 < 0) {
        cpos = xml.length;
        break;
      }
      const n0 = xml.charCodeAt(lt2 + 1 + plen);
      const n1 = xml.charCodeAt(lt2 + 2 + plen);
      const empty = xml.charCodeAt(gt2 - 1) === 47;
      if ((n0 === 118 /* v */ || n0 === 102) /* f */ && isSpaceOrSlash(n1)) {
        if (empty) {
          cpos = gt2 + 1;
          continue;
        }
        let te = xml.indexOf("<", gt2 + 1);
        if (te < 0) te = xml.length;
        const text = xml.slice(gt2 + 1, te);
        if (n0 === 118) raw = text;
        else if (text.length > 0) formula = decodeText(text); // shared-formula dependents are empty <f/>
        // Text cannot hold '<', so te starts this element's end tag (</v>, </f>): step over it.
        cpos = xml.charCodeAt(te + 1) === 47 ? te + 4 + plen : te;
      } else if (n0 === 105 /* i */ && n1 === 115 /* s */) {
        const end = xml.indexOf(`</${p}is>`, gt2);
        const stop = end < 0 ? xml.length : end;
        inline = empty ? "" : richText(xml, gt2 + 1, stop, p);
        cpos = empty ? gt2 + 1 : stop + plen + 5;
      } else {
        // <extLst> and the like: their children are skipped one by one.
        cpos = gt2 + 1;
      }
    }
    pos = cpos;

    let value: Cell["value"] | undefined;
    let fmt = style >= 0 ? ctx.xfFormats[style] : undefined;
    switch (type) {
      case T.Number:
        if (raw !== undefined && raw.length > 0) {
          const n = +raw;
          value = Number.isFinite(n) ? n : raw;
        }
        break;
      case T.Shared:
        if (raw !== undefined) value = ctx.sst[+raw];
        break;
      case T.Str:
        if (raw !== undefined) value = decodeText(raw);
        break;
      case T.Inline:
        value = inline ?? (raw === undefined ? undefined : decodeText(raw));
        break;
      case T.Bool:
        if (raw !== undefined) value = raw === "1" || raw === "true";
        break;
      case T.Error:
        if (raw !== undefined) value = { error: decodeText(raw) };
        break;
      case T.Date:
        if (raw !== undefined) {
          const m = ISO_DATE.exec(raw);
          if (m) {
            const day = isoToSerial(`${m[1]}-${m[2]}-${m[3]}`, ctx.date1904);
            const secs = m[4] ? Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0) : 0;
            value = day + secs / 86400;
            // A date cell says it is a date even when its style does not.
            fmt ??= "yyyy-mm-dd";
          } else value = raw;
        }
        break;
    }
    // A formula whose result was never cached still makes the cell non-empty.
    if (value === "" && formula === undefined) value = undefined;
    if (value === undefined) {
      // A blank cell is dropped, unless it carries a format the product set (clear resets those).
      if (formula === undefined && !isOwnFormat(fmt)) continue;
      value = "";
    }

    // Whole literals, so cells of one shape share one hidden class from birth.
    const cell: Cell =
      formula === undefined
        ? fmt === undefined
          ? { value }
          : { value, numFmt: fmt }
        : fmt === undefined
          ? { value, formula }
          : { value, numFmt: fmt, formula };
    if (cRow !== curRowNum || curRow === undefined) {
      curRowNum = cRow;
      curRow = rows[cRow - 1] ??= [];
    }
    curRow[cCol - 1] = cell;
  }

  // <mergeCells> follows <sheetData>.
  const open = `<${p}mergeCell`;
  let mpos = sdEnd < 0 ? 0 : sdEnd;
  for (;;) {
    const i = xml.indexOf(open, mpos);
    if (i < 0) break;
    const gt = xml.indexOf(">", i);
    if (gt < 0) break;
    mpos = gt + 1;
    if (!isSpaceOrSlash(xml.charCodeAt(i + open.length))) continue;
    const range = parseRange(attrs(xml.slice(i + open.length, gt).replace(/\/$/, "")).ref ?? "");
    if (range) merges.push(range);
  }
  return { rows, merges };
}
