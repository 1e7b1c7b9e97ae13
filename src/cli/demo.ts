/**
 * `ptrack demo [DIR]`: writes the bundled sample workbook, checks it (reading the written file
 * back through the same reader every user file goes through), and applies it, writing the
 * structured, highlighted workbook beside the sample.
 */

import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { runApply } from "../app/apply";
import { checkSnapshot, type CheckReport } from "../app/check";
import { SAMPLE_AS_OF, sampleCellLook, sampleWorkbook } from "../app/sample";
import type { Lang } from "../core/settings";
import { XlsxHost } from "../host/xlsx/host";
import { readXlsxBytes } from "../host/xlsx/read";
import { writeSnapshotXlsx } from "../host/xlsx/write-snapshot";

export const SAMPLE_FILE = "项目跟踪示例.xlsx";
export const APPLIED_FILE = "项目跟踪示例（已应用）.xlsx";

export async function runDemo(
  dir: string,
  opts: { today?: string; lang: Lang; now?: Date },
): Promise<{ workbook: string; applied: string; report: CheckReport }> {
  await mkdir(dir, { recursive: true });
  const workbook = resolve(join(dir, SAMPLE_FILE));
  const applied = resolve(join(dir, APPLIED_FILE));
  const bytes = await writeSnapshotXlsx(sampleWorkbook(), { cell: sampleCellLook, landscape: true });
  await writeFile(workbook, bytes);
  const asOf = opts.today ?? SAMPLE_AS_OF;
  const report = checkSnapshot(readXlsxBytes(bytes), { asOf, lang: opts.lang });
  const host = new XlsxHost(bytes);
  await runApply(host, { asOf, lang: opts.lang, normalize: false, user: "示例", now: opts.now });
  await writeFile(applied, host.bytes);
  return { workbook, applied, report };
}
