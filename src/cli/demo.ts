/**
 * `ptrack demo [DIR]`: writes the bundled sample workbook and checks it, reading the
 * written file back through the same reader every user file goes through.
 */

import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { checkSnapshot, type CheckReport } from "../app/check";
import { SAMPLE_AS_OF, sampleWorkbook } from "../app/sample";
import type { Lang } from "../core/settings";
import { readXlsx } from "../host/xlsx/read";
import { writeSnapshotXlsx } from "../host/xlsx/write-snapshot";

export const SAMPLE_FILE = "项目跟踪示例.xlsx";

export async function runDemo(
  dir: string,
  opts: { today?: string; lang: Lang },
): Promise<{ workbook: string; report: CheckReport }> {
  await mkdir(dir, { recursive: true });
  const workbook = resolve(join(dir, SAMPLE_FILE));
  await writeFile(workbook, await writeSnapshotXlsx(sampleWorkbook()));
  const report = checkSnapshot(await readXlsx(workbook), {
    asOf: opts.today ?? SAMPLE_AS_OF,
    lang: opts.lang,
  });
  return { workbook, report };
}
