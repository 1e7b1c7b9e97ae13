/**
 * One benchmark task in its own process, so its peak memory is its own.
 * Prints one JSON line: { ms, maxRssKb, cells }.
 *
 *   npx tsx bench/child.ts exceljs|readXlsx FILE
 */

import ExcelJS from "exceljs";
import { readXlsx } from "../src/host/xlsx/read";

async function exceljsRead(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let cells = 0;
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => void cells++)));
  return cells;
}

async function ourRead(file: string): Promise<number> {
  const wb = await readXlsx(file);
  let cells = 0;
  for (const s of wb.sheets) for (const row of s.rows) if (row) for (const c of row) if (c) cells++;
  return cells;
}

async function run(): Promise<void> {
  const [task, file] = process.argv.slice(2);
  const fn = task === "exceljs" ? exceljsRead : task === "readXlsx" ? ourRead : undefined;
  if (!fn || !file) throw new Error("usage: child.ts exceljs|readXlsx FILE");
  const start = performance.now();
  const cells = await fn(file);
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, cells }) + "\n");
}

run().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exit(1);
});
