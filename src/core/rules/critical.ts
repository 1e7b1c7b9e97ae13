/**
 * Rules that see the schedule as a network (issue: critical path, roll-ups, milestones): the
 * critical path on the 调休 calendar (schedule/cpm.ts), summary rows against their subtasks, and
 * 里程碑 rows. The network of a table is built once per check and shared by the rules and by the
 * pane's and the highlight's view of the critical path (criticalView).
 */

import { diffDays, type IsoDate } from "../dates";
import { boolOf, dateOf, isEmpty, linksOf, numOf, textOf, type TypedRow, type TypedTable } from "../rows";
import {
  cpmGraph,
  criticalPath,
  type CpmGraph,
  type CpmResult,
  type CpmTask,
  type CpmTaskResult,
} from "../schedule/cpm";
import type { Link } from "../schedule/links";
import type { Finding } from "../findings";
import {
  findingAt,
  isTerminated,
  subjectArgs,
  type RuleContext,
  type TableRule,
  type Workdays,
} from "./context";
import { isTaskDone } from "./schedule";

// ── Summary rows and their subtasks ──

/** WBS code of a row, when it has one. */
function wbsOf(row: TypedRow): string | undefined {
  return textOf(row.fields.wbs);
}

/** The WBS codes a code sits under: 1.2.3 → 1, 1.2. */
function ancestorsOf(code: string): string[] {
  const out: string[] = [];
  for (let i = code.indexOf("."); i >= 0; i = code.indexOf(".", i + 1)) out.push(code.slice(0, i));
  return out;
}

/** Each summary row → the task rows (not summaries) under it, at any depth, in sheet order. */
export function subtasksOf(table: TypedTable): ReadonlyMap<TypedRow, readonly TypedRow[]> {
  let map = SUBTASKS.get(table);
  if (map) return map;
  const built = new Map<TypedRow, TypedRow[]>();
  map = built;
  const summaries = new Map<string, TypedRow>();
  for (const row of table.rows) {
    const w = wbsOf(row);
    if (row.summary && w !== undefined && !summaries.has(w)) summaries.set(w, row);
  }
  for (const row of table.rows) {
    const w = wbsOf(row);
    if (row.summary || w === undefined) continue;
    for (const a of ancestorsOf(w)) {
      const s = summaries.get(a);
      if (!s) continue;
      const list = built.get(s);
      if (list) list.push(row);
      else built.set(s, [row]);
    }
  }
  SUBTASKS.set(table, map);
  return map;
}

const SUBTASKS = new WeakMap<TypedTable, ReadonlyMap<TypedRow, readonly TypedRow[]>>();

/** The planned span of a summary's subtasks: earliest start and latest end among those that have them. */
function spanOf(subtasks: readonly TypedRow[]): { start?: IsoDate; end?: IsoDate } {
  let start: IsoDate | undefined;
  let end: IsoDate | undefined;
  for (const r of subtasks) {
    const s = dateOf(r.fields.planStart);
    const e = dateOf(r.fields.planEnd);
    if (s !== undefined && (start === undefined || s < start)) start = s;
    if (e !== undefined && (end === undefined || e > end)) end = e;
  }
  return { start, end };
}

/**
 * Summary rows whose own planned end reaches past every subtask's: that end is a promise no
 * subtask carries, so the deadline and contract-delivery rules judge it as they judge a task.
 */
export function summariesReachingPast(table: TypedTable): readonly TypedRow[] {
  const out: TypedRow[] = [];
  for (const [summary, subtasks] of subtasksOf(table)) {
    const own = dateOf(summary.fields.planEnd);
    const { end } = spanOf(subtasks);
    if (own !== undefined && end !== undefined && own > end) out.push(summary);
  }
  return out;
}

export const scheduleSummaryDates: TableRule = {
  id: "schedule.summary-dates",
  severity: "warning",
  source: "项目计划",
  scope: "table",
  needs: { schedule: [["wbs", "planStart", "planEnd"]] },
  check(ctx, table) {
    for (const [summary, subtasks] of subtasksOf(table)) {
      const start = dateOf(summary.fields.planStart);
      const end = dateOf(summary.fields.planEnd);
      const span = spanOf(subtasks);
      if (span.start === undefined || span.end === undefined) continue;
      const endOff = end !== undefined && end !== span.end;
      const startOff = start !== undefined && start !== span.start;
      if (!endOff && !startOff) continue;
      ctx.report(
        findingAt(
          "schedule.summary-dates",
          summary,
          endOff ? summary.fields.planEnd : summary.fields.planStart,
          {
            ...subjectArgs(summary),
            planStart: start ?? "",
            planEnd: end ?? "",
            spanStart: span.start,
            spanEnd: span.end,
            subtasks: subtasks.length,
          },
        ),
      );
    }
  },
};

