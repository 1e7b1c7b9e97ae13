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
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ChangeEvent } from "react";
import type { SettingsEdit } from "../core/plan/settings-edit";
import type { MappingOverride } from "../core/recognise";
import { paneWords } from "../i18n/pane";
import { CheckPage } from "./pages/CheckPage";
import type { NoticePicks } from "./pages/NoticesPage";
import { loadPreferences, savePreferences, type Preferences } from "./preferences";
import { resultName, webSource, type WebSource } from "./web-source";
import { useWorkbench } from "./workbench";
import type { WorkbookSource, WorkbookUi } from "./workbook-source";

// The pane opens on 校验; the other pages and the form controls only they use load when first shown.
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
  progress: { margin: `${tokens.spacingVerticalS} 0` },
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

  const changePrefs = useCallback((p: Preferences) => {
    setPrefs(p);
    savePreferences(p);
  }, []);

  useEffect(() => {
    document.documentElement.lang = prefs.lang === "en" ? "en-US" : "zh-CN";
  }, [prefs.lang]);

  // A download link holds the result's bytes; release them when it is replaced.
  useEffect(() => () => (download ? URL.revokeObjectURL(download.url) : undefined), [download]);

  const { reset, fail, setBusy } = bench;
  const openFile = useCallback(
    async (e: ChangeEvent<HTMLInputElement>) => {
      const file = e.target.files?.[0];
      if (!file) return;
      reset();
      setDownload(undefined);
      setBusy("read");
      try {
        setWeb(webSource(file.name, new Uint8Array(await file.arrayBuffer()), webUi));
      } catch (err) {
        fail(err);
      } finally {
        setBusy(undefined);
      }
    },
    [reset, fail, setBusy, webUi],
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
  const saveMappings = useCallback(
    (mappings: MappingOverride[]) => saveAndOffer({ mappings }),
    [saveAndOffer],
  );

  const busy = bench.busy !== undefined;
  const pageBody = useMemo(() => {
    switch (page) {
      case "structure":
        return (
          <StructurePage
            tables={bench.report?.tables}
            lang={prefs.lang}
            mappings={bench.report?.state.mappings}
            busy={busy}
            onSaveMappings={saveMappings}
          />
        );
      case "check":
        return (
          <CheckPage
            report={bench.report}
            lang={prefs.lang}
            selected={bench.selected}
            onSelect={bench.select}
          />
        );
      case "overdue":
        return <OverduePage report={bench.report} lang={prefs.lang} />;
      case "notices":
        return (
          <NoticesPage
            report={bench.report}
            lang={prefs.lang}
            busy={busy}
            onGenerate={(ids) => applyAndOffer(true, ids)}
            picks={noticePicks}
            onPicks={setNoticePicks}
          />
        );
      case "settings":
        return (
          <SettingsPage
            prefs={prefs}
            onChange={changePrefs}
            state={bench.report?.state}
            busy={busy}
            liveAvailable={source?.watch !== undefined}
            onSave={saveAndOffer}
          />
        );
    }
  }, [
    page,
    bench.report,
    bench.selected,
    bench.select,
    prefs,
    busy,
    applyAndOffer,
    saveAndOffer,
    saveMappings,
    changePrefs,
    noticePicks,
    source,
  ]);

  return (
    <FluentProvider theme={webLightTheme} className={s.root} lang={prefs.lang === "en" ? "en-US" : "zh-CN"}>
      <main>
        <h1 className={s.title}>{w.title}</h1>
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
            <input id="ptrack-file" type="file" accept=".xlsx" onChange={openFile} disabled={busy} />
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
            <Button onClick={() => applyAndOffer(false)} disabled={busy || !source} title={w.applyHint}>
              {w.actions.apply}
            </Button>
            {download && (
              <a href={download.url} download={download.name}>
                {w.web.download(download.name)}
              </a>
            )}
          </div>
        )}
        {busy && (
          <div className={s.progress} role="status">
            <Spinner size="tiny" label={w.stages[bench.busy!]} />
          </div>
        )}
        {bench.error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{w.error.title}</MessageBarTitle>
              {bench.error}
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
        <TabList selectedValue={page} onTabSelect={(_e, d) => setPage(d.value as Page)} size="small">
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
