import { SAMPLE_AS_OF, sampleWorkbook } from "../../src/app/sample";
import { analyseWorkbook, mergeFindings, type Analysis } from "../../src/core/check";
import { isoToSerial, type IsoDate } from "../../src/core/dates";
import { recheck, startLive, unseenByRecognition, type CellEdit } from "../../src/core/live";
import { yearsOfFinding } from "../../src/core/rules/workbook";
import type { Cell, WorkbookSnapshot } from "../../src/core/snapshot";

const opts = { asOf: SAMPLE_AS_OF as IsoDate };

/** What a user sees of a check: its findings (in any order among equals) and its notices, in order. */
function seen(a: Analysis) {
  return {
    findings: a.result.findings.map((f) => JSON.stringify(f)).sort(),
    notices: a.result.notices.map((n) => JSON.stringify(n)),
    summary: a.result.summary,
    state: JSON.stringify(a.result.state),
  };
}

const YEARS = "calendar.year-missing";
const years = (a: Analysis) => a.result.findings.filter((f) => f.rule === YEARS).flatMap(yearsOfFinding);

/** The check as seen without its calendar.year-missing findings and the state's missing years. */
function withoutYears(a: Analysis): Analysis {
  const findings = a.result.findings.filter((f) => f.rule !== YEARS);
  const n = a.result.findings.length - findings.length;
  return {
    ...a,
    result: {
      ...a.result,
      findings,
      summary: { ...a.result.summary, warnings: a.result.summary.warnings - n },
      state: { ...a.result.state, missingYears: [] },
    },
  };
}

/** mulberry32: the same edits on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES: Array<Cell | undefined> = [
  undefined,
  { value: isoToSerial("2026-11-01"), numFmt: "yyyy-mm-dd" },
  { value: isoToSerial("2026-12-20"), numFmt: "yyyy-mm-dd" },
  { value: isoToSerial("2025-03-15"), numFmt: "yyyy-mm-dd" },
  { value: "2026/13/45" },
  { value: "2026-10-08" },
  { value: 0.5, numFmt: "0%" },
  { value: 1.2, numFmt: "0%" },
  { value: 1, numFmt: "0%" },
  { value: 120000, numFmt: "#,##0.00" },
  { value: "HT-2026-031" },
  { value: "HT-1999-001" },
  { value: "王芳" },
  { value: "是" },
  { value: 20261117 },
];

/** Random edits inside the data rows of the first check's tables, of the kinds a user makes. */
function edits(wb: WorkbookSnapshot, a: Analysis, next: () => number): CellEdit[] {
  const t = a.tables[Math.floor(next() * a.tables.length)];
  const rows = t.source.dataRows;
  const r1 = rows[Math.floor(next() * rows.length)];
  const cols = Object.values(t.source.columns)
    .map((c) => c!.col)
    .concat(t.source.groups.flatMap((g) => Object.values(g.columns).map((c) => c!.col)));
  const c1 = cols[Math.floor(next() * cols.length)];
  const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
  const width = Math.max(...sheet.rows.map((r) => r?.length ?? 0));
  const kind = next();
  // As the pane reads an edit (read-changed.ts): the whole row, one cell of it changed.
  if (kind < 0.25) {
    const value =
      next() < 0.7
        ? { value: isoToSerial(next() < 0.5 ? "2026-10-30" : "2027-02-15"), numFmt: "yyyy-mm-dd" }
        : VALUES[Math.floor(next() * VALUES.length)];
    const line = Array.from({ length: width }, (_, c) => sheet.rows[r1 - 1]?.[c]);
    line[c1 - 1] = value;
    return [{ sheet: t.sheet, r1, c1: 1, r2: r1, c2: width, cells: [line] }];
  }
  // A row blanked, or 合计 typed in its first cell.
  if (kind < 0.3) {
    const line: Array<Cell | undefined> = Array.from({ length: width }, () => undefined);
    if (next() < 0.5) line[0] = { value: "合计" };
    return [{ sheet: t.sheet, r1, c1: 1, r2: r1, c2: width, cells: [line] }];
  }
  const tall = next() < 0.2 ? 2 : 1;
  const r2 = Math.min(r1 + tall - 1, t.source.lastRow);
  const cells = [];
  for (let r = r1; r <= r2; r++) cells.push([VALUES[Math.floor(next() * VALUES.length)]]);
  return [{ sheet: t.sheet, r1, c1, r2, c2: c1, cells }];
}

