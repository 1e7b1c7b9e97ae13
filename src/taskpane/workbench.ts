/**
 * The pane's state and actions: runs the use-cases on the current workbook source and keeps
 * what the pages show. No business rule lives here: findings, counts and notices all come
 * from the use-cases' report. The work itself runs in a Web Worker (./engine.ts); Office.js
 * reads and writes stay on the page, where Office.js lives.
 */

import { useCallback, useEffect, useRef, useState } from "react";
import type { ApplyOutcome } from "../app/apply";
import type { IsoDate } from "../core/dates";
import type { SettingsEdit } from "../core/plan/settings-edit";
import type { Lang } from "../core/settings";
import { inputErrorMessage } from "../i18n/errors";
import { paneWords } from "../i18n/pane";
import type { InputError } from "../host/xlsx/read";
import { debounce } from "./debounce";
import { CancelledError, createEngine, type Engine } from "./engine";
import type { FindingsQuery, FindingsWindow, PageReport, PageResult } from "./findings-query";
import type { Job, JobBase, JobStage, PaneBaselineOutcome } from "./jobs";
import type { Preferences } from "./preferences";
import type { BytesHost } from "./web-source";
import type { WorkbookSource } from "./workbook-source";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { SheetChange } from "../host/excel/watch";

export type Busy = JobStage | "load" | undefined;

/** What a write changed, for the download button (web mode). */
export type Change =
  | { kind: "apply"; operations: number }
  | { kind: "notices"; n: number }
  | { kind: "settings" }
  | { kind: "baseline"; name: string };

export interface Workbench {
  /** The last report, without its findings: the pages ask `query` for the rows they show. */
  report?: PageReport;
  /** Rows of the report's findings, for a filter and a window; undefined when no longer kept. */
  query(version: number, q: FindingsQuery): Promise<FindingsWindow | undefined>;
  busy: Busy;
  error?: string;
  /** The last run was cancelled by the user. */
  cancelled: boolean;
  /** The last apply's outcome, for the confirmation line. */
  applied?: Omit<ApplyOutcome, "report">;
  /** The finding the user picked last, `sheet!cell`. */
  selected?: string;
  /** Web mode: the changes made to the bytes in this page since they were opened or downloaded. */
  changes: Change[];
  /** Each action resolves true when it finished, false when it failed (the error is shown). */
  check(): Promise<boolean>;
  /** Web mode: read a newly opened file at once, so a bad file is reported on open. */
  open(source: WorkbookSource): Promise<boolean>;
  /** Apply; with `notices`, write the notices too: only those in `noticeKeys` (their `noticeId`) when given. */
  apply(notices: boolean, noticeKeys?: string[]): Promise<boolean>;
  /** Save an edit of the workbook's 设置 (parameters, 节假日, column mappings), then validate again. */
  saveSettings(edit: SettingsEdit): Promise<boolean>;
  /**
   * 设为基线: save the plan as baseline `name` (default the next free one), over an existing one
   * only with `replace` (the user confirmed), then validate again. True when a baseline was saved.
   */
  setBaseline(name: string | undefined, replace: boolean): Promise<boolean>;
  /** The last 设为基线's outcome, for its confirmation or refusal line. */
  baselineSaved?: PaneBaselineOutcome;
  cancel(): void;
  select(sheet: string, cell: string): Promise<void>;
  /** The changes are now in a downloaded file. */
  saved(): void;
  fail(e: unknown): void;
  reset(): void;
}

/** One sentence for a person, never a stack trace. */
export function errorMessage(e: unknown, lang: Lang, file: string): string {
  // By name, not instanceof: the reader runs in a worker or a lazily loaded chunk.
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

/** Who and when an apply's 操作日志 rows name. */
interface WriteLog {
  now: string;
  user: string;
  lang: Lang;
}

/** Columns per sheet of the last workbook read in Excel: live validation reads changed rows this wide. */
function widthsOf(wb: WorkbookSnapshot): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of wb.sheets) {
    let w = 0;
    for (const row of s.rows) if (row && row.length > w) w = row.length;
    out.set(s.name, w);
  }
  return out;
}

