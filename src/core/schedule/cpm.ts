/**
 * The critical path method on the project's working-day calendar (调休 included).
 *
 * Time is counted in working days. Boundary k is the start of the k-th working day from the
 * project's first working day (boundary 0); a task of D working days starting at boundary s
 * finishes at boundary s + D, and a planner sees it from the working day at s through the working
 * day at s + D − 1. Links constrain boundaries the way MS Project does:
 *
 *   FS  successor start  ≥ predecessor finish + lag
 *   SS  successor start  ≥ predecessor start  + lag
 *   FF  successor finish ≥ predecessor finish + lag
 *   SF  successor finish ≥ predecessor start  + lag
 *
 * Working-day lags add to the boundary; calendar-day lags (`ed`, 自然日) add to the date and land
 * on the next working time, as in MS Project (a Friday finish + 2ed is Sunday evening: the
 * successor starts Monday).
 *
 * A task's own start (or, without one, its finish less its duration) is a floor on its early start,
 * like MS Project's "start no earlier than" on a typed date; a task with neither starts at the
 * project start. The late pass starts from the project's earliest finish, or from `finishBy` when
 * that is earlier (floats then go negative). Total float = late start − early start, in working
 * days; a task is critical when its float is 0 or less.
 *
 * A milestone (duration 0) that a finish drives is shown on that finish's day (MS Project shows
 * a milestone after a Friday task on Friday); one that a start drives, on that start's day.
 *
 * Cycles, links to unknown tasks and repeated ids come back as data, never thrown: links inside a
 * cycle are left out of the passes, so every task still gets dates. Runs in time linear in tasks +
 * links (topological order), plus one calendar look-up per date read or shown.
 */

import type { WorkCalendar } from "../calendar";
import { addDays, type IsoDate } from "../dates";
import type { Link } from "./links";

export interface CpmTask {
  /** 标识号 or WBS code; what other tasks' links name. */
  id: string;
  start?: IsoDate;
  finish?: IsoDate;
  /** Working days; without it, counted from start and finish (both inclusive), else 0. */
  durationWorkingDays?: number;
  links: readonly Link[];
}

export interface CpmOptions {
  /**
   * The graph of the tasks' ids and links (cpmGraph), when the caller keeps it: tasks with the
   * same ids and links in the same order share it, so it is not built again.
   */
  graph?: CpmGraph;
  /**
   * An earlier result on the same graph: each task whose dates come out the same keeps its result
   * object (and the dates already counted on the calendar are not counted again).
   */
  previous?: CpmResult;
  /** The project's start when no task has a date; otherwise the earliest task start is used. */
  projectStart?: IsoDate;
  /** A contract's delivery date: when earlier than the earliest finish, floats go negative. */
  finishBy?: IsoDate;
  /** How many critical chains to list at most (default 20); there can be exponentially many. */
  maxChains?: number;
}

export interface CpmTaskResult {
  id: string;
  durationWorkingDays: number;
  /** True when neither a duration nor both dates were given (the task counts as 0 days). */
  durationUnknown: boolean;
  earlyStart: IsoDate;
  earlyFinish: IsoDate;
  lateStart: IsoDate;
  lateFinish: IsoDate;
  /** Working days the task can slip without moving the project's finish (or `finishBy`). */
  totalFloat: number;
  critical: boolean;
  /** The task is part of a cycle; the links forming the cycle were ignored. */
  inCycle: boolean;
  /**
   * The predecessor whose link sets the early start (the latest constraint; on a tie with the
   * task's own date, the link), absent when no link reaches the task's own date. Following these
   * back from a task names the chain that decides its finish.
   */
  driver?: string;
}

