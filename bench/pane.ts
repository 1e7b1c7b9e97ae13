/**
 * The task pane in Chromium at Excel's pane width (350 px), web mode, on generated workbooks:
 *
 *   findingsMs   — from the click on 校验 to the findings list's first row on screen (the file
 *                  already open)
 *   openMs       — from choosing the file to the pane saying it is open (read in the worker)
 *   longestTaskMs— the longest main-thread task (PerformanceObserver "longtask") from choosing
 *                  the file until the findings show; tasks under 50 ms are not reported by
 *                  Chromium, so 0 means none reached 50 ms. Wall-clock: on a busy machine a
 *                  task the OS keeps waiting for a core looks long although it does little.
 *   longestTaskCpuMs — the same span from a Chrome trace: the most main-thread CPU time any one
 *                  task used (the trace's thread time of each RunTask), which the machine's load
 *                  does not inflate; longestTaskTraceMs is that trace's longest task by wall clock
 *   heapMb       — the page's JS heap (main thread, CDP Performance.getMetrics JSHeapUsedSize),
 *                  highest of samples taken every 100 ms, and after the findings show
 *
 * Needs dist/ (a production build) and /usr/bin/chromium.
 *
 *   npx tsx bench/pane.ts FILE.xlsx [FILE2.xlsx …]
 */

import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { basename, join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, DIST, serveDist } from "../test/helpers/pane-server";

export interface PaneRun {
  file: string;
  findingsMs: number;
  openMs: number;
  longestTaskMs: number;
  longestTaskCpuMs: number;
  longestTaskTraceMs: number;
  longTasks: number;
  heapMb: number;
  summary: string;
}

/** The longest task on a renderer's main thread in a Chrome trace: by thread (CPU) time and by wall clock. */
export function mainThreadTasks(buf: Buffer): { cpuMs: number; wallMs: number } {
  type Ev = {
    ph: string;
    name: string;
    pid: number;
    tid: number;
    dur?: number;
    tdur?: number;
    args?: { name?: string };
  };
  const parsed = JSON.parse(buf.toString("utf8")) as { traceEvents: Ev[] } | Ev[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const main = new Set(
    events
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  let cpu = 0;
  let wall = 0;
  for (const e of events)
    if (e.ph === "X" && e.name === "RunTask" && main.has(`${e.pid}:${e.tid}`)) {
      cpu = Math.max(cpu, e.tdur ?? 0);
      wall = Math.max(wall, e.dur ?? 0);
    }
  return { cpuMs: Math.round(cpu / 1000), wallMs: Math.round(wall / 1000) };
}

export async function paneFigures(files: string[], asOf = "2026-11-23"): Promise<PaneRun[]> {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run npm run build");
  const server = await serveDist();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const out: PaneRun[] = [];
  try {
    for (const file of files) {
      const context = await browser.newContext({ viewport: { width: 350, height: 900 }, locale: "zh-CN" });
      await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (r) => r.abort());
      await context.addInitScript((d) => {
        localStorage.setItem("ptrack.preferences", JSON.stringify({ asOf: d, lang: "zh", user: "" }));
        const w = window as unknown as { __longTasks: Array<[number, number]> };
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
        }).observe({ type: "longtask", buffered: true });
      }, asOf);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Performance.enable");
      let heap = 0;
      const sample = async () => {
        const { metrics } = await cdp.send("Performance.getMetrics");
        const h = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
        heap = Math.max(heap, h);
      };
      const { port } = server.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
      const input = page.getByLabel("打开工作簿（.xlsx）");
      await input.waitFor({ timeout: 30_000 });
      // Only tasks from here on count: loading the page itself is not the workbook's cost.
      const from = await page.evaluate(() => performance.now());
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          await sample().catch(() => undefined);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      const name = basename(file);
      await browser.startTracing(page, {
        categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"],
      });
      const t0 = Date.now();
      await input.setInputFiles(file);
      await page.getByText(`已打开：${name}`).waitFor({ timeout: 600_000 });
      // The open button is enabled again once the worker has read the file.
      await page
        .getByRole("button", { name: "校验", exact: true, disabled: false })
        .waitFor({ timeout: 600_000 });
      const openMs = Date.now() - t0;
      const t1 = Date.now();
      await page.getByRole("button", { name: "校验", exact: true }).click();
      // The list's first row, not only its frame: the rows come from the worker after the counts.
      await page
        .getByRole("tree", { name: "问题列表" })
        .getByRole("treeitem")
        .first()
        .waitFor({ timeout: 600_000 });
      const findingsMs = Date.now() - t1;
      const summary = (await page.getByText(/^错误 \d+ · 警告 \d+ · 提示 \d+$/).textContent()) ?? "";
      // Let the page settle so the observer delivers the last entries.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      sampling = false;
      await sampler;
      const trace = mainThreadTasks(await browser.stopTracing());
      await sample();
      const tasks = (
        await page.evaluate(() => (window as unknown as { __longTasks: Array<[number, number]> }).__longTasks)
      )
        .filter(([start]) => start >= from)
        .map(([, d]) => d);
      out.push({
        file: name,
        findingsMs,
        openMs,
        longestTaskMs: Math.round(Math.max(0, ...tasks)),
        longestTaskCpuMs: trace.cpuMs,
        longestTaskTraceMs: trace.wallMs,
        longTasks: tasks.length,
        heapMb: Math.round((heap / 1_048_576) * 10) / 10,
        summary,
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  return out;
}

if (require.main === module) {
  paneFigures(process.argv.slice(2))
    .then((runs) => {
      for (const r of runs) console.log(JSON.stringify(r));
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    });
}
