/**
 * A strict fake of the Excel JavaScript API subset ExcelHost uses, so tests can prove what the
 * real thing would do with the host's batches:
 * - proxy objects: `load()` queues a read, `context.sync()` fulfils it; reading a property that was
 *   not loaded and synced throws, like Office.js's PropertyNotLoaded;
 * - writes and method calls are queued and take effect, in order, only at `sync()`;
 * - every `sync()` is counted, and the JSON size of its queued writes and of what its loads return
 *   measured (Excel on the web refuses requests and responses over ~5 MB; the fake fails a sync
 *   over `maxRequestBytes` or `responseLimitBytes`);
 * - `worksheets.onChanged` handlers are registered and removed at a sync of the context they were
 *   added with, and `model.fireChanged()` calls them as Excel would after a change;
 * - `*OrNullObject` navigation gives objects whose `isNullObject` is known after a sync.
 * Anything the host calls that is not modelled here is undefined and fails the test.
 */

import {
  colLetter,
  parseRange,
  rangeRef,
  type Range,
  type WorkbookSnapshot,
} from "../../../src/core/snapshot";
import { markerName, markerRef } from "../../../src/core/owned";

// ---------------------------------------------------------------------------------------------
// The model: what the workbook holds.

export type FakeValue = string | number | boolean;

export interface FakeCell {
  value: FakeValue;
  /** With its leading `=`. */
  formula?: string;
  numFmt: string;
  /** Typed with a leading apostrophe: text however it looks. */
  quotePrefix?: boolean;
  link?: Excel.RangeHyperlink;
  style?: Record<string, unknown>;
}

export interface FakeTable {
  id: string;
  name: string;
  range: Range;
  showHeaders: boolean;
  style: string;
}

export interface FakeCf {
  id: string;
  type: "Custom" | "CellValue";
  ranges: Range[];
  formula?: string;
  format: Record<string, unknown>;
  stopIfTrue: boolean;
  priority: number;
}

export interface FakeDv {
  range: Range;
  rule: Excel.DataValidationRule;
  errorAlert?: Partial<Excel.DataValidationErrorAlert>;
  prompt?: Partial<Excel.DataValidationPrompt>;
  ignoreBlanks: boolean;
}

export class FakeSheet {
  /** Set by FakeWorkbookModel.addSheet; what WorksheetChangedEventArgs.worksheetId names. */
  id = "";
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** Protected (Review → Protect Sheet): Excel refuses every change to it. */
  protected = false;
  /** row → column → cell, 1-based. */
  cells = new Map<number, Map<number, FakeCell>>();
  merges: Range[] = [];
  tables: FakeTable[] = [];
  cfs: FakeCf[] = [];
  dvs: FakeDv[] = [];
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  freeze?: { rows: number; cols: number };
  showGridlines = true;
  pageLayout: Record<string, unknown> = {};
  printArea?: string;
  printTitleRows?: string;

  constructor(public name: string) {}

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(r)?.get(c);
  }

  /** The cell at (r, c), created blank when absent. */
  touch(r: number, c: number): FakeCell {
    let row = this.cells.get(r);
    if (!row) this.cells.set(r, (row = new Map()));
    let cell = row.get(c);
    if (!cell) row.set(c, (cell = { value: "", numFmt: "General" }));
    return cell;
  }

  /** Text of a cell as a test reads it. */
  text(ref: string): FakeValue | undefined {
    const r = parseRange(ref)!;
    return this.cell(r.r1, r.c1)?.value;
  }
}

/** A workbook-scoped name (Excel.NamedItem): its formula with the leading `=`. */
export interface FakeName {
  name: string;
  formula: string;
  visible: boolean;
}

export class FakeWorkbookModel {
  sheets: FakeSheet[] = [];
  /** Workbook-scoped names; renameSheet rewrites their references as Excel does. */
  names: FakeName[] = [];
  date1904 = false;
  /** Structure protected (Review → Protect Workbook): no sheet may be added, moved, hidden or shown. */
  structureProtected = false;
  /** Minor versions of ExcelApi the fake host claims: 1.x for every x ≤ this. */
  apiMinor = 16;
  private seq = 0;

  nextId(): string {
    return String(++this.seq);
  }

  private index = new Map<string, FakeSheet>();

  sheet(name: string): FakeSheet | undefined {
    const s = this.index.get(name.toLowerCase());
    return s && this.sheets.includes(s) ? s : undefined;
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new FakeError("ItemAlreadyExists", `sheet ${name}`);
    const s = new FakeSheet(name);
    s.id = `{sheet-${this.nextId()}}`;
    this.sheets.push(s);
    this.index.set(name.toLowerCase(), s);
    return s;
  }

  /** A user renames a sheet: names referring to it follow, as in Excel. */
  renameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    if (!s) throw new Error(`fake: no sheet ${from}`);
    const quote = (n: string) => `'${n.replace(/'/g, "''")}'!`;
    for (const n of this.names)
      if (n.formula.startsWith(`=${quote(s.name)}`))
        n.formula = `=${quote(to)}${n.formula.slice(quote(s.name).length + 1)}`;
    this.index.delete(s.name.toLowerCase());
    s.name = to;
    this.index.set(to.toLowerCase(), s);
  }

  allTables(): Array<{ sheet: FakeSheet; table: FakeTable }> {
    return this.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }

  /** worksheets.onChanged handlers registered by a sync, with the context they were added in. */
  readonly changeHandlers: Array<{
    handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;
    context: FakeContext;
  }> = [];

  /**
   * What Excel does after a change to `sheet` (by the user, a co-author, or an add-in): call every
   * registered worksheets.onChanged handler. Resolves when they all have.
   */
  async fireChanged(
    sheet: string,
    address = "A1",
    args: Partial<Excel.WorksheetChangedEventArgs> = {},
  ): Promise<void> {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`fake: no sheet ${sheet}`);
    const event = {
      type: "WorksheetChanged",
      worksheetId: s.id,
      address,
      changeType: "RangeEdited",
      source: "Local",
      triggerSource: "Unknown",
      ...args,
    } as Excel.WorksheetChangedEventArgs;
    await Promise.all([...this.changeHandlers].map((h) => h.handler(event)));
  }

  /** Office.context.requirements for this fake. */
  requirements(): { isSetSupported(name: string, version?: string): boolean } {
    return {
      isSetSupported: (name, version) =>
        name === "ExcelApi" && Number((version ?? "1.1").split(".")[1]) <= this.apiMinor,
    };
  }
}

