/**
 * The output side of `apply` and `clear`: where the workbook goes, whether that is the input
 * itself, and writing it so that no failure — a full disk, a read-only folder, a crash or a
 * kill -9 — leaves a half-written workbook or a stray file behind.
 */

import { constants, hostname } from "node:os";
import { chmod, open, readdir, realpath, rename, stat, unlink } from "node:fs/promises";
import { unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Why the output could not be written; each has one sentence in i18n/output. */
export type OutputErrorCode =
  | "is-folder" // -o names an existing folder
  | "no-folder" // the folder of -o does not exist
  | "read-only" // the folder or file cannot be written (permissions, a read-only file system)
  | "disk-full" // no space (or quota) left
  | "name-too-long" // the file name is over what the file system allows
  | "not-xlsx" // -o does not end in .xlsx: another file (a .csv, say) would be overwritten with a workbook
  | "not-folder" // demo's folder is a file
  | "failed"; // any other failure of the file system

export class OutputError extends Error {
  constructor(
    public code: OutputErrorCode,
    /** The output path as the user gave it. */
    public path: string,
    /** The system's code (EIO, …) for "failed". */
    public detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "OutputError";
  }
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * True when `a` and `b` are one file on disk however they are spelt: through a symlink, a
 * relative path, `..`, or a hard link (same device and inode).
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  // One of them does not exist (yet): it can only be the other if their real paths meet.
  const [ra, rb] = await Promise.all([realTarget(a), realTarget(b)]);
  return ra !== null && ra === rb;
}

/** The real path a write to `p` would land on; null when its folder cannot be resolved. */
async function realTarget(p: string): Promise<string | null> {
  try {
    return await realpath(p);
  } catch {
    try {
      return join(await realpath(dirname(p)), basename(p));
    } catch {
      return null;
    }
  }
}

/**
 * Checks, before any work is done, that `out` can be a workbook file: not a folder, in a folder
 * that exists. Throws OutputError.
 */
export async function checkOutputPath(out: string): Promise<void> {
  const st = await stat(out).catch((e) =>
    errno(e) === "ENOENT" ? null : Promise.reject(outputError(e, out)),
  );
  if (st?.isDirectory()) throw new OutputError("is-folder", out);
  const dir = await stat(dirname(out)).catch(() => null);
  if (!dir || !dir.isDirectory()) throw new OutputError("no-folder", out);
}

/**
 * The temp file of a save: hidden, beside the target, named so a later run knows it is ours and
 * whose it is: `.NAME.ptrack-HOST-PID.tmp`. The host keeps a run on one machine from removing
 * the temp file of a save still running on another machine over a shared folder. Earlier
 * versions wrote `.NAME.xlsx.PID.tmp`.
 */
const TEMP = /^\..+\.(?:ptrack-([A-Za-z0-9_-]+?)-(\d+)|xlsx\.(\d+))\.tmp$/;

/** This machine's name as it goes into a temp name. */
const HOST = hostname().replace(/[^A-Za-z0-9_-]/g, "_") || "host";

export function tempName(target: string, pid = process.pid): string {
  // A file name holds at most 255 bytes (85 Chinese characters in UTF-8): the temp name is cut
  // so that a long output name still leaves room for its own suffix.
  let base = basename(target);
  while (Buffer.byteLength(base) > 180) base = base.slice(0, -1);
  return join(dirname(target), `.${base}.ptrack-${HOST.slice(0, 40)}-${pid}.tmp`);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return errno(e) === "EPERM";
  }
}

/**
 * Removes temp files of earlier saves in `dir` whose process is gone (a save killed with -9, a
 * power cut): recognisable by their name, stale because no process of that id is running.
 * Best effort: a file that cannot be removed is left to the next run.
 */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || (m[1] !== undefined && m[1] !== HOST.slice(0, 40))) continue;
    if (alive(Number(m[2] ?? m[3]))) continue;
    const p = join(dir, name);
    try {
      if ((await stat(p)).isFile()) {
        await unlink(p);
        removed.push(p);
      }
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

/** Maps a file-system failure to what the user is told. */
export function outputError(e: unknown, out: string): OutputError {
  if (e instanceof OutputError) return e;
  switch (errno(e)) {
    case "ENOSPC":
    case "EDQUOT":
    case "EFBIG":
      return new OutputError("disk-full", out);
    case "EACCES":
    case "EPERM":
    case "EROFS":
    case "ETXTBSY":
    case "EBUSY":
      return new OutputError("read-only", out);
    case "ENOENT":
    case "ENOTDIR":
      return new OutputError("no-folder", out);
    case "EISDIR":
      return new OutputError("is-folder", out);
    case "ENAMETOOLONG":
      return new OutputError("name-too-long", out);
    default:
      return new OutputError("failed", out, errno(e) ?? (e instanceof Error ? e.message : String(e)));
  }
}

/**
 * Writes `bytes` to `out` atomically: into a temp file beside it, flushed to disk, then renamed
 * over it, so `out` is either the old file or the whole new one. When `out` is a symlink the
 * file it points to is replaced and the link kept. The temp file is removed on every failure
 * and on Ctrl-C; one left by a kill -9 is removed by the next save into the same folder.
 * Throws OutputError.
 */
export async function saveAtomically(out: string, bytes: Uint8Array): Promise<void> {
  const target = (await realpath(out).catch(() => null)) ?? out;
  await removeStaleTemps(dirname(target));
  const tmp = tempName(target);
  let created = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (created) {
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
    }
    process.exit(128 + (constants.signals[signal] ?? 1));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("SIGHUP", onSignal);
  try {
    const before = await stat(target).catch(() => null);
    // "wx": never follow or reuse whatever is at the temp name.
    const fh = await open(tmp, "wx", 0o666);
    created = true;
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    // A file replaced keeps its permissions.
    if (before) await chmod(tmp, before.mode & 0o7777).catch(() => {});
    await rename(tmp, target);
    created = false;
  } catch (e) {
    if (created) await unlink(tmp).catch(() => {});
    throw outputError(e, out);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("SIGHUP", onSignal);
  }
}
