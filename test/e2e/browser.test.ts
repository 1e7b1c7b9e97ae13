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
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, DIST, serveDist } from "../helpers/pane-server";
import { SAMPLE_AS_OF, sampleCellLook, sampleWorkbook } from "../../src/app/sample";
import { checkWorkbook } from "../../src/core/check";
import { readWorkbookState } from "../../src/core/workbook-settings";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { readXlsx } from "../../src/host/xlsx/read";
import { writeSnapshotXlsx } from "../../src/host/xlsx/write-snapshot";
import { phasePlanSnapshot } from "../helpers/phase-plan";

const ROOT = join(__dirname, "..", "..");
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

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function sampleFile(name = "示例台账.xlsx") {
  return {
    name,
    mimeType: XLSX,
    buffer: Buffer.from(await writeSnapshotXlsx(sampleWorkbook(), { cell: sampleCellLook })),
  };
}

/**
 * The sample's counts as the engine finds them, in the words the pane shows: a rule added to the
 * engine moves them without breaking this test; a pane showing other counts still fails it.
 */
function sampleSummary() {
  return checkWorkbook(sampleWorkbook(), { asOf: SAMPLE_AS_OF }).summary;
}
function sampleTotal(): number {
  const { errors, warnings, infos } = sampleSummary();
  return errors + warnings + infos;
}
function sampleCounts(lang: "zh" | "en" = "zh"): string {
  const { errors: e, warnings: w, infos: i } = sampleSummary();
  return lang === "zh"
    ? `错误 ${e} · 警告 ${w} · 提示 ${i}`
    : `${e} error${e === 1 ? "" : "s"} · ${w} warning${w === 1 ? "" : "s"} · ${i} note${i === 1 ? "" : "s"}`;
}

/** A workbook with no table the product recognises: a memo and a list of phone numbers. */
function noTableWorkbook(): WorkbookSnapshot {
  const text = (v: string) => ({ value: v });
  return {
    date1904: false,
    sheets: [
      {
        name: "备忘",
        visibility: "visible",
        rows: [[text("本周例会纪要")], [text("1. 讨论了年度预算")], [text("2. 下周出差安排")]],
        merges: [],
        tables: [],
      },
      {
        name: "通讯录",
        visibility: "visible",
        rows: [
          [text("姓名"), text("电话")],
          [text("张三"), text("13800000000")],
        ],
        merges: [],
        tables: [],
      },
    ],
  } as unknown as WorkbookSnapshot;
}

/** Any text in English that is followed by a full-width parenthesis (「Overdue（3）」). */
const fullWidthAfterLatin = /[A-Za-z][（]/;

