/**
 * Live highlights and error marks as conditional formats (SPEC §2.3). Every formula is built here
 * from column letters, row numbers and fixed words only, never from cell data, and ends in a
 * `N("项目跟踪:…")=0` tag (0 in Excel and LibreOffice alike) so clearOwnFormats can find it.
 *
 * Excel semantics the formulas lean on: an empty cell compares as 0 (so `""<TODAY()` style tests
 * would fire on blanks) and text compares above every number, so dates are guarded with ISNUMBER:
 * a text date simply does not colour (its finding says why). N() turns text and blanks into 0.
 */

import { OWN_TAG, type ConditionalRule, type PatchOp } from "../patch";
import { colLetter, type Range } from "../snapshot";
import type { Kind } from "../kinds";
import { DOCUMENT_CHAIN, DOCUMENT_DEADLINES } from "../rules/documents";
import { DEFAULT_SETTINGS, type Settings } from "../settings";
import type { Layout, LayoutColumn } from "./layout";

const RED = { fill: "FFC7CE", fontColor: "9C0006" };
const AMBER = { fill: "FFEB9C", fontColor: "9C5700" };
const MUTED = { fill: "F2F2F2", fontColor: "808080" };
const MARK = { fill: "FFD9D9", border: "FF0000" };

function tag(word: string): string {
  return `N("${OWN_TAG}:${word}")=0`;
}

/** `AND(a,b,…,tag)`; a lone tag is never planned (callers check their terms). */
function all(terms: string[], word: string): string {
  return `AND(${[...terms, tag(word)].join(",")})`;
}

function anyOf(terms: string[]): string {
  return terms.length === 1 ? terms[0] : `OR(${terms.join(",")})`;
}

/** References relative to the layout's first data row, column fixed. */
function refs(l: Layout) {
  const ref = (c: LayoutColumn) => `$${colLetter(c.col)}${l.firstRow}`;
  /** An amount in 元: scaled only when the column is in another unit. */
  const amount = (c: LayoutColumn | undefined) =>
    c === undefined ? "0" : c.scale === 1 ? `N(${ref(c)})` : `N(${ref(c)})*${c.scale}`;
  const isDate = (c: LayoutColumn) => `ISNUMBER(${ref(c)})`;
  const past = (c: LayoutColumn) => [isDate(c), `${ref(c)}<TODAY()`];
  const soon = (c: LayoutColumn, days: number) => [
    isDate(c),
    `${ref(c)}>=TODAY()`,
    `${ref(c)}<=TODAY()+${days}`,
  ];
  const blank = (c: LayoutColumn) => `${ref(c)}=""`;
  const filled = (c: LayoutColumn) => `${ref(c)}<>""`;
  return { ref, amount, past, soon, blank, filled };
}

function scheduleRules(l: Layout, days: number): ConditionalRule[] {
  const { ref, past, soon, blank, filled } = refs(l);
  const { planEnd, actualEnd, progress } = l.fields;
  const full = l.fractions ? "1" : "100";
  const notDone = [
    ...(actualEnd ? [blank(actualEnd)] : []),
    ...(progress ? [`N(${ref(progress)})<${full}`] : []),
  ];
  const done = [
    ...(actualEnd ? [filled(actualEnd)] : []),
    ...(progress ? [`N(${ref(progress)})>=${full}`] : []),
  ];
  const rules: ConditionalRule[] = [];
  if (planEnd) {
    rules.push({ formula: all([...past(planEnd), ...notDone], "逾期"), ...RED, stopIfTrue: true });
    rules.push({ formula: all([...soon(planEnd, days), ...notDone], "临近"), ...AMBER, stopIfTrue: true });
  }
  if (done.length > 0) rules.push({ formula: all([anyOf(done)], "完成"), ...MUTED, stopIfTrue: true });
  return rules;
}

/** A node is overdue when its due date is past and less than its amount came in. */
function nodeOverdue(
  l: Layout,
  n: { dueDate?: LayoutColumn; dueAmount?: LayoutColumn; receivedAmount?: LayoutColumn },
) {
  const { past, amount } = refs(l);
  if (!n.dueDate || !n.dueAmount) return undefined;
  return [...past(n.dueDate), `${amount(n.receivedAmount)}<${amount(n.dueAmount)}`];
}

