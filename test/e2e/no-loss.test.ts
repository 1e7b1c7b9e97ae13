/**
 * SPEC §8 "never lose user data", shown on every fixture workbook and on randomly shaped ones:
 * after apply (without --normalize) every original sheet is still there and every original
 * cell holds the same value and formula; apply on its own output adds no sheet, table or rule;
 * clear then takes every product colour away and still changes no value.
 */

import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { runApply, runClear } from "../../src/app/apply";
import { sampleWorkbook } from "../../src/app/sample";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { XlsxHost } from "../../src/host/xlsx/host";
import { InputError, readXlsxBytes } from "../../src/host/xlsx/read";
import { writeSnapshotXlsx } from "../../src/host/xlsx/write-snapshot";
import { writeXlsx, type CellInput, type SheetInput } from "../helpers/workbook";
import { AS_OF, FIXTURES } from "./fixtures";

const NOW = new Date("2026-11-23T02:00:00Z");

/** value and formula of every cell of the given sheets, by sheet!row:col. */
function cells(wb: WorkbookSnapshot, sheets: string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of wb.sheets) {
    if (!sheets.includes(s.name)) continue;
    s.rows.forEach((row, r) =>
      row?.forEach((c, k) => c && m.set(`${s.name}!${r + 1}:${k + 1}`, JSON.stringify([c.value, c.formula]))),
    );
  }
  return m;
}

function ownRuleCount(bytes: Uint8Array): number {
  let n = 0;
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name))
      n += (strFromU8(data).match(/N\(&quot;项目跟踪/g) ?? []).length;
  }
  return n;
}

const tablesOf = (wb: WorkbookSnapshot) =>
  wb.sheets.flatMap((s) => s.tables.map((t) => `${s.name}/${t.name}`));

async function apply(bytes: Uint8Array): Promise<Uint8Array> {
  const host = new XlsxHost(bytes);
  await runApply(host, { asOf: AS_OF, lang: "zh", normalize: false, user: "测试", now: NOW });
  return host.bytes;
}

async function clear(bytes: Uint8Array): Promise<Uint8Array> {
  const host = new XlsxHost(bytes);
  await runClear(host, { lang: "zh", user: "测试", now: NOW });
  return host.bytes;
}

/** Apply, apply again, clear: the user's cells never change; the second apply adds nothing. */
async function roundTrip(original: Uint8Array): Promise<void> {
  const before = readXlsxBytes(original);
  const names = before.sheets.map((s: SheetSnapshot) => s.name);
  const once = await apply(original);
  const a = readXlsxBytes(once);
  expect(a.sheets.map((s) => s.name).filter((n) => names.includes(n))).toEqual(names);
  expect(cells(a, names)).toEqual(cells(before, names));

  const twice = await apply(once);
  const b = readXlsxBytes(twice);
  expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
  expect(tablesOf(b)).toEqual(tablesOf(a));
  expect(ownRuleCount(twice)).toBe(ownRuleCount(once));
  expect(cells(b, names)).toEqual(cells(before, names));

  const cleared = await clear(twice);
  expect(ownRuleCount(cleared)).toBe(0);
  expect(cells(readXlsxBytes(cleared), names)).toEqual(cells(before, names));
}

describe("nothing lost, nothing doubled", () => {
  test("the bundled sample", async () => {
    await roundTrip(await writeSnapshotXlsx(sampleWorkbook()));
  });

  test.each(Object.keys(FIXTURES))("fixture %s", async (name) => {
    const f = FIXTURES[name]();
    await roundTrip(await writeXlsx(undefined, f.sheets, f.options));
  });

  // Headers that make a recognisable table half the time, so tables, validations and colours
  // are really written; the rest are plain grids.
  const header = fc.oneof(
    fc
      .shuffledSubarray(["序号", "实际完成", "完成率", "前置任务", "备注", "合同编号"])
      .map((x) => ["任务名称", "负责人", "计划开始", "计划完成", ...x]),
    fc
      .shuffledSubarray([
        "客户名称",
        "实施通知日期",
        "约定收款日期1",
        "约定收款金额1",
        "财务实收金额1",
        "备注",
      ])
      .map((x) => ["合同编号", "签订日期", "合同金额", "约定交货期", ...x]),
  );
  const text = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      "=1+1",
      "+SUM(A1)",
      "-2",
      "@SUM(A1)",
      "<b>&amp;</b>",
      "合计",
      "甲方负责人（签字）：",
      "2026/11/31",
      "  ",
    ),
  );
  const cell: fc.Arbitrary<CellInput> = fc.oneof(
    { weight: 3, arbitrary: text },
    { weight: 2, arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true }) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 20000 }).map((n) => ({ date: isoPlus(n) })) },
    { weight: 1, arbitrary: fc.constantFrom({ error: "#N/A" }, { error: "#REF!" }) },
    { weight: 3, arbitrary: fc.constant(null) },
  );
  const sheet: fc.Arbitrary<SheetInput> = fc
    .record({
      name: fc.constantFrom("进度计划表", "合同执行情况表", "Sheet 1", "数据", "a'b", "收款"),
      header: fc.option(header, { freq: 1 }),
      headerAt: fc.integer({ min: 1, max: 4 }),
      body: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 14 }),
      merge: fc.option(fc.record({ r: fc.integer({ min: 1, max: 3 }), c: fc.integer({ min: 1, max: 6 }) })),
    })
    .map(({ name, header, headerAt, body, merge }) => {
      const rows: CellInput[][] = body.map((r) => [...r]);
      if (header) rows.splice(Math.min(headerAt, rows.length), 0, header);
      const merges = merge ? [`${col(merge.c)}${merge.r}:${col(merge.c + 1)}${merge.r}`] : undefined;
      return { name, rows, merges };
    });

  test("randomly shaped workbooks (fast-check)", async () => {
    let withTables = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(sheet, { minLength: 1, maxLength: 3, selector: (s) => s.name }),
        async (sheets) => {
          const bytes = await writeXlsx(undefined, sheets);
          // A workbook with no value at all is refused as input (SPEC §8), not applied.
          fc.pre(readableWorkbook(bytes));
          await roundTrip(bytes);
          if (tablesOf(readXlsxBytes(await apply(bytes))).length > 0) withTables++;
        },
      ),
      { numRuns: Number(process.env.NO_LOSS_RUNS ?? 40) },
    );
    // The property is only worth something if apply really structured many of the workbooks.
    expect(withTables).toBeGreaterThan(10);
  }, 240_000);
});

function readableWorkbook(bytes: Uint8Array): boolean {
  try {
    readXlsxBytes(bytes);
    return true;
  } catch (e) {
    if (e instanceof InputError && e.code === "empty") return false;
    throw e;
  }
}

function isoPlus(days: number): string {
  return new Date(Date.UTC(2000, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

function col(c: number): string {
  return String.fromCharCode(64 + c);
}