export interface CpmResult {
  /** One per input task, in input order. */
  tasks: CpmTaskResult[];
  projectStart?: IsoDate;
  /** The last early finish: the project's earliest finish. Absent when there is nothing to schedule. */
  earliestFinish?: IsoDate;
  /** Chains of critical tasks joined by driving links, first task to last, ordered by id path. */
  criticalChains: string[][];
  /** True when more chains exist than listed. */
  chainsTruncated: boolean;
  /** Each cycle's task ids (a strongly connected group of tasks, or a task that names itself). */
  cycles: string[][];
  unknownPredecessors: Array<{ task: string; predecessor: string }>;
  /** Ids used by more than one task; links resolve to the first. */
  duplicateIds: string[];
}

/** Working days the date table may span (about 7,700 years): beyond, each date is looked up. */
const MAX_TABLE = 2_000_000;

interface Edge {
  from: number;
  to: number;
  link: Link;
}

/** What the passes read of the tasks' ids and links alone: the same for tasks that keep them. */
export interface CpmGraph {
  readonly n: number;
  readonly unknownPredecessors: Array<{ task: string; predecessor: string }>;
  readonly duplicateIds: string[];
  /** The links the passes follow (those inside a cycle left out), both ways in CSR form. */
  readonly live: readonly Edge[];
  readonly outS: Int32Array;
  readonly outE: readonly Edge[];
  readonly inS: Int32Array;
  readonly inE: readonly Edge[];
  readonly topo: Int32Array;
  readonly inCycle: Uint8Array;
  readonly cycles: string[][];
}

/** What a result was computed from, for a later run given it as `previous`. */
interface Passes {
  graph: CpmGraph;
  calendar: object;
  origin: IsoDate;
  counted: Map<IsoDate, number>;
  dur: Int32Array;
  durationUnknown: Uint8Array;
  es: Float64Array;
  atEnd: Uint8Array;
  lf: Float64Array;
  driver: Int32Array;
}

const PASSES = new WeakMap<CpmResult, Passes>();

/** The graph of the tasks' links: topological order, cycles, unknown and repeated ids. */
export function cpmGraph(tasks: readonly CpmTask[]): CpmGraph {
  const n = tasks.length;
  const index = new Map<string, number>();
  const duplicateIds: string[] = [];
  tasks.forEach((t, i) => {
    if (index.has(t.id)) {
      if (!duplicateIds.includes(t.id)) duplicateIds.push(t.id);
    } else index.set(t.id, i);
  });

  // Links as edges, predecessor → successor, in CSR form for both directions.
  const unknownPredecessors: Array<{ task: string; predecessor: string }> = [];
  const edges: Edge[] = [];
  tasks.forEach((t, i) => {
    for (const link of t.links) {
      const from = index.get(link.predecessor);
      if (from === undefined) unknownPredecessors.push({ task: t.id, predecessor: link.predecessor });
      else edges.push({ from, to: i, link });
    }
  });
  // Topological order (Kahn). Only when some tasks are left over is there a cycle: then find the
  // cycles (strongly connected groups), leave out the links inside them and order again.
  let live = edges;
  let outS = csr(n, live, (e) => e.from);
  let outE = order(live, outS, (e) => e.from);
  let topo = topologicalOrder(n, live, outS, outE);
  const inCycle = new Uint8Array(n);
  let cycles: string[][] = [];
  if (topo === undefined) {
    const { component, cycles: cycleMembers } = stronglyConnected(n, outS, outE);
    for (const c of cycleMembers) for (const i of c) inCycle[i] = 1;
    cycles = cycleMembers.map((c) => c.map((i) => tasks[i].id));
    live = edges.filter((e) => component[e.from] !== component[e.to]);
    outS = csr(n, live, (e) => e.from);
    outE = order(live, outS, (e) => e.from);
    topo = topologicalOrder(n, live, outS, outE) ?? new Int32Array(0);
  }
  const inS = csr(n, live, (e) => e.to);
  const inE = order(live, inS, (e) => e.to);
  return { n, unknownPredecessors, duplicateIds, live, outS, outE, inS, inE, topo, inCycle, cycles };
}

