/**
 * The worklist's questions about a report's findings, answered where the findings are kept: in the
 * worker (a workbook can have 150,000 findings, and handing them all to the page costs it seconds of
 * frozen frames). The page asks for what it shows — the counts, the group headers and the window of
 * rows it scrolls over — for the current filter, search, sort and 「我的事项」.
 */

import { varianceCounts } from "../core/baseline";
import { SEVERITY_ORDER, type Severity } from "../core/findings";
import { noticeId } from "../core/notice-id";
import type { NoticePlan } from "../core/notices";
import type { JobResult, PaneFinding, PaneReport } from "./jobs";

export type SortKey = "place" | "days" | "amount" | "late";

export interface Filter {
  severity: Severity | "";
  rule: string;
  sheet: string;
  person: string;
  contract: string;
  search: string;
  mine: boolean;
  sort: SortKey;
}

export const NO_FILTER: Filter = {
  severity: "",
  rule: "",
  sheet: "",
  person: "",
  contract: "",
  search: "",
  mine: false,
  sort: "place",
};

/** Groups start closed when more findings pass the filter than fit a few screens. */
export const OPEN_UP_TO = 300;

export interface FindingsQuery {
  filter: Filter;
  /** The user's display name, for 「我的事项」. */
  me: string;
  /** Only these rules (a 逾期 tile's list). */
  rules?: string[];
  /** One group per rule (校验); else one flat list (逾期). */
  grouped: boolean;
  /** Groups the user opened and closed. */
  open: string[];
  closed: string[];
  /** The rows wanted: [from, to). */
  from: number;
  to: number;
}

export interface GroupHead {
  /** The group's row index in the list. */
  at: number;
  rule: string;
  severity: Severity;
  count: number;
  expanded: boolean;
}

export type WindowRow =
  | { kind: "group"; key: string; group: GroupHead }
  | { kind: "item"; key: string; group?: string; f: PaneFinding };

export interface FindingsWindow {
  /** Findings the filter lets through. */
  shown: number;
  /** Findings in the report (within `rules`, if asked). */
  total: number;
  /** Rows of the list: group headers and the findings of open groups. */
  length: number;
  groups: GroupHead[];
  from: number;
  rows: WindowRow[];
}

/** A 逾期 tile: the rules it lists. */
export type TileKey = "tasks" | "deliveries" | "payments" | "documents" | "risks" | "changes" | "dueSoon";

export const TILES: Array<{ key: TileKey; rules: string[] }> = [
  { key: "tasks", rules: ["schedule.overdue", "schedule.milestone-missed"] },
  { key: "deliveries", rules: ["contract.delivery-overdue"] },
  { key: "payments", rules: ["contract.payment-overdue"] },
  { key: "documents", rules: ["document.step-overdue"] },
  { key: "risks", rules: ["risk.response-overdue", "issue.overdue"] },
  { key: "changes", rules: ["change.open-overdue"] },
  { key: "dueSoon", rules: ["schedule.due-soon", "contract.delivery-due-soon"] },
];

/** What the pages show of a report's findings without asking: small whatever the workbook's size. */
export interface FindingsOverview {
  total: number;
  /** Rules in order of first appearance, with their counts. */
  rules: Array<{ rule: string; count: number }>;
  /** Sheets in order of first appearance. */
  sheets: string[];
  /** Per 逾期 tile: how many, and for payments the ¥ outstanding. */
  tiles: Record<TileKey, { count: number; amount: number }>;
  /** The first few 「no table recognised」 findings, for the near-miss message. */
  notRecognized: PaneFinding[];
}

export function overviewOf(findings: readonly PaneFinding[]): FindingsOverview {
  const rules = new Map<string, number>();
  const sheets = new Set<string>();
  const notRecognized: PaneFinding[] = [];
  const tileOf = new Map<string, TileKey>();
  for (const t of TILES) for (const r of t.rules) tileOf.set(r, t.key);
  const tiles = Object.fromEntries(TILES.map((t) => [t.key, { count: 0, amount: 0 }])) as Record<
    TileKey,
    { count: number; amount: number }
  >;
  for (const f of findings) {
    rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
    sheets.add(f.sheet);
    const t = tileOf.get(f.rule);
    if (t) {
      tiles[t].count++;
      tiles[t].amount += f.amount ?? 0;
    }
    if (f.rule === "table.not-recognized" && notRecognized.length < 5) notRecognized.push(f);
  }
  return {
    total: findings.length,
    rules: [...rules].map(([rule, count]) => ({ rule, count })),
    sheets: [...sheets],
    tiles,
    notRecognized,
  };
}