export const scheduleSummaryProgress: TableRule = {
  id: "schedule.summary-progress",
  severity: "warning",
  source: "项目计划",
  scope: "table",
  needs: {
    schedule: [
      ["wbs", "progress"],
      ["wbs", "actualEnd"],
    ],
  },
  check(ctx, table) {
    for (const [summary, subtasks] of subtasksOf(table)) {
      if (!isTaskDone(summary)) continue;
      const open = subtasks.filter((r) => !isTaskDone(r));
      if (open.length === 0) continue;
      const first = open[0];
      const fc = isEmpty(summary.fields.progress) ? summary.fields.actualEnd : summary.fields.progress;
      ctx.report(
        findingAt("schedule.summary-progress", summary, fc, {
          ...subjectArgs(summary),
          open: open.length,
          openTask: [wbsOf(first), textOf(first.fields.task)].filter(Boolean).join(" ") || `#${first.row}`,
        }),
      );
    }
  },
};

// ── Milestones ──

/** A row whose 里程碑 cell says yes. */
export function isMilestone(row: TypedRow): boolean {
  return boolOf(row.fields.milestone) === true;
}

/** A milestone's date: its planned end, else its planned start. */
function milestoneDate(row: TypedRow) {
  const end = dateOf(row.fields.planEnd);
  return end !== undefined
    ? { date: end, cell: row.fields.planEnd }
    : { date: dateOf(row.fields.planStart), cell: row.fields.planStart };
}

export const scheduleMilestoneMissed: TableRule = {
  id: "schedule.milestone-missed",
  severity: "error",
  source: "项目计划",
  scope: "table",
  needs: {
    schedule: [
      ["milestone", "planEnd", "actualEnd"],
      ["milestone", "planEnd", "progress"],
    ],
  },
  check(ctx, table) {
    for (const row of table.rows) {
      if (!isMilestone(row) || isTaskDone(row)) continue;
      const { date, cell } = milestoneDate(row);
      if (date === undefined || date >= ctx.asOf) continue;
      ctx.report(
        findingAt("schedule.milestone-missed", row, cell, {
          ...subjectArgs(row),
          date,
          asOf: ctx.asOf,
          days: diffDays(date, ctx.asOf),
        }),
      );
    }
  },
};

export const scheduleMilestoneDuration: TableRule = {
  id: "schedule.milestone-duration",
  severity: "warning",
  source: "项目计划",
  scope: "table",
  needs: {
    schedule: [
      ["milestone", "duration"],
      ["milestone", "planStart", "planEnd"],
    ],
  },
  check(ctx, table) {
    for (const row of table.rows) {
      if (!isMilestone(row)) continue;
      const n = numOf(row.fields.duration);
      const start = dateOf(row.fields.planStart);
      const end = dateOf(row.fields.planEnd);
      // A duration typed in its own column says it; a derived end (start + duration) says nothing more.
      const typed = n !== undefined && n > 0;
      const spread = !typed && start !== undefined && end !== undefined && end > start;
      if (!typed && !spread) continue;
      ctx.report(
        findingAt(
          "schedule.milestone-duration",
          row,
          typed ? row.fields.duration : row.fields.planEnd,
          typed
            ? { ...subjectArgs(row), duration: n }
            : { ...subjectArgs(row), planStart: start ?? "", planEnd: end ?? "" },
        ),
      );
    }
  },
};

// ── The network ──

export interface ScheduleNetwork {
  /** The task rows in the network (summaries are spread over their subtasks), in sheet order. */
  rows: readonly TypedRow[];
  /** The code each row is known by in the network (its 标识号 or WBS, else `#row`). */
  ids: readonly string[];
  /** Links resolved to rows: true when at least one is, i.e. the schedule uses predecessors. */
  linked: boolean;
  /** CPM on the planned dates. */
  plan: CpmResult;
  /** CPM as of the as-of date: unfinished work cannot happen in the past. */
  forecast: CpmResult;
  /** Rows whose own progress (not a predecessor's) pushed their forecast past the plan. */
  late: ReadonlySet<number>;
  /** The tasks of the forecast network, for re-running it on part of the schedule. */
  forecastTasks: readonly CpmTask[];
}

