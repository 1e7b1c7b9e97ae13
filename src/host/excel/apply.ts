/**
 * Applies a WorkbookPatch to the open workbook through Office.js: every operation is queued on
 * one RequestContext and sent with one `context.sync()`. Two things can add a round trip:
 * - one read before the writes, only when the patch sets data validation: Office.js cannot tell
 *   the product's validation from the user's without loading it (the product's conditional
 *   formats were already identified by read(), so clearing them needs no read here);
 * - Excel on the web refuses a request over ~5 MB, so when the queued writes' estimated JSON
 *   size would pass `maxRequestBytes` the batch is sent and a new one started; large grids are
 *   queued in row blocks so the split can fall between them.
 * Semantics follow the .xlsx host (src/host/xlsx/apply.ts), operation by operation.
 */

import {
  OWN_TITLE,
  dispatch,
  findName,
  freeTableName,
  isOwnValidation,
  makesSheet,
  validationCriteria,
  type CellStyle,
  type CellWrite,
  type ConditionalRule,
  type OwnerRef,
  type Handlers,
  type HostNote,
  type PatchOp,
  type SheetContent,
  type TableSpec,
  type Validation,
  type WorkbookPatch,
} from "../../core/patch";
import {
  a1,
  colLetter,
  overlaps,
  parseA1,
  rangeRef,
  type Cell,
  type Range,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../core/snapshot";
import { assertOwned, contentExtent } from "../../core/owned";
import { queueMarker } from "./owned";
import { DEFAULT_MAX_RESPONSE, quoteSheet, type Structure, type Supports } from "./read";
import { cellInput } from "./text";

/** Something the host did differently from what the patch asked, and why. */
export type ExcelApplyNote = HostNote;

export interface ApplyOptions {
  /** Largest request we send; Excel on the web's limit is 5 MB, leave room for overhead. */
  maxRequestBytes?: number;
  /** Largest response the read before the writes asks for, by estimate. */
  maxResponseBytes?: number;
}

/**
 * What the patch was planned from. Co-authors may have changed the workbook since; the apply
 * checks its targets against what they are now, in its one read before the writes.
 */
export interface Planned {
  structure: Structure;
  /** The snapshot read() gave, when this host read it: cells to be set must still hold it. */
  snapshot?: WorkbookSnapshot;
}

const DEFAULT_MAX_REQUEST = 4_000_000;
const EXTENT = "rowIndex,columnIndex,rowCount,columnCount";
/** Response bytes a checked cell's value is taken to cost (text dates and amounts are short). */
const CHECK_CELL_BYTES = 64;
/** Rows of one column read as one range when checking cells to be set. */
const CHECK_BAND = 10_000;
/** Request JSON of one queued call without its arguments: action, object path, ids. */
const ACTION_BYTES = 150;
/** Grids are queued in blocks of about this many bytes so a split can fall between them. */
const BLOCK_BYTES = 512_000;

export async function applyPatchExcel(
  ctx: Excel.RequestContext,
  patch: WorkbookPatch,
  planned: Planned,
  supports: Supports,
  opts: ApplyOptions = {},
): Promise<ExcelApplyNote[]> {
  const w = new Writer(
    ctx,
    planned.structure,
    supports,
    opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST,
    opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE,
    planned.snapshot,
  );
  await w.preRead(patch);
  for (const op of patch.ops) await w.apply(op);
  await w.flush();
  return w.notes;
}

const utf8 = new TextEncoder();

/** Bytes `x` adds to a request as UTF-8 JSON (Chinese text is three bytes a character). */
function size(x: unknown): number {
  return utf8.encode(JSON.stringify(x)).length;
}

const color = (c: string) => `#${c}`;

/** How many calls formatting a rectangle with `s` queues. */
function styleActions(s: CellStyle, range: Range): number {
  const { numFmt: _nf, border, ...rest } = s;
  const edges = border
    ? (border === "all" ? 4 : 1) + (range.r2 > range.r1 ? 1 : 0) + (range.c2 > range.c1 ? 1 : 0)
    : 0;
  return Object.keys(rest).length + edges + 1;
}

const STYLE_PROPS = [
  "bold",
  "italic",
  "size",
  "color",
  "underline",
  "fill",
  "hAlign",
  "vAlign",
  "wrap",
  "border",
] as const;

/**
 * Rectangles of cells with the same non-empty `key`: runs of equal keys in each row, joined with
 * the same run on the rows below. Each comes with one of its cells.
 */
function rectangles(
  rows: Array<Array<CellWrite | null>>,
  r0: number,
  c0: number,
  key: (w: CellWrite | null | undefined) => string,
): Array<{ range: Range; cell: CellWrite }> {
  const open = new Map<string, { r1: number; r2: number; c1: number; c2: number; cell: CellWrite }>();
  const out: Array<{ range: Range; cell: CellWrite }> = [];
  const close = (v: { r1: number; r2: number; c1: number; c2: number; cell: CellWrite }) =>
    out.push({ range: { r1: v.r1, c1: v.c1, r2: v.r2, c2: v.c2 }, cell: v.cell });
  for (let i = 0; i <= rows.length; i++) {
    const row = rows[i] ?? [];
    const seen = new Set<string>();
    let c = 0;
    while (i < rows.length && c < row.length) {
      const k = key(row[c]);
      let e = c;
      while (e + 1 < row.length && key(row[e + 1]) === k) e++;
      if (k) {
        const id = `${c}|${e}|${k}`;
        seen.add(id);
        const cur = open.get(id);
        if (cur) cur.r2 = r0 + i;
        else open.set(id, { r1: r0 + i, r2: r0 + i, c1: c0 + c, c2: c0 + e, cell: row[c]! });
      }
      c = e + 1;
    }
    for (const [id, v] of open)
      if (!seen.has(id)) {
        close(v);
        open.delete(id);
      }
  }
  return out;
}

/** Runs of equal defined values: [8, 8, undefined, 12] → 0..1 = 8, 3..3 = 12. */
function runs(list: Array<number | undefined>): Array<{ from: number; to: number; value: number }> {
  const out: Array<{ from: number; to: number; value: number }> = [];
  list.forEach((value, i) => {
    if (value === undefined) return;
    const last = out[out.length - 1];
    if (last && last.to === i - 1 && last.value === value) last.to = i;
    else out.push({ from: i, to: i, value });
  });
  return out;
}

/** One operation's context: the writer, and the op's sheet under its name in the workbook. */
interface Step {
  w: Writer;
  /** The op's sheet; ops that make their sheet (ensureSheet, writeSheet) have none yet. */
  ws: Excel.Worksheet;
  name: string;
}

/** The Office.js host's semantics of each operation of the catalogue. */
const EXCEL: Handlers<Step, Promise<void>> = {
  ensureSheet: async (op, { w }) => {
    const marked = w.checkOwned(op);
    await w.ensureSheet(op.sheet, op.visibility, op.after);
    if (!marked) await w.mark(op.owner, w.exists(op.sheet) ?? op.sheet, { r1: 1, c1: 1, r2: 1, c2: 1 });
  },
  writeSheet: async (op, { w }) => {
    w.checkOwned(op);
    await w.writeSheet(op.sheet, op.content, op.visibility, op.after, op.previous);
    await w.mark(op.owner, w.exists(op.sheet) ?? op.sheet, contentExtent(op.content));
  },
  createTable: (op, { w, ws, name }) => w.createTable(ws, name, op.table),
  setNumberFormat: (op, { w, ws }) => w.numberFormat(ws, op.range, op.format),
  setValidation: (op, { w, ws, name }) => w.setValidation(ws, name, op, op.range, op.validation),
  clearOwnFormats: (_op, { w, ws, name }) => w.clearOwnFormats(ws, name),
  addConditionalFormats: (op, { w, ws, name }) => w.addConditionalFormats(ws, name, op.ranges, op.rules),
  setValues: (op, { w, ws, name }) => w.setValues(ws, name, op),
  appendRows: (op, { w, ws, name }) => w.appendRows(ws, name, op.table, op.startRow, op.range, op.rows),
};

class Writer {
  readonly notes: ExcelApplyNote[] = [];
  private pending = 0;
  private dv = new Map<PatchOp, Excel.DataValidation>();
  /** Each appended-to table's extent as it is now (lower-case name), learned before the writes. */
  private tableNow = new Map<string, Excel.Range>();
  /** The cells each setValues op sets, as they are now: per column, the rows r1… of `range`. */
  private cellsNow = new Map<PatchOp, Map<number, Array<{ r1: number; range: Excel.Range }>>>();
  /** Conditional formats added per sheet in this patch: their priority, first wins. */
  private cfAdded = new Map<string, number>();
  /** The conditional formats this patch added per sheet: the product's too, for a later clear. */
  private cfMade = new Map<string, Excel.ConditionalFormat[]>();

  constructor(
    private ctx: Excel.RequestContext,
    private st: Structure,
    private supports: Supports,
    private maxBytes: number,
    private maxResponse: number,
    private planned?: WorkbookSnapshot,
  ) {}

  /**
   * Count `actions` queued calls carrying `data` bytes of arguments against the current request,
   * sending it first when it would grow too big. Each call costs about ACTION_BYTES in Office.js's
   * request JSON (the action and the object path it works on) besides its arguments.
   */
  private async reserve(actions: number, data = 0): Promise<void> {
    const bytes = actions * ACTION_BYTES + data;
    if (this.pending > 0 && this.pending + bytes > this.maxBytes) await this.flush();
    this.pending += bytes;
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    await this.ctx.sync();
    this.pending = 0;
  }

  exists(sheet: string): string | undefined {
    return this.st.sheets[
      findName(
        this.st.sheets.map((s) => s.name),
        sheet,
      )
    ]?.name;
  }

  private ws(sheet: string): Excel.Worksheet {
    return this.ctx.workbook.worksheets.getItem(sheet);
  }

  /**
   * The one read before the writes: the validation already on the ranges the patch validates,
   * and, because co-authors may have edited since the read, the extent each appended-to table has
   * now and what the cells to be set hold now. Without a table that was there at the read (a
   * co-author removed it) the read fails; it is made again without the tables, which are then
   * taken as they were read.
   */
  async preRead(patch: WorkbookPatch): Promise<void> {
    // The cells to be set, per op and column: their rows now, read in bands within the budget.
    const budget = Math.max(1, Math.floor(this.maxResponse / CHECK_CELL_BYTES));
    const band = Math.min(CHECK_BAND, budget);
    const checks: Array<{ op: PatchOp; name: string; c: number; r1: number; r2: number }> = [];
    for (const op of patch.ops) {
      const name = this.exists(op.sheet);
      if (op.op !== "setValues" || !name || !this.plannedSheet(name)) continue;
      const cols = new Map<number, { r1: number; r2: number }>();
      for (const { cell } of op.cells) {
        const at = parseA1(cell);
        if (!at) continue;
        const b = cols.get(at.c);
        cols.set(at.c, b ? { r1: Math.min(b.r1, at.r), r2: Math.max(b.r2, at.r) } : { r1: at.r, r2: at.r });
      }
      for (const [c, b] of cols)
        for (let r = b.r1; r <= b.r2; r += band)
          checks.push({ op, name, c, r1: r, r2: Math.min(b.r2, r + band - 1) });
    }
    /** Queues cell checks from `from` while they fit one response; returns where it stopped. */
    const queueChecks = (from: number): number => {
      let cells = 0;
      let i = from;
      for (; i < checks.length; i++) {
        const k = checks[i];
        cells += k.r2 - k.r1 + 1;
        if (i > from && cells > budget) break;
        const now = this.cellsNow.get(k.op) ?? new Map<number, Array<{ r1: number; range: Excel.Range }>>();
        this.cellsNow.set(k.op, now);
        const range = this.ws(k.name)
          .getRange(rangeRef({ r1: k.r1, r2: k.r2, c1: k.c, c2: k.c }))
          .load("values");
        now.set(k.c, [...(now.get(k.c) ?? []), { r1: k.r1, range }]);
      }
      return i;
    };
    const queue = (tables: boolean): number => {
      this.dv.clear();
      this.tableNow.clear();
      this.cellsNow.clear();
      for (const op of patch.ops) {
        const name = this.exists(op.sheet);
        if (!name) continue;
        if (op.op === "setValidation") {
          const dv = this.ws(name).getRange(rangeRef(op.range)).dataValidation.load("type,errorAlert");
          this.dv.set(op, dv);
        } else if (op.op === "appendRows" && tables && op.table !== undefined) {
          const t = this.table(name, op.table);
          if (t && !this.tableNow.has(t.name.toLowerCase()))
            this.tableNow.set(
              t.name.toLowerCase(),
              this.ws(name).tables.getItem(t.name).getRange().load(EXTENT),
            );
        }
      }
      return queueChecks(0);
    };
    let next = queue(true);
    if (this.dv.size + this.tableNow.size + this.cellsNow.size === 0) return;
    try {
      await this.ctx.sync();
    } catch (e) {
      if (this.tableNow.size === 0) throw e;
      next = queue(false);
      await this.ctx.sync();
    }
    // Only a patch setting more cells than one response holds (a normalisation of a huge sheet).
    while (next < checks.length) {
      next = queueChecks(next);
      await this.ctx.sync();
    }
  }

  /** The sheet as the patch's plan read it, when this host read it. */
  private plannedSheet(name: string): SheetSnapshot | undefined {
    const sheets = this.planned?.sheets ?? [];
    return sheets[
      findName(
        sheets.map((s) => s.name),
        name,
      )
    ];
  }

  private table(sheet: string, table: string): Structure["tables"][number] | undefined {
    return this.st.tables.find(
      (x) => x.sheet.toLowerCase() === sheet.toLowerCase() && x.name.toLowerCase() === table.toLowerCase(),
    );
  }

  async apply(op: PatchOp): Promise<void> {
    if (makesSheet(op)) await dispatch(EXCEL, op, { w: this, ws: undefined as never, name: op.sheet });
    else {
      const name = this.exists(op.sheet);
      if (!name) {
        this.notes.push({ code: "sheet-missing", sheet: op.sheet });
        return;
      }
      await dispatch(EXCEL, op, { w: this, ws: this.ws(name), name });
    }
  }

  // -- sheets -------------------------------------------------------------------------------

  /**
   * A sheet the op names that exists must carry the op's marker, or the planner must have proven
   * it the product's (`adopt`): anything else is the user's and the patch is refused. True when
   * the sheet exists with the marker already.
   */
  checkOwned(op: Extract<PatchOp, { op: "ensureSheet" | "writeSheet" }>): boolean {
    const name = this.exists(op.sheet);
    if (!name) return false;
    const marker = this.st.markers?.bySheet.get(name.toLowerCase());
    // Without ExcelApi 1.4 there are no names to read: the planner's word is all there is.
    if (this.st.markers) assertOwned(name, marker, op);
    return marker !== undefined;
  }

  async mark(owner: OwnerRef, sheet: string, range: Range): Promise<void> {
    if (!this.st.markers) return;
    await this.reserve(3, size({ owner, sheet, range }));
    queueMarker(this.ctx, this.st.markers, owner, sheet, range);
  }

  async ensureSheet(
    sheet: string,
    visibility: "visible" | "hidden",
    after?: string,
  ): Promise<Excel.Worksheet> {
    const vis = visibility === "hidden" ? "Hidden" : "Visible";
    const name = this.exists(sheet);
    await this.reserve(3, size({ sheet, vis, after }));
    if (name) {
      const known = this.st.sheets.find((s) => s.name === name)!;
      const ws = this.ws(name);
      if (known.visibility !== visibility) {
        ws.visibility = vis;
        known.visibility = visibility;
      }
      return ws;
    }
    const ws = this.ctx.workbook.worksheets.add(sheet);
    const at =
      after === undefined
        ? -1
        : this.st.sheets.findIndex((s) => s.name.toLowerCase() === after.toLowerCase());
    if (at >= 0 && at + 1 < this.st.sheets.length) ws.position = at + 1;
    if (vis === "Hidden") ws.visibility = vis;
    this.st.sheets.splice(at >= 0 ? at + 1 : this.st.sheets.length, 0, { name: sheet, visibility });
    return ws;
  }

  async writeSheet(
    sheet: string,
    content: SheetContent,
    visibility: "visible" | "hidden",
    after?: string,
    previous?: Range,
  ): Promise<void> {
    const existed = this.exists(sheet);
    const ws = await this.ensureSheet(sheet, visibility, after);
    const name = existed ?? sheet;
    const extent = contentExtent(content);
    if (existed) {
      // The sheet is the product's, but only its previous region is, and a co-author may be typing
      // on it: that region's tables become plain ranges (never deleted with what they hold), its
      // validation, merges and cells go; the user's cells, notes and tables around it stay.
      if (previous) {
        const mine = (x: Structure["tables"][number]) =>
          x.sheet.toLowerCase() === name.toLowerCase() && overlaps(x.range, previous);
        for (const t of this.st.tables.filter(mine)) ws.tables.getItem(t.name).convertToRange();
        this.st.tables = this.st.tables.filter((x) => !mine(x));
        const region = ws.getRange(rangeRef(previous));
        region.dataValidation.clear();
        region.unmerge();
        region.clear();
      }
      ws.freezePanes.unfreeze();
      await this.reserve(10);
    }
    // Null cells may go in the grid only where nothing of the user's can be.
    const blank =
      !existed ||
      (previous !== undefined &&
        previous.r1 <= extent.r1 &&
        previous.c1 <= extent.c1 &&
        previous.r2 >= extent.r2 &&
        previous.c2 >= extent.c2);
    await this.writeGrid(ws, 1, 1, content.rows, blank);
    for (const m of content.merges ?? []) {
      await this.reserve(2);
      ws.getRange(rangeRef(m)).merge(false);
    }
    // Widths in characters of the default font ≈ 7 px each plus 5 px padding; Office.js wants points.
    for (const run of runs(content.colWidths ?? [])) {
      await this.reserve(2);
      ws.getRange(`${colLetter(run.from + 1)}:${colLetter(run.to + 1)}`).format.columnWidth =
        Math.round((run.value * 7 + 5) * 0.75 * 100) / 100;
    }
    for (const run of runs(content.rowHeights ?? [])) {
      await this.reserve(2);
      ws.getRange(`${run.from + 1}:${run.to + 1}`).format.rowHeight = run.value;
    }
    const f = content.freeze;
    if (f && (f.rows || f.cols)) {
      await this.reserve(2);
      if (f.rows && f.cols) ws.freezePanes.freezeAt(`A1:${a1(f.rows, f.cols)}`);
      else if (f.rows) ws.freezePanes.freezeRows(f.rows);
      else ws.freezePanes.freezeColumns(f.cols);
    }
    if (content.showGridLines !== undefined) ws.showGridlines = content.showGridLines;
    const ps = content.pageSetup;
    if (ps && !this.supports(9))
      this.notes.push({ code: "feature-unsupported", sheet: name, detail: "pageSetup (ExcelApi 1.9)" });
    if (ps && this.supports(9)) {
      await this.reserve(14);
      const pl = ws.pageLayout;
      pl.paperSize = "A4";
      pl.orientation = ps.orientation === "landscape" ? "Landscape" : "Portrait";
      if (ps.margins) {
        const m = ps.margins;
        pl.leftMargin = m.left * 72;
        pl.rightMargin = m.right * 72;
        pl.topMargin = m.top * 72;
        pl.bottomMargin = m.bottom * 72;
        pl.headerMargin = m.header * 72;
        pl.footerMargin = m.footer * 72;
      }
      if (ps.fitToWidth) pl.zoom = { horizontalFitToPages: ps.fitToWidth, verticalFitToPages: 0 };
      if (ps.centerHorizontally !== undefined) pl.centerHorizontally = ps.centerHorizontally;
      if (ps.printArea) pl.setPrintArea(rangeRef(ps.printArea));
      if (ps.printTitleRows) pl.setPrintTitleRows(`$${ps.printTitleRows.r1}:$${ps.printTitleRows.r2}`);
    }
    for (const t of content.tables ?? []) await this.createTable(ws, name, t);
  }

  // -- cells --------------------------------------------------------------------------------

  /**
   * Writes rows of cells with their top-left at (r0, c0): the values (formulas where the
   * patch has one) and number formats as 2-D arrays in row blocks, then styles as rectangles
   * of equal style, then links. `blank` says the cells are known empty (a cleared sheet), so
   * null cells can be part of the grid; otherwise each run of non-null cells is written alone
   * and a null leaves its cell as it is.
   */
  private async writeGrid(
    ws: Excel.Worksheet,
    r0: number,
    c0: number,
    rows: Array<Array<CellWrite | null>>,
    blank: boolean,
  ): Promise<void> {
    const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
    if (!width) return;
    if (blank) {
      let i = 0;
      while (i < rows.length) {
        // A block of rows of about BLOCK_BYTES.
        let j = i;
        let bytes = 0;
        const inputs: Array<Array<string | number | boolean>> = [];
        while (j < rows.length && (j === i || bytes < BLOCK_BYTES)) {
          const line = Array.from({ length: width }, (_, c) => cellInput(rows[j][c]));
          bytes += size(line);
          inputs.push(line);
          j++;
        }
        const block = rows.slice(i, j);
        if (!inputs.every((l) => l.every((x) => x === ""))) {
          await this.reserve(2, bytes);
          ws.getRange(rangeRef({ r1: r0 + i, c1: c0, r2: r0 + j - 1, c2: c0 + width - 1 })).formulas = inputs;
        }
        // Number formats only for the columns that have one (the sheet was cleared to General).
        for (let c = 0; c < width; c++) {
          if (!block.some((r) => r[c]?.style?.numFmt)) continue;
          const col = block.map((r) => [r[c]?.style?.numFmt ?? "General"]);
          await this.reserve(2, size(col));
          ws.getRange(rangeRef({ r1: r0 + i, c1: c0 + c, r2: r0 + j - 1, c2: c0 + c })).numberFormat = col;
        }
        i = j;
      }
    } else {
      for (const [i, row] of rows.entries()) {
        let c = 0;
        while (c < row.length) {
          if (!row[c]) {
            c++;
            continue;
          }
          let e = c;
          while (e + 1 < row.length && row[e + 1]) e++;
          const run = row.slice(c, e + 1) as CellWrite[];
          // A cell written without a format keeps its own: formats go on the runs that have one.
          for (let a = 0; a < run.length; a++) {
            if (!run[a].style?.numFmt) continue;
            let b = a;
            while (b + 1 < run.length && run[b + 1].style?.numFmt) b++;
            const formats = [run.slice(a, b + 1).map((w) => w.style!.numFmt!)];
            await this.reserve(2, size(formats));
            ws.getRange(rangeRef({ r1: r0 + i, c1: c0 + c + a, r2: r0 + i, c2: c0 + c + b })).numberFormat =
              formats;
            a = b;
          }
          const inputs = [run.map(cellInput)];
          await this.reserve(2, size(inputs));
          ws.getRange(rangeRef({ r1: r0 + i, c1: c0 + c, r2: r0 + i, c2: c0 + e })).formulas = inputs;
          c = e + 1;
        }
      }
    }
    await this.styles(ws, r0, c0, rows);
    for (const [i, row] of rows.entries())
      for (const [j, w] of row.entries()) {
        if (!w?.link) continue;
        await this.reserve(2, 60);
        ws.getRange(a1(r0 + i, c0 + j)).hyperlink = {
          documentReference: `${quoteSheet(w.link.sheet)}!${w.link.cell}`,
          textToDisplay: w.v === null ? "" : String(w.v),
        };
      }
  }

  /** Styles (number formats aside) as rectangles of cells with the same value of a property. */
  private async styles(
    ws: Excel.Worksheet,
    r0: number,
    c0: number,
    rows: Array<Array<CellWrite | null>>,
  ): Promise<void> {
    // One property at a time: a column of top-aligned cells is one call even when its fills differ.
    for (const prop of STYLE_PROPS) {
      const key = (w: CellWrite | null | undefined) => {
        const v = w?.style?.[prop];
        return v === undefined ? "" : JSON.stringify(v);
      };
      for (const { range, cell } of rectangles(rows, r0, c0, key)) {
        const style: CellStyle = { [prop]: cell.style![prop] };
        await this.reserve(styleActions(style, range), size(style));
        this.format(ws.getRange(rangeRef(range)).format, style, range);
      }
    }
  }

  private format(f: Excel.RangeFormat, s: CellStyle, range: Range): void {
    if (s.bold !== undefined) f.font.bold = s.bold;
    if (s.italic !== undefined) f.font.italic = s.italic;
    if (s.size !== undefined) f.font.size = s.size;
    if (s.color) f.font.color = color(s.color);
    if (s.underline) f.font.underline = "Single";
    if (s.fill) f.fill.color = color(s.fill);
    if (s.hAlign)
      f.horizontalAlignment = s.hAlign === "left" ? "Left" : s.hAlign === "center" ? "Center" : "Right";
    if (s.vAlign)
      f.verticalAlignment = s.vAlign === "top" ? "Top" : s.vAlign === "center" ? "Center" : "Bottom";
    if (s.wrap !== undefined) f.wrapText = s.wrap;
    if (s.border) {
      const edges: Array<
        "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical"
      > = s.border === "all" ? ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] : ["EdgeBottom"];
      if (range.r2 > range.r1) edges.push("InsideHorizontal");
      if (s.border === "all" && range.c2 > range.c1) edges.push("InsideVertical");
      for (const e of edges) f.borders.getItem(e).style = "Continuous";
    }
  }

  /** Sets the cells that still hold what the plan read; a cell a co-author changed is left. */
  async setValues(
    ws: Excel.Worksheet,
    sheet: string,
    op: Extract<PatchOp, { op: "setValues" }>,
  ): Promise<void> {
    const now = this.cellsNow.get(op);
    const was = this.plannedSheet(sheet);
    for (const { cell, write } of op.cells) {
      const at = parseA1(cell);
      if (!at) continue;
      const col = now?.get(at.c)?.find((b) => b.r1 <= at.r && at.r - b.r1 < b.range.values.length);
      if (col && was && !sameValue(col.range.values[at.r - col.r1][0], was.rows[at.r - 1]?.[at.c - 1])) {
        this.notes.push({ code: "cell-changed", sheet, range: cell });
        continue;
      }
      await this.writeCell(ws, at.r, at.c, write);
    }
  }

  async writeCell(ws: Excel.Worksheet, r: number, c: number, w: CellWrite): Promise<void> {
    const input = [[cellInput(w)]];
    await this.reserve(3, size(input));
    const range = ws.getRange(a1(r, c));
    if (w.style?.numFmt) range.numberFormat = [[w.style.numFmt]];
    range.formulas = input;
  }

  async numberFormat(ws: Excel.Worksheet, range: Range, format: string): Promise<void> {
    // numberFormat takes one entry per cell; queue it in row blocks for the request budget.
    const width = range.c2 - range.c1 + 1;
    const per = Math.max(1, Math.floor(BLOCK_BYTES / ((size(format) + 1) * width)));
    for (let r = range.r1; r <= range.r2; r += per) {
      const r2 = Math.min(range.r2, r + per - 1);
      const grid = Array.from({ length: r2 - r + 1 }, () => Array<string>(width).fill(format));
      await this.reserve(2, size(grid));
      ws.getRange(rangeRef({ r1: r, c1: range.c1, r2, c2: range.c2 })).numberFormat = grid;
    }
  }

  // -- tables -------------------------------------------------------------------------------

  async createTable(ws: Excel.Worksheet, sheet: string, spec: TableSpec): Promise<void> {
    const clash = this.st.tables.find(
      (t) => t.sheet.toLowerCase() === sheet.toLowerCase() && overlaps(t.range, spec.range),
    );
    if (clash) {
      this.notes.push({ code: "table-overlap", sheet, range: rangeRef(spec.range), detail: clash.name });
      return;
    }
    const name = freeTableName(spec.name, new Set(this.st.tables.map((t) => t.name.toLowerCase())));
    if (name !== spec.name)
      this.notes.push({ code: "table-renamed", sheet, range: rangeRef(spec.range), detail: name });
    await this.reserve(4);
    const t = ws.tables.add(rangeRef(spec.range), true);
    t.name = name;
    t.style = spec.style;
    this.st.tables.push({ name, sheet, range: spec.range, style: spec.style, headerRow: true });
  }

  async appendRows(
    ws: Excel.Worksheet,
    sheet: string,
    table: string | undefined,
    startRow: number,
    range: Range,
    rows: CellWrite[][],
  ): Promise<void> {
    const t = table === undefined ? undefined : this.table(sheet, table);
    // Where the table ends now: a co-author may have appended rows (or removed some) since the read.
    const now = t && this.tableNow.get(t.name.toLowerCase());
    if (t && now) {
      const cur = {
        r1: now.rowIndex + 1,
        c1: now.columnIndex + 1,
        r2: now.rowIndex + now.rowCount,
        c2: now.columnIndex + now.columnCount,
      };
      if (cur.r2 !== t.range.r2) {
        startRow = cur.r2 + 1;
        range = {
          r1: cur.r1,
          c1: Math.min(cur.c1, range.c1),
          r2: cur.r2 + rows.length,
          c2: Math.max(cur.c2, range.c2),
        };
        if (cur.r2 > t.range.r2)
          this.notes.push({ code: "table-grown", sheet, range: rangeRef(cur), detail: t.name });
      }
    }
    await this.writeGrid(ws, startRow, range.c1, rows, false);
    if (table === undefined) return;
    if (!t) {
      this.notes.push({ code: "table-missing", sheet, detail: table });
      return;
    }
    await this.reserve(4);
    const ref = rangeRef(range);
    if (this.supports(13)) ws.tables.getItem(t.name).resize(ref);
    else {
      // Before ExcelApi 1.13 a table cannot be resized: turn it back into a range and make it
      // again over the new extent, with its name and style (never TableRowCollection.add).
      ws.tables.getItem(t.name).convertToRange();
      const made = ws.tables.add(ref, true);
      made.name = t.name;
      made.style = t.style;
    }
    t.range = range;
  }

  // -- validation and conditional formats ---------------------------------------------------

  async setValidation(
    ws: Excel.Worksheet,
    sheet: string,
    op: PatchOp,
    range: Range,
    v: Validation,
  ): Promise<void> {
    const before = this.dv.get(op);
    if (before && before.type !== "None") {
      // The product's own validation is replaced; the user's is left alone, as in the .xlsx host.
      if (!isOwnValidation(before.errorAlert?.title)) {
        this.notes.push({ code: "validation-user-overlap", sheet, range: rangeRef(range) });
        return;
      }
    }
    const r = excelRule(v);
    await this.reserve(6, size(r) + size(v));
    const dv = ws.getRange(rangeRef(range)).dataValidation;
    if (before && before.type !== "None") dv.clear();
    dv.ignoreBlanks = true;
    dv.rule = r;
    dv.errorAlert = { title: OWN_TITLE, message: v.errorMessage, showAlert: true, style: "Stop" };
    if (v.prompt) dv.prompt = { title: OWN_TITLE, message: v.prompt, showPrompt: true };
  }

  async clearOwnFormats(ws: Excel.Worksheet, sheet: string): Promise<void> {
    const key = sheet.toLowerCase();
    for (const id of this.st.ownCf.get(key) ?? []) {
      await this.reserve(3);
      ws.getRange().conditionalFormats.getItem(id).delete();
    }
    // Rules an earlier op of this patch added are the product's as well.
    for (const cf of this.cfMade.get(key) ?? []) {
      await this.reserve(2);
      cf.delete();
    }
    this.st.ownCf.delete(key);
    this.cfAdded.delete(key);
    this.cfMade.delete(key);
  }

  async addConditionalFormats(
    ws: Excel.Worksheet,
    sheet: string,
    ranges: Range[],
    rules: ConditionalRule[],
  ): Promise<void> {
    if (!ranges.length || !rules.length) return;
    const key = sheet.toLowerCase();
    // One rule over all the ranges (RangeAreas, ExcelApi 1.9); before that, one rule per range.
    const targets: Array<Excel.Range | Excel.RangeAreas> = this.supports(9)
      ? [ws.getRanges(ranges.map(rangeRef).join(","))]
      : ranges.map((r) => ws.getRange(rangeRef(r)));
    for (const rule of rules) {
      for (const target of targets) {
        await this.reserve(16, size(rule) + size(ranges));
        const cf = target.conditionalFormats.add("Custom");
        cf.custom.rule.formula = `=${rule.formula}`;
        const f = cf.custom.format;
        if (rule.fill) f.fill.color = color(rule.fill);
        if (rule.fontColor) f.font.color = color(rule.fontColor);
        if (rule.bold) f.font.bold = true;
        if (rule.strike) f.font.strikethrough = true;
        if (rule.border)
          for (const e of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
            const b = f.borders.getItem(e);
            b.style = "Continuous";
            b.color = color(rule.border);
          }
        if (rule.stopIfTrue) cf.stopIfTrue = true;
        // A new rule comes first in Excel; move it after the ones this patch added before it.
        const n = this.cfAdded.get(key) ?? 0;
        cf.priority = n;
        this.cfAdded.set(key, n + 1);
        this.cfMade.set(key, [...(this.cfMade.get(key) ?? []), cf]);
      }
    }
  }
}

const OPERATOR = {
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
  between: "Between",
} as const;

/** The product's validation as an Office.js rule. */
function excelRule(v: Validation): Excel.DataValidationRule {
  const k = validationCriteria(v.rule);
  if (k.type === "list") return { list: { inCellDropDown: true, source: k.items.join(",") } };
  const operator = OPERATOR[k.operator];
  const formula2 = k.formula2 !== undefined ? { formula2: k.formula2 } : {};
  return k.type === "date"
    ? { date: { formula1: String(k.formula1), operator } }
    : { decimal: { formula1: k.formula1, ...formula2, operator } };
}

/** What a cell held at the read and holds now are the same value. */
function sameValue(now: unknown, was: Cell | undefined): boolean {
  const w = was === undefined ? "" : typeof was.value === "object" ? was.value.error : was.value;
  if (typeof now === "number" && typeof w === "number")
    return Math.abs(now - w) <= 1e-9 * Math.max(1, Math.abs(w));
  return now === (w ?? "");
}
