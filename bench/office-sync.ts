/**
 * Round trips (`context.sync()`) and request/response sizes of the Office.js host, measured
 * against the strict fake Excel API: read, apply and apply again on a 10,000-row schedule in
 * good order, on the benchmark's generated workbook (thousands of findings), and on that
 * workbook with its notice sheets. Writes bench/results/office-sync.json.
 *
 *   npx tsx bench/office-sync.ts [rows]
 */

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { measure } from "../test/host/excel/measure";

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 10_000);
  const runs = [
    await measure(rows, "orderly"),
    await measure(rows, "generated"),
    await measure(rows, "generated", true),
  ];
  const mb = (n: number) => `${(n / 1_048_576).toFixed(2)} MB`;
  for (const r of runs) {
    console.log(
      `${r.workbook} ${r.rows} rows${r.notices ? " with notices" : ""}: ${r.ops} ops, ${r.sheetsWritten} sheets written`,
    );
    for (const x of r.results)
      console.log(
        `  ${x.operation.padEnd(12)} ${x.syncs} syncs, largest request ${mb(x.maxRequestBytes)}, all requests ${mb(x.totalRequestBytes)}, largest response ${mb(x.maxResponseBytes)}`,
      );
  }
  const dir = join(__dirname, "results");
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, "office-sync.json"),
    JSON.stringify({ date: new Date().toISOString(), requestBudgetBytes: 4_000_000, runs }, null, 2) + "\n",
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
