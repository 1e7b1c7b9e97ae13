/**
 * The pane's state and actions: runs the use-cases on the current workbook source and keeps
 * what the pages show. No business rule lives here: findings, counts and notices all come
 * from the use-cases' report.
 */

import { useCallback, useEffect, useRef, useState } from "react";
import type { ApplyOutcome, Stage } from "../app/apply";
import type { CheckReport } from "../app/check";
import type { IsoDate } from "../core/dates";
import type { SettingsEdit } from "../core/plan/settings-edit";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { Lang } from "../core/settings";
import { inputErrorMessage } from "../i18n/errors";
import { paneWords } from "../i18n/pane";
import type { InputError } from "../host/xlsx/read";
import { debounce } from "./debounce";
import type { Preferences } from "./preferences";
import type { WorkbookSource } from "./workbook-source";

export type Busy = Stage | "load" | undefined;

export interface Workbench {
  report?: CheckReport;
  busy: Busy;
  error?: string;
  /** The last apply's outcome, for the confirmation line. */
  applied?: ApplyOutcome;
  /** The finding the user picked last, `sheet!cell`. */
  selected?: string;
  /** Each action resolves true when it finished, false when it failed (the error is shown). */
  check(): Promise<boolean>;
  /** Apply; with `notices`, write the notices too: only those in `noticeKeys` (their `noticeId`) when given. */
  apply(notices: boolean, noticeKeys?: string[]): Promise<boolean>;
  /** Save an edit of the workbook's 设置 (parameters, 节假日, column mappings), then validate again. */
  saveSettings(edit: SettingsEdit): Promise<boolean>;
  select(sheet: string, cell: string): Promise<void>;
  fail(e: unknown): void;
  setBusy(b: Busy): void;
  reset(): void;
}

/** One sentence for a person, never a stack trace. */
export function errorMessage(e: unknown, lang: Lang, file: string): string {
  // By name, not instanceof: the reader lives in a lazily loaded chunk.
  if (e instanceof Error && e.name === "InputError") return inputErrorMessage(e as InputError, lang, file);
  const text = e instanceof Error ? e.message : String(e);
  return paneWords(lang).error.generic(text);
}

/** The name 操作日志 and the 通知台账 record for this user. */
function userName(prefs: Preferences): string {
  return prefs.user.trim() || (prefs.lang === "zh" ? "网页用户" : "web user");
}

/** How long the workbook must stay still before live validation runs. */
export const LIVE_DELAY_MS = 1500;

/** Lets React paint the spinner before synchronous work blocks the thread. */
const paint = () => new Promise<void>((r) => setTimeout(r, 0));

export function useWorkbench(source: WorkbookSource | undefined, prefs: Preferences): Workbench {
  const [report, setReport] = useState<CheckReport>();
  const [busy, setBusy] = useState<Busy>();
  const [error, setError] = useState<string>();
  const [applied, setApplied] = useState<ApplyOutcome>();
  const [selected, setSelected] = useState<string>();
  const running = useRef(false);

  const fail = useCallback(
    (e: unknown) => setError(errorMessage(e, prefs.lang, source?.name ?? "")),
    [prefs.lang, source],
  );

  const run = useCallback(
    async (first: Busy, work: (stage: (s: Stage) => void) => Promise<void>): Promise<boolean> => {
      if (running.current) return false;
      if (!source) {
        setError(paneWords(prefs.lang).needWorkbook);
        return false;
      }
      running.current = true;
      setError(undefined);
      setBusy(first);
      try {
        await paint();
        await work((s) => setBusy(s));
        return true;
      } catch (e) {
        fail(e);
        return false;
      } finally {
        running.current = false;
        setBusy(undefined);
      }
    },
    [source, prefs.lang, fail],
  );

  const asOf = prefs.asOf ? (prefs.asOf as IsoDate) : undefined;

  /** Check a snapshot and show its report. */
  const checkNow = useCallback(
    async (wb: WorkbookSnapshot, stage: (s: Stage) => void) => {
      // The rules and their parsers load on first use, so the pane itself opens fast.
      const { checkSnapshot } = await import(/* webpackChunkName: "check" */ "../app/check");
      stage("check");
      await paint();
      setReport(checkSnapshot(wb, { asOf, lang: prefs.lang }));
      setApplied(undefined);
    },
    [asOf, prefs.lang],
  );

  /** 校验: read the workbook and check it. */
  const readAndCheck = useCallback(
    async (stage: (s: Stage) => void) => {
      stage("read");
      await checkNow(await source!.host().read(), stage);
    },
    [source, checkNow],
  );

  const check = useCallback(() => run("read", readAndCheck), [run, readAndCheck]);

  const apply = useCallback(
    (notices: boolean, noticeKeys?: string[]) =>
      run("load", async (stage) => {
        // The planner and the .xlsx writer are the heavy half of the bundle: loaded on first use.
        const { runApply } = await import(/* webpackChunkName: "apply" */ "../app/apply");
        const outcome = await runApply(source!.host(), {
          asOf,
          lang: prefs.lang,
          normalize: false,
          notices,
          noticeKeys,
          user: userName(prefs),
          onStage: stage,
        });
        setReport(outcome.report);
        setApplied(outcome);
      }),
    [run, source, asOf, prefs.lang, prefs.user],
  );

  const saveSettings = useCallback(
    (edit: SettingsEdit) =>
      run("write", async (stage) => {
        const { runSettingsEdit } = await import(/* webpackChunkName: "apply" */ "../app/settings");
        const saved = await runSettingsEdit(source!.host(), edit, prefs.lang, { user: userName(prefs) });
        // Parameters, holidays and mappings all change what a check finds: validate again at once,
        // on the workbook as the save left it (no second read).
        await checkNow(saved.workbook, stage);
      }),
    [run, source, prefs, checkNow],
  );

  // Live validation: a burst of edits in Excel makes one check once the workbook is still.
  const checkRef = useRef(check);
  checkRef.current = check;
  useEffect(() => {
    if (!prefs.live || !source?.watch) return undefined;
    const later = debounce(() => void checkRef.current(), LIVE_DELAY_MS);
    let stop: (() => void) | undefined;
    let stopped = false;
    source
      .watch(() => later())
      .then((s) => (stopped ? s() : (stop = s)))
      .catch(() => undefined);
    return () => {
      stopped = true;
      later.cancel();
      stop?.();
    };
  }, [prefs.live, source]);

  const select = useCallback(
    async (sheet: string, cell: string) => {
      setSelected(`${sheet}!${cell}`);
      try {
        await source?.ui.selectCell(sheet, cell);
      } catch (e) {
        fail(e);
      }
    },
    [source, fail],
  );

  const reset = useCallback(() => {
    setReport(undefined);
    setApplied(undefined);
    setSelected(undefined);
    setError(undefined);
  }, []);

  return { report, busy, error, applied, selected, check, apply, saveSettings, select, fail, setBusy, reset };
}