export class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The request context: a queue of actions run at sync().

const ACTION_OVERHEAD = 100;

interface Action {
  bytes: number;
  run(): void;
}

export interface SyncStat {
  /** UTF-8 JSON size of the writes queued for this sync. */
  bytes: number;
  /** UTF-8 JSON size of the values the loads of this sync return. */
  responseBytes: number;
  actions: number;
}

const utf8 = new TextEncoder();

/** UTF-8 size of `x` as JSON: what a request or response carries. */
export function jsonBytes(x: unknown): number {
  return utf8.encode(JSON.stringify(x ?? null)).length;
}

export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  readonly syncs: SyncStat[] = [];
  /** Excel on the web refuses larger requests. */
  maxRequestBytes = 5 * 1024 * 1024;
  /** … and larger responses. */
  responseLimitBytes = 5 * 1024 * 1024;
  private queue: Action[] = [];

  constructor(readonly model: FakeWorkbookModel) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  /**
   * Queue a write; it costs the JSON of its arguments plus ACTION_OVERHEAD for the action and
   * its object path, about what an Office.js request carries for one call.
   */
  write(payload: unknown, run: () => void): void {
    this.queue.push({ bytes: jsonBytes(payload) + ACTION_OVERHEAD, run });
  }

  /** Queue a read; reads cost (almost) nothing in the request. */
  read(run: () => void): void {
    this.queue.push({ bytes: 16, run });
  }

  async sync(): Promise<void> {
    const q = this.queue;
    this.queue = [];
    const bytes = q.reduce((n, a) => n + a.bytes, 0);
    const stat: SyncStat = { bytes, responseBytes: 0, actions: q.length };
    this.syncs.push(stat);
    if (bytes > this.maxRequestBytes)
      throw new FakeError("RequestPayloadSizeLimitExceeded", `${bytes} bytes`);
    this.current = stat;
    try {
      for (const a of q) a.run();
    } finally {
      this.current = undefined;
    }
    if (stat.responseBytes > this.responseLimitBytes)
      throw new FakeError("ResponsePayloadSizeLimitExceeded", `${stat.responseBytes} bytes`);
  }

  private current?: SyncStat;

  /** Count what a load returns. */
  respond(x: unknown): unknown {
    if (this.current) this.current.responseBytes += jsonBytes(x);
    return x;
  }

  get maxResponseBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get maxSyncBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.bytes), 0);
  }

  resetStats(): void {
    this.syncs.length = 0;
  }

  /** `Excel.run` over this fake. */
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    return batch(this as unknown as Excel.RequestContext);
  }
}

// ---------------------------------------------------------------------------------------------
// Proxies.

function propNames(arg: unknown): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap(propNames);
  throw new Error("fake: load() takes property names");
}

/** A client object: loads and writes go through the context's queue. */
abstract class FakeObject<M> {
  protected loaded = new Map<string, unknown>();
  private nullState?: boolean;

  constructor(
    readonly context: FakeContext,
    protected readonly resolve: () => M | null,
  ) {}

  /** The model behind the proxy at sync time; fails like Office.js when it does not exist. */
  protected target(): M {
    const m = this.resolve();
    if (m === null) throw new FakeError("ItemNotFound", this.constructor.name);
    return m;
  }

  protected abstract readProp(m: M, name: string): unknown;

  load(props?: string | string[]): this {
    const names = propNames(props);
    this.context.read(() => {
      const m = this.resolve();
      this.nullState = m === null;
      if (m === null) return;
      for (const n of names) this.loaded.set(n, this.context.respond(this.readProp(m, n)));
    });
    return this;
  }

  protected got<T>(name: string): T {
    if (!this.loaded.has(name))
      throw new FakeError("PropertyNotLoaded", `${this.constructor.name}.${name} was not loaded and synced`);
    return this.loaded.get(name) as T;
  }

  protected put(name: string, value: unknown, apply: (m: M) => void): void {
    this.context.write({ [name]: value }, () => {
      const m = this.target();
      guardWrite(this.context.model, m, name);
      apply(m);
    });
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined)
      throw new FakeError("PropertyNotLoaded", `${this.constructor.name}.isNullObject before a sync`);
    return this.nullState;
  }

  /** Filled in by collections when their items are loaded. */
  setLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }
}

/** A collection whose `items` are proxies over the model items present at the sync. */
abstract class FakeCollection<M, P extends FakeObject<M>> {
  private itemsLoaded?: P[];

  constructor(readonly context: FakeContext) {}

  protected abstract list(): M[];
  protected abstract proxy(m: M): P;
  protected abstract readItem(m: M, name: string): unknown;

