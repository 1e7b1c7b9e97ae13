/**
 * A long list of findings as one keyboard stop: a tree of collapsible groups, rendered only
 * where it is visible (a workbook can have 100,000 findings). Arrow keys move inside, Enter
 * goes to the cell or opens a group, Left/Right close and open groups. Rows have fixed heights,
 * so the list knows where every row is from its length and where its group headers are, without
 * holding the rows: it asks for the ones it draws (`onRange`) and leaves a gap until they come.
 * The active finding's full message is shown under the list.
 */

import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { PaneFinding } from "../jobs";

export type ListRow =
  | { kind: "group"; key: string; label: string; count: number; expanded: boolean }
  | { kind: "item"; key: string; group?: string; f: PaneFinding };

const GROUP_H = 34;
const ITEM_H = 70;
/** Rows drawn above and below the visible ones, so fast scrolling shows no gap. */
const OVERSCAN = 6;
/** Without a layout (jsdom) the list draws as if this tall. */
const FALLBACK_VIEW = 4000;

const useStyles = makeStyles({
  tree: {
    position: "relative",
    maxHeight: "min(60vh, 560px)",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  row: {
    position: "absolute",
    left: 0,
    right: 0,
    boxSizing: "border-box",
    overflow: "hidden",
    cursor: "pointer",
    borderLeft: "3px solid transparent",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  group: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
  },
  item: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    paddingInlineStart: "20px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  active: { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  current: {
    backgroundColor: tokens.colorBrandBackground2,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
  },
  head: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  ref: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  meta: { color: tokens.colorNeutralForeground2, overflow: "hidden", textOverflow: "ellipsis" },
  message: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    display: "-webkit-box",
    WebkitLineClamp: "2",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  chevron: { width: "1em", display: "inline-block", flexShrink: 0 },
  detail: {
    display: "block",
    marginTop: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** `sheet!cell`, or the sheet (and row) when the finding is about more than one cell. */
export function findingRef(f: PaneFinding): string {
  if (f.cell) return `${f.sheet}!${f.cell}`;
  return f.row ? `${f.sheet}!${f.row}:${f.row}` : f.sheet;
}

/** The cell a finding goes to. */
export function findingTarget(f: PaneFinding): string {
  return f.cell ?? (f.row ? `A${f.row}` : "A1");
}

export interface FindingListProps {
  /** Rows in the list: group headers and findings. */
  length: number;
  /** The group headers' row indices, ascending. */
  groups: readonly number[];
  /** Row `i`, if it is at hand. */
  row(i: number): ListRow | undefined;
  /** The rows drawn now, [first, last): the caller fetches them if it lacks them. */
  onRange?(first: number, last: number): void;
  label: string;
  /** How to use the list, for screen readers. */
  help: string;
  /** `sheet!cell` of the finding last gone to. */
  selected?: string;
  meta(f: PaneFinding): string;
  onSelect(f: PaneFinding): void;
  onToggle?(group: string): void;
  detailLabel?: string;
  extra?: ReactNode;
}

/** How many of the (ascending) group indices are below `i`. */
function groupsBefore(groups: readonly number[], i: number): number {
  let lo = 0;
  let hi = groups.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (groups[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function FindingList(props: FindingListProps) {
  const { length, groups, row, onRange, label, help, selected, meta, onSelect, onToggle } = props;
  const s = useStyles();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState(0);
  const [view, setView] = useState(FALLBACK_VIEW);
  const [active, setActive] = useState(0);

  // Where each row starts: two heights only, so the group headers before it say.
  const top = (i: number) => i * ITEM_H - groupsBefore(groups, i) * (ITEM_H - GROUP_H);
  const total = top(length);
  const at = Math.min(active, Math.max(0, length - 1));
  const isGroup = (i: number) => groups[groupsBefore(groups, i)] === i;

  // The box is as tall as its rows up to its limit: measured again when the rows come or change.
  useEffect(() => {
    const el = box.current;
    if (el && el.clientHeight > 0) setView(el.clientHeight);
  }, [total]);

  /** The first row whose bottom is below `y`. */
  const rowAt = (y: number) => {
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (top(mid + 1) <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const first = Math.max(0, rowAt(scroll) - OVERSCAN);
  const last = Math.min(length, rowAt(scroll + view) + OVERSCAN + 1);
  useEffect(() => onRange?.(first, last), [onRange, first, last]);

  const reveal = (i: number) => {
    const el = box.current;
    if (!el) return;
    const h = el.clientHeight || view;
    if (top(i) < el.scrollTop) el.scrollTop = top(i);
    else if (top(i + 1) > el.scrollTop + h) el.scrollTop = top(i + 1) - h;
    setScroll(el.scrollTop);
  };
  const move = (i: number) => {
    const n = Math.max(0, Math.min(length - 1, i));
    setActive(n);
    reveal(n);
  };
  const act = (i: number) => {
    const r = row(i);
    if (!r) return;
    if (r.kind === "group") onToggle?.(r.key);
    else onSelect(r.f);
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const r = row(at);
    const page = Math.max(1, Math.floor(view / ITEM_H));
    switch (e.key) {
      case "ArrowDown":
        move(at + 1);
        break;
      case "ArrowUp":
        move(at - 1);
        break;
      case "Home":
        move(0);
        break;
      case "End":
        move(length - 1);
        break;
      case "PageDown":
        move(at + page);
        break;
      case "PageUp":
        move(at - page);
        break;
      case "ArrowRight":
        if (r?.kind === "group" && !r.expanded) onToggle?.(r.key);
        else if (r?.kind === "group") move(at + 1);
        break;
      case "ArrowLeft":
        if (r?.kind === "group" && r.expanded) onToggle?.(r.key);
        else if (r?.kind === "item" && r.group !== undefined) {
          const g = groupsBefore(groups, at);
          if (g > 0) return (move(groups[g - 1]), e.preventDefault());
        }
        break;
      case "Enter":
      case " ":
        act(at);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const drawn: ReactNode[] = [];
  // aria-posinset within a group: counted from its header.
  const g0 = groupsBefore(groups, first);
  let group = g0 > 0 ? groups[g0 - 1] : -1;
  for (let i = first; i < last; i++) {
    const r = row(i);
    // Not here yet: a gap the size of the row until it comes.
    if (!r) {
      if (isGroup(i)) group = i;
      continue;
    }
    const style = { top: `${top(i)}px`, height: `${top(i + 1) - top(i)}px` };
    const cls = (base: string, extra = "") => [s.row, base, i === at ? s.active : "", extra].join(" ");
    if (r.kind === "group") {
      group = i;
      drawn.push(
        <div
          key={r.key}
          id={`${id}-${i}`}
          role="treeitem"
          aria-level={1}
          aria-expanded={r.expanded}
          aria-selected={false}
          className={cls(s.group)}
          style={style}
          onClick={() => (setActive(i), act(i))}
        >
          <span className={s.chevron} aria-hidden="true">
            {r.expanded ? "▾" : "▸"}
          </span>
          <span>{r.label}</span>
        </div>,
      );
    } else {
      const ref = findingRef(r.f);
      const current = `${r.f.sheet}!${findingTarget(r.f)}` === selected;
      const m = meta(r.f);
      drawn.push(
        <div
          key={r.key}
          id={`${id}-${i}`}
          role="treeitem"
          aria-level={r.group === undefined ? 1 : 2}
          aria-posinset={group >= 0 && r.group !== undefined ? i - group : undefined}
          aria-selected={current}
          className={cls(s.item, current ? s.current : "")}
          style={style}
          onClick={() => (setActive(i), act(i))}
        >
          <div className={s.head}>
            <span className={s.ref}>{ref}</span>
            {m && <span className={s.meta}>{m}</span>}
          </div>
          <div className={s.message}>{r.f.message}</div>
        </div>,
      );
    }
  }

  const current = length > 0 ? row(at) : undefined;
  return (
    <div>
      <div
        ref={box}
        className={s.tree}
        role="tree"
        tabIndex={0}
        aria-label={label}
        aria-description={help}
        aria-activedescendant={current && at >= first && at < last ? `${id}-${at}` : undefined}
        style={{ height: `${total + 2}px` }}
        onKeyDown={onKey}
        onScroll={(e) => setScroll(e.currentTarget.scrollTop)}
      >
        <div style={{ height: `${total}px`, position: "relative" }}>{drawn}</div>
      </div>
      {current?.kind === "item" && (
        <Text size={200} className={s.detail}>
          {`${findingRef(current.f)}：${current.f.message}`}
        </Text>
      )}
    </div>
  );
}
