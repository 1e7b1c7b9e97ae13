/**
 * Text the product writes into a cell fits in one: Excel holds at most 32,767 characters in a
 * cell, and a file with more is invalid (Excel repairs it, dropping the cell). A longer text (a
 * finding's message quoting a huge cell, say) is cut, and ends with a visible mark so nobody
 * takes it for the whole.
 */

import type { CellWrite, PatchOp, WorkbookPatch } from "./patch";
import type { Lang } from "./settings";
import { sheetWords } from "../i18n/sheets";

/** Excel's limit on the characters (UTF-16 code units) in one cell. */
export const MAX_CELL_TEXT = 32_767;

/** `text`, cut with the mark when it would not fit in a cell. */
export function fitCellText(text: string, lang: Lang): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const mark = sheetWords(lang).truncated;
  let keep = MAX_CELL_TEXT - mark.length;
  // Never split a surrogate pair: half a character is not text.
  const last = text.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep--;
  return text.slice(0, keep) + mark;
}

const tooLong = (w: CellWrite | null): boolean =>
  w !== null && typeof w.v === "string" && w.v.length > MAX_CELL_TEXT;

function fitWrite<W extends CellWrite | null>(w: W, lang: Lang): W {
  return w !== null && tooLong(w) ? { ...w, v: fitCellText(w.v as string, lang) } : w;
}

/** The op with its texts fitted; the op itself (nothing copied) when every text fits already. */
function fitOp(op: PatchOp, lang: Lang): PatchOp {
  switch (op.op) {
    case "setValues":
      if (!op.cells.some((c) => tooLong(c.write))) return op;
      return { ...op, cells: op.cells.map((c) => ({ ...c, write: fitWrite(c.write, lang) })) };
    case "appendRows":
      if (!op.rows.some((row) => row.some(tooLong))) return op;
      return { ...op, rows: op.rows.map((row) => row.map((w) => fitWrite(w, lang))) };
    case "writeSheet":
      if (!op.content.rows.some((row) => row.some(tooLong))) return op;
      return {
        ...op,
        content: { ...op.content, rows: op.content.rows.map((row) => row.map((w) => fitWrite(w, lang))) },
      };
    default:
      return op;
  }
}

/** The patch with every text it writes fitted to a cell; ops without text are passed on as they are. */
export function fitPatchText(patch: WorkbookPatch, lang: Lang): WorkbookPatch {
  return { ...patch, ops: patch.ops.map((op) => fitOp(op, lang)) };
}
