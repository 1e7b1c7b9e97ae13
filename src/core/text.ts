/**
 * Small text normalisation for recognising headers and labels. Kept apart from
 * values.ts (value parsing) so table recognition does not depend on it.
 */

const FULL_WIDTH = /[\uff01-\uff5e\u3000\u3010\u3011\u3014\u3015]/g;
const BRACKETS: Record<string, string> = { "\u3010": "[", "\u3011": "]", "\u3014": "[", "\u3015": "]" };

/** Full-width ASCII and the ideographic space → half-width; 【】〔〕 → []. */
export function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x3000) return " ";
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    return BRACKETS[ch] ?? ch;
  });
}

// \s covers line breaks, NBSP and the ideographic space; zero-width characters come from pasted web text.
const SPACES = /[\s\u200b-\u200d\ufeff]+/g;

/** Texts compacted lately: recognition asks for the same cells' texts again and again. */
const COMPACTED = new Map<string, string>();
/** Beyond it the memo starts over, so a workbook of distinct texts does not keep them all. */
export const COMPACT_MEMO_LIMIT = 20_000;
/** The longest text the memo keeps. */
export const COMPACT_MEMO_LENGTH = 64;

/** How many texts the memo holds now (for its test). */
export function compactMemoSize(): number {
  return COMPACTED.size;
}

/** Half-width with every space and line break removed: `合 计` → `合计`, `计划\n开始` → `计划开始`. */
export function compact(s: string): string {
  // Only short texts (headers, keys, codes) are kept: a sheet of long notes would hold megabytes.
  if (s.length > COMPACT_MEMO_LENGTH) return halfWidth(s).replace(SPACES, "");
  let out = COMPACTED.get(s);
  if (out === undefined) {
    out = halfWidth(s).replace(SPACES, "");
    if (COMPACTED.size >= COMPACT_MEMO_LIMIT) COMPACTED.clear();
    COMPACTED.set(s, out);
  }
  return out;
}
