/**
 * The task pane: one header with the workbook and its actions, five pages. The same pane runs
 * inside Excel (an Office source) and in a plain browser (a web source opened from a file).
 */

import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from "react";
import type { SettingsEdit } from "../core/plan/settings-edit";
import type { DeclaredTable, MappingOverride } from "../core/recognise";
import { paneWords } from "../i18n/pane";
import type { NoticePicks } from "./pages/NoticesPage";
import { loadPreferences, savePreferences, type Preferences } from "./preferences";
import { resultName, webSource, type WebSource } from "./web-source";
import { useWorkbench } from "./workbench";
import type { WorkbookSource, WorkbookUi } from "./workbook-source";

// Pages load when first shown (校验 at once): the first load stays small.
const CheckPage = lazy(() =>
  import(/* webpackChunkName: "check-page" */ "./pages/CheckPage").then((m) => ({ default: m.CheckPage })),
);
const StructurePage = lazy(() =>
  import(/* webpackChunkName: "pages" */ "./pages/StructurePage").then((m) => ({ default: m.StructurePage })),
);
const OverduePage = lazy(() =>
  import(/* webpackChunkName: "pages" */ "./pages/OverduePage").then((m) => ({ default: m.OverduePage })),
);
const NoticesPage = lazy(() =>
  import(/* webpackChunkName: "pages" */ "./pages/NoticesPage").then((m) => ({ default: m.NoticesPage })),
);
const SettingsPage = lazy(() =>
  import(/* webpackChunkName: "pages" */ "./pages/SettingsPage").then((m) => ({ default: m.SettingsPage })),
);

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase500 },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  file: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalS,
  },
  progress: {
    margin: `${tokens.spacingVerticalS} 0`,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  tabs: { flexWrap: "wrap" },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  download: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, width: "100%" },
  page: { paddingTop: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground3 },
});

type Page = "structure" | "check" | "overdue" | "notices" | "settings";
const PAGES: Page[] = ["structure", "check", "overdue", "notices", "settings"];

export interface AppProps {
  /** "office" with its source, or "web" (the user opens a file), or "none" (Office without a host). */
  mode: { kind: "office"; source: WorkbookSource } | { kind: "web" } | { kind: "none" };
  /** Web mode: how a cell is shown; the pane itself highlights the finding. */
  webUi?: WorkbookUi;
  initialPrefs?: Preferences;
}

const NO_UI: WorkbookUi = { selectCell: () => undefined };

