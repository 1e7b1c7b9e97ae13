/**
 * Rules on the process the standard asks each contract to go through, read from the
 * 合同执行情况表 (a row per contract): project start (§2.1, §2.3.4, §2.3.5, §1.2.2), training and
 * go-live (§2.4.2, §2.5.1), acceptance and close-out (集成 5(1), §1.2.2, 流程 三.2–三.3); and the
 * sheets kept current (§1.2.2 按期填写).
 */

import { addDays, diffDays, type IsoDate } from "../dates";
import type { MessageArgs, RuleId } from "../findings";
import { fieldHeader } from "../kinds";
import { logSheet } from "../owned";
import { dateOf, isEmpty, numOf, textOf, type FieldCell, type TypedRow, type TypedTable } from "../rows";
import { a1, cellAt, parseA1, type SheetSnapshot } from "../snapshot";
import { parseDate, parseText, parseYesNo } from "../values";
import { findingAt, at, isMarkedComplete, isTerminated, type RuleContext, type TableRule } from "./context";

/** A contract's own rows (a merged-down 合同编号 row goes on with the contract above). */
function ownRows(table: TypedTable): TypedRow[] {
  return table.rows.filter((r) => !r.continuation && !isTerminated(r));
}

function contractArgs(row: TypedRow): MessageArgs {
  return { contractNo: textOf(row.fields.contractNo) ?? `#${row.row}` };
}

/**
 * A cell that records a step as done: a date (then when), 是/√, or any other text (who signed,
 * 已归档) except a plain no (否, 未, 无, 待…).
 */
export function doneOf(
  ctx: Pick<RuleContext, "wb">,
  table: TypedTable,
  fc: FieldCell | undefined,
): { done: boolean; date?: IsoDate } {
  if (fc === undefined || isEmpty(fc)) return { done: false };
  if (fc.type === "date") {
    const d = dateOf(fc);
    return d === undefined ? { done: true } : { done: true, date: d };
  }
  const p = parseA1(fc.cell);
  const cell = p ? cellAt(ctx.wb.sheets[table.sheetIndex], p.r, p.c) : undefined;
  const yn = parseYesNo(cell?.value);
  if (yn.status === "ok") return { done: yn.value };
  const d = parseDate(cell?.value, { date1904: ctx.wb.date1904, numFmt: cell?.numFmt });
  if (d.status === "ok") return { done: true, date: d.value };
  const t = parseText(cell?.value);
  if (t.status !== "ok") return { done: false };
  return { done: !/^(否|未|无|没有|待|尚未|暂无|未完成|未签|未归档|未存档|N|NO)/i.test(t.value.trim()) };
}

// ---------------------------------------------------------------------------
// Project start

export const contractKickoffBeforePayment: TableRule = {
  id: "contract.kickoff-before-payment",
  severity: "error",
  source: "§2.3.4",
  scope: "table",
  needs: { contracts: [["kickoffDate"]] },
  check(ctx, table) {
    for (const row of ownRows(table)) {
      const kickoff = dateOf(row.fields.kickoffDate);
      if (kickoff === undefined) continue;
      const first = firstPayment(ctx, row);
      if (first === undefined) continue;
      if (first.date !== undefined && first.date <= kickoff) continue;
      const args: MessageArgs = { ...contractArgs(row), kickoffDate: kickoff };
      if (first.date !== undefined) args.paymentDate = first.date;
      ctx.report({ rule: "contract.kickoff-before-payment", ...at(row, row.fields.kickoffDate), args });
    }
  },
};

/**
 * When the contract's first payment came in: its 首付款日期 column, else the earliest 实收日期 of its
 * payment nodes. `{}` when the sheet shows no payment received at all (none of its nodes has a
 * received date or amount); undefined when the sheet cannot tell (no payment columns).
 */
