/**
 * What each operation module of the catalogue declares besides its contract (the op's type):
 * whether it makes its sheet, and its in-memory semantics, i.e. what the workbook's snapshot
 * looks like after it (what `snapshotAfter` does, and what every host must agree with).
 */

import type { SheetSnapshot } from "../snapshot";
import type { MemoryBook } from "./memory";

export type OpSpec<T> =
  /** Makes its sheet when absent (ensureSheet, writeSheet). */
  | { makesSheet: true; memory(op: T, book: MemoryBook): void }
  /** Works on a sheet that must exist: without it the op is skipped and noted `sheet-missing`. */
  | { makesSheet: false; memory(op: T, sheet: SheetSnapshot, book: MemoryBook): void };
