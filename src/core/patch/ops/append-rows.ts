import type { Range } from "../../snapshot";
import { findName } from "../decisions";
import type { OpSpec } from "../op";
import type { CellWrite } from "../types";

/**
 * Append rows at `startRow`, right below the table's last row as the snapshot saw it, and
 * extend the table over them (set values, never TableRowCollection.add, so co-authors don't
 * collide); `range` is the table's new extent. Without `table` (a user removed the table)
 * the rows are only written, and `range` is just the rows written. A host that sees the table
 * grew since the read (a co-author appended rows) writes below its end as it is now and never
 * makes it smaller (`table-grown`); a table gone is noted `table-missing` (the rows are written).
 */
export interface AppendRows {
  op: "appendRows";
  sheet: string;
  table?: string;
  startRow: number;
  range: Range;
  rows: CellWrite[][];
}

export const appendRows: OpSpec<AppendRows> = {
  makesSheet: false,
  memory(op, s, book) {
    op.rows.forEach((row, i) => row.forEach((w, j) => book.write(s, op.startRow + i, op.range.c1 + j, w)));
    if (op.table === undefined) return;
    const at = findName(
      s.tables.map((t) => t.name),
      op.table,
    );
    if (at < 0) book.notes.push({ code: "table-missing", sheet: s.name, detail: op.table });
    else s.tables[at].range = { ...op.range };
  },
};
