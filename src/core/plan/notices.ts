/**
 * Notice sheets and the 通知台账 register (SPEC §6, §7).
 *
 * Numbers: the type's prefix (its module in core/notice-types: CK 催款, SS 实施, TZ 调整, BW 备忘录)
 * + issue date + a sequence per prefix and date: CK-20261123-001. The issue date is the as-of date of the run that first
 * issued the notice. A notice is identified by its cause (type + key): when the register
 * already holds that cause, the notice keeps its number and original issue date, and its
 * register row is brought up to date (reply due date, status) instead of a second notice. Its
 * sheet is a document and is never written again: when the cause changed (amounts, dates), a
 * corrected notice (更正) with a new number replaces it, linked in the register's 更正自.
 *
 * The register is edited, not rewritten: existing rows get only the cells whose value changed
 * (setValues), new notices are appended below the table (appendRows). A co-author's own
 * columns, notes, sorting and formatting on the register survive, and a second run with
 * nothing new writes nothing there. Only a workbook without a register gets a new sheet.
 *
 * Reply due dates and statuses are worked out again on every run from the workbook's data, by
 * each type's follow-up (its module says when a reply is due and what marks it done; 逾期未… once
 * the due date has passed).
 * A register row whose cause can no longer be found (the row was deleted) keeps what it says.
 *
 * With `picked`, only the picked notices are written: a planned notice the user left out gets
 * no sheet, and its register row (if any) is not touched, not even its status.
 */

import { append } from "../append";
import { findNoticeType, NOTICE_TYPES, noticeType } from "../notice-types";
import { noticeId, type NoticeContext, type NoticePlan, type NoticeType } from "../notices";
import type { CellStyle, CellWrite, PatchOp } from "../patch";
import type { Settings } from "../settings";
import { cellAt, colLetter, ownedSheet, type SheetSnapshot, type WorkbookSnapshot } from "../snapshot";
import { found, freeSheetName, noticeOwnerId, type Found } from "../owned";
import { noticeSheet } from "./notice-sheet";
import {
  causeId,
  entriesByCause,
  NUMBER_RE,
  readRegister,
  REGISTER_HEADERS,
  REGISTER_PRINTED,
  REGISTER_SHEET,
  REGISTER_TITLE,
  SUPERSEDED,
  type Entry,
} from "../register";
import { TABLE_STYLE } from "./structure";
import { listPageSetup } from "./layout";

export { REGISTER_HEADERS, REGISTER_SHEET, REGISTER_TABLE } from "../register";

/** Number prefix of each type, from its module. */
export const NOTICE_PREFIX = Object.fromEntries(NOTICE_TYPES.map((t) => [t.name, t.prefix])) as Record<
  NoticeType,
  string
>;

/**
 * Reply due date and status of a notice from the workbook's data, or undefined when its cause
 * is gone — or when its type is none the registry knows (a register row a user typed).
 */
export function noticeState(
  ctx: NoticeContext,
  type: string,
  key: string,
  issued: string,
): { due: string; status: string } | undefined {
  const t = findNoticeType(type);
  const f = t?.followUp(ctx, key, issued);
  if (!t || !f) return undefined;
  const words = t.status;
  const status = f.done ? words.done : ctx.asOf > f.due ? `逾期未${words.pending.slice(1)}` : words.pending;
  return { due: f.due, status };
}

export interface NoticeOpsResult {
  ops: PatchOp[];
  /** Picked notices this run stands by: new ones, corrections, and issued ones still current (not rewritten). */
  written: string[];
  created: number;
  /** New notices left for a later run because this run reached `limit`. */
  deferred: number;
}

/**
 * At most this many NEW notice sheets in one run: a neglected workbook can owe thousands, and a
 * workbook of thousands of sheets helps nobody. Notices already in the register are always
 * brought up to date; the rest come on the next runs, oldest causes first as planned.
 */
export const NEW_NOTICE_LIMIT = 100;

/** The last row of a worksheet: a print area down to it takes in every row appended later. */
const MAX_ROWS = 1048576;

