/**
 * 基线 on the 逾期 page: the variance of the plan against the baseline the rules use (start,
 * finish, duration in working days on the 调休 calendar), the saved baselines, and 设为基线. Saving
 * over an existing name asks first; a refusal (a 12th baseline) is shown as its one sentence.
 */

import {
  Button,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import type { CheckReport } from "../../app/check";
import { BASELINE_NAMES, MAX_BASELINES, sameName, varianceCounts } from "../../core/baseline";
import type { Lang } from "../../core/settings";
import { baselineWords } from "../../i18n/baseline";
import { LISTED_VARIANCE, movedTasks } from "../findings-query";
import type { PaneBaselineOutcome } from "../jobs";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { width: "100%", borderCollapse: "collapse", margin: `${tokens.spacingVerticalS} 0` },
  cell: { textAlign: "start", padding: `2px ${tokens.spacingHorizontalXS}`, verticalAlign: "top" },
  num: { textAlign: "end", padding: `2px ${tokens.spacingHorizontalXS}`, whiteSpace: "nowrap" },
  late: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingInlineStart: tokens.spacingHorizontalL },
  form: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** At most this many changed tasks are listed; the CLI's `baseline show` has them all. */
export { LISTED_VARIANCE };

export interface BaselinePanelProps {
  report: Omit<CheckReport, "findings">;
  lang: Lang;
  busy: boolean;
  onSet(name: string | undefined, replace: boolean): void;
  outcome?: PaneBaselineOutcome;
  /** Asks the user before a save over an existing baseline (window.confirm by default). */
  confirm?(text: string): boolean;
}

const signed = (n: number | undefined) => (n === undefined ? "" : n > 0 ? `+${n}` : String(n));

export function BaselinePanel({ report, lang, busy, onSet, outcome, confirm }: BaselinePanelProps) {
  const w = baselineWords(lang).pane;
  const s = useStyles();
  const nameId = useId();
  const [name, setName] = useState("");
  const b = report.baseline;
  const saved = b?.saved ?? [];
  const next = BASELINE_NAMES.find((n) => !saved.some((x) => sameName(x.name, n)));
  // From the worker: the counts and the first moved tasks only (a report made on the page: all).
  const counts = b ? (b.counts ?? varianceCounts(b.variance)) : undefined;
  const listed = b ? movedTasks(b.variance, LISTED_VARIANCE) : [];
  const submit = () => {
    const wanted = name.trim() || undefined;
    const existing = wanted === undefined ? undefined : saved.find((x) => sameName(x.name, wanted));
    if (existing) {
      const ask = confirm ?? ((t: string) => window.confirm(t));
      if (!ask(w.confirmReplace(existing.name, existing.savedAt))) return;
      onSet(existing.name, true);
    } else onSet(wanted, false);
  };
  return (
    <section className={s.section} aria-labelledby={`${nameId}-h`}>
      <h2 id={`${nameId}-h`}>
        <Text weight="semibold" size={400}>
          {w.heading}
        </Text>
      </h2>
      {!b ? (
        <Text as="p" block>
          {w.none}
        </Text>
      ) : (
        <>
          <Text as="p" block>
            {w.compared(b.compared, saved.find((x) => x.name === b.compared)?.savedAt ?? "")}
          </Text>
          <Text as="p" block>
            {!counts || counts.moved === 0
              ? w.unchanged
              : w.summary({
                  changed: counts.changed,
                  later: counts.later,
                  added: counts.added,
                  removed: counts.removed,
                })}
          </Text>
          {listed.length > 0 && (
            <table className={s.table} aria-label={w.varianceLabel}>
              <thead>
                <tr>
                  {w.columns.map((c, i) => (
                    <th key={c} scope="col" className={i === 0 ? s.cell : s.num}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {listed.map((v) => (
                  <tr key={`${v.sheet}\u0000${v.key}`}>
                    <th scope="row" className={s.cell}>
                      {v.key} {v.task}
                    </th>
                    {v.status === "changed" ? (
                      <>
                        <td className={s.num}>{signed(v.startVariance)}</td>
                        <td className={(v.finishVariance ?? 0) > 0 ? `${s.num} ${s.late}` : s.num}>
                          {signed(v.finishVariance)}
                        </td>
                        <td className={s.num}>{signed(v.durationVariance)}</td>
                      </>
                    ) : (
                      <td className={s.num} colSpan={3}>
                        {v.status === "added" ? w.added : w.removed}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {counts && counts.moved > LISTED_VARIANCE && (
            <Text as="p" block className={s.hint}>
              {w.more(counts.moved - LISTED_VARIANCE)}
            </Text>
          )}
          <Text as="p" block weight="semibold">
            {w.savedLabel(saved.length, MAX_BASELINES)}
          </Text>
          <ul className={s.list}>
            {saved.map((x) => (
              <li key={x.name}>
                <Text>{w.savedItem(x)}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className={s.form}>
        <div className={s.field}>
          <label htmlFor={nameId}>
            <Text>{w.nameLabel}</Text>
          </label>
          <Input
            id={nameId}
            value={name}
            placeholder={next ?? ""}
            onChange={(_e, d) => setName(d.value)}
            disabled={busy}
          />
        </div>
        <Button onClick={submit} disabled={busy}>
          {w.set}
        </Button>
      </div>
      {outcome && (
        <MessageBar intent={outcome.ok ? "success" : "error"} role={outcome.ok ? "status" : "alert"}>
          <MessageBarBody>
            {outcome.ok
              ? w.done(outcome.name, outcome.tasks, outcome.replaced, outcome.version)
              : outcome.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
