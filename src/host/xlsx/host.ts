/** The .xlsx host: a workbook held as file bytes, read by the fast reader, patched in place. */

import type { HostNote, WorkbookPatch } from "../../core/patch";
import type { WorkbookSnapshot } from "../../core/snapshot";
import type { WorkbookHost } from "../host";
import { applyPatchXlsxWithNotes } from "./apply";
import { readXlsxBytes } from "./read";

export class XlsxHost implements WorkbookHost {
  constructor(private data: Uint8Array) {}

  /** The workbook's current bytes (after any applied patch). */
  get bytes(): Uint8Array {
    return this.data;
  }

  async read(): Promise<WorkbookSnapshot> {
    return readXlsxBytes(this.data);
  }

  async apply(patch: WorkbookPatch): Promise<HostNote[]> {
    const { bytes, notes } = applyPatchXlsxWithNotes(this.data, patch);
    this.data = bytes;
    return notes;
  }
}
