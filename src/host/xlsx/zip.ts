/**
 * The zip container of an .xlsx, read and written by hand so that parts the patch does not
 * touch are copied as their original compressed bytes: nothing is inflated or re-deflated
 * that need not be, and an untouched chart, image or pivot cache leaves exactly as it came.
 *
 * Node's zlib deflates when present (several times faster than a JS codec on a big sheet);
 * fflate covers the browser. Parts are taken out through unpack.ts, which trusts nothing.
 */

import { deflateSync } from "fflate";
import { InputError } from "./input-error";
import { crc32, unpackEntry, UNPACK_LIMITS, vetDirectory, type UnpackLimits } from "./unpack";
import { storedBytes, zipDirectory, type ZipDirectoryEntry } from "./zip-directory";

export interface ZipEntry extends Omit<ZipDirectoryEntry, "offset"> {
  /** The compressed bytes as stored (a view into the original file). */
  raw: Uint8Array;
}

/** Thrown for a package this writer cannot write as a plain zip. */
export class ZipError extends Error {
  constructor(detail: string) {
    super(`zip: ${detail}`);
    this.name = "ZipError";
  }
}

let deflater: ((data: Uint8Array) => Uint8Array) | undefined;

/**
 * Level 6 costs about twice level 1 for a few percent smaller output; a big sheet is rewritten
 * on every run, so the faster setting wins.
 */
function deflate(data: Uint8Array): Uint8Array {
  if (!deflater) {
    const zlib =
      typeof process !== "undefined" && typeof process.getBuiltinModule === "function"
        ? (process.getBuiltinModule("node:zlib") as typeof import("node:zlib") | undefined)
        : undefined;
    deflater = zlib ? (d) => zlib.deflateRawSync(d, { level: 1 }) : (d) => deflateSync(d, { level: 1 });
  }
  return deflater(data);
}

/**
 * The entries of a zip in central-directory order (zip64 sizes and offsets included), after the
 * checks every reader of the package makes (see unpack.ts); a damaged zip is an InputError.
 */
export function readZip(b: Uint8Array, limits: UnpackLimits = UNPACK_LIMITS): ZipEntry[] {
  const fault = () => new InputError("corrupt", "damaged");
  const dir = zipDirectory(b, fault);
  vetDirectory(dir, limits);
  return dir.map((e) => ({
    name: e.name,
    flags: e.flags,
    method: e.method,
    crc: e.crc,
    csize: e.csize,
    usize: e.usize,
    raw: storedBytes(b, e, fault),
  }));
}

/** The uncompressed bytes of an entry, checked against its declared size and CRC-32. */
export function entryBytes(e: ZipEntry): Uint8Array {
  return unpackEntry(e, e.raw);
}

/** A new entry holding `data`, deflated. */
export function makeEntry(name: string, data: Uint8Array): ZipEntry {
  return { name, flags: 0, method: 8, crc: crc32(data), csize: 0, usize: data.length, raw: deflate(data) };
}

/** Writes entries as a zip; each entry's compressed bytes are copied as they are. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const names = entries.map((e) => enc.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + 46 + 2 * names[i].length + e.raw.length));
  if (total > 0xfffffffe || entries.length > 0xfffe) throw new ZipError("output needs zip64");
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  // A fixed timestamp (1980-01-01) so the same input and patch give the same bytes.
  const DOS_DATE = 0x21;
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    offsets.push(p);
    dv.setUint32(p, 0x04034b50, true);
    dv.setUint16(p + 4, 20, true);
    dv.setUint16(p + 6, 0x0800, true); // names are UTF-8
    dv.setUint16(p + 8, e.method, true);
    dv.setUint16(p + 10, 0, true);
    dv.setUint16(p + 12, DOS_DATE, true);
    dv.setUint32(p + 14, e.crc, true);
    dv.setUint32(p + 18, e.raw.length, true);
    dv.setUint32(p + 22, e.usize, true);
    dv.setUint16(p + 26, names[i].length, true);
    dv.setUint16(p + 28, 0, true);
    out.set(names[i], p + 30);
    out.set(e.raw, p + 30 + names[i].length);
    p += 30 + names[i].length + e.raw.length;
  });
  const cd = p;
  entries.forEach((e, i) => {
    dv.setUint32(p, 0x02014b50, true);
    dv.setUint16(p + 4, 20, true);
    dv.setUint16(p + 6, 20, true);
    dv.setUint16(p + 8, 0x0800, true);
    dv.setUint16(p + 10, e.method, true);
    dv.setUint16(p + 12, 0, true);
    dv.setUint16(p + 14, DOS_DATE, true);
    dv.setUint32(p + 16, e.crc, true);
    dv.setUint32(p + 20, e.raw.length, true);
    dv.setUint32(p + 24, e.usize, true);
    dv.setUint16(p + 28, names[i].length, true);
    dv.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  });
  dv.setUint32(p, 0x06054b50, true);
  dv.setUint16(p + 8, entries.length, true);
  dv.setUint16(p + 10, entries.length, true);
  dv.setUint32(p + 12, p - cd, true);
  dv.setUint32(p + 16, cd, true);
  return out.subarray(0, p + 22);
}