/**
 * The text a cell shows, for comparing a notice sheet with the notice it would be today; spaces
 * left out, so a notice issued before sentences were printed without stray spaces is no change.
 */
function shown(v: unknown): string {
  return v === undefined || v === null ? "" : typeof v === "object" ? "" : String(v).replace(/\s+/g, "");
}

/**
 * True when the issued notice's sheet still states the cause the notice would state today: every
 * fact cell the notice writes holds the same text, leaving out cells that only move with the as-of date
 * (found by writing the notice once more with those facts moved).
 */
function sameDocument(
  sheet: SheetSnapshot,
  n: NoticePlan,
  number: string,
  issued: string,
  s: Settings,
  corrects: string | undefined,
): boolean {
  // The letterhead is the one the notice was issued under: a 公司名称 filled in (or changed) in
  // 设置 afterwards is no change of the cause.
  const first = cellAt(sheet, 1, 1)?.value;
  const untitled = shown(first) === shown(corrects ? `${n.type}（更正）` : n.type);
  s = { ...s, companyName: untitled || typeof first !== "string" ? "" : first.trim() };
  const today = noticeSheet(n, number, issued, s, corrects).content;
  const moved = { ...n.facts };
  for (const k of noticeType(n.type).volatile ?? [])
    if (typeof moved[k] === "number") moved[k] = (moved[k] as number) + 1;
  const probe = noticeSheet({ ...n, facts: moved }, number, issued, s, corrects).content;
  // The cause is in the bordered table of facts; the wording around it (a sentence, the 抄送
  // line, a department's name) may read differently in a later version without a 更正.
  return today.rows.every((row, i) =>
    row.every((w, j) => {
      if (w === null || w.v === null || w.style?.border !== "all") return true;
      if (shown(probe.rows[i]?.[j]?.v) !== shown(w.v)) return true;
      return shown(w.v) === shown(cellAt(sheet, i + 1, j + 1)?.value);
    }),
  );
}

/**
 * The sheet of an issued notice: the marked one, else (an earlier version's) the sheet named
 * with its number exactly that shows `编号：number`, its number being in the register.
 */
function issuedSheet(wb: WorkbookSnapshot, number: string): Found | undefined {
  return found(ownedSheet(wb, "notice", noticeOwnerId(number)), () =>
    wb.sheets.find(
      (s) =>
        s.name === number &&
        s.rows.slice(0, 12).some((row) => row?.some((c) => shown(c?.value) === `编号：${number}`)),
    ),
  );
}

