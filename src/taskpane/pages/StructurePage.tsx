/**
 * 结构: the tables the engine recognised, where their rows are and which column holds each
 * field. A user corrects a wrong mapping here; manual mappings are saved in the workbook's 设置
 * sheet so every co-author's check uses them.
 */

import { Button, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { CheckedTable } from "../../core/check";
import { fieldHeader, KIND_DEFS, KINDS, type Kind } from "../../core/kinds";
import type { DeclaredTable, MappingOverride } from "../../core/recognise";
import { parseSheetCell } from "../../core/workbook-settings";
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
  hint: { color: tokens.colorNeutralForeground3 },
  // A plain table: Fluent's Table would add its weight to the pane's first load.
  grid: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: "start",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
});

/** A field as the user reads it: its header, as the workbook's own headers are written (never its id). */
function fieldLabel(kind: Kind, field: string, _lang: Lang): string {
  return fieldHeader(kind, field) || field;
}

/** Every field a column of this table may hold; numbered groups up to one past the last in use. */
function fieldChoices(t: CheckedTable): string[] {
  const groups = Object.keys(t.columns)
    .map((f) => /(\d+)$/.exec(f)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  const lastGroup = Math.max(0, ...groups) + 1;
  const out: string[] = [];
  for (const f of KIND_DEFS[t.kind].fields) {
    if (!f.numbered) out.push(f.field);
    else for (let n = 1; n <= lastGroup; n++) out.push(`${f.field}${n}`);
  }
  return out;
}

/** Column letter → field, as the check mapped it. */
function mappedByColumn(t: CheckedTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, letter] of Object.entries(t.columns)) out[letter] = field;
  return out;
}

export interface StructurePageProps {
  tables: CheckedTable[] | undefined;
  lang: Lang;
  /** Manual mappings saved in the workbook, as the last check read them. */
  mappings?: readonly MappingOverride[];
  busy?: boolean;
  /** Saves the workbook's whole list of manual mappings (and validates again). */
  onSaveMappings?(mappings: MappingOverride[]): Promise<boolean>;
  /** A check has run: no tables then means none was recognised, not that none was looked for. */
  checked?: boolean;
  /** Tables declared by hand, saved in the workbook (表声明 rows), as the last check read them. */
  declared?: readonly DeclaredTable[];
  /** Saves the workbook's whole list of declared tables (and validates again). */
  onSaveDeclared?(declared: DeclaredTable[]): Promise<boolean>;
}

/**
 * Declaring a table the check did not recognise: its first header cell (`Sheet1!A3`) and its
 * kind, kept in 设置 as a 表声明 row; the declared tables are listed with a button to remove each.
 */
