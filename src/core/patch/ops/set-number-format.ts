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
  memory(op, s, book) {
    for (let r = op.range.r1; r <= op.range.r2; r++)
      for (let c = op.range.c1; c <= op.range.c2; c++) book.format(s, r, c, op.format);
  },
};
