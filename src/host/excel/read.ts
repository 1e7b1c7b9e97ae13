/**
 * Reads the open workbook into a WorkbookSnapshot in a fixed number of round trips, whatever
 * the number of rows: (1) sheet names, tables, the date system; (2) every sheet's used range
 * (values, number formats, formulas), merged areas, conditional-format ids and types, every
 * table's address; (3) only when a sheet has custom conditional formats: their formulas, so
 * apply() knows which rules are the product's without a read of its own.
 */

import { OWN_TAG } from "../../core/patch";
import {
  parseRange,
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

export async function readWorkbook(
  ctx: Excel.RequestContext,
  supports: Supports,
): Promise<{ snapshot: WorkbookSnapshot; structure: Structure }> {
  const wb = ctx.workbook;
  // 1. What is there. DATE(1904,1,1) is 0 in the 1904 date system and 1462 in the 1900 one:
  // ExcelApi has no workbook property for the date system, and this reads without writing.
  const sheets = wb.worksheets.load("items/name,items/visibility");
  const tables = wb.tables.load("items/name,items/showHeaders,items/style");
  const epoch = wb.functions.date(1904, 1, 1).load("value");
  await ctx.sync();

  // 2. The content of each sheet, one batch.
  const merged = supports(13);
  const perSheet = sheets.items.map((ws) => ({
    ws,
    used: ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,values,numberFormat,formulas"),
    merges: merged ? ws.getRange().getMergedAreasOrNullObject().load("address") : undefined,
    // Conditional formats hang off ranges: the whole sheet's range gives all of them.
    cfs: ws.getRange().conditionalFormats.load("items/id,items/type"),
  }));
  const tableRanges = tables.items.map((t) => ({ t, range: t.getRange().load("address") }));
  await ctx.sync();

  // 3. Formulas of custom conditional formats, only when there are any.
  const custom = perSheet.flatMap((s) =>
    s.cfs.items
      .filter((cf) => cf.type === "Custom")
      .map((cf) => ({ sheet: s.ws.name, id: cf.id, rule: cf.custom.rule.load("formula") })),
  );
  if (custom.length) await ctx.sync();

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
    sheets: perSheet.map(({ ws, used, merges }) => {
      const sheet: SheetSnapshot = {
        name: ws.name,
        visibility: VISIBILITY[ws.visibility] ?? "visible",
        rows: used.isNullObject ? [] : sparseRows(used),
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
function sparseRows(used: Excel.Range): SheetSnapshot["rows"] {
  const rows: SheetSnapshot["rows"] = [];
  const values = used.values as unknown[][];
  const formats = used.numberFormat as unknown[][];
  const formulas = used.formulas as unknown[][];
  const r0 = used.rowIndex;
  const c0 = used.columnIndex;
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
  return rows;
}
