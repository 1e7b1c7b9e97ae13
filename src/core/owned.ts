/**
 * The sheets the product owns, recognised by a marker and never by name: a user's sheet that
 * happens to be called 校验报告, 通知台账 or CK-20261127-001 is the user's, and is left alone.
 *
 * The marker is a hidden, workbook-scoped defined name `_PTRACK.<kind>.<id>` whose reference is
 * the product's own region on the sheet ('校验报告'!$A$1:$H$120). A defined name was chosen over a
 * custom XML part or a sheet-level property because it is the one place every host keeps and
 * moves with the sheet: Excel (desktop and on the web, co-authoring included) rewrites its
 * reference when the sheet is renamed or rows are inserted above the region, Office.js reads and
 * writes it (workbook.names), LibreOffice carries it through an .xlsx round trip (it drops the
 * hidden flag, which the next apply sets again), and openpyxl reads it. A custom XML part is
 * not tied to a sheet (a rename breaks the link) and Excel on the web cannot edit one; a
 * worksheet custom property is lost by LibreOffice. When the sheet is deleted the reference
 * becomes #REF! and the marker is ignored.
 *
 * Workbooks written before markers existed have product sheets without one: each product module
 * adopts such a sheet only when its content proves it is the product's (its own table name and
 * header row), and marks it on the next apply; anything else is the user's.
 */

import type { SheetContent } from "./patch";
import {
  cellAt,
  colLetter,
  colNumber,
  type OwnedKind,
  type Range,
  type SheetOwner,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "./snapshot";
import { sheetWords } from "../i18n/sheets";

export const MARKER_PREFIX = "_PTRACK.";
export const OWNED_KINDS: readonly OwnedKind[] = [
  "settings",
  "report",
  "log",
  "register",
  "notice",
  "copy",
  "baseline",
  "gantt",
];
const ID_RE = /^[A-Za-z0-9_]{1,60}$/;
/** Excel's limit on a sheet name. */
export const MAX_SHEET_NAME = 31;

/** The marker's defined name: `_PTRACK.report.main`. */
export function markerName(kind: OwnedKind, id: string): string {
  if (!ID_RE.test(id)) throw new Error(`owned sheet id ${id} is not [A-Za-z0-9_]{1,60}`);
  return `${MARKER_PREFIX}${kind}.${id}`;
}

/** `_PTRACK.report.main` → { kind: "report", id: "main" }; undefined for any other name. */
export function parseMarkerName(name: string): { kind: OwnedKind; id: string } | undefined {
  if (!name.toUpperCase().startsWith(MARKER_PREFIX.toUpperCase())) return undefined;
  const rest = name.slice(MARKER_PREFIX.length);
  const dot = rest.indexOf(".");
  if (dot < 0) return undefined;
  const kind = OWNED_KINDS.find((k) => k === rest.slice(0, dot).toLowerCase());
  const id = rest.slice(dot + 1);
  return kind && ID_RE.test(id) ? { kind, id } : undefined;
}

/** A sheet name as it stands in a reference: always quoted, quotes doubled. */
function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** The marker's reference: `'校验报告'!$A$1:$H$120`. */
export function markerRef(sheet: string, range: Range): string {
  const a = `$${colLetter(range.c1)}$${range.r1}`;
  const b = `$${colLetter(range.c2)}$${range.r2}`;
  return `${quoted(sheet)}!${a}:${b}`;
}

/**
 * A marker's reference back to its sheet and range: quoted or bare sheet names, with or without
 * a leading `=` and `$` signs, a single cell or a range. Undefined for anything else, #REF! (the
 * sheet was deleted) included.
 */
export function parseMarkerRef(ref: string): { sheet: string; range: Range } | undefined {
  let s = ref.trim();
  if (s.startsWith("=")) s = s.slice(1).trim();
  if (s.includes("#REF!")) return undefined;
  let sheet: string;
  let rest: string;
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    for (; i < s.length; i++) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        break;
      }
      name += s[i];
    }
    if (s[i] !== "'" || s[i + 1] !== "!") return undefined;
    sheet = name;
    rest = s.slice(i + 2);
  } else {
    const bang = s.lastIndexOf("!");
    if (bang <= 0) return undefined;
    sheet = s.slice(0, bang);
    rest = s.slice(bang + 1);
  }
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(rest);
  if (!m) return undefined;
  const c1 = colNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? colNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  if (r1 < 1 || c1 < 1) return undefined;
  return {
    sheet,
    range: { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) },
  };
}