const NETWORKS = new WeakMap<TypedTable, { asOf: IsoDate; net: ScheduleNetwork | undefined }>();

/**
 * What the network is made of before any date: which rows are tasks, the code each is known by
 * and the links it has (its own and its summaries', a summary's spread over its subtasks). It
 * depends on the rows, their summary flags, 标识号, WBS and 前置任务 alone.
 */
interface NetworkShape {
  /** Positions in table.rows of the task rows (not summaries). */
  at: readonly number[];
  ids: readonly string[];
  links: readonly (readonly Link[])[];
  linked: boolean;
  /**
   * Per row, its plan task and (done) forecast task as last built: a row an edit did not parse
   * again is the same object, and its tasks are the same (the CPM never changes a task).
   */
  built: WeakMap<TypedRow, { plan: CpmTask; done?: CpmTask; forecast?: Forecast }>;
  /** The links as the CPM reads them, the same for every network of this shape. */
  graph?: CpmGraph;
  /** The last network built on this shape: a task whose dates come out the same keeps its result. */
  last?: { plan: CpmResult; forecast: CpmResult };
}

/** A task's forecast as last worked out: kept while its plan result and the day it is read on are. */
interface Forecast {
  from: CpmTaskResult;
  today: IsoDate;
  task: CpmTask;
  late: boolean;
}

const SHAPES = new WeakMap<TypedTable, NetworkShape>();

/** The fields a task's dates in the network are read from (plan, forecast, milestone). */
export const NETWORK_DATE_FIELDS: ReadonlySet<string> = new Set([
  "planStart",
  "planEnd",
  "actualStart",
  "actualEnd",
  "progress",
  "milestone",
]);
/** The fields the network's shape is read from (with the rows and their summary flags). */
export const NETWORK_SHAPE_FIELDS: ReadonlySet<string> = new Set(["taskId", "wbs", "predecessors"]);

/**
 * `after` is `before` with some rows parsed again (the same rows, in the same order, the same
 * summaries) and only `fields` changed on them: its network is built from before's shape, and
 * when no date field changed either, it is before's network on after's rows. For live
 * validation, so an edit does not build the network again from nothing.
 */
export function carryNetwork(before: TypedTable, after: TypedTable, fields: ReadonlySet<string>): void {
  if (before.rows.length !== after.rows.length) return;
  if ([...fields].some((f) => NETWORK_SHAPE_FIELDS.has(f))) return;
  const shape = SHAPES.get(before);
  if (!shape) return;
  SHAPES.set(after, shape);
  if ([...fields].some((f) => NETWORK_DATE_FIELDS.has(f))) return;
  const kept = NETWORKS.get(before);
  if (!kept) return;
  const net = kept.net && { ...kept.net, rows: shape.at.map((i) => after.rows[i]) };
  NETWORKS.set(after, { asOf: kept.asOf, net });
}

/** The code predecessors name rows by: 标识号 when the table has that column (MS Project), else WBS. */
function keyOf(table: TypedTable, row: TypedRow): string | undefined {
  return textOf(table.fields.has("taskId") ? row.fields.taskId : row.fields.wbs);
}

/** The first working day on or after d. */
function workdayFrom(cal: Workdays, d: IsoDate): IsoDate {
  return cal.isWorkday(d) ? d : cal.addWorkdays(d, 1);
}

/** The schedule's network as of ctx.asOf; undefined when it has no dates or cannot be computed. */
export function scheduleNetwork(
  ctx: Pick<RuleContext, "asOf" | "calendar">,
  table: TypedTable,
): ScheduleNetwork | undefined {
  const cached = NETWORKS.get(table);
  if (cached && cached.asOf === ctx.asOf) return cached.net;
  let net: ScheduleNetwork | undefined;
  try {
    net = buildNetwork(ctx.asOf, ctx.calendar, table);
  } catch {
    // A date beyond the calendar's range: the other rules still report on the rows.
    net = undefined;
  }
  NETWORKS.set(table, { asOf: ctx.asOf, net });
  return net;
}

