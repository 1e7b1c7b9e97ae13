/** Rules on the 进度计划表: deadlines, progress, predecessors, plan changes, signatures (SPEC §5). */

import { addDays, diffDays } from "../dates";
import {
  boolOf,
  dateOf,
  isEmpty,
  linksOf,
  listOf,
  numOf,
  textOf,
  type TypedRow,
  type TypedTable,
} from "../rows";
import { cellAt } from "../snapshot";
import { formatLink, type Link } from "../schedule/links";
import { findingAt, isTerminated, subjectArgs, type RuleContext, type TableRule } from "./context";
import { isMilestone, summariesReachingPast } from "./critical";

/**
 * A task is done when it has an actual end (even an unreadable one: someone wrote
 * something there, and cell.date-invalid already reports it) or is at 100%.
 */
export function isTaskDone(row: TypedRow): boolean {
  return !isEmpty(row.fields.actualEnd) || (progressOf(row) ?? 0) >= 100;
}

/** 完成率 in percent; undefined when blank, unreadable or outside 0–100 (cell.percent-range reports that). */
function progressOf(row: TypedRow): number | undefined {
  const p = numOf(row.fields.progress);
  return p !== undefined && p >= 0 && p <= 100 ? p : undefined;
}

/**
 * The rows that are tasks of their own: summary tasks carry dates and progress
 * rolled up from their subtasks, so judging them too would repeat (or, when the
 * roll-up is stale, contradict) what the subtasks say.
 */
export function taskRows(table: TypedTable): readonly TypedRow[] {
  // Ten rules ask per table; the answer is the same each time.
  let rows = TASK_ROWS.get(table);
  if (!rows) TASK_ROWS.set(table, (rows = table.rows.filter((r) => !r.summary)));
  return rows;
}

const TASK_ROWS = new WeakMap<TypedTable, readonly TypedRow[]>();

/**
 * The rows the deadline and contract-delivery rules judge: the tasks, and the summaries whose own
 * planned end reaches past all their subtasks' (a date only the summary row promises).
 */
export function deadlineRows(table: TypedTable): readonly TypedRow[] {
  let rows = DEADLINE_ROWS.get(table);
  if (!rows) {
    const extra = new Set(summariesReachingPast(table));
    rows = extra.size === 0 ? taskRows(table) : table.rows.filter((r) => !r.summary || extra.has(r));
    DEADLINE_ROWS.set(table, rows);
  }
  return rows;
}

const DEADLINE_ROWS = new WeakMap<TypedTable, readonly TypedRow[]>();

/**
 * `part` holds some of `table`'s rows (live validation judges the rows an edit reached): it
 * judges them as `table` does, a summary by its subtasks in `table` rather than in `part`.
 */
export function judgeAsPartOf(part: TypedTable, table: TypedTable): void {
  // part's rows are in table's order: filtering them keeps deadlineRows' order, at the cost of the part.
  let judged = JUDGED.get(table);
  if (!judged) JUDGED.set(table, (judged = new Set(deadlineRows(table))));
  const set = judged;
  DEADLINE_ROWS.set(
    part,
    part.rows.filter((r) => set.has(r)),
  );
}

const JUDGED = new WeakMap<TypedTable, ReadonlySet<TypedRow>>();

/**
 * What the overdue and due-soon rules need: 计划完成, and 实际完成 or 完成率 to tell a task is done.
 * Without either, nothing can say a task is done and every past task would be flagged.
 */
const END_AND_DONE: TableRule["needs"] = {
  schedule: [
    ["planEnd", "actualEnd"],
    ["planEnd", "progress"],
  ],
};

export const scheduleOverdue: TableRule = {
  id: "schedule.overdue",
  severity: "error",
  source: "§1.2",
  scope: "table",
  needs: END_AND_DONE,
  check(ctx, table) {
    for (const row of deadlineRows(table)) {
      const end = dateOf(row.fields.planEnd);
      // A missed 里程碑 is schedule.milestone-missed's error, not a second one here.
      if (end === undefined || end >= ctx.asOf || isTaskDone(row) || isMilestone(row)) continue;
      ctx.report(
        findingAt("schedule.overdue", row, row.fields.planEnd, {
          ...subjectArgs(row),
          planEnd: end,
          asOf: ctx.asOf,
          days: diffDays(end, ctx.asOf),
        }),
      );
    }
  },
};

