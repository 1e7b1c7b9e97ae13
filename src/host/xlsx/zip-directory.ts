/**
 * The central directory of a zip, zip64 included: shared by the reader (which inflates parts on
 * demand) and the writer (which copies untouched parts as their stored bytes). No codec here, so
 * the reader's chunk carries none of the writer's.
 */

export interface ZipDirectoryEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/** Why a zip cannot be read; each caller turns it into its own error. */
export type ZipFault =
  | "no central directory"
  | "bad zip64 directory"
  | "bad directory entry"
  | "bad local header"
  | "entry past the end";

/** The entries in central-directory order; `fault` makes the error thrown for a damaged zip. */
export function zipDirectory(b: Uint8Array, fault: (why: ZipFault) => Error): ZipDirectoryEntry[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (at: number) => dv.getUint16(at, true);
  const u32 = (at: number) => dv.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fault("no central directory");
  let count = u16(eocd + 10);
  let cd = u32(eocd + 16);
  if ((count === 0xffff || cd === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z = u64(eocd - 12);
    if (z + 56 > b.length || u32(z) !== 0x06064b50) throw fault("bad zip64 directory");
    count = u64(z + 32);
    cd = u64(z + 48);
  }
  const utf8 = new TextDecoder("utf-8");
  const out: ZipDirectoryEntry[] = [];
  let p = cd;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(p) !== 0x02014b50) throw fault("bad directory entry");
    const n = u16(p + 28);
    const x = u16(p + 30);
    // A damaged length must not send the reads below past the end of the file.
    if (p + 46 + n + x > b.length) throw fault("bad directory entry");
    const e: ZipDirectoryEntry = {
      name: utf8.decode(b.subarray(p + 46, p + 46 + n)),
      flags: u16(p + 8),
      method: u16(p + 10),
      crc: u32(p + 16),
      csize: u32(p + 20),
      usize: u32(p + 24),
      offset: u32(p + 42),
    };
    // Zip64: sizes and offset that do not fit 32 bits live in extra field 0x0001, in this order.
    for (let q = p + 46 + n; q + 4 <= p + 46 + n + x; q += 4 + u16(q + 2)) {
      if (u16(q) !== 1) continue;
      let f = q + 4;
      if (f + 8 * 3 > b.length) throw fault("bad directory entry");
      if (e.usize === 0xffffffff) {
        e.usize = u64(f);
        f += 8;
      }
      if (e.csize === 0xffffffff) {
        e.csize = u64(f);
        f += 8;
      }
      if (e.offset === 0xffffffff) e.offset = u64(f);
    }
    out.push(e);
    p += 46 + n + x + u16(p + 32);
  }
  return out;
}

/** The entry's data as stored (compressed unless method 0): a view into `b`. */
export function storedBytes(
  b: Uint8Array,
  e: ZipDirectoryEntry,
  fault: (why: ZipFault) => Error,
): Uint8Array {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const o = e.offset;
  if (o + 30 > b.length || dv.getUint32(o, true) !== 0x04034b50) throw fault("bad local header");
  const start = o + 30 + dv.getUint16(o + 26, true) + dv.getUint16(o + 28, true);
  if (start + e.csize > b.length) throw fault("entry past the end");
  return b.subarray(start, start + e.csize);
}