function contractRules(l: Layout, days: number): ConditionalRule[] {
  const { ref, amount, past, soon, blank, filled } = refs(l);
  const { deliveryDate, completionDate, status } = l.fields;
  const open = completionDate ? [blank(completionDate)] : [];
  const rules: ConditionalRule[] = [];
  // One rule per cause keeps each formula short (Excel's editor stops at 255 characters).
  if (deliveryDate)
    rules.push({ formula: all([...past(deliveryDate), ...open], "交货逾期"), ...RED, stopIfTrue: true });
  const single = nodeOverdue(l, l.fields);
  if (single) rules.push({ formula: all(single, "收款逾期"), ...RED, stopIfTrue: true });
  for (const g of l.groups) {
    const terms = nodeOverdue(l, g.fields);
    if (terms) rules.push({ formula: all(terms, `收款逾期${g.n}`), ...RED, stopIfTrue: true });
  }
  if (deliveryDate) {
    rules.push({ formula: all([...soon(deliveryDate, days), ...open], "临近"), ...AMBER, stopIfTrue: true });
  }
  const received = [l.fields.receivedAmount, ...l.groups.map((g) => g.fields.receivedAmount)].filter(
    (c): c is LayoutColumn => c !== undefined,
  );
  const done: string[] = [];
  if (status) done.push(`${ref(status)}="已完成"`);
  if (completionDate && l.fields.amount && received.length > 0) {
    const total = received.map((c) => amount(c)).join("+");
    done.push(
      `AND(${filled(completionDate)},${amount(l.fields.amount)}>0,${total}>=${amount(l.fields.amount)})`,
    );
  }
  if (done.length > 0) rules.push({ formula: all([anyOf(done)], "完成"), ...MUTED, stopIfTrue: true });
  return rules;
}

function paymentRules(l: Layout, days: number): ConditionalRule[] {
  const { amount, soon } = refs(l);
  const { dueDate, dueAmount, receivedAmount } = l.fields;
  if (!dueDate || !dueAmount) return [];
  const short = `${amount(receivedAmount)}<${amount(dueAmount)}`;
  const rules: ConditionalRule[] = [
    { formula: all(nodeOverdue(l, l.fields) ?? [], "收款逾期"), ...RED, stopIfTrue: true },
    { formula: all([...soon(dueDate, days), short], "临近"), ...AMBER, stopIfTrue: true },
  ];
  if (receivedAmount) {
    rules.push({
      formula: all([`${amount(dueAmount)}>0`, `${amount(receivedAmount)}>=${amount(dueAmount)}`], "完成"),
      ...MUTED,
      stopIfTrue: true,
    });
  }
  return rules;
}

/**
 * 实施文档台账 rows: red while a §2.4.1 hand-off is past its deadline and not done (the step
 * before it dated, its own cell and every later step's empty), muted once the document is filed.
 * WORKDAY counts Monday to Friday: a live colour has no 调休 calendar, the check's findings do.
 */
function documentRules(l: Layout, _days: number, settings: Settings): ConditionalRule[] {
  const { ref, blank, filled } = refs(l);
  const rules: ConditionalRule[] = [];
  DOCUMENT_DEADLINES.forEach((d, i) => {
    const from = l.fields[d.from];
    const to = l.fields[d.to];
    if (!from || !to) return;
    const later = DOCUMENT_CHAIN.slice(DOCUMENT_CHAIN.indexOf(d.to) + 1)
      .map((f) => l.fields[f])
      .filter((c): c is LayoutColumn => c !== undefined);
    const terms = [
      `ISNUMBER(${ref(from)})`,
      blank(to),
      ...(later.length > 0 ? [`COUNT(${later.map(ref).join(",")})=0`] : []),
      `WORKDAY(${ref(from)},${settings[d.days]})<TODAY()`,
    ];
    rules.push({ formula: all(terms, `文档逾期${i + 1}`), ...RED, stopIfTrue: true });
  });
  const filed = l.fields.filedDate;
  if (filed) rules.push({ formula: all([filled(filed)], "完成"), ...MUTED, stopIfTrue: true });
  return rules;
}

