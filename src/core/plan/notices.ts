/**
 * Notice sheets and the 通知台账 register (SPEC §6, §7).
 *
 * Numbers: type prefix (CK 催款, SS 实施, TZ 调整, BW 备忘录) + issue date + a sequence per
 * prefix and date: CK-20261123-001. The issue date is the as-of date of the run that first
 * issued the notice. A notice is identified by its cause (type + key): when the register
 * already holds that cause, the notice keeps its number and original issue date, and its
 * sheet and register row are rewritten with today's facts instead of a second notice.
 *
 * The register is edited, not rewritten: existing rows get only the cells whose value changed
 * (setValues), new notices are appended below the table (appendRows). A co-author's own
 * columns, notes, sorting and formatting on the register survive, and a second run with
 * nothing new writes nothing there. Only a workbook without a register gets a new sheet.
 *
 * Reply due dates and statuses, worked out again on every run from the workbook's data:
 * | type | reply due | done when | statuses |
 * |---|---|---|---|
 * | 催款通知单 | issue + reportDays calendar days (§1.2.2 1日内书面报告) | the node's 书面报告日期 is filled | 待回复 / 逾期未回复 / 已回复 |
 * | 项目实施通知 | issue + noticeWorkdays working days | the contract's 实施通知日期 is filled | 待登记 / 逾期未登记 / 已登记 |
 * | 计划调整通知 | the later of issue and baseline end − changeNoticeDays | the task's 报备财务 is 是 | 待报备 / 逾期未报备 / 已报备 |
 * | 备忘录 | the later of issue and the agreed delivery date | the contract's 备忘录日期 is filled | 待签订 / 逾期未签订 / 已签订 |
 * A register row whose cause can no longer be found (the row was deleted) keeps what it says.
 *
 * With `picked`, only the picked notices are written: a planned notice the user left out gets
 * no sheet, and its register row (if any) is not touched, not even its status.
 */

import { append } from "../append";
import { addDays } from "../dates";
import { noticeId, type NoticeContext, type NoticePlan, type NoticeType } from "../notices";
import type { CellStyle, CellWrite, PatchOp } from "../patch";
import { boolOf, dateOf, isEmpty, textOf, type TypedRow } from "../rows";
import { planChange } from "../rules/schedule";
import { colLetter, type WorkbookSnapshot } from "../snapshot";
import { noticeSheet } from "./notice-sheet";
import {
  causeId,
  entriesByCause,
  NUMBER_RE,
  readRegister,
  REGISTER_HEADERS,
  REGISTER_SHEET,
  type Entry,
} from "../register";
import { TABLE_STYLE } from "./structure";
import { listPageSetup } from "./layout";

export { REGISTER_HEADERS, REGISTER_SHEET, REGISTER_TABLE } from "../register";

export const NOTICE_PREFIX: Record<NoticeType, string> = {
  催款通知单: "CK",
  项目实施通知: "SS",
  计划调整通知: "TZ",
  备忘录: "BW",
};
const TYPES = Object.keys(NOTICE_PREFIX) as NoticeType[];

const STATUS: Record<NoticeType, { pending: string; done: string }> = {
  催款通知单: { pending: "待回复", done: "已回复" },
  项目实施通知: { pending: "待登记", done: "已登记" },
  计划调整通知: { pending: "待报备", done: "已报备" },
  备忘录: { pending: "待签订", done: "已签订" },
};

/** The schedule row a 计划调整通知 key names: its WBS, or sheet!row when it has none. */
function taskRow(ctx: NoticeContext, key: string): TypedRow | undefined {
  for (const t of ctx.tables) {
    if (t.kind !== "schedule") continue;
    for (const row of t.rows) {
      if (row.summary) continue;
      if ((textOf(row.fields.wbs) ?? `${row.sheet}!${row.row}`) === key) return row;
    }
  }
  return undefined;
}

/** Reply due date and status of a notice from the workbook's data, or undefined when its cause is gone. */
export function noticeState(
  ctx: NoticeContext,
  type: NoticeType,
  key: string,
  issued: string,
): { due: string; status: string } | undefined {
  const later = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);
  let due: string;
  let done: boolean;
  if (type === "催款通知单") {
    const node = ctx.nodes.find((n) => n.key === key);
    if (!node) return undefined;
    due = addDays(issued, ctx.settings.reportDays);
    done = !isEmpty(node.reportDate);
  } else if (type === "项目实施通知" || type === "备忘录") {
    const contract = ctx.contracts.get(key);
    if (!contract) return undefined;
    if (type === "项目实施通知") {
      due = ctx.calendar.addWorkdays(issued, ctx.settings.noticeWorkdays);
      done = !isEmpty(contract.fields.noticeDate);
    } else {
      due = later(issued, dateOf(contract.fields.deliveryDate));
      done = !isEmpty(contract.fields.memoDate);
    }
  } else {
    const row = taskRow(ctx, key);
    if (!row) return undefined;
    const change = planChange(row);
    due = later(issued, change && addDays(change.baselineEnd, -ctx.settings.changeNoticeDays));
    done = boolOf(row.fields.financeFiled) === true;
  }
  const words = STATUS[type];
  const status = done ? words.done : ctx.asOf > due ? `逾期未${words.pending.slice(1)}` : words.pending;
  return { due, status };
}

