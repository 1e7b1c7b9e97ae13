import { parseA1 } from "../../snapshot";
import type { OpSpec } from "../op";
import type { CellWrite } from "../types";

/**
 * Write values into single cells: user cells only for `--normalize` (text dates and amounts
 * made real), and the cells of 设置 a settings edit changes. Each write assumes the cell still
 * holds what the plan read: a host that can see a cell changed since (a co-author's edit) leaves
 * it and says so (`cell-changed`).
 */
export interface SetValues {
  op: "setValues";
  sheet: string;
  cells: Array<{ cell: string; write: CellWrite }>;
}

export const setValues: OpSpec<SetValues> = {
  makesSheet: false,
  memory(op, s, book) {
    for (const { cell, write } of op.cells) {
      const at = parseA1(cell);
      if (at) book.write(s, at.r, at.c, write);
    }
  },
};