function networkShape(table: TypedTable): NetworkShape {
  const known = SHAPES.get(table);
  if (known) return known;
  const at: number[] = [];
  table.rows.forEach((r, i) => {
    if (!r.summary) at.push(i);
  });
  const rows = at.map((i) => table.rows[i]);
  const ids = rows.map((r) => keyOf(table, r) ?? `#${r.row}`);
  // Links to or from a summary stand for links to or from each of its subtasks, as in MS Project.
  const byKey = new Map<string, TypedRow>();
  for (const r of table.rows) {
    const k = keyOf(table, r);
    if (k !== undefined && !byKey.has(k)) byKey.set(k, r);
  }
  const subtasks = subtasksOf(table);
  const summaryOfWbs = new Map<string, TypedRow>();
  for (const s of subtasks.keys()) {
    const w = wbsOf(s);
    if (w !== undefined) summaryOfWbs.set(w, s);
  }
  const idOf = new Map<TypedRow, string>(rows.map((r, i) => [r, ids[i]]));
  let linked = false;
  const expand = (links: readonly Link[]): Link[] => {
    const out: Link[] = [];
    for (const l of links) {
      const target = byKey.get(l.predecessor);
      const under = target?.summary ? subtasks.get(target) : undefined;
      if (target) linked = true;
      if (under) for (const s of under) out.push({ ...l, predecessor: idOf.get(s) ?? l.predecessor });
      else out.push(l);
    }
    return out;
  };
  const links = rows.map((r) => {
    const own = expand(linksOf(r.fields.predecessors));
    const w = wbsOf(r);
    if (w !== undefined)
      for (const a of ancestorsOf(w)) {
        const s = summaryOfWbs.get(a);
        if (s) own.push(...expand(linksOf(s.fields.predecessors)));
      }
    return own;
  });
  const shape = { at, ids, links, linked, built: new WeakMap() };
  SHAPES.set(table, shape);
  return shape;
}

function buildNetwork(asOf: IsoDate, cal: Workdays, table: TypedTable): ScheduleNetwork | undefined {
  const shape = networkShape(table);
  const { ids, linked } = shape;
  const rows = shape.at.map((i) => table.rows[i]);
  if (rows.length === 0) return undefined;
  const built = shape.built;
  const tasks: CpmTask[] = rows.map((r, i) => {
    const known = built.get(r);
    if (known) return known.plan;
    const start = dateOf(r.fields.planStart);
    const finish = dateOf(r.fields.planEnd);
    const task: CpmTask = { id: ids[i], links: shape.links[i] };
    if (start !== undefined) task.start = start;
    if (finish !== undefined) task.finish = finish;
    if (isMilestone(r)) task.durationWorkingDays = 0;
    built.set(r, { plan: task });
    return task;
  });
  if (!linked) return undefined;
  const graph = (shape.graph ??= cpmGraph(tasks));
  const plan = criticalPath(tasks, cal, { maxChains: 5, graph, previous: shape.last?.plan });
  if (plan.earliestFinish === undefined) return undefined;

  // The forecast: a task not done cannot finish its remaining work before the as-of date.
  const today = workdayFrom(cal, asOf);
  // today moved back by n working days, for the n a schedule's tasks need (a few dozen values).
  const back = new Map<number, IsoDate>();
  const before = (n: number) => {
    let d = back.get(n);
    if (d === undefined) back.set(n, (d = cal.addWorkdays(today, n)));
    return d;
  };
  const late = new Set<number>();
  const forecastTasks = tasks.map((t, i) => {
    const row = rows[i];
    const r = plan.tasks[i];
    if (isTaskDone(row)) {
      const known = built.get(row)!;
      if (known.done) return known.done;
      const s = dateOf(row.fields.actualStart) ?? t.start;
      const f = dateOf(row.fields.actualEnd) ?? t.finish;
      const done: CpmTask = { ...t };
      if (s !== undefined) done.start = s;
      if (f !== undefined) done.finish = f;
      if (s !== undefined && f !== undefined && f >= s)
        done.durationWorkingDays = isMilestone(row)
          ? 0
          : cal.workdaysBetween(s, f) + (cal.isWorkday(s) ? 1 : 0);
      known.done = done;
      return done;
    }
    // The same row read on the same day with the same plan result: the same forecast task.
    const known = built.get(row)!;
    const kept = known.forecast;
    if (kept && kept.from === r && kept.today === today && kept.task.links === t.links) {
      if (kept.late) late.add(i);
      return kept.task;
    }
    const dur = r.durationWorkingDays;
    const p = numOf(row.fields.progress);
    const remaining =
      dur === 0 ? 0 : Math.max(1, Math.ceil(dur * (1 - Math.min(100, Math.max(0, p ?? 0)) / 100)));
    // The remaining work starts today at the earliest, so the task starts (dur − remaining) days before.
    const earliest = dur === remaining ? today : before(remaining - dur);
    if (earliest <= r.earlyStart) {
      known.forecast = { from: r, today, task: t, late: false };
      return t;
    }
    late.add(i);
    // Built without its finish rather than deleting it: a deleted key leaves the object in
    // dictionary mode, and the CPM reads every task's dates.
    const moved: CpmTask = { id: t.id, links: t.links, start: earliest, durationWorkingDays: dur };
    known.forecast = { from: r, today, task: moved, late: true };
    return moved;
  });
  const forecast = criticalPath(forecastTasks, cal, { maxChains: 5, graph, previous: shape.last?.forecast });
  shape.last = { plan, forecast };
  // Late on its own account: its own floor, not a late predecessor, sets its forecast start.
  for (const i of [...late]) {
    const floor = forecastTasks[i].start;
    if (floor === undefined || forecast.tasks[i].earlyStart > floor) late.delete(i);
  }
  return { rows, ids, linked, plan, forecast, late, forecastTasks };
}

