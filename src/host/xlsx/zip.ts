/**
 * The zip container of an .xlsx, read and written by hand so that parts the patch does not
 * touch are copied as their original compressed bytes: nothing is inflated or re-deflated
 * that need not be, and an untouched chart, image or pivot cache leaves exactly as it came.
 *
 * Node's zlib is used when present (several times faster than a JS codec on a big sheet);
 * fflate covers the browser.
 */

import { deflateSync, inflateSync } from "fflate";
import { storedBytes, zipDirectory } from "./zip-directory";

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  /** The compressed bytes as stored (a view into the original file). */
  raw: Uint8Array;
}

/** Thrown for a zip this writer cannot take apart; the reader has already vetted the file. */
export class ZipError extends Error {
  constructor(detail: string) {
    super(`zip: ${detail}`);
    this.name = "ZipError";
  }
}

interface Codec {
  inflate(data: Uint8Array, size: number): Uint8Array;
  deflate(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

let codec: Codec | undefined;

function getCodec(): Codec {
  if (codec) return codec;
  const zlib =
    typeof process !== "undefined" && typeof process.getBuiltinModule === "function"
      ? (process.getBuiltinModule("node:zlib") as typeof import("node:zlib") | undefined)
      : undefined;
  if (zlib && typeof zlib.crc32 === "function") {
    // Level 6 costs about twice level 1 for a few percent smaller output; a big sheet is
    // rewritten on every run, so the faster setting wins.
    codec = {
      inflate: (d) => zlib.inflateRawSync(d),
      deflate: (d) => zlib.deflateRawSync(d, { level: 1 }),
      crc32: (d) => zlib.crc32(d) >>> 0,
    };
  } else {
    codec = {
      inflate: (d, size) => inflateSync(d, size > 0 ? { out: new Uint8Array(size) } : undefined),
      deflate: (d) => deflateSync(d, { level: 1 }),
      crc32: jsCrc32,
    };
  }
  return codec;
}

let crcTable: Uint32Array | undefined;

function jsCrc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The entries of a zip in central-directory order (zip64 sizes and offsets included). */
export function readZip(b: Uint8Array): ZipEntry[] {
  const fault = (why: string) => new ZipError(why);
  return zipDirectory(b, fault).map((e) => {
    if (e.flags & 1) throw new ZipError("encrypted entry");
    return {
      name: e.name,
      method: e.method,
      crc: e.crc,
      csize: e.csize,
      usize: e.usize,
      raw: storedBytes(b, e, fault),
    };
  });
}

/** The uncompressed bytes of an entry. */
export function entryBytes(e: ZipEntry): Uint8Array {
  if (e.method === 0) return e.raw;
  if (e.method !== 8) throw new ZipError(`compression method ${e.method}`);
  return getCodec().inflate(e.raw, e.usize);
}

/** A new entry holding `data`, deflated. */
export function makeEntry(name: string, data: Uint8Array): ZipEntry {
  const c = getCodec();
  return { name, method: 8, crc: c.crc32(data), csize: 0, usize: data.length, raw: c.deflate(data) };
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
