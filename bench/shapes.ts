/**
 * `npm run bench:shapes`: how robust recognition is to the ways real offices lay a table out.
 *
 * Every table the product recognises today in the real workbooks is cut out of its sheet (its
 * header rows and its first data rows, at A1, on a sheet of the same name), recognised again alone
 * (tables not found alone are left out), and then re-laid-out in memory, on the snapshot, one way
 * at a time: title rows above, moved right, a key/value block above, dates as text or as bare
 * serial numbers, a total row and notes below, a two-row header, a Gantt grid to the right,
 * unknown columns inserted, decorated headers, phase heading rows, the owner column removed, a
 * second table stacked below. Each variant is recognised again and kept when a table of the same
 * kind is found on the header row the change moves it to, with every key column (schedules: task,
 * planStart, planEnd, duration, owner; contracts: contractNo, contractName, customer, signDate,
 * amount; payments: contractNo, dueDate, dueAmount, receivedDate, receivedAmount) on the column
 * the change moves it to. A kept table whose data rows are not the moved rows (a title or total
 * read as a task) is counted apart as `rows differ`.
 *
 *   PTRACK_SHAPES_WORKBOOKS  folder(s) of .xlsx files, `:`-separated (default: the folders of
 *                            bench/real-workbooks.ts); none present → skipped
 *   PTRACK_SHAPES_ROWS       data rows kept per table (default 30)
 *   PTRACK_SHAPES_ONLY       `;`-separated variant names to run (default all)
 *   PTRACK_SHAPES_ROOT       checkout whose src/ is measured (default this one)
 *
 * It is a measurement, not a test: it exits 0 whatever it finds, and 2 only when it cannot run.
 * Results go to bench/results/shapes.json (per variant: tables kept, broken, rows differ, not
 * applicable, with examples) and a line of bench/results/shapes-history.jsonl.
 */

import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Cell, Range, SheetSnapshot, WorkbookSnapshot } from "../src/core/snapshot";
import type { RecognisedTable, Recognition } from "../src/core/recognise";

const ROOT = resolve(__dirname, "..");
const SUBJECT = resolve(process.env.PTRACK_SHAPES_ROOT ?? ROOT);
const RESULTS = join(__dirname, "results");
const DEFAULT_DIRS = [
  "files",
  "heldout",
  "heldout2",
  "heldout3",
  "heldout4",
  "heldout5",
  "heldout6",
  "heldout7",
  "heldout8",
  "heldout9",
  "heldout10",
].map((d) => `/work/realwb/${d}`);

const KEYS: Record<string, string[]> = {
  schedule: ["task", "planStart", "planEnd", "duration", "owner"],
  contracts: ["contractNo", "contractName", "customer", "signDate", "amount"],
  payments: ["contractNo", "dueDate", "dueAmount", "receivedDate", "receivedAmount"],
};

/** A table cut out of its sheet: a grid at A1, its header rows first. */
interface Grid {
  name: string;
  date1904: boolean;
  /** cells[r][c], 0-based. */
  cells: Array<Array<Cell | undefined>>;
  merges: Range[];
}

/** The table as found in a grid: what a variant must still find, moved. */
interface Expect {
  kind: string;
  headerRow: number;
  /** Key field → column (1-based). */
  keys: Record<string, number>;
  dataRows: number[];
}

interface Base {
  file: string;
  grid: Grid;
  table: RecognisedTable;
  expect: Expect;
}

/** A variant: the new grid and where the old rows and columns went (undefined: removed). */
interface Variant {
  grid: Grid;
  row: (r: number) => number;
  col: (c: number) => number | undefined;
  /** Header row of the variant when the change moves it otherwise than `row` does. */
  headerRow?: number;
  /** Keys no longer expected (the owner column removed). */
  dropKeys?: string[];
}

type Transform = (b: Base) => Variant | null;

const clone = (g: Grid): Grid => ({
  name: g.name,
  date1904: g.date1904,
  cells: g.cells.map((row) => row.map((c) => (c ? { ...c } : undefined))),
  merges: g.merges.map((m) => ({ ...m })),
});