/** Id → first task with it (links resolve to the first, as in the CPM); built once per network. */
function indexOfIds(ids: readonly string[]): ReadonlyMap<string, number> {
  let index = ID_INDEX.get(ids);
  if (index) return index;
  const built = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!built.has(id)) built.set(id, i);
  });
  ID_INDEX.set(ids, (index = built));
  return index;
}

const ID_INDEX = new WeakMap<readonly string[], ReadonlyMap<string, number>>();

/**
 * The chain of tasks that drives task `last`'s forecast finish, back along each task's driver, as
 * a message shows it (chainText). Chains run thousands of tasks long and late contracts share
 * them: with distinct ids the drivers form a forest, and each task's depth and first codes are
 * worked out once per network; otherwise each chain is walked (an id may then lead elsewhere).
 */
function drivingChain(net: ScheduleNetwork, index: ReadonlyMap<string, number>, last: number): string {
  const tasks = net.forecast.tasks;
  if (net.forecast.duplicateIds.length > 0) {
    const chain: string[] = [];
    const seen = new Set<number>();
    for (let i: number | undefined = last; i !== undefined && !seen.has(i);) {
      seen.add(i);
      chain.push(net.ids[i]);
      const d: string | undefined = tasks[i].driver;
      i = d === undefined ? undefined : index.get(d);
    }
    return chainText(chain.reverse());
  }
  let memo = CHAINS.get(net.forecast);
  if (!memo) CHAINS.set(net.forecast, (memo = { depth: new Int32Array(tasks.length), head: [] }));
  const { depth, head } = memo;
  const driverOf = (i: number) => {
    const d = tasks[i].driver;
    return d === undefined ? undefined : index.get(d);
  };
  // Back to a task already known (or the chain's first), then forward filling in.
  const path: number[] = [];
  for (let i: number | undefined = last; i !== undefined && depth[i] === 0; i = driverOf(i)) path.push(i);
  for (let k = path.length - 1; k >= 0; k--) {
    const i = path[k];
    const d = driverOf(i);
    const before = d === undefined ? [] : head[d];
    depth[i] = (d === undefined ? 0 : depth[d]) + 1;
    head[i] = before.length < 6 ? [...before, net.ids[i]] : before;
  }
  const n = depth[last];
  const tail: string[] = [];
  for (
    let i: number | undefined = last, k = 0;
    i !== undefined && k < (n <= 12 ? n : 5);
    k++, i = driverOf(i)
  )
    tail.push(net.ids[i]);
  tail.reverse();
  return n <= 12 ? chainText(tail) : [...head[last], "…", ...tail].join(" → ");
}

const CHAINS = new WeakMap<CpmResult, { depth: Int32Array; head: string[][] }>();

/** A chain of codes for a message: at most 12, the middle elided. */
function chainText(ids: readonly string[]): string {
  const shown = ids.length <= 12 ? ids : [...ids.slice(0, 6), "…", ...ids.slice(-5)];
  return shown.join(" → ");
}

/** Rules that only mean something on a schedule whose rows name their predecessors. */
const NETWORK_NEEDS: TableRule["needs"] = {
  schedule: [
    ["wbs", "predecessors", "planEnd"],
    ["taskId", "predecessors", "planEnd"],
  ],
};