/** Forward and backward pass. Never throws on the tasks' content; dates must be IsoDate. */
export function criticalPath(
  tasks: readonly CpmTask[],
  calendar: Pick<WorkCalendar, "isWorkday" | "addWorkdays" | "workdaysBetween"> &
    Partial<Pick<WorkCalendar, "workdaysAfter">>,
  options: CpmOptions = {},
): CpmResult {
  const n = tasks.length;
  const graph = options.graph?.n === n ? options.graph : cpmGraph(tasks);
  const { unknownPredecessors, duplicateIds, live, outS, outE, inS, inE, topo, inCycle, cycles } = graph;

  // Project start: the caller's, else the earliest task date.
  let first: IsoDate | undefined;
  for (const t of tasks) {
    if (t.start && (first === undefined || t.start < first)) first = t.start;
    if (t.finish && (first === undefined || t.finish < first)) first = t.finish;
  }
  if (options.projectStart && (first === undefined || options.projectStart < first))
    first = options.projectStart;
  const empty: CpmResult = {
    tasks: [],
    criticalChains: [],
    chainsTruncated: false,
    cycles: cycles.slice(),
    unknownPredecessors: unknownPredecessors.slice(),
    duplicateIds: duplicateIds.slice(),
  };
  if (first === undefined || n === 0) return empty;
  // Boundary 0 is the first working day on or after the first date.
  const origin = calendar.isWorkday(first) ? first : calendar.addWorkdays(first, 1);
  const prev = options.previous && PASSES.get(options.previous);
  const same =
    prev !== undefined && prev.graph === graph && prev.calendar === calendar && prev.origin === origin;
  // Dates repeat down a schedule (a few hundred distinct ones in thousands of rows): each is
  // looked up in the calendar once.
  const counted = same ? prev.counted : new Map<IsoDate, number>();
  const count = (d: IsoDate) => {
    let k = counted.get(d);
    if (k === undefined) {
      k = calendar.workdaysBetween(origin, d) * 2 + (calendar.isWorkday(d) ? 0 : 1);
      counted.set(d, k);
    }
    return k;
  };
  const startBoundary = (d: IsoDate) => {
    const k = count(d);
    return (k >> 1) + (k & 1);
  };
  const endBoundary = (d: IsoDate) => (count(d) >> 1) + 1;
  // Boundary → date. During the passes only calendar-day lags need it; the results are read from a
  // table of the working days the schedule spans, built in one walk (a look-up per task would cost
  // a calendar search each, and far-off dates a check per year in between).
  let table: (i: number) => IsoDate | undefined = () => undefined;
  let tableFirst = 0;
  const dayAt = (k: number): IsoDate => {
    const t = table(k - tableFirst);
    if (t !== undefined) return t;
    try {
      return calendar.addWorkdays(origin, k);
    } catch {
      return k < 0 ? "1000-01-01" : "9999-12-31";
    }
  };

  // Durations and floors.
  const dur = new Int32Array(n);
  const durationUnknown = new Uint8Array(n);
  const floor = new Float64Array(n);
  tasks.forEach((t, i) => {
    const d = t.durationWorkingDays;
    if (typeof d === "number" && Number.isFinite(d) && d >= 0) dur[i] = Math.ceil(d);
    else if (t.start && t.finish) dur[i] = Math.max(0, endBoundary(t.finish) - startBoundary(t.start));
    else durationUnknown[i] = 1;
    floor[i] = t.start ? startBoundary(t.start) : t.finish ? endBoundary(t.finish) - dur[i] : 0;
  });

  const shift = lagShifter(dayAt, startBoundary, endBoundary);

  // Forward pass. atEnd: the task's early start sits at the end of a day (a finish drove it).
  const es = new Float64Array(n);
  const atEnd = new Uint8Array(n);
  const driver = new Int32Array(n).fill(-1);
  for (let h = 0; h < n; h++) {
    const j = topo[h];
    let s = floor[j];
    let end = 0;
    let driven = false;
    let by = -1;
    let byAt = -Infinity;
    for (let k = inS[j]; k < inS[j + 1]; k++) {
      const { from: i, link } = inE[k];
      const fromFinish = link.type === "FS" || link.type === "FF";
      const source = fromFinish ? es[i] + dur[i] : es[i];
      const sourceAtEnd = fromFinish ? dur[i] > 0 || atEnd[i] === 1 : atEnd[i] === 1 && dur[i] === 0;
      const b = shift.forward(source, link, sourceAtEnd);
      const c = link.type === "FS" || link.type === "SS" ? b : b - dur[j];
      if (c >= byAt) {
        by = i;
        byAt = c;
      }
      // A tie goes to the finish, so a milestone after a finish shows on that finish's day; a
      // typed date that no link passes stays the milestone's own date.
      if (c > s || (c === s && driven && sourceAtEnd)) {
        s = c;
        end = sourceAtEnd ? 1 : 0;
        driven = true;
      }
    }
    es[j] = s;
    atEnd[j] = end;
    if (by >= 0 && byAt >= s) driver[j] = by;
  }
  let finish = -Infinity;
  for (let i = 0; i < n; i++) finish = Math.max(finish, es[i] + dur[i]);
  const earliestFinishBoundary = finish;
  if (options.finishBy) finish = Math.min(finish, endBoundary(options.finishBy));

  // Backward pass.
  const lf = new Float64Array(n);
  for (let h = n - 1; h >= 0; h--) {
    const i = topo[h];
    let f = finish;
    for (let k = outS[i]; k < outS[i + 1]; k++) {
      const { to: j, link } = outE[k];
      const target = link.type === "FS" || link.type === "SS" ? lf[j] - dur[j] : lf[j];
      const fromFinish = link.type === "FS" || link.type === "FF";
      const sourceAtEnd = fromFinish ? dur[i] > 0 || atEnd[i] === 1 : atEnd[i] === 1 && dur[i] === 0;
      const b = shift.backward(target, link, sourceAtEnd);
      f = Math.min(f, fromFinish ? b : b + dur[i]);
    }
    lf[i] = f;
  }

  let lo = 0;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, es[i] - 1, lf[i] - dur[i] - 1);
    hi = Math.max(hi, es[i] + dur[i], lf[i]);
  }
  if (hi - lo <= MAX_TABLE) {
    const first = dayAt(lo);
    if (calendar.workdaysAfter) {
      const after = calendar.workdaysAfter(first, hi - lo);
      // Four dates per task fall on a few hundred boundaries: each is spelled once.
      const spelled: Array<IsoDate | undefined> = new Array(hi - lo + 1);
      table = (i) => {
        if (i < 0 || i > hi - lo) return after(i - 1);
        let d = spelled[i];
        if (d === undefined) spelled[i] = d = i === 0 ? first : after(i - 1);
        return d;
      };
    } else {
      const days: string[] = [first];
      let d = first;
      for (let k = lo; k < hi; k++) {
        do d = addDays(d, 1);
        while (!calendar.isWorkday(d));
        if (d > "9999-12-31") break;
        days.push(d);
      }
      table = (i) => days[i];
    }
    tableFirst = lo;
  }

  const float = (i: number) => lf[i] - dur[i] - es[i];
  // A milestone's date is the day it sits at the end of, or the day it sits at the start of.
  const startDate = (b: number, i: number) => dayAt(dur[i] === 0 && atEnd[i] ? b - 1 : b);
  const finishDate = (b: number, i: number) => dayAt(dur[i] === 0 && !atEnd[i] ? b : b - 1);
  const results: CpmTaskResult[] = tasks.map((t, i) => {
    if (
      same &&
      prev.es[i] === es[i] &&
      prev.lf[i] === lf[i] &&
      prev.dur[i] === dur[i] &&
      prev.atEnd[i] === atEnd[i] &&
      prev.driver[i] === driver[i] &&
      prev.durationUnknown[i] === durationUnknown[i]
    )
      return options.previous!.tasks[i];
    const r: CpmTaskResult = {
      id: t.id,
      durationWorkingDays: dur[i],
      durationUnknown: durationUnknown[i] === 1,
      earlyStart: startDate(es[i], i),
      earlyFinish: finishDate(es[i] + dur[i], i),
      lateStart: startDate(lf[i] - dur[i], i),
      lateFinish: finishDate(lf[i], i),
      totalFloat: float(i),
      critical: float(i) <= 0,
      inCycle: inCycle[i] === 1,
    };
    if (driver[i] >= 0) r.driver = tasks[driver[i]].id;
    return r;
  });

  // Critical chains: critical tasks joined by links that drive the successor (the link's constraint
  // is what set its early start), from a task no such link reaches to one that drives nothing.
  const drives = (e: Edge) => {
    const fromFinish = e.link.type === "FS" || e.link.type === "FF";
    const source = fromFinish ? es[e.from] + dur[e.from] : es[e.from];
    const sourceAtEnd = fromFinish
      ? dur[e.from] > 0 || atEnd[e.from] === 1
      : atEnd[e.from] === 1 && dur[e.from] === 0;
    const b = shift.forward(source, e.link, sourceAtEnd);
    return (e.link.type === "FS" || e.link.type === "SS" ? b : b - dur[e.to]) === es[e.to];
  };
  const critical = (i: number) => float(i) <= 0;
  // Only critical tasks have driving successors: a list for those alone, not one per task.
  const NONE: readonly number[] = [];
  const next: Array<readonly number[]> = new Array<readonly number[]>(n).fill(NONE);
  const hasPrev = new Uint8Array(n);
  for (const e of live)
    if (critical(e.from) && critical(e.to) && drives(e)) {
      if (next[e.from] === NONE) next[e.from] = [e.to];
      else (next[e.from] as number[]).push(e.to);
      hasPrev[e.to] = 1;
    }
  const maxChains = options.maxChains ?? 20;
  const criticalChains: string[][] = [];
  let chainsTruncated = false;
  // Depth-first without recursion (chains can be 50,000 tasks long): a stack of (task, next branch).
  const pathNode: number[] = [];
  const pathBranch: number[] = [];
  for (let h = 0; h < n && !chainsTruncated; h++) {
    const root = topo[h];
    if (!critical(root) || hasPrev[root]) continue;
    if (next[root].length === 0 && es[root] + dur[root] !== earliestFinishBoundary) continue;
    pathNode.push(root);
    pathBranch.push(0);
    while (pathNode.length && !chainsTruncated) {
      const top = pathNode.length - 1;
      const i = pathNode[top];
      if (next[i].length === 0) {
        if (criticalChains.length >= maxChains) chainsTruncated = true;
        else criticalChains.push(pathNode.map((k) => tasks[k].id));
      }
      const b = pathBranch[top];
      if (b < next[i].length) {
        pathBranch[top] = b + 1;
        pathNode.push(next[i][b]);
        pathBranch.push(0);
      } else {
        pathNode.pop();
        pathBranch.pop();
      }
    }
    pathNode.length = 0;
    pathBranch.length = 0;
  }

  const result: CpmResult = {
    tasks: results,
    projectStart: origin,
    earliestFinish: results.reduce((a, r) => (r.earlyFinish > a ? r.earlyFinish : a), results[0].earlyFinish),
    criticalChains,
    chainsTruncated,
    cycles: cycles.slice(),
    unknownPredecessors: unknownPredecessors.slice(),
    duplicateIds: duplicateIds.slice(),
  };
  PASSES.set(result, { graph, calendar, origin, counted, dur, durationUnknown, es, atEnd, lf, driver });
  return result;
}

