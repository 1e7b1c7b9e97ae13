/**
 * What the critical-path, roll-up and milestone rules add to a check, on the 10,000-row bench
 * workbook (8,000 linked tasks, 2,000 contracts), in its own process. Prints one JSON line:
 * { checkMs, rulesMs, networkMs, findings, tasks, critical }.
 *
 *   npx tsx bench/critical-rules.ts FILE
 *
 * `checkMs` is the median of three whole checks (all rules); `rulesMs` the median of three runs
 * of the new rules alone on freshly typed tables (so each builds its network again: two CPM
 * passes, the as-planned and the as-of forecast, plus one per contract whose delivery date the
 * forecast passes); `networkMs` that network build alone.
 */

import { analyseWorkbook, checkWorkbook } from "../src/core/check";
import type { Finding } from "../src/core/findings";
import { typeTable } from "../src/core/rows";
import {
  scheduleCriticalBeyondContract,
  scheduleCriticalLate,
  scheduleMilestoneDuration,
  scheduleMilestoneMissed,
  scheduleNetwork,
  scheduleSummaryDates,
  scheduleSummaryProgress,
  scheduleUnlinked,
} from "../src/core/rules/critical";
import { ruleApplies, type RuleContext, type TableRule } from "../src/core/rules/context";
import { readXlsx } from "../src/host/xlsx/read";

const RULES: TableRule[] = [
  scheduleCriticalLate,
  scheduleCriticalBeyondContract,
  scheduleUnlinked,
  scheduleSummaryDates,
  scheduleSummaryProgress,
  scheduleMilestoneMissed,
  scheduleMilestoneDuration,
];
const TODAY = "2026-11-23";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: critical-rules.ts FILE");
  const wb = await readXlsx(file);
  const checks: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    checkWorkbook(wb, { asOf: TODAY });
    checks.push(performance.now() - t);
  }
  const a = analyseWorkbook(wb, { asOf: TODAY });
  const rules: number[] = [];
  const networks: number[] = [];
  let findings = 0;
  let tasks = 0;
  let critical = 0;
  for (let i = 0; i < 3; i++) {
    const fresh = () => a.recognition.tables.map((t) => typeTable(wb, t, a.model.calendar));
    const out: Finding[] = [];
    const tables = fresh();
    const ctx: RuleContext = {
      ...a.model,
      tables,
      report: (f) => out.push({ ...f, severity: "warning" }),
    };
    const t = performance.now();
    for (const rule of RULES)
      for (const table of tables) if (ruleApplies(rule, table, ctx)) rule.check(ctx, table);
    rules.push(performance.now() - t);
    findings = out.length;
    const again = fresh();
    const t2 = performance.now();
    for (const table of again) if (table.kind === "schedule") scheduleNetwork(ctx, table);
    networks.push(performance.now() - t2);
    const net = again
      .map((table) => (table.kind === "schedule" ? scheduleNetwork(ctx, table) : undefined))
      .find(Boolean);
    tasks = net?.rows.length ?? 0;
    critical = net?.forecast.tasks.filter((x) => x.critical).length ?? 0;
  }
  const round = (x: number) => Math.round(x);
  process.stdout.write(
    JSON.stringify({
      checkMs: round(median(checks)),
      rulesMs: round(median(rules)),
      networkMs: round(median(networks)),
      findings,
      tasks,
      critical,
    }) + "\n",
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
