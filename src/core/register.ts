/**
 * Reading the 通知台账 register (SPEC §6, §7): which notices have been issued, under which number,
 * for which cause (type + key). The check uses it to show a planned notice as already issued;
 * the notice planner to keep numbers and update rows instead of issuing a second notice.
 */

import { serialToIso } from "./dates";
import type { NoticePlan } from "./notices";
import { found, type Found } from "./owned";
import { cellAt, type SheetSnapshot, type TableInfo, type WorkbookSnapshot } from "./snapshot";
import { parseDate } from "./values";

export const REGISTER_SHEET = "通知台账";
export const REGISTER_TABLE = "通知台账";
export const REGISTER_HEADERS = [
  "编号",
  "类型",
  "合同/任务",
  "收件人",
  "抄送",
  "签发日期",
  "回复截止日期",
  "状态",
  "更正自",
  "原因键",
] as const;
/**
 * The columns a reader of the printed register needs: all but the last, 原因键, which the
 * product reads back to know a notice's cause and which prints nowhere. A register of an
 * earlier version (原因键 before 更正自, no 抄送) is read by its headers as it is.
 */
export const REGISTER_PRINTED = REGISTER_HEADERS.length - 1;
/** The register's title, above its table. */
export const REGISTER_TITLE = "通知台账";
/** The columns every register has had; 更正自 and 抄送 came later and may be missing. */
const REQUIRED: readonly string[] = ["编号", "原因键"];
/** Status of a notice a corrected one (更正) replaced: it is no longer brought up to date. */
export const SUPERSEDED = "已更正";
type Header = (typeof REGISTER_HEADERS)[number];

export type Entry = Record<Header, string>;

export interface Register {
  sheet?: SheetSnapshot;
  /** The register sheet, marked or (of an earlier version) adopted. */
  found?: Found;
  table?: TableInfo;
  headerRow: number;
  /** Column of each header, 1-based. */
  cols: Map<Header, number>;
  /** Rows under the header, with their sheet row. */
  rows: Array<{ row: number; entry: Entry }>;
}

/** Text of a register cell; dates typed in by a user come back as YYYY-MM-DD. */
function cellText(wb: WorkbookSnapshot, sheet: SheetSnapshot, r: number, c: number, date: boolean): string {
  const cell = cellAt(sheet, r, c);
  if (!cell || typeof cell.value === "object") return "";
  if (date) {
    const d = parseDate(cell.value, { date1904: wb.date1904, numFmt: cell.numFmt });
    if (d.status === "ok") return d.value;
    if (typeof cell.value === "number") return serialToIso(cell.value, wb.date1904) ?? String(cell.value);
  }
  return String(cell.value).trim();
}

/** The header row of a register on `sheet`: the table's first row, else the first row naming 编号 and 原因键. */
function headerOf(
  sheet: SheetSnapshot,
): { table?: TableInfo; row: number; cols: Map<Header, number> } | undefined {
  const table = sheet.tables.find((t) => t.name === REGISTER_TABLE) ?? sheet.tables[0];
  const candidates = table ? [table.range.r1] : Array.from({ length: 20 }, (_, i) => i + 1);
  for (const r of candidates) {
    const cols = new Map<Header, number>();
    const width = sheet.rows[r - 1]?.length ?? 0;
    for (let c = 1; c <= width; c++) {
      const v = cellAt(sheet, r, c)?.value;
      const h =
        typeof v === "string"
          ? (REGISTER_HEADERS as readonly string[]).find((x) => x === v.trim())
          : undefined;
      if (h && !cols.has(h as Header)) cols.set(h as Header, c);
    }
    if (REQUIRED.every((h) => cols.has(h as Header))) return { table, row: r, cols };
  }
  return undefined;
}

/**
 * The 通知台账 sheet: the marked one, else the 通知台账 of an earlier version, proven by its
 * 通知台账 table with the register's header row. A user's own sheet of that name is not it.
 */
export function registerSheet(wb: WorkbookSnapshot): Found | undefined {
  return found(
    wb.sheets.find((s) => s.owner?.kind === "register" && s.owner.id === "main"),
    () =>
      wb.sheets.find((s) => {
        if (s.name !== REGISTER_SHEET) return false;
        const h = headerOf(s);
        return h?.table !== undefined && h.table.name.startsWith(REGISTER_TABLE);
      }),
  );
}

export function readRegister(wb: WorkbookSnapshot): Register {
  const at = registerSheet(wb);
  const sheet = at?.sheet;
  const empty: Register = { headerRow: 0, cols: new Map(), rows: [] };
  if (!sheet) return empty;
  const h = headerOf(sheet);
  if (!h) return { ...empty, sheet, found: at };
  const { table, row: r, cols } = h;
  const last = table ? table.range.r2 : sheet.rows.length;
  const rows: Register["rows"] = [];
  for (let row = r + 1; row <= last; row++) {
    const entry = {} as Entry;
    for (const hd of REGISTER_HEADERS) {
      const c = cols.get(hd);
      entry[hd] = c ? cellText(wb, sheet, row, c, hd === "签发日期" || hd === "回复截止日期") : "";
    }
    if (entry.编号 || entry.原因键) rows.push({ row, entry });
  }
  return { sheet, found: at, table, headerRow: r, cols, rows };
}

export const causeId = (type: string, key: string) => `${type}\u0000${key}`;

/** A notice number: prefix, issue date, sequence (CK-20261123-001). */
export const NUMBER_RE = /^([A-Z]{2})-(\d{8})-(\d{3,})$/;

/**
 * The register's rows that carry a well-formed number, by cause (type + key): the cause's
 * current notice, i.e. its last one not replaced by a correction (更正).
 */
export function entriesByCause(reg: Register): Map<string, Entry> {
  const byCause = new Map<string, Entry>();
  for (const { entry } of reg.rows) {
    if (entry.类型 && entry.原因键 && NUMBER_RE.test(entry.编号) && entry.状态 !== SUPERSEDED)
      byCause.set(causeId(entry.类型, entry.原因键), entry);
  }
  return byCause;
}

/** Each planned notice with the number the register already gives its cause, if any. */
export function markIssued(wb: WorkbookSnapshot, notices: NoticePlan[]): NoticePlan[] {
  const reg = readRegister(wb);
  if (reg.rows.length === 0) return notices;
  const issued = entriesByCause(reg);
  return notices.map((n) => {
    const number = issued.get(causeId(n.type, n.key))?.编号;
    return number ? { ...n, issued: number } : n;
  });
}