export const scheduleDueSoon: TableRule = {
  id: "schedule.due-soon",
  severity: "warning",
  scope: "table",
  needs: END_AND_DONE,
  check(ctx, table) {
    const n = ctx.settings.dueSoonWorkdays;
    const horizon = ctx.calendar.addWorkdays(ctx.asOf, n);
    for (const row of deadlineRows(table)) {
      const end = dateOf(row.fields.planEnd);
      if (end === undefined || end < ctx.asOf || end > horizon || isTaskDone(row)) continue;
      ctx.report(
        findingAt("schedule.due-soon", row, row.fields.planEnd, {
          ...subjectArgs(row),
          planEnd: end,
          n,
          workdays: ctx.calendar.workdaysBetween(ctx.asOf, end),
        }),
      );
    }
  },
};

export const scheduleStartLate: TableRule = {
  id: "schedule.start-late",
  severity: "warning",
  scope: "table",
  needs: { schedule: [["planStart", "actualStart"]] },
  check(ctx, table) {
    for (const row of taskRows(table)) {
      const start = dateOf(row.fields.planStart);
      if (start === undefined || start >= ctx.asOf || !isEmpty(row.fields.actualStart) || isTaskDone(row))
        continue;
      ctx.report(
        findingAt("schedule.start-late", row, row.fields.actualStart, {
          ...subjectArgs(row),
          planStart: start,
          days: diffDays(start, ctx.asOf),
        }),
      );
    }
  },
};

export const scheduleFinishedLate: TableRule = {
  id: "schedule.finished-late",
  severity: "info",
  scope: "table",
  needs: { schedule: [["planEnd", "actualEnd"]] },
  check(ctx, table) {
    for (const row of taskRows(table)) {
      const plan = dateOf(row.fields.planEnd);
      const actual = dateOf(row.fields.actualEnd);
      if (plan === undefined || actual === undefined || actual <= plan) continue;
      ctx.report(
        findingAt("schedule.finished-late", row, row.fields.actualEnd, {
          ...subjectArgs(row),
          planEnd: plan,
          actualEnd: actual,
          days: diffDays(plan, actual),
        }),
      );
    }
  },
};

export const scheduleProgressMismatch: TableRule = {
  id: "schedule.progress-mismatch",
  severity: "warning",
  scope: "table",
  needs: { schedule: [["actualEnd", "progress"]] },
  check(ctx, table) {
    for (const row of taskRows(table)) {
      const actual = dateOf(row.fields.actualEnd);
      const p = progressOf(row);
      // A blank 完成率 beside an actual end is left alone: many sheets only fill one of the two.
      if (actual !== undefined && p !== undefined && p < 100) {
        ctx.report(
          findingAt("schedule.progress-mismatch", row, row.fields.progress, {
            ...subjectArgs(row),
            actualEnd: actual,
            percent: p,
          }),
        );
      } else if (p !== undefined && p >= 100 && isEmpty(row.fields.actualEnd)) {
        ctx.report(
          findingAt("schedule.progress-mismatch", row, row.fields.actualEnd, {
            ...subjectArgs(row),
            percent: p,
          }),
        );
      }
    }
  },
};

/** wbs → first row with it; later duplicates are row.duplicate-key's business. */
/**
 * Rows by the code predecessors are written in: the 标识号 of an MS Project export when the table
 * has one (its 前置任务 name rows by that number, not by the outline's WBS), else the WBS.
 */
function rowsByWbs(table: TypedTable): ReadonlyMap<string, TypedRow> {
  // Three predecessor rules ask per table; the answer is the same each time.
  let known = ROWS_BY_CODE.get(table);
  if (known) return known;
  const map = new Map<string, TypedRow>();
  const key = table.fields.has("taskId") ? "taskId" : "wbs";
  for (const row of table.rows) {
    const w = textOf(row.fields[key]);
    if (w !== undefined && !map.has(w)) map.set(w, row);
  }
  ROWS_BY_CODE.set(table, (known = map));
  return known;
}

const ROWS_BY_CODE = new WeakMap<TypedTable, ReadonlyMap<string, TypedRow>>();

export const schedulePredecessorMissing: TableRule = {
  id: "schedule.predecessor-missing",
  severity: "error",
  source: "关键路径",
  scope: "table",
  needs: {
    schedule: [
      ["wbs", "predecessors"],
      ["taskId", "predecessors"],
    ],
  },
  check(ctx, table) {
    const byWbs = rowsByWbs(table);
    for (const row of table.rows) {
      for (const p of listOf(row.fields.predecessors) ?? []) {
        if (byWbs.has(p)) continue;
        ctx.report(
          findingAt("schedule.predecessor-missing", row, row.fields.predecessors, {
            ...subjectArgs(row),
            predecessor: p,
          }),
        );
      }
    }
  },
};

