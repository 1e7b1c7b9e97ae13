/**
 * The applied workbook for plan tests: the patch laid over a full copy of the input, so a test may
 * change either afterwards without touching the other.
 */

import type { WorkbookPatch } from "../../../src/core/patch";
import { snapshotAfter } from "../../../src/core/patch-snapshot";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";

export function applyInMemory(input: WorkbookSnapshot, patch: WorkbookPatch): WorkbookSnapshot {
  return snapshotAfter(structuredClone(input), patch);
}