/** Working-day lags move the boundary; calendar-day lags move the date and land on working time. */
function lagShifter(
  dayAt: (k: number) => IsoDate,
  startBoundary: (d: IsoDate) => number,
  endBoundary: (d: IsoDate) => number,
) {
  const calendarForward = (b: number, lag: number, atEnd: boolean) =>
    atEnd ? endBoundary(addDays(dayAt(b - 1), lag)) : startBoundary(addDays(dayAt(b), lag));
  return {
    forward(b: number, link: Link, atEnd: boolean): number {
      if (link.lagUnit === "workday" || link.lag === 0) return b + link.lag;
      return calendarForward(b, link.lag, atEnd);
    },
    /** The latest source boundary whose forward shift is ≤ b. */
    backward(b: number, link: Link, atEnd: boolean): number {
      if (link.lagUnit === "workday" || link.lag === 0) return b - link.lag;
      // Calendar days: start from the estimate (about 5 working days a week) and correct.
      let c = b - Math.round((link.lag * 5) / 7);
      while (calendarForward(c, link.lag, atEnd) > b) c--;
      while (calendarForward(c + 1, link.lag, atEnd) <= b) c++;
      return c;
    },
  };
}

/** Kahn's algorithm; undefined when a cycle leaves tasks unordered. */
function topologicalOrder(
  n: number,
  edges: readonly Edge[],
  outS: Int32Array,
  outE: readonly Edge[],
): Int32Array | undefined {
  const topo = new Int32Array(n);
  const indeg = new Int32Array(n);
  for (const e of edges) indeg[e.to]++;
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (indeg[i] === 0) topo[tail++] = i;
  while (head < tail) {
    const i = topo[head++];
    for (let k = outS[i]; k < outS[i + 1]; k++) if (--indeg[outE[k].to] === 0) topo[tail++] = outE[k].to;
  }
  return tail === n ? topo : undefined;
}

