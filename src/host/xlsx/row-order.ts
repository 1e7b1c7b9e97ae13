/**
 * Rows and cells in the order the schema requires. Some writers store a sheet's rows or a row's
 * cells out of order (or a row twice); Excel reads such a sheet but the cell edits, which walk
 * rows in one forward pass, would then create a row or cell a second time. So a sheet the writer
 * edits is first put in order: every row and cell gets its explicit number, rows sorted by
 * number (two rows of one number become one), cells by column (of two cells at one address the
 * later one wins, as it does when the sheet is read).
 */

import { refCol } from "./cells";
import { attrValue, setAttr } from "./xml";

function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

interface RowSpan {
  r: number;
  open: string;
  body: string;
}

/** The rows of a <sheetData> element, in file order, each with its number. */
function* rows(sd: string, p: string): Generator<RowSpan> {
  const open = `<${p}row`;
  const close = `</${p}row>`;
  let pos = 0;
  let r = 0;
  for (;;) {
    const lt = sd.indexOf(open, pos);
    if (lt < 0) return;
    if (!isNameEnd(sd.charCodeAt(lt + open.length))) {
      pos = lt + 1;
      continue;
    }
    const gt = sd.indexOf(">", lt);
    if (gt < 0) return;
    const empty = sd.charCodeAt(gt - 1) === 47;
    const end = empty ? gt + 1 : sd.indexOf(close, gt);
    if (end < 0) return;
    const tag = empty ? sd.slice(lt, gt - 1) + ">" : sd.slice(lt, gt + 1);
    const rAttr = attrValue(tag, "r");
    r = rAttr ? Number(rAttr) : r + 1;
    yield { r, open: tag, body: empty ? "" : sd.slice(gt + 1, end) };
    pos = empty ? end : end + close.length;
  }
}

interface CellSpan {
  c: number;
  xml: string;
}

/** The cells of a row body, each with its column, and whatever lies between them. */
function cells(body: string, p: string): CellSpan[] {
  const open = `<${p}c`;
  const close = `</${p}c>`;
  const out: CellSpan[] = [];
  let pos = 0;
  let c = 0;
  for (;;) {
    const lt = body.indexOf(open, pos);
    if (lt < 0) break;
    if (!isNameEnd(body.charCodeAt(lt + open.length))) {
      pos = lt + 1;
      continue;
    }
    const gt = body.indexOf(">", lt);
    const empty = body.charCodeAt(gt - 1) === 47;
    const end = empty ? gt + 1 : body.indexOf(close, gt) + close.length;
    const ref = attrValue(body.slice(lt, gt), "r");
    const col = ref ? refCol(ref) || c + 1 : c + 1;
    c = col;
    out.push({ c: col, xml: body.slice(lt, end) });
    pos = end;
  }
  return out;
}

/**
 * True when rows ascend strictly and so do the cells of each row. One pass that jumps from row
 * to row and cell to cell with indexOf: this runs on every sheet the writer edits.
 */
export function inOrder(sd: string, p: string): boolean {
  const rowOpen = `<${p}row`;
  const rowClose = `</${p}row>`;
  const cOpen = `<${p}c`;
  let lastRow = 0;
  let pos = 0;
  for (;;) {
    const lt = sd.indexOf(rowOpen, pos);
    if (lt < 0) return true;
    const gt = sd.indexOf(">", lt);
    if (gt < 0) return true;
    if (!isNameEnd(sd.charCodeAt(lt + rowOpen.length))) {
      pos = gt + 1;
      continue;
    }
    const r = attrValue(sd.slice(lt, gt), "r");
    const row = r ? Number(r) : lastRow + 1;
    if (!(row > lastRow)) return false;
    lastRow = row;
    if (sd.charCodeAt(gt - 1) === 47) {
      pos = gt + 1;
      continue;
    }
    let end = sd.indexOf(rowClose, gt);
    if (end < 0) end = sd.length;
    let lastCol = 0;
    for (let c = sd.indexOf(cOpen, gt); c >= 0 && c < end; c = sd.indexOf(cOpen, c + 2)) {
      const at = c + cOpen.length;
      if (!isNameEnd(sd.charCodeAt(at))) continue;
      let col = 0;
      // Fast path: r is the first attribute, as nearly every writer puts it.
      if (sd.charCodeAt(at) === 32 && sd.charCodeAt(at + 1) === 114 && sd.charCodeAt(at + 2) === 61) {
        for (let i = at + 4; ; i++) {
          const u = sd.charCodeAt(i) & ~32;
          if (u < 65 || u > 90) break;
          col = col * 26 + (u - 64);
        }
      } else col = refCol(attrValue(sd.slice(c, sd.indexOf(">", c)), "r") ?? "");
      if (col === 0) col = lastCol + 1;
      if (col <= lastCol) return false;
      lastCol = col;
    }
    pos = end;
  }
}

/** `<sheetData>` with its rows and cells in order, every one numbered. */
export function sortSheetData(sd: string, p: string, colLetter: (c: number) => string): string {
  const byRow = new Map<number, { open: string; cells: Map<number, string> }>();
  for (const row of rows(sd, p)) {
    let entry = byRow.get(row.r);
    if (!entry) byRow.set(row.r, (entry = { open: setAttr(row.open, "r", String(row.r)), cells: new Map() }));
    for (const cell of cells(row.body, p)) {
      const gt = cell.xml.indexOf(">");
      const tagEnd = cell.xml.charCodeAt(gt - 1) === 47 ? gt - 1 : gt;
      const tag = cell.xml.slice(0, tagEnd);
      const xml =
        attrValue(tag, "r") === undefined
          ? setAttr(tag, "r", `${colLetter(cell.c)}${row.r}`) + cell.xml.slice(tagEnd)
          : cell.xml;
      entry.cells.delete(cell.c);
      entry.cells.set(cell.c, xml);
    }
  }
  const gt = sd.indexOf(">");
  const openTag = sd.charCodeAt(gt - 1) === 47 ? sd.slice(0, gt - 1) + ">" : sd.slice(0, gt + 1);
  const out: string[] = [openTag];
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const { open, cells: row } = byRow.get(r)!;
    // spans is only a loading hint, and merged rows may have outgrown it.
    out.push(setAttr(open, "spans", undefined));
    for (const c of [...row.keys()].sort((a, b) => a - b)) out.push(row.get(c)!);
    out.push(`</${p}row>`);
  }
  out.push(`</${p}sheetData>`);
  return out.join("");
}
