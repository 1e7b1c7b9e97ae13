import { assertOwned } from "../../owned";
import type { OpSpec } from "../op";
import type { OwnerRef } from "../types";

/**
 * Create the sheet if absent (placed after `after`, else at the end), mark it as `owner`'s, and
 * set its visibility. An existing sheet keeps its content and its place; it must carry `owner`'s
 * marker (or `adopt` says the planner proved it the product's), else the host refuses the patch.
 */
export interface EnsureSheet {
  op: "ensureSheet";
  sheet: string;
  owner: OwnerRef;
  visibility: "visible" | "hidden";
  after?: string;
  adopt?: true;
}

/** The region of a sheet marked by ensureSheet alone: the product has written nothing there yet. */
const NO_REGION = { r1: 1, c1: 1, r2: 1, c2: 1 };

export const ensureSheet: OpSpec<EnsureSheet> = {
  makesSheet: true,
  memory(op, book) {
    const at = book.index(op.sheet);
    if (at >= 0) {
      const name = book.wb.sheets[at].name;
      assertOwned(name, book.wb.sheets[at].owner, op);
      const s = book.sheet(name)!;
      s.visibility = op.visibility;
      // As the hosts do: a sheet marked by ensureSheet has no region of the product's yet.
      s.owner ??= { kind: op.owner.kind, id: op.owner.id, range: { ...NO_REGION } };
    } else
      book.place(
        {
          name: op.sheet,
          owner: { kind: op.owner.kind, id: op.owner.id, range: { ...NO_REGION } },
          visibility: op.visibility,
          rows: [],
          merges: [],
          tables: [],
        },
        -1,
        op.after,
      );
  },
};
