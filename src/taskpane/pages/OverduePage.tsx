/**
 * 逾期: how many tasks, deliveries and payments are overdue, and how many fall due soon. Each
 * tile opens its worklist, longest overdue first, with the owner and the amount; payments show
 * the ¥ outstanding in all. Each item goes to its cell. Below, each linked schedule's critical path,
 * then the plan's variance against its baseline and 设为基线 (./BaselinePanel).
 */

import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import type { Lang } from "../../core/settings";
import { paneWords } from "../../i18n/pane";
import { NO_FILTER, TILES, type TileKey } from "../findings-query";
import type { PaneFinding } from "../jobs";
import { BaselinePanel, type BaselinePanelProps } from "./BaselinePanel";
import { CriticalPath } from "./CriticalPath";
import { FindingList, findingTarget, type ListRow } from "./FindingList";
import { rowOf, useFindings, useOverview, type AnyReport, type AskFindings } from "./useFindings";

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

export interface OverduePageProps {
  report: AnyReport | undefined;
  /** Asks where the findings are kept for the rows shown (absent: the report holds them). */
  query?: AskFindings;
  lang: Lang;
  onSelect?(sheet: string, cell: string): void;
  selected?: string;
  /** 设为基线 and the variance against the baseline; absent where the pane cannot write. */
  baseline?: Omit<BaselinePanelProps, "report" | "lang">;
}

const NO_HEADS: number[] = [];

export function OverduePage({ report, query, lang, onSelect, selected, baseline }: OverduePageProps) {
  const w = paneWords(lang).overdue;
  const cw = paneWords(lang).check;
  const s = useStyles();
  const [tile, setTile] = useState<TileKey>();
  const overview = useOverview(report);
  // An open tile's list: its rules, longest overdue first.
  const q = useMemo(() => {
    const rules = TILES.find((t) => t.key === tile)?.rules;
    return (
      rules && {
        filter: { ...NO_FILTER, sort: "late" as const },
        me: "",
        rules,
        grouped: false,
        open: [],
        closed: [],
      }
    );
  }, [tile]);
  const { window, need } = useFindings(report, query, q);
  const row = useCallback((i: number) => rowOf(window, i) as ListRow | undefined, [window]);
  if (!report) return <Text>{w.notRun}</Text>;
  const outstanding = overview?.tiles.payments.amount ?? 0;
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
          const n = overview?.tiles[t.key].count ?? 0;
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
        ((overview?.tiles[tile].count ?? 0) === 0 ? (
          <Text as="p" block>
            {w.empty}
          </Text>
        ) : (
          <FindingList
            length={window?.length ?? 0}
            groups={NO_HEADS}
            row={row}
            onRange={need}
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
