/**
 * How much a workbook package may unpack to (enforced in unpack.ts). A module of its own, with no
 * imports, so the messages that quote these caps do not pull the unpacking code into a bundle.
 */

/**
 * The largest part inflated. A 250,000-row schedule's sheet is about 130 MB; a part must also
 * become one string, and V8 holds none longer than 2^29 − 24 characters (≈ 537 M).
 */
export const MAX_PART_BYTES = 500 * 2 ** 20;

/** The largest package, every part inflated: what one workbook may cost to read. */
export const MAX_PACKAGE_BYTES = 2 * 2 ** 30;
