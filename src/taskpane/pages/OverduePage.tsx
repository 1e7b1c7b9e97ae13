/** 逾期: how many tasks, deliveries and payments are overdue, and how many fall due soon. */

import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { CheckReport } from "../../app/check";
import type { RuleId } from "../../core/findings";
import type { Lang } from "../../core/settings";
import { paneWords } from "../../i18n/pane";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  tile: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
  },
  count: {
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightHero700,
  },
  hot: { color: tokens.colorPaletteRedForeground1 },
});

/** Each tile counts the findings of the rules that report it. */
const TILES: Array<{ key: "tasks" | "deliveries" | "payments" | "dueSoon"; rules: RuleId[] }> = [
  { key: "tasks", rules: ["schedule.overdue"] },
  { key: "deliveries", rules: ["contract.delivery-overdue"] },
  { key: "payments", rules: ["contract.payment-overdue"] },
  { key: "dueSoon", rules: ["schedule.due-soon", "contract.delivery-due-soon"] },
];

export function OverduePage({ report, lang }: { report: CheckReport | undefined; lang: Lang }) {
  const w = paneWords(lang).overdue;
  const s = useStyles();
  if (!report) return <Text>{w.notRun}</Text>;
  return (
    <div>
      <Text as="p" block weight="semibold">
        {w.asOf(report.asOf)}
      </Text>
      <div className={s.grid}>
        {TILES.map((t) => {
          const n = report.findings.filter((f) => t.rules.includes(f.rule)).length;
          return (
            <div key={t.key} className={s.tile} role="group" aria-label={`${w[t.key]} ${n}`}>
              <span className={n > 0 && t.key !== "dueSoon" ? `${s.count} ${s.hot}` : s.count}>{n}</span>
              <Text>{w[t.key]}</Text>
            </div>
          );
        })}
      </div>
    </div>
  );
}