const id = (n: number) => n;
const text = (value: string): Cell => ({ value });

/** Inserts `n` rows before 1-based row `at`, filled by `fill`. */
function insertRows(g: Grid, at: number, rows: Array<Array<Cell | undefined>>, merges: Range[] = []): Grid {
  const out = clone(g);
  out.cells.splice(at - 1, 0, ...rows);
  const n = rows.length;
  out.merges = out.merges.map((m) =>
    m.r1 >= at ? { ...m, r1: m.r1 + n, r2: m.r2 + n } : m.r2 >= at ? { ...m, r2: m.r2 + n } : m,
  );
  out.merges.push(...merges);
  return out;
}

/** Inserts empty columns before 1-based column `at`. */
function insertCols(g: Grid, at: number, n: number): Grid {
  const out = clone(g);
  out.cells = out.cells.map((row) => {
    const r = [...row];
    while (r.length < at - 1) r.push(undefined);
    r.splice(at - 1, 0, ...new Array<Cell | undefined>(n).fill(undefined));
    return r;
  });
  out.merges = out.merges.map((m) =>
    m.c1 >= at ? { ...m, c1: m.c1 + n, c2: m.c2 + n } : m.c2 >= at ? { ...m, c2: m.c2 + n } : m,
  );
  return out;
}

function width(g: Grid): number {
  return Math.max(0, ...g.cells.map((r) => r.length));
}

export function toSheet(g: Grid): WorkbookSnapshot {
  const rows: SheetSnapshot["rows"] = [];
  g.cells.forEach((row, r) => {
    if (row.some((c) => c !== undefined && c.value !== "")) {
      const out: Array<Cell | undefined> = [];
      row.forEach((c, i) => {
        if (c !== undefined && c.value !== "") out[i] = c;
      });
      rows[r] = out;
    }
  });
  return {
    date1904: g.date1904,
    sheets: [{ name: g.name, visibility: "visible", rows, merges: g.merges, tables: [] }],
  };
}

const headerTop = (b: Base) => b.expect.headerRow - b.table.headerRows + 1;
const dateFields = (b: Base) =>
  Object.entries(b.table.columns)
    .filter(([f, c]) => c && /Date$|^plan(Start|End)$|^actual(Start|End)$|^(termStart|termEnd)$/.test(f))
    .map(([, c]) => c!.col - b.table.firstCol + 1);