function clone(wb: WorkbookSnapshot): WorkbookSnapshot {
  return structuredClone(wb);
}

/** The sample with its schedule's merged 阶段 cells unmerged (values kept on the top rows). */
function unmerged(): WorkbookSnapshot {
  const wb = sampleWorkbook();
  for (const s of wb.sheets) s.merges = s.merges.filter((m) => m.r1 <= 3);
  return wb;
}

describe.each([
  ["the sample", sampleWorkbook],
  ["the sample without merged cells", unmerged],
])("live validation on %s", (_name, make) => {
  test("after a sequence of edits, the incremental check equals a full check", () => {
    const wb = make();
    const first = analyseWorkbook(wb, opts);
    const live = startLive(wb, first, opts)!;
    expect(live).toBeDefined();
    const next = rng(11);
    let incremental = 0;
    let fallbacks = 0;
    let state = live;
    for (let i = 0; i < 80; i++) {
      const e = edits(wb, first, next);
      const got = recheck(state, e);
      const want = analyseWorkbook(clone(wb), opts);
      if (got === undefined) {
        // The caller checks in full and keeps that for the next edit.
        fallbacks++;
        state = startLive(wb, analyseWorkbook(wb, opts), opts)!;
        continue;
      }
      incremental++;
      // Everything but the missing holiday years is exact. Those the live calendar remembers from
      // earlier edits (a date typed as 1 in a 0% cell is 1900) stay until the next full check, as
      // live.ts says; none the full check finds is ever left out.
      expect(seen(withoutYears(got))).toEqual(seen(withoutYears(want)));
      expect(years(got)).toEqual(expect.arrayContaining(years(want)));
    }
    // Most edits stay incremental; the rest change what recognition sees (a row blanked, …).
    expect(incremental).toBeGreaterThan(fallbacks);
  });
});

test("an edit of a header row, 设置 or a sheet without tables asks for a full check", () => {
  const wb = sampleWorkbook();
  const a = analyseWorkbook(wb, opts);
  const t = a.tables[0];
  const live = startLive(wb, a, opts)!;
  expect(
    recheck(live, [
      {
        sheet: t.sheet,
        r1: t.source.headerRow,
        c1: 1,
        r2: t.source.headerRow,
        c2: 1,
        cells: [[{ value: "x" }]],
      },
    ]),
  ).toBeUndefined();
  expect(
    recheck(live, [{ sheet: "设置", r1: 1, c1: 1, r2: 1, c2: 1, cells: [[{ value: "x" }]] }]),
  ).toBeUndefined();
  // The edits still reach the snapshot: a full check of it sees them.
  expect(wb.sheets.find((s) => s.name === t.sheet)!.rows[t.source.headerRow - 1]![0]).toEqual({ value: "x" });
});

test("a date typed as 1 or 120000 while editing: one finding on the cell, no flood of missing years", () => {
  const wb = sampleWorkbook();
  const first = analyseWorkbook(wb, opts);
  const t = first.tables.find((x) => x.kind === "schedule")!;
  const col = t.source.columns.planEnd!.col;
  const row = t.source.dataRows[6];
  const live = startLive(wb, first, opts)!;
  for (const value of [1, 120000]) {
    const got = recheck(live, [
      { sheet: t.sheet, r1: row, c1: col, r2: row, c2: col, cells: [[{ value, numFmt: "yyyy-mm-dd" }]] },
    ]);
    expect(got).toBeDefined();
    const onCell = got!.result.findings.filter(
      (f) => f.sheet === t.sheet && f.row === row && f.field === "planEnd",
    );
    expect(onCell.map((f) => f.rule)).toEqual(["cell.date-invalid"]);
    expect(got!.result.findings.filter((f) => f.rule === YEARS).length).toBeLessThanOrEqual(1);
    expect(years(got!)).toEqual(years(analyseWorkbook(clone(wb), opts)));
  }
});

