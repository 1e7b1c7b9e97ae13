/**
 * Taking parts out of the package without trusting it: shared by the reader and the writer, so
 * neither reads what the other would refuse.
 *
 * - A part may not inflate past the size the zip declares for it, nor past MAX_PART_BYTES; the
 *   declared sizes of all parts together may not pass MAX_PACKAGE_BYTES. Declared sizes are
 *   checked before anything is inflated, and inflation stops at the declared size, so a zip
 *   bomb that lies about its size is stopped as early as one that does not.
 * - Every part's CRC-32 is checked, and the zip may name a part only once (names compared as
 *   OPC compares them, without case): otherwise the file is damaged, never read as garbage or as
 *   whichever copy comes last.
 *
 * Node's zlib is used when present (several times faster than a JS codec on a big sheet);
 * fflate covers the browser.
 */

import { Inflate as FflateInflate } from "fflate";
import { InputError } from "./input-error";
import { MAX_PACKAGE_BYTES, MAX_PART_BYTES } from "./limits";
import { storedBytes, type ZipDirectoryEntry } from "./zip-directory";

export interface UnpackLimits {
  /** Bytes one part may inflate to. */
  part: number;
  /** Bytes all parts together may inflate to. */
  package: number;
}

export { MAX_PACKAGE_BYTES, MAX_PART_BYTES };

export const UNPACK_LIMITS: UnpackLimits = { part: MAX_PART_BYTES, package: MAX_PACKAGE_BYTES };

interface Codec {
  /** Raw DEFLATE → bytes; throws once the output would pass `max` bytes. */
  inflate(data: Uint8Array, max: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

let codec: Codec | undefined;

function zlib(): typeof import("node:zlib") | undefined {
  return typeof process !== "undefined" && typeof process.getBuiltinModule === "function"
    ? (process.getBuiltinModule("node:zlib") as typeof import("node:zlib") | undefined)
    : undefined;
}

function getCodec(): Codec {
  if (codec) return codec;
  const z = zlib();
  codec = {
    inflate:
      z !== undefined ? (d, max) => z.inflateRawSync(d, { maxOutputLength: Math.max(1, max) }) : jsInflate,
    crc32: z !== undefined && typeof z.crc32 === "function" ? (d) => z.crc32(d) >>> 0 : jsCrc32,
  };
  return codec;
}

/** fflate, streamed, so that inflation stops as soon as the output passes `max`. */
function jsInflate(data: Uint8Array, max: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new FflateInflate((chunk) => {
    size += chunk.length;
    if (size > max) throw new RangeError("inflated past the limit");
    chunks.push(chunk);
  });
  inflater.push(data, true);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

let crcTable: Uint32Array | undefined;

export function jsCrc32(data: Uint8Array): number {
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

/** CRC-32 of `data`, as a zip records it. */
export function crc32(data: Uint8Array): number {
  return getCodec().crc32(data);
}

const damaged = () => new InputError("corrupt", "damaged");
const tooLarge = () => new InputError("unreadable", "unpacked-too-large");

/**
 * Refuses a directory before anything is inflated: a name given twice, a part declaring more
 * than the part cap, or parts declaring more than the package cap together.
 */
export function vetDirectory(entries: ZipDirectoryEntry[], limits: UnpackLimits = UNPACK_LIMITS): void {
  const names = new Set<string>();
  let total = 0;
  for (const e of entries) {
    const key = e.name.toLowerCase();
    if (names.has(key)) throw damaged();
    names.add(key);
    if (e.usize > limits.part) throw tooLarge();
    total += e.usize;
  }
  if (total > limits.package) throw tooLarge();
}

/**
 * The uncompressed bytes of an entry whose compressed bytes are `stored`: exactly the declared
 * size and the declared CRC-32, or the file is damaged. An encrypted entry is refused as such.
 */
export function unpackEntry(e: Omit<ZipDirectoryEntry, "offset">, stored: Uint8Array): Uint8Array {
  if (e.flags & 1) throw new InputError("encrypted");
  let data: Uint8Array;
  if (e.method === 0) data = stored;
  else if (e.method === 8) {
    try {
      data = getCodec().inflate(stored, e.usize);
    } catch {
      throw damaged();
    }
  } else throw damaged();
  if (data.length !== e.usize || crc32(data) !== e.crc) throw damaged();
  return data;
}

/** The same, straight from the file's bytes. */
export function unpackPart(b: Uint8Array, e: ZipDirectoryEntry): Uint8Array {
  return unpackEntry(e, storedBytes(b, e, damaged));
}

/**
 * A part's XML as text. XML may be stored as UTF-16 (with or without a byte-order mark, which
 * the `<` of the first tag gives away); everything else is UTF-8.
 */
export function partText(data: Uint8Array): string {
  const le = (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0x3c && data[1] === 0);
  const be = (data[0] === 0xfe && data[1] === 0xff) || (data[0] === 0 && data[1] === 0x3c);
  return new TextDecoder(le ? "utf-16le" : be ? "utf-16be" : "utf-8").decode(data);
}

/** XML text about to be stored as UTF-8: an XML declaration naming another encoding is corrected. */
export function asUtf8Xml(xml: string): string {
  const m = /^\uFEFF?<\?xml\s[^?]*?encoding\s*=\s*(["'])([^"']*)\1/.exec(xml);
  if (!m || m[2].toLowerCase() === "utf-8") return xml;
  const at = m.index + m[0].length - m[2].length - 1;
  return xml.slice(0, at) + "UTF-8" + xml.slice(at + m[2].length);
}