export const scheduleCriticalLate: TableRule = {
  id: "schedule.critical-late",
  severity: "error",
  source: "关键路径",
  scope: "table",
  needs: NETWORK_NEEDS,
  check(ctx, table) {
    const net = scheduleNetwork(ctx, table);
    const planEnd = net?.plan.earliestFinish;
    const forecastEnd = net?.forecast.earliestFinish;
    if (!net || planEnd === undefined || forecastEnd === undefined || forecastEnd <= planEnd) return;
    const days = ctx.calendar.workdaysBetween(planEnd, forecastEnd);
    for (const i of net.late) {
      if (!net.forecast.tasks[i].critical) continue;
      const row = net.rows[i];
      ctx.report(
        findingAt("schedule.critical-late", row, row.fields.task ?? row.fields.planEnd, {
          ...subjectArgs(row),
          planEnd: dateOf(row.fields.planEnd) ?? "",
          forecastFinish: net.forecast.tasks[i].earlyFinish,
          projectEnd: planEnd,
          forecastEnd,
          days,
        }),
      );
    }
  },
};

export const scheduleCriticalBeyondContract: TableRule = {
  id: "schedule.critical-beyond-contract",
  severity: "error",
  source: "§2.4.1",
  scope: "table",
  needs: {
    schedule: [
      ["wbs", "predecessors", "planEnd", "contractNo"],
      ["taskId", "predecessors", "planEnd", "contractNo"],
    ],
  },
  when: (ctx) => ctx.hasContracts,
  check(ctx, table) {
    const net = scheduleNetwork(ctx, table);
    if (!net) return;
    const only = ctx.only;
    const byContract = new Map<string, number[]>();
    net.rows.forEach((row, i) => {
      if (only && !only.has(row.row)) return;
      const no = textOf(row.fields.contractNo);
      if (no === undefined) return;
      const list = byContract.get(no);
      if (list) list.push(i);
      else byContract.set(no, [i]);
    });
    const index = indexOfIds(net.ids);
    for (const [contractNo, mine] of byContract) {
      const contract = ctx.contracts.get(contractNo);
      if (!contract || isTerminated(contract) || !isEmpty(contract.fields.memoDate)) continue;
      const deliveryDate = dateOf(contract.fields.deliveryDate);
      if (deliveryDate === undefined) continue;
      let latest = mine[0];
      for (const i of mine)
        if (net.forecast.tasks[i].earlyFinish >= net.forecast.tasks[latest].earlyFinish) latest = i;
      const finish = net.forecast.tasks[latest].earlyFinish;
      if (finish <= deliveryDate) continue;
      // The chain: the predecessors that drive it, back from the contract's last task.
      const chain = drivingChain(net, index, latest);
      const row = net.rows[latest];
      ctx.report(
        findingAt("schedule.critical-beyond-contract", row, row.fields.task ?? row.fields.planEnd, {
          ...subjectArgs(row),
          contractNo,
          finish,
          deliveryDate,
          days: diffDays(deliveryDate, finish),
          chain,
        }),
      );
    }
  },
  // A contract's finding is its tasks' latest forecast finish and the chain driving it: an edit
  // reaches the rows of the contracts whose row changed, whose task rows were edited, or one of
  // whose tasks now finishes on another day or is driven by another chain.
  reach({ before, after, rows, fields, was, now }) {
    if ([...fields].some((f) => NETWORK_SHAPE_FIELDS.has(f))) return undefined;
    const old = scheduleNetwork(was, before);
    const net = scheduleNetwork(now, after);
    if (!old || !net) return old === net ? new Set() : undefined;
    const n = net.rows.length;
    if (old.rows.length !== n || old.forecast.duplicateIds.length || net.forecast.duplicateIds.length)
      return undefined;
    const contracts = new Set<string>();
    const add = (row: TypedRow) => {
      const no = textOf(row.fields.contractNo);
      if (no !== undefined) contracts.add(no);
    };
    if (was.contracts !== now.contracts)
      for (const no of new Set([...was.contracts.keys(), ...now.contracts.keys()]))
        if (was.contracts.get(no) !== now.contracts.get(no)) contracts.add(no);
    for (const r of before.rows) if (rows.has(r.row)) add(r);
    for (const r of after.rows) if (rows.has(r.row)) add(r);
    const a = old.forecast.tasks;
    const b = net.forecast.tasks;
    // A task keeps its result object while its dates and driver stay (criticalPath's `previous`).
    const moved: number[] = [];
    let drivers = false;
    if (old.forecast !== net.forecast)
      for (let i = 0; i < n; i++)
        if (a[i] !== b[i]) {
          moved.push(i);
          if (a[i].driver !== b[i].driver) drivers = true;
        }
    for (const i of moved)
      if (a[i].earlyFinish !== b[i].earlyFinish) {
        add(old.rows[i]);
        add(net.rows[i]);
      }
    if (drivers) {
      const index = indexOfIds(net.ids);
      // Per task: 1 when the chain of drivers back from it is as it was, 2 when not, 3 on the walk.
      const state = new Uint8Array(n);
      const path: number[] = [];
      for (let i = 0; i < n; i++) {
        let j = i;
        let changed = false;
        while (state[j] === 0) {
          if (a[j].driver !== b[j].driver) {
            changed = true;
            break;
          }
          state[j] = 3;
          path.push(j);
          const d = b[j].driver;
          const next = d === undefined ? undefined : index.get(d);
          if (next === undefined) break;
          j = next;
        }
        if (changed || state[j] === 2) {
          state[j] = 2;
          changed = true;
        }
        for (const k of path) state[k] = changed ? 2 : 1;
        path.length = 0;
      }
      for (let i = 0; i < n; i++)
        if (state[i] === 2) {
          add(old.rows[i]);
          add(net.rows[i]);
        }
    }
    const out = new Set(rows);
    for (const r of after.rows) {
      const no = textOf(r.fields.contractNo);
      if (no !== undefined && contracts.has(no)) out.add(r.row);
    }
    return out;
  },
};

