/**
 * One benchmark task in its own process, so its peak memory is its own.
 * Prints one JSON line: { ms, maxRssKb, cells }.
 *
 *   npx tsx bench/child.ts exceljs|exceljsRoundTrip|readXlsx|startup FILE
 *
 * `startup` does nothing: the cost of a tsx process itself, to read the others against.
 */

// Each task imports only what it uses, so one library's load does not count against another.
async function exceljsRead(file: string): Promise<number> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let cells = 0;
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => void cells++)));
  return cells;
}

/** The floor for apply: read the file with exceljs and write it out again, changing nothing. */
async function exceljsRoundTrip(file: string): Promise<number> {
  const { default: ExcelJS } = await import("exceljs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { rmSync } = await import("node:fs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = join(tmpdir(), `ptrack-bench-rt-${process.pid}.xlsx`);
  await wb.xlsx.writeFile(out);
  rmSync(out, { force: true });
  return wb.worksheets.length;
}

async function ourRead(file: string): Promise<number> {
  const { readXlsx } = await import("../src/host/xlsx/read");
  const wb = await readXlsx(file);
  let cells = 0;
  for (const s of wb.sheets) for (const row of s.rows) if (row) for (const c of row) if (c) cells++;
  return cells;
}

async function run(): Promise<void> {
  const [task, file] = process.argv.slice(2);
  const tasks: Record<string, (file: string) => Promise<number>> = {
    exceljs: exceljsRead,
    exceljsRoundTrip,
    readXlsx: ourRead,
    startup: async () => 0,
  };
  const fn = tasks[task];
  if (!fn || !file) throw new Error("usage: child.ts exceljs|exceljsRoundTrip|readXlsx|startup FILE");
  const start = performance.now();
  const cells = await fn(file);
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, cells }) + "\n");
}

run().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exit(1);
});