  load(props?: string | string[]): this {
    const names = propNames(props).map((n) => n.replace(/^items\//, ""));
    this.context.read(() => {
      this.itemsLoaded = this.list().map((m) => {
        const p = this.proxy(m);
        for (const n of names) p.setLoaded(n, this.context.respond(this.readItem(m, n)));
        return p;
      });
    });
    return this;
  }

  get items(): P[] {
    if (!this.itemsLoaded) throw new FakeError("PropertyNotLoaded", `${this.constructor.name}.items`);
    return this.itemsLoaded;
  }
}

/**
 * Excel refuses a change to a protected sheet (and to what is on it), and a sheet added, moved,
 * hidden or shown in a workbook whose structure is protected.
 */
function guardWrite(model: FakeWorkbookModel, m: unknown, what: string): void {
  const sheet =
    m instanceof FakeSheet
      ? m
      : m && typeof m === "object" && "sheet" in m && m.sheet instanceof FakeSheet
        ? m.sheet
        : model.sheets.find((s) => s.cfs.includes(m as FakeCf) || s.tables.includes(m as FakeTable));
  if (m instanceof FakeSheet && (what === "visibility" || what === "position")) {
    if (model.structureProtected)
      throw new FakeError("AccessDenied", `workbook structure is protected (${what})`);
    return;
  }
  if (sheet?.protected) throw new FakeError("AccessDenied", `sheet ${sheet.name} is protected (${what})`);
}

class FakeWorkbookProtection extends FakeObject<FakeWorkbookModel> {
  protected readProp(m: FakeWorkbookModel, name: string): unknown {
    if (name === "protected") return m.structureProtected;
    throw new Error(`fake: WorkbookProtection.${name}`);
  }

  get protected(): boolean {
    return this.got("protected");
  }
}

export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly functions: FakeFunctions;
  readonly names: FakeNameCollection;

  constructor(readonly context: FakeContext) {
    this.names = new FakeNameCollection(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, () => context.model.allTables().map((t) => t.table));
    this.functions = new FakeFunctions(context);
  }

  /** ExcelApi 1.7. */
  get protection(): FakeWorkbookProtection {
    if (this.context.model.apiMinor < 7) throw new Error("fake: workbook.protection needs ExcelApi 1.7");
    return new FakeWorkbookProtection(this.context, () => this.context.model);
  }
}

/** Excel's rule for a defined name: a letter, `_` or `\` first, then letters, digits, `_`, `.`, `\`, `?`. */
const NAME_RE = /^[\p{L}_\\][\p{L}\p{N}_.\\?]{0,254}$/u;

function readNameProp(m: FakeName, name: string): unknown {
  if (name === "name") return m.name;
  if (name === "formula") return m.formula;
  if (name === "value") return m.formula.replace(/^=/, "");
  if (name === "visible") return m.visible;
  if (name === "type") return "Range";
  throw new Error(`fake: NamedItem.${name}`);
}

class FakeNameCollection extends FakeCollection<FakeName, FakeNamedItem> {
  protected list(): FakeName[] {
    if (this.context.model.apiMinor < 1) throw new Error("fake: names");
    return this.context.model.names;
  }

  protected proxy(m: FakeName): FakeNamedItem {
    return new FakeNamedItem(this.context, () => (this.context.model.names.includes(m) ? m : null));
  }

  protected readItem(m: FakeName, name: string): unknown {
    if (name === "formula" && this.context.model.apiMinor < 7)
      throw new Error("fake: NamedItem.formula needs ExcelApi 1.7");
    return readNameProp(m, name);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => {
      const n = this.context.model.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!n) throw new FakeError("ItemNotFound", `name ${name}`);
      return n;
    });
  }

  /** ExcelApi 1.4. `reference` is a formula such as `='Sheet 1'!$A$1:$B$2`. */
  add(name: string, reference: string, comment?: string): FakeNamedItem {
    const ctx = this.context;
    if (ctx.model.apiMinor < 4) throw new Error("fake: names.add needs ExcelApi 1.4");
    if (typeof reference !== "string" || !reference.startsWith("="))
      throw new Error("fake: names.add takes a formula string here");
    let made: FakeName | undefined;
    ctx.write({ addName: name, reference, comment }, () => {
      if (!NAME_RE.test(name)) throw new FakeError("InvalidArgument", `name ${name}`);
      if (ctx.model.names.some((x) => x.name.toLowerCase() === name.toLowerCase()))
        throw new FakeError("ItemAlreadyExists", `name ${name}`);
      const sheet = /^='((?:[^']|'')+)'!/.exec(reference)?.[1]?.replace(/''/g, "'");
      if (sheet !== undefined && !ctx.model.sheet(sheet))
        throw new FakeError("InvalidArgument", `no sheet ${sheet}`);
      made = { name, formula: reference, visible: true };
      ctx.model.names.push(made);
    });
    return new FakeNamedItem(ctx, () => made ?? null);
  }
}

class FakeNamedItem extends FakeObject<FakeName> {
  protected readProp(m: FakeName, name: string): unknown {
    return readNameProp(m, name);
  }

  get name(): string {
    return this.got("name");
  }

  get formula(): string {
    return this.got("formula");
  }

  get value(): string {
    return this.got("value");
  }

  get visible(): boolean {
    return this.got("visible");
  }

  set visible(v: boolean) {
    this.put("visible", v, (m) => {
      m.visible = v;
    });
  }

  delete(): void {
    if (this.context.model.apiMinor < 4) throw new Error("fake: NamedItem.delete needs ExcelApi 1.4");
    this.context.write({ deleteName: true }, () => {
      const m = this.target();
      this.context.model.names = this.context.model.names.filter((x) => x !== m);
    });
  }
}

class FakeFunctionResult extends FakeObject<{ value: number }> {
  protected readProp(m: { value: number }, name: string): unknown {
    if (name === "value") return m.value;
    throw new Error(`fake: FunctionResult.${name}`);
  }

  get value(): number {
    return this.got("value");
  }
}

class FakeFunctions {
  constructor(readonly context: FakeContext) {}

  /** DATE(y, m, d) in the workbook's date system. */
  date(y: number, m: number, d: number): FakeFunctionResult {
    const ctx = this.context;
    return new FakeFunctionResult(ctx, () => {
      const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
      return { value: ctx.model.date1904 ? days - 1462 : days };
    });
  }
}

class FakeWorksheetCollection extends FakeCollection<FakeSheet, FakeWorksheet> {
  protected list(): FakeSheet[] {
    return this.context.model.sheets;
  }

