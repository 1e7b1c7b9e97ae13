import type { Range } from "../../snapshot";
import type { OpSpec } from "../op";

/** Set the number format of every cell in the range (cells that exist and blanks alike). */
export interface SetNumberFormat {
  op: "setNumberFormat";
  sheet: string;
  range: Range;
  format: string;
}

export const setNumberFormat: OpSpec<SetNumberFormat> = {
  makesSheet: false,
  memory(op, s) {
    // A snapshot holds formats of cells with a value only; General is no format at all.
    for (let r = op.range.r1; r <= op.range.r2; r++)
      for (let c = op.range.c1; c <= op.range.c2; c++) {
        const cell = s.rows[r - 1]?.[c - 1];
        if (!cell) continue;
        if (op.format.toLowerCase() === "general") delete cell.numFmt;
        else cell.numFmt = op.format;
      }
  },
};