/** Offsets of each node's edges in an array ordered by key (counting sort). */
function csr(n: number, edges: readonly Edge[], key: (e: Edge) => number): Int32Array {
  const start = new Int32Array(n + 1);
  for (const e of edges) start[key(e) + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  return start;
}

function order(edges: readonly Edge[], start: Int32Array, key: (e: Edge) => number): Edge[] {
  const fill = start.slice(0, start.length - 1);
  const out = new Array<Edge>(edges.length);
  for (const e of edges) out[fill[key(e)]++] = e;
  return out;
}

/**
 * Tarjan's strongly connected components, iterative (no recursion depth limit on long chains).
 * Returns each node's component and the components that are cycles (two or more tasks, or one
 * task linked to itself), members in input order.
 */
function stronglyConnected(
  n: number,
  start: Int32Array,
  out: readonly Edge[],
): { component: Int32Array; cycles: number[][] } {
  const idx = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const callNode: number[] = [];
  const callEdge: number[] = [];
  const cycles: number[][] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (idx[root] !== -1) continue;
    callNode.push(root);
    callEdge.push(start[root]);
    idx[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (callNode.length) {
      const v = callNode[callNode.length - 1];
      const k = callEdge[callEdge.length - 1];
      if (k < start[v + 1]) {
        callEdge[callEdge.length - 1] = k + 1;
        const w = out[k].to;
        if (idx[w] === -1) {
          idx[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callNode.push(w);
          callEdge.push(start[w]);
        } else if (onStack[w]) low[v] = Math.min(low[v], idx[w]);
        continue;
      }
      callNode.pop();
      callEdge.pop();
      if (callNode.length) {
        const u = callNode[callNode.length - 1];
        low[u] = Math.min(low[u], low[v]);
      }
      if (low[v] === idx[v]) {
        const members: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          component[w] = components;
          members.push(w);
        } while (w !== v);
        components++;
        let selfLoop = false;
        if (members.length === 1)
          for (let e = start[v]; e < start[v + 1]; e++) if (out[e].to === v) selfLoop = true;
        if (members.length > 1 || selfLoop) cycles.push(members.sort((a, b) => a - b));
      }
    }
  }
  return { component, cycles };
}