/**
 * The findings a user reads: schedule.beyond-contract on the task that
 * schedule.critical-beyond-contract reports for the same contract says the same thing with less
 * (that task's own end, not the finish its predecessors force, nor the chain), so only the chain
 * finding stays. The other tasks' own late ends stay: each is a date to change. Notices are planned
 * from the findings before this, so the 备忘录 still lists every task that causes it.
 */
export function withoutRepeats(findings: Finding[]): Finding[] {
  const chained = new Set<string>();
  for (const f of findings) if (f.rule === CHAINED) chained.add(repeatKey(f));
  if (chained.size === 0) return findings;
  return findings.filter((f) => f.rule !== REPEATED || !chained.has(repeatKey(f)));
}

/** The finding withoutRepeats() drops, and the one that makes it drop it when at the same repeatKey. */
export const REPEATED = "schedule.beyond-contract";
export const CHAINED = "schedule.critical-beyond-contract";

/** Where a finding is, as withoutRepeats() pairs them: its row and contract. */
export const repeatKey = (f: Finding) => `${f.sheet}\u0000${f.row}\u0000${f.args.contractNo}`;

/** Which tasks have a predecessor, which a successor, and how many either: by the network's links alone. */
function linkedEnds(net: ScheduleNetwork): { hasPred: Uint8Array; hasSucc: Uint8Array; used: number } {
  // Keyed by the ids, which a network built on the same shape shares (carryNetwork).
  let known = ENDS.get(net.ids);
  if (known) return known;
  const n = net.rows.length;
  const index = indexOfIds(net.ids);
  const hasPred = new Uint8Array(n);
  const hasSucc = new Uint8Array(n);
  net.forecastTasks.forEach((t, i) => {
    for (const l of t.links) {
      const j = index.get(l.predecessor);
      if (j === undefined) continue;
      hasPred[i] = 1;
      hasSucc[j] = 1;
    }
  });
  let used = 0;
  for (let i = 0; i < n; i++) if (hasPred[i] || hasSucc[i]) used++;
  ENDS.set(net.ids, (known = { hasPred, hasSucc, used }));
  return known;
}

const ENDS = new WeakMap<readonly string[], { hasPred: Uint8Array; hasSucc: Uint8Array; used: number }>();

