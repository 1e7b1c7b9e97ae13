/**
 * Live validation on real workbooks: does a live re-check after an edit say what a full check of
 * the edited workbook says, on sheets nobody here wrote? For each workbook with recognised tables,
 * on up to three tables, the first, middle and last data rows: every mapped cell is edited in turn
 * (a date moved 9 days, a number doubled, a text changed, an empty cell filled), edits adding up
 * on the same workbook. After each, recheck() is compared with analyseWorkbook() of the edited
 * copy: the findings as the user reads them (rule, cell, message) and the notices planned.
 *
 *   npx tsx bench/live-real.ts [FOLDER…]   (default: the folders of PTRACK_REAL_WORKBOOKS, as
 *                                          bench/real-workbooks.ts; none present → skipped)
 *
 * Writes bench/results/live-real.json: files, edits, edits that fell back to a full check,
 * disagreements (each named, with a few differing findings), and the median and slowest times
 * of a re-check against a full check of the same workbook. The workbooks hold personal data and
 * are never in the repository; their sources are in bench/real-workbooks.json.
 */

import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { analyseWorkbook, type Analysis } from "../src/core/check";
import { applyEdits, recheck, startLive, type CellEdit } from "../src/core/live";
import { colNumber, type Cell, type WorkbookSnapshot } from "../src/core/snapshot";
import { readXlsx } from "../src/host/xlsx/read";
import { formatFinding } from "../src/i18n/messages";

const OPTS = { asOf: "2026-11-23" as never };

const seen = (a: Analysis) =>
  a.result.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${formatFinding(f, "zh")}`).sort();
const planned = (a: Analysis) => a.result.notices.map((n) => JSON.stringify(n)).sort();

/** The value a user might type over `cur`. */
function edited(cur: Cell | undefined): Cell {
  const v = cur?.value;
  if (typeof v === "number" && cur?.numFmt && /[yd]/i.test(cur.numFmt)) return { ...cur, value: v + 9 };
  if (typeof v === "number") return { ...cur, value: v * 2 + 1 };
  if (typeof v === "string") return { value: `${v}改` };
  return { value: "2026-12-01" };
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[xs.length >> 1] : 0);

async function main() {
  const args = process.argv.slice(2);
  const dirs = (
    args.length
      ? args
      : (
          process.env.PTRACK_REAL_WORKBOOKS ??
          "/work/realwb/files:/work/realwb/heldout:/work/realwb/heldout2:/work/realwb/heldout3"
        ).split(":")
  ).filter((d) => d !== "" && existsSync(d));
  if (dirs.length === 0) {
    process.stdout.write("live on real workbooks: skipped — no folder of real workbooks\n");
    return;
  }
  let files = 0;
  let edits = 0;
  let fallbacks = 0;
  const disagreements: Array<{ file: string; cell: string; liveOnly: string[]; fullOnly: string[] }> = [];
  const liveMs: number[] = [];
  const fullMs: number[] = [];
  for (const dir of dirs)
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith(".xlsx"))
      .sort()) {
      let wb: WorkbookSnapshot;
      let analysis: Analysis;
      try {
        wb = await readXlsx(join(dir, name));
        analysis = analyseWorkbook(wb, OPTS);
      } catch {
        continue;
      }
      if (analysis.tables.length === 0) continue;
      let live = startLive(wb, analysis, OPTS);
      if (!live) continue;
      files++;
      const mirror = structuredClone(wb);
      for (const t of analysis.tables.slice(0, 3)) {
        const rows = t.rows.slice(0, 40);
        if (rows.length === 0) continue;
        const sheet = t.source.sheet;
        for (const r of [rows[0], rows[rows.length >> 1], rows[rows.length - 1]])
          for (const v of Object.values(r.fields)) {
            const m = v?.cell && /^([A-Z]+)(\d+)$/.exec(v.cell);
            if (!m) continue;
            const col = colNumber(m[1]);
            const row = Number(m[2]);
            const cur = mirror.sheets.find((s) => s.name === sheet)?.rows[row - 1]?.[col - 1];
            const edit: CellEdit = { sheet, r1: row, c1: col, r2: row, c2: col, cells: [[edited(cur)]] };
            applyEdits(mirror, [structuredClone(edit)]);
            let t0 = performance.now();
            const got = recheck(live, [edit]);
            const dLive = performance.now() - t0;
            edits++;
            t0 = performance.now();
            const want = analyseWorkbook(structuredClone(mirror), OPTS);
            fullMs.push(performance.now() - t0);
            if (!got) {
              fallbacks++;
              live = startLive(structuredClone(mirror), want, OPTS)!;
              continue;
            }
            liveMs.push(dLive);
            const g = seen(got);
            const w = seen(want);
            if (g.join("\n") !== w.join("\n") || planned(got).join("\n") !== planned(want).join("\n")) {
              const gs = new Set(g);
              const ws = new Set(w);
              disagreements.push({
                file: name,
                cell: `${sheet}!${v.cell}`,
                liveOnly: g.filter((x) => !ws.has(x)).slice(0, 3),
                fullOnly: w.filter((x) => !gs.has(x)).slice(0, 3),
              });
              live = startLive(structuredClone(mirror), want, OPTS)!;
            }
          }
      }
    }
  const out = {
    when: new Date().toISOString(),
    folders: dirs.map((d) => basename(d)),
    files,
    edits,
    fallbacks,
    disagreements: disagreements.length,
    medianRecheckMs: Math.round(median(liveMs)),
    slowestRecheckMs: Math.round(Math.max(0, ...liveMs)),
    medianFullCheckMs: Math.round(median(fullMs)),
    details: disagreements,
  };
  const dir = join(__dirname, "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "live-real.json"), `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(
    `live on real workbooks: ${files} files, ${edits} edits, ${fallbacks} full checks instead, ` +
      `${disagreements.length} disagreements with a full check; re-check median ${out.medianRecheckMs} ms ` +
      `(slowest ${out.slowestRecheckMs} ms) against a full check's ${out.medianFullCheckMs} ms\n`,
  );
  if (disagreements.length) process.exitCode = 1;
}

void main();