export function App({ mode, webUi = NO_UI, initialPrefs }: AppProps) {
  const [prefs, setPrefs] = useState<Preferences>(() => initialPrefs ?? loadPreferences());
  const [page, setPage] = useState<Page>("check");
  const [web, setWeb] = useState<WebSource>();
  const [download, setDownload] = useState<{ url: string; name: string }>();
  // Kept here, not on the 通知 page, so the picks survive a look at another page.
  const [noticePicks, setNoticePicks] = useState<NoticePicks>();
  const source: WorkbookSource | undefined = mode.kind === "office" ? mode.source : web;
  const bench = useWorkbench(source, prefs);
  const w = paneWords(prefs.lang);
  const s = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);

  const changePrefs = useCallback((p: Preferences) => {
    setPrefs(p);
    savePreferences(p);
  }, []);

  useEffect(() => {
    document.documentElement.lang = prefs.lang === "en" ? "en-US" : "zh-CN";
  }, [prefs.lang]);

  // A download link holds the result's bytes; release them when it is replaced.
  useEffect(() => () => (download ? URL.revokeObjectURL(download.url) : undefined), [download]);

  // Web mode: changes live only in this page until downloaded; closing the tab asks first.
  const unsaved = bench.changes.length > 0;
  useEffect(() => {
    if (!unsaved) return undefined;
    const guard = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", guard);
    return () => window.removeEventListener("beforeunload", guard);
  }, [unsaved]);

  // Focus goes back to the control that started an action once it is over (a busy button is
  // disabled meanwhile, which drops focus to the page).
  const starter = useRef<HTMLElement | null>(null);
  const busyNow = bench.busy !== undefined;
  useEffect(() => {
    if (busyNow) {
      const el = document.activeElement;
      if (el instanceof HTMLElement && el !== document.body) starter.current = el;
      return;
    }
    const el = starter.current;
    starter.current = null;
    if (el && el.isConnected && (document.activeElement === document.body || !document.activeElement))
      el.focus();
  }, [busyNow]);

  const { reset, open } = bench;
  const openFile = useCallback(
    async (e: ChangeEvent<HTMLInputElement>) => {
      const input = e.target;
      const file = input.files?.[0];
      if (!file) return;
      if (unsaved && !window.confirm(w.web.discard)) {
        input.value = "";
        return;
      }
      reset();
      setDownload(undefined);
      setNoticePicks(undefined);
      const next = webSource(file.name, new Uint8Array(await file.arrayBuffer()), webUi);
      setWeb(next);
      // Read at once: a file that is not a workbook is reported now, not on 校验.
      if (!(await open(next))) setWeb(undefined);
    },
    [reset, open, webUi, unsaved, w.web.discard],
  );

  // Web mode: each write changes the bytes held in the page; offer the latest as a download.
  const offer = useCallback(
    (written: boolean) => {
      if (!written || !web) return;
      const blob = new Blob([web.host().bytes as BlobPart], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      setDownload({ url: URL.createObjectURL(blob), name: resultName(web.name) });
    },
    [web],
  );

  const { apply, saveSettings } = bench;
  const applyAndOffer = useCallback(
    async (notices: boolean, noticeKeys?: string[]) => offer(await apply(notices, noticeKeys)),
    [apply, offer],
  );
  const saveAndOffer = useCallback(
    async (edit: SettingsEdit) => {
      const saved = await saveSettings(edit);
      offer(saved);
      return saved;
    },
    [saveSettings, offer],
  );
  const { setBaseline } = bench;
  const setBaselineAndOffer = useCallback(
    async (name: string | undefined, replace: boolean) => offer(await setBaseline(name, replace)),
    [setBaseline, offer],
  );
  const saveMappings = useCallback(
    (mappings: MappingOverride[]) => saveAndOffer({ mappings }),
    [saveAndOffer],
  );
  const saveDeclared = useCallback((declared: DeclaredTable[]) => saveAndOffer({ declared }), [saveAndOffer]);

  const busy = bench.busy !== undefined;
  const report = bench.report;
  const noTable = report !== undefined && report.tables.length === 0;
  const pageBody = useMemo(() => {
    switch (page) {
      case "structure":
        return (
          <StructurePage
            tables={report?.tables}
            lang={prefs.lang}
            mappings={report?.state.mappings}
            busy={busy}
            onSaveMappings={saveMappings}
            declared={report?.state.declared}
            onSaveDeclared={saveDeclared}
            checked={report !== undefined}
          />
        );
      case "check":
        return (
          <CheckPage
            report={report}
            query={bench.query}
            lang={prefs.lang}
            selected={bench.selected}
            onSelect={bench.select}
            me={prefs.user.trim()}
          />
        );
      case "overdue":
        if (noTable) return <Text>{w.noTable.page}</Text>;
        return (
          <OverduePage
            report={report}
            query={bench.query}
            lang={prefs.lang}
            onSelect={bench.select}
            selected={bench.selected}
            baseline={{
              busy,
              onSet: (name, replace) => void setBaselineAndOffer(name, replace),
              outcome: bench.baselineSaved,
            }}
          />
        );
      case "notices":
        if (noTable) return <Text>{w.noTable.page}</Text>;
        return (
          <NoticesPage
            report={report}
            lang={prefs.lang}
            busy={busy}
            onGenerate={(ids) => applyAndOffer(true, ids)}
            picks={noticePicks}
            onPicks={setNoticePicks}
            outcome={bench.applied}
            company={report?.state.settings}
            onSaveCompany={saveAndOffer}
          />
        );
      case "settings":
        return (
          <SettingsPage
            prefs={prefs}
            onChange={changePrefs}
            state={report?.state}
            busy={busy}
            liveAvailable={source?.watch !== undefined}
            onSave={saveAndOffer}
          />
        );
    }
  }, [
    page,
    report,
    noTable,
    bench.selected,
    bench.select,
    bench.query,
    bench.applied,
    bench.baselineSaved,
    setBaselineAndOffer,
    prefs,
    busy,
    applyAndOffer,
    saveAndOffer,
    saveMappings,
    saveDeclared,
    changePrefs,
    noticePicks,
    source,
  ]);

  // What a screen reader hears when an action ends.
  // (An error is announced by its own alert.)
  const announcement = bench.error
    ? ""
    : bench.cancelled
      ? w.cancelled
      : busy
        ? ""
        : report
          ? w.done(w.check.summary(report.summary.errors, report.summary.warnings, report.summary.infos))
          : "";

  return (
    <FluentProvider theme={webLightTheme} className={s.root} lang={prefs.lang === "en" ? "en-US" : "zh-CN"}>
      <main>
        <h1 className={s.title}>{w.title}</h1>
        <div className={s.hidden} aria-live="polite" aria-atomic="true">
          {announcement}
        </div>
        {mode.kind === "none" && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{w.office.noHost}</MessageBarTitle>
              {w.office.noHostDetail}
            </MessageBarBody>
          </MessageBar>
        )}
        {mode.kind === "web" && (
          <div className={s.file}>
            <label htmlFor="ptrack-file">
              <Text weight="semibold">{w.web.open}</Text>
            </label>
            <input
              id="ptrack-file"
              ref={fileInput}
              type="file"
              accept=".xlsx"
              onChange={openFile}
              disabled={busy}
            />
            <Text size={200} className={s.hint}>
              {web ? w.web.opened(web.name) : w.web.hint}
            </Text>
          </div>
        )}
        {mode.kind !== "none" && (
          <div className={s.bar}>
            <Button appearance="primary" onClick={bench.check} disabled={busy || !source}>
              {w.actions.check}
            </Button>
            <Button
              onClick={() => applyAndOffer(false)}
              disabled={busy || !source || noTable}
              title={w.applyHint}
            >
              {w.actions.apply}
            </Button>
            {download && (
              <div className={s.download}>
                <Button
                  as="a"
                  appearance={unsaved ? "primary" : "secondary"}
                  href={download.url}
                  download={download.name}
                  onClick={bench.saved}
                >
                  {w.web.download(download.name)}
                </Button>
                <Text size={200} className={s.hint}>
                  {unsaved ? w.web.unsaved(bench.changes) : w.web.downloaded}
                </Text>
              </div>
            )}
          </div>
        )}
        {busy && (
          <div className={s.progress} role="status">
            <Spinner size="tiny" label={w.stages[bench.busy!]} />
            <Button size="small" onClick={bench.cancel}>
              {w.actions.cancel}
            </Button>
          </div>
        )}
        {bench.error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{w.error.title}</MessageBarTitle>
              {bench.error}
            </MessageBarBody>
          </MessageBar>
        )}
        {bench.cancelled && !busy && (
          <MessageBar intent="info">
            <MessageBarBody>{w.cancelled}</MessageBarBody>
          </MessageBar>
        )}
        {noTable && !busy && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{w.noTable.title}</MessageBarTitle>
              {w.noTable.detail}
              {report.overview.notRecognized.map((f, i) => (
                <Text as="p" block size={200} key={i}>
                  {f.sheet}：{f.message}
                </Text>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
        {bench.applied && !busy && (
          <MessageBar intent="success">
            <MessageBarBody>
              {w.applied(bench.applied.operations)}
              {bench.applied.notices &&
                ` ${w.noticesWritten(
                  bench.applied.notices.written,
                  bench.applied.notices.created,
                  bench.applied.deferredNotices,
                )}`}
            </MessageBarBody>
          </MessageBar>
        )}
        <TabList
          className={s.tabs}
          selectedValue={page}
          onTabSelect={(_e, d) => setPage(d.value as Page)}
          size="small"
        >
          {PAGES.map((p) => (
            <Tab key={p} value={p}>
              {w.tabs[p]}
            </Tab>
          ))}
        </TabList>
        <div className={s.page} role="tabpanel" aria-label={w.tabs[page]}>
          <Suspense fallback={<Spinner size="tiny" label={w.stages.load} />}>{pageBody}</Suspense>
        </div>
      </main>
    </FluentProvider>
  );
}
