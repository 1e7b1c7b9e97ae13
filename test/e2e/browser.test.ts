/**
 * The task pane in real Chromium, web mode, as a user meets it: the production bundle served
 * over HTTP, a workbook opened from the file input, 校验 shows findings with their cells, 应用
 * offers NAME.ptrack.xlsx for download and that file holds the tables and the 校验报告, and the
 * 通知 page generates only the notices left picked. The page must pass axe-core with no serious or
 * critical violation. Screenshots are kept in test-output/.
 *
 * Needs Debian's chromium at /usr/bin/chromium; skipped without it on a workstation, failing in CI.
 */

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { SAMPLE_AS_OF, sampleCellLook, sampleWorkbook } from "../../src/app/sample";
import { readWorkbookState } from "../../src/core/workbook-settings";
import { readXlsx } from "../../src/host/xlsx/read";
import { writeSnapshotXlsx } from "../../src/host/xlsx/write-snapshot";

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const CHROMIUM = "/usr/bin/chromium";
const OUT = join(ROOT, "test-output");
const present = existsSync(CHROMIUM);
const run = present || process.env.CI ? describe : describe.skip;

jest.setTimeout(180_000);

/** How long the build before the tests may take: a hang, not a slow machine, should reach it. */
const BUILD_LIMIT = 20 * 60_000;

/** Newest modification time under a path (files only). */
function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/** dist/ is reused when it is newer than every source that goes into it. */
function ensureBuild(): void {
  const html = join(DIST, "taskpane.html");
  const sources = Math.max(newest(join(ROOT, "src")), newest(join(ROOT, "webpack.config.js")));
  if (existsSync(html) && statSync(html).mtimeMs > sources && !readFileSync(html, "utf8").includes("main.js"))
    return;
  execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "pipe" });
}

/**
 * No transitions or animations in the test page: a colour check must see a button's settled
 * colours, never a frame half-way through a hover or press transition (which failed a contrast
 * check once on a busy machine). Injected before any of the page's own scripts run.
 */
const STILL_CSS = "*, *::before, *::after { transition: none !important; animation: none !important; }";

function stillPage(css: string): void {
  const add = () => {
    const style = document.createElement("style");
    style.setAttribute("data-test", "still");
    style.textContent = css;
    document.head.appendChild(style);
  };
  if (document.head) add();
  else document.addEventListener("DOMContentLoaded", add, { once: true });
}

/**
 * Waits until nothing on the page is moving: every finite animation or transition has finished,
 * then two frames so styles are recalculated. Returns how many are still running (0 expected).
 */
async function settled(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const finite = () =>
      document.getAnimations().filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? 0));
    await Promise.all(finite().map((a) => a.finished.catch(() => undefined)));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return document.getAnimations().filter((a) => a.playState === "running").length;
  });
}

/** Serious and critical axe-core violations on the page as the user now sees it, once it is still. */
async function seriousViolations(page: Page): Promise<unknown[]> {
  // The state the colour checks are about: transitions off, nothing running.
  expect(await page.evaluate(() => !!document.querySelector('style[data-test="still"]'))).toBe(true);
  expect(await settled(page)).toBe(0);
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>, used by Fluent's
    // TabList) are a known aria-hidden-focus false positive: they only hand focus on
    // (microsoft/tabster#288, microsoft/fluentui#25133). Everything else is checked.
    const r = await axe.run({ exclude: [["[data-tabster-dummy]"]] } as never);
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.html),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
};

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(
      /^[/\\]+/,
      "",
    );
    const file = join(dir, path || "taskpane.html");
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

