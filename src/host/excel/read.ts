/**
 * Reads the open workbook into a WorkbookSnapshot in a number of round trips set by the size of
 * its content, never by its number of rows alone:
 * (1) sheet names, tables, the date system, and the used-range extent of the first and the last
 *     sheet (the only sheets Office.js can name before it has told us the names);
 * (2) the other sheets' extents, merged areas, conditional-format ids and types, every table's
 *     address, and as many cells of the sheets whose extent is known as fit the response budget;
 * (3…) the rest of the cells in row bands of at most the budget each, with the formulas of custom
 *     conditional formats (which tell apply() which rules are the product's) in the first of them,
 *     or in a sync of their own when all cells came with (2).
 * Excel on the web refuses a response over ~5 MB, so a sync asks for at most `maxResponseBytes`
 * (4 MB by default) by an estimate per cell that the cells already read correct upwards. A
 * workbook whose cells fit the budget reads in two syncs (three with custom conditional formats).
 */

import { OWN_TAG } from "../../core/patch";
import {
  parseRange,
  rangeRef,
  type Cell,
  type CellValue,
  type Range,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../core/snapshot";

/** What apply() needs to know about the workbook, learned by read(). */
export interface Structure {
  /** Sheet names in tab order. */
  sheets: Array<{ name: string; visibility: SheetSnapshot["visibility"] }>;
  tables: Array<{ name: string; sheet: string; range: Range; style: string; headerRow: boolean }>;
  /** Per sheet (lower-case name): ids of the product's conditional formats. */
  ownCf: Map<string, string[]>;
}

export interface Supports {
  (minor: number): boolean;
}

const ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

const VISIBILITY: Record<string, SheetSnapshot["visibility"]> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** `'It''s'!A1:B2` → { sheet: "It's", ref: "A1:B2" }. */
export function splitAddress(address: string): { sheet: string; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: "", ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1).replace(/\$/g, "") };
}

/** A sheet name as it must stand in an address. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface ReadOptions {
  /** Largest response one sync asks for, by estimate; Excel on the web refuses ~5 MB. */
  maxResponseBytes?: number;
}

export const DEFAULT_MAX_RESPONSE = 4_000_000;
/**
 * Response bytes one cell's value, number format and formula are taken to cost before any cell
 * has been read. The strict fake measures 25–29 a cell on the benchmark's workbooks (an empty cell
 * is 16: `"","General",""`); 4 MB at 32 a cell stays under 5 MB while cells average under ~42.
 */
const CELL_BYTES = 32;
/** Once cells have been read, the estimate is at least what they cost a cell, plus this share. */
const MARGIN = 1.15;

const EXTENT = "rowIndex,columnIndex,rowCount,columnCount";

/** The used range's extent (1-based), null for an empty sheet. */
function extent(used: Excel.Range): Range | null {
  if (used.isNullObject) return null;
  const r1 = used.rowIndex + 1;
  const c1 = used.columnIndex + 1;
  return { r1, c1, r2: r1 + used.rowCount - 1, c2: c1 + used.columnCount - 1 };
}

export async function readWorkbook(
  ctx: Excel.RequestContext,
  supports: Supports,
  opts: ReadOptions = {},
): Promise<{ snapshot: WorkbookSnapshot; structure: Structure }> {
  const wb = ctx.workbook;
  // 1. What is there. DATE(1904,1,1) is 0 in the 1904 date system and 1462 in the 1900 one:
  // ExcelApi has no workbook property for the date system, and this reads without writing.
  const sheets = wb.worksheets.load("items/name,items/visibility");
  const tables = wb.tables.load("items/name,items/showHeaders,items/style");
  const epoch = wb.functions.date(1904, 1, 1).load("value");
  // The first and the last sheet always exist, so their extents need no names: in the usual
  // workbook (a schedule first, contracts or the product's sheets last) that is the big ones.
  const ends = [wb.worksheets.getFirst(), wb.worksheets.getLast()].map((ws) => ({
    ws: ws.load("name"),
    used: ws.getUsedRangeOrNullObject(true).load(EXTENT),
  }));
  await ctx.sync();

  // 2. The other sheets' extents, the sheets' merges, rules and tables, and the first cells.
  const cells = new CellReader(sheets.items, opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE);
  const known = new Map<number, Range | null>();
  for (const e of ends) {
    const i = sheets.items.findIndex((ws) => ws.name === e.ws.name);
    if (i >= 0) known.set(i, extent(e.used));
  }
  const merged = supports(13);
  const perSheet = sheets.items.map((ws, i) => ({
    ws,
    used: known.has(i) ? undefined : ws.getUsedRangeOrNullObject(true).load(EXTENT),
    merges: merged ? ws.getRange().getMergedAreasOrNullObject().load("address") : undefined,
    // Conditional formats hang off ranges: the whole sheet's range gives all of them.
    cfs: ws.getRange().conditionalFormats.load("items/id,items/type"),
  }));
  const tableRanges = tables.items.map((t) => ({ t, range: t.getRange().load("address") }));
  for (const [i, r] of [...known].sort((x, y) => x[0] - y[0])) if (r) cells.add(i, r);
  cells.queue();
  await ctx.sync();
  cells.collect();

  // 3. The rest of the cells, and the formulas of custom conditional formats with the first band.
  perSheet.forEach((s, i) => {
    const r = s.used && extent(s.used);
    if (r) cells.add(i, r);
  });
  const custom = perSheet.flatMap((s) =>
    s.cfs.items
      .filter((cf) => cf.type === "Custom")
      .map((cf) => ({ sheet: s.ws.name, id: cf.id, rule: cf.custom.rule.load("formula") })),
  );
  if (!cells.pending && custom.length) await ctx.sync();
  while (cells.pending) {
    cells.queue();
    await ctx.sync();
    cells.collect();
  }

  const structure: Structure = {
    sheets: sheets.items.map((ws) => ({ name: ws.name, visibility: VISIBILITY[ws.visibility] ?? "visible" })),
    tables: [],
    ownCf: new Map(),
  };
  const marker = `N("${OWN_TAG}`;
  for (const c of custom) {
    if (!c.rule.formula.includes(marker)) continue;
    const key = c.sheet.toLowerCase();
    structure.ownCf.set(key, [...(structure.ownCf.get(key) ?? []), c.id]);
  }
  for (const { t, range } of tableRanges) {
    const at = splitAddress(range.address);
    const r = parseRange(at.ref);
    if (r)
      structure.tables.push({
        name: t.name,
        sheet: at.sheet,
        range: r,
        style: t.style,
        headerRow: t.showHeaders,
      });
  }

  const snapshot: WorkbookSnapshot = {
    date1904: epoch.value === 0,
    sheets: perSheet.map(({ ws, merges }, i) => {
      const sheet: SheetSnapshot = {
        name: ws.name,
        visibility: VISIBILITY[ws.visibility] ?? "visible",
        rows: cells.rows[i],
        merges: merges && !merges.isNullObject ? areas(merges.address) : [],
        tables: [],
      };
      for (const t of structure.tables)
        if (t.sheet.toLowerCase() === ws.name.toLowerCase())
          sheet.tables.push({ name: t.name, range: t.range, headerRow: t.headerRow });
      return sheet;
    }),
  };
  return { snapshot, structure };
}

