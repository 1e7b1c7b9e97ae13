import type { SheetSnapshot } from "../../snapshot";
import type { OpSpec } from "../op";
import { addTable } from "./create-table";
import type { SheetContent } from "../types";

/**
 * Replace the whole content of a product-owned sheet (created if absent, placed after `after`,
 * else at the end): its cells, merges, tables, rules and validation give way to `content`. An
 * existing sheet keeps its place and takes `visibility`.
 */
export interface WriteSheet {
  op: "writeSheet";
  sheet: string;
  content: SheetContent;
  visibility: "visible" | "hidden";
  after?: string;
}

export const writeSheet: OpSpec<WriteSheet> = {
  makesSheet: true,
  memory(op, book) {
    const at = book.index(op.sheet);
    const s: SheetSnapshot = {
      name: at >= 0 ? book.wb.sheets[at].name : op.sheet,
      visibility: op.visibility,
      rows: [],
      merges: (op.content.merges ?? []).map((m) => ({ ...m })),
      tables: [],
    };
    op.content.rows.forEach((row, i) => row.forEach((w, j) => book.write(s, i + 1, j + 1, w)));
    book.place(s, at, op.after);
    for (const t of op.content.tables ?? []) addTable(book, s, t);
  },
};
