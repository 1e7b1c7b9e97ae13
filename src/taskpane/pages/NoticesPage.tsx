/**
 * 通知: the notices the findings call for, each with a checkbox, and the action that writes the
 * picked ones with the 通知台账. A workbook can owe thousands: the list shows the first
 * LISTED_NOTICES and says how many more there are, while 全选/全不选 and the count cover them all.
 */

import { Button, Checkbox, makeStyles, Text, tokens } from "@fluentui/react-components";
import { memo, useCallback, useMemo, useState, type Dispatch, type SetStateAction } from "react";
import type { CheckReport } from "../../app/check";
import { noticeId } from "../../core/notice-id";
import type { NoticePlan } from "../../core/notices";
import type { Lang } from "../../core/settings";
import { paneWords } from "../../i18n/pane";

const useStyles = makeStyles({
  tools: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  list: { margin: `${tokens.spacingVerticalS} 0`, padding: 0, listStyleType: "none" },
  item: { marginBottom: tokens.spacingVerticalXS },
  facts: { color: tokens.colorNeutralForeground3, display: "block", paddingInlineStart: "32px" },
  more: { display: "block", margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground3 },
});

/** At most this many notices are listed, so the pane stays responsive with thousands planned. */
export const LISTED_NOTICES = 200;

/**
 * Which notices are picked, for one report: every id is picked as `all` says, except those in
 * `flipped`. So "all" is every planned notice, listed or not, and a new report starts over.
 */
export interface NoticePicks {
  report: CheckReport;
  all: boolean;
  flipped: ReadonlySet<string>;
}

export interface NoticesPageProps {
  report: CheckReport | undefined;
  lang: Lang;
  busy: boolean;
  /** Generate the picked notices, by `noticeId`. */
  onGenerate(ids: string[]): void;
  /** The picks, when the caller keeps them across page switches; else the page keeps its own. */
  picks?: NoticePicks;
  onPicks?: Dispatch<SetStateAction<NoticePicks | undefined>>;
}

const str = (v: string | number | undefined) => (v === undefined ? "" : String(v).trim());

/** What the notice is about, as its checkbox names it: the contract, or the task. */
function subject(n: NoticePlan): string {
  const f = n.facts;
  const parts = n.type === "计划调整通知" ? [str(f.wbs), str(f.task)] : [str(f.contractNo)];
  return parts.filter(Boolean).join(" ") || n.key;
}

/** The facts a reader identifies a notice by: contract name, customer, contract of a task. */
function describe(n: NoticePlan): string {
  const f = n.facts;
  const keys = n.type === "计划调整通知" ? ["contractNo", "owner"] : ["contractName", "customer"];
  return keys
    .map((k) => str(f[k]))
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
            <Text weight="semibold">{n.type}</Text> {subject(n)}
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
  const { report, lang, busy, onGenerate } = props;
  const w = paneWords(lang).notices;
  const s = useStyles();
  const [own, setOwn] = useState<NoticePicks>();
  const notices = useMemo(() => report?.notices ?? [], [report]);
  // The same cause planned twice (a WBS used in two schedules) is one notice to generate.
  const ids = useMemo(() => [...new Set(notices.map(noticeId))], [notices]);
  const setPicks = props.onPicks ?? setOwn;
  const toggle = useCallback(
    (id: string) =>
      setPicks((held) => {
        const same = held && held.report === report ? held : undefined;
        const all = same ? same.all : true;
        const flipped = new Set(same?.flipped);
        if (!flipped.delete(id)) flipped.add(id);
        return report && { report, all, flipped };
      }),
    [report, setPicks],
  );
  if (!report) return <Text>{w.notRun}</Text>;

  const held = props.picks ?? own;
  const picks: NoticePicks = held?.report === report ? held : { report, all: true, flipped: new Set() };
  const isPicked = (id: string) => picks.all !== picks.flipped.has(id);
  const count = picks.all ? ids.length - picks.flipped.size : picks.flipped.size;
  const listed = notices.slice(0, LISTED_NOTICES);

  if (notices.length === 0) {
    return (
      <Text as="p" block>
        {w.none}
      </Text>
    );
  }
  return (
    <div>
      <div className={s.tools}>
        <Text>{w.planned(ids.length)}</Text>
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
            />
          );
        })}
      </ol>
      {notices.length > listed.length && (
        <Text size={200} className={s.more}>
          {w.more(notices.length - listed.length)}
        </Text>
      )}
      <Button
        appearance="primary"
        disabled={busy || count === 0}
        onClick={() => onGenerate(ids.filter(isPicked))}
      >
        {w.generate(count)}
      </Button>
    </div>
  );
}
