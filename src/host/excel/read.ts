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

import { isOwnFormula } from "../../core/patch";
import { isOwnFormat } from "../../core/own-format";
import { loadNames, readMarkers, type Markers } from "./owned";
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
  /** The product's sheet markers (workbook names); absent before ExcelApi 1.4. */
  markers?: Markers;
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
/** What no sync's response may pass, whatever the estimates: Excel on the web's limit, less 5 %. */
const HARD_LIMIT = 0.95 * 5 * 1024 * 1024;
/**
 * Least response bytes a cell's value, number format and formula are taken to cost. The strict
 * fake measures 25–29 a cell on the benchmark's schedules and contracts (an empty cell is 16:
 * `"","General",""`) and ~70 on a report of long messages.
 */
const CELL_BYTES = 32;
/** What a sheet's cells cost is learned from a sample, then from each band: that, plus this share. */
const MARGIN = 1.15;
/** A sheet with no sample yet may cost this many times the estimate before a sync passes HARD_LIMIT. */
const CAUTION = 2.5;
/**
 * The sample: the top-left of each sheet, read with its extent to price the sheet's cells. 50 × 50
 * cells are ~40–200 KB; only this many sheets are sampled in one sync, the rest read with caution.
 */
const SAMPLE = "A1:AX50";
const MAX_SAMPLES = 16;