function firstPayment(ctx: RuleContext, row: TypedRow): { date?: IsoDate } | undefined {
  const own = dateOf(row.fields.firstPaymentDate);
  if (own !== undefined) return { date: own };
  const no = textOf(row.fields.contractNo);
  const nodes = no === undefined ? [] : (ctx.nodesByContract.get(no) ?? []);
  const dates = nodes.map((n) => dateOf(n.receivedDate)).filter((d): d is IsoDate => d !== undefined);
  if (dates.length > 0) return { date: dates.sort()[0] };
  // Money received with no date (or a received date that does not read): the sheet cannot say when.
  if (nodes.some((n) => (numOf(n.receivedAmount) ?? 0) > 0 || !isEmpty(n.receivedDate))) return undefined;
  if (nodes.some((n) => !isEmpty(n.receivedAmount) && numOf(n.receivedAmount) === undefined))
    return undefined;
  const shown = nodes.some((n) => n.receivedAmount !== undefined || n.receivedDate !== undefined);
  if (shown || row.fields.firstPaymentDate !== undefined) return {};
  return undefined;
}

/** A deadline in working days after an event, with the record that must meet it. */
function lateRecord(
  ctx: RuleContext,
  from: IsoDate,
  n: number,
  fc: FieldCell | undefined,
): { deadline: IsoDate; date?: IsoDate; early?: boolean } | undefined {
  const deadline = ctx.calendar.addWorkdays(from, n);
  const date = dateOf(fc);
  if (date !== undefined) {
    if (date < from) return { deadline, date, early: true };
    return date > deadline ? { deadline, date } : undefined;
  }
  return isEmpty(fc) && deadline < ctx.asOf ? { deadline } : undefined;
}

/**
 * A step due `n` working days (设置 `days`) after the row's `from` date: reported in its own column
 * when done late (or dated before `from`), or still empty past the deadline.
 */
function doneWithin(spec: {
  id: "contract.plan-late" | "contract.project-report-late";
  source: string;
  from: "noticeDate" | "signDate";
  to: "planFiledDate" | "projectReportDate";
  days: "planWorkdays" | "noticeWorkdays";
  /** The message's name for the step's own date. */
  doneArg: "planDate" | "reportDate";
}): TableRule {
  return {
    id: spec.id,
    severity: "warning",
    source: spec.source,
    scope: "table",
    needs: { contracts: [[spec.from, spec.to]] },
    check(ctx, table) {
      const n = ctx.settings[spec.days];
      for (const row of ownRows(table)) {
        const from = dateOf(row.fields[spec.from]);
        if (from === undefined) continue;
        const late = lateRecord(ctx, from, n, row.fields[spec.to]);
        if (!late) continue;
        const args: MessageArgs = { ...contractArgs(row), [spec.from]: from, deadline: late.deadline, n };
        if (late.date !== undefined) args[spec.doneArg] = late.date;
        if (late.early) args.early = 1;
        ctx.report({ rule: spec.id, ...at(row, row.fields[spec.to]), args });
      }
    },
  };
}

export const contractPlanLate = doneWithin({
  id: "contract.plan-late",
  source: "§1.2.2",
  from: "noticeDate",
  to: "planFiledDate",
  days: "planWorkdays",
  doneArg: "planDate",
});

export const contractProjectReportLate = doneWithin({
  id: "contract.project-report-late",
  source: "§2.1",
  from: "signDate",
  to: "projectReportDate",
  days: "noticeWorkdays",
  doneArg: "reportDate",
});

