/** A finding's column, as findings are sorted by it. */

import { columnOf } from "../../src/core/check";
import { parseA1 } from "../../src/core/snapshot";

describe("columnOf", () => {
  it("reads the column of an address as parseA1 does, and 0 for what is no address", () => {
    const cells = [
      "A1",
      "F12",
      "Z9",
      "AA10",
      "XFD1048576",
      "$C$3",
      "b7",
      " D4 ",
      "A",
      "12",
      "ABCD1",
      "A1B",
      "",
      "F12:G13",
    ];
    for (const cell of cells) expect([cell, columnOf(cell)]).toEqual([cell, parseA1(cell)?.c ?? 0]);
    expect(columnOf("AB3")).toBe(28);
  });
});