/**
 * Owners of the sheets from the workbook's defined names (name, reference): the first valid
 * marker naming a sheet wins, and a kind and id claim one sheet only.
 */
export function ownersFromNames(
  names: Iterable<{ name: string; ref: string }>,
  sheets: readonly string[],
): Map<string, SheetOwner> {
  const out = new Map<string, SheetOwner>();
  const claimed = new Set<string>();
  for (const n of names) {
    const id = parseMarkerName(n.name);
    if (!id) continue;
    const at = parseMarkerRef(n.ref);
    if (!at) continue;
    const sheet =
      sheets.find((s) => s === at.sheet) ?? sheets.find((s) => s.toLowerCase() === at.sheet.toLowerCase());
    const key = `${id.kind}.${id.id.toLowerCase()}`;
    if (sheet === undefined || out.has(sheet) || claimed.has(key)) continue;
    claimed.add(key);
    out.set(sheet, { kind: id.kind, id: id.id, range: at.range });
  }
  return out;
}

/** The cells a SheetContent writes: from A1 to its last written row and column, merges included. */
export function contentExtent(content: SheetContent): Range {
  let r2 = 1;
  let c2 = 1;
  content.rows.forEach((row, i) => {
    row.forEach((w, j) => {
      if (w === null) return;
      r2 = Math.max(r2, i + 1);
      c2 = Math.max(c2, j + 1);
    });
  });
  for (const m of content.merges ?? []) {
    r2 = Math.max(r2, m.r2);
    c2 = Math.max(c2, m.c2);
  }
  for (const t of content.tables ?? []) {
    r2 = Math.max(r2, t.range.r2);
    c2 = Math.max(c2, t.range.c2);
  }
  return { r1: 1, c1: 1, r2, c2 };
}

/** Every cell with content on a sheet: the region a product sheet of an earlier version wrote. */
export function usedExtent(sheet: SheetSnapshot): Range {
  let r2 = 1;
  let c2 = 1;
  sheet.rows.forEach((row, i) => {
    if (!row) return;
    row.forEach((cell, j) => {
      if (cell === undefined) return;
      r2 = Math.max(r2, i + 1);
      c2 = Math.max(c2, j + 1);
    });
  });
  for (const m of sheet.merges) {
    r2 = Math.max(r2, m.r2);
    c2 = Math.max(c2, m.c2);
  }
  for (const t of sheet.tables) {
    r2 = Math.max(r2, t.range.r2);
    c2 = Math.max(c2, t.range.c2);
  }
  return { r1: 1, c1: 1, r2, c2 };
}

/**
 * A name no sheet holds (compared case-insensitively): `wanted`, else `wanted (2)`, `wanted (3)` …,
 * cut to Excel's 31 characters. The name is added to `taken`.
 */