export const contractScheduleUnsigned: TableRule = {
  id: "contract.schedule-unsigned",
  severity: "warning",
  source: "§2.3.5",
  scope: "table",
  needs: { contracts: [["scheduleSigned"]] },
  check(ctx, table) {
    for (const row of ownRows(table)) {
      if (doneOf(ctx, table, row.fields.scheduleSigned).done) continue;
      // The schedule is approved at the 实施动员 (§2.3.4–§2.3.5); before it nothing is missing yet.
      const kickoff = dateOf(row.fields.kickoffDate);
      const done = dateOf(row.fields.completionDate);
      const since = kickoff !== undefined && kickoff <= ctx.asOf ? kickoff : done;
      if (since === undefined) continue;
      ctx.report(
        findingAt("contract.schedule-unsigned", row, row.fields.scheduleSigned, {
          ...contractArgs(row),
          since,
          event: since === kickoff ? "kickoff" : "completion",
        }),
      );
    }
  },
};

// ---------------------------------------------------------------------------
// Keeping the sheets current (§1.2.2 按期填写)

/** A label above a table saying when it was last written: 更新日期：2026-10-01, 编制日期, 填表日期 …. */
const UPDATE_LABEL = /^(最后|最近)?(更新|编制|填表|填报|制表|统计|修订)(日期|时间)\s*[:：]?\s*(.*)$/s;

/** Date fields that prove the sheet was written on or after them (an actual date is typed when it happens). */
export const ACTUAL_FIELDS = [
  "actualStart",
  "actualEnd",
  "completionDate",
  "acceptanceDate",
  "receivedDate",
  "noticeDate",
  "dunningDate",
  "reportDate",
  "memoDate",
];

interface UpdateEvidence {
  date: IsoDate;
  source: "cell" | "column" | "log" | "actual";
  cell?: string;
  sheet: string;
  label?: string;
}

export const tableStale: TableRule = {
  id: "table.stale",
  severity: "warning",
  source: "§1.2.2",
  scope: "table",
  needs: { schedule: [[]], contracts: [[]] },
  check(ctx, table) {
    // One finding per sheet, on its first schedule or contracts table.
    const first = ctx.tables.find(
      (t) => (t.kind === "schedule" || t.kind === "contracts") && t.sheet === table.sheet,
    );
    if (first !== table) return;
    const sheet = ctx.wb.sheets[table.sheetIndex];
    // What the sheet itself says (an update-date cell, a 更新日期 column) wins; the 操作日志 (a run of
    // the product, which writes it) speaks only for a sheet that says nothing, so an apply does not
    // make a sheet with its own mark look current.
    const own = [updateCell(ctx, table, sheet), updateColumn(ctx, table)].filter(
      (e): e is UpdateEvidence => e !== undefined,
    );
    const log = own.length === 0 ? lastLogRow(ctx) : undefined;
    const stated = log ? [log] : own;
    // Only a sheet that says when it is updated is judged; typed actual dates can only make it newer.
    if (stated.length === 0) return;
    const all = [...stated, ...latestActual(ctx, table)];
    const latest = all.reduce((a, b) => (b.date > a.date ? b : a));
    const days = diffDays(latest.date, ctx.asOf);
    const n = ctx.settings.updateDays;
    if (days <= n) return;
    const args: MessageArgs = {
      kind: table.kind,
      updated: latest.date,
      days,
      n,
      source: latest.source,
    };
    if (latest.cell !== undefined) args.cell = `${latest.sheet}!${latest.cell}`;
    if (latest.label !== undefined) args.label = latest.label;
    // Located at the mark a user brings up to date: the update-date cell, else the column's latest.
    const mark = stated.find((e) => e.source === "cell") ?? stated.find((e) => e.source === "column");
    ctx.report({
      rule: "table.stale",
      sheet: table.sheet,
      row: mark?.cell === undefined ? undefined : parseA1(mark.cell)?.r,
      cell: mark?.cell,
      args,
    });
  },
};