  protected proxy(m: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.context, () => (this.context.model.sheets.includes(m) ? m : null));
  }

  protected readItem(m: FakeSheet, name: string): unknown {
    return readSheetProp(m, name);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const s = this.context.model.sheet(name);
      if (!s) throw new FakeError("ItemNotFound", `worksheet ${name}`);
      return s;
    });
  }

  getFirst(visibleOnly?: boolean): FakeWorksheet {
    if (visibleOnly) throw new Error("fake: getFirst(visibleOnly) is not modelled");
    return new FakeWorksheet(this.context, () => this.context.model.sheets[0]);
  }

  getLast(visibleOnly?: boolean): FakeWorksheet {
    if (visibleOnly) throw new Error("fake: getLast(visibleOnly) is not modelled");
    return new FakeWorksheet(this.context, () => this.context.model.sheets.at(-1)!);
  }

  /** ExcelApi 1.9. Handlers are added, and removed, at a sync of this context. */
  get onChanged(): {
    add(handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>): {
      context: FakeContext;
      remove(): void;
    };
  } {
    const ctx = this.context;
    if (ctx.model.apiMinor < 9) throw new Error("fake: worksheets.onChanged needs ExcelApi 1.9");
    return {
      add: (handler) => {
        const entry = { handler, context: ctx };
        ctx.write({ addHandler: "WorksheetCollection.onChanged" }, () =>
          ctx.model.changeHandlers.push(entry),
        );
        return {
          context: ctx,
          remove: () =>
            ctx.write({ removeHandler: "WorksheetCollection.onChanged" }, () => {
              const list = ctx.model.changeHandlers;
              const at = list.indexOf(entry);
              if (at < 0) throw new FakeError("InvalidOperation", "handler not registered");
              list.splice(at, 1);
            }),
        };
      },
    };
  }

  add(name: string): FakeWorksheet {
    let made: FakeSheet | undefined;
    this.context.write({ add: name }, () => {
      if (this.context.model.structureProtected)
        throw new FakeError("AccessDenied", `workbook structure is protected (add ${name})`);
      made = this.context.model.addSheet(name);
    });
    return new FakeWorksheet(this.context, () => made ?? null);
  }
}

function readSheetProp(m: FakeSheet, name: string): unknown {
  if (name === "id") return m.id;
  if (name === "name") return m.name;
  if (name === "visibility") return m.visibility;
  if (name === "protection/protected") return m.protected;
  throw new Error(`fake: Worksheet.${name}`);
}

class FakeWorksheet extends FakeObject<FakeSheet> {
  protected readProp(m: FakeSheet, name: string): unknown {
    return readSheetProp(m, name);
  }

  get id(): string {
    return this.got("id");
  }

  get name(): string {
    return this.got("name");
  }

  get visibility(): string {
    return this.got("visibility");
  }

  /** ExcelApi 1.2; only `protected`, loaded as `protection/protected`. */
  get protection(): { protected: boolean } {
    return { protected: this.got("protection/protected") };
  }

  set visibility(v: string) {
    this.put("visibility", v, (m) => {
      m.visibility = v as FakeSheet["visibility"];
    });
  }

  set position(p: number) {
    this.put("position", p, (m) => {
      const list = this.context.model.sheets;
      list.splice(list.indexOf(m), 1);
      list.splice(Math.min(p, list.length), 0, m);
    });
  }

  set showGridlines(v: boolean) {
    this.put("showGridlines", v, (m) => {
      m.showGridlines = v;
    });
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, () => this.target().tables, this);
  }

  get freezePanes(): FakeFreezePanes {
    return new FakeFreezePanes(this.context, () => this.target());
  }

  get pageLayout(): FakePageLayout {
    return new FakePageLayout(this.context, () => this.target());
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.target();
      const r = address === undefined ? { r1: 1, c1: 1, r2: 1_048_576, c2: 16_384 } : parseAddress(address);
      return { sheet: s, range: r };
    });
  }

  getRanges(address: string): FakeRangeAreas {
    if (this.context.model.apiMinor < 9) throw new Error("fake: getRanges needs ExcelApi 1.9");
    return new FakeRangeAreas(this.context, () => ({
      sheet: this.target(),
      ranges: address
        .split(/[,\s]+/)
        .filter(Boolean)
        .map(parseAddress),
    }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (!valuesOnly) throw new Error("fake: only the values-only used range is modelled");
    return new FakeRange(this.context, () => {
      const s = this.target();
      let box: Range | undefined;
      for (const [r, row] of s.cells)
        for (const [c, cell] of row) {
          if (cell.value === "" && cell.formula === undefined) continue;
          box = box
            ? {
                r1: Math.min(box.r1, r),
                c1: Math.min(box.c1, c),
                r2: Math.max(box.r2, r),
                c2: Math.max(box.c2, c),
              }
            : { r1: r, c1: c, r2: r, c2: c };
        }
      return box ? { sheet: s, range: box } : null;
    });
  }
}

/** `A1:B2`, `Sheet!A1:B2`, `'My sheet'!A1`, `$A$1`, whole columns `A:B` and rows `3:4`. */
function parseAddress(address: string): Range {
  const local = (address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address).replace(
    /\$/g,
    "",
  );
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(local);
  if (cols) return parseRange(`${cols[1]}1:${cols[2]}1048576`)!;
  const rows = /^(\d+):(\d+)$/.exec(local);
  if (rows) return { r1: Number(rows[1]), c1: 1, r2: Number(rows[2]), c2: 16_384 };
  const r = parseRange(local);
  if (!r) throw new FakeError("InvalidArgument", `address ${address}`);
  return r;
}

function quoteName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function fullAddress(sheet: FakeSheet, r: Range): string {
  return `${quoteName(sheet.name)}!${rangeRef(r)}`;
}

function overlaps(a: Range, b: Range): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

function inside(a: Range, b: Range): boolean {
  return a.r1 >= b.r1 && a.r2 <= b.r2 && a.c1 >= b.c1 && a.c2 <= b.c2;
}

interface RangeRef {
  sheet: FakeSheet;
  range: Range;
}

function grid<T>(r: Range, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let i = r.r1; i <= r.r2; i++) {
    const line: T[] = [];
    for (let j = r.c1; j <= r.c2; j++) line.push(f(i, j));
    out.push(line);
  }
  return out;
}

function checkShape(r: Range, v: unknown[][], what: string): void {
  if (v.length !== r.r2 - r.r1 + 1 || v.some((row) => row.length !== r.c2 - r.c1 + 1))
    throw new FakeError("InvalidArgument", `${what}: ${v.length}×${v[0]?.length} for ${rangeRef(r)}`);
}

