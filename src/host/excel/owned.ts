/**
 * The product's sheet markers through Office.js (see core/owned.ts): hidden workbook-scoped
 * names `_PTRACK.<kind>.<id>` in workbook.names, loaded with the first sync of read() (no round
 * trip of their own), and set by ensureSheet / writeSheet in the apply batch.
 */

import { markerName, markerRef, ownersFromNames, parseMarkerName } from "../../core/owned";
import type { OwnedKind, Range, SheetOwner } from "../../core/snapshot";

/** What apply() knows about the markers: each marked sheet's (lower-case name) kind and id, and every name. */
export interface Markers {
  bySheet: Map<string, { kind: OwnedKind; id: string }>;
  /** Lower-case names of the workbook's markers, to replace one rather than add a second. */
  names: Set<string>;
}

/** Queue the load of the workbook's names; `formula` needs ExcelApi 1.7, `value` gives the address before. */
export function loadNames(wb: Excel.Workbook, formula: boolean): Excel.NamedItemCollection {
  return wb.names.load(formula ? "items/name,items/formula" : "items/name,items/value");
}

/** After the sync: each marked sheet's owner, and the markers for apply(). */
export function readMarkers(
  names: Excel.NamedItemCollection,
  formula: boolean,
  sheets: readonly string[],
): { owners: Map<string, SheetOwner>; markers: Markers } {
  const refs = names.items
    .filter((n) => parseMarkerName(n.name) !== undefined)
    .map((n) => ({ name: n.name, ref: String(formula ? n.formula : n.value) }));
  const owners = ownersFromNames(refs, sheets);
  const markers: Markers = { bySheet: new Map(), names: new Set(refs.map((r) => r.name.toLowerCase())) };
  for (const [sheet, o] of owners) markers.bySheet.set(sheet.toLowerCase(), { kind: o.kind, id: o.id });
  return { owners, markers };
}

/** Queue setting a marker: `kind.id` now names `range` on `sheet` (an old marker of that id replaced). */
export function queueMarker(
  ctx: Excel.RequestContext,
  markers: Markers,
  owner: { kind: OwnedKind; id: string },
  sheet: string,
  range: Range,
): void {
  const name = markerName(owner.kind, owner.id);
  if (markers.names.has(name.toLowerCase())) ctx.workbook.names.getItem(name).delete();
  const item = ctx.workbook.names.add(name, `=${markerRef(sheet, range)}`);
  item.visible = false;
  markers.names.add(name.toLowerCase());
  for (const [s, o] of markers.bySheet)
    if (o.kind === owner.kind && o.id === owner.id) markers.bySheet.delete(s);
  markers.bySheet.set(sheet.toLowerCase(), { kind: owner.kind, id: owner.id });
}
