/**
 * Round trips (`context.sync()`) and request/response sizes of the Office.js host, measured
 * against the strict fake Excel API: read, apply and apply again on a 10,000-row schedule in
 * good order, on the benchmark's generated workbook (thousands of findings), and on that
 * workbook with its notice sheets. Writes bench/results/office-sync.json. `npm run bench` takes
 * the 10,000-row and large-workbook figures from here too (officeFigures).
 *
 *   npx tsx bench/office-sync.ts [rows]
 */

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_MAX_RESPONSE } from "../src/host/excel/read";
import { measure, measureFile, type SyncFigures } from "../test/host/excel/measure";

const REQUEST_BUDGET = 4_000_000;
const mb = (n: number) => `${(n / 1_048_576).toFixed(2)} MB`;

type Run = {
  workbook: string;
  rows?: number;
  notices: boolean;
  ops: number;
  sheetsWritten: number;
  results: SyncFigures[];
};

function print(r: Run): void {
  console.log(
    `${r.workbook}${r.rows ? ` ${r.rows} rows` : ""}${r.notices ? " with notices" : ""}: ${r.ops} ops, ${r.sheetsWritten} sheets written`,
  );
  for (const x of r.results)
    console.log(
      `  ${x.operation.padEnd(12)} ${x.syncs} syncs, largest request ${mb(x.maxRequestBytes)}, all requests ${mb(x.totalRequestBytes)}, largest response ${mb(x.maxResponseBytes)}, all responses ${mb(x.totalResponseBytes)}`,
    );
}

/** The figure `npm run bench` keeps for one operation. */
function brief(x: SyncFigures) {
  return {
    syncs: x.syncs,
    maxRequestBytes: x.maxRequestBytes,
    maxResponseBytes: x.maxResponseBytes,
    totalRequestBytes: x.totalRequestBytes,
    totalResponseBytes: x.totalResponseBytes,
  };
}

/**
 * For `npm run bench`: read and apply on the 10,000-row orderly schedule and on `largeFile` (the
 * benchmark's workbook), against the fake.
 */
export async function officeFigures(largeFile: string) {
  const small = await measure(10_000, "orderly");
  const large = await measureFile(largeFile);
  const pick = (r: Run) => ({
    read: brief(r.results.find((x) => x.operation === "read")!),
    apply: brief(r.results.find((x) => x.operation === "apply")!),
  });
  return {
    requestBudgetBytes: REQUEST_BUDGET,
    responseBudgetBytes: DEFAULT_MAX_RESPONSE,
    orderly10k: pick(small),
    large: { ops: large.ops, ...pick(large) },
  };
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 10_000);
  const runs: Run[] = [
    await measure(rows, "orderly"),
    await measure(rows, "generated"),
    await measure(rows, "generated", true),
  ];
  runs.forEach(print);
  const dir = join(__dirname, "results");
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, "office-sync.json"),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        requestBudgetBytes: REQUEST_BUDGET,
        responseBudgetBytes: DEFAULT_MAX_RESPONSE,
        runs,
      },
      null,
      2,
    ) + "\n",
  );
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
