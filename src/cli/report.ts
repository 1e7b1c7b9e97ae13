/** The human-readable `ptrack check` report: findings grouped by sheet and rule, with counts. */

import type { CheckReport, LocalisedFinding } from "../app/check";
import { SEVERITY_ORDER, type RuleId, type Severity } from "../core/findings";
import { PROCESS_RULE_IDS } from "../core/rules/process";
import type { Lang } from "../core/settings";
import { ruleTitle } from "../i18n/messages";
import { cliWords, countsLine, severityWord } from "../i18n/cli";

/** At most this many findings of one rule on one sheet are listed; the rest are counted. */
const PER_RULE = 20;

interface Style {
  bold(s: string): string;
  dim(s: string): string;
  sev(s: Severity, text: string): string;
}

const PLAIN: Style = { bold: (s) => s, dim: (s) => s, sev: (_s, t) => t };
const ANSI: Style = {
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  sev: (s, t) => `\x1b[${s === "error" ? 31 : s === "warning" ? 33 : 36}m${t}\x1b[39m`,
};

const MARK: Record<Severity, string> = { error: "✖", warning: "▲", info: "ℹ" };

export function formatReport(file: string, r: CheckReport, lang: Lang, color: boolean): string {
  const w = cliWords(lang);
  const st = color ? ANSI : PLAIN;
  const out: string[] = [];
  out.push(st.bold(`项目跟踪 ${w.report} · ${file} · ${w.asOf} ${r.asOf}`), "");

  out.push(st.bold(w.tables));
  if (r.tables.length === 0) out.push(`  ${w.noTables}`);
  // Tables of one shape one after another (a workbook of one sheet per contract): one entry
  // naming their places, their unmapped columns and skipped rules said once.
  for (const run of sameShapeRuns(r.tables)) {
    const t = run[0];
    const name = st.bold(t.payable ? w.payables : w.kindName[t.kind]);
    if (run.length >= SAME_SHAPE_MIN) {
      const places = run.slice(0, 5).map((x) => `${x.sheet}!${x.headerRow}:${x.lastRow}`);
      const rows = run.reduce((s, x) => s + x.lastRow - x.firstRow + 1, 0);
      out.push(
        `  ${name} ×${run.length}  ${w.sameShape(run.length, places, rows, Object.keys(t.columns).length)}`,
      );
    } else {
      for (const x of run) {
        const cols = Object.keys(x.columns).length;
        const n = x.lastRow - x.firstRow + 1;
        const where = `${x.sheet}!${x.headerRow}:${x.lastRow}`;
        const shape =
          lang === "zh"
            ? `表头第 ${x.headerRows === 2 ? `${x.headerRow - 1}–` : ""}${x.headerRow} 行，数据第 ${x.firstRow}–${x.lastRow} 行（${n} 行），${cols} 列已映射`
            : `${x.headerRows === 2 ? `header rows ${x.headerRow - 1}–` : "header row "}${x.headerRow}, data rows ${x.firstRow}–${x.lastRow} (${n}), ${cols} columns mapped`;
        out.push(`  ${name}  ${st.dim(where)}  ${shape}`);
        if (x.phases)
          out.push(
            lang === "zh"
              ? `      阶段: ${x.phases.map((p) => `${p.name}（${p.start}–${p.end}）`).join("、")}，共 ${x.tasks ?? 0} 项任务（每行每阶段一项）`
              : `      phases: ${x.phases.map((p) => `${p.name} (${p.start}–${p.end})`).join(", ")}; ${x.tasks ?? 0} tasks (one per row and phase)`,
          );
      }
    }
    if (t.unmapped.length) out.push(st.dim(`      ${w.unmapped}: ${t.unmapped.join("、")}`));
    const skipped = skippedLine(
      t.skippedRules,
      r.tables.some((x) => x.kind === "changes"),
      lang,
    );
    if (skipped) out.push(st.dim(`      ${w.skipped}: ${skipped}`));
  }
  out.push("");

  if (r.findings.length === 0) out.push(w.none, "");
  for (const [sheet, findings] of groupBy(r.findings, (f) => f.sheet)) {
    out.push(st.bold(sheet));
    const byRule = [...groupBy(findings, (f) => f.rule)].sort(
      ([, a], [, b]) => SEVERITY_ORDER[a[0].severity] - SEVERITY_ORDER[b[0].severity],
    );
    for (const [rule, list] of byRule) {
      const sev = list[0].severity;
      out.push(
        `  ${st.sev(sev, `${MARK[sev]} ${severityWord(sev, lang)}`)}  ${st.bold(ruleTitle(rule, lang))} ${st.dim(rule)} ×${list.length}`,
      );
      for (const f of list.slice(0, PER_RULE)) out.push(`      ${st.dim(where(f).padEnd(8))} ${f.message}`);
      if (list.length > PER_RULE) out.push(st.dim(`      ${w.more(list.length - PER_RULE)}`));
    }
    out.push("");
  }

  if (r.notices.length) {
    const counts = [...groupBy(r.notices, (n) => n.type)].map(([t, l]) => `${t} ×${l.length}`);
    out.push(`${st.bold(w.notices)}: ${counts.join(" · ")}`);
  }
  out.push(`${st.bold(w.summary)}: ${countsLine(r.summary, lang)}`);
  return out.join("\n") + "\n";
}

/** Consecutive tables this many or more of one shape are listed as one entry. */
const SAME_SHAPE_MIN = 3;

type ReportTable = CheckReport["tables"][number];

/** Consecutive tables of one kind with the same columns mapped, unmapped and skipped rules. */
function sameShapeRuns(tables: ReportTable[]): ReportTable[][] {
  const key = (t: ReportTable) =>
    JSON.stringify([
      t.kind,
      t.payable ?? false,
      Object.keys(t.columns).sort(),
      t.unmapped,
      t.skippedRules,
      t.phases,
    ]);
  const runs: ReportTable[][] = [];
  let prev: string | undefined;
  for (const t of tables) {
    const k = key(t);
    if (k === prev) runs[runs.length - 1].push(t);
    else runs.push([t]);
    prev = k;
  }
  // Runs too short to summarise keep a line of their own, each with its columns.
  return runs.flatMap((run) => (run.length >= SAME_SHAPE_MIN ? [run] : run.map((t) => [t])));
}

const PROCESS = new Set<RuleId>(PROCESS_RULE_IDS);

/**
 * The rules a table could not run, on one quiet line: each named, but the process rules (one column
 * each, most of them absent from most ledgers) only counted, and the plan-change approval rule said
 * to wait for a 变更申请 register when the workbook has none.
 */
function skippedLine(ids: readonly RuleId[], hasChanges: boolean, lang: Lang): string {
  const w = cliWords(lang);
  const named = ids
    .filter((id) => !PROCESS.has(id))
    .map((id) =>
      id === "schedule.change-unapproved" && !hasChanges ? `${id}（${w.noChangeRegister}）` : id,
    );
  const process = ids.filter((id) => PROCESS.has(id)).length;
  if (process > 0) named.push(w.processSkipped(process));
  return named.join(", ");
}

function where(f: LocalisedFinding): string {
  return f.cell ?? (f.row !== undefined ? String(f.row) : "");
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}
