/** 结构: the tables the engine recognised, where their rows are and which column holds each field. */

import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { CheckedTable } from "../../core/check";
import { fieldDef } from "../../core/kinds";
import type { Lang } from "../../core/settings";
import { paneWords } from "../../i18n/pane";

const useStyles = makeStyles({
  table: { marginBottom: tokens.spacingVerticalL },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  def: { margin: 0 },
  heading: { margin: `${tokens.spacingVerticalS} 0` },
  // A plain table: Fluent's Table would add its weight to the pane's first load for two columns.
  grid: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: "start",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/** The header a clerk knows a field by: 计划完成 rather than planEnd (numbered groups keep their number). */
function fieldLabel(table: CheckedTable, field: string, lang: Lang): string {
  const m = /^(.*?)(\d+)$/.exec(field);
  const base = m ? m[1] : field;
  const header = fieldDef(table.kind, base)?.headers[0];
  if (lang === "en" || !header) return field;
  return m ? `${header}${m[2]}` : header;
}

export function StructurePage({ tables, lang }: { tables: CheckedTable[] | undefined; lang: Lang }) {
  const w = paneWords(lang).structure;
  const kinds = paneWords(lang).kinds;
  const s = useStyles();
  if (!tables || tables.length === 0) return <Text>{w.empty}</Text>;
  return (
    <div>
      {tables.map((t) => (
        <section
          key={`${t.sheet}:${t.headerRow}`}
          className={s.table}
          aria-label={`${t.sheet} · ${kinds[t.kind]}`}
        >
          <h3 className={s.heading}>{t.sheet}</h3>
          <dl className={s.facts}>
            <dt className={s.term}>{w.kind}</dt>
            <dd className={s.def}>{kinds[t.kind]}</dd>
            <dt className={s.term}>{w.headerRow}</dt>
            <dd className={s.def}>{t.headerRow}</dd>
            <dt className={s.term}>{w.dataRows}</dt>
            <dd className={s.def}>{w.rows(t.firstRow, t.lastRow)}</dd>
            <dt className={s.term}>{w.unmapped}</dt>
            <dd className={s.def}>{t.unmapped.length ? t.unmapped.join("、") : w.none}</dd>
          </dl>
          <h4 className={s.heading}>{w.mapping}</h4>
          <table className={s.grid} aria-label={`${t.sheet} ${w.mapping}`}>
            <thead>
              <tr>
                <th className={s.cell}>{w.field}</th>
                <th className={s.cell}>{w.column}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(t.columns).map(([field, letter]) => (
                <tr key={field}>
                  <td className={s.cell}>{fieldLabel(t, field, lang)}</td>
                  <td className={s.cell}>{letter}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
