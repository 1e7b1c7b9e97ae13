/**
 * Cell edits on a worksheet's <sheetData>, done in one streaming pass per sheet whatever the
 * number of operations: number formats over ranges, values into cells. Rows and cells nobody
 * touches are copied as text; a touched cell keeps everything but what the edit changes.
 */

import type { CellWrite } from "../../core/patch";
import { colLetter, type Range } from "../../core/snapshot";
import type { Styles } from "./styles";
import { attrValue, esc, setAttr, withPrefix } from "./xml";

/** A number format over a range (setNumberFormat), or values at cells (setValues, appendRows). */
export type CellOp =
  | { kind: "format"; order: number; range: Range; code: string }
  | { kind: "write"; order: number; r: number; c: number; write: CellWrite; keepStyle: boolean };

/** The XML of one written cell; `s` is its cell format index. */
export function cellXml(ref: string, s: number, w: CellWrite): string {
  const sAttr = s > 0 ? ` s="${s}"` : "";
  const v = w.v;
  if (w.formula !== undefined) {
    const f = `<f>${esc(w.formula)}</f>`;
    if (typeof v === "number" && Number.isFinite(v)) return `<c r="${ref}"${sAttr}>${f}<v>${v}</v></c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    if (typeof v === "string") return `<c r="${ref}"${sAttr} t="str">${f}<v>${esc(v)}</v></c>`;
    return `<c r="${ref}"${sAttr}>${f}</c>`;
  }
  if (typeof v === "number" && Number.isFinite(v)) return `<c r="${ref}"${sAttr}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string" && v !== "") {
    // Text is always an inline string, never a formula, whatever it starts with.
    const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
    return `<c r="${ref}"${sAttr} t="inlineStr"><is><t${space}>${esc(v)}</t></is></c>`;
  }
  return `<c r="${ref}"${sAttr}/>`;
}

/** Parses `A12` → column number, 0 when absent. */
export function refCol(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const u = ref.charCodeAt(i) & ~32;
    if (u < 65 || u > 90) break;
    c = c * 26 + (u - 64);
  }
  return c;
}

export interface CellEditResult {
  sheetData: string;
  /** Furthest row and column any edit reached, to grow <dimension>. */
  maxRow: number;
  maxCol: number;
}

/**
 * Applies the ops to `sheetData` (the whole element). `colStyle(c)` is the format a blank cell
 * of column c shows (from <cols>), used for cells created by a format or write.
 */