/**
 * Strongly connected components (Tarjan, iterative so 60k-task chains do not blow
 * the stack). Each component with more than one task, or a task naming itself,
 * holds at least one cycle.
 */
function cyclicComponents(nodes: string[], edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ v: string; i: number }> = [{ v: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const next = edges.get(top.v) ?? [];
      if (top.i < next.length) {
        const w = next[top.i++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(top.v, Math.min(low.get(top.v) ?? 0, index.get(w) ?? 0));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].v;
        low.set(parent, Math.min(low.get(parent) ?? 0, low.get(top.v) ?? 0));
      }
      if (low.get(top.v) === index.get(top.v)) {
        const comp: string[] = [];
        let w: string | undefined;
        do {
          w = stack.pop();
          if (w === undefined) break;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.v);
        if (comp.length > 1 || (edges.get(top.v) ?? []).includes(top.v)) out.push(comp);
      }
    }
  }
  return out;
}

/** One concrete cycle inside a component: walk its edges from `start` until a task repeats. */
function cycleIn(start: string, comp: Set<string>, edges: Map<string, string[]>): string[] {
  const path: string[] = [];
  const pos = new Map<string, number>();
  let v = start;
  while (!pos.has(v)) {
    pos.set(v, path.length);
    path.push(v);
    v = (edges.get(v) ?? []).find((w) => comp.has(w)) ?? start;
  }
  const cycle = path.slice(pos.get(v));
  return [...cycle, v];
}

export const schedulePredecessorCycle: TableRule = {
  id: "schedule.predecessor-cycle",
  severity: "error",
  source: "关键路径",
  scope: "table",
  needs: {
    schedule: [
      ["wbs", "predecessors"],
      ["taskId", "predecessors"],
    ],
  },
  check(ctx, table) {
    const byWbs = rowsByWbs(table);
    const edges = new Map<string, string[]>();
    for (const [w, row] of byWbs) {
      edges.set(
        w,
        (listOf(row.fields.predecessors) ?? []).filter((p) => byWbs.has(p)),
      );
    }
    for (const comp of cyclicComponents([...byWbs.keys()], edges)) {
      // Report on the component's topmost row so the finding is stable across runs.
      const start = comp.reduce((a, b) => ((byWbs.get(a)?.row ?? 0) <= (byWbs.get(b)?.row ?? 0) ? a : b));
      const cycle = cycleIn(start, new Set(comp), edges);
      const row = byWbs.get(start);
      if (!row) continue;
      ctx.report(
        findingAt("schedule.predecessor-cycle", row, row.fields.predecessors, {
          ...subjectArgs(row),
          cycle: cycle.join(" → "),
        }),
      );
    }
  },
};

export const schedulePredecessorOrder: TableRule = {
  id: "schedule.predecessor-order",
  severity: "warning",
  scope: "table",
  needs: {
    schedule: [
      ["wbs", "predecessors", "planStart", "planEnd"],
      ["taskId", "predecessors", "planStart", "planEnd"],
    ],
  },
  check(ctx, table) {
    const byWbs = rowsByWbs(table);
    const only = ctx.only;
    for (const row of table.rows) {
      if (only && !only.has(row.row)) continue;
      const start = dateOf(row.fields.planStart);
      const end = dateOf(row.fields.planEnd);
      for (const link of linksOf(row.fields.predecessors)) {
        const p = link.predecessor;
        const pred = byWbs.get(p);
        if (pred === undefined || pred === row) continue;
        const predEnd = dateOf(pred.fields.planEnd);
        // FS without lag, as most sheets write it: the same day counts as in order (a planner
        // writing 12-11 after a task ending 12-11 means the day after, or the same afternoon).
        if (link.type === "FS" && link.lag === 0) {
          if (start === undefined || predEnd === undefined || start >= predEnd) continue;
          ctx.report(
            findingAt("schedule.predecessor-order", row, row.fields.planStart, {
              ...subjectArgs(row),
              planStart: start,
              predecessor: p,
              predecessorEnd: predEnd,
            }),
          );
          continue;
        }
        const fromFinish = link.type === "FS" || link.type === "FF";
        const toStart = link.type === "FS" || link.type === "SS";
        const from = fromFinish ? predEnd : dateOf(pred.fields.planStart);
        const own = toStart ? start : end;
        if (from === undefined || own === undefined) continue;
        const earliest = shiftByLag(ctx, from, link);
        if (earliest === undefined || own >= earliest) continue;
        ctx.report(
          findingAt("schedule.predecessor-order", row, toStart ? row.fields.planStart : row.fields.planEnd, {
            ...subjectArgs(row),
            [toStart ? "planStart" : "planEnd"]: own,
            predecessor: p,
            link: formatLink(link),
            earliest,
          }),
        );
      }
    }
  },
  // A row is judged by its own dates and its predecessors': an edit reaches the edited rows and
  // the rows naming one of them as predecessor, unless it changed which row a code names.
  reach({ after, rows, fields }) {
    if (fields.has("wbs") || fields.has("taskId") || fields.has("predecessors")) return undefined;
    const key = after.fields.has("taskId") ? "taskId" : "wbs";
    const codes = new Set<string>();
    for (const r of after.rows) {
      const code = rows.has(r.row) ? textOf(r.fields[key]) : undefined;
      if (code !== undefined) codes.add(code);
    }
    const out = new Set(rows);
    if (codes.size > 0)
      for (const r of after.rows)
        if (linksOf(r.fields.predecessors).some((l) => codes.has(l.predecessor))) out.add(r.row);
    return out;
  },
};