/** 更新日期：2026-10-01 (or the label with the date in one of the next three cells) above the header. */
function updateCell(ctx: RuleContext, table: TypedTable, sheet: SheetSnapshot): UpdateEvidence | undefined {
  let best: UpdateEvidence | undefined;
  const top = table.source.headerRow - table.source.headerRows;
  for (let r = Math.max(1, top - 9); r <= top; r++) {
    const cells = sheet.rows[r - 1];
    if (!cells) continue;
    cells.forEach((cell, i) => {
      if (typeof cell?.value !== "string") return;
      const m = UPDATE_LABEL.exec(cell.value.trim());
      if (!m) return;
      const label = cell.value.trim();
      let found: { date: IsoDate; c: number } | undefined;
      const rest = m[4].trim();
      if (rest !== "") {
        const d = parseDate(rest, { date1904: ctx.wb.date1904 });
        if (d.status === "ok") found = { date: d.value, c: i + 1 };
      } else {
        for (let dc = 1; dc <= 3 && !found; dc++) {
          const next = cellAt(sheet, r, i + 1 + dc);
          if (next === undefined) continue;
          const d = parseDate(next.value, { date1904: ctx.wb.date1904, numFmt: next.numFmt });
          if (d.status === "ok") found = { date: d.value, c: i + 1 + dc };
          break;
        }
      }
      if (found && (!best || found.date > best.date)) {
        best = { date: found.date, source: "cell", cell: a1(r, found.c), sheet: sheet.name, label };
      }
    });
  }
  return best;
}

/** The latest date of the table's 更新日期 column. */
function updateColumn(_ctx: RuleContext, table: TypedTable): UpdateEvidence | undefined {
  let best: UpdateEvidence | undefined;
  for (const row of table.rows) {
    const fc = row.fields.updatedAt;
    const d = dateOf(fc);
    if (d !== undefined && fc && (!best || d > best.date)) {
      best = { date: d, source: "column", cell: fc.cell, sheet: table.sheet, label: fc.header };
    }
  }
  return best;
}

/** The time of the latest 操作日志 row (column A, `2026-11-23 09:30:00`). */
function lastLogRow(ctx: RuleContext): UpdateEvidence | undefined {
  const log = logSheet(ctx.wb)?.sheet;
  if (!log) return undefined;
  let best: IsoDate | undefined;
  log.rows.forEach((cells) => {
    const v = cells?.[0]?.value;
    const m = typeof v === "string" ? /^(\d{4}-\d{2}-\d{2})[ T]\d/.exec(v.trim()) : null;
    if (m && (best === undefined || m[1] > best)) best = m[1];
  });
  return best === undefined ? undefined : { date: best, source: "log", sheet: log.name };
}

/** The latest actual date typed in the table (not after the as-of date: a typo in the future proves nothing). */
function latestActual(ctx: RuleContext, table: TypedTable): UpdateEvidence[] {
  // The latest cell is kept and described once at the end: dates usually rise down a sheet.
  let best: FieldCell | undefined;
  let bestDate: IsoDate | undefined;
  const consider = (fc: FieldCell | undefined) => {
    const d = dateOf(fc);
    if (d === undefined || d > ctx.asOf || !fc || (bestDate !== undefined && d <= bestDate)) return;
    best = fc;
    bestDate = d;
  };
  for (const row of table.rows) {
    for (let i = 0; i < ACTUAL_FIELDS.length; i++) consider(row.fields[ACTUAL_FIELDS[i]]);
    for (let j = 0; j < row.groups.length; j++) consider(row.groups[j].fields.receivedDate);
  }
  if (!best || bestDate === undefined) return [];
  return [{ date: bestDate, source: "actual", cell: best.cell, sheet: table.sheet, label: best.header }];
}

// ---------------------------------------------------------------------------
// Training and go-live (§2.4.2, §2.5.1)

