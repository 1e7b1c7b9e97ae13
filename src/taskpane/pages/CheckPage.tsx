/** 校验: findings grouped by severity, then by rule; each names its cell and selects it on click. */

import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { CheckReport, LocalisedFinding } from "../../app/check";
import type { Severity } from "../../core/findings";
import type { Lang } from "../../core/settings";
import { ruleTitle } from "../../i18n/messages";
import { paneWords } from "../../i18n/pane";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0 },
  group: { margin: `${tokens.spacingVerticalS} 0` },
  heading: {
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase400,
  },
  rule: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`,
    fontSize: tokens.fontSizeBase300,
  },
  item: {
    display: "block",
    width: "100%",
    textAlign: "start",
    border: "none",
    borderLeft: `3px solid transparent`,
    background: "none",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    font: "inherit",
    color: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  current: {
    backgroundColor: tokens.colorBrandBackground2,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
  },
  count: {
    display: "inline-block",
    minWidth: "20px",
    padding: "0 6px",
    marginRight: "6px",
    borderRadius: tokens.borderRadiusCircular,
    textAlign: "center",
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase200,
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground3 },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeForeground1 },
  info: { backgroundColor: tokens.colorBrandBackground },
  ref: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1, marginRight: "6px" },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];

/** `sheet!cell`, or the sheet (and row) when the finding is about more than one cell. */
export function findingRef(f: LocalisedFinding): string {
  if (f.cell) return `${f.sheet}!${f.cell}`;
  return f.row ? `${f.sheet}!${f.row}:${f.row}` : f.sheet;
}

function groupByRule(findings: LocalisedFinding[]): Array<[string, LocalisedFinding[]]> {
  const groups = new Map<string, LocalisedFinding[]>();
  for (const f of findings) groups.set(f.rule, [...(groups.get(f.rule) ?? []), f]);
  return [...groups];
}

export interface CheckPageProps {
  report: CheckReport | undefined;
  lang: Lang;
  selected?: string;
  onSelect(sheet: string, cell: string): void;
}

export function CheckPage({ report, lang, selected, onSelect }: CheckPageProps) {
  const w = paneWords(lang).check;
  const s = useStyles();
  if (!report) return <Text>{w.notRun}</Text>;
  const { errors, warnings, infos } = report.summary;
  return (
    <div>
      <Text as="p" block weight="semibold">
        {w.summary(errors, warnings, infos)}
      </Text>
      <Text as="p" block size={200}>
        {w.asOf(report.asOf)}
      </Text>
      {report.findings.length === 0 && (
        <Text as="p" block>
          {w.none}
        </Text>
      )}
      {SEVERITIES.map((sev) => {
        const bySev = report.findings.filter((f) => f.severity === sev);
        if (bySev.length === 0) return null;
        return (
          <section key={sev} className={s.group} aria-label={w.severity[sev]}>
            <h3 className={s.heading}>
              <span className={`${s.count} ${s[sev]}`}>{bySev.length}</span>
              {w.severity[sev]}
            </h3>
            {groupByRule(bySev).map(([rule, list]) => (
              <div key={rule}>
                <h4 className={s.rule}>
                  {ruleTitle(rule, lang)}（{list.length}）
                </h4>
                <ul className={s.list}>
                  {list.map((f, i) => {
                    const ref = findingRef(f);
                    const target = f.cell ?? (f.row ? `A${f.row}` : "A1");
                    const current = `${f.sheet}!${target}` === selected;
                    return (
                      <li key={`${ref}:${i}`}>
                        <button
                          type="button"
                          className={current ? `${s.item} ${s.current}` : s.item}
                          aria-current={current ? "true" : undefined}
                          title={w.goTo(ref)}
                          onClick={() => onSelect(f.sheet, target)}
                        >
                          <span className={s.ref}>{ref}</span>
                          <span>{f.message}</span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