export function editCells(
  sheetData: string,
  p: string,
  ops: CellOp[],
  styles: Styles,
  colStyle: (c: number) => number,
): CellEditResult {
  const formats = ops.filter((o): o is Extract<CellOp, { kind: "format" }> => o.kind === "format");
  const writes = new Map<number, Array<Extract<CellOp, { kind: "write" }>>>();
  for (const o of ops) if (o.kind === "write") (writes.get(o.r) ?? writes.set(o.r, []).get(o.r)!).push(o);

  // Rows touched, as sorted disjoint intervals, so blank rows in a range are created in order.
  const spans: Array<[number, number]> = formats.map((f) => [f.range.r1, f.range.r2]);
  for (const r of writes.keys()) spans.push([r, r]);
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1] + 1) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  let span = 0;
  const touched = (r: number) => {
    while (span < merged.length && merged[span][1] < r) span++;
    return span < merged.length && merged[span][0] <= r;
  };

  // One memo per format op: cell format in → cell format out.
  const memos = formats.map(() => new Map<number, number>());
  let maxRow = 0;
  let maxCol = 0;

  // Steps per column of the current row, reused from row to row: the hot path of a format
  // over 60k rows allocates nothing per cell. A step is a format op index (≥ 0) or a write.
  type Write = Extract<CellOp, { kind: "write" }>;
  type Step = number | Write;
  const colSteps: Array<Step[] | undefined> = [];
  const cols: number[] = [];
  const orderOf = (st: Step) => (typeof st === "number" ? formats[st].order : st.order);
  const push = (c: number, step: Step) => {
    const list = colSteps[c];
    if (list) list.push(step);
    else {
      colSteps[c] = [step];
      cols.push(c);
    }
  };
  // A sweep over the format ops by first row: each row looks only at the ops covering it, not at
  // all of them (a patch can carry tens of thousands of short runs).
  const byStart = formats.map((_, i) => i).sort((a, b) => formats[a].range.r1 - formats[b].range.r1);
  let next = 0;
  let active: number[] = [];
  let lastRow = -1;
  const collect = (r: number) => {
    for (const c of cols) colSteps[c] = undefined;
    cols.length = 0;
    if (r < lastRow) {
      next = 0;
      active = [];
    }
    lastRow = r;
    while (next < byStart.length && formats[byStart[next]].range.r1 <= r) active.push(byStart[next++]);
    if (active.some((i) => formats[i].range.r2 < r)) active = active.filter((i) => formats[i].range.r2 >= r);
    // Patch order decides which op wins on a cell, so steps are taken in op order.
    if (active.length > 1) active.sort((a, b) => a - b);
    for (const i of active) {
      const f = formats[i].range;
      for (let c = f.c1; c <= f.c2; c++) push(c, i);
    }
    const ws = writes.get(r);
    if (ws) {
      for (const w of ws) push(w.c, w);
      for (const c of cols) if (colSteps[c]!.length > 1) colSteps[c]!.sort((a, b) => orderOf(a) - orderOf(b));
    }
    if (cols.length > 1) cols.sort((a, b) => a - b);
  };
  /** Runs the column's steps; returns the new cell XML, or undefined when only `s` changed to `outS`. */
  let outS = 0;
  const run = (r: number, c: number, s: number): string | undefined => {
    let st = s;
    let xml: string | undefined;
    for (const step of colSteps[c]!) {
      if (typeof step === "number") {
        const memo = memos[step];
        let o = memo.get(st);
        if (o === undefined) memo.set(st, (o = styles.withNumFmt(st, formats[step].code)));
        st = o;
      } else {
        const style = step.write.style;
        if (style && !step.keepStyle && Object.keys(style).some((k) => k !== "numFmt"))
          st = styles.cellXf(style);
        else if (style?.numFmt) st = styles.withNumFmt(st, style.numFmt);
        xml = withPrefix(cellXml(`${colLetter(c)}${r}`, st, step.write), p);
      }
    }
    outS = st;
    return xml;
  };

  const out: string[] = [];
  const gt0 = sheetData.indexOf(">");
  const selfClosing = sheetData.charCodeAt(gt0 - 1) === 47;
  const openTag = selfClosing ? sheetData.slice(0, gt0 - 1) + ">" : sheetData.slice(0, gt0 + 1);
  out.push(openTag);
  const endTag = `</${p}sheetData>`;
  const stop = selfClosing ? gt0 + 1 : sheetData.lastIndexOf(endTag);
  const rowOpen = `<${p}row`;
  const rowClose = `</${p}row>`;
  const cOpen = `<${p}c`;
  const cClose = `</${p}c>`;

  /** A row of cells, with the row's own format as the base of cells it creates. */
  const emitRow = (r: number, open: string, body: string) => {
    collect(r);
    const rowStyle = attrValue(open, "customFormat") === "1" ? Number(attrValue(open, "s") ?? 0) : -1;
    let k = 0;
    const parts: string[] = [];
    const blank = (c: number) => {
      const xml = run(r, c, rowStyle >= 0 ? rowStyle : colStyle(c));
      return xml ?? `${cOpen} r="${colLetter(c)}${r}"${outS > 0 ? ` s="${outS}"` : ""}/>`;
    };
    let pos = 0;
    let col = 0;
    for (;;) {
      const lt = body.indexOf(cOpen, pos);
      if (lt < 0) break;
      const ch = body.charCodeAt(lt + cOpen.length);
      if (ch !== 32 && ch !== 62 && ch !== 47 && ch !== 9 && ch !== 10 && ch !== 13) {
        pos = lt + 1;
        continue;
      }
      if (lt > pos) parts.push(body.slice(pos, lt));
      const gt = body.indexOf(">", lt);
      const selfClosing = body.charCodeAt(gt - 1) === 47;
      const end = selfClosing ? gt + 1 : body.indexOf(cClose, gt) + cClose.length;
      let tag = body.slice(lt, selfClosing ? gt - 1 : gt);
      const ref = attrValue(tag, "r");
      const c = ref ? refCol(ref) : col + 1;
      col = c;
      while (k < cols.length && cols[k] < c) parts.push(blank(cols[k++]));
      if (!ref) tag = setAttr(tag, "r", `${colLetter(c)}${r}`);
      if (k < cols.length && cols[k] === c) {
        k++;
        const s = Number(attrValue(tag, "s") ?? 0);
        const xml = run(r, c, s);
        if (xml !== undefined) parts.push(xml);
        else if (outS === s && ref) parts.push(body.slice(lt, end));
        else parts.push(setAttr(tag, "s", String(outS)), body.slice(selfClosing ? gt - 1 : gt, end));
      } else if (ref) parts.push(body.slice(lt, end));
      else parts.push(tag, body.slice(selfClosing ? gt - 1 : gt, end));
      pos = end;
    }
    while (k < cols.length) parts.push(blank(cols[k++]));
    if (pos < body.length) parts.push(body.slice(pos));
    if (cols.length) {
      if (r > maxRow) maxRow = r;
      if (cols[cols.length - 1] > maxCol) maxCol = cols[cols.length - 1];
    }
    // spans is only a loading hint and may now be wrong; dropping it is allowed.
    let o = setAttr(open, "spans", undefined);
    if (attrValue(o, "r") === undefined) o = setAttr(o, "r", String(r));
    out.push(o, parts.join(""), rowClose);
  };

  let pos = gt0 + 1;
  let rowNum = 0;
  let fill = 1; // next row number not yet emitted
  const emitBlankRows = (upTo: number) => {
    // Rows touched by an edit but absent from the file, in order.
    while (fill < upTo) {
      while (span < merged.length && merged[span][1] < fill) span++;
      if (span >= merged.length) {
        fill = upTo;
        break;
      }
      if (merged[span][0] > fill) fill = Math.min(merged[span][0], upTo);
      if (fill >= upTo) break;
      emitRow(fill, `<${p}row r="${fill}">`, "");
      fill++;
    }
  };
  while (!selfClosing) {
    const lt = sheetData.indexOf(rowOpen, pos);
    if (lt < 0 || lt >= stop) break;
    const ch = sheetData.charCodeAt(lt + rowOpen.length);
    if (ch !== 32 && ch !== 62 && ch !== 47 && ch !== 9 && ch !== 10 && ch !== 13) {
      pos = lt + 1;
      continue;
    }
    const gt = sheetData.indexOf(">", lt);
    const empty = sheetData.charCodeAt(gt - 1) === 47;
    const end = empty ? gt + 1 : sheetData.indexOf(rowClose, gt) + rowClose.length;
    const open = empty ? sheetData.slice(lt, gt - 1) + ">" : sheetData.slice(lt, gt + 1);
    const rAttr = attrValue(open, "r");
    rowNum = rAttr ? Number(rAttr) : rowNum + 1;
    if (lt > pos) out.push(sheetData.slice(pos, lt));
    emitBlankRows(rowNum);
    if (touched(rowNum)) {
      emitRow(rowNum, open, empty ? "" : sheetData.slice(gt + 1, end - rowClose.length));
    } else if (rAttr === undefined) {
      // Rows may be inserted before later rows, so every row says its number.
      out.push(setAttr(open, "r", String(rowNum)) + (empty ? rowClose : sheetData.slice(gt + 1, end)));
    } else out.push(sheetData.slice(lt, end));
    fill = rowNum + 1;
    pos = end;
  }
  emitBlankRows(Infinity);
  out.push(endTag);
  return { sheetData: out.join(""), maxRow, maxCol };
}