/**
 * The earliest date a link allows: the predecessor's date moved by the lag, in working days on the
 * calendar (调休 included) unless the lag is in calendar days, as MS Project counts it (cpm.ts).
 * Undefined when the lag leaves the calendar's range.
 */
function shiftByLag(ctx: RuleContext, from: string, link: Link): string | undefined {
  // FS+2: two days between the predecessor's finish and the start, so the start is on the 3rd day
  // after; SF+0: the finish may be the day before the predecessor starts; SS and FF: the lag itself.
  const n = link.type === "FS" ? link.lag + 1 : link.type === "SF" ? link.lag - 1 : link.lag;
  try {
    if (link.lagUnit === "calendarDay") return addDays(from, n);
    return n === 0 ? from : ctx.calendar.addWorkdays(from, n);
  } catch {
    return undefined;
  }
}

/** planEnd moved away from the baseline: a plan change under §1.2.2. */
export function planChange(row: TypedRow): { baselineEnd: string; planEnd: string } | undefined {
  const baselineEnd = dateOf(row.fields.baselineEnd);
  const planEnd = dateOf(row.fields.planEnd);
  if (baselineEnd === undefined || planEnd === undefined || baselineEnd === planEnd) return undefined;
  return { baselineEnd, planEnd };
}

export const scheduleChangeUnnotified: TableRule = {
  id: "schedule.change-unnotified",
  severity: "error",
  source: "§1.2.2",
  scope: "table",
  needs: { schedule: [["planEnd", "baselineEnd", "changeNoticeDate"]] },
  check(ctx, table) {
    const days = ctx.settings.changeNoticeDays;
    for (const row of taskRows(table)) {
      const change = planChange(row);
      const fc = row.fields.changeNoticeDate;
      if (!change) continue;
      const deadline = addDays(change.baselineEnd, -days);
      const noticed = dateOf(fc);
      // An unreadable notice date is cell.date-invalid's finding, not this one's.
      if (noticed === undefined ? !isEmpty(fc) : noticed <= deadline) continue;
      const args = { ...subjectArgs(row), ...change, deadline, n: days };
      ctx.report(
        findingAt(
          "schedule.change-unnotified",
          row,
          fc,
          noticed === undefined ? args : { ...args, noticeDate: noticed },
        ),
      );
    }
  },
};

export const scheduleChangeNotFiled: TableRule = {
  id: "schedule.change-not-filed",
  severity: "warning",
  source: "§1.2.2",
  scope: "table",
  needs: { schedule: [["planEnd", "baselineEnd", "financeFiled"]] },
  check(ctx, table) {
    for (const row of taskRows(table)) {
      const change = planChange(row);
      const fc = row.fields.financeFiled;
      if (!change || boolOf(fc) === true) continue;
      ctx.report(findingAt("schedule.change-not-filed", row, fc, { ...subjectArgs(row), ...change }));
    }
  },
};

