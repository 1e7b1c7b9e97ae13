/**
 * 设置: what each user keeps in this browser (as-of date, language, display name), and what the
 * workbook keeps for everyone in its 设置 sheet: the parameters and the 节假日 table. Workbook
 * edits are checked here and saved through the settings use-case; nothing is written until the
 * user presses a save button.
 */

import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { HolidayEntry } from "../../core/calendar";
import type { IsoDate } from "../../core/dates";
import type { SettingsEdit } from "../../core/plan/settings-edit";
import { DEFAULT_SETTINGS, HOURS_PER_DAY, type GanttMode, type Settings } from "../../core/settings";
import { yearRuns } from "../../core/calendar";
import { FIRST_YEAR, LAST_YEAR } from "../../core/holidays-cn";
import type { WorkbookState } from "../../core/workbook-settings";
import { paneWords } from "../../i18n/pane";
import type { Preferences } from "../preferences";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalS} 0 0` },
  hint: { color: tokens.colorNeutralForeground3 },
  grid: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: "start" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  number: { maxWidth: "7em" },
});

const DAY_PARAMS = [
  "dueSoonWorkdays",
  "dueSoonDays",
  "noticeWorkdays",
  "reportDays",
  "changeNoticeDays",
  "docToOfficeWorkdays",
  "docOfficeWorkdays",
  "docDeliveryWorkdays",
  "docMeetingWorkdays",
  "docFilingWorkdays",
  "riskReviewDays",
  "planWorkdays",
  "updateDays",
  "runInDays",
  "runInRemindDays",
  "changeApprovalWorkdays",
  "hoursPerDay",
] as const;
type DayParam = (typeof DAY_PARAMS)[number];
const GANTT_MODES: readonly GanttMode[] = ["off", "day", "week"];
const DEPARTMENTS = ["finance", "sales", "service", "office"] as const;

export interface SettingsPageProps {
  prefs: Preferences;
  onChange(p: Preferences): void;
  /** The workbook's 设置 as the last check read it; absent before the first check. */
  state?: WorkbookState;
  busy?: boolean;
  /** Whether the workbook can tell the pane it changed (Excel, not web mode). */
  liveAvailable?: boolean;
  /** Saves an edit to the workbook (and validates again); resolves true when it was written. */
  onSave?(edit: SettingsEdit): Promise<boolean>;
}

/** Parameters as the form holds them: text, so a half-typed number is not lost. */
type ParamForm = Record<DayParam, string> & {
  companyName: string;
  gantt: GanttMode;
  departments: Record<(typeof DEPARTMENTS)[number], string>;
};

function paramForm(s: Settings): ParamForm {
  const days = Object.fromEntries(DAY_PARAMS.map((k) => [k, String(s[k])])) as Record<DayParam, string>;
  return { ...days, companyName: s.companyName, gantt: s.gantt, departments: { ...s.departments } };
}

interface HolidayRow {
  date: string;
  type: "休" | "班";
  name: string;
}

const toRows = (entries: readonly HolidayEntry[]): HolidayRow[] =>
  entries.map((e) => ({ date: e.date, type: e.type, name: e.name ?? "" }));

const DAY_COUNT = /^\d{1,3}$/;

/** A real calendar date written YYYY-MM-DD. */
function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function SettingsPage({
  prefs,
  onChange,
  state,
  busy = false,
  liveAvailable = false,
  onSave,
}: SettingsPageProps) {
  const w = paneWords(prefs.lang).settings;
  const s = useStyles();
  const settings = state?.settings ?? DEFAULT_SETTINGS;
  const [params, setParams] = useState<ParamForm>(() => paramForm(settings));
  const [holidays, setHolidays] = useState<HolidayRow[]>(() => toRows(state?.holidays ?? []));
  const [notice, setNotice] = useState<string>();

  // A new check brings the workbook's current values: the form starts again from them.
  useEffect(() => {
    setParams(paramForm(state?.settings ?? DEFAULT_SETTINGS));
    setHolidays(toRows(state?.holidays ?? []));
  }, [state]);

  // Hours in a working day within HOURS_PER_DAY's range; the others are days, 0 to 366.
  const rangeOf = (k: DayParam): [number, number] =>
    k === "hoursPerDay" ? [HOURS_PER_DAY.min, HOURS_PER_DAY.max] : [0, 366];
  const paramErrors = DAY_PARAMS.filter((k) => {
    const [min, max] = rangeOf(k);
    return !DAY_COUNT.test(params[k].trim()) || Number(params[k]) < min || Number(params[k]) > max;
  }).map((k) => w.badNumber(w.names[k], ...rangeOf(k)));

  const holidayErrors = useMemo(() => {
    const errors: string[] = [];
    const seen = new Set<string>();
    holidays.forEach((h, i) => {
      if (!isDate(h.date)) errors.push(w.badDate(i + 1));
      else if (seen.has(h.date)) errors.push(w.duplicate(h.date));
      seen.add(h.date);
    });
    return errors;
  }, [holidays, w]);

  const editable = state !== undefined && onSave !== undefined;
  const save = async (edit: SettingsEdit) => {
    setNotice(undefined);
    if (await onSave?.(edit)) setNotice(w.savedToWorkbook);
  };

  const saveParams = () => {
    const days = Object.fromEntries(DAY_PARAMS.map((k) => [k, Number(params[k].trim())]));
    void save({
      params: {
        ...(days as Record<DayParam, number>),
        companyName: params.companyName.trim(),
        gantt: params.gantt,
        departments: Object.fromEntries(DEPARTMENTS.map((d) => [d, params.departments[d].trim()])),
      },
    });
  };

  const saveHolidays = () =>
    void save({
      holidays: [...holidays]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((h) => ({
          date: h.date as IsoDate,
          type: h.type,
          ...(h.name.trim() ? { name: h.name.trim() } : {}),
        })),
    });

  const setHoliday = (i: number, patch: Partial<HolidayRow>) =>
    setHolidays((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const missing = state?.missingYears ?? [];

  return (
    <div className={s.form}>
      <section className={s.section} aria-labelledby="ptrack-mine">
        <h3 id="ptrack-mine" className={s.heading}>
          {w.mine}
        </h3>
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
        {liveAvailable && (
          <Field hint={w.liveHint}>
            <Switch
              label={w.live}
              checked={prefs.live}
              onChange={(_e, d) => onChange({ ...prefs, live: d.checked })}
            />
          </Field>
        )}
        <Text size={200} className={s.hint}>
          {w.saved}
        </Text>
      </section>

      {notice && !busy && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      <section className={s.section} aria-labelledby="ptrack-params">
        <h3 id="ptrack-params" className={s.heading}>
          {w.params}
        </h3>
        <Text size={200} className={s.hint}>
          {editable ? w.paramsHint : w.paramsDefaults}
        </Text>
        {DAY_PARAMS.map((k) => (
          <Field key={k} label={w.names[k]}>
            <Input
              className={s.number}
              inputMode="numeric"
              value={params[k]}
              disabled={!editable}
              onChange={(_e, d) => setParams({ ...params, [k]: d.value })}
            />
          </Field>
        ))}
        <Field label={w.gantt} hint={w.ganttHint}>
          <Select
            value={params.gantt}
            disabled={!editable}
            onChange={(_e, d) =>
              setParams({ ...params, gantt: GANTT_MODES.find((m) => m === d.value) ?? "off" })
            }
          >
            {GANTT_MODES.map((m) => (
              <option key={m} value={m}>
                {w.ganttModes[m]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={w.company}>
          <Input
            value={params.companyName}
            disabled={!editable}
            onChange={(_e, d) => setParams({ ...params, companyName: d.value })}
          />
        </Field>
        {DEPARTMENTS.map((d) => (
          <Field key={d} label={w.departments[d]}>
            <Input
              value={params.departments[d]}
              disabled={!editable}
              onChange={(_e, v) =>
                setParams({ ...params, departments: { ...params.departments, [d]: v.value } })
              }
            />
          </Field>
        ))}
        {paramErrors.length > 0 && (
          <Text role="alert" size={200}>
            {paramErrors.join(" ")}
          </Text>
        )}
        {editable && (
          <div className={s.row}>
            <Button appearance="primary" disabled={busy || paramErrors.length > 0} onClick={saveParams}>
              {w.saveParams}
            </Button>
          </div>
        )}
      </section>

      <section className={s.section} aria-labelledby="ptrack-holidays">
        <h3 id="ptrack-holidays" className={s.heading}>
          {w.holidays}
        </h3>
        <Text size={200} className={s.hint}>
          {w.builtIn(FIRST_YEAR, LAST_YEAR)} {w.holidaysHint}
        </Text>
        {missing.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              {w.missing(prefs.lang === "zh" ? yearRuns(missing) : yearRuns(missing).replace(/、/g, ", "))}
            </MessageBarBody>
          </MessageBar>
        )}
        {holidays.length === 0 ? (
          <Text size={200}>{w.noHolidays}</Text>
        ) : (
          <table className={s.grid} aria-label={w.holidays}>
            <thead>
              <tr>
                <th className={s.cell}>{w.date}</th>
                <th className={s.cell}>{w.type}</th>
                <th className={s.cell}>{w.name}</th>
                <th className={s.cell} />
              </tr>
            </thead>
            <tbody>
              {holidays.map((h, i) => (
                <tr key={i}>
                  <td className={s.cell}>
                    <Input
                      type="date"
                      size="small"
                      aria-label={`${w.date} ${i + 1}`}
                      value={h.date}
                      disabled={!editable}
                      onChange={(_e, d) => setHoliday(i, { date: d.value })}
                    />
                  </td>
                  <td className={s.cell}>
                    <Select
                      size="small"
                      aria-label={`${w.type} ${i + 1}`}
                      value={h.type}
                      disabled={!editable}
                      onChange={(_e, d) => setHoliday(i, { type: d.value === "班" ? "班" : "休" })}
                    >
                      <option value="休">{w.off}</option>
                      <option value="班">{w.work}</option>
                    </Select>
                  </td>
                  <td className={s.cell}>
                    <Input
                      size="small"
                      aria-label={`${w.name} ${i + 1}`}
                      value={h.name}
                      disabled={!editable}
                      onChange={(_e, d) => setHoliday(i, { name: d.value })}
                    />
                  </td>
                  <td className={s.cell}>
                    <Button
                      size="small"
                      appearance="subtle"
                      disabled={!editable}
                      aria-label={w.remove(h.date)}
                      onClick={() => setHolidays((rows) => rows.filter((_r, j) => j !== i))}
                    >
                      ×
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {holidayErrors.length > 0 && (
          <Text role="alert" size={200}>
            {holidayErrors.join(" ")}
          </Text>
        )}
        {editable && (
          <div className={s.row}>
            <Button
              disabled={busy}
              onClick={() =>
                setHolidays((rows) => [
                  ...rows,
                  {
                    date: missing.length > 0 && rows.length === 0 ? `${missing[0]}-01-01` : "",
                    type: "休",
                    name: "",
                  },
                ])
              }
            >
              {w.addRow}
            </Button>
            <Button appearance="primary" disabled={busy || holidayErrors.length > 0} onClick={saveHolidays}>
              {w.saveHolidays}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
