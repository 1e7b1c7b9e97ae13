/**
 * Parts of a workbook a person would miss if a writer dropped them: charts, pivot tables,
 * pictures, macros, external links, slicers. `ptrack apply --in-place` names them before it
 * overwrites the user's only copy. (The patch writer copies them byte for byte; the refusal is
 * a promise kept to the user, not a limit of the writer.)
 */

import type { Lang } from "../../core/settings";
import { partLabel, type SpecialPart, type SpecialPartCode } from "../../i18n/parts";
import { readZip } from "./zip";

/** Kinds of part, by the folder Excel keeps them in. */
const KINDS: Array<{ code: SpecialPartCode; test: RegExp }> = [
  { code: "chart", test: /^xl\/(charts\/chart\d*\.xml|chartsheets\/[^/]+\.xml)$/i },
  { code: "pivot", test: /^xl\/pivotTables\/[^/]+\.xml$/i },
  { code: "image", test: /^xl\/media\/[^/]+$/i },
  { code: "macro", test: /^xl\/vbaProject\.bin$/i },
  { code: "externalLink", test: /^xl\/externalLinks\/[^/]+\.xml$/i },
  { code: "slicer", test: /^xl\/(slicers|timelines)\/[^/]+\.xml$/i },
];

/** The special parts the file holds, with how many of each, in a fixed order. */
export function uncarriedParts(original: Uint8Array): SpecialPart[] {
  const names = readZip(original).map((e) => e.name);
  const out: SpecialPart[] = [];
  for (const k of KINDS) {
    const count = names.filter((n) => k.test.test(n)).length;
    if (count) out.push({ code: k.code, count });
  }
  return out;
}

/** The same, named for a person: ["图表 (2)", "数据透视表", "宏 (vbaProject.bin)", …]. */
export function uncarriedPartNames(original: Uint8Array, lang: Lang = "zh"): string[] {
  return uncarriedParts(original).map((p) => partLabel(p, lang));
}
