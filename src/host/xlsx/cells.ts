/**
 * Cell edits on a worksheet's <sheetData>, done in one streaming pass per sheet whatever the
 * number of operations: number formats over ranges, values into cells. Rows and cells nobody
 * touches are copied as text; a touched cell keeps everything but what the edit changes.
 */

import type { CellWrite } from "../../core/patch";
import { colLetter, type Range } from "../../core/snapshot";
import type { Styles } from "./styles";
import { esc, setAttr, withPrefix } from "./xml";

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
function refCol(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const u = ref.charCodeAt(i) & ~32;
    if (u < 65 || u > 90) break;
    c = c * 26 + (u - 64);
  }
  return c;
}

function attrValue(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
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

  type Step = { order: number; run: (s: number, cell: string | undefined) => [number, string | undefined] };
  const rowOps = (r: number) => {
    const perCol = new Map<number, Step[]>();
    const push = (c: number, step: Step) => {
      const list = perCol.get(c);
      if (list) list.push(step);
      else perCol.set(c, [step]);
    };
    formats.forEach((f, i) => {
      if (r < f.range.r1 || r > f.range.r2) return;
      const memo = memos[i];
      const step: Step = {
        order: f.order,
        run: (s, cell) => {
          let out = memo.get(s);
          if (out === undefined) memo.set(s, (out = styles.withNumFmt(s, f.code)));
          return [out, cell];
        },
      };
      for (let c = f.range.c1; c <= f.range.c2; c++) push(c, step);
    });
    for (const w of writes.get(r) ?? []) {
      push(w.c, {
        order: w.order,
        run: (s) => {
          const st = w.write.style;
          let out = s;
          if (st && !w.keepStyle && Object.keys(st).some((k) => k !== "numFmt")) out = styles.cellXf(st);
          else if (st?.numFmt) out = styles.withNumFmt(s, st.numFmt);
          return [out, withPrefix(cellXml(`${colLetter(w.c)}${r}`, out, w.write), p)];
        },
      });
    }
    if (writes.has(r)) for (const list of perCol.values()) list.sort((a, b) => a.order - b.order);
    return perCol;
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
  const emitRow = (r: number, open: string, body: string | undefined) => {
    const perCol = rowOps(r);
    const rowStyle = attrValue(open, "customFormat") === "1" ? Number(attrValue(open, "s") ?? 0) : -1;
    const cols = [...perCol.keys()].sort((a, b) => a - b);
    let k = 0;
    const parts: string[] = [];
    const apply = (c: number, s: number, cell: string | undefined): string | undefined => {
      let st = s;
      let xml = cell;
      for (const step of perCol.get(c)!) [st, xml] = step.run(st, xml);
      if (c > maxCol) maxCol = c;
      if (xml === cell && xml !== undefined && st !== s) {
        const gt = xml.indexOf(">");
        const tagEnd = xml.charCodeAt(gt - 1) === 47 ? gt - 1 : gt;
        return setAttr(xml.slice(0, tagEnd) + ">", "s", String(st)).slice(0, -1) + xml.slice(tagEnd);
      }
      return xml ?? `${cOpen} r="${colLetter(c)}${r}"${st > 0 ? ` s="${st}"` : ""}/>`;
    };
    const blankStyle = (c: number) => (rowStyle >= 0 ? rowStyle : colStyle(c));
    let pos = 0;
    let col = 0;
    const text = body ?? "";
    for (;;) {
      const lt = text.indexOf(cOpen, pos);
      if (lt < 0) break;
      const ch = text.charCodeAt(lt + cOpen.length);
      if (ch !== 32 && ch !== 62 && ch !== 47 && ch !== 9 && ch !== 10 && ch !== 13) {
        pos = lt + 1;
        continue;
      }
      if (lt > pos) parts.push(text.slice(pos, lt));
      const gt = text.indexOf(">", lt);
      const end = text.charCodeAt(gt - 1) === 47 ? gt + 1 : text.indexOf(cClose, gt) + cClose.length;
      let cell = text.slice(lt, end);
      const ref = attrValue(text.slice(lt, gt), "r");
      const c = ref ? refCol(ref) : col + 1;
      col = c;
      while (k < cols.length && cols[k] < c) {
        parts.push(apply(cols[k], blankStyle(cols[k]), undefined)!);
        k++;
      }
      if (!ref) cell = `${cOpen} r="${colLetter(c)}${r}"${cell.slice(cOpen.length)}`;
      if (k < cols.length && cols[k] === c) {
        const s = Number(attrValue(text.slice(lt, gt), "s") ?? 0);
        parts.push(apply(c, s, cell)!);
        k++;
      } else parts.push(cell);
      pos = end;
    }
    for (; k < cols.length; k++) parts.push(apply(cols[k], blankStyle(cols[k]), undefined)!);
    if (pos < text.length) parts.push(text.slice(pos));
    if (cols.length && r > maxRow) maxRow = r;
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
      emitRow(fill, `<${p}row r="${fill}">`, undefined);
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