export const contractTrainingPlanUnconfirmed: TableRule = {
  id: "contract.training-plan-unconfirmed",
  severity: "error",
  source: "§2.4.2",
  scope: "table",
  needs: { contracts: [["trainingStart", "trainingPlanDate"]] },
  check(ctx, table) {
    for (const row of ownRows(table)) {
      const start = dateOf(row.fields.trainingStart);
      if (start === undefined || start > ctx.asOf) continue;
      const fc = row.fields.trainingPlanDate;
      const confirmed = dateOf(fc);
      if (confirmed !== undefined && confirmed <= start) continue;
      if (confirmed === undefined && !isEmpty(fc)) continue; // unreadable: cell.date-invalid's
      const args: MessageArgs = { ...contractArgs(row), trainingStart: start };
      if (confirmed !== undefined) args.confirmed = confirmed;
      ctx.report({ rule: "contract.training-plan-unconfirmed", ...at(row, fc), args });
    }
  },
};

/**
 * A record that must follow an event: missing once the event is past, or dated before it.
 * `after` is the event's date, `fc` the record's cell.
 */
function followUp(
  ctx: RuleContext,
  after: IsoDate | undefined,
  fc: FieldCell | undefined,
): { record?: IsoDate } | undefined {
  if (after === undefined || after >= ctx.asOf) return undefined;
  const record = dateOf(fc);
  if (record !== undefined) return record < after ? { record } : undefined;
  return isEmpty(fc) ? {} : undefined;
}

export const contractAssessmentMissing: TableRule = {
  id: "contract.assessment-missing",
  severity: "warning",
  source: "§2.4.2",
  scope: "table",
  needs: {
    contracts: [
      ["trainingEnd", "assessmentDate"],
      ["trainingStart", "assessmentDate"],
    ],
  },
  check(ctx, table) {
    for (const row of ownRows(table)) {
      const end = dateOf(row.fields.trainingEnd) ?? dateOf(row.fields.trainingStart);
      const late = followUp(ctx, end, row.fields.assessmentDate);
      if (!late || end === undefined) continue;
      const args: MessageArgs = { ...contractArgs(row), trainingEnd: end };
      if (late.record !== undefined) args.assessed = late.record;
      ctx.report({ rule: "contract.assessment-missing", ...at(row, row.fields.assessmentDate), args });
    }
  },
};

export const contractInitCheckMissing: TableRule = {
  id: "contract.init-check-missing",
  severity: "warning",
  source: "§2.4.2",
  scope: "table",
  needs: { contracts: [["initDate", "initCheckDate"]] },
  check(ctx, table) {
    for (const row of ownRows(table)) {
      const init = dateOf(row.fields.initDate);
      const late = followUp(ctx, init, row.fields.initCheckDate);
      if (!late || init === undefined) continue;
      const args: MessageArgs = { ...contractArgs(row), initDate: init };
      if (late.record !== undefined) args.checked = late.record;
      ctx.report({ rule: "contract.init-check-missing", ...at(row, row.fields.initCheckDate), args });
    }
  },
};

/** When the 免费磨合期 ends: the row's own end date, else formal operation + the setting's days. */
function runInEnd(
  ctx: RuleContext,
  row: TypedRow,
): { end: IsoDate; own: boolean; start?: IsoDate } | undefined {
  const own = dateOf(row.fields.runInEnd);
  const start = dateOf(row.fields.goLiveDate);
  if (own !== undefined)
    return start === undefined ? { end: own, own: true } : { end: own, own: true, start };
  if (start === undefined) return undefined;
  return { end: addDays(start, ctx.settings.runInDays), own: false, start };
}

function runInArgs(ctx: RuleContext, row: TypedRow, r: { end: IsoDate; own: boolean; start?: IsoDate }) {
  const args: MessageArgs = { ...contractArgs(row), end: r.end };
  if (r.start !== undefined) args.goLive = r.start;
  if (!r.own) args.n = ctx.settings.runInDays;
  return args;
}

