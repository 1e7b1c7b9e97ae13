/**
 * 逾期: how many tasks, deliveries and payments are overdue, and how many fall due soon. Each
 * tile opens its worklist, longest overdue first, with the owner and the amount; payments show
 * the ¥ outstanding in all. Each item goes to its cell. Below, each linked schedule's critical path,
 * then the plan's variance against its baseline and 设为基线 (./BaselinePanel).
 */

import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { RuleId } from "../../core/findings";
import type { Lang } from "../../core/settings";
import { paneWords } from "../../i18n/pane";
import type { PaneFinding, PaneReport } from "../jobs";
import { BaselinePanel, type BaselinePanelProps } from "./BaselinePanel";
import { CriticalPath } from "./CriticalPath";
import { FindingList, findingTarget, type ListRow } from "./FindingList";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  tile: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    textAlign: "start",
    background: tokens.colorNeutralBackground1,
    font: "inherit",
    color: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  open: { border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  count: {
    order: -1,
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightHero700,
  },
  hot: { color: tokens.colorPaletteRedForeground1 },
  total: { fontSize: tokens.fontSizeBase200 },
});

type TileKey = "tasks" | "deliveries" | "payments" | "documents" | "risks" | "dueSoon";

/** Each tile lists the findings of the rules that report it. */
const TILES: Array<{ key: TileKey; rules: RuleId[] }> = [
  { key: "tasks", rules: ["schedule.overdue", "schedule.milestone-missed"] },
  { key: "deliveries", rules: ["contract.delivery-overdue"] },
  { key: "payments", rules: ["contract.payment-overdue"] },
  { key: "documents", rules: ["document.step-overdue"] },
  { key: "risks", rules: ["risk.response-overdue", "issue.overdue"] },
  { key: "dueSoon", rules: ["schedule.due-soon", "contract.delivery-due-soon"] },
];

export interface OverduePageProps {
  report: PaneReport | undefined;
  lang: Lang;
  onSelect?(sheet: string, cell: string): void;
  selected?: string;
  /** 设为基线 and the variance against the baseline; absent where the pane cannot write. */
  baseline?: Omit<BaselinePanelProps, "report" | "lang">;
}

export function OverduePage({ report, lang, onSelect, selected, baseline }: OverduePageProps) {
  const w = paneWords(lang).overdue;
  const cw = paneWords(lang).check;
  const s = useStyles();
  const [tile, setTile] = useState<TileKey>();
  const lists = useMemo(() => {
    const out = new Map<TileKey, PaneFinding[]>();
    for (const t of TILES) {
      const list = (report?.findings ?? []).filter((f) => t.rules.includes(f.rule));
      out.set(
        t.key,
        list.sort((a, b) => (b.days ?? 0) - (a.days ?? 0)),
      );
    }
    return out;
  }, [report]);
  const rows = useMemo<ListRow[]>(
    () => (tile ? (lists.get(tile) ?? []).map((f, i) => ({ kind: "item", key: String(i), f })) : []),
    [lists, tile],
  );
  if (!report) return <Text>{w.notRun}</Text>;
  const outstanding = (lists.get("payments") ?? []).reduce((n, f) => n + (f.amount ?? 0), 0);
  const meta = (f: PaneFinding) =>
    [
      f.days !== undefined && f.days > 0 ? cw.days(f.days) : "",
      f.amount !== undefined ? cw.amount(f.amount) : "",
      f.who?.join("、") ?? "",
    ]
      .filter(Boolean)
      .join(" · ");
  return (
    <div>
      <Text as="p" block weight="semibold">
        {w.asOf(report.asOf)}
      </Text>
      <div className={s.grid}>
        {TILES.map((t) => {
          const n = lists.get(t.key)!.length;
          return (
            <button
              type="button"
              key={t.key}
              className={tile === t.key ? `${s.tile} ${s.open}` : s.tile}
              aria-pressed={tile === t.key}
              onClick={() => setTile(tile === t.key ? undefined : t.key)}
            >
              {/* Read as 「逾期收款 3 待收 ¥…」; the count shows first. */}
              <Text>{w[t.key]}</Text>{" "}
              <span className={n > 0 && t.key !== "dueSoon" ? `${s.count} ${s.hot}` : s.count}>{n}</span>
              {t.key === "payments" && n > 0 && (
                <>
                  {" "}
                  <Text className={s.total}>{w.outstanding(cw.amount(outstanding))}</Text>
                </>
              )}
            </button>
          );
        })}
      </div>
      {tile &&
        (rows.length === 0 ? (
          <Text as="p" block>
            {w.empty}
          </Text>
        ) : (
          <FindingList
            rows={rows}
            label={w[tile]}
            help={cw.listHelp}
            selected={selected}
            meta={meta}
            onSelect={(f) => onSelect?.(f.sheet, findingTarget(f))}
          />
        ))}
      <CriticalPath views={report.critical ?? []} lang={lang} onSelect={onSelect} selected={selected} />
      {baseline && <BaselinePanel report={report} lang={lang} {...baseline} />}
    </div>
  );
}
