/**
 * The worklist's queries, answered where the findings are kept, against a naive answer on
 * generated findings: every filter, sort and window gives the rows the whole list would.
 */

import type { Severity } from "../../src/core/findings";
import type { NoticePlan } from "../../src/core/notices";
import {
  FindingsStore,
  Keeper,
  LISTED_NOTICES,
  NO_FILTER,
  OPEN_UP_TO,
  TILES,
  noticeIndex,
  overviewOf,
  queryFindings,
  type Filter,
  type FindingsQuery,
  type WindowRow,
} from "../../src/taskpane/findings-query";
import type { PaneFinding, PaneReport } from "../../src/taskpane/jobs";

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RULES: Array<[string, Severity]> = [
  ["schedule.overdue", "error"],
  ["contract.payment-overdue", "error"],
  ["cell.date-invalid", "warning"],
  ["schedule.due-soon", "info"],
  ["risk.response-overdue", "warning"],
  ["table.not-recognized", "info"],
];
const PEOPLE = ["李娜", "赵强", "王芳", "陈静"];
const SHEETS = ["进度计划表", "合同执行情况表", "风险登记册"];

function generate(n: number, seed: number): PaneFinding[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  return Array.from({ length: n }, (_, i) => {
    const [rule, severity] = pick(RULES);
    const f: PaneFinding = {
      rule: rule as PaneFinding["rule"],
      severity,
      sheet: pick(SHEETS),
      row: 2 + i,
      cell: `F${2 + i}`,
      message: `第 ${i} 条 ${rule} 消息 ${pick(["逾期", "Overdue", "缺少日期"])}`,
    };
    if (r() < 0.7) f.who = [pick(PEOPLE), ...(r() < 0.3 ? [pick(PEOPLE)] : [])];
    if (r() < 0.6) f.contract = `HT-${Math.floor(r() * 50)}`;
    if (r() < 0.5) f.days = Math.floor(r() * 40) - 5;
    if (r() < 0.4) f.amount = Math.floor(r() * 10) * 1000;
    return f;
  });
}

/** The naive worklist: filter, sort, group and lay out every row. */
function naiveRows(findings: PaneFinding[], q: FindingsQuery): { shown: number; rows: WindowRow[] } {
  const f = q.filter;
  const needle = f.search.trim().toLowerCase();
  let list = findings.filter(
    (x) =>
      (!q.rules || q.rules.includes(x.rule)) &&
      (!f.severity || x.severity === f.severity) &&
      (!f.rule || x.rule === f.rule) &&
      (!f.sheet || x.sheet === f.sheet) &&
      (!f.mine || (q.me !== "" && (x.who ?? []).includes(q.me))) &&
      (!f.person.trim() || (x.who ?? []).some((p) => p.includes(f.person.trim()))) &&
      (!f.contract.trim() || (x.contract ?? "").toLowerCase().includes(f.contract.trim().toLowerCase())) &&
      (!needle ||
        x.message.toLowerCase().includes(needle) ||
        `${x.sheet}!${x.cell ?? ""}`.toLowerCase().includes(needle) ||
        (x.who ?? []).some((p) => p.toLowerCase().includes(needle))),
  );
  const key = (x: PaneFinding) =>
    f.sort === "days"
      ? (x.days ?? -Infinity)
      : f.sort === "amount"
        ? (x.amount ?? -Infinity)
        : f.sort === "late"
          ? (x.days ?? 0)
          : 0;
  // Stable by construction: position breaks ties.
  list = list
    .map((x, i) => ({ x, i }))
    .sort((a, b) => key(b.x) - key(a.x) || a.i - b.i)
    .map((e) => e.x);
  if (!q.grouped)
    return { shown: list.length, rows: list.map((x, i) => ({ kind: "item", key: String(i), f: x })) };
  const order = { error: 0, warning: 1, info: 2 };
  const rules: string[] = [];
  for (const x of list) if (!rules.includes(x.rule)) rules.push(x.rule);
  const sevOf = (rule: string) => list.find((x) => x.rule === rule)!.severity;
  const ordered = rules
    .map((rule, i) => ({ rule, i }))
    .sort((a, b) => order[sevOf(a.rule)] - order[sevOf(b.rule)] || a.i - b.i)
    .map((e) => e.rule);
  const rows: WindowRow[] = [];
  for (const rule of ordered) {
    const items = list.filter((x) => x.rule === rule);
    const expanded = q.open.includes(rule) || (list.length <= OPEN_UP_TO && !q.closed.includes(rule));
    rows.push({
      kind: "group",
      key: rule,
      group: { at: rows.length, rule, severity: sevOf(rule), count: items.length, expanded },
    });
    if (expanded)
      items.forEach((x, i) => rows.push({ kind: "item", key: `${rule}:${i}`, group: rule, f: x }));
  }
  return { shown: list.length, rows };
}