/**
 * 状态 words that close a risk or an issue (the rules' CLOSED, as a formula): the cell starts with
 * one of them. Excel's `=` ignores case, so `closed` covers Closed.
 */
const CLOSED_WORDS = ["关闭", "已关", "已解", "已处", "完成", "已完", "closed", "resolved"];

function closed(ref: string): string {
  return `OR(${CLOSED_WORDS.map((w) => `LEFT(${ref},${w.length})="${w}"`).join(",")})`;
}

/** 风险等级 words that rate a risk high (the rules' HIGH). */
const HIGH_WORDS = ["高", "较高", "很高", "极高", "重大", "严重", "high"];

/**
 * 风险登记 rows: grey once closed (first, so the rules after it need not ask again); red while past
 * its 应对期限 or rated high with no 应对措施; amber once its last review is older than 风险评审周期天数.
 */
function riskRules(l: Layout, _days: number, settings: Settings): ConditionalRule[] {
  const { ref, past, blank } = refs(l);
  const { responseDue, response, level, reviewDate, status } = l.fields;
  const rules: ConditionalRule[] = [];
  if (status) rules.push({ formula: all([closed(ref(status))], "完成"), ...MUTED, stopIfTrue: true });
  if (responseDue) rules.push({ formula: all(past(responseDue), "风险逾期"), ...RED, stopIfTrue: true });
  if (level && response) {
    const high = `OR(${HIGH_WORDS.map((w) => `LEFT(${ref(level)},${w.length})="${w}"`).join(",")})`;
    rules.push({ formula: all([high, blank(response)], "高风险"), ...RED, stopIfTrue: true });
  }
  if (reviewDate) {
    const late = [`ISNUMBER(${ref(reviewDate)})`, `${ref(reviewDate)}+${settings.riskReviewDays}<TODAY()`];
    rules.push({ formula: all(late, "风险评审"), ...AMBER, stopIfTrue: true });
  }
  return rules;
}

/** 问题清单 rows: grey once solved or closed, else red while past its 计划解决日期. */
function issueRules(l: Layout): ConditionalRule[] {
  const { ref, past, filled } = refs(l);
  const { issueDue, resolvedDate, status } = l.fields;
  const done = [...(resolvedDate ? [filled(resolvedDate)] : []), ...(status ? [closed(ref(status))] : [])];
  const rules: ConditionalRule[] = [];
  if (done.length > 0) rules.push({ formula: all([anyOf(done)], "完成"), ...MUTED, stopIfTrue: true });
  if (issueDue) rules.push({ formula: all(past(issueDue), "问题逾期"), ...RED, stopIfTrue: true });
  return rules;
}

/**
 * 变更申请 rows: red while a request waits for its decision past 变更审批工作日数 working days
 * (WORKDAY: Monday to Friday, as for the 实施文档台账), grey once decided (批准日期 or 审批结果 filled).
 */
function changeRules(l: Layout, _days: number, settings: Settings): ConditionalRule[] {
  const { ref, blank, filled } = refs(l);
  const { requestDate, approvalDate, result } = l.fields;
  const decision = [approvalDate, result].filter((c): c is LayoutColumn => c !== undefined);
  if (decision.length === 0) return [];
  const rules: ConditionalRule[] = [];
  if (requestDate) {
    const terms = [
      `ISNUMBER(${ref(requestDate)})`,
      ...decision.map(blank),
      `WORKDAY(${ref(requestDate)},${settings.changeApprovalWorkdays})<TODAY()`,
    ];
    rules.push({ formula: all(terms, "变更逾期"), ...RED, stopIfTrue: true });
  }
  rules.push({ formula: all([anyOf(decision.map(filled))], "完成"), ...MUTED, stopIfTrue: true });
  return rules;
}

/** Each kind's row colours; a kind without an entry is not coloured. */
const BY_KIND: Partial<Record<Kind, (l: Layout, days: number, settings: Settings) => ConditionalRule[]>> = {
  schedule: scheduleRules,
  contracts: contractRules,
  payments: paymentRules,
  documents: documentRules,
  risks: riskRules,
  issues: issueRules,
  changes: changeRules,
};

