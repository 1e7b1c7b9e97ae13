/**
 * 校验: the findings as a worklist. Counts by severity, then one group per rule with its count
 * (collapsed when there are many), filters by severity, rule, sheet, person and contract, a
 * search, sorting by days overdue or amount, and 「我的事项」: the rows where the user's display
 * name is the 负责人, 客服经理 or 销售经理. Each finding goes to its cell.
 */

import { Button, Checkbox, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { SEVERITY_ORDER, type Severity } from "../../core/findings";
import type { Lang } from "../../core/settings";
import { ruleTitle } from "../../i18n/messages";
import { paneWords } from "../../i18n/pane";
import type { PaneFinding, PaneReport } from "../jobs";
import { FindingList, findingTarget, type ListRow } from "./FindingList";

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

export type SortKey = "place" | "days" | "amount";

export interface Filter {
  severity: Severity | "";
  rule: string;
  sheet: string;
  person: string;
  contract: string;
  search: string;
  mine: boolean;
  sort: SortKey;
}

export const NO_FILTER: Filter = {
  severity: "",
  rule: "",
  sheet: "",
  person: "",
  contract: "",
  search: "",
  mine: false,
  sort: "place",
};

/** Groups start closed when there are more findings than fit a few screens. */
const OPEN_UP_TO = 300;

/** The findings the filter lets through, sorted as asked (stable: sheet order otherwise). */
export function filterFindings(findings: PaneFinding[], f: Filter, me: string): PaneFinding[] {
  const q = f.search.trim().toLowerCase();
  const person = f.person.trim();
  const contract = f.contract.trim().toLowerCase();
  const out = findings.filter(
    (x) =>
      (!f.severity || x.severity === f.severity) &&
      (!f.rule || x.rule === f.rule) &&
      (!f.sheet || x.sheet === f.sheet) &&
      (!f.mine || (me !== "" && x.who?.includes(me) === true)) &&
      (!person || x.who?.some((p) => p.includes(person)) === true) &&
      (!contract || x.contract?.toLowerCase().includes(contract) === true) &&
      (!q ||
        x.message.toLowerCase().includes(q) ||
        `${x.sheet}!${x.cell ?? ""}`.toLowerCase().includes(q) ||
        x.who?.some((p) => p.toLowerCase().includes(q)) === true),
  );
  if (f.sort === "days") return out.sort((a, b) => (b.days ?? -Infinity) - (a.days ?? -Infinity));
  if (f.sort === "amount") return out.sort((a, b) => (b.amount ?? -Infinity) - (a.amount ?? -Infinity));
  return out;
}

/** One group per rule, errors first, in the rule's first appearance within a severity. */
export function groupRows(
  findings: PaneFinding[],
  lang: Lang,
  open: ReadonlySet<string>,
  closed: ReadonlySet<string>,
): ListRow[] {
  const groups = new Map<string, PaneFinding[]>();
  for (const f of findings) {
    const g = groups.get(f.rule);
    if (g) g.push(f);
    else groups.set(f.rule, [f]);
  }
  const w = paneWords(lang).check;
  const byDefault = findings.length <= OPEN_UP_TO;
  const rows: ListRow[] = [];
  const order = [...groups].sort(
    (a, b) => SEVERITY_ORDER[a[1][0].severity] - SEVERITY_ORDER[b[1][0].severity],
  );
  for (const [rule, list] of order) {
    const expanded = open.has(rule) || (byDefault && !closed.has(rule));
    rows.push({
      kind: "group",
      key: rule,
      label: w.group(w.severity[list[0].severity], ruleTitle(rule, lang), list.length),
      count: list.length,
      expanded,
    });
    if (expanded) list.forEach((f, i) => rows.push({ kind: "item", key: `${rule}:${i}`, group: rule, f }));
  }
  return rows;
}

export interface CheckPageProps {
  report: PaneReport | undefined;
  lang: Lang;
  selected?: string;
  onSelect(sheet: string, cell: string): void;
  /** The user's display name, for 「我的事项」. */
  me?: string;
}

export function CheckPage({ report, lang, selected, onSelect, me = "" }: CheckPageProps) {
  const w = paneWords(lang).check;
  const s = useStyles();
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [open, setOpen] = useState<{ report?: PaneReport; open: Set<string>; closed: Set<string> }>({
    open: new Set(),
    closed: new Set(),
  });
  const deferred = useDeferredValue(filter);
  const findings = useMemo(() => report?.findings ?? [], [report]);
  const rules = useMemo(() => [...new Set(findings.map((f) => f.rule))], [findings]);
  const sheets = useMemo(() => [...new Set(findings.map((f) => f.sheet))], [findings]);
  const shown = useMemo(() => filterFindings(findings, deferred, me), [findings, deferred, me]);
  const groups = open.report === report ? open : { open: new Set<string>(), closed: new Set<string>() };
  const rows = useMemo(
    () => groupRows(shown, lang, groups.open, groups.closed),
    [shown, lang, groups.open, groups.closed],
  );
  const toggle = useCallback(
    (rule: string) =>
      setOpen((held) => {
        const same = held.report === report ? held : { open: new Set<string>(), closed: new Set<string>() };
        const row = rows.find((r) => r.kind === "group" && r.key === rule);
        const expanded = row?.kind === "group" && row.expanded;
        const o = new Set(same.open);
        const c = new Set(same.closed);
        (expanded ? o : c).delete(rule);
        (expanded ? c : o).add(rule);
        return { report, open: o, closed: c };
      }),
    [report, rows],
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
  const filtered = shown.length !== findings.length;
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
      {findings.length === 0 ? (
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
            <Text size={200}>{w.shown(shown.length, findings.length)}</Text>
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
          <FindingList
            rows={rows}
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
