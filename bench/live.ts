/**
 * Live validation's cost (issue: ≤ 300 ms on a 10,000-row workbook before it is on by default):
 * the benchmark's 10,000-row workbook in the strict fake Excel; after a full check as the pane
 * runs it (runJob, as in its worker), single-cell edits on schedule and contract rows. Per edit:
 * the round trips and response bytes of reading the changed rows (readChanged), and the time of
 * that read plus the worker's re-check and its pane report (runJob "live"). Also a full check of
 * the same snapshot, for comparison. Times are wall and CPU (the machine may be shared).
 *
 *   npx tsx bench/live.ts FILE.xlsx        (writes bench/results/live.json)
 */

import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { basename, join } from "node:path";
import { readXlsx } from "../src/host/xlsx/read";
import { readChanged } from "../src/host/excel/read-changed";
import { prepareLive, runJob } from "../src/taskpane/jobs";
import { isoToSerial } from "../src/core/dates";
import { colNumber } from "../src/core/snapshot";
import { fakeFromSnapshot } from "../test/host/excel/fake-excel";
import { host } from "../test/host/excel/measure";

export interface LiveFigures {
  edits: number;
  /** Median over the edits: read of the changed rows + re-check + report. */
  medianMs: number;
  maxMs: number;
  medianCpuMs: number;
  /** A full check (runJob "check") of the same snapshot, already read. */
  fullCheckMs: number;
  fullCheckCpuMs: number;
  syncsPerEdit: number;
  maxResponseBytes: number;
  /** Edits the re-check could not do alone (a full check on the kept snapshot instead). */
  fallbacks: number;
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function liveFigures(file: string, asOf = "2026-11-23"): Promise<LiveFigures> {
  const model = fakeFromSnapshot(await readXlsx(file));
  const { host: h, ctx } = host(model);
  const wb = await h.read();
  const widths = new Map(
    wb.sheets.map((s) => [s.name, s.rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0)]),
  );
  const base = { lang: "zh" as const, asOf: asOf as never, now: Date.parse(`${asOf}T04:00:00Z`) };
  let t = performance.now();
  let c = cpu();
  const first = await runJob({ kind: "check", input: { snapshot: wb }, ...base });
  const fullCheckMs = performance.now() - t;
  const fullCheckCpuMs = cpu() - c;
  prepareLive();
  const tables = first.report!.tables;
  const times: number[] = [];
  const cpus: number[] = [];
  const syncs: number[] = [];
  let maxResponseBytes = 0;
  let fallbacks = 0;
  for (const table of tables) {
    const field = table.kind === "schedule" ? "planEnd" : "deliveryDate";
    const letter = table.columns[field];
    if (!letter) continue;
    const col = colNumber(letter);
    for (let k = 0; k < 5; k++) {
      const row = table.firstRow + 37 + k * 997;
      if (row > table.lastRow) break;
      Object.assign(model.sheet(table.sheet)!.touch(row, col), {
        value: isoToSerial(k % 2 ? "2026-10-30" : "2027-01-15"),
        numFmt: "yyyy-mm-dd",
      });
      ctx.resetStats();
      t = performance.now();
      c = cpu();
      const edits = await readChanged(
        (batch) => ctx.run(batch),
        [{ sheet: table.sheet, address: `${letter}${row}`, changeType: "RangeEdited" }],
        widths,
      );
      const r = await runJob({ kind: "live", input: { edits: edits! }, ...base });
      times.push(performance.now() - t);
      cpus.push(cpu() - c);
      syncs.push(ctx.syncCount);
      maxResponseBytes = Math.max(maxResponseBytes, ctx.maxResponseBytes);
      if (r.stale || r.live !== "incremental") fallbacks++;
      prepareLive();
    }
  }
  return {
    edits: times.length,
    medianMs: Math.round(median(times)),
    maxMs: Math.round(Math.max(...times)),
    medianCpuMs: Math.round(median(cpus)),
    fullCheckMs: Math.round(fullCheckMs),
    fullCheckCpuMs: Math.round(fullCheckCpuMs),
    syncsPerEdit: Math.max(...syncs),
    maxResponseBytes,
    fallbacks,
  };
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: npx tsx bench/live.ts FILE.xlsx\n");
    process.exit(2);
  }
  liveFigures(file).then(
    (f) => {
      const record = {
        date: new Date().toISOString(),
        file: basename(file),
        loadAverage: loadavg()[0],
        ...f,
      };
      writeFileSync(join(__dirname, "results", "live.json"), JSON.stringify(record, null, 2) + "\n");
      console.log(JSON.stringify(record));
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