/** What a job reads from: the file's bytes (web mode) or, in Excel, a snapshot read here. */
async function inputOf(
  source: WorkbookSource,
  widths?: (w: Map<string, number>) => void,
): Promise<{ input: JobBase["input"]; write(r: PageResult, log: WriteLog): Promise<void> }> {
  if (source.kind === "web") {
    const host = source.host() as BytesHost;
    return {
      input: { bytes: host.bytes, token: host.token },
      write: async (r) => {
        if (r.bytes) host.replace(r.bytes);
      },
    };
  }
  const host = source.host();
  const snapshot = await host.read();
  widths?.(widthsOf(snapshot));
  return {
    input: { snapshot },
    write: async (r, log) => {
      if (!r.patch || r.patch.ops.length === 0) return;
      // What Excel could not do as planned goes to the outcome and, as a row, to 操作日志.
      const { applyAndLog, forLog } = await import(/* webpackChunkName: "apply-log" */ "../app/apply");
      // Only the log's and report's cells: laying the patch over the whole workbook on the page
      // would be main-thread work that grows with the workbook.
      const notes = await applyAndLog(host, forLog(snapshot), r.patch, log);
      if (r.outcome) r.outcome = { ...r.outcome, hostNotes: [...r.outcome.hostNotes, ...notes] };
    },
  };
}

