/**
 * Round trips and request sizes of ExcelHost on generated workbooks, against the strict fake.
 * Shared by the tests and `npx tsx bench/office-sync.ts`.
 */

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "../../../bench/generate";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../../src/app/sample";
import type { WorkbookPatch } from "../../../src/core/patch";
import { planApply } from "../../../src/core/plan";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { ExcelHost } from "../../../src/host/excel/host";
import { readXlsx } from "../../../src/host/xlsx/read";
import { FakeContext, fakeFromSnapshot, type FakeWorkbookModel } from "./fake-excel";

export function host(
  model: FakeWorkbookModel,
  maxRequestBytes?: number,
  maxResponseBytes?: number,
): { host: ExcelHost; ctx: FakeContext } {
  const ctx = new FakeContext(model);
  const h = new ExcelHost({
    run: (batch) => ctx.run(batch),
    supports: (minor) => model.requirements().isSetSupported("ExcelApi", `1.${minor}`),
    maxRequestBytes,
    maxResponseBytes,
  });
  return { host: h, ctx };
}

export function applyPatchFor(wb: WorkbookSnapshot, notices = true): WorkbookPatch {
  return planApply(wb, {
    today: SAMPLE_AS_OF,
    now: "2026-11-23 10:00:00",
    user: "测试",
    lang: "zh",
    normalize: false,
    notices,
  }).patch;
}

/** The benchmark's generated workbook (bench/generate.ts): a schedule of `rows` rows, contracts a fifth of that. */
async function generatedWorkbook(rows: number): Promise<WorkbookSnapshot> {
  const dir = await mkdtemp(join(tmpdir(), "ptrack-office-"));
  const file = join(dir, "big.xlsx");
  try {
    await generate(file, rows, Math.round(rows / 5));
    return await readXlsx(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A 10,000-row schedule in good order: the sample's first task (finished on time) repeated, so
 * the patch is the structure, validation and highlight rules over all rows and a short report.
 */
export function orderlyWorkbook(rows: number): WorkbookSnapshot {
  const wb = sampleWorkbook();
  const sched = wb.sheets[0];
  const header = sched.rows.findIndex((r) => r?.some((c) => c?.value === "任务名称"));
  const first = sched.rows[header + 1]!;
  const out = sched.rows.slice(0, header + 1);
  for (let i = 0; i < rows; i++) out.push(first.map((c, j) => (c && j === 0 ? { ...c, value: i + 1 } : c)));
  sched.rows = out;
  return wb;
}

export interface SyncFigures {
  operation: string;
  syncs: number;
  maxRequestBytes: number;
  totalRequestBytes: number;
  maxResponseBytes: number;
  totalResponseBytes: number;
}

/**
 * Round trips and request sizes of each operation on a generated workbook of `rows` schedule
 * rows: read, apply (without notices: the generated rows make thousands of notice sheets, whose
 * size, not the row count, sets the round trips), and apply again on the result.
 */
export async function measure(rows = 10_000, kind: "orderly" | "generated" = "orderly", notices = false) {
  const wb = kind === "orderly" ? orderlyWorkbook(rows) : await generatedWorkbook(rows);
  return { workbook: kind, rows, ...(await measureWorkbook(wb, notices)) };
}

/** The same for a workbook on disk (the benchmark's), read and apply only when `again` is false. */
export async function measureFile(file: string, notices = false, again = false) {
  return { workbook: file, ...(await measureWorkbook(await readXlsx(file), notices, again)) };
}

export async function measureWorkbook(wb: WorkbookSnapshot, notices = false, again = true) {
  const model = fakeFromSnapshot(wb);
  const { host: h, ctx } = host(model);
  const stats = (operation: string): SyncFigures => {
    const s = {
      operation,
      syncs: ctx.syncCount,
      maxRequestBytes: ctx.maxSyncBytes,
      totalRequestBytes: ctx.syncs.reduce((n, x) => n + x.bytes, 0),
      maxResponseBytes: ctx.maxResponseBytes,
      totalResponseBytes: ctx.syncs.reduce((n, x) => n + x.responseBytes, 0),
    };
    ctx.resetStats();
    return s;
  };
  ctx.resetStats();
  const snap = await h.read();
  const read = stats("read");
  const patch = applyPatchFor(snap, notices);
  await h.apply(patch);
  const apply = stats("apply");
  const results = [read, apply];
  if (again) {
    const next = applyPatchFor(await h.read(), notices);
    ctx.resetStats();
    await h.apply(next);
    results.push(stats("apply again"));
  }
  const noticeSheets = patch.ops.filter((o) => o.op === "writeSheet").length;
  return { notices, ops: patch.ops.length, sheetsWritten: noticeSheets, results };
}