/** Whether a finding passes the filter (the sort aside). */
export function passes(x: PaneFinding, f: Filter, me: string, rules?: ReadonlySet<string>): boolean {
  const q = f.search.trim().toLowerCase();
  const person = f.person.trim();
  const contract = f.contract.trim().toLowerCase();
  return (
    (!rules || rules.has(x.rule)) &&
    (!f.severity || x.severity === f.severity) &&
    (!f.rule || x.rule === f.rule) &&
    (!f.sheet || x.sheet === f.sheet) &&
    (!f.mine || (me !== "" && x.who?.includes(me) === true)) &&
    (!person || x.who?.some((p) => p.includes(person)) === true) &&
    (!contract || x.contract?.toLowerCase().includes(contract) === true) &&
    (!q ||
      x.message.toLowerCase().includes(q) ||
      `${x.sheet}!${x.cell ?? ""}`.toLowerCase().includes(q) ||
      x.who?.some((p) => p.toLowerCase().includes(q)) === true)
  );
}

/** Sorts in place, stably: sheet order where the key ties or is absent. */
export function sortFindings(list: PaneFinding[], sort: SortKey): PaneFinding[] {
  if (sort === "days") list.sort((a, b) => (b.days ?? -Infinity) - (a.days ?? -Infinity));
  else if (sort === "amount") list.sort((a, b) => (b.amount ?? -Infinity) - (a.amount ?? -Infinity));
  // 逾期's lists: longest overdue first, findings without days as none.
  else if (sort === "late") list.sort((a, b) => (b.days ?? 0) - (a.days ?? 0));
  return list;
}

/** The findings the filter lets through, sorted as asked. */
export function filterFindings(
  findings: readonly PaneFinding[],
  f: Filter,
  me: string,
  rules?: readonly string[],
): PaneFinding[] {
  const only = rules ? new Set(rules) : undefined;
  return sortFindings(
    findings.filter((x) => passes(x, f, me, only)),
    f.sort,
  );
}

/** The filtered findings split by rule, errors first, rules in order of first appearance. */
interface Sifted {
  shown: number;
  total: number;
  groups: Array<{ rule: string; severity: Severity; list: PaneFinding[] }>;
}

