/**
 * `ptrack demo [DIR]`: writes the bundled sample workbook, checks it (reading the written file
 * back through the same reader every user file goes through), and applies it, writing the
 * structured, highlighted workbook beside the sample.
 */

import { mkdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { runApply } from "../app/apply";
import { checkSnapshot, type CheckReport } from "../app/check";
import { SAMPLE_AS_OF, sampleCellLook, sampleWorkbook } from "../app/sample";
import type { Lang } from "../core/settings";
import { XlsxHost } from "../host/xlsx/host";
import { readXlsxBytes } from "../host/xlsx/read";
import { writeSnapshotXlsx } from "../host/xlsx/write-snapshot";
import { outputError, OutputError, saveAtomically } from "./output";

export const SAMPLE_FILE = "项目跟踪示例.xlsx";
export const APPLIED_FILE = "项目跟踪示例（已应用）.xlsx";

/** mkdir -p, failing with OutputError. */
async function makeFolder(dir: string): Promise<void> {
  const st = await stat(dir).catch(() => null);
  if (st && !st.isDirectory()) throw new OutputError("not-folder", dir);
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    // A recursive mkdir says ENOENT under a read-only folder; a plain one names the real cause.
    const plain: unknown = await mkdir(dir).then(
      () => null,
      (e2: unknown) => e2,
    );
    if (plain !== null)
      throw outputError((plain as NodeJS.ErrnoException).code === "ENOENT" ? e : plain, dir);
  }
}

export async function runDemo(
  dir: string,
  opts: { today?: string; lang: Lang; now?: Date },
): Promise<{ workbook: string; applied: string; report: CheckReport }> {
  await makeFolder(dir);
  const workbook = resolve(join(dir, SAMPLE_FILE));
  const applied = resolve(join(dir, APPLIED_FILE));
  const bytes = await writeSnapshotXlsx(sampleWorkbook(), { cell: sampleCellLook, landscape: true });
  await saveAtomically(workbook, bytes);
  const asOf = opts.today ?? SAMPLE_AS_OF;
  const report = checkSnapshot(readXlsxBytes(bytes), { asOf, lang: opts.lang });
  const host = new XlsxHost(bytes);
  await runApply(host, {
    asOf,
    lang: opts.lang,
    normalize: false,
    user: "示例",
    now: opts.now,
    file: SAMPLE_FILE,
  });
  await saveAtomically(applied, host.bytes);
  return { workbook, applied, report };
}
