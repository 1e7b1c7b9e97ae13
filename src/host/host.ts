/**
 * What every host offers the use-cases: read the workbook once as a snapshot, apply a patch
 * once. The .xlsx host works on file bytes; the Office.js host on the open workbook.
 */

import type { HostNote, WorkbookPatch } from "../core/patch";
import type { WorkbookSnapshot } from "../core/snapshot";

export interface WorkbookHost {
  read(): Promise<WorkbookSnapshot>;
  /** Applies the patch; resolves to what the host did differently from it (none: void or []). */
  apply(patch: WorkbookPatch): Promise<HostNote[] | void>;
}