describe("what an edit is spared", () => {
  /** The sample, checked and kept for live validation, with its schedule table. */
  function start() {
    const wb = sampleWorkbook();
    const a = analyseWorkbook(wb, opts);
    const live = startLive(wb, a, opts)!;
    const t = a.tables.find((x) => x.kind === "schedule")!;
    const col = (field: string) => (t.source.columns as Record<string, { col: number }>)[field].col;
    const cell = (r: number, c: number, value: Cell | undefined): CellEdit => ({
      sheet: t.sheet,
      r1: r,
      c1: c,
      r2: r,
      c2: c,
      cells: [[value]],
    });
    return { wb, a, live, t, col, cell };
  }
  const date = (iso: string): Cell => ({ value: isoToSerial(iso), numFmt: "yyyy-mm-dd" });

  test("a date typed over a date on a data row is not recognised again, and the result is a full check's", () => {
    const { wb, a, live, t, col, cell } = start();
    const r = t.source.dataRows[2];
    const e = [cell(r, col("planEnd"), date("2027-03-01"))];
    expect(unseenByRecognition(wb, a, e)).toBe(true);
    const got = recheck(live, e)!;
    expect(live.last?.recognised).toBe(false);
    expect(seen(got)).toEqual(seen(analyseWorkbook(clone(wb), opts)));
  });

  test.each([
    ["a blank", undefined],
    ["text", { value: "2027-03-01" }],
    ["0", { value: 0 }],
    ["a fraction", { value: 1.5 }],
    ["a number outside the dates", { value: 12 }],
  ])("%s typed over a date is recognised again", (_name, value) => {
    const { wb, a, t, col, cell } = start();
    const r = t.source.dataRows[2];
    expect(unseenByRecognition(wb, a, [cell(r, col("planEnd"), value as Cell | undefined)])).toBe(false);
  });

  test("a number typed on a row outside the tables' data is recognised again", () => {
    const { wb, a, t, col, cell } = start();
    const below = t.source.lastRow + 2;
    const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
    (sheet.rows[below - 1] ??= [])[col("planEnd") - 1] = date("2026-01-05");
    expect(unseenByRecognition(wb, a, [cell(below, col("planEnd"), date("2026-02-05"))])).toBe(false);
  });

  test("zeros typed over every dated cell of a row (a template's spare row) are checked as a full check would", () => {
    const { wb, live, t, col } = start();
    const r = t.source.dataRows[3];
    const fields = ["planStart", "planEnd", "actualStart", "actualEnd", "progress"].map(col);
    const c1 = Math.min(...fields);
    const c2 = Math.max(...fields);
    const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
    const line = Array.from({ length: c2 - c1 + 1 }, (_, k) =>
      fields.includes(c1 + k) ? { value: 0 } : sheet.rows[r - 1]?.[c1 + k - 1],
    );
    const got = recheck(live, [{ sheet: t.sheet, r1: r, c1, r2: r, c2, cells: [line] }]);
    if (got) expect(seen(got)).toEqual(seen(analyseWorkbook(clone(wb), opts)));
    expect(live.last?.recognised ?? true).toBe(true);
  });

  test("a row read whole with one date changed parses that row alone; a WBS changed parses the table", () => {
    const { wb, live, t, col } = start();
    const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
    const width = Math.max(...sheet.rows.map((r) => r?.length ?? 0));
    const r = t.source.dataRows[4];
    const row = (field: string, value: Cell) => {
      const line = Array.from({ length: width }, (_, c) => sheet.rows[r - 1]?.[c]);
      line[col(field) - 1] = value;
      return [{ sheet: t.sheet, r1: r, c1: 1, r2: r, c2: width, cells: [line] }];
    };
    expect(recheck(live, row("planEnd", date("2027-03-01")))).toBeDefined();
    expect(live.last?.retyped).toBe(1);
    const got = recheck(live, row("wbs", { value: "9.9" }));
    if (got) {
      expect(live.last?.retyped).toBe(t.rows.length);
      expect(seen(got)).toEqual(seen(analyseWorkbook(clone(wb), opts)));
    }
  });

  test("findings an edit leaves alone stay the same objects, so the pane words only the new ones", () => {
    const { a, live, t, col, cell } = start();
    const before = new Map(a.result.findings.map((f) => [JSON.stringify(f), f]));
    const r = t.source.dataRows[2];
    const got = recheck(live, [cell(r, col("planEnd"), date("2027-03-01"))])!;
    const same = got.result.findings.filter((f) => before.has(JSON.stringify(f)));
    expect(same.length).toBeGreaterThan(got.result.findings.length / 2);
    for (const f of same) expect(f).toBe(before.get(JSON.stringify(f)));
  });

  test("a schedule edit keeps the contracts' notices and plans 计划调整通知 again on the edited row only, in order", () => {
    const { wb, a, live, t, col, cell } = start();
    // A row with no plan change yet: moved off its baseline, it needs a 计划调整通知 among the others.
    const moved = a.result.notices.filter((n) => n.type === "计划调整通知").map((n) => n.row);
    const r = t.source.dataRows.find(
      (x) =>
        !moved.includes(x) &&
        wb.sheets.find((s) => s.name === t.sheet)!.rows[x - 1]?.[col("baselineEnd") - 1],
    )!;
    const got = recheck(live, [cell(r, col("planEnd"), date("2027-03-01"))])!;
    expect(live.last?.planned).not.toContain("dunning");
    expect(live.last?.planned).toContain("plan-change");
    const want = analyseWorkbook(clone(wb), opts).result.notices;
    expect(want.filter((n) => n.type === "计划调整通知").map((n) => n.row)).toContain(r);
    expect(got.result.notices).toEqual(want);
    // The contracts' notices are the very ones planned before.
    const dunning = got.result.notices.find((n) => n.type === "催款通知单");
    expect(dunning).toBe(a.result.notices.find((n) => n.type === "催款通知单"));
  });

  test("an edit on a row no 备忘录 follows from keeps the 备忘录; an edit on a row it lists plans it again", () => {
    const { wb, a, live, t, col, cell } = start();
    const beyond = new Set(
      a.result.findings.filter((f) => f.rule === "schedule.beyond-contract").map((f) => f.row),
    );
    expect(a.result.notices.some((n) => n.type === "备忘录")).toBe(true);
    // A note typed on a row past no contract's date.
    const quiet = t.rows.find(
      (r) =>
        !beyond.has(r.row) &&
        !r.summary &&
        a.model.contracts.get(String(r.fields.contractNo?.display ?? ""))?.fields.deliveryDate,
    )!.row;
    let got = recheck(live, [cell(quiet, col("note"), { value: "已与客户确认" })])!;
    expect(live.last?.planned).not.toContain("memo");
    expect(seen(got)).toEqual(seen(analyseWorkbook(clone(wb), opts)));
    // A note typed on a row the 备忘录 lists: planned again (its tasks are named from those rows).
    const listed = [...beyond][0]!;
    got = recheck(live, [cell(listed, col("note"), { value: "客户同意顺延" })])!;
    expect(live.last?.planned).toContain("memo");
    expect(seen(got)).toEqual(seen(analyseWorkbook(clone(wb), opts)));
  });

  test("findings merged in land where a full sort puts them", () => {
    const wb = sampleWorkbook();
    const all = analyseWorkbook(wb, opts).result.findings;
    const next = rng(5);
    const added = all.filter(() => next() < 0.3);
    const rest = all.filter((f) => !added.includes(f));
    expect(mergeFindings(wb, rest, [...added].reverse()).map((f) => JSON.stringify(f))).toEqual(
      all.map((f) => JSON.stringify(f)),
    );
  });
});