function sift(findings: readonly PaneFinding[], q: FindingsQuery): Sifted {
  const list = filterFindings(findings, q.filter, q.me, q.rules);
  const only = q.rules ? new Set(q.rules) : undefined;
  const total = only ? findings.reduce((n, x) => n + (only.has(x.rule) ? 1 : 0), 0) : findings.length;
  if (!q.grouped) return { shown: list.length, total, groups: [{ rule: "", severity: "info", list }] };
  const byRule = new Map<string, PaneFinding[]>();
  for (const x of list) {
    const g = byRule.get(x.rule);
    if (g) g.push(x);
    else byRule.set(x.rule, [x]);
  }
  const groups = [...byRule]
    .map(([rule, l]) => ({ rule, severity: l[0].severity, list: l }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { shown: list.length, total, groups };
}

function windowOf(s: Sifted, q: FindingsQuery): FindingsWindow {
  const from = Math.max(0, q.from);
  const rows: WindowRow[] = [];
  if (!q.grouped) {
    const list = s.groups[0].list;
    const to = Math.min(list.length, q.to);
    for (let i = from; i < to; i++) rows.push({ kind: "item", key: String(i), f: list[i] });
    return { shown: s.shown, total: s.total, length: list.length, groups: [], from, rows };
  }
  const byDefault = s.shown <= OPEN_UP_TO;
  const open = new Set(q.open);
  const closed = new Set(q.closed);
  const groups: GroupHead[] = [];
  let at = 0;
  for (const g of s.groups) {
    const expanded = open.has(g.rule) || (byDefault && !closed.has(g.rule));
    const head: GroupHead = { at, rule: g.rule, severity: g.severity, count: g.list.length, expanded };
    groups.push(head);
    if (at >= from && at < q.to) rows.push({ kind: "group", key: g.rule, group: head });
    at++;
    if (expanded) {
      const lo = Math.max(0, from - at);
      const hi = Math.min(g.list.length, q.to - at);
      for (let i = lo; i < hi; i++)
        rows.push({ kind: "item", key: `${g.rule}:${i}`, group: g.rule, f: g.list[i] });
      at += g.list.length;
    }
  }
  return { shown: s.shown, total: s.total, length: at, groups, from, rows };
}

/** The answer to one query, without keeping anything. */
export function queryFindings(findings: readonly PaneFinding[], q: FindingsQuery): FindingsWindow {
  return windowOf(sift(findings, q), q);
}

/**
 * A report's findings, kept where they were made, answering the page's queries. Scrolling asks the
 * same filter again and again: the filtered, sorted groups are kept for the last filter.
 */
export class FindingsStore {
  private last?: { key: string; sifted: Sifted };
  constructor(readonly findings: readonly PaneFinding[]) {}
  overview(): FindingsOverview {
    return overviewOf(this.findings);
  }
  query(q: FindingsQuery): FindingsWindow {
    const key = JSON.stringify([q.filter, q.me, q.rules ?? null, q.grouped]);
    if (this.last?.key !== key) this.last = { key, sifted: sift(this.findings, q) };
    return windowOf(this.last.sifted, q);
  }
}

/** At most this many notices are listed (and sent to the page), however many are planned. */
export const LISTED_NOTICES = 200;
/** The moved tasks of the baseline variance the page lists; the rest are counted. */
export const LISTED_VARIANCE = 100;

/**
 * The planned notices as the 通知 page needs them when the report lists only the first
 * LISTED_NOTICES: every notice's id (to pick them all, or all but a few) and the ids issued.
 */
export interface NoticeIndex {
  /** noticeId of each planned notice, in order (a cause planned twice appears twice). */
  ids: string[];
  /** noticeId of each notice the 通知台账 already numbers. */
  issued: string[];
  /** After a generation: the first LISTED_NOTICES notices it was asked for, with their numbers now. */
  sent?: NoticePlan[];
}

/** The notices of a report for the page: the first few in full, the rest by id. */
export function noticeIndex(notices: readonly NoticePlan[], sent?: readonly string[] | true): NoticeIndex {
  const ids = notices.map(noticeId);
  const out: NoticeIndex = { ids, issued: notices.filter((n) => n.issued).map(noticeId) };
  if (sent) {
    const asked = sent === true ? undefined : new Set(sent);
    out.sent = [];
    for (let i = 0; i < notices.length && out.sent.length < LISTED_NOTICES; i++)
      if (!asked || asked.has(ids[i])) out.sent.push(notices[i]);
  }
  return out;
}

/**
 * A report as the page holds it: no findings, what it shows of them in `overview`; the first
 * LISTED_NOTICES notices with the others in `noticeIndex`.
 */
export interface PageReport extends Omit<PaneReport, "findings"> {
  noticeIndex?: NoticeIndex;
  overview: FindingsOverview;
  /** Names the findings kept for this report: a query names the report it asks about. */
  version: number;
  /** Present only where the page made the report itself (tests): then it asks no one. */
  findings?: PaneFinding[];
}

/** The page's report of a full one, with the findings left in `store`. */
export function pageReport(report: PaneReport, version: number, sent?: readonly string[] | true): PageReport {
  const { findings, notices, ...rest } = report;
  const b = rest.baseline;
  return {
    ...rest,
    // The variance of every task stays here: the page lists the first moved ones and the counts.
    ...(b
      ? {
          baseline: {
            ...b,
            counts: varianceCounts(b.variance),
            variance: movedTasks(b.variance, LISTED_VARIANCE),
          },
        }
      : {}),
    notices: notices.slice(0, LISTED_NOTICES),
    noticeIndex: noticeIndex(notices, sent),
    overview: overviewOf(findings),
    version,
  };
}

/** The first `n` tasks of a variance that differ from the baseline, in its order. */
export function movedTasks<T extends { status: string }>(variance: readonly T[], n: number): T[] {
  const out: T[] = [];
  for (const v of variance) {
    if (out.length >= n) break;
    if (v.status !== "same") out.push(v);
  }
  return out;
}

/** A job's result as the page gets it: the report without its findings. */
export interface PageResult extends Omit<JobResult, "report"> {
  report?: PageReport;
}

/** The last report's findings, where jobs run; each report a new version. */
export class Keeper {
  private store?: { version: number; store: FindingsStore };
  private next = 1;
  /**
   * Keeps the report's findings and gives the page the rest; `sent`: the notices a generation was
   * asked for (all of them: true), so the page can say what became of them.
   */
  keep(r: JobResult, sent?: readonly string[] | true): PageResult {
    if (!r.report) return r as PageResult;
    const version = this.next++;
    this.store = { version, store: new FindingsStore(r.report.findings) };
    return { ...r, report: pageReport(r.report, version, sent) };
  }
  query(version: number, q: FindingsQuery): FindingsWindow | undefined {
    return this.store?.version === version ? this.store.store.query(q) : undefined;
  }
}

/** The notices a job asked to generate, for Keeper.keep. */
export function sentBy(job: {
  kind: string;
  notices?: boolean;
  noticeKeys?: string[];
}): string[] | true | undefined {
  if (job.kind !== "apply" || !job.notices) return undefined;
  return job.noticeKeys ?? true;
}
