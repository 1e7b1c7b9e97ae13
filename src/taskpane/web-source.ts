/**
 * Web mode: a workbook held as the bytes of an .xlsx the user opened. Reading uses the fast
 * reader; the patch writer is loaded only when the user applies, so first load stays small.
 */

import type { HostNote, WorkbookPatch } from "../core/patch";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { WorkbookHost } from "../host/host";
import type { WorkbookSource, WorkbookUi } from "./workbook-source";

let versions = 0;

export class BytesHost implements WorkbookHost {
  /** Names this version of the bytes: the worker keeps what it read of it. */
  token = ++versions;

  constructor(private data: Uint8Array) {}

  get bytes(): Uint8Array {
    return this.data;
  }

  /** The bytes a write produced. */
  replace(bytes: Uint8Array): void {
    this.data = bytes;
    this.token = ++versions;
  }

  async read(): Promise<WorkbookSnapshot> {
    const { readXlsxBytes } = await import(/* webpackChunkName: "check" */ "../host/xlsx/read");
    return readXlsxBytes(this.data);
  }

  async apply(patch: WorkbookPatch): Promise<HostNote[]> {
    const { applyPatchXlsxWithNotes } = await import(
      /* webpackChunkName: "xlsx-write" */ "../host/xlsx/apply"
    );
    const { bytes, notes } = applyPatchXlsxWithNotes(this.data, patch);
    this.replace(bytes);
    return notes;
  }
}

export interface WebSource extends WorkbookSource {
  kind: "web";
  host(): BytesHost;
}

/** The result's file name, like the CLI's default output: 台账.xlsx → 台账.ptrack.xlsx. */
export function resultName(file: string): string {
  const base = file.replace(/\.xlsx$/i, "");
  return `${base}.ptrack.xlsx`;
}

export function webSource(name: string, bytes: Uint8Array, ui: WorkbookUi): WebSource {
  const host = new BytesHost(bytes);
  return { kind: "web", name, host: () => host, ui };
}