export const contractRunInEnding: TableRule = {
  id: "contract.run-in-ending",
  severity: "warning",
  source: "§2.5.1",
  scope: "table",
  needs: { contracts: [["goLiveDate"], ["runInEnd"]] },
  check(ctx, table) {
    for (const row of ownRows(table)) {
      const r = runInEnd(ctx, row);
      if (!r || r.end < ctx.asOf || (r.start !== undefined && r.start > ctx.asOf)) continue;
      const left = diffDays(ctx.asOf, r.end);
      if (left > ctx.settings.runInRemindDays) continue;
      const fc = r.own ? row.fields.runInEnd : row.fields.goLiveDate;
      ctx.report(
        findingAt("contract.run-in-ending", row, fc, {
          ...runInArgs(ctx, row, r),
          left,
          remind: ctx.settings.runInRemindDays,
        }),
      );
    }
  },
};

export const contractRunInEnded: TableRule = {
  id: "contract.run-in-ended",
  severity: "info",
  source: "§2.5.1",
  scope: "table",
  needs: { contracts: [["goLiveDate"], ["runInEnd"]] },
  check(ctx, table) {
    for (const row of ownRows(table)) {
      const r = runInEnd(ctx, row);
      if (!r || r.end >= ctx.asOf) continue;
      // A closed-out contract has nothing left to do about it.
      if (doneOf(ctx, table, row.fields.archiveDate).done) continue;
      const fc = r.own ? row.fields.runInEnd : row.fields.goLiveDate;
      ctx.report(
        findingAt("contract.run-in-ended", row, fc, {
          ...runInArgs(ctx, row, r),
          days: diffDays(r.end, ctx.asOf),
        }),
      );
    }
  },
};

// ---------------------------------------------------------------------------
// Acceptance and close-out

export const contractPreAcceptanceMissing: TableRule = {
  id: "contract.pre-acceptance-missing",
  severity: "warning",
  source: "集成 5(1)",
  scope: "table",
  needs: { contracts: [["acceptanceDate", "preAcceptanceDate"]] },
  check(ctx, table) {
    for (const row of ownRows(table)) {
      const accepted = dateOf(row.fields.acceptanceDate);
      if (accepted === undefined) continue;
      const fc = row.fields.preAcceptanceDate;
      const pre = dateOf(fc);
      if (pre !== undefined ? pre <= accepted : !isEmpty(fc)) continue;
      const args: MessageArgs = { ...contractArgs(row), acceptanceDate: accepted };
      if (pre !== undefined) args.preDate = pre;
      ctx.report({ rule: "contract.pre-acceptance-missing", ...at(row, fc), args });
    }
  },
};

/** Names in one cell: 张三、李四 / 张三,李四 / 张三 李四 (等 dropped). */
export function namesIn(text: string): string[] {
  return text
    .split(/[、,，;；/／\s]+|和|及|与/)
    .map((s) => s.replace(/等.*$/, "").trim())
    .filter((s) => s !== "");
}

export const contractPreAcceptanceStaff: TableRule = {
  id: "contract.pre-acceptance-staff",
  severity: "warning",
  source: "集成 5(1)",
  scope: "table",
  needs: { contracts: [["preAcceptors"]] },
  check(ctx, table) {
    for (const row of ownRows(table)) {
      const fc = row.fields.preAcceptors;
      const names = namesIn(textOf(fc) ?? "");
      // Judged once a 预验收 is recorded: its date, its people, or an acceptance that needed one.
      const held =
        names.length > 0 ||
        dateOf(row.fields.preAcceptanceDate) !== undefined ||
        !isEmpty(row.fields.acceptanceDate);
      if (!held || names.length >= 2) continue;
      ctx.report(
        findingAt("contract.pre-acceptance-staff", row, fc, {
          ...contractArgs(row),
          count: names.length,
          names: names.join("、"),
        }),
      );
    }
  },
};

const COPY_FIELDS = [
  ["acceptanceToService", "service"],
  ["acceptanceToSales", "sales"],
  ["acceptanceToOffice", "office"],
  ["acceptanceToFinance", "finance"],
] as const;

