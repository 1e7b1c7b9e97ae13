/**
 * The critical path of each linked schedule, as a compact timeline that fits the pane's 350 px:
 * the planned and forecast finish, then one line per open critical task with a bar placed on the
 * span from the first task's start to the forecast finish (late tasks red). A task goes to its cell.
 */

import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { CriticalView } from "../../core/rules/critical";
import { dayNumber } from "../../core/dates";
import type { Lang } from "../../core/settings";
import { paneWords } from "../../i18n/pane";

/** Lines shown per schedule; the rest are counted. */
const MAX_LINES = 30;

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL },
  summary: { display: "block", margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS}` },
  slipped: { color: tokens.colorPaletteRedForeground1 },
  list: { listStyle: "none", margin: 0, padding: 0 },
  item: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 9em) 1fr",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    padding: `2px ${tokens.spacingHorizontalXS}`,
    border: "none",
    background: "none",
    font: "inherit",
    color: "inherit",
    textAlign: "start",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusSmall,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  current: { backgroundColor: tokens.colorBrandBackground2 },
  name: {
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    fontSize: tokens.fontSizeBase200,
  },
  track: { position: "relative", height: "10px", backgroundColor: tokens.colorNeutralBackground3 },
  bar: {
    position: "absolute",
    top: 0,
    bottom: 0,
    minWidth: "3px",
    backgroundColor: tokens.colorPaletteRedBorder1,
    borderRadius: "2px",
  },
  /** The red of the sheet's critical mark: the task that is late on its own account. */
  late: { backgroundColor: "#C00000" },
  axis: {
    display: "flex",
    justifyContent: "space-between",
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
    marginLeft: "calc(9em + 8px)",
  },
  more: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface CriticalPathProps {
  views: readonly CriticalView[];
  lang: Lang;
  onSelect?(sheet: string, cell: string): void;
  selected?: string;
}

export function CriticalPath({ views, lang, onSelect, selected }: CriticalPathProps) {
  const w = paneWords(lang).overdue;
  const s = useStyles();
  if (views.length === 0) return null;
  return (
    <>
      {views.map((v) => {
        const first = v.tasks.reduce((a, t) => (t.earlyStart < a ? t.earlyStart : a), v.forecastEnd);
        const from = dayNumber(first);
        const span = Math.max(1, dayNumber(v.forecastEnd) - from + 1);
        const shown = v.tasks.slice(0, MAX_LINES);
        const title = views.length > 1 ? w.criticalSheet(v.sheet) : w.critical;
        return (
          <section key={v.sheet} className={s.section} aria-label={title}>
            <Text as="h3" weight="semibold" size={300}>
              {title}
            </Text>
            <span className={v.slip > 0 ? `${s.summary} ${s.slipped}` : s.summary}>
              <Text size={200} className={v.slip > 0 ? s.slipped : undefined}>
                {w.criticalEnd(v.projectEnd, v.forecastEnd, v.slip)}
              </Text>
            </span>
            {shown.length === 0 ? (
              <Text size={200}>{w.criticalDone}</Text>
            ) : (
              <>
                <ul className={s.list}>
                  {shown.map((t) => {
                    const target = t.cell ?? `A${t.row}`;
                    const left = ((dayNumber(t.earlyStart) - from) / span) * 100;
                    const width = ((dayNumber(t.earlyFinish) - dayNumber(t.earlyStart) + 1) / span) * 100;
                    const label = [t.id.startsWith("#") ? "" : t.id, t.task].filter(Boolean).join(" ");
                    const current = `${t.sheet}!${target}` === selected;
                    return (
                      <li key={`${t.sheet}!${t.row}`}>
                        <button
                          type="button"
                          className={current ? `${s.item} ${s.current}` : s.item}
                          title={`${label}: ${t.earlyStart} – ${t.earlyFinish}${t.late ? ` (${w.criticalLate})` : ""}`}
                          onClick={() => onSelect?.(t.sheet, target)}
                        >
                          <span className={s.name}>
                            {label}
                            {t.late ? ` · ${w.criticalLate}` : ""}
                          </span>
                          <span className={s.track} aria-hidden="true">
                            <span
                              className={t.late ? `${s.bar} ${s.late}` : s.bar}
                              style={{ left: `${left}%`, width: `${width}%` }}
                            />
                          </span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
                <div className={s.axis} aria-hidden="true">
                  <span>{first.slice(5)}</span>
                  <span>{v.forecastEnd.slice(5)}</span>
                </div>
                {v.tasks.length > shown.length && (
                  <Text className={s.more}>{w.criticalMore(v.tasks.length - shown.length)}</Text>
                )}
              </>
            )}
          </section>
        );
      })}
    </>
  );
}
