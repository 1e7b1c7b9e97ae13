/**
 * A patch laid over a snapshot in memory: the workbook as the next read would see it, as far as
 * a snapshot shows (values, formulas, number formats, merges, tables, sheets and their order and
 * visibility; conditional formats and validations leave no trace in one). Lets a use-case check
 * the result of its own edit without reading the workbook again. Each operation's semantics is
 * its catalogue module's (core/patch/ops); the hosts are proven to agree with it. Only the sheets
 * the patch touches are copied; the others are shared with the input.
 */

import { CATALOGUE, type HostNote, type WorkbookPatch } from "./patch";
import { MemoryBook } from "./patch/memory";
import type { WorkbookSnapshot } from "./snapshot";

/** The workbook after the patch, and what the patch could not do on it, as a host would note. */
export function snapshotAfterWithNotes(
  input: WorkbookSnapshot,
  patch: WorkbookPatch,
): { workbook: WorkbookSnapshot; notes: HostNote[] } {
  const book = new MemoryBook(input);
  for (const op of patch.ops) {
    const spec = CATALOGUE[op.op];
    if (spec.makesSheet) {
      (spec.memory as (o: typeof op, b: MemoryBook) => void)(op, book);
      continue;
    }
    const sheet = book.sheet(op.sheet);
    if (!sheet) book.notes.push({ code: "sheet-missing", sheet: op.sheet });
    else spec.memory(op as never, sheet, book);
  }
  return { workbook: book.wb, notes: book.notes };
}

export function snapshotAfter(input: WorkbookSnapshot, patch: WorkbookPatch): WorkbookSnapshot {
  return snapshotAfterWithNotes(input, patch).workbook;
}