/** What Excel makes of a value typed into a cell. */
function typed(cell: FakeCell, v: FakeValue): void {
  cell.quotePrefix = false;
  cell.formula = undefined;
  if (typeof v !== "string") {
    cell.value = v;
    return;
  }
  if (v.startsWith("'")) {
    cell.value = v.slice(1);
    cell.quotePrefix = true;
  } else if (cell.numFmt === "@") cell.value = v;
  else if (/^[=+-]/.test(v) && v.length > 1 && !/^-?\d+(\.\d+)?$/.test(v)) {
    // Office.js takes these as formulas, as typing does; the fake evaluates nothing.
    cell.formula = v.startsWith("=") ? v : `=${v}`;
    cell.value = 0;
  } else if (/^-?\d+(\.\d+)?$/.test(v.trim())) cell.value = Number(v);
  else if (/^(true|false)$/i.test(v)) cell.value = v.toLowerCase() === "true";
  else cell.value = v;
}

class FakeRange extends FakeObject<RangeRef> {
  protected readProp(m: RangeRef, name: string): unknown {
    const { sheet, range } = m;
    switch (name) {
      case "address":
        return fullAddress(sheet, range);
      case "rowIndex":
        return range.r1 - 1;
      case "columnIndex":
        return range.c1 - 1;
      case "rowCount":
        return range.r2 - range.r1 + 1;
      case "columnCount":
        return range.c2 - range.c1 + 1;
      case "values":
        return grid(range, (r, c) => sheet.cell(r, c)?.value ?? "");
      case "numberFormat":
        return grid(range, (r, c) => sheet.cell(r, c)?.numFmt ?? "General");
      case "formulas":
        return grid(range, (r, c) => {
          const cell = sheet.cell(r, c);
          return cell?.formula ?? cell?.value ?? "";
        });
    }
    throw new Error(`fake: Range.${name}`);
  }