export function useWorkbench(source: WorkbookSource | undefined, prefs: Preferences): Workbench {
  const [report, setReport] = useState<PageReport>();
  const [busy, setBusy] = useState<Busy>();
  const [error, setError] = useState<string>();
  const [cancelled, setCancelled] = useState(false);
  const [applied, setApplied] = useState<Omit<ApplyOutcome, "report">>();
  const [selected, setSelected] = useState<string>();
  const [changes, setChanges] = useState<Change[]>([]);
  const [baselineSaved, setBaselineSaved] = useState<PaneBaselineOutcome>();
  const running = useRef(false);
  /** Live validation: the last Excel read's sheet widths; undefined until a check read the workbook. */
  const widths = useRef<Map<string, number>>(undefined);
  const engine = useRef<Engine>(undefined);
  engine.current ??= createEngine();

  const fail = useCallback(
    (e: unknown) => setError(errorMessage(e, prefs.lang, source?.name ?? "")),
    [prefs.lang, source],
  );

  const asOf = prefs.asOf ? (prefs.asOf as IsoDate) : undefined;

  /**
   * One job on `on` (the current source unless given): the page reads in Excel, the engine does
   * the rest, a write goes back to the workbook.
   */
  const run = useCallback(
    async (
      job: Omit<Job, keyof JobBase> & Partial<Pick<JobBase, "input">>,
      after: (r: PageResult) => void,
      on: WorkbookSource | undefined = source,
    ): Promise<boolean> => {
      if (running.current) return false;
      if (!on) {
        setError(paneWords(prefs.lang).needWorkbook);
        return false;
      }
      running.current = true;
      setError(undefined);
      setCancelled(false);
      setBusy("read");
      try {
        widths.current = undefined;
        const io = await inputOf(on, job.kind === "check" ? (w) => (widths.current = w) : undefined);
        const full = { ...job, input: io.input, lang: prefs.lang, asOf, now: Date.now() } as Job;
        const r = await engine.current!.run(full, (s) => setBusy(s));
        if (r.bytes || r.patch) {
          setBusy("write");
          await io.write(r, {
            now: r.stamp ?? "",
            user: "user" in full ? full.user : "",
            lang: prefs.lang,
          });
        }
        after(r);
        return true;
      } catch (e) {
        if (e instanceof CancelledError) setCancelled(true);
        else (on === source ? fail : (x: unknown) => setError(errorMessage(x, prefs.lang, on.name)))(e);
        return false;
      } finally {
        running.current = false;
        setBusy(undefined);
      }
    },
    [source, prefs.lang, asOf, fail],
  );

  const check = useCallback(
    () =>
      run({ kind: "check" }, (r) => {
        setReport(r.report);
        setApplied(undefined);
      }),
    [run],
  );

  const open = useCallback((on: WorkbookSource) => run({ kind: "open" }, () => undefined, on), [run]);

  const apply = useCallback(
    (notices: boolean, noticeKeys?: string[]) =>
      run(
        { kind: "apply", notices, noticeKeys, user: userName(prefs), file: source?.name || undefined } as Job,
        (r) => {
          setReport(r.report);
          setApplied(r.outcome);
          const n = r.outcome?.notices?.written ?? 0;
          setChanges((c) => [
            ...c,
            notices ? { kind: "notices", n } : { kind: "apply", operations: r.outcome?.operations ?? 0 },
          ]);
        },
      ),
    [run, prefs, source],
  );

  const saveSettings = useCallback(
    (edit: SettingsEdit) =>
      run({ kind: "settings", edit, user: userName(prefs) } as Job, (r) => {
        // Parameters, holidays and mappings all change what a check finds: validated again at once.
        setReport(r.report);
        setApplied(undefined);
        if (r.saved) setChanges((c) => [...c, { kind: "settings" }]);
      }),
    [run, prefs],
  );

  const setBaseline = useCallback(
    async (name: string | undefined, replace: boolean) => {
      let saved: string | undefined;
      const ran = await run({ kind: "baseline", name, replace, user: userName(prefs) } as Job, (r) => {
        setBaselineSaved(r.baseline);
        if (!r.baseline?.ok) return;
        saved = r.baseline.name;
        setReport(r.report);
        setApplied(undefined);
        setChanges((c) => [...c, { kind: "baseline", name: r.baseline!.ok ? (saved ?? "") : "" }]);
      });
      // A refusal writes nothing: there is nothing new to download.
      return ran && saved !== undefined;
    },
    [run, prefs],
  );

  /**
   * Live validation of `changes`: only the changed rows are read (one round trip) and re-checked in
   * the worker, which keeps the last check's snapshot; a full check where that cannot be done.
   */
  const recheckChanged = useCallback(
    async (changes: Array<SheetChange | undefined>): Promise<boolean | "busy"> => {
      // Another job runs: these changes wait for it, never dropped (the worker's copy would miss them).
      if (running.current) return "busy";
      const known = changes.filter((c): c is SheetChange => c !== undefined);
      const w = widths.current;
      if (!source?.readChanged || !w || known.length !== changes.length) return check();
      running.current = true;
      setBusy("read");
      try {
        const edits = await source.readChanged(known, w);
        if (!edits) {
          running.current = false;
          return await check();
        }
        const job = { kind: "live", input: { edits }, lang: prefs.lang, asOf, now: Date.now() } as Job;
        const r = await engine.current!.run(job, (s) => setBusy(s));
        if (r.stale) {
          running.current = false;
          return await check();
        }
        setReport(r.report);
        return true;
      } catch (e) {
        if (e instanceof CancelledError) setCancelled(true);
        else fail(e);
        return false;
      } finally {
        running.current = false;
        setBusy(undefined);
      }
    },
    [source, prefs.lang, asOf, check, fail],
  );

  const cancel = useCallback(() => engine.current?.cancel(), []);
  const query = useCallback((version: number, q: FindingsQuery) => engine.current!.query(version, q), []);

  // Live validation: a burst of edits in Excel makes one re-check of what they changed, once the
  // workbook is still.
  const recheckRef = useRef(recheckChanged);
  recheckRef.current = recheckChanged;
  useEffect(() => {
    if (!prefs.live || !source?.watch) return undefined;
    let pending: Array<SheetChange | undefined> = [];
    let stopped = false;
    const later = debounce(() => {
      const changes = pending;
      pending = [];
      void recheckRef.current(changes).then((done) => {
        if (done !== "busy" || stopped) return;
        pending = [...changes, ...pending];
        later();
      });
    }, LIVE_DELAY_MS);
    let stop: (() => void) | undefined;
    source
      .watch((change) => {
        pending.push(change);
        later();
      })
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

  const saved = useCallback(() => setChanges([]), []);

  const reset = useCallback(() => {
    setReport(undefined);
    setApplied(undefined);
    setSelected(undefined);
    setError(undefined);
    setCancelled(false);
    setChanges([]);
    setBaselineSaved(undefined);
  }, []);

  return {
    report,
    query,
    busy,
    error,
    cancelled,
    applied,
    selected,
    changes,
    check,
    open,
    apply,
    saveSettings,
    setBaseline,
    baselineSaved,
    cancel,
    select,
    saved,
    fail,
    reset,
  };
}
