/**
 * 通知: the notices the findings call for, each with a checkbox, and the action that writes the
 * picked ones with the 通知台账. A workbook can owe thousands: the list shows the first
 * LISTED_NOTICES and says how many more there are, while 全选/全不选 and the count cover them all.
 */

import { Button, Checkbox, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { memo, useCallback, useMemo, useState, type Dispatch, type SetStateAction } from "react";
import type { ApplyOutcome } from "../../app/apply";
import type { CheckReport } from "../../app/check";
import type { SettingsEdit } from "../../core/plan/settings-edit";
import { noticeId } from "../../core/notice-id";
import { noticeType } from "../../core/notice-types";
import type { NoticePlan } from "../../core/notices";
import type { Lang, Settings } from "../../core/settings";
import { paneWords } from "../../i18n/pane";
import { LISTED_NOTICES, type NoticeIndex } from "../findings-query";

const useStyles = makeStyles({
  tools: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  list: { margin: `${tokens.spacingVerticalS} 0`, padding: 0, listStyleType: "none" },
  item: { marginBottom: tokens.spacingVerticalXS },
  facts: { color: tokens.colorNeutralForeground3, display: "block", paddingInlineStart: "32px" },
  more: { display: "block", margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground3 },
  result: {
    margin: `${tokens.spacingVerticalS} 0`,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorPaletteGreenBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: `${tokens.spacingVerticalS} 0`,
  },
});

/** At most this many notices are listed, so the pane stays responsive with thousands planned. */
export { LISTED_NOTICES };

/** A report as the page takes it: every notice, or the first few and the rest by id. */
type NoticesReport = Omit<CheckReport, "findings"> & { noticeIndex?: NoticeIndex };

/** Every planned notice's id, in order, however the report carries them. */
function allIds(report: NoticesReport): string[] {
  return report.noticeIndex?.ids ?? report.notices.map(noticeId);
}

/**
 * Which notices are picked, for one report: every id is picked as `all` says, except those in
 * `flipped`. So "all" is every planned notice, listed or not, and a new report starts over.
 */
export interface NoticePicks {
  report: NoticesReport;
  all: boolean;
  flipped: ReadonlySet<string>;
}

export interface NoticesPageProps {
  report: NoticesReport | undefined;
  lang: Lang;
  busy: boolean;
  /** Generate the picked notices, by `noticeId`. */
  onGenerate(ids: string[]): void;
  /** The picks, when the caller keeps them across page switches; else the page keeps its own. */
  picks?: NoticePicks;
  onPicks?: Dispatch<SetStateAction<NoticePicks | undefined>>;
  /** The last generation's outcome, to say what was written. */
  outcome?: Omit<ApplyOutcome, "report">;
  /** The workbook's settings: a notice's letterhead needs the 公司名称. */
  company?: Settings;
  /** Saves the 公司名称 and 部门 asked for before the first generation. */
  onSaveCompany?(edit: SettingsEdit): Promise<boolean>;
}

/**
 * Picks for a new report: every notice not issued yet, except those the user left unpicked
 * before (a notice skipped on purpose stays skipped after the others are generated).
 */
function defaultPicks(report: NoticesReport, issued: ReadonlySet<string>, before?: NoticePicks): NoticePicks {
  const flipped = new Set(issued);
  if (before) {
    const now = new Set(allIds(report));
    for (const id of allIds(before.report)) {
      if (now.has(id) && before.all === before.flipped.has(id)) flipped.add(id);
    }
  }
  return { report, all: true, flipped };
}

const str = (v: string | number | undefined) => (v === undefined ? "" : String(v).trim());

/** What the notice is about, as its checkbox names it: the contract (and installment), or the task. */
function subject(n: NoticePlan): string {
  return noticeType(n.type).label(n.facts).filter(Boolean).join(" ") || n.key;
}

/** The facts a reader identifies a notice by: contract name, customer, contract of a task. */
function describe(n: NoticePlan): string {
  return noticeType(n.type)
    .describe.map((k) => str(n.facts[k]))
    .filter(Boolean)
    .join(" · ");
}

/** One listed notice; only the row whose box changed renders again. */
const NoticeRow = memo(function NoticeRow(props: {
  notice: NoticePlan;
  id: string;
  picked: boolean;
  onToggle(id: string): void;
  className: string;
  factsClass: string;
  issuedText(no: string): string;
  typeName(type: string): string;
}) {
  const { notice: n, id, onToggle } = props;
  const about = describe(n);
  return (
    <li className={props.className}>
      <Checkbox
        checked={props.picked}
        onChange={() => onToggle(id)}
        label={
          <>
            <Text weight="semibold">{props.typeName(n.type)}</Text> {subject(n)}
          </>
        }
      />
      <Text size={200} className={props.factsClass}>
        {[`${n.sheet}!${n.row}:${n.row}`, about].filter(Boolean).join(" · ")}
      </Text>
      {n.issued && (
        <Text as="p" size={200} className={props.factsClass}>
          {props.issuedText(n.issued)}
        </Text>
      )}
    </li>
  );
});

export function NoticesPage(props: NoticesPageProps) {
  const { report, lang, busy, onGenerate, outcome, company, onSaveCompany } = props;
  const w = paneWords(lang).notices;
  const s = useStyles();
  const [own, setOwn] = useState<NoticePicks>();
  const [asked, setAsked] = useState<{ ids: string[]; name: string } | undefined>();
  const [dept, setDept] = useState<Settings["departments"] | undefined>();
  /** The ids the last generation was asked for, to say what became of each. */
  const [sent, setSent] = useState<ReadonlySet<string>>();
  const notices = useMemo(() => report?.notices ?? [], [report]);
  const every = useMemo(() => (report ? allIds(report) : []), [report]);
  // The same cause planned twice (a WBS used in two schedules) is one notice to generate.
  const ids = useMemo(() => [...new Set(every)], [every]);
  // Picked by default: the notices not issued yet (generating an issued one again updates it).
  const issuedIds = useMemo(
    () => new Set(report?.noticeIndex?.issued ?? notices.filter((n) => n.issued).map(noticeId)),
    [report, notices],
  );
  const setPicks = props.onPicks ?? setOwn;
  const toggle = useCallback(
    (id: string) =>
      setPicks((held) => {
        const same = held && held.report === report ? held : undefined;
        const all = same ? same.all : true;
        const flipped = new Set((same ?? defaultPicks(report!, issuedIds, held)).flipped);
        if (!flipped.delete(id)) flipped.add(id);
        return report && { report, all, flipped };
      }),
    [report, setPicks, issuedIds],
  );
  if (!report) return <Text>{w.notRun}</Text>;

  const held = props.picks ?? own;
  const picks: NoticePicks = held?.report === report ? held : defaultPicks(report, issuedIds, held);
  const isPicked = (id: string) => picks.all !== picks.flipped.has(id);
  const count = picks.all ? ids.length - picks.flipped.size : picks.flipped.size;
  const listed = notices.slice(0, LISTED_NOTICES);
  const typeName = (t: string) => w.types[t] ?? t;

  const generate = (picked: string[]) => {
    setSent(new Set(picked));
    onGenerate(picked);
  };
  const start = () => {
    const picked = ids.filter(isPicked);
    // The letterhead names the company: asked for once, before the first notice is written.
    if (company && !company.companyName.trim() && onSaveCompany) {
      setAsked({ ids: picked, name: "" });
      setDept({ ...company.departments });
      return;
    }
    generate(picked);
  };
  const saveAndGenerate = async () => {
    if (!asked || !asked.name.trim() || !onSaveCompany) return;
    const ok = await onSaveCompany({ params: { companyName: asked.name.trim(), departments: dept } });
    const picked = asked.ids;
    setAsked(undefined);
    if (ok) generate(picked);
  };

  // What the last generation wrote, from the register as it now is.
  const written =
    sent && outcome?.notices
      ? (report.noticeIndex?.sent ?? notices.filter((n) => sent.has(noticeId(n))))
      : [];
  const left = report.noticeIndex
    ? every.length - every.filter((id) => issuedIds.has(id)).length
    : notices.filter((n) => !n.issued).length;
  const result = sent && outcome?.notices && (
    <section className={s.result} aria-label={w.resultTitle}>
      <Text as="p" block weight="semibold">
        {w.resultTitle}
      </Text>
      <ul>
        {written.slice(0, LISTED_NOTICES).map((n, i) => (
          <li key={i}>
            <Text size={200}>
              {n.issued ? `${n.issued} · ` : `${w.notWritten} · `}
              {typeName(n.type)} {subject(n)}
            </Text>
          </li>
        ))}
      </ul>
      <Text as="p" block size={200}>
        {w.left(left, outcome.deferredNotices)}
      </Text>
    </section>
  );

  if (every.length === 0) {
    return (
      <>
        {result}
        <Text as="p" block>
          {w.none}
        </Text>
      </>
    );
  }
  return (
    <div>
      {result}
      <div className={s.tools}>
        <Text>{w.planned(ids.length, issuedIds.size)}</Text>
        <Button
          size="small"
          appearance="subtle"
          disabled={count === ids.length}
          onClick={() => setPicks({ report, all: true, flipped: new Set() })}
        >
          {w.all}
        </Button>
        <Button
          size="small"
          appearance="subtle"
          disabled={count === 0}
          onClick={() => setPicks({ report, all: false, flipped: new Set() })}
        >
          {w.nothing}
        </Button>
      </div>
      <ol className={s.list}>
        {listed.map((n, i) => {
          const id = noticeId(n);
          return (
            <NoticeRow
              key={`${i}\u0000${id}`}
              notice={n}
              id={id}
              picked={isPicked(id)}
              onToggle={toggle}
              className={s.item}
              factsClass={s.facts}
              issuedText={w.issued}
              typeName={typeName}
            />
          );
        })}
      </ol>
      {every.length > listed.length && (
        <Text size={200} className={s.more}>
          {w.more(every.length - listed.length)}
        </Text>
      )}
      {asked ? (
        <div className={s.form} role="group" aria-label={w.askTitle}>
          <Text weight="semibold">{w.askTitle}</Text>
          <Text size={200}>{w.askHint}</Text>
          <label htmlFor="n-company">{w.company}</label>
          <Input
            id="n-company"
            value={asked.name}
            onChange={(_e, d) => setAsked({ ...asked, name: d.value })}
            required
          />
          {dept &&
            (["finance", "service", "sales"] as const).map((k) => (
              <div key={k} className={s.form}>
                <label htmlFor={`n-dept-${k}`}>{w.department[k]}</label>
                <Input
                  id={`n-dept-${k}`}
                  value={dept[k]}
                  onChange={(_e, d) => setDept({ ...dept, [k]: d.value })}
                />
              </div>
            ))}
          <div className={s.tools}>
            <Button appearance="primary" disabled={busy || !asked.name.trim()} onClick={saveAndGenerate}>
              {w.saveAndGenerate(asked.ids.length)}
            </Button>
            <Button onClick={() => setAsked(undefined)}>{w.cancel}</Button>
          </div>
        </div>
      ) : (
        <Button appearance="primary" disabled={busy || count === 0} onClick={start}>
          {w.generate(count)}
        </Button>
      )}
    </div>
  );
}
