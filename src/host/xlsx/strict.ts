/**
 * Strict OOXML (ISO/IEC 29500 Strict, "Strict Open XML Spreadsheet" in Excel's Save As) names the
 * same elements and relationships as the usual transitional OOXML, under other namespace URIs.
 * The writer builds its parts in transitional terms; in a Strict package every part it writes is
 * moved to the Strict namespaces, so the package never mixes the two.
 */

import { NS_REL, NS_REL_STRICT, nsScope, parseAttrs, rootTag } from "./xml";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_MAIN_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";

/** Transitional → Strict, for the namespaces the writer's parts use (relationship types included). */
const TO_STRICT: Array<[string, string]> = [
  [NS_MAIN, NS_MAIN_STRICT],
  [NS_REL, NS_REL_STRICT],
  ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
];

export interface Namespaces {
  strict: boolean;
  /** The relationships namespace, for new `r:id` declarations. */
  rel: string;
}

/** Which OOXML the package speaks, from its workbook part's root. */
export function namespacesOf(workbookXml: string): Namespaces {
  const scope = nsScope(parseAttrs(rootTag(workbookXml).tag));
  const strict = [...scope.values()].includes(NS_MAIN_STRICT);
  return { strict, rel: strict ? NS_REL_STRICT : NS_REL };
}

/** A part written in transitional terms, in Strict terms. */
export function toStrict(xml: string): string {
  let out = xml;
  for (const [from, to] of TO_STRICT) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}
