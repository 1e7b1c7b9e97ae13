import { isOwnFormat, ownFormat } from "../../src/core/own-format";

describe("the product's own number formats", () => {
  test("are recognised as written and as LibreOffice respells them", () => {
    for (const code of ["yyyy-mm-dd", "#,##0.00", "0%", '0"%"'])
      expect(isOwnFormat(ownFormat(code))).toBe(true);
    expect(isOwnFormat('""yyyy\\-mm\\-dd')).toBe(true);
    expect(isOwnFormat('""0\\%')).toBe(true);
  });

  test("a user's format, even the same code without the mark, is never the product's", () => {
    for (const code of [
      "yyyy-mm-dd",
      "#,##0.00",
      "0%",
      '0"%"',
      '""yyyy/m/d',
      '""',
      '""""',
      undefined,
      "General",
    ])
      expect([code, isOwnFormat(code)]).toEqual([code, false]);
  });
});