function DeclareTable({ lang, declared, busy, onSaveDeclared }: StructurePageProps) {
  const w = paneWords(lang).structure;
  const kinds = paneWords(lang).kinds;
  const s = useStyles();
  const [at, setAt] = useState("");
  const [kind, setKind] = useState<Kind>("schedule");
  const [error, setError] = useState<string | undefined>();
  if (!onSaveDeclared) return null;
  const list = declared ?? [];
  const name = (d: DeclaredTable) => `${d.sheet}!${d.column}${d.row}`;
  const submit = () => {
    const cell = parseSheetCell(at);
    if (!cell) {
      setError(w.declareBad(at.trim()));
      return;
    }
    setError(undefined);
    const others = list.filter((d) => !(d.sheet === cell.sheet && d.row === cell.row));
    void onSaveDeclared([...others, { ...cell, kind }]).then((ok) => ok && setAt(""));
  };
  return (
    <section className={s.table} aria-label={w.declareTitle}>
      <h3 className={s.heading}>{w.declareTitle}</h3>
      <Text as="p" block size={200} className={s.hint}>
        {w.declareHint}
      </Text>
      {list.length > 0 && (
        <>
          <h4 className={s.heading}>{w.declaredList}</h4>
          <ul>
            {list.map((d) => (
              <li key={name(d)}>
                {`${name(d)} · ${kinds[d.kind]} `}
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => void onSaveDeclared(list.filter((x) => x !== d))}
                >
                  {w.undeclare(name(d))}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className={s.actions}>
        <Input
          size="small"
          aria-label={w.declareAt}
          placeholder="Sheet1!A3"
          value={at}
          disabled={busy}
          onChange={(_e, d) => setAt(d.value)}
        />
        <Select
          size="small"
          aria-label={w.declareKind}
          value={kind}
          disabled={busy}
          onChange={(_e, d) => setKind(d.value as Kind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {kinds[k]}
            </option>
          ))}
        </Select>
        <Button size="small" appearance="primary" disabled={busy || at.trim() === ""} onClick={submit}>
          {w.declare}
        </Button>
      </div>
      {error && (
        <Text as="p" block role="alert" size={200}>
          {error}
        </Text>
      )}
    </section>
  );
}

function TableMapping({
  t,
  lang,
  mappings,
  busy,
  onSaveMappings,
}: Omit<StructurePageProps, "tables"> & { t: CheckedTable }) {
  const w = paneWords(lang).structure;
  const s = useStyles();
  const current = useMemo(() => mappedByColumn(t), [t]);
  const [choice, setChoice] = useState<Record<string, string>>(current);
  useEffect(() => setChoice(current), [current]);
  const choices = useMemo(() => fieldChoices(t), [t]);
  const manual = new Set((mappings ?? []).filter((m) => m.sheet === t.sheet).map((m) => m.column));
  const changed = t.headers.filter((h) => (choice[h.letter] ?? "") !== (current[h.letter] ?? ""));

  const pick = (letter: string, field: string) =>
    setChoice((c) => {
      const next: Record<string, string> = {};
      // A field sits in one column: choosing it here takes it from any other column.
      for (const [l, f] of Object.entries(c)) if (l !== letter && !(field && f === field)) next[l] = f;
      if (field) next[letter] = field;
      return next;
    });

  const save = () => {
    const letters = new Set(changed.map((h) => h.letter));
    const kept = (mappings ?? []).filter((m) => m.sheet !== t.sheet || !letters.has(m.column));
    const added = changed.map((h) => ({
      sheet: t.sheet,
      column: h.letter,
      field: choice[h.letter] || null,
      kind: t.kind,
    }));
    void onSaveMappings?.([...kept, ...added]);
  };
  const reset = () => void onSaveMappings?.((mappings ?? []).filter((m) => m.sheet !== t.sheet));

  return (
    <>
      <table className={s.grid} aria-label={`${t.sheet} ${w.mapping}`}>
        <thead>
          <tr>
            <th className={s.cell}>{w.column}</th>
            <th className={s.cell}>{w.header}</th>
            <th className={s.cell}>{w.field}</th>
          </tr>
        </thead>
        <tbody>
          {t.headers.map((h) => (
            <tr key={h.letter}>
              <td className={s.cell}>{h.letter}</td>
              <td className={s.cell}>
                {h.header}
                {manual.has(h.letter) && <Text size={100}>{` （${w.manual}）`}</Text>}
              </td>
              <td className={s.cell}>
                {onSaveMappings ? (
                  <Select
                    size="small"
                    aria-label={w.fieldFor(h.letter, h.header)}
                    value={choice[h.letter] ?? ""}
                    disabled={busy}
                    onChange={(_e, d) => pick(h.letter, d.value)}
                  >
                    <option value="">{w.notMapped}</option>
                    {choices.map((f) => (
                      <option key={f} value={f}>
                        {fieldLabel(t.kind, f, lang)}
                      </option>
                    ))}
                  </Select>
                ) : (
                  (current[h.letter] && fieldLabel(t.kind, current[h.letter], lang)) || w.notMapped
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {onSaveMappings && (
        <div className={s.actions}>
          <Button appearance="primary" size="small" disabled={busy || changed.length === 0} onClick={save}>
            {w.save}
          </Button>
          {manual.size > 0 && (
            <Button size="small" disabled={busy} onClick={reset}>
              {w.reset}
            </Button>
          )}
        </div>
      )}
    </>
  );
}

export function StructurePage(props: StructurePageProps) {
  const { tables, lang, onSaveMappings } = props;
  const w = paneWords(lang).structure;
  const kinds = paneWords(lang).kinds;
  const s = useStyles();
  if (!tables || tables.length === 0)
    return (
      <div>
        <Text>{props.checked ? w.noneFound : w.empty}</Text>
        {props.checked && <DeclareTable {...props} />}
      </div>
    );
  return (
    <div>
      {onSaveMappings && (
        <Text as="p" block size={200} className={s.hint}>
          {w.editHint}
        </Text>
      )}
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
            <dd className={s.def}>
              {t.headerRows === 2 ? `${t.headerRow - 1}–${t.headerRow}` : t.headerRow}
            </dd>
            <dt className={s.term}>{w.dataRows}</dt>
            <dd className={s.def}>{w.rows(t.firstRow, t.lastRow)}</dd>
            {t.phases && t.phases.length > 0 && (
              <>
                <dt className={s.term}>{w.phases}</dt>
                <dd className={s.def}>{w.phaseList(t.phases, t.tasks ?? 0)}</dd>
              </>
            )}
            {t.payable && (
              <>
                <dt className={s.term}>{w.direction}</dt>
                <dd className={s.def}>{w.payable}</dd>
              </>
            )}
            {t.contract && (
              <>
                <dt className={s.term}>{w.contract}</dt>
                <dd className={s.def}>{w.contractAt(t.contract.key, t.contract.cell)}</dd>
              </>
            )}
            <dt className={s.term}>{w.unmapped}</dt>
            <dd className={s.def}>{t.unmapped.length ? t.unmapped.join("、") : w.none}</dd>
          </dl>
          <h4 className={s.heading}>{w.mapping}</h4>
          <TableMapping
            t={t}
            lang={lang}
            mappings={props.mappings}
            busy={props.busy}
            onSaveMappings={onSaveMappings}
          />
        </section>
      ))}
      <DeclareTable {...props} />
    </div>
  );
}