  get address(): string {
    return this.got("address");
  }
  get rowIndex(): number {
    return this.got("rowIndex");
  }
  get columnIndex(): number {
    return this.got("columnIndex");
  }
  get rowCount(): number {
    return this.got("rowCount");
  }
  get columnCount(): number {
    return this.got("columnCount");
  }
  get values(): FakeValue[][] {
    return this.got("values");
  }
  set values(v: FakeValue[][]) {
    this.put("values", v, ({ sheet, range }) => {
      checkShape(range, v, "values");
      v.forEach((row, i) => row.forEach((x, j) => typed(sheet.touch(range.r1 + i, range.c1 + j), x)));
    });
  }
  get numberFormat(): string[][] {
    return this.got("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.put("numberFormat", v, ({ sheet, range }) => {
      checkShape(range, v, "numberFormat");
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          sheet.touch(range.r1 + i, range.c1 + j).numFmt = x;
        }),
      );
    });
  }
  get formulas(): FakeValue[][] {
    return this.got("formulas");
  }
  set formulas(v: FakeValue[][]) {
    this.put("formulas", v, ({ sheet, range }) => {
      checkShape(range, v, "formulas");
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          const cell = sheet.touch(range.r1 + i, range.c1 + j);
          if (typeof x === "string" && x.startsWith("=")) {
            cell.formula = x;
            cell.quotePrefix = false;
          } else typed(cell, x);
        }),
      );
    });
  }
  set hyperlink(v: Excel.RangeHyperlink) {
    if (this.context.model.apiMinor < 7) throw new Error("fake: hyperlink needs ExcelApi 1.7");
    this.put("hyperlink", v, ({ sheet, range }) => {
      sheet.touch(range.r1, range.c1).link = v;
    });
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.context, () => this.target());
  }

  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this.context, () => this.target());
  }

  get conditionalFormats(): FakeCfCollection {
    return new FakeCfCollection(
      this.context,
      () => this.target().sheet,
      () => [this.target().range],
    );
  }

  merge(across?: boolean): void {
    this.context.write({ merge: across ?? false }, () => {
      const { sheet, range } = this.target();
      guardWrite(this.context.model, sheet, "range");
      if (sheet.merges.some((m) => overlaps(m, range)))
        throw new FakeError("InvalidOperation", "merge overlap");
      sheet.merges.push(range);
    });
  }

  unmerge(): void {
    this.context.write({ unmerge: true }, () => {
      const { sheet, range } = this.target();
      guardWrite(this.context.model, sheet, "range");
      sheet.merges = sheet.merges.filter((m) => !overlaps(m, range));
    });
  }

  clear(): void {
    this.context.write({ clear: "All" }, () => {
      const { sheet, range } = this.target();
      guardWrite(this.context.model, sheet, "range");
      for (const [r, row] of sheet.cells) {
        if (r < range.r1 || r > range.r2) continue;
        for (const c of [...row.keys()]) if (c >= range.c1 && c <= range.c2) row.delete(c);
      }
      sheet.merges = sheet.merges.filter((m) => !overlaps(m, range));
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    if (this.context.model.apiMinor < 13)
      throw new Error("fake: getMergedAreasOrNullObject needs ExcelApi 1.13");
    return new FakeRangeAreas(this.context, () => {
      const { sheet, range } = this.target();
      const hit = sheet.merges.filter((m) => overlaps(m, range));
      return hit.length ? { sheet, ranges: hit } : null;
    });
  }
}

class FakeRangeAreas extends FakeObject<{ sheet: FakeSheet; ranges: Range[] }> {
  protected readProp(m: { sheet: FakeSheet; ranges: Range[] }, name: string): unknown {
    if (name === "address") return m.ranges.map((r) => fullAddress(m.sheet, r)).join(",");
    throw new Error(`fake: RangeAreas.${name}`);
  }

  get address(): string {
    return this.got("address");
  }

  get conditionalFormats(): FakeCfCollection {
    return new FakeCfCollection(
      this.context,
      () => this.target().sheet,
      () => this.target().ranges,
    );
  }
}

/** Cell formatting: recorded as flat keys on each cell's style, e.g. `fill`, `font.bold`. */
class FakeStyleTarget<M> {
  constructor(
    readonly context: FakeContext,
    private readonly resolve: () => M,
    private readonly prefix: string,
    private readonly apply: (m: M, key: string, v: unknown) => void,
  ) {}

  protected set(key: string, v: unknown): void {
    this.context.write({ [this.prefix + key]: v }, () => this.apply(this.resolve(), this.prefix + key, v));
  }

  child(prefix: string): FakeStyleTarget<M> {
    return new FakeStyleTarget(this.context, this.resolve, this.prefix + prefix, this.apply);
  }
}

function styleCells({ sheet, range }: RangeRef, key: string, v: unknown): void {
  if (key === "columnWidth") {
    for (let c = range.c1; c <= range.c2; c++) sheet.colWidths.set(c, v as number);
    return;
  }
  if (key === "rowHeight") {
    for (let r = range.r1; r <= range.r2; r++) sheet.rowHeights.set(r, v as number);
    return;
  }
  for (let r = range.r1; r <= range.r2; r++)
    for (let c = range.c1; c <= range.c2; c++) {
      const cell = sheet.touch(r, c);
      cell.style = { ...cell.style, [key]: v };
    }
}

type Settable = Record<string, unknown>;

/** A style object whose listed properties are write-only setters. */
function styleObject<M>(
  t: FakeStyleTarget<M>,
  props: string[],
  children: Record<string, () => unknown> = {},
): Settable {
  const o: Settable = {};
  for (const p of props)
    Object.defineProperty(o, p, {
      set: (v: unknown) => (t as unknown as { set(k: string, v: unknown): void }).set(p, v),
      get: () => {
        throw new FakeError("PropertyNotLoaded", `format ${p} is write-only in this fake`);
      },
    });
  for (const [k, f] of Object.entries(children)) Object.defineProperty(o, k, { get: f });
  return o;
}

const FONT_PROPS = ["bold", "italic", "size", "color", "underline", "strikethrough", "name"];
const BORDER_ITEMS = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"];

function borders<M>(t: FakeStyleTarget<M>): Settable {
  return {
    getItem: (edge: string) => {
      if (!BORDER_ITEMS.includes(edge)) throw new Error(`fake: border ${edge}`);
      return styleObject(t.child(`border.${edge}.`), ["style", "color", "weight"]);
    },
  };
}

class FakeRangeFormat {
  private t: FakeStyleTarget<RangeRef>;
  constructor(context: FakeContext, resolve: () => RangeRef) {
    this.t = new FakeStyleTarget(context, resolve, "", styleCells);
    const o = styleObject(
      this.t,
      ["horizontalAlignment", "verticalAlignment", "wrapText", "columnWidth", "rowHeight"],
      {
        fill: () => styleObject(this.t.child("fill."), ["color"]),
        font: () => styleObject(this.t.child("font."), FONT_PROPS),
        borders: () => borders(this.t),
      },
    );
    return o as unknown as FakeRangeFormat;
  }
}

class FakeFreezePanes {
  constructor(
    readonly context: FakeContext,
    private readonly resolve: () => FakeSheet,
  ) {}

  freezeAt(address: string): void {
    this.context.write({ freezeAt: address }, () => {
      const r = parseAddress(address);
      this.resolve().freeze = { rows: r.r2, cols: r.c2 };
    });
  }

  freezeColumns(n: number): void {
    this.context.write({ freezeColumns: n }, () => (this.resolve().freeze = { rows: 0, cols: n }));
  }

  freezeRows(n: number): void {
    this.context.write({ freezeRows: n }, () => (this.resolve().freeze = { rows: n, cols: 0 }));
  }

  unfreeze(): void {
    this.context.write({ unfreeze: true }, () => (this.resolve().freeze = undefined));
  }
}

class FakePageLayout {
  constructor(context: FakeContext, resolve: () => FakeSheet) {
    if (context.model.apiMinor < 9) throw new Error("fake: pageLayout needs ExcelApi 1.9");
    const t = new FakeStyleTarget(context, resolve, "", (m, k, v) => {
      m.pageLayout[k] = v;
    });
    const o = styleObject(t, [
      "orientation",
      "paperSize",
      "leftMargin",
      "rightMargin",
      "topMargin",
      "bottomMargin",
      "headerMargin",
      "footerMargin",
      "zoom",
      "centerHorizontally",
    ]);
    o.setPrintArea = (a: string) => context.write({ setPrintArea: a }, () => (resolve().printArea = a));
    o.setPrintTitleRows = (a: string) =>
      context.write({ setPrintTitleRows: a }, () => (resolve().printTitleRows = a));
    return o as unknown as FakePageLayout;
  }
}

class FakeDataValidation extends FakeObject<RangeRef> {
  protected readProp({ sheet, range }: RangeRef, name: string): unknown {
    const hits = sheet.dvs.filter((d) => overlaps(d.range, range));
    const whole = hits.length === 1 && inside(range, hits[0].range);
    if (name === "type") {
      if (hits.length === 0) return "None";
      if (!whole) return "Inconsistent";
      return Object.keys(hits[0].rule)[0] === "list"
        ? "List"
        : Object.keys(hits[0].rule)[0] === "date"
          ? "Date"
          : "Decimal";
    }
    if (name === "errorAlert") {
      const titles = new Set(hits.map((h) => h.errorAlert?.title ?? ""));
      return titles.size === 1 ? { ...hits[0].errorAlert, title: [...titles][0] } : null;
    }
    throw new Error(`fake: DataValidation.${name}`);
  }

  get type(): string {
    return this.got("type");
  }

  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.got("errorAlert");
  }

  private current(m: RangeRef): FakeDv {
    let dv = m.sheet.dvs.find((d) => rangeRef(d.range) === rangeRef(m.range));
    if (!dv) {
      if (m.sheet.dvs.some((d) => overlaps(d.range, m.range)))
        throw new FakeError("InvalidOperation", "data validation over cells that already have one");
      dv = { range: m.range, rule: {}, ignoreBlanks: true };
      m.sheet.dvs.push(dv);
    }
    return dv;
  }

  clear(): void {
    this.context.write({ clearDv: true }, () => {
      const { sheet, range } = this.target();
      // Clearing part of a validation's range drops it whole here; Excel would keep the rest.
      sheet.dvs = sheet.dvs.filter((d) => !overlaps(d.range, range));
    });
  }

  set rule(v: Excel.DataValidationRule) {
    this.put("rule", v, (m) => {
      if (Object.keys(v).length !== 1) throw new FakeError("InvalidArgument", "one rule");
      this.current(m).rule = v;
    });
  }

  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this.put("errorAlert", v, (m) => {
      this.current(m).errorAlert = v;
    });
  }

  set prompt(v: Excel.DataValidationPrompt) {
    this.put("prompt", v, (m) => {
      this.current(m).prompt = v;
    });
  }

  set ignoreBlanks(v: boolean) {
    this.put("ignoreBlanks", v, (m) => {
      this.current(m).ignoreBlanks = v;
    });
  }
}