export const scheduleUnlinked: TableRule = {
  id: "schedule.unlinked",
  severity: "warning",
  source: "关键路径",
  scope: "table",
  needs: NETWORK_NEEDS,
  check(ctx, table) {
    const net = scheduleNetwork(ctx, table);
    if (!net) return;
    const n = net.rows.length;
    const { hasPred, hasSucc, used } = linkedEnds(net);
    // A schedule uses predecessors when most of its tasks take part in a link; a sheet with a
    // stray link or two is not one whose every other task should be called loose.
    if (used * 2 <= n) return;
    const { first, last } = planSpan(net);
    const only = ctx.only;
    for (let i = 0; i < n; i++) {
      const row = net.rows[i];
      if (only && !only.has(row.row)) continue;
      const s = dateOf(row.fields.planStart) ?? dateOf(row.fields.planEnd);
      const e = dateOf(row.fields.planEnd) ?? dateOf(row.fields.planStart);
      // The project's opening task needs no predecessor, its closing one no successor.
      const noPred = !hasPred[i] && s !== first;
      const noSucc = !hasSucc[i] && e !== last;
      if (!noPred && !noSucc) continue;
      ctx.report(
        findingAt("schedule.unlinked", row, row.fields.predecessors, {
          ...subjectArgs(row),
          missing: noPred && noSucc ? "both" : noPred ? "predecessor" : "successor",
        }),
      );
    }
  },
  // A task is judged by its links, its own dates and the project's first and last: an edit that
  // changed neither the links nor the project's span reaches the edited rows alone.
  reach({ before, after, rows, fields, was, now }) {
    if ([...fields].some((f) => NETWORK_SHAPE_FIELDS.has(f))) return undefined;
    const old = scheduleNetwork(was, before);
    const net = scheduleNetwork(now, after);
    if (!old || !net) return old === net ? new Set() : undefined;
    if (old.rows.length !== net.rows.length) return undefined;
    const a = planSpan(old);
    const b = planSpan(net);
    return a.first === b.first && a.last === b.last ? rows : undefined;
  },
};

/** The project's first and last planned dates (a task with one date counts it as both). */
function planSpan(net: ScheduleNetwork): { first?: IsoDate; last?: IsoDate } {
  let span = SPANS.get(net);
  if (span) return span;
  let first: IsoDate | undefined;
  let last: IsoDate | undefined;
  for (const row of net.rows) {
    const s = dateOf(row.fields.planStart) ?? dateOf(row.fields.planEnd);
    const e = dateOf(row.fields.planEnd) ?? dateOf(row.fields.planStart);
    if (s !== undefined && (first === undefined || s < first)) first = s;
    if (e !== undefined && (last === undefined || e > last)) last = e;
  }
  SPANS.set(net, (span = { first, last }));
  return span;
}

const SPANS = new WeakMap<ScheduleNetwork, { first?: IsoDate; last?: IsoDate }>();

// ── The critical path as the pane and the highlight show it ──

export interface CriticalTask {
  sheet: string;
  row: number;
  /** The task's name cell (else its planned end's), to go to. */
  cell?: string;
  id: string;
  task?: string;
  earlyStart: IsoDate;
  earlyFinish: IsoDate;
  totalFloat: number;
  late: boolean;
}

export interface CriticalView {
  sheet: string;
  projectEnd: IsoDate;
  forecastEnd: IsoDate;
  /** Working days the forecast finish is later than planned (0 when on time). */
  slip: number;
  /** Critical tasks of the forecast, in order of their early start. */
  tasks: CriticalTask[];
}

/** The forecast critical path of each schedule that uses predecessors. */
export function criticalViews(ctx: Pick<RuleContext, "asOf" | "calendar" | "tables">): CriticalView[] {
  const out: CriticalView[] = [];
  for (const table of ctx.tables) {
    if (table.kind !== "schedule") continue;
    const net = scheduleNetwork(ctx, table);
    const projectEnd = net?.plan.earliestFinish;
    const forecastEnd = net?.forecast.earliestFinish;
    if (!net || projectEnd === undefined || forecastEnd === undefined) continue;
    const tasks: CriticalTask[] = [];
    net.forecast.tasks.forEach((t, i) => {
      if (!t.critical || isTaskDone(net.rows[i])) return;
      const row = net.rows[i];
      const task = textOf(row.fields.task);
      const cell = (row.fields.task ?? row.fields.planEnd)?.cell;
      tasks.push({
        sheet: row.sheet,
        row: row.row,
        ...(cell !== undefined ? { cell } : {}),
        id: net.ids[i],
        ...(task !== undefined ? { task } : {}),
        earlyStart: t.earlyStart,
        earlyFinish: t.earlyFinish,
        totalFloat: t.totalFloat,
        late: net.late.has(i),
      });
    });
    tasks.sort((a, b) =>
      a.earlyStart < b.earlyStart ? -1 : a.earlyStart > b.earlyStart ? 1 : a.row - b.row,
    );
    const slip = forecastEnd > projectEnd ? ctx.calendar.workdaysBetween(projectEnd, forecastEnd) : 0;
    out.push({ sheet: table.sheet, projectEnd, forecastEnd, slip, tasks });
  }
  return out;
}
