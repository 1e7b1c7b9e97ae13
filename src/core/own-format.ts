/**
 * The number formats the product writes, and the mark on those it puts on a user's cells.
 * Kept apart from the planner so both readers can tell the product's formats from the user's.
 */

export const DATE_FORMAT = "yyyy-mm-dd";
export const MONEY_FORMAT = "#,##0.00";
export const FRACTION_FORMAT = "0%";
export const PERCENT100_FORMAT = '0"%"';

/**
 * The number formats the product puts on a user's General cells carry a mark: a leading empty
 * literal `""`, which shows nothing and survives Excel, Excel on the web and LibreOffice (which
 * rewrites `yyyy-mm-dd` as `yyyy\-mm\-dd` but keeps the `""`). `clear` gives exactly the cells
 * so marked back to General; every other format is the user's and is never touched. So that
 * clear sees them, both readers keep a blank cell that carries the mark, as the value "".
 */
const OWN_MARK = '""';

export function ownFormat(code: string): string {
  return OWN_MARK + code;
}

/** A format code with its backslash escapes and quoted literals read as the characters they show. */
function shown(code: string): string {
  return code.replace(/"([^"]*)"|\\(.)/g, (_, quoted: string | undefined, escaped: string | undefined) =>
    quoted !== undefined ? quoted : (escaped ?? ""),
  );
}

const OWN_CODES = new Set([DATE_FORMAT, MONEY_FORMAT, FRACTION_FORMAT, PERCENT100_FORMAT].map(shown));

/** True for a format the product set (see ownFormat), however a round trip respelt it. */
export function isOwnFormat(code: unknown): boolean {
  return (
    typeof code === "string" && code.startsWith(OWN_MARK) && OWN_CODES.has(shown(code.slice(OWN_MARK.length)))
  );
}