class FakeCfCollection extends FakeCollection<FakeCf, FakeConditionalFormat> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly ranges: (() => Range[]) | undefined,
  ) {
    super(context);
  }

  protected list(): FakeCf[] {
    const within = this.ranges?.();
    const all = this.sheet().cfs;
    return within ? all.filter((c) => c.ranges.some((r) => within.some((w) => overlaps(w, r)))) : all;
  }

  protected proxy(m: FakeCf): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => (this.sheet().cfs.includes(m) ? m : null));
  }

  protected readItem(m: FakeCf, name: string): unknown {
    return readCfProp(m, name);
  }

  add(type: string): FakeConditionalFormat {
    if (!this.ranges) throw new Error("fake: add a conditional format through a range");
    let made: FakeCf | undefined;
    this.context.write({ addCf: type }, () => {
      const sheet = this.sheet();
      guardWrite(this.context.model, sheet, "conditionalFormats");
      made = {
        id: this.context.model.nextId(),
        type: type as FakeCf["type"],
        ranges: this.ranges!(),
        format: {},
        stopIfTrue: false,
        priority: 0,
      };
      // A new rule goes first, as in Excel.
      sheet.cfs.unshift(made);
      sheet.cfs.forEach((c, i) => (c.priority = i));
    });
    return new FakeConditionalFormat(this.context, () => made ?? null);
  }

  clearAll(): void {
    this.context.write({ clearAllCf: true }, () => {
      const sheet = this.sheet();
      guardWrite(this.context.model, sheet, "conditionalFormats");
      const within = this.ranges?.() ?? [];
      sheet.cfs = sheet.cfs.filter((c) => !c.ranges.some((r) => within.some((w) => overlaps(w, r))));
    });
  }

  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      const cf = this.sheet().cfs.find((c) => c.id === id);
      if (!cf) throw new FakeError("ItemNotFound", `conditional format ${id}`);
      return cf;
    });
  }
}

function readCfProp(m: FakeCf, name: string): unknown {
  if (name === "id") return m.id;
  if (name === "type") return m.type;
  if (name === "priority") return m.priority;
  throw new Error(`fake: ConditionalFormat.${name}`);
}

class FakeConditionalFormat extends FakeObject<FakeCf> {
  protected readProp(m: FakeCf, name: string): unknown {
    return readCfProp(m, name);
  }

  get id(): string {
    return this.got("id");
  }

  get type(): string {
    return this.got("type");
  }

  set stopIfTrue(v: boolean) {
    this.put("stopIfTrue", v, (m) => {
      m.stopIfTrue = v;
    });
  }

  set priority(v: number) {
    this.put("priority", v, (m) => {
      const list = this.context.model.sheets.find((s) => s.cfs.includes(m))!.cfs;
      list.splice(list.indexOf(m), 1);
      list.splice(Math.min(v, list.length), 0, m);
      list.forEach((c, i) => (c.priority = i));
    });
  }

  delete(): void {
    this.context.write({ deleteCf: true }, () => {
      const m = this.target();
      guardWrite(this.context.model, m, "deleteCf");
      const s = this.context.model.sheets.find((x) => x.cfs.includes(m))!;
      s.cfs = s.cfs.filter((c) => c !== m);
      s.cfs.forEach((c, i) => (c.priority = i));
    });
  }

  get custom(): FakeCustomCf {
    return new FakeCustomCf(this.context, () => {
      const m = this.target();
      if (m.type !== "Custom") throw new FakeError("InvalidOperation", "not a custom conditional format");
      return m;
    });
  }
}

class FakeCustomCf {
  readonly rule: FakeCfRule;
  readonly format: Settable;

  constructor(context: FakeContext, resolve: () => FakeCf) {
    this.rule = new FakeCfRule(context, resolve);
    const t = new FakeStyleTarget(context, resolve, "", (m, k, v) => {
      m.format[k] = v;
    });
    this.format = styleObject(t, [], {
      fill: () => styleObject(t.child("fill."), ["color"]),
      font: () => styleObject(t.child("font."), ["bold", "italic", "color", "strikethrough", "underline"]),
      borders: () => borders(t),
    });
  }
}

class FakeCfRule extends FakeObject<FakeCf> {
  protected readProp(m: FakeCf, name: string): unknown {
    if (name === "formula") return m.formula ?? "";
    throw new Error(`fake: ConditionalFormatRule.${name}`);
  }

  get formula(): string {
    return this.got("formula");
  }

  set formula(v: string) {
    this.put("formula", v, (m) => {
      if (!v.startsWith("=")) throw new FakeError("InvalidArgument", "a rule formula starts with =");
      m.formula = v;
    });
  }
}

class FakeTableCollection extends FakeCollection<FakeTable, FakeTableProxy> {
  constructor(
    context: FakeContext,
    private readonly all: () => FakeTable[],
    private readonly worksheet?: FakeWorksheet,
  ) {
    super(context);
  }

  protected list(): FakeTable[] {
    return this.all();
  }

  protected proxy(m: FakeTable): FakeTableProxy {
    return new FakeTableProxy(this.context, () =>
      this.context.model.allTables().some((t) => t.table === m) ? m : null,
    );
  }