/** The row-colour rules of a table, whole rows from its first to its last column. */
export function highlightRules(
  l: Layout,
  dueSoonDays: number,
  settings: Settings = DEFAULT_SETTINGS,
): ConditionalRule[] {
  if (l.lastRow < l.firstRow) return [];
  return BY_KIND[l.kind]?.(l, dueSoonDays, settings) ?? [];
}

export function highlightOps(
  layouts: Layout[],
  dueSoonDays: number,
  settings: Settings = DEFAULT_SETTINGS,
): PatchOp[] {
  const ops: PatchOp[] = [];
  for (const l of layouts) {
    const rules = highlightRules(l, dueSoonDays, settings);
    if (rules.length === 0) continue;
    const range: Range = { r1: l.firstRow, c1: l.firstCol, r2: l.lastRow, c2: l.lastCol };
    ops.push({ op: "addConditionalFormats", sheet: l.sheet, ranges: [range], rules });
  }
  return ops;
}

/** Critical tasks: bold dark red on the task's name, with no fill so the row's own colour shows. */
const CRITICAL = { fontColor: "C00000", bold: true };

/**
 * The critical path on a schedule: one rule per table, over the task cells of the rows the last
 * check found critical (few ranges: runs of rows are joined), so the rule count does not grow
 * with the tasks. The formula keeps it true as the sheet changes without the add-in: a critical
 * task that is then done (实际完成 filled, or 100%) loses the mark at once; which tasks are
 * critical is decided again at the next check or apply (边改边校验 in Excel).
 */
export function criticalOps(layouts: Layout[], rows: readonly number[]): PatchOp[] {
  const ops: PatchOp[] = [];
  for (const l of layouts) {
    if (l.kind !== "schedule") continue;
    const mine = [...new Set(rows.filter((r) => r >= l.firstRow && r <= l.lastRow))].sort((a, b) => a - b);
    if (mine.length === 0) continue;
    const col = (l.fields.task ?? l.fields.wbs ?? l.fields.taskId)?.col ?? l.firstCol;
    // Relative to the first range's top row, the smallest: Excel and LibreOffice read it alike.
    const { ref, blank } = refs({ ...l, firstRow: mine[0] });
    const { actualEnd, progress } = l.fields;
    const notDone = [
      ...(actualEnd ? [blank(actualEnd)] : []),
      ...(progress ? [`N(${ref(progress)})<${l.fractions ? "1" : "100"}`] : []),
    ];
    const formula = notDone.length > 0 ? all(notDone, "关键") : tag("关键");
    ops.push({
      op: "addConditionalFormats",
      sheet: l.sheet,
      ranges: mergeCells(mine.map((r) => ({ r, c: col }))),
      rules: [{ formula, ...CRITICAL }],
    });
  }
  return ops;
}

/** The always-true mark rule: a red border and light red fill over the cells with errors. */
export const MARK_RULE: ConditionalRule = { formula: tag("标记"), ...MARK };

/**
 * Cells → few ranges: vertical runs per column, then runs side by side with the same rows
 * joined, so a block of bad cells is one range.
 */
export function mergeCells(cells: Array<{ r: number; c: number }>): Range[] {
  const byCol = new Map<number, number[]>();
  for (const { r, c } of cells) {
    const rows = byCol.get(c) ?? [];
    rows.push(r);
    byCol.set(c, rows);
  }
  const runs: Range[] = [];
  for (const c of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(c))].sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      runs.push({ r1: start, c1: c, r2: rows[i - 1], c2: c });
      start = rows[i];
    }
  }
  const out: Range[] = [];
  const open = new Map<string, Range>();
  for (const run of runs) {
    const key = `${run.r1}:${run.r2}`;
    const prev = open.get(key);
    if (prev && prev.c2 === run.c1 - 1) prev.c2 = run.c2;
    else {
      const r = { ...run };
      out.push(r);
      open.set(key, r);
    }
  }
  return out.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
}

/** One mark op per sheet, in sheet order. */
export function markOps(marks: Map<string, Array<{ r: number; c: number }>>): PatchOp[] {
  const ops: PatchOp[] = [];
  for (const [sheet, cells] of marks) {
    if (cells.length === 0) continue;
    ops.push({ op: "addConditionalFormats", sheet, ranges: mergeCells(cells), rules: [MARK_RULE] });
  }
  return ops;
}
