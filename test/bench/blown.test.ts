/**
 * The plan of bench/blown.ts: rows copied out to column XFD. What `npm run bench` times must
 * still be read as the plan it is, its table ending at the header's last column.
 */
import { BLOWN_BLANK, BLOWN_FILLED, BLOWN_TASKS, blownWorkbook } from "../../bench/blown";
import { checkWorkbook } from "../../src/core/check";
import { recognise } from "../../src/core/recognise";
import { readXlsx } from "../../src/host/xlsx/read";

test("a plan with rows out to XFD is one table of its tasks, A to F, and its copied cells are no findings", async () => {
  const wb = await readXlsx(blownWorkbook());
  const stats = { cells: 0, rows: 0 };
  const { tables } = recognise(wb, { stats });
  expect(tables).toHaveLength(1);
  expect(tables[0]).toMatchObject({ headerRow: 2, firstCol: 1, lastCol: 6, lastRow: 2 + BLOWN_TASKS });
  // The copied cells are read (they hold values), but the blank formatted rows cost nothing.
  expect(stats.cells).toBeLessThan(BLOWN_TASKS * 6 + BLOWN_FILLED * 16384 + 100);
  expect(stats.rows).toBeLessThanOrEqual(2 + BLOWN_TASKS + BLOWN_BLANK);
  const r = checkWorkbook(wb, { asOf: "2026-11-23" });
  expect(r.findings.filter((f) => f.cell && !/^[A-F]\d+$/.test(f.cell))).toEqual([]);
});