  protected readItem(m: FakeTable, name: string): unknown {
    return readTableProp(m, name);
  }

  getItem(name: string): FakeTableProxy {
    return new FakeTableProxy(this.context, () => {
      const t = this.all().find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw new FakeError("ItemNotFound", `table ${name}`);
      return t;
    });
  }

  add(address: string, hasHeaders: boolean): FakeTableProxy {
    if (!this.worksheet) throw new Error("fake: add tables through worksheet.tables");
    let made: FakeTable | undefined;
    this.context.write({ addTable: address, hasHeaders }, () => {
      const sheet = (this.worksheet as unknown as { target(): FakeSheet }).target();
      guardWrite(this.context.model, sheet, "tables.add");
      const range = parseAddress(address);
      if (this.context.model.allTables().some((t) => t.sheet === sheet && overlaps(t.table.range, range)))
        throw new FakeError("InvalidOperation", "tables cannot overlap");
      if (sheet.merges.some((m) => overlaps(m, range)))
        throw new FakeError("InvalidOperation", "merged cells");
      if (hasHeaders) {
        // Excel gives an empty or repeated header cell a column name (列1 in a Chinese Excel).
        const seen = new Set<string>();
        for (let c = range.c1; c <= range.c2; c++) {
          const cell = sheet.cell(range.r1, c);
          const v = cell?.value;
          const h = v === undefined ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
          let n = h === "" ? `列${c - range.c1 + 1}` : h;
          for (let k = 2; seen.has(n.toLowerCase()); k++) n = `${h || `列${c - range.c1 + 1}`}${k}`;
          seen.add(n.toLowerCase());
          if (n !== h)
            Object.assign(sheet.touch(range.r1, c), { value: n, formula: undefined, quotePrefix: false });
        }
      }
      const id = this.context.model.nextId();
      made = { id, name: `Table${id}`, range, showHeaders: hasHeaders, style: "TableStyleMedium2" };
      sheet.tables.push(made);
    });
    return new FakeTableProxy(this.context, () => made ?? null);
  }
}

function readTableProp(m: FakeTable, name: string): unknown {
  if (name === "name") return m.name;
  if (name === "showHeaders") return m.showHeaders;
  if (name === "style") return m.style;
  if (name === "id") return m.id;
  throw new Error(`fake: Table.${name}`);
}

class FakeTableProxy extends FakeObject<FakeTable> {
  protected readProp(m: FakeTable, name: string): unknown {
    return readTableProp(m, name);
  }

  get name(): string {
    return this.got("name");
  }

  set name(v: string) {
    this.put("name", v, (m) => {
      if (
        this.context.model
          .allTables()
          .some((t) => t.table !== m && t.table.name.toLowerCase() === v.toLowerCase())
      )
        throw new FakeError("InvalidArgument", `table name ${v} taken`);
      m.name = v;
    });
  }

  get showHeaders(): boolean {
    return this.got("showHeaders");
  }

  get style(): string {
    return this.got("style");
  }

  set style(v: string) {
    this.put("style", v, (m) => {
      m.style = v;
    });
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const m = this.target();
      const s = this.context.model.allTables().find((t) => t.table === m)!.sheet;
      return { sheet: s, range: m.range };
    });
  }

  resize(address: string): void {
    if (this.context.model.apiMinor < 13) throw new Error("fake: resize needs ExcelApi 1.13");
    this.put("resize", address, (m) => {
      const r = parseAddress(address);
      if (r.r1 !== m.range.r1) throw new FakeError("InvalidArgument", "the header row must stay");
      m.range = r;
    });
  }

  convertToRange(): void {
    this.context.write({ convertToRange: true }, () => {
      const m = this.target();
      guardWrite(this.context.model, m, "convertToRange");
      const s = this.context.model.allTables().find((t) => t.table === m)!.sheet;
      s.tables = s.tables.filter((t) => t !== m);
    });
  }

  delete(): void {
    this.context.write({ deleteTable: true }, () => {
      const m = this.target();
      guardWrite(this.context.model, m, "deleteTable");
      const s = this.context.model.allTables().find((t) => t.table === m)!.sheet;
      s.tables = s.tables.filter((t) => t !== m);
    });
  }

  /** Never used by the host: appending through the row collection collides with co-authors. */
  get rows(): never {
    throw new Error("fake: TableRowCollection is off limits (co-authoring)");
  }
}

/** Column letter for tests. */
export { colLetter };

// ---------------------------------------------------------------------------------------------
// Building a fake workbook from a snapshot, as if a user had typed it.

export function fakeFromSnapshot(wb: WorkbookSnapshot, apiMinor = 16): FakeWorkbookModel {
  const model = new FakeWorkbookModel();
  model.date1904 = wb.date1904;
  model.apiMinor = apiMinor;
  model.structureProtected = wb.structureProtected === true;
  for (const s of wb.sheets) {
    const sheet = model.addSheet(s.name);
    sheet.visibility =
      s.visibility === "veryHidden" ? "VeryHidden" : s.visibility === "hidden" ? "Hidden" : "Visible";
    sheet.protected = s.protected === true;
    s.rows.forEach((row, i) =>
      row?.forEach((c, j) => {
        if (!c) return;
        const cell = sheet.touch(i + 1, j + 1);
        cell.value = typeof c.value === "object" ? c.value.error : c.value;
        if (c.numFmt) cell.numFmt = c.numFmt;
        if (c.formula !== undefined) cell.formula = `=${c.formula}`;
        else if (typeof c.value === "string" && /^[=+\-@']/.test(c.value)) cell.quotePrefix = true;
      }),
    );
    sheet.merges = s.merges.map((m) => ({ ...m }));
    for (const t of s.tables)
      sheet.tables.push({
        id: model.nextId(),
        name: t.name,
        range: t.range,
        showHeaders: t.headerRow,
        style: "TableStyleMedium2",
      });
    if (s.owner)
      model.names.push({
        name: markerName(s.owner.kind, s.owner.id),
        formula: `=${markerRef(s.name, s.owner.range)}`,
        visible: false,
      });
  }
  return model;
}