const FILTERS: Array<Partial<Filter>> = [
  {},
  { severity: "error" },
  { rule: "cell.date-invalid" },
  { sheet: "合同执行情况表", sort: "amount" },
  { mine: true },
  { person: "赵" },
  { contract: "ht-1" },
  { search: "逾期" },
  { search: "进度计划表!f1" },
  { search: "overdue", sort: "days" },
  { severity: "warning", sort: "days", search: "消息" },
  { sort: "late" },
  { search: "no such thing" },
];

describe("the worklist's queries", () => {
  const findings = generate(2000, 7);
  const small = generate(120, 11);

  it.each(FILTERS.map((f, i) => [i, f] as const))(
    "filter %i gives the naive list's rows in every window",
    (_i, f) => {
      const store = new FindingsStore(findings);
      for (const [data, open, closed] of [
        [findings, [] as string[], [] as string[]],
        [findings, ["cell.date-invalid", "schedule.overdue"], []],
        [small, [], ["schedule.due-soon"]],
      ] as const) {
        for (const grouped of [true, false]) {
          const base = {
            filter: { ...NO_FILTER, ...f },
            me: "李娜",
            grouped,
            open: [...open],
            closed: [...closed],
          };
          const want = naiveRows([...data], { ...base, from: 0, to: 0 });
          const s = data === findings ? store : new FindingsStore(data);
          for (const [from, to] of [
            [0, 50],
            [37, 161],
            [want.rows.length - 10, want.rows.length + 20],
            [0, Number.MAX_SAFE_INTEGER],
          ]) {
            const got = s.query({ ...base, from, to });
            expect(got.shown).toBe(want.shown);
            expect(got.length).toBe(want.rows.length);
            expect(got.from).toBe(Math.max(0, from));
            expect(got.rows).toEqual(want.rows.slice(Math.max(0, from), to));
            expect(got.groups.map((g) => g.at)).toEqual(
              want.rows.filter((r) => r.kind === "group").map((r) => (r.kind === "group" ? r.group.at : -1)),
            );
            // The kept answer and a fresh one agree.
            expect(queryFindings(data, { ...base, from, to })).toEqual(got);
          }
        }
      }
    },
  );

  it("restricts to a 逾期 tile's rules, longest overdue first, and counts the tile", () => {
    const payments = TILES.find((t) => t.key === "payments")!.rules;
    const got = queryFindings(findings, {
      filter: { ...NO_FILTER, sort: "late" },
      me: "",
      rules: payments,
      grouped: false,
      open: [],
      closed: [],
      from: 0,
      to: Number.MAX_SAFE_INTEGER,
    });
    const want = findings.filter((f) => f.rule === "contract.payment-overdue");
    expect(got.total).toBe(want.length);
    expect(got.rows.map((r) => (r.kind === "item" ? r.f : undefined))).toEqual(
      naiveRows(want, {
        filter: { ...NO_FILTER, sort: "late" },
        me: "",
        grouped: false,
        open: [],
        closed: [],
        from: 0,
        to: 0,
      }).rows.map((r) => (r.kind === "item" ? r.f : undefined)),
    );
    const o = overviewOf(findings);
    expect(o.tiles.payments).toEqual({
      count: want.length,
      amount: want.reduce((n, f) => n + (f.amount ?? 0), 0),
    });
    expect(o.total).toBe(findings.length);
    expect(o.rules.reduce((n, r) => n + r.count, 0)).toBe(findings.length);
    expect(o.notRecognized).toHaveLength(5);
  });

  it("hands the page a report without findings and answers only for the report it kept", () => {
    const keeper = new Keeper();
    const notices = Array.from({ length: 450 }, (_, i) => ({
      type: "payment-reminder",
      key: `HT-${i}`,
      sheet: "合同执行情况表",
      row: i + 2,
      facts: {},
      ...(i % 3 === 0 ? { issued: `CK-${i}` } : {}),
    })) as unknown as NoticePlan[];
    const report = {
      findings,
      notices,
      summary: { errors: 0, warnings: 0, infos: 0 },
    } as unknown as PaneReport;
    const first = keeper.keep({ report }).report!;
    expect("findings" in first).toBe(false);
    expect(first.overview.total).toBe(findings.length);
    expect(first.notices).toHaveLength(LISTED_NOTICES);
    expect(first.noticeIndex).toEqual(noticeIndex(notices));
    expect(first.noticeIndex!.ids).toHaveLength(450);
    expect(first.noticeIndex!.issued).toHaveLength(150);
    const q = { filter: NO_FILTER, me: "", grouped: true, open: [], closed: [], from: 0, to: 10 };
    expect(keeper.query(first.version, q)?.shown).toBe(findings.length);
    const second = keeper.keep({ report: { ...report, findings: small } }, [
      "payment-reminder:HT-449",
    ]).report!;
    expect(keeper.query(first.version, q)).toBeUndefined();
    expect(keeper.query(second.version, q)?.shown).toBe(small.length);
    expect(second.noticeIndex!.sent!.map((n) => n.key)).toEqual(["HT-449"]);
  });
});