run("the task pane in Chromium (web mode)", () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let port: number;

  /** A fresh pane: its own storage, language, display name and width. */
  async function newPane(opts: { lang?: "zh" | "en"; user?: string; width?: number } = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: opts.width ?? 350, height: 900 },
      acceptDownloads: true,
      locale: opts.lang === "en" ? "en-US" : "zh-CN",
      reducedMotion: "reduce",
    });
    // A closed network: office.js never arrives, and the pane must not wait on it.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (r) => r.abort());
    await context.addInitScript(stillPage, STILL_CSS);
    await context.addInitScript(
      ([asOf, lang, user]) => {
        if (!sessionStorage.getItem("ptrack.seeded")) {
          localStorage.setItem("ptrack.preferences", JSON.stringify({ asOf, lang, user }));
          sessionStorage.setItem("ptrack.seeded", "1");
        }
      },
      [SAMPLE_AS_OF, opts.lang ?? "zh", opts.user ?? "李娜"] as const,
    );
    const p = await context.newPage();
    await p.goto(`http://127.0.0.1:${port}/taskpane.html`);
    await p.locator("#ptrack-file").waitFor({ timeout: 15_000 });
    return p;
  }

  async function openAndCheck(p: Page, file: Awaited<ReturnType<typeof sampleFile>>, zh = true) {
    await p.locator("#ptrack-file").setInputFiles(file);
    await p.getByText(zh ? `已打开：${file.name}` : `Opened: ${file.name}`).waitFor();
    await p.getByRole("button", { name: zh ? "校验" : "Validate", exact: true, disabled: false }).click();
  }

  beforeAll(async () => {
    if (!present) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package`);
    ensureBuild();
    server = await serveDist(DIST);
    port = (server.address() as AddressInfo).port;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    page = await newPane();
    mkdirSync(OUT, { recursive: true });
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
    await openAndCheck(page, await sampleFile());
    await page.getByText(sampleCounts(), { exact: true }).waitFor({ timeout: 30_000 });
    const f9 = page.getByRole("treeitem", { name: /进度计划表!F9/ });
    await f9.waitFor();
    expect(await f9.textContent()).toContain("任务「6 系统安装调试」计划于 2026-10-30 完成，已逾期 24 天");
    // The list draws the rows in view: scroll down to the contract's overdue payment, then back.
    const tree = page.getByRole("tree");
    const p4 = page.getByRole("treeitem", { name: /合同执行情况表!P4/ });
    for (let y = 0; (await p4.count()) === 0 && y < 20_000; y += 200)
      await tree.evaluate((el, top) => void (el.scrollTop = top), y);
    await expect(p4.count()).resolves.toBe(1);
    await tree.evaluate((el) => void (el.scrollTop = 0));
    await f9.waitFor();
    await f9.click();
    expect(await f9.getAttribute("aria-selected")).toBe("true");

    // No serious or critical accessibility violation on the page as the user now sees it.
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(OUT, "taskpane.png") });

    await page.getByRole("button", { name: "应用", exact: true }).click();
    const link = page.getByRole("link", { name: "下载 示例台账.ptrack.xlsx" });
    await link.waitFor({ timeout: 60_000 });
    // Until downloaded, the pane says what changed in the page only.
    await page.getByText(/^尚未下载的更改：应用 \d+ 项。/).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("示例台账.ptrack.xlsx");
    await page.getByText("已下载，之后的更改会再次提示。").waitFor();
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

  it("generates the picked notices, asks for the letterhead once, and shows the numbers written", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // Goes on from the test above: the workbook is open, validated and applied.
    await page.getByRole("tab", { name: "通知" }).click();
    const memo = page.getByRole("checkbox", { name: "备忘录 HT-2026-031" });
    await memo.waitFor();
    await expect(page.getByRole("checkbox").count()).resolves.toBe(6);
    // Installments of one contract are told apart.
    await page.getByRole("checkbox", { name: /^催款通知单 HT-2026-012 第\d+期$/ }).waitFor();
    await memo.uncheck();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(OUT, "taskpane-notices.png") });

    await page.getByRole("button", { name: "生成所选通知（5）" }).click();
    await page.getByLabel("公司名称").fill("苏州示例科技有限公司");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "保存并生成（5）" }).click();
    const written = page.getByRole("region", { name: "本次生成" });
    await written.waitFor({ timeout: 60_000 });
    const lines = await written.getByRole("listitem").allTextContents();
    expect(lines.map((l) => /^([A-Z]{2})-\d{8}-\d{3} · /.exec(l)?.[1]).sort()).toEqual([
      "CB",
      "CK",
      "SS",
      "TZ",
      "TZ",
    ]);
    await written.getByText("尚未签发 1 份。").waitFor();
    // Nothing is picked again: five are issued, the memo was skipped on purpose.
    await page.getByRole("button", { name: "生成所选通知（0）", disabled: true }).waitFor();
    expect(await memo.isChecked()).toBe(false);
    await page.screenshot({ path: join(OUT, "taskpane-notices-written.png"), fullPage: true });

    const link = page.getByRole("link", { name: "下载 示例台账.ptrack.xlsx" });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const saved = join(OUT, "示例台账.notices.xlsx");
    await download.saveAs(saved);
    const wb = await readXlsx(new Uint8Array(readFileSync(saved)));
    const notices = wb.sheets.map((s) => s.name).filter((n) => /^[A-Z]{2}-\d{8}-\d{3}$/.test(n));
    expect(notices.map((n) => n.slice(0, 2)).sort()).toEqual(["CB", "CK", "SS", "TZ", "TZ"]);
    const register = wb.sheets.find((s) => s.name === "通知台账")!;
    // Under its title and header row, one row per notice.
    expect(register.rows[0]?.[0]?.value).toBe("通知台账");
    expect(register.rows.slice(2).filter((r) => r?.[0]?.value)).toHaveLength(5);
    expect(readWorkbookState(wb).settings.companyName).toBe("苏州示例科技有限公司");
    expect(errors).toEqual([]);
  });

  it("saves a holiday and a column mapping from 设置 and 结构 into the workbook", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
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

  it("guards unsaved changes: before opening another file and before closing the tab", async () => {
    const p = await newPane();
    await openAndCheck(p, await sampleFile());
    await p.getByText(sampleCounts(), { exact: true }).waitFor({ timeout: 30_000 });
    await p.getByRole("button", { name: "应用", exact: true }).click();
    await p.getByText(/^尚未下载的更改：/).waitFor({ timeout: 60_000 });

    // Opening another file asks first; saying no keeps the workbook and its changes.
    const asked = p.waitForEvent("dialog");
    void p.locator("#ptrack-file").setInputFiles(await sampleFile("另一个.xlsx"));
    const dialog = await asked;
    expect(dialog.type()).toBe("confirm");
    expect(dialog.message()).toContain("尚未下载的更改");
    await dialog.dismiss();
    await p.getByText("已打开：示例台账.xlsx").waitFor();
    await p.getByText(/^尚未下载的更改：/).waitFor();

    // Closing the tab asks too.
    const leaving = p.waitForEvent("dialog");
    void p.close({ runBeforeUnload: true });
    const unload = await leaving;
    expect(unload.type()).toBe("beforeunload");
    await unload.dismiss();
    expect(p.isClosed()).toBe(false);
    await p.context().close();
  });

  it("reports a file that is not a workbook when it is opened", async () => {
    const p = await newPane();
    // An old binary .xls: the OLE signature.
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    await p.locator("#ptrack-file").setInputFiles({ name: "旧台账.xlsx", mimeType: XLSX, buffer: xls });
    const alert = p.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("无法读取 旧台账.xlsx");
    expect(await p.getByText("已打开：旧台账.xlsx").count()).toBe(0);
    expect(await p.getByRole("button", { name: "校验", exact: true }).isDisabled()).toBe(true);
    expect(await seriousViolations(p)).toEqual([]);
    await p.context().close();
  });

  it("after a check that found no table, every page says so instead of showing zeros", async () => {
    const p = await newPane();
    const buffer = Buffer.from(await writeSnapshotXlsx(noTableWorkbook()));
    await openAndCheck(p, { name: "会议纪要.xlsx", mimeType: XLSX, buffer });
    await p.getByText("没有识别到表格").waitFor({ timeout: 30_000 });
    for (const tab of ["结构", "逾期", "通知"]) {
      await p.getByRole("tab", { name: tab }).click();
      await p
        .getByText(/没有识别到表格|校验没有(在工作簿中)?识别到表格/)
        .first()
        .waitFor();
      expect(await p.getByText(/点击「校验」/).count()).toBe(0);
    }
    await p.getByRole("tab", { name: "逾期" }).click();
    expect(await p.getByRole("button", { name: /^逾期/ }).count()).toBe(0);
    expect(await p.getByRole("button", { name: "应用", exact: true }).isDisabled()).toBe(true);
    expect(await seriousViolations(p)).toEqual([]);
    await p.screenshot({ path: join(OUT, "taskpane-no-table.png"), fullPage: true });
    await p.context().close();
  });

  it("filters findings and shows 我的事项 for the display name", async () => {
    const p = await newPane({ user: "刘芳" });
    await openAndCheck(p, await sampleFile());
    await p.getByText(`共 ${sampleTotal()} 条`).waitFor({ timeout: 30_000 });
    await p.getByText("筛选和排序").click();
    await p.getByLabel("严重程度").selectOption({ label: "警告" });
    await p.getByText("筛选和排序（已设 1 项）").waitFor();
    await p.getByText(`显示 ${sampleSummary().warnings} / ${sampleTotal()} 条`).waitFor();
    await p.getByRole("button", { name: "清除筛选" }).click();
    await p.getByLabel("搜索").fill("系统安装调试");
    await p.getByRole("treeitem", { name: /进度计划表!F9/ }).waitFor();
    expect(await p.getByRole("treeitem", { name: /合同执行情况表!P4/ }).count()).toBe(0);
    await p.getByRole("button", { name: "清除筛选" }).click();
    await p.getByLabel("我的事项（刘芳）").check();
    await p.getByText(new RegExp(`^显示 \\d+ / ${sampleTotal()} 条$`)).waitFor();
    const items = p.getByRole("treeitem", { name: /刘芳/ });
    const shown = p.locator("[role=treeitem]:not([aria-expanded])");
    await items.first().waitFor();
    expect(await shown.count()).toBe(await items.count());
    await p.getByLabel("排序").selectOption({ label: "按金额" });
    expect(await seriousViolations(p)).toEqual([]);
    await p.screenshot({ path: join(OUT, "taskpane-mine.png"), fullPage: true });
    await p.context().close();
  });

  it("逾期: a tile opens its worklist and an item goes to its cell", async () => {
    const p = await newPane();
    await openAndCheck(p, await sampleFile());
    await p.getByText(sampleCounts(), { exact: true }).waitFor({ timeout: 30_000 });
    await p.getByRole("tab", { name: "逾期" }).click();
    const tile = p.getByRole("button", { name: /^逾期收款 3 待收 ¥840,000\.00$/ });
    await tile.click();
    expect(await tile.getAttribute("aria-pressed")).toBe("true");
    const items = p.getByRole("treeitem");
    await items.first().waitFor();
    expect(await items.count()).toBe(3);
    const first = items.first();
    expect(await first.textContent()).toMatch(/^合同执行情况表!P3逾期 268 天 · ¥70,000\.00 · 陈刚、刘芳/);
    await first.click();
    expect(await first.getAttribute("aria-selected")).toBe("true");
    expect(await seriousViolations(p)).toEqual([]);
    await p.screenshot({ path: join(OUT, "taskpane-overdue.png"), fullPage: true });
    await p.context().close();
  });

  it("逾期: the critical path as a compact timeline at 350 px, a task going to its cell", async () => {
    const p = await newPane();
    await openAndCheck(p, await sampleFile());
    await p.getByText(sampleCounts(), { exact: true }).waitFor({ timeout: 30_000 });
    await p.getByRole("tab", { name: "逾期" }).click();
    const section = p.getByRole("region", { name: "关键路径" });
    await section.waitFor();
    await section.getByText("计划完工 2026-12-28，按当前进度 2027-01-25，推迟 20 个工作日").waitFor();
    const tasks = section.getByRole("button");
    expect(await tasks.allTextContents()).toEqual([
      "6 系统安装调试 · 延误",
      "7 系统联调测试",
      "11 项目验收",
      "12 文档整理归档",
    ]);
    // The timeline fits the pane: nothing wider than the viewport.
    const widest = await section.evaluate((el) => el.scrollWidth);
    expect(widest).toBeLessThanOrEqual(350);
    await tasks.first().click();
    expect(await seriousViolations(p)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(OUT, "taskpane-critical.png"), fullPage: true });
    await p.context().close();
  });

  it("works by keyboard alone: focus comes back to 校验, the list is one Tab stop with arrow keys", async () => {
    const p = await newPane();
    await p.locator("#ptrack-file").setInputFiles(await sampleFile());
    await p.getByText("已打开：示例台账.xlsx").waitFor();
    const check = p.getByRole("button", { name: "校验", exact: true, disabled: false });
    await check.focus();
    await p.keyboard.press("Enter");
    await p.getByText(sampleCounts(), { exact: true }).waitFor({ timeout: 30_000 });
    // Focus went back to the control that started the check.
    await p.waitForFunction(() => document.activeElement?.textContent === "校验");
    // Tab on until the list: every finding is behind that one stop.
    const tree = p.getByRole("tree", { name: "问题列表" });
    for (let i = 0; i < 30 && !(await tree.evaluate((t) => t === document.activeElement)); i++)
      await p.keyboard.press("Tab");
    expect(await tree.evaluate((t) => t === document.activeElement)).toBe(true);
    await p.keyboard.press("ArrowDown");
    await p.keyboard.press("Enter");
    const chosen = p.getByRole("treeitem", { selected: true });
    await chosen.waitFor();
    expect(await chosen.textContent()).toMatch(/^进度计划表!/);
    await p.keyboard.press("Tab");
    expect(await tree.evaluate((t) => t === document.activeElement)).toBe(false);
    await p.context().close();
  });

  it("shows a plan's phases across columns on 结构, at 320 px in English", async () => {
    const p = await newPane({ lang: "en", width: 320 });
    const buffer = Buffer.from(await writeSnapshotXlsx(phasePlanSnapshot()));
    await openAndCheck(p, { name: "订货平台计划.xlsx", mimeType: XLSX, buffer }, false);
    await p
      .getByText(/\d+ errors? · /)
      .first()
      .waitFor({ timeout: 30_000 });
    await p.getByRole("tab", { name: "Structure" }).click();
    const phases = p.locator("dt", { hasText: "Phases" }).locator("xpath=following-sibling::dd[1]");
    expect(await phases.textContent()).toBe(
      "需求 (columns C–D), 设计 (columns E–F), 开发 (columns G–H), 测试 (columns I–J); 11 tasks (one per row and phase)",
    );
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
    expect(fullWidthAfterLatin.exec(await p.evaluate(() => document.body.innerText))).toBeNull();
    expect(await seriousViolations(p)).toEqual([]);
    await p.screenshot({ path: join(OUT, "taskpane-en-320-phases.png"), fullPage: true });
    await p.context().close();
  });

  it("fits 320 px in English on every page, with everything in English", async () => {
    const p = await newPane({ lang: "en", width: 320 });
    await openAndCheck(p, await sampleFile(), false);
    await p.getByText(sampleCounts("en"), { exact: true }).waitFor({ timeout: 30_000 });
    for (const tab of ["Validate", "Structure", "Overdue", "Notices", "Settings"]) {
      await p.getByRole("tab", { name: tab }).click();
      await p.getByRole("tabpanel", { name: tab }).waitFor();
      if (tab === "Overdue") await p.getByRole("button", { name: /^Overdue payments 3/ }).click();
      await p.locator("[role=tabpanel] :is(p, button, table, [role=tree], label)").first().waitFor();
      const wide = await p.evaluate(() => document.documentElement.scrollWidth);
      expect({ tab, wide }).toEqual({ tab, wide: 320 });
      const text = await p.evaluate(() => document.body.innerText);
      expect({ tab, fullWidth: fullWidthAfterLatin.exec(text)?.[0] }).toEqual({ tab, fullWidth: undefined });
      expect(text).not.toMatch(/\(s\)|\b1 (errors|warnings|days)\b|planEnd|receivedAmount/);
      await p.screenshot({ path: join(OUT, `taskpane-en-320-${tab.toLowerCase()}.png`), fullPage: true });
    }
    expect(await seriousViolations(p)).toEqual([]);
    await p.context().close();
  });
});
