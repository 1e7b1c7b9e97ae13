import { assertOwned, contentExtent } from "../../owned";
import { overlaps, type Range, type SheetSnapshot } from "../../snapshot";
import type { OpSpec } from "../op";
import { addTable } from "./create-table";
import type { OwnerRef, SheetContent } from "../types";

/**
 * Write a product sheet's content at A1 (the sheet created if absent, placed after `after`, else
 * at the end). On an existing sheet, which must carry `owner`'s marker, only `previous` (the
 * product's region last time, from the snapshot's marker) is cleared first: its cells, and the
 * merges and tables that overlap it; the user's cells, merges, tables and notes elsewhere on the
 * sheet stay. The marker's reference is then set to the new content's extent. A sheet of that
 * name without the marker is the user's: the host refuses the patch, unless `adopt` says the
 * planner proved by its content that an earlier version wrote it (it is marked then). An
 * existing sheet keeps its place and takes `visibility`.
 */
export interface WriteSheet {
  op: "writeSheet";
  sheet: string;
  owner: OwnerRef;
  content: SheetContent;
  visibility: "visible" | "hidden";
  after?: string;
  previous?: Range;
  adopt?: true;
}

export const writeSheet: OpSpec<WriteSheet> = {
  makesSheet: true,
  memory(op, book) {
    const owner = { kind: op.owner.kind, id: op.owner.id, range: contentExtent(op.content) };
    const at = book.index(op.sheet);
    let s: SheetSnapshot;
    if (at >= 0) {
      const name = book.wb.sheets[at].name;
      assertOwned(name, book.wb.sheets[at].owner, op);
      s = book.sheet(name)!;
      const prev = op.previous;
      if (prev) {
        book.clear(s, prev);
        s.merges = s.merges.filter((m) => !overlaps(m, prev));
        s.tables = s.tables.filter((t) => !overlaps(t.range, prev));
      }
      s.visibility = op.visibility;
    } else {
      s = { name: op.sheet, visibility: op.visibility, rows: [], merges: [], tables: [] };
      book.place(s, -1, op.after);
    }
    s.owner = owner;
    for (const m of op.content.merges ?? []) s.merges.push({ ...m });
    op.content.rows.forEach((row, i) => row.forEach((w, j) => book.write(s, i + 1, j + 1, w)));
    for (const t of op.content.tables ?? []) addTable(book, s, t);
  },
};
