/**
 * `ptrack baseline set|list|show FILE.xlsx`: save the schedule's plan as a named baseline (written
 * like `apply`: to -o OUT, default NAME.ptrack.xlsx, or over the input with --in-place), list the
 * saved ones, and show the variance of the plan against one.
 */

import { baselineReport, readBaselines, runBaselineSet } from "../app/baseline";
import { MAX_BASELINES, type TaskVariance } from "../core/baseline";
import { refusalMessage } from "../core/plan/baseline";
import { XlsxHost } from "../host/xlsx/host";
import { InputError, readXlsx } from "../host/xlsx/read";
import { baselineWords } from "../i18n/baseline";
import { cliWords } from "../i18n/cli";
import { inputErrorMessage } from "../i18n/errors";
import { openForWrite, UsageError, userName, type Io, type Options } from "./main";
import { saveAtomically } from "./output";

export async function baselineCommand(positionals: string[], o: Options, io: Io): Promise<number> {
  const w = baselineWords(o.lang);
  const [sub, file, ...extra] = positionals;
  if (!sub) throw new UsageError(w.usage);
  if (sub !== "set" && sub !== "list" && sub !== "show") throw new UsageError(w.unknownSub(sub));
  if (!file || extra.length > 0) throw new UsageError(w.missingFile(sub));
  if (sub !== "set" && (o.replace || o.output || o.inPlace))
    throw new UsageError(w.onlyForSet(o.replace ? "--replace" : o.output ? "-o" : "--in-place"));
  if (o.output && o.inPlace) throw new UsageError(cliWords(o.lang).outputOrInPlace);
  try {
    if (sub === "set") return await set(file, o, io);
    const wb = await readXlsx(file);
    if (sub === "list") {
      const saved = readBaselines(wb);
      if (o.json) {
        io.stdout(
          JSON.stringify({
            file,
            baselines: saved.map((b) => ({
              name: b.name,
              version: b.version,
              savedAt: b.savedAt,
              savedBy: b.savedBy,
              tasks: b.tasks.length,
            })),
          }) + "\n",
        );
        return 0;
      }
      if (saved.length === 0) {
        io.stdout(w.none + "\n");
        return 0;
      }
      io.stdout(w.listHeading(saved.length, MAX_BASELINES) + "\n");
      for (const b of saved) io.stdout(w.listRow({ ...b, tasks: b.tasks.length }) + "\n");
      return 0;
    }
    const report = baselineReport(wb, { name: o.name, asOf: o.today, now: io.now });
    if (!report) {
      const names = readBaselines(wb).map((b) => b.name);
      if (o.name === undefined) io.stderr(w.none + "\n");
      else io.stderr(w.unknown(o.name, names) + "\n");
      return 2;
    }
    if (o.json) {
      io.stdout(
        JSON.stringify({
          file,
          asOf: report.asOf,
          baseline: {
            name: report.baseline.name,
            version: report.baseline.version,
            savedAt: report.baseline.savedAt,
          },
          tasks: report.variance,
        }) + "\n",
      );
      return 0;
    }
    io.stdout(
      formatVariance(report.baseline.name, report.baseline.savedAt, report.asOf, report.variance, o) + "\n",
    );
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(inputErrorMessage(e, o.lang, file) + "\n");
      return 2;
    }
    throw e;
  }
}

async function set(file: string, o: Options, io: Io): Promise<number> {
  const w = baselineWords(o.lang);
  const opened = await openForWrite(file, o, io);
  if (!opened) return 2;
  const { bytes, out } = opened;
  const host = new XlsxHost(bytes);
  const outcome = await runBaselineSet(host, {
    name: o.name,
    replace: o.replace,
    lang: o.lang,
    user: process.env.PTRACK_USER || userName(),
    now: io.now,
  });
  if (!outcome.ok) {
    io.stderr(refusalMessage(outcome.refusal, o.lang) + "\n");
    return 2;
  }
  await saveAtomically(out, host.bytes);
  io.stdout(
    (outcome.replaced
      ? w.replaced(outcome.name, outcome.version, outcome.tasks)
      : w.saved(outcome.name, outcome.tasks)) + "\n",
  );
  io.stdout(cliWords(o.lang).wrote(out) + "\n");
  return 0;
}

/** The variance table: one line per task, changed tasks first, then the counts. */
function formatVariance(
  name: string,
  savedAt: string,
  asOf: string,
  rows: TaskVariance[],
  o: Options,
): string {
  const w = baselineWords(o.lang);
  const order = { changed: 0, added: 1, removed: 2, same: 3 } as const;
  const sorted = [...rows].sort((a, b) => order[a.status] - order[b.status]);
  const table = [
    w.columns,
    ...sorted.map((v) => [
      v.key,
      v.task,
      v.baselineStart ?? "",
      v.start ?? "",
      w.days(v.startVariance),
      v.baselineEnd ?? "",
      v.end ?? "",
      w.days(v.finishVariance),
      v.baselineDuration === undefined ? "" : String(v.baselineDuration),
      v.duration === undefined ? "" : String(v.duration),
      w.days(v.durationVariance),
      w.status[v.status],
    ]),
  ];
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = w.columns.map((_, i) => Math.max(...table.map((r) => width(r[i]))));
  const lines = table.map((r) =>
    r
      .map((cell, i) => cell + " ".repeat(widths[i] - width(cell)))
      .join("  ")
      .trimEnd(),
  );
  const count = (s: TaskVariance["status"]) => rows.filter((v) => v.status === s).length;
  const totals = w.totals({
    changed: count("changed"),
    added: count("added"),
    removed: count("removed"),
    same: count("same"),
    later: rows.filter((v) => (v.finishVariance ?? 0) > 0).length,
  });
  return [w.showHeading(name, savedAt, asOf), "", ...lines, "", totals].join("\n");
}