export function planNoticeOps(
  wb: WorkbookSnapshot,
  ctx: NoticeContext,
  notices: NoticePlan[],
  opts: {
    after?: string;
    tableName: string;
    limit?: number;
    picked?: readonly string[];
    /** Sheet names taken (lower case), this run's included; new sheets take free names and are added. */
    sheetNames?: Set<string>;
    /** Told each product sheet that took another name because a user's sheet holds the one it wanted. */
    onRenamed?: (wanted: string, sheet: string) => void;
  },
): NoticeOpsResult {
  const limit = opts.limit ?? NEW_NOTICE_LIMIT;
  const picked = opts.picked && new Set(opts.picked);
  const isPicked = (n: NoticePlan) => !picked || picked.has(noticeId(n)) || picked.has(n.key);
  const sheetNames = opts.sheetNames ?? new Set(wb.sheets.map((s) => s.name.toLowerCase()));
  const freeName = (wanted: string) => {
    const name = freeSheetName(wanted, sheetNames);
    if (name !== wanted) opts.onRenamed?.(wanted, name);
    return name;
  };
  // Planned causes the user left out: their register rows stay exactly as they are.
  const skipped = new Set<string>();
  let deferred = 0;
  const reg = readRegister(wb);
  const byCause = entriesByCause(reg);
  // Highest sequence per prefix and date, from the register and from sheet names alike (a
  // user's sheet `ck-20261127-001` included, so a new number never names a sheet already there).
  const seq = new Map<string, number>();
  const see = (no: string) => {
    const m = NUMBER_RE.exec(no.toUpperCase());
    if (m) seq.set(`${m[1]}-${m[2]}`, Math.max(seq.get(`${m[1]}-${m[2]}`) ?? 0, Number(m[3])));
  };
  reg.rows.forEach(({ entry }) => see(entry.编号));
  wb.sheets.forEach((s) => see(s.name));

  const ops: PatchOp[] = [];
  /** Register rows to bring up to date, by number: a notice still current, or one a correction replaces. */
  const current = new Map<string, Entry>();
  const fresh: Entry[] = [];
  const written: string[] = [];
  const docs: PatchOp[] = [];
  // A new register takes 通知台账, or a free name when a user's sheet holds it (taken when written).
  const registerName = reg.sheet?.name ?? freeSheetName(REGISTER_SHEET, new Set(sheetNames));
  let after = registerName;
  const stamp = ctx.asOf.replace(/-/g, "");
  const nextNumber = (n: NoticePlan) => {
    const base = `${noticeType(n.type).prefix}-${stamp}`;
    const next = (seq.get(base) ?? 0) + 1;
    seq.set(base, next);
    return `${base}-${String(next).padStart(3, "0")}`;
  };
  const done = new Set<string>();
  for (const n of notices) {
    const id = causeId(n.type, n.key);
    if (done.has(id)) continue;
    done.add(id);
    if (!isPicked(n)) {
      skipped.add(id);
      continue;
    }
    const old = byCause.get(id);
    let correcting: string | undefined;
    if (old) {
      // An issued notice is a document: its sheet is never written again. When the cause changed,
      // a corrected notice (更正) with a number of its own replaces it in the register.
      const issued = /^\d{4}-\d{2}-\d{2}$/.test(old.签发日期) ? old.签发日期 : ctx.asOf;
      const sheet = issuedSheet(wb, old.编号);
      const corrects = old.更正自 || undefined;
      const today = noticeSheet(n, old.编号, issued, ctx.settings, corrects);
      if (!sheet || sameDocument(sheet.sheet, n, old.编号, issued, ctx.settings, corrects)) {
        if (sheet?.adopted)
          docs.push({
            op: "ensureSheet",
            sheet: sheet.sheet.name,
            owner: { kind: "notice", id: noticeOwnerId(old.编号) },
            visibility: sheet.sheet.visibility === "hidden" ? "hidden" : "visible",
            adopt: true,
          });
        const state = noticeState(ctx, n.type, n.key, issued);
        current.set(old.编号, {
          ...old,
          "合同/任务": today.subject,
          收件人: today.addressee,
          抄送: today.cc,
          签发日期: issued,
          回复截止日期: state?.due ?? old.回复截止日期,
          状态: state?.status ?? old.状态,
        });
        written.push(old.编号);
        continue;
      }
      correcting = old.编号;
      current.set(old.编号, { ...old, 状态: SUPERSEDED });
    } else if (fresh.length >= limit) {
      deferred++;
      continue;
    }
    const number = nextNumber(n);
    const doc = noticeSheet(n, number, ctx.asOf, ctx.settings, correcting);
    const sheet = freeName(number);
    docs.push({
      op: "writeSheet",
      sheet,
      owner: { kind: "notice", id: noticeOwnerId(number) },
      content: doc.content,
      visibility: "visible",
      after,
    });
    after = sheet;
    const state = noticeState(ctx, n.type, n.key, ctx.asOf);
    fresh.push({
      编号: number,
      类型: n.type,
      "合同/任务": doc.subject,
      收件人: doc.addressee,
      抄送: doc.cc,
      签发日期: ctx.asOf,
      回复截止日期: state?.due ?? "",
      状态: state?.status ?? noticeType(n.type).status.pending,
      原因键: n.key,
      更正自: correcting ?? "",
    });
    written.push(number);
  }

  // Rows already in the register: today's facts for planned causes, today's status for the rest.
  const updates: Array<{ cell: string; write: CellWrite }> = [];
  for (const { row, entry } of reg.rows) {
    const type = findNoticeType(entry.类型)?.name;
    const id = causeId(entry.类型, entry.原因键);
    if (skipped.has(id) || entry.状态 === SUPERSEDED) continue;
    let next = current.get(entry.编号);
    if (!next && type && /^\d{4}-\d{2}-\d{2}$/.test(entry.签发日期)) {
      const state = noticeState(ctx, type, entry.原因键, entry.签发日期);
      if (state) next = { ...entry, 回复截止日期: state.due, 状态: state.status };
    }
    if (!next) continue;
    for (const h of REGISTER_HEADERS) {
      const c = reg.cols.get(h);
      if (c === undefined || next[h] === entry[h]) continue;
      updates.push({ cell: `${colLetter(c)}${row}`, write: { v: next[h] } });
    }
  }

  if (!reg.sheet || reg.cols.size === 0) {
    if (fresh.length === 0) return { ops: [], written: [], created: 0, deferred };
    const bold: CellStyle = { bold: true };
    // A title row, then the table; the print area leaves out 原因键 (the last column) and runs
    // down the whole sheet, so rows appended by later runs print too.
    const rows: CellWrite[][] = [
      [{ v: REGISTER_TITLE, style: { bold: true, size: 16 } }],
      REGISTER_HEADERS.map((h) => ({ v: h, style: bold })),
      ...fresh.map((e) => REGISTER_HEADERS.map((h): CellWrite => ({ v: e[h] }))),
    ];
    if (!reg.sheet) freeName(REGISTER_SHEET);
    ops.push({
      op: "writeSheet",
      sheet: registerName,
      owner: { kind: "register", id: "main" },
      ...(reg.found ? { previous: reg.found.range } : {}),
      ...(reg.found?.adopted ? { adopt: true as const } : {}),
      visibility: "visible",
      ...(opts.after ? { after: opts.after } : {}),
      content: {
        rows,
        colWidths: [17, 12, 20, 36, 38, 11, 12, 10, 17, 18],
        rowHeights: [28],
        freeze: { rows: 2, cols: 0 },
        pageSetup: listPageSetup(2, { r1: 1, c1: 1, r2: MAX_ROWS, c2: REGISTER_PRINTED }),
        tables: [
          {
            name: opts.tableName,
            range: { r1: 2, c1: 1, r2: rows.length, c2: REGISTER_HEADERS.length },
            style: TABLE_STYLE,
          },
        ],
      },
    });
  } else {
    // The register of an earlier version gets its marker; its rows are edited as before.
    if (reg.found?.adopted)
      ops.push({
        op: "ensureSheet",
        sheet: reg.sheet.name,
        owner: { kind: "register", id: "main" },
        visibility: reg.sheet.visibility === "hidden" ? "hidden" : "visible",
        adopt: true,
      });
    if (updates.length) ops.push({ op: "setValues", sheet: reg.sheet.name, cells: updates });
    if (fresh.length) {
      // New rows go below the table (or below everything); columns follow the register's own headers.
      const c1 = reg.table?.range.c1 ?? Math.min(...reg.cols.values());
      const width = Math.max(...reg.cols.values()) - c1 + 1;
      const rows = fresh.map((e) => {
        const out: CellWrite[] = Array.from({ length: width }, () => ({ v: null }));
        for (const h of REGISTER_HEADERS) {
          const c = reg.cols.get(h);
          if (c !== undefined) out[c - c1] = { v: e[h] };
        }
        return out;
      });
      const lastRow = reg.table ? reg.table.range.r2 : Math.max(reg.headerRow, ...reg.rows.map((r) => r.row));
      const startRow = lastRow + 1;
      ops.push(
        reg.table
          ? {
              op: "appendRows",
              sheet: reg.sheet.name,
              table: reg.table.name,
              startRow,
              range: { ...reg.table.range, r2: reg.table.range.r2 + rows.length },
              rows,
            }
          : {
              op: "appendRows",
              sheet: reg.sheet.name,
              startRow,
              range: { r1: startRow, c1, r2: startRow + rows.length - 1, c2: c1 + width - 1 },
              rows,
            },
      );
    }
  }
  append(ops, docs);
  return { ops, written, created: fresh.length, deferred };
}