export function freeSheetName(wanted: string, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${i})`;
    const name = [...wanted].slice(0, MAX_SHEET_NAME - suffix.length).join("") + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** Where a product sheet is: the marked one, or a proven one of an earlier version (`adopted`). */
export interface Found {
  sheet: SheetSnapshot;
  /** No marker yet: the product's by its content; the next write marks it. */
  adopted: boolean;
  /** The product's region on it. */
  range: Range;
}

export function found(
  sheet: SheetSnapshot | undefined,
  adopted?: () => SheetSnapshot | undefined,
): Found | undefined {
  if (sheet?.owner) return { sheet, adopted: false, range: sheet.owner.range };
  const legacy = adopted?.();
  return legacy && !legacy.owner ? { sheet: legacy, adopted: true, range: usedExtent(legacy) } : undefined;
}

/** Texts of row r, columns c1..c2, trimmed. */
function rowTexts(sheet: SheetSnapshot, r: number, c1: number, c2: number): string[] {
  const out: string[] = [];
  for (let c = c1; c <= c2; c++) {
    const v = cellAt(sheet, r, c)?.value;
    out.push(typeof v === "string" ? v.trim() : v === undefined ? "" : String(v));
  }
  return out;
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A sheet of an earlier version holding a table whose name starts with `table` and whose header
 * row is `headers` in one of the product's languages, at `headerRow` when given.
 */
export function provenByTable(
  sheet: SheetSnapshot,
  table: string,
  headers: (lang: "zh" | "en") => readonly string[],
  headerRow?: number,
): boolean {
  return sheet.tables.some((t) => {
    if (!t.name.toLowerCase().startsWith(table.toLowerCase())) return false;
    if (headerRow !== undefined && t.range.r1 !== headerRow) return false;
    const got = rowTexts(sheet, t.range.r1, t.range.c1, t.range.c2);
    return (["zh", "en"] as const).some((l) => sameTexts(got.slice(0, headers(l).length), headers(l)));
  });
}

export const REPORT_SHEET = "校验报告";
export const REPORT_TABLE = "校验结果";
/** The findings table's header row on the 校验报告; rows above hold the title and the counts. */
export const REPORT_HEADER_ROW = 7;
export const LOG_SHEET = "操作日志";
export const LOG_TABLE = "操作日志";

/** The 校验报告: the marked one, else the 校验报告 of an earlier version (its 校验结果 table at row 7). */
export function reportSheet(wb: WorkbookSnapshot): Found | undefined {
  const at = found(ownedOf(wb, "report", "main"), () =>
    wb.sheets.find(
      (s) =>
        s.name === REPORT_SHEET &&
        provenByTable(s, REPORT_TABLE, (l) => sheetWords(l).report.headers, REPORT_HEADER_ROW),
    ),
  );
  if (!at?.adopted) return at;
  // An earlier version's report: its title, counts and findings table, A to H.
  const table = at.sheet.tables.find((t) => t.range.r1 === REPORT_HEADER_ROW);
  return { ...at, range: { r1: 1, c1: 1, r2: Math.max(REPORT_HEADER_ROW, table?.range.r2 ?? 0), c2: 8 } };
}

/** The 操作日志: the marked one, else the 操作日志 of an earlier version (its 操作日志 table). */
export function logSheet(wb: WorkbookSnapshot): Found | undefined {
  return found(ownedOf(wb, "log", "main"), () =>
    wb.sheets.find(
      (s) => s.name === LOG_SHEET && provenByTable(s, LOG_TABLE, (l) => sheetWords(l).log.headers),
    ),
  );
}

function ownedOf(wb: WorkbookSnapshot, kind: OwnedKind, id: string): SheetSnapshot | undefined {
  return wb.sheets.find((s) => s.owner?.kind === kind && s.owner.id === id);
}

/** Notice number → marker id: CK-20261127-001 → CK_20261127_001. */
export function noticeOwnerId(number: string): string {
  return number.replace(/[^A-Za-z0-9_]/g, "_").slice(0, 60);
}

/** A short stable id for text (FNV-1a, 32 bits, hex). */
export function textId(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * A patch asked to write a sheet that exists without the product's marker for it: the sheet is
 * the user's. Hosts refuse the whole patch rather than touch it (the planner never asks this).
 */
export class NotOwnedError extends Error {
  constructor(
    readonly sheet: string,
    readonly kind: OwnedKind,
    readonly id: string,
  ) {
    super(
      `Refused to write the sheet "${sheet}": it does not carry the product's marker ${MARKER_PREFIX}${kind}.${id}, ` +
        `so it is not the product's sheet.`,
    );
    this.name = "NotOwnedError";
  }
}

/**
 * The check every host makes before it writes an existing sheet for an ensureSheet or
 * writeSheet: the sheet carries `owner`'s marker, or the planner proved it the product's
 * (`adopt`) and it carries no other marker.
 */
export function assertOwned(
  sheet: string,
  marker: { kind: OwnedKind; id: string } | undefined,
  op: { owner: { kind: OwnedKind; id: string }; adopt?: true },
): void {
  const same =
    marker && marker.kind === op.owner.kind && marker.id.toLowerCase() === op.owner.id.toLowerCase();
  if (same || (!marker && op.adopt)) return;
  throw new NotOwnedError(sheet, op.owner.kind, op.owner.id);
}
