/** The sample workbook checked as of its own date: what the pane's pages show in these tests. */

import { act, fireEvent, screen } from "@testing-library/react";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../src/app/sample";
import { checkWorkbook } from "../../src/core/check";
import type { IsoDate } from "../../src/core/dates";
import type { Lang } from "../../src/core/settings";
import type { WorkbookHost } from "../../src/host/host";
import { paneReport, type PaneReport } from "../../src/taskpane/jobs";
import type { WorkbookSource, WorkbookUi } from "../../src/taskpane/workbook-source";

export function sampleReport(lang: Lang = "zh"): PaneReport {
  return paneReport(sampleWorkbook(), {
    asOf: SAMPLE_AS_OF as IsoDate,
    today: SAMPLE_AS_OF as IsoDate,
    lang,
  });
}

/** The sample's summary as the engine computes it, and its total of findings. */
export function sampleSummary(): { errors: number; warnings: number; infos: number; total: number } {
  const s = checkWorkbook(sampleWorkbook(), { asOf: SAMPLE_AS_OF as IsoDate }).summary;
  return { ...s, total: s.errors + s.warnings + s.infos };
}

/**
 * The sample's counts as the engine finds them, in the words the pane's header shows. A rule
 * added to the engine moves them without breaking the pane's tests; a pane that shows other
 * counts than the check found still fails them.
 */
export function sampleCounts(lang: Lang = "zh"): string {
  const { errors: e, warnings: w, infos: i } = sampleSummary();
  return lang === "zh"
    ? `错误 ${e} · 警告 ${w} · 提示 ${i}`
    : `${e} error${e === 1 ? "" : "s"} · ${w} warning${w === 1 ? "" : "s"} · ${i} note${i === 1 ? "" : "s"}`;
}

/** An Office-like source over the sample snapshot; `read` can be made to fail. */
export function fakeSource(ui: WorkbookUi, host?: Partial<WorkbookHost>): WorkbookSource {
  const h: WorkbookHost = {
    read: async () => sampleWorkbook(),
    apply: async () => undefined,
    ...host,
  };
  return { kind: "office", name: "台账.xlsx", host: () => h, ui };
}

export const PREFS = { asOf: SAMPLE_AS_OF, lang: "zh" as const, user: "李娜", live: false };

/**
 * Click a tab of the pane and wait for its page: pages other than 校验 load on first use, as
 * they do in the browser.
 */
export async function openTab(name: string): Promise<void> {
  fireEvent.click(screen.getByRole("tab", { name }));
  await act(async () => {
    await Promise.all([
      import("../../src/taskpane/pages/CheckPage"),
      import("../../src/taskpane/pages/StructurePage"),
      import("../../src/taskpane/pages/OverduePage"),
      import("../../src/taskpane/pages/NoticesPage"),
      import("../../src/taskpane/pages/SettingsPage"),
    ]);
  });
}