/** Short names a clerk writes for each department in a list (客服, 总办 …). */
const DEPT_SHORT: Record<(typeof COPY_FIELDS)[number][1], RegExp> = {
  service: /客服/,
  sales: /销售/,
  office: /总经办|总办|总经理办公室/,
  finance: /财务/,
};

export const contractAcceptanceCopies: TableRule = {
  id: "contract.acceptance-copies",
  severity: "warning",
  source: "§1.2.2",
  scope: "table",
  needs: {
    contracts: [
      ["acceptanceCopies"],
      ["acceptanceToService"],
      ["acceptanceToSales"],
      ["acceptanceToOffice"],
      ["acceptanceToFinance"],
    ],
  },
  check(ctx, table) {
    const depts = ctx.settings.departments;
    for (const row of ownRows(table)) {
      // The signed 验收单 exists once the acceptance is dated (or, with no such column, the work is complete).
      const accepted = dateOf(row.fields.acceptanceDate) ?? dateOf(row.fields.completionDate);
      if (accepted === undefined) continue;
      const list = textOf(row.fields.acceptanceCopies) ?? "";
      const missing: string[] = [];
      let firstCell: FieldCell | undefined;
      for (const [field, dept] of COPY_FIELDS) {
        const own = row.fields[field];
        const inList =
          list !== "" &&
          (list.includes(depts[dept]) || DEPT_SHORT[dept].test(list) || /全部|各一份|四部门/.test(list));
        const sent = inList || doneOf(ctx, table, own).done;
        if (sent) continue;
        missing.push(depts[dept]);
        firstCell ??= own ?? row.fields.acceptanceCopies;
      }
      if (missing.length === 0) continue;
      ctx.report(
        findingAt(
          "contract.acceptance-copies",
          row,
          firstCell,
          { ...contractArgs(row), acceptanceDate: accepted, missing: missing.join("、") },
          "acceptanceCopies",
        ),
      );
    }
  },
};

export const contractCloseoutMissing: TableRule = {
  id: "contract.closeout-missing",
  severity: "warning",
  source: "§1.2.2, 流程 三.2–三.3",
  scope: "table",
  needs: {
    contracts: [
      ["status", "summaryDate"],
      ["status", "archiveDate"],
      ["status", "archivedWithContract"],
    ],
  },
  check(ctx, table) {
    for (const row of table.rows.filter((r) => !r.continuation)) {
      if (!isMarkedComplete(row)) continue;
      const missing: string[] = [];
      let firstCell: FieldCell | undefined;
      for (const field of ["summaryDate", "archiveDate", "archivedWithContract"] as const) {
        const fc = row.fields[field];
        if (fc === undefined || doneOf(ctx, table, fc).done) continue;
        missing.push(field);
        firstCell ??= fc;
      }
      if (missing.length === 0) continue;
      ctx.report(
        findingAt("contract.closeout-missing", row, firstCell, {
          ...contractArgs(row),
          missing: missing.join(","),
          headers: missing.map((f) => fieldHeader("contracts", f) ?? f).join("、"),
        }),
      );
    }
  },
};

/**
 * The rules that follow a contract through the standard's process, each reading a column of its own
 * (动员会日期, 培训计划确认日期 …). Most ledgers keep only a few of those columns, so a report counts the
 * ones that could not run instead of naming each.
 */
export const PROCESS_RULES: readonly TableRule[] = [
  contractKickoffBeforePayment,
  contractPlanLate,
  contractProjectReportLate,
  contractScheduleUnsigned,
  contractTrainingPlanUnconfirmed,
  contractAssessmentMissing,
  contractInitCheckMissing,
  contractRunInEnding,
  contractRunInEnded,
  contractPreAcceptanceMissing,
  contractPreAcceptanceStaff,
  contractAcceptanceCopies,
  contractCloseoutMissing,
];

export const PROCESS_RULE_IDS: readonly RuleId[] = PROCESS_RULES.map((r) => r.id);
