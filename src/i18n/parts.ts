/** Names of workbook parts for a person, e.g. when `--in-place` is refused because of them. */

import type { Lang } from "../core/settings";

/** Stable codes of the parts `--in-place` names. */
export type SpecialPartCode = "chart" | "pivot" | "image" | "macro" | "externalLink" | "slicer";

export interface SpecialPart {
  code: SpecialPartCode;
  /** How many such parts the file holds. */
  count: number;
}

const LABELS: Record<SpecialPartCode, Record<Lang, string>> = {
  chart: { zh: "图表", en: "charts" },
  pivot: { zh: "数据透视表", en: "pivot tables" },
  image: { zh: "图片", en: "pictures" },
  macro: { zh: "宏 (vbaProject.bin)", en: "macros (vbaProject.bin)" },
  externalLink: { zh: "外部链接", en: "external links" },
  slicer: { zh: "切片器", en: "slicers" },
};

/** `图表 (2)` when there are several; the macro project is one part whatever its size. */
export function partLabel(part: SpecialPart, lang: Lang): string {
  const label = LABELS[part.code][lang];
  return part.count > 1 && part.code !== "macro" ? `${label} (${part.count})` : label;
}