test("an edit of a value merged down over rows checks every row under it again", () => {
  const wb = sampleWorkbook();
  const t0 = analyseWorkbook(wb, opts).tables.find((x) => x.kind === "schedule")!;
  const c = t0.source.columns.contractNo!.col;
  const r1 = t0.source.dataRows.find((r) => t0.source.dataRows.includes(r + 2))!;
  const sheet = wb.sheets.find((s) => s.name === t0.sheet)!;
  // 合同编号 written once and merged down over three tasks.
  sheet.merges.push({ r1, c1: c, r2: r1 + 2, c2: c });
  for (const r of [r1 + 1, r1 + 2]) delete sheet.rows[r - 1]![c - 1];
  const a = analyseWorkbook(wb, opts);
  const live = startLive(wb, a, opts)!;
  const other = a.model.contracts.keys().next().value as string;
  const got = recheck(live, [{ sheet: t0.sheet, r1, c1: c, r2: r1, c2: c, cells: [[{ value: other }]] }])!;
  const want = analyseWorkbook(clone(wb), opts);
  expect(seen(got)).toEqual(seen(want));
  // The rows under the merge now read the new contract, as a full check reads them.
  const rowsOf = (x: Analysis) =>
    x.tables
      .find((t) => t.kind === "schedule")!
      .rows.filter((r) => r.row >= r1 && r.row <= r1 + 2)
      .map((r) => r.fields.contractNo?.display);
  expect(rowsOf(got)).toEqual([other, other, other]);
  expect(rowsOf(got)).toEqual(rowsOf(want));
});
