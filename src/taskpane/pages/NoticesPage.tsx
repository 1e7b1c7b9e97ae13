/** 通知: the notices the findings call for, and the action that writes them with the 通知台账. */

import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { CheckReport } from "../../app/check";
import type { Lang } from "../../core/settings";
import { paneWords } from "../../i18n/pane";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0`, paddingInlineStart: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXS },
  facts: { color: tokens.colorNeutralForeground3 },
});

export interface NoticesPageProps {
  report: CheckReport | undefined;
  lang: Lang;
  busy: boolean;
  onGenerate(): void;
}

/** The facts a reader identifies a notice by: its contract or task, customer and amount. */
function describe(facts: Record<string, string | number>): string {
  return ["contractNo", "wbs", "contractName", "task", "customer"]
    .map((k) => facts[k])
    .filter((v) => v !== undefined && v !== "")
    .join(" · ");
}

export function NoticesPage({ report, lang, busy, onGenerate }: NoticesPageProps) {
  const w = paneWords(lang).notices;
  const s = useStyles();
  if (!report) return <Text>{w.notRun}</Text>;
  const notices = report.notices;
  return (
    <div>
      {notices.length === 0 ? (
        <Text as="p" block>
          {w.none}
        </Text>
      ) : (
        <ol className={s.list}>
          {notices.map((n) => (
            <li key={n.key} className={s.item}>
              <Text weight="semibold">{n.type}</Text> <Text size={200}>{`${n.sheet}!${n.row}:${n.row}`}</Text>
              <br />
              <Text size={200} className={s.facts}>
                {describe(n.facts)}
              </Text>
            </li>
          ))}
        </ol>
      )}
      <Button appearance="primary" disabled={busy || notices.length === 0} onClick={onGenerate}>
        {w.generate}
      </Button>
    </div>
  );
}