run("the task pane in Chromium (web mode)", () => {
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!present) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package`);
    ensureBuild();
    server = await serve(DIST);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 350, height: 900 },
      acceptDownloads: true,
      locale: "zh-CN",
      reducedMotion: "reduce",
    });
    // A closed network: office.js never arrives, and the pane must not wait on it.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (r) => r.abort());
    await context.addInitScript(stillPage, STILL_CSS);
    await context.addInitScript((asOf) => {
      localStorage.setItem("ptrack.preferences", JSON.stringify({ asOf, lang: "zh", user: "李娜" }));
    }, SAMPLE_AS_OF);
    page = await context.newPage();
    // The production build may run here first; on two cores busy with the rest of the suite it
    // can take minutes. It is a state to wait for, so this hook's limit is far beyond any build.
  }, BUILD_LIMIT);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  it("opens a workbook, validates, applies and downloads NAME.ptrack.xlsx", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/taskpane.html`);

    const file = page.getByLabel("打开工作簿（.xlsx）");
    await file.waitFor({ timeout: 15_000 });
    const bytes = await writeSnapshotXlsx(sampleWorkbook(), { cell: sampleCellLook });
    await file.setInputFiles({
      name: "示例台账.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: bytes,
    });
    await page.getByText("已打开：示例台账.xlsx").waitFor();

    await page.getByRole("button", { name: "校验", exact: true }).click();
    await page.getByText("错误 12 · 警告 5 · 提示 2").waitFor({ timeout: 30_000 });
    const f9 = page.getByRole("button", { name: /进度计划表!F9/ });
    await f9.waitFor();
    expect(await f9.textContent()).toContain("任务「6 系统安装调试」计划于 2026-10-30 完成，已逾期 24 天");
    await expect(page.getByRole("button", { name: /合同执行情况表!P4/ }).count()).resolves.toBe(1);
    await f9.click();
    expect(await f9.getAttribute("aria-current")).toBe("true");

    // No serious or critical accessibility violation on the page as the user now sees it.
    expect(await seriousViolations(page)).toEqual([]);

    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, "taskpane.png") });

    await page.getByRole("button", { name: "应用", exact: true }).click();
    const link = page.getByRole("link", { name: "下载 示例台账.ptrack.xlsx" });
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("示例台账.ptrack.xlsx");
    const saved = join(OUT, "示例台账.ptrack.xlsx");
    await download.saveAs(saved);
    const wb = await readXlsx(new Uint8Array(readFileSync(saved)));
    const names = wb.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["进度计划表", "合同执行情况表", "校验报告"]));
    expect(wb.sheets.find((s) => s.name === "进度计划表")!.tables).toHaveLength(1);
    expect(wb.sheets.find((s) => s.name === "合同执行情况表")!.tables).toHaveLength(1);
    expect(wb.sheets.find((s) => s.name === "校验报告")!.rows.length).toBeGreaterThan(19);

    await page.screenshot({ path: join(OUT, "taskpane-applied.png") });
    expect(errors).toEqual([]);
  });

  it("generates only the notices left picked on the 通知 page", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // Goes on from the test above: the workbook is open, validated and applied.
    await page.getByRole("tab", { name: "通知" }).click();
    const memo = page.getByRole("checkbox", { name: "备忘录 HT-2026-031" });
    await memo.waitFor();
    await expect(page.getByRole("checkbox").count()).resolves.toBe(5);
    await memo.uncheck();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(OUT, "taskpane-notices.png") });

    await page.getByRole("button", { name: "生成所选通知（4）" }).click();
    // The new report picks every notice again once the run is over.
    await page
      .getByRole("button", { name: "生成所选通知（5）", disabled: false })
      .waitFor({ timeout: 60_000 });
    const link = page.getByRole("link", { name: "下载 示例台账.ptrack.xlsx" });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const saved = join(OUT, "示例台账.notices.xlsx");
    await download.saveAs(saved);
    const wb = await readXlsx(new Uint8Array(readFileSync(saved)));
    const notices = wb.sheets.map((s) => s.name).filter((n) => /^[A-Z]{2}-\d{8}-\d{3}$/.test(n));
    expect(notices.map((n) => n.slice(0, 2)).sort()).toEqual(["CK", "SS", "TZ", "TZ"]);
    const register = wb.sheets.find((s) => s.name === "通知台账")!;
    expect(register.rows.slice(1).filter((r) => r?.[0]?.value)).toHaveLength(4);
    expect(errors).toEqual([]);
  });

  it("saves a holiday and a column mapping from 设置 and 结构 into the workbook", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // Goes on from the tests above: the workbook is open, validated, applied and has notices.
    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByRole("button", { name: "添加一行" }).click();
    await page.getByLabel("日期 1").fill("2027-02-08");
    await page.getByLabel("名称 1").fill("春节");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(OUT, "taskpane-settings.png"), fullPage: true });
    await page.getByRole("button", { name: "保存节假日" }).click();
    await page.getByText("已保存到工作簿，并已重新校验。").waitFor({ timeout: 60_000 });

    await page.getByRole("tab", { name: "结构" }).click();
    const f = page.getByLabel("F 列「计划完成」对应的字段");
    await f.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await f.selectOption({ label: "（不对应）" });
    await page.getByRole("button", { name: "保存列对应" }).first().click();
    await page.getByText("（手动）").waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(OUT, "taskpane-structure.png"), fullPage: true });

    const link = page.getByRole("link", { name: "下载 示例台账.ptrack.xlsx" });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const saved = join(OUT, "示例台账.settings.xlsx");
    await download.saveAs(saved);
    const state = readWorkbookState(await readXlsx(new Uint8Array(readFileSync(saved))));
    expect(state.holidays).toEqual([{ date: "2027-02-08", type: "休", name: "春节" }]);
    expect(state.mappings).toEqual([{ sheet: "进度计划表", column: "F", field: null }]);
    expect(errors).toEqual([]);
  });
});
