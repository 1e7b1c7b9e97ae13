/**
 * What to hand Office.js so a cell gets exactly the value the patch means. Office.js takes a
 * string in `values`/`formulas` the way typing does: `=1+1` becomes a formula, `001` the number 1,
 * `2026-11-23` a date, `#N/A` an error, `TRUE` a boolean. The patch's rule is that text stays
 * text, so such strings get a leading apostrophe: Excel stores the text without it and marks
 * the cell "quote-prefixed", which is what typing `'=1+1` does. We prefer this to setting the
 * number format to `@`: the cell's format stays the user's (a date typed there later is still a
 * date), and a read gives the same value and number format the .xlsx host would write.
 */

import type { CellWrite } from "../../core/patch";

const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";

/**
 * Strings Excel could take for something other than text: formulas (= + - @), a leading
 * apostrophe (which Excel would swallow), errors (#), anything starting like a number, date,
 * time, currency or fraction, booleans, and English month names (`Nov 5` is a date in en-US).
 */
const COERCIBLE = new RegExp(
  `^(?:[=+\\-@'#]|\\s|[\\d.,$¥￥€£(（]|(?:true|false)$|(?:${MONTHS})[a-z]*[\\s\\-./]*\\d)`,
  "i",
);

/** True when `s` must be written with an apostrophe to stay text. */
export function needsQuote(s: string): boolean {
  return s !== "" && COERCIBLE.test(s);
}

/** A literal value as Office.js should receive it ("" leaves the cell empty). */
export function literal(v: CellWrite["v"]): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "string") return needsQuote(v) ? `'${v}` : v;
  return v;
}

/** What to put in `range.formulas` for one cell: the formula with its `=`, else the literal. */
export function cellInput(w: CellWrite | null | undefined): string | number | boolean {
  if (!w) return "";
  if (w.formula !== undefined) return `=${w.formula}`;
  return literal(w.v);
}
