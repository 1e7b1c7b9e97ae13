import type { OpSpec } from "../op";

/**
 * Create the sheet if absent (placed after `after`, else at the end) and set its visibility.
 * An existing sheet keeps its content and its place.
 */
export interface EnsureSheet {
  op: "ensureSheet";
  sheet: string;
  visibility: "visible" | "hidden";
  after?: string;
}

export const ensureSheet: OpSpec<EnsureSheet> = {
  makesSheet: true,
  memory(op, book) {
    const s = book.sheet(op.sheet);
    if (s) s.visibility = op.visibility;
    else
      book.place(
        { name: op.sheet, visibility: op.visibility, rows: [], merges: [], tables: [] },
        -1,
        op.after,
      );
  },
};