export interface NoticeOpsResult {
  ops: PatchOp[];
  /** Notice numbers written this run, new and updated. */
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

export function planNoticeOps(
  wb: WorkbookSnapshot,
  ctx: NoticeContext,
  notices: NoticePlan[],
  opts: { after?: string; tableName: string; limit?: number; picked?: readonly string[] },
): NoticeOpsResult {
  const limit = opts.limit ?? NEW_NOTICE_LIMIT;
  const picked = opts.picked && new Set(opts.picked);
  const isPicked = (n: NoticePlan) => !picked || picked.has(noticeId(n)) || picked.has(n.key);
  // Planned causes the user left out: their register rows stay exactly as they are.
  const skipped = new Set<string>();
  let deferred = 0;
  const reg = readRegister(wb);
  const byCause = entriesByCause(reg);
  // Highest sequence per prefix and date, from the register and from sheet names alike.
  const seq = new Map<string, number>();
  const see = (no: string) => {
    const m = NUMBER_RE.exec(no);
    if (m) seq.set(`${m[1]}-${m[2]}`, Math.max(seq.get(`${m[1]}-${m[2]}`) ?? 0, Number(m[3])));
  };
  reg.rows.forEach(({ entry }) => see(entry.编号));
  wb.sheets.forEach((s) => see(s.name));

  const ops: PatchOp[] = [];
  const planned = new Map<string, Entry>();
  const fresh: Entry[] = [];
  const docs: PatchOp[] = [];
  let after = REGISTER_SHEET;
  const stamp = ctx.asOf.replace(/-/g, "");
  for (const n of notices) {
    const id = causeId(n.type, n.key);
    if (planned.has(id)) continue;
    if (!isPicked(n)) {
      skipped.add(id);
      continue;
    }
    const old = byCause.get(id);
    if (!old && fresh.length >= limit) {
      deferred++;
      continue;
    }
    let number = old?.编号;
    if (!number) {
      const base = `${NOTICE_PREFIX[n.type]}-${stamp}`;
      const next = (seq.get(base) ?? 0) + 1;
      seq.set(base, next);
      number = `${base}-${String(next).padStart(3, "0")}`;
    }
    const issued = old && /^\d{4}-\d{2}-\d{2}$/.test(old.签发日期) ? old.签发日期 : ctx.asOf;
    const doc = noticeSheet(n, number, issued, ctx.settings);
    docs.push({
      op: "writeSheet",
      sheet: number,
      content: doc.content,
      visibility: "visible",
      after,
    });
    after = number;
    const state = noticeState(ctx, n.type, n.key, issued);
    const entry: Entry = {
      编号: number,
      类型: n.type,
      "合同/任务": doc.subject,
      收件人: doc.addressee,
      签发日期: issued,
      回复截止日期: state?.due ?? "",
      状态: state?.status ?? STATUS[n.type].pending,
      原因键: n.key,
    };
    planned.set(id, entry);
    if (!old) fresh.push(entry);
  }

  // Rows already in the register: today's facts for planned causes, today's status for the rest.
  const updates: Array<{ cell: string; write: CellWrite }> = [];
  for (const { row, entry } of reg.rows) {
    const type = TYPES.find((t) => t === entry.类型);
    const id = causeId(entry.类型, entry.原因键);
    if (skipped.has(id)) continue;
    let next = planned.get(id);
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
    if (planned.size === 0) return { ops: [], written: [], created: 0, deferred };
    const bold: CellStyle = { bold: true };
    const rows: CellWrite[][] = [
      REGISTER_HEADERS.map((h) => ({ v: h, style: bold })),
      ...fresh.map((e) => REGISTER_HEADERS.map((h): CellWrite => ({ v: e[h] }))),
    ];
    ops.push({
      op: "writeSheet",
      sheet: REGISTER_SHEET,
      visibility: "visible",
      ...(opts.after ? { after: opts.after } : {}),
      content: {
        rows,
        colWidths: [18, 12, 22, 30, 12, 13, 11, 18],
        freeze: { rows: 1, cols: 0 },
        pageSetup: listPageSetup(1),
        tables: [
          {
            name: opts.tableName,
            range: { r1: 1, c1: 1, r2: rows.length, c2: REGISTER_HEADERS.length },
            style: TABLE_STYLE,
          },
        ],
      },
    });
  } else {
    if (updates.length) ops.push({ op: "setValues", sheet: REGISTER_SHEET, cells: updates });
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
              sheet: REGISTER_SHEET,
              table: reg.table.name,
              startRow,
              range: { ...reg.table.range, r2: reg.table.range.r2 + rows.length },
              rows,
            }
          : {
              op: "appendRows",
              sheet: REGISTER_SHEET,
              startRow,
              range: { r1: startRow, c1, r2: startRow + rows.length - 1, c2: c1 + width - 1 },
              rows,
            },
      );
    }
  }
  append(ops, docs);
  return { ops, written: [...planned.values()].map((e) => e.编号), created: fresh.length, deferred };
}