const EXTENT = "rowIndex,columnIndex,rowCount,columnCount";
export const CELLS = "values,numberFormat,formulas";

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
  // Protection rides along (ExcelApi 1.2 for sheets, 1.7 for the workbook): the planner leaves
  // a protected sheet alone, and adds no sheet to a workbook whose structure is protected.
  const sheetProtection = supports(2);
  const sheets = wb.worksheets.load(
    `items/name,items/visibility${sheetProtection ? ",items/protection/protected" : ""}`,
  );
  const bookProtection = supports(7) ? wb.protection.load("protected") : undefined;
  const tables = wb.tables.load("items/name,items/showHeaders,items/style");
  const epoch = wb.functions.date(1904, 1, 1).load("value");
  // The product's sheet markers are workbook names (ExcelApi 1.4 to write them): read with this sync.
  const withFormula = supports(7);
  const names = supports(4) ? loadNames(wb, withFormula) : undefined;
  // The first and the last sheet always exist, so their extents need no names: in the usual
  // workbook (a schedule first, contracts or the product's sheets last) that is the big ones.
  const ends = [wb.worksheets.getFirst(), wb.worksheets.getLast()].map((ws) => ({
    ws: ws.load("name"),
    used: ws.getUsedRangeOrNullObject(true).load(EXTENT),
    sample: ws.getRange(SAMPLE).load(CELLS),
  }));
  await ctx.sync();

  // 2. The other sheets' extents, the sheets' merges, rules and tables, and the first cells.
  const cells = new CellReader(sheets.items, opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE);
  const known = new Map<number, Range | null>();
  for (const e of ends) {
    const i = sheets.items.findIndex((ws) => ws.name === e.ws.name);
    if (i < 0) continue;
    const r = extent(e.used);
    known.set(i, r);
    if (r) cells.price(i, e.sample, r);
  }
  let samples = 0;
  const merged = supports(13);
  const perSheet = sheets.items.map((ws, i) => ({
    ws,
    used: known.has(i) ? undefined : ws.getUsedRangeOrNullObject(true).load(EXTENT),
    sample: known.has(i) || ++samples > MAX_SAMPLES ? undefined : ws.getRange(SAMPLE).load(CELLS),
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
    if (!r) return;
    if (s.sample) cells.price(i, s.sample, r);
    cells.add(i, r);
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
  const marked = names
    ? readMarkers(
        names,
        withFormula,
        structure.sheets.map((x) => x.name),
      )
    : undefined;
  if (marked) structure.markers = marked.markers;
  for (const c of custom) {
    if (!isOwnFormula(c.rule.formula)) continue;
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
    ...(bookProtection?.protected ? { structureProtected: true } : {}),
    sheets: perSheet.map(({ ws, merges }, i) => {
      const sheet: SheetSnapshot = {
        name: ws.name,
        visibility: VISIBILITY[ws.visibility] ?? "visible",
        ...(marked?.owners.get(ws.name) ? { owner: marked.owners.get(ws.name) } : {}),
        rows: cells.rows[i],
        merges: merges && !merges.isNullObject ? areas(merges.address) : [],
        tables: [],
        ...(sheetProtection && ws.protection.protected ? { protected: true } : {}),
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
const jsonBytes = (x: unknown) => utf8.encode(JSON.stringify(x)).length;

/**
 * The cells of the used ranges, read in row bands so no sync's response passes the budget. A
 * sheet that fits is one band; bands fill each sync, so the syncs are as few as the budget allows.
 */
class CellReader {
  /** Per sheet, in sheets.items order. */
  readonly rows: Array<SheetSnapshot["rows"]>;
  private todo: Array<{ sheet: number; next: number; r2: number; c1: number; c2: number }> = [];
  private loading: Array<{ sheet: number; r1: number; c1: number; cells: number; range: Excel.Range }> = [];
  /** Estimated response bytes a cell, per sheet; undefined until the sheet has been sampled or read. */
  private rates: Array<number | undefined>;

  constructor(
    private readonly items: Excel.Worksheet[],
    private readonly budget: number,
  ) {
    this.rows = items.map(() => []);
    this.rates = items.map(() => undefined);
  }

  add(sheet: number, r: Range): void {
    this.todo.push({ sheet, next: r.r1, r2: r.r2, c1: r.c1, c2: r.c2 });
  }

  get pending(): boolean {
    return this.todo.length > 0;
  }

  /** Price a sheet's cells by what its sample (SAMPLE, loaded) costs inside its used range `r`. */
  price(sheet: number, sample: Excel.Range, r: Range): void {
    const rows = Math.min(r.r2, 50) - r.r1 + 1;
    const cols = Math.min(r.c2, 50) - r.c1 + 1;
    if (rows < 1 || cols < 1) return;
    const cut = (grid: unknown[][]) =>
      grid.slice(r.r1 - 1, r.r1 - 1 + rows).map((l) => l.slice(r.c1 - 1, r.c1 - 1 + cols));
    const bytes =
      jsonBytes(cut(sample.values)) + jsonBytes(cut(sample.numberFormat)) + jsonBytes(cut(sample.formulas));
    this.learn(sheet, bytes / (rows * cols));
  }

  private learn(sheet: number, perCell: number): void {
    this.rates[sheet] = Math.max(this.rates[sheet] ?? CELL_BYTES, perCell * MARGIN);
  }

  /**
   * Queue the loads of as many rows as the budget allows (at least one row): their estimate
   * within the budget, and within HARD_LIMIT even if unpriced sheets cost CAUTION times more.
   */
  queue(): void {
    let room = this.budget;
    let worst = HARD_LIMIT;
    while (this.todo.length) {
      const t = this.todo[0];
      const width = t.c2 - t.c1 + 1;
      const rate = this.rates[t.sheet] ?? CELL_BYTES;
      const risk = this.rates[t.sheet] === undefined ? CAUTION : 1;
      let take = Math.min(
        t.r2 - t.next + 1,
        Math.floor(room / (width * rate)),
        Math.floor(worst / (width * rate * risk)),
      );
      if (take < 1) {
        if (this.loading.length) break;
        take = 1;
      }
      const band = { r1: t.next, c1: t.c1, r2: t.next + take - 1, c2: t.c2 };
      const range = this.items[t.sheet].getRange(rangeRef(band)).load(CELLS);
      this.loading.push({ sheet: t.sheet, r1: band.r1, c1: band.c1, cells: take * width, range });
      room -= take * width * rate;
      worst -= take * width * rate * risk;
      t.next += take;
      if (t.next > t.r2) this.todo.shift();
    }
  }

  /** Take in what the last sync loaded; learn what its sheets' cells cost when more are to come. */
  collect(): void {
    const more = new Set(this.todo.map((t) => t.sheet));
    for (const l of this.loading) {
      const { values, numberFormat, formulas } = l.range;
      sparseRows(this.rows[l.sheet], values, numberFormat, formulas, l.r1 - 1, l.c1 - 1);
      if (more.has(l.sheet))
        this.learn(l.sheet, (jsonBytes(values) + jsonBytes(numberFormat) + jsonBytes(formulas)) / l.cells);
    }
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
export function sparseRows(
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
      // A blank cell is dropped, unless it carries a format the product set (clear resets those).
      if (v === "" && !isFormula && !isOwnFormat(formats[i][j])) continue;
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
