/**
 * 校验: the findings as a worklist. Counts by severity, then one group per rule with its count
 * (collapsed when there are many), filters by severity, rule, sheet, person and contract, a
 * search, sorting by days overdue or amount, and 「我的事项」: the rows where the user's display
 * name is the 负责人, 客服经理 or 销售经理. Each finding goes to its cell.
 */

import { Button, Checkbox, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import type { Severity } from "../../core/findings";
import type { Lang } from "../../core/settings";
import { ruleTitle } from "../../i18n/messages";
import { paneWords } from "../../i18n/pane";
import { NO_FILTER, type Filter, type SortKey } from "../findings-query";
import type { PaneFinding } from "../jobs";
import { FindingList, findingTarget, type ListRow } from "./FindingList";
import { rowOf, useFindings, useOverview, type AnyReport, type AskFindings } from "./useFindings";

export { findingRef } from "./FindingList";

const useStyles = makeStyles({
  filters: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  field: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  tools: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  search: { margin: `${tokens.spacingVerticalXS} 0` },
  more: { margin: `${tokens.spacingVerticalXS} 0` },
  summary: {
    cursor: "pointer",
    padding: `${tokens.spacingVerticalXS} 0`,
    color: tokens.colorBrandForeground1,
  },
});

export { filterFindings, NO_FILTER, type Filter, type SortKey } from "../findings-query";

export interface CheckPageProps {
  report: AnyReport | undefined;
  /** Asks where the findings are kept for the rows shown (absent: the report holds them). */
  query?: AskFindings;
  lang: Lang;
  selected?: string;
  onSelect(sheet: string, cell: string): void;
  /** The user's display name, for 「我的事项」. */
  me?: string;
}

const NO_GROUPS = { open: [] as string[], closed: [] as string[] };

export function CheckPage({ report, query, lang, selected, onSelect, me = "" }: CheckPageProps) {
  const w = paneWords(lang).check;
  const s = useStyles();
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  // Groups the user opened or closed, for one report.
  const [held, setHeld] = useState<{ report?: AnyReport; open: string[]; closed: string[] }>(NO_GROUPS);
  const deferred = useDeferredValue(filter);
  const overview = useOverview(report);
  const rules = useMemo(() => overview?.rules.map((r) => r.rule) ?? [], [overview]);
  const sheets = overview?.sheets ?? [];
  const groups = held.report === report ? held : NO_GROUPS;
  const q = useMemo(
    () => ({ filter: deferred, me, grouped: true, open: groups.open, closed: groups.closed }),
    [deferred, me, groups.open, groups.closed],
  );
  const { window, lost, need } = useFindings(report, query, q);
  const heads = useMemo(() => window?.groups.map((g) => g.at) ?? [], [window]);
  const row = useCallback(
    (i: number): ListRow | undefined => {
      const r = rowOf(window, i);
      if (!r || r.kind === "item") return r;
      const g = r.group;
      return {
        kind: "group",
        key: r.key,
        label: w.group(w.severity[g.severity], ruleTitle(g.rule, lang), g.count),
        count: g.count,
        expanded: g.expanded,
      };
    },
    [window, w, lang],
  );
  const toggle = useCallback(
    (rule: string) =>
      setHeld((h) => {
        const same = h.report === report ? h : NO_GROUPS;
        const expanded = window?.groups.find((g) => g.rule === rule)?.expanded === true;
        const o = same.open.filter((x) => x !== rule);
        const c = same.closed.filter((x) => x !== rule);
        (expanded ? c : o).push(rule);
        return { report, open: o, closed: c };
      }),
    [report, window],
  );
  const set = <K extends keyof Filter>(k: K, v: Filter[K]) => setFilter((f) => ({ ...f, [k]: v }));
  const meta = useCallback(
    (f: PaneFinding) =>
      [
        f.days !== undefined && f.days > 0 ? w.days(f.days) : "",
        f.amount !== undefined ? w.amount(f.amount) : "",
        f.who?.join("、") ?? "",
      ]
        .filter(Boolean)
        .join(" · "),
    [w],
  );

  if (!report) return <Text>{w.notRun}</Text>;
  const { errors, warnings, infos } = report.summary;
  const total = overview?.total ?? 0;
  const shown = window?.shown ?? total;
  const filtered = shown !== total;
  // Filters set beyond search and 我的事项 (the sort counts when it is not the default).
  const active =
    (["severity", "rule", "sheet", "person", "contract"] as const).filter((k) => filter[k]).length +
    (filter.sort !== "place" ? 1 : 0);
  return (
    <div>
      <Text as="p" block weight="semibold">
        {w.summary(errors, warnings, infos)}
      </Text>
      <Text as="p" block size={200}>
        {w.asOf(report.asOf)}
      </Text>
      {total === 0 ? (
        <Text as="p" block>
          {w.none}
        </Text>
      ) : (
        <>
          <div className={s.tools}>
            <Checkbox
              checked={filter.mine}
              disabled={!me}
              onChange={(_e, d) => set("mine", d.checked === true)}
              label={w.mine(me)}
            />
          </div>
          {!me && (
            <Text as="p" block size={200} className={s.hint}>
              {w.mineHint}
            </Text>
          )}
          <div className={s.search}>
            <div className={s.field}>
              <label htmlFor="f-search">{w.search}</label>
              <Input
                id="f-search"
                type="search"
                value={filter.search}
                onChange={(_e, d) => set("search", d.value)}
              />
            </div>
          </div>
          <details className={s.more}>
            <summary className={s.summary}>{w.more(active)}</summary>
            <div className={s.filters}>
              <div className={s.field}>
                <label htmlFor="f-severity">{w.severityLabel}</label>
                <Select
                  id="f-severity"
                  value={filter.severity}
                  onChange={(_e, d) => set("severity", d.value as Severity | "")}
                >
                  <option value="">{w.all}</option>
                  {(["error", "warning", "info"] as Severity[]).map((v) => (
                    <option key={v} value={v}>
                      {w.severity[v]}
                    </option>
                  ))}
                </Select>
              </div>
              <div className={s.field}>
                <label htmlFor="f-rule">{w.rule}</label>
                <Select id="f-rule" value={filter.rule} onChange={(_e, d) => set("rule", d.value)}>
                  <option value="">{w.all}</option>
                  {rules.map((r) => (
                    <option key={r} value={r}>
                      {ruleTitle(r, lang)}
                    </option>
                  ))}
                </Select>
              </div>
              <div className={s.field}>
                <label htmlFor="f-sheet">{w.sheet}</label>
                <Select id="f-sheet" value={filter.sheet} onChange={(_e, d) => set("sheet", d.value)}>
                  <option value="">{w.all}</option>
                  {sheets.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </Select>
              </div>
              <div className={s.field}>
                <label htmlFor="f-person">{w.person}</label>
                <Input id="f-person" value={filter.person} onChange={(_e, d) => set("person", d.value)} />
              </div>
              <div className={s.field}>
                <label htmlFor="f-contract">{w.contract}</label>
                <Input
                  id="f-contract"
                  value={filter.contract}
                  onChange={(_e, d) => set("contract", d.value)}
                />
              </div>
              <div className={s.field}>
                <label htmlFor="f-sort">{w.sort}</label>
                <Select id="f-sort" value={filter.sort} onChange={(_e, d) => set("sort", d.value as SortKey)}>
                  <option value="place">{w.sortPlace}</option>
                  <option value="days">{w.sortDays}</option>
                  <option value="amount">{w.sortAmount}</option>
                </Select>
              </div>
            </div>
          </details>
          <div className={s.tools}>
            <Text size={200}>{w.shown(shown, total)}</Text>
            {filtered && (
              <Button
                size="small"
                appearance="subtle"
                onClick={() => setFilter({ ...NO_FILTER, sort: filter.sort })}
              >
                {w.clear}
              </Button>
            )}
          </div>
          {lost && (
            <Text as="p" block size={200} className={s.hint}>
              {w.notRun}
            </Text>
          )}
          <FindingList
            length={window?.length ?? 0}
            groups={heads}
            row={row}
            onRange={need}
            label={w.list}
            help={w.listHelp}
            selected={selected}
            meta={meta}
            onSelect={(f) => onSelect(f.sheet, findingTarget(f))}
            onToggle={toggle}
          />
        </>
      )}
    </div>
  );
}