function isoParts(serial: number, date1904: boolean): [number, number, number] {
  const ms = Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86400000);
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** Date cells of the date columns rewritten by `f` (data rows only). */
function rewriteDates(b: Base, f: (c: Cell, y: number, m: number, d: number) => Cell): Variant | null {
  const g = clone(b.grid);
  let n = 0;
  for (const c of dateFields(b)) {
    for (const r of b.expect.dataRows) {
      const cell = g.cells[r - 1]?.[c - 1];
      if (!cell || typeof cell.value !== "number" || cell.value < 20000 || cell.value > 80000) continue;
      const [y, m, d] = isoParts(cell.value, g.date1904);
      g.cells[r - 1][c - 1] = f(cell, y, m, d);
      n++;
    }
  }
  return n ? { grid: g, row: id, col: id } : null;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** The text a header cell shows (the last header row). */
function headerCells(b: Base, g: Grid, row: number): Array<{ c: number; cell: Cell; field?: string }> {
  const fieldAt = new Map<number, string>();
  for (const [f, ref] of Object.entries(b.table.columns))
    if (ref) fieldAt.set(ref.col - b.table.firstCol + 1, f.replace(/\d+$/, ""));
  const out: Array<{ c: number; cell: Cell; field?: string }> = [];
  (g.cells[row - 1] ?? []).forEach((cell, i) => {
    if (cell && typeof cell.value === "string" && cell.value.trim())
      out.push({ c: i + 1, cell, field: fieldAt.get(i + 1) });
  });
  return out;
}

function decorate(f: (h: string, field: string | undefined) => string): Transform {
  return (b) => {
    const g = clone(b.grid);
    let n = 0;
    for (const { c, cell, field } of headerCells(b, g, b.expect.headerRow)) {
      const next = f(String(cell.value), field);
      if (next !== cell.value) n++;
      g.cells[b.expect.headerRow - 1][c - 1] = { ...cell, value: next };
    }
    return n ? { grid: g, row: id, col: id } : null;
  };
}

const GLOSS: Record<string, string> = {
  task: "Task",
  planStart: "Start",
  planEnd: "Finish",
  duration: "Duration",
  owner: "Owner",
  actualStart: "Actual Start",
  actualEnd: "Actual Finish",
  progress: "Progress",
  wbs: "No.",
  contractNo: "Contract No.",
  contractName: "Contract Name",
  customer: "Customer",
  signDate: "Sign Date",
  amount: "Amount",
  dueDate: "Due Date",
  dueAmount: "Due Amount",
  receivedDate: "Date Received",
  receivedAmount: "Amount Received",
};

const MONEY = /amount|Amount|price|Price/;

/** A Gantt grid right of the table: 28 day columns, marks over a stretch of each data row. */
function gantt(weeks: boolean): Transform {
  return (b) => {
    let g = clone(b.grid);
    const at = width(g) + 1;
    const hr = b.expect.headerRow;
    const start = 45292; // 2024-01-01, a Monday
    const days = 28;
    if (weeks) {
      const band: Array<Cell | undefined> = [];
      const merges: Range[] = [];
      for (let w = 0; w < days / 7; w++) {
        band[at - 1 + w * 7] = text(`第${w + 1}周`);
        merges.push({ r1: hr, c1: at + w * 7, r2: hr, c2: at + w * 7 + 6 });
      }
      g = insertRows(g, hr, [band]);
      g.merges.push(...merges);
    }
    const h = weeks ? hr + 1 : hr;
    const header = g.cells[h - 1];
    for (let d = 0; d < days; d++)
      header[at - 1 + d] = weeks ? text("一二三四五六日"[d % 7]) : { value: start + d, numFmt: "m/d" };
    b.expect.dataRows.forEach((r0, i) => {
      const r = weeks && r0 >= hr ? r0 + 1 : r0;
      const row = g.cells[r - 1];
      if (!row) return;
      const from = (i * 3) % (days - 6);
      for (let d = from; d < from + 5; d++) row[at - 1 + d] = text("■");
    });
    return {
      grid: g,
      row: weeks ? (r) => (r >= hr ? r + 1 : r) : id,
      col: id,
    };
  };
}

/** Inserts unknown columns (备注, 附件, 链接) after the first, second and third mapped key columns. */
const insertUnknown: Transform = (b) => {
  const keyCols = [...new Set(Object.values(b.expect.keys))].sort((x, y) => x - y);
  if (keyCols.length < 2) return null;
  const after = keyCols.slice(0, 3);
  const names = ["备注", "附件", "链接"];
  let g = b.grid;
  // Right to left, so earlier positions hold.
  const inserts = after.map((c, i) => ({ at: c + 1, name: names[i] })).reverse();
  for (const { at, name } of inserts) {
    g = insertCols(g, at, 1);
    const hr = b.expect.headerRow;
    g.cells[hr - 1][at - 1] = text(name);
    b.expect.dataRows.forEach((r, i) => {
      if (i % 2 === 0)
        g.cells[r - 1][at - 1] = text(
          name === "备注" ? "待确认" : name === "附件" ? "见附件" : "http://example.com/d/" + (i + 1),
        );
    });
  }
  const points = after.map((c) => c + 1);
  return {
    grid: g,
    row: id,
    col: (c) => c + points.filter((p) => p <= c).length,
  };
};

export const TRANSFORMS: Record<string, Transform> = {
  "title rows": (b) => {
    const g = insertRows(
      b.grid,
      1,
      [[text(`${b.grid.name}（2024年度）`)], []],
      [{ r1: 1, c1: 1, r2: 1, c2: width(b.grid) }],
    );
    return { grid: g, row: (r) => r + 2, col: id };
  },
  "moved right 2": (b) => ({ grid: insertCols(b.grid, 1, 2), row: id, col: (c) => c + 2 }),
  "moved right 1 + down 1": (b) => ({
    grid: insertRows(insertCols(b.grid, 1, 1), 1, [[]]),
    row: (r) => r + 1,
    col: (c) => c + 1,
  }),
  "empty row under header": (b) => {
    const hr = b.expect.headerRow;
    return { grid: insertRows(b.grid, hr + 1, [[]]), row: (r) => (r > hr ? r + 1 : r), col: id };
  },
  "key/value block above": (b) => {
    const rows = [
      [text("项目名称：某某信息系统建设项目")],
      [text("项目经理："), text("张三")],
      [text("开始日期："), { value: 45356, numFmt: "yyyy-mm-dd" }],
      [],
    ];
    return { grid: insertRows(b.grid, 1, rows), row: (r) => r + 4, col: id };
  },
  "dates as text 2024.3.5": (b) => rewriteDates(b, (_, y, m, d) => text(`${y}.${m}.${d}`)),
  "dates as text 2024/3/5": (b) => rewriteDates(b, (_, y, m, d) => text(`${y}/${m}/${d}`)),
  "dates as text 2024年3月5日": (b) => rewriteDates(b, (_, y, m, d) => text(`${y}年${m}月${d}日`)),
  "dates as text 2024-03-05": (b) => rewriteDates(b, (_, y, m, d) => text(`${y}-${pad2(m)}-${pad2(d)}`)),
  "dates as bare serials": (b) => rewriteDates(b, (c) => ({ value: c.value })),
  "total row and notes below": (b) => {
    const g = clone(b.grid);
    const w = width(g);
    const total: Array<Cell | undefined> = [text("合计")];
    for (const [f, ref] of Object.entries(b.table.columns)) {
      if (!ref || !MONEY.test(f)) continue;
      const c = ref.col - b.table.firstCol + 1;
      let sum = 0;
      for (const r of b.expect.dataRows) {
        const v = g.cells[r - 1]?.[c - 1]?.value;
        if (typeof v === "number") sum += v;
      }
      total[c - 1] = { value: sum };
    }
    g.cells.push(
      total,
      [],
      [text("说明：1. 本表由项目部每周五更新；2. 日期以实际签字为准。")],
      [text("图例：■ 已完成  □ 未开始")],
      [text("填表人：李四"), undefined, text("审核：王五")],
    );
    g.merges.push({ r1: g.cells.length - 2, c1: 1, r2: g.cells.length - 2, c2: Math.max(1, w) });
    return { grid: g, row: id, col: id };
  },
  "two-row header 计划时间 merged": (b) => twoRow(b, true, false),
  "two-row header 计划时间 unmerged": (b) => twoRow(b, false, false),
  "two-row header 计划时间 over 开始|结束": (b) => twoRow(b, true, true),
  "Gantt grid right (days)": gantt(false),
  "Gantt grid right (week band)": gantt(true),
  "unknown columns inserted": insertUnknown,
  "header: trailing colon, every header": decorate((h) => `${h}：`),
  "header: trailing colon, key headers": decorate((h, f) => (f ? `${h}：` : h)),
  "header: asterisk": decorate((h, f) => (f ? `*${h}` : h)),
  "header: unit in brackets": decorate((h, f) =>
    f && MONEY.test(f) ? `${h}（元）` : f === "duration" ? `${h}（天）` : h,
  ),
  "header: line break inside": decorate((h) => (h.length >= 4 ? `${h.slice(0, 2)}\n${h.slice(2)}` : h)),
  "header: full-width spaces": decorate((h) => (h.length <= 3 ? [...h].join("\u3000") : `${h}\u3000`)),
  "header: English gloss": decorate((h, f) => (f && GLOSS[f] ? `${h}(${GLOSS[f]})` : h)),
  "phase heading rows": (b) => {
    const rows = b.expect.dataRows;
    if (rows.length < 4) return null;
    const w = width(b.grid);
    const mid = rows[Math.floor(rows.length / 2)];
    const first = rows[0];
    let g = insertRows(b.grid, mid, [[text("二、实施阶段")]], [{ r1: mid, c1: 1, r2: mid, c2: w }]);
    g = insertRows(g, first, [[text("一、准备阶段")]]);
    g.merges.push({ r1: first, c1: 1, r2: first, c2: w });
    return { grid: g, row: (r) => r + (r >= first ? 1 : 0) + (r >= mid ? 1 : 0), col: id };
  },
  "owner column removed": (b) => {
    const c = b.expect.keys.owner;
    if (c === undefined) return null;
    const g = clone(b.grid);
    g.cells = g.cells.map((row) => row.filter((_, i) => i !== c - 1));
    g.merges = g.merges
      .filter((m) => !(m.c1 === c && m.c2 === c))
      .map((m) => ({
        ...m,
        c1: m.c1 > c ? m.c1 - 1 : m.c1,
        c2: m.c2 >= c ? m.c2 - 1 : m.c2,
      }));
    return { grid: g, row: id, col: (x) => (x === c ? undefined : x > c ? x - 1 : x), dropKeys: ["owner"] };
  },
  "second table stacked below": (b) => {
    // A staff list under the plan or ledger (two empty rows, its title, its header, its rows).
    const g = clone(b.grid);
    g.cells.push(
      [],
      [],
      [text("项目人员")],
      [text("序号"), text("姓名"), text("部门"), text("职务"), text("联系电话")],
      [{ value: 1 }, text("周一"), text("工程部"), text("工程师"), text("13800000001")],
      [{ value: 2 }, text("吴二"), text("财务部"), text("会计"), text("13800000002")],
      [{ value: 3 }, text("郑三"), text("商务部"), text("经理"), text("13800000003")],
    );
    return { grid: g, row: id, col: id };
  },
  "same header again below": (b) => {
    // The table written on in a second block with its header repeated: one table, the header line no row.
    const g = clone(b.grid);
    const top = headerTop(b);
    const head = g.cells.slice(top - 1, b.expect.headerRow).map((r) => r.map((c) => (c ? { ...c } : c)));
    const data = b.expect.dataRows.slice(0, 5).map((r) => g.cells[r - 1].map((c) => (c ? { ...c } : c)));
    const base = g.cells.length;
    g.cells.push([], ...head, ...data);
    const shift = base + 1 - (top - 1);
    for (const m of b.grid.merges)
      if (m.r1 >= top && m.r2 <= b.expect.headerRow)
        g.merges.push({ ...m, r1: m.r1 + shift, r2: m.r2 + shift });
    b.expect.dataRows.push(...data.map((_, i) => base + 1 + head.length + i + 1));
    return { grid: g, row: id, col: id };
  },
};

/** A group label over the planned date pair: 计划时间 above 开始时间 | 结束时间. */
function twoRow(b: Base, merged: boolean, shortNames: boolean): Variant | null {
  if (b.expect.kind !== "schedule" || b.table.headerRows !== 1) return null;
  const s = b.expect.keys.planStart;
  const e = b.expect.keys.planEnd;
  if (s === undefined || e !== s + 1) return null;
  const hr = b.expect.headerRow;
  const g = clone(b.grid);
  const header = g.cells[hr - 1];
  const top: Array<Cell | undefined> = [];
  const bottom: Array<Cell | undefined> = [];
  const merges: Range[] = [];
  header.forEach((cell, i) => {
    const c = i + 1;
    if (c === s || c === e) {
      bottom[i] = shortNames ? text(c === s ? "开始" : "结束") : cell;
      if (c === s) top[i] = text("计划时间");
    } else {
      top[i] = cell;
      if (merged && cell) merges.push({ r1: hr, c1: c, r2: hr + 1, c2: c });
    }
  });
  if (merged) merges.push({ r1: hr, c1: s, r2: hr, c2: e });
  g.cells.splice(hr - 1, 1, top, bottom);
  g.merges = g.merges.map((m) => (m.r1 > hr ? { ...m, r1: m.r1 + 1, r2: m.r2 + 1 } : m)).concat(merges);
  return { grid: g, row: (r) => (r >= hr ? r + 1 : r), col: id };
}

interface Outcome {
  kept: number;
  broken: number;
  rowsDiffer: number;
  notApplicable: number;
  brokenExamples: string[];
  rowsExamples: string[];
}

function main(): void {
  const dirs = (process.env.PTRACK_SHAPES_WORKBOOKS ?? DEFAULT_DIRS.join(":"))
    .split(":")
    .filter((d) => d !== "" && existsSync(d));
  if (!dirs.length) {
    process.stdout.write("shapes: skipped — no folder of real workbooks (set PTRACK_SHAPES_WORKBOOKS)\n");
    return;
  }
  const maxRows = Number(process.env.PTRACK_SHAPES_ROWS ?? 30);
  const only = process.env.PTRACK_SHAPES_ONLY?.split(";").map((s) => s.trim());
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readXlsx } = require(join(SUBJECT, "src/host/xlsx/read")) as typeof import("../src/host/xlsx/read");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { recognise } = require(
    join(SUBJECT, "src/core/recognise"),
  ) as typeof import("../src/core/recognise");
  void run(dirs, maxRows, only, readXlsx, recognise).catch((e: unknown) => {
    process.stderr.write(`shapes: cannot run: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  });
}

export function cut(
  wb: WorkbookSnapshot,
  t: RecognisedTable,
  maxRows: number,
): { grid: Grid; expect: Expect } {
  const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
  const top = t.headerRow - t.headerRows + 1;
  const data = t.dataRows.filter((r) => r > t.headerRow).slice(0, maxRows);
  const last = Math.max(t.headerRow, ...data);
  const cells: Grid["cells"] = [];
  for (let r = top; r <= last; r++) {
    const row: Array<Cell | undefined> = [];
    for (let c = t.firstCol; c <= t.lastCol; c++) {
      const cell = sheet.rows[r - 1]?.[c - 1];
      row.push(cell ? { ...cell } : undefined);
    }
    cells.push(row);
  }
  const merges = sheet.merges
    .filter((m) => m.r1 >= top && m.r2 <= last && m.c1 >= t.firstCol && m.c2 <= t.lastCol)
    .map((m) => ({
      r1: m.r1 - top + 1,
      r2: m.r2 - top + 1,
      c1: m.c1 - t.firstCol + 1,
      c2: m.c2 - t.firstCol + 1,
    }));
  const keys: Record<string, number> = {};
  for (const f of KEYS[t.kind] ?? []) {
    const ref = t.columns[f];
    if (ref) keys[f] = ref.col - t.firstCol + 1;
  }
  return {
    grid: { name: t.sheet, date1904: wb.date1904, cells, merges },
    expect: {
      kind: t.kind,
      headerRow: t.headerRow - top + 1,
      keys,
      dataRows: data.filter((r) => r <= last).map((r) => r - top + 1),
    },
  };
}

/** Why the variant's recognition does not hold the expected table; "" when it does, "rows" when only its rows differ. */
export function judge(r: Recognition, want: Expect): string {
  const at = r.tables.filter((t) => t.headerRow === want.headerRow);
  const same = at.find((t) => t.kind === want.kind);
  if (!same) {
    if (at.length) return `read as ${at.map((t) => t.kind).join("+")}`;
    const other = r.tables.filter((t) => t.kind === want.kind);
    if (other.length) return `header row ${other.map((t) => t.headerRow).join("+")}, not ${want.headerRow}`;
    return r.tables.length
      ? `found ${r.tables.map((t) => `${t.kind}@${t.headerRow}`).join("+")} only`
      : "not found";
  }
  const wrong: string[] = [];
  for (const [f, c] of Object.entries(want.keys)) {
    const got = same.columns[f];
    if (!got) wrong.push(`${f} unmapped`);
    else if (got.col !== c) wrong.push(`${f} at ${got.letter}`);
  }
  if (wrong.length) return wrong.join(", ");
  const rows = same.dataRows.filter((x) => x > want.headerRow);
  const a = new Set(rows);
  const extra = rows.filter((x) => !want.dataRows.includes(x));
  const lost = want.dataRows.filter((x) => !a.has(x));
  if (extra.length || lost.length)
    return `rows: ${extra.length ? `+${extra.slice(0, 3).join(",")}` : ""}${lost.length ? ` -${lost.slice(0, 3).join(",")}` : ""}`.trim();
  return "";
}

async function run(
  dirs: string[],
  maxRows: number,
  only: string[] | undefined,
  readXlsx: typeof import("../src/host/xlsx/read").readXlsx,
  recognise: typeof import("../src/core/recognise").recognise,
): Promise<void> {
  const t0 = performance.now();
  const seen = new Set<string>();
  const bases: Base[] = [];
  let files = 0;
  let unreadable = 0;
  let notAlone = 0;
  for (const dir of dirs) {
    for (const f of readdirSync(dir)
      .filter((x) => x.endsWith(".xlsx"))
      .sort()) {
      if (seen.has(f)) continue;
      seen.add(f);
      files++;
      let wb: WorkbookSnapshot;
      try {
        wb = await readXlsx(join(dir, f));
      } catch {
        unreadable++;
        continue;
      }
      let found: RecognisedTable[];
      try {
        found = recognise(wb).tables;
      } catch {
        unreadable++;
        continue;
      }
      for (const t of found) {
        if (!KEYS[t.kind] || t.sheetContract || t.phases) continue;
        const { grid, expect } = cut(wb, t, maxRows);
        if (!Object.keys(expect.keys).length) continue;
        const alone = recognise(toSheet(grid));
        const table = alone.tables.find((x) => x.headerRow === expect.headerRow && x.kind === expect.kind);
        if (!table || judge(alone, expect) !== "") {
          notAlone++;
          continue;
        }
        // The expectation is what the table reads alone (a column may map otherwise out of its workbook).
        bases.push({ file: `${f} ${t.sheet}!${t.headerRow}`, grid, table, expect });
      }
    }
  }
  const readMs = performance.now() - t0;
  const outcomes: Record<string, Outcome> = {};
  for (const [name, transform] of Object.entries(TRANSFORMS)) {
    if (only && !only.includes(name)) continue;
    const o: Outcome = {
      kept: 0,
      broken: 0,
      rowsDiffer: 0,
      notApplicable: 0,
      brokenExamples: [],
      rowsExamples: [],
    };
    outcomes[name] = o;
    for (const b of bases) {
      const bcopy: Base = {
        ...b,
        expect: { ...b.expect, keys: { ...b.expect.keys }, dataRows: [...b.expect.dataRows] },
      };
      let v: Variant | null;
      try {
        v = transform(bcopy);
      } catch (e) {
        v = null;
        process.stderr.write(
          `  ${name} on ${b.file}: cannot apply (${e instanceof Error ? e.message : e})\n`,
        );
      }
      if (!v) {
        o.notApplicable++;
        continue;
      }
      const keys: Record<string, number> = {};
      for (const [f, c] of Object.entries(b.expect.keys)) {
        if (v.dropKeys?.includes(f)) continue;
        const to = v.col(c);
        if (to !== undefined) keys[f] = to;
      }
      const want: Expect = {
        kind: b.expect.kind,
        headerRow: v.headerRow ?? v.row(b.expect.headerRow),
        keys,
        dataRows: bcopy.expect.dataRows.map(v.row),
      };
      let why: string;
      try {
        why = judge(recognise(toSheet(v.grid)), want);
      } catch (e) {
        why = `threw ${e instanceof Error ? e.message : String(e)}`.slice(0, 120);
      }
      const hdr = (b.grid.cells[b.expect.headerRow - 1] ?? [])
        .map((c) => (c ? String(c.value).replace(/\s+/g, "") : ""))
        .filter(Boolean)
        .slice(0, 6)
        .join("|");
      if (why === "") o.kept++;
      else if (why.startsWith("rows:")) {
        o.kept++;
        o.rowsDiffer++;
        if (o.rowsExamples.length < 5) o.rowsExamples.push(`${b.file} [${hdr}] ${why}`);
      } else {
        o.broken++;
        if (o.brokenExamples.length < 6) o.brokenExamples.push(`${b.file} [${hdr}] ${why}`);
      }
    }
  }
  const ms = performance.now() - t0;
  const kinds: Record<string, number> = {};
  for (const b of bases) kinds[b.expect.kind] = (kinds[b.expect.kind] ?? 0) + 1;
  process.stdout.write(
    `shape variants of ${bases.length} real tables (${Object.entries(kinds)
      .map(([k, n]) => `${k} ${n}`)
      .join(
        ", ",
      )}) from ${files} workbooks; ${notAlone} tables not found when cut out alone, ${unreadable} files unreadable\n\n`,
  );
  process.stdout.write(`${"variant".padEnd(40)}kept  broken  rows≠  n/a\n`);
  let kept = 0;
  let tried = 0;
  for (const [name, o] of Object.entries(outcomes)) {
    const w = [...name].reduce((a, ch) => a + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
    process.stdout.write(
      `${name}${" ".repeat(Math.max(1, 40 - w))}${String(o.kept).padStart(4)}  ${String(o.broken).padStart(6)}  ${String(o.rowsDiffer).padStart(5)}  ${String(o.notApplicable).padStart(3)}\n`,
    );
    kept += o.kept;
    tried += o.kept + o.broken;
  }
  process.stdout.write(
    `\nkept ${kept}/${tried} (${tried ? ((kept / tried) * 100).toFixed(1) : "—"}%) · ${(ms / 1000).toFixed(1)} s (reading ${(readMs / 1000).toFixed(1)} s)\n`,
  );
  for (const [name, o] of Object.entries(outcomes)) {
    if (!o.brokenExamples.length && !o.rowsExamples.length) continue;
    process.stdout.write(`\n${name}:\n`);
    for (const e of o.brokenExamples) process.stdout.write(`  broken  ${e}\n`);
    for (const e of o.rowsExamples) process.stdout.write(`  rows≠   ${e}\n`);
  }
  const commit =
    spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: SUBJECT, encoding: "utf8" }).stdout?.trim() ||
    null;
  const report = {
    date: new Date().toISOString(),
    commit,
    checkout: SUBJECT === ROOT ? "." : SUBJECT,
    rowsPerTable: maxRows,
    tables: bases.length,
    kinds,
    files,
    notFoundAlone: notAlone,
    unreadable,
    summary: {
      kept,
      tried,
      rate: tried ? Math.round((kept / tried) * 1000) / 1000 : null,
      ms: Math.round(ms),
    },
    variants: outcomes,
  };
  const results = process.env.PTRACK_SHAPES_RESULTS ?? RESULTS;
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, "shapes.json"), JSON.stringify(report, null, 2) + "\n");
  appendFileSync(
    join(results, "shapes-history.jsonl"),
    JSON.stringify({
      date: report.date,
      commit,
      summary: report.summary,
      variants: Object.fromEntries(
        Object.entries(outcomes).map(([k, o]) => [k, [o.kept, o.broken, o.rowsDiffer]]),
      ),
    }) + "\n",
  );
  process.stdout.write(`  → ${join(results, "shapes.json")}\n`);
}

if (require.main === module) main();
