/** 设置: as-of date, language and display name (kept in this browser), and the parameters in force. */

import { Field, Input, makeStyles, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import { DEFAULT_SETTINGS } from "../../core/settings";
import { paneWords } from "../../i18n/pane";
import type { Preferences } from "../preferences";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  params: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  def: { margin: 0, textAlign: "end" },
});

const PARAMS = [
  "dueSoonWorkdays",
  "dueSoonDays",
  "noticeWorkdays",
  "reportDays",
  "changeNoticeDays",
] as const;

export interface SettingsPageProps {
  prefs: Preferences;
  onChange(p: Preferences): void;
}

export function SettingsPage({ prefs, onChange }: SettingsPageProps) {
  const w = paneWords(prefs.lang).settings;
  const s = useStyles();
  return (
    <div className={s.form}>
      <Field label={w.asOf} hint={w.asOfHint}>
        <Input type="date" value={prefs.asOf} onChange={(_e, d) => onChange({ ...prefs, asOf: d.value })} />
      </Field>
      <Field label={w.lang}>
        <RadioGroup
          layout="horizontal"
          value={prefs.lang}
          onChange={(_e, d) => onChange({ ...prefs, lang: d.value === "en" ? "en" : "zh" })}
        >
          <Radio value="zh" label="中文" />
          <Radio value="en" label="English" />
        </RadioGroup>
      </Field>
      <Field label={w.user} hint={w.userHint}>
        <Input value={prefs.user} onChange={(_e, d) => onChange({ ...prefs, user: d.value })} />
      </Field>
      <Text size={200}>{w.saved}</Text>
      <section aria-label={w.params}>
        <h3>{w.params}</h3>
        <dl className={s.params}>
          {PARAMS.map((k) => (
            <div key={k} style={{ display: "contents" }}>
              <dt className={s.term}>{w.names[k]}</dt>
              <dd className={s.def}>{DEFAULT_SETTINGS[k]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
