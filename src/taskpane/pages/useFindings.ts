/**
 * A page's view of a report's findings: the overview (counts, tiles) and the window of list rows it
 * draws, asked of where the findings are kept. A report made on the page itself (tests) still holds
 * its findings; then the same queries are answered here, at once.
 */

import { useCallback, useEffect, useMemo, useState } from "react";
import {
  FindingsStore,
  overviewOf,
  type FindingsOverview,
  type FindingsQuery,
  type FindingsWindow,
  type PageReport,
} from "../findings-query";
import type { PaneReport } from "../jobs";

/** A report as pages take it: the page's (no findings) or a whole one. */
export type AnyReport = PageReport | PaneReport;

/** Asks for rows of report `version`'s findings. */
export type AskFindings = (version: number, q: FindingsQuery) => Promise<FindingsWindow | undefined>;

/** Rows asked for beyond those drawn, so scrolling a little asks nothing. */
const AHEAD = 60;

export function useOverview(report: AnyReport | undefined): FindingsOverview | undefined {
  return useMemo(() => {
    if (!report) return undefined;
    if ("overview" in report && report.overview) return report.overview;
    return overviewOf(report.findings ?? []);
  }, [report]);
}

export interface FindingsView {
  /** The last window answered (for an earlier query while the next is on its way). */
  window?: FindingsWindow;
  /** The findings are no longer kept (a cancelled run stopped the worker): check again. */
  lost: boolean;
  /** The list draws [first, last): fetch them if they are not in the window. */
  need(first: number, last: number): void;
}

export function useFindings(
  report: AnyReport | undefined,
  ask: AskFindings | undefined,
  q: Omit<FindingsQuery, "from" | "to"> | undefined,
): FindingsView {
  const held = report?.findings;
  const version = report && "version" in report ? report.version : undefined;
  const local = useMemo(
    () => (held && (version === undefined || !ask) ? new FindingsStore(held) : undefined),
    [held, version, ask],
  );
  const key = q && JSON.stringify(q);
  // What the rows are: a new filter makes other rows; opening a group only moves them.
  const rowsKey = q && JSON.stringify([q.filter, q.me, q.rules ?? null, q.grouped]);
  const [range, setRange] = useState<{ key?: string; from: number; to: number }>({ from: 0, to: AHEAD * 2 });
  const [answer, setAnswer] = useState<{
    rowsKey?: string;
    version?: number;
    window?: FindingsWindow;
    lost: boolean;
  }>({
    lost: false,
  });
  const from = range.key === key ? range.from : 0;
  const to = range.key === key ? range.to : AHEAD * 2;

  const localWindow = useMemo(
    () => (local && q ? local.query({ ...q, from: 0, to: Number.MAX_SAFE_INTEGER }) : undefined),
    // q is compared by its key.
    [local, key],
  );

  useEffect(() => {
    if (local || !q || version === undefined || !ask) return undefined;
    let live = true;
    void ask(version, { ...q, from, to }).then((window) => {
      if (live) setAnswer({ rowsKey, version, window, lost: window === undefined });
    });
    return () => {
      live = false;
    };
    // q is compared by its key.
  }, [local, key, version, ask, from, to]);

  const need = useCallback(
    (first: number, last: number) =>
      setRange((r) => {
        const f = r.key === key ? r.from : 0;
        const t = r.key === key ? r.to : AHEAD * 2;
        if (first >= f && last <= t) return r.key === key ? r : { key, from: f, to: t };
        return { key, from: Math.max(0, first - AHEAD), to: last + AHEAD };
      }),
    [key],
  );

  if (localWindow) return { window: localWindow, lost: false, need };
  // Another report's rows are never shown: they would go to the wrong cells. Until a new filter's
  // rows come, the list keeps its size but shows none of the old filter's rows.
  const mine = answer.version === version ? answer.window : undefined;
  const window = mine && answer.rowsKey !== rowsKey ? { ...mine, rows: [] } : mine;
  return { window, lost: answer.version === version && answer.lost, need };
}

/** Row `i` of a window, if it holds it. */
export function rowOf(w: FindingsWindow | undefined, i: number) {
  if (!w || i < w.from || i >= w.from + w.rows.length) return undefined;
  return w.rows[i - w.from];
}