export const scheduleBeyondContract: TableRule = {
  id: "schedule.beyond-contract",
  severity: "error",
  source: "§2.4.1",
  scope: "table",
  needs: {
    schedule: [
      ["contractNo", "planEnd"],
      ["contractNo", "actualEnd"],
    ],
  },
  when: (ctx) => ctx.hasContracts,
  check(ctx, table) {
    for (const row of deadlineRows(table)) {
      const task = beyondContract(ctx, row);
      if (!task) continue;
      ctx.report(
        findingAt("schedule.beyond-contract", row, task.endCell, {
          ...subjectArgs(row),
          contractNo: task.contractNo,
          end: task.end,
          deliveryDate: task.deliveryDate,
          days: diffDays(task.deliveryDate, task.end),
        }),
      );
    }
  },
};

/**
 * The task's end (actual when known, else planned) against its contract's
 * 约定交货期. A 备忘录日期 on the contract means the delay was agreed (§2.4.1);
 * a contracts table without that column counts as "no memo".
 */
export function beyondContract(ctx: Pick<RuleContext, "contracts">, row: TypedRow) {
  const contractNo = textOf(row.fields.contractNo);
  const contract = contractNo === undefined ? undefined : ctx.contracts.get(contractNo);
  if (contractNo === undefined || !contract || isTerminated(contract) || !isEmpty(contract.fields.memoDate)) {
    return undefined;
  }
  const deliveryDate = dateOf(contract.fields.deliveryDate);
  const actual = dateOf(row.fields.actualEnd);
  const end = actual ?? (isEmpty(row.fields.actualEnd) ? dateOf(row.fields.planEnd) : undefined);
  if (deliveryDate === undefined || end === undefined || end <= deliveryDate) return undefined;
  return {
    contractNo,
    contract,
    deliveryDate,
    end,
    endCell: actual !== undefined ? row.fields.actualEnd : row.fields.planEnd,
  };
}

/** Label cells of a signature block: 签字 / 签章 / 盖章. */
const SIGN_LABEL = /签字|签章|盖章|签名/;
const SIDE_A = /甲方|客户|委托方|发包/;
const SIDE_B = /乙方|我方|承包|项目方|服务方/;

export const scheduleUnsigned: TableRule = {
  id: "schedule.unsigned",
  severity: "warning",
  source: "§2.3.5",
  scope: "table",
  needs: { schedule: [[]] },
  check(ctx, table) {
    // One finding per sheet, on the first schedule table of that sheet.
    const first = ctx.tables.find((t) => t.kind === "schedule" && t.sheet === table.sheet);
    if (first !== table) return;
    const sheet = ctx.wb.sheets[table.sheetIndex];
    const signed = { a: false, b: false, unsided: 0 };
    let labels = 0;
    sheet.rows.forEach((cells, ri) => {
      cells?.forEach((cell, ci) => {
        const text = typeof cell?.value === "string" ? cell.value : "";
        // A label has its colon (甲方负责人（签字）：); a task named 客户签字确认 is not one.
        if (!SIGN_LABEL.test(text) || !/[:：]/.test(text)) return;
        labels++;
        if (!signatureFilled(text, (dc) => cellAt(sheet, ri + 1, ci + 1 + dc)?.value)) return;
        if (SIDE_A.test(text)) signed.a = true;
        else if (SIDE_B.test(text)) signed.b = true;
        else signed.unsided++;
      });
    });
    const both = (signed.a && signed.b) || (signed.a || signed.b ? signed.unsided >= 1 : signed.unsided >= 2);
    if (both) return;
    ctx.report({ rule: "schedule.unsigned", sheet: table.sheet, args: { labels } });
  },
  // Labels are text, and a label reads the cells to its right on its own row: an edit that typed
  // or cleared no text, on rows without a label, changes nothing.
  reach({ after, cells, now }) {
    const sheet = now.wb.sheets[after.sheetIndex];
    for (const c of cells) {
      if (typeof c.before === "string" || typeof c.after === "string") return undefined;
      for (const cell of sheet.rows[c.row - 1] ?? [])
        if (typeof cell?.value === "string" && SIGN_LABEL.test(cell.value)) return undefined;
    }
    return new Set();
  },
};

/**
 * A label is filled when text follows its colon in the same cell
 * (甲方负责人（签字）：张三) or one of the next three cells on its row holds a
 * value that is not itself a label.
 */
function signatureFilled(label: string, right: (dc: number) => unknown): boolean {
  const after = label.split(/[:：]/).slice(1).join("").trim();
  if (after !== "" && !SIGN_LABEL.test(after)) return true;
  for (let dc = 1; dc <= 3; dc++) {
    const v = right(dc);
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) continue;
    return !(typeof v === "string" && (SIGN_LABEL.test(v) || /[:：]\s*$/.test(v)));
  }
  return false;
}