const utf8 = new TextEncoder();

/**
 * The cells of the used ranges, read in row bands so no sync's response passes the budget. A
 * sheet that fits is one band; bands fill each sync, so the syncs are as few as the budget allows.
 */
class CellReader {
  /** Per sheet, in sheets.items order. */
  readonly rows: Array<SheetSnapshot["rows"]>;
  private todo: Array<{ sheet: number; next: number; r2: number; c1: number; c2: number }> = [];
  private loading: Array<{ sheet: number; r1: number; c1: number; cells: number; range: Excel.Range }> = [];
  /** Estimated response bytes a cell. */
  private rate = CELL_BYTES;

  constructor(
    private readonly items: Excel.Worksheet[],
    private readonly budget: number,
  ) {
    this.rows = items.map(() => []);
  }

  add(sheet: number, r: Range): void {
    this.todo.push({ sheet, next: r.r1, r2: r.r2, c1: r.c1, c2: r.c2 });
  }

  get pending(): boolean {
    return this.todo.length > 0;
  }

  /** Queue the loads of as many rows as the budget allows (at least one row). */
  queue(): void {
    let room = this.budget;
    while (this.todo.length) {
      const t = this.todo[0];
      const width = t.c2 - t.c1 + 1;
      let take = Math.min(t.r2 - t.next + 1, Math.floor(room / (width * this.rate)));
      if (take < 1) {
        if (this.loading.length) break;
        take = 1;
      }
      const band = { r1: t.next, c1: t.c1, r2: t.next + take - 1, c2: t.c2 };
      const range = this.items[t.sheet].getRange(rangeRef(band)).load("values,numberFormat,formulas");
      this.loading.push({ sheet: t.sheet, r1: band.r1, c1: band.c1, cells: take * width, range });
      room -= take * width * this.rate;
      t.next += take;
      if (t.next > t.r2) this.todo.shift();
    }
  }

  /** Take in what the last sync loaded; learn what a cell costs when more bands are to come. */
  collect(): void {
    let bytes = 0;
    let cells = 0;
    for (const l of this.loading) {
      const { values, numberFormat, formulas } = l.range;
      sparseRows(this.rows[l.sheet], values, numberFormat, formulas, l.r1 - 1, l.c1 - 1);
      if (!this.todo.length) continue;
      for (const grid of [values, numberFormat, formulas]) bytes += utf8.encode(JSON.stringify(grid)).length;
      cells += l.cells;
    }
    if (cells) this.rate = Math.max(this.rate, (bytes / cells) * MARGIN);
    this.loading = [];
  }
}

function areas(address: string): Range[] {
  return address
    .split(",")
    .map((a) => parseRange(splitAddress(a.trim()).ref))
    .filter((r): r is Range => r !== undefined);
}

/**
 * Only cells with content, as the .xlsx reader gives them. A cell holds a formula when its
 * formula text starts with `=` and differs from its value: text typed as `'=1+1` reads back as
 * `=1+1` in both. Error values come as their text (`#N/A`); text that spells an error exactly is
 * taken for one, which Office.js gives no cheap way to tell apart.
 */
function sparseRows(
  rows: SheetSnapshot["rows"],
  values: unknown[][],
  formats: unknown[][],
  formulas: unknown[][],
  r0: number,
  c0: number,
): void {
  for (let i = 0; i < values.length; i++) {
    const vrow = values[i];
    let out: Array<Cell | undefined> | undefined;
    for (let j = 0; j < vrow.length; j++) {
      const v = vrow[j];
      const f = formulas[i][j];
      const isFormula = typeof f === "string" && f.startsWith("=") && f !== v;
      if (v === "" && !isFormula) continue;
      const value: CellValue =
        typeof v === "string" && ERRORS.has(v) ? { error: v } : (v as string | number | boolean);
      const fmt = formats[i][j];
      const numFmt =
        typeof fmt === "string" && fmt !== "" && fmt.toLowerCase() !== "general" ? fmt : undefined;
      const cell: Cell = { value };
      if (numFmt !== undefined) cell.numFmt = numFmt;
      if (isFormula) cell.formula = (f as string).slice(1);
      out ??= rows[r0 + i] = [];
      out[c0 + j] = cell;
    }
  }
}
