/**
 * The README's picture of the Gantt band: a small schedule around the 国庆 调休 weeks and today,
 * applied with `--gantt`, rendered by LibreOffice (which evaluates TODAY() on this machine's date).
 *
 *   npx tsx scripts/gantt-screenshot.ts [OUT.png]   (default assets/readme/gantt.png)
 *
 * Needs soffice and pdftoppm. The workbook and PDF are written to a temporary folder.
 */

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../src/cli/main";
import { writeXlsx } from "../test/helpers/workbook";

const out = resolve(process.argv[2] ?? join(__dirname, "..", "assets", "readme", "gantt.png"));
const dir = mkdtempSync(join(tmpdir(), "ptrack-gantt-shot-"));

const d = (date: string) => ({ date });
const rows = [
  ["WBS", "任务名称", "负责人", "计划开始", "计划完成", "实际开始", "实际完成", "完成率", "前置任务"],
  ["1", "需求调研", "李娜", d("2026-09-30"), d("2026-10-09"), d("2026-09-30"), d("2026-10-13"), 100, null],
  ["2", "方案设计", "王磊", d("2026-10-12"), d("2026-10-23"), d("2026-10-14"), d("2026-10-28"), 100, "1"],
  ["3", "设备采购", "陈刚", d("2026-09-30"), d("2026-10-30"), d("2026-09-30"), d("2026-10-30"), 100, null],
  ["4", "系统开发", "赵强", d("2026-10-26"), d("2026-11-20"), d("2026-10-29"), null, 70, "2"],
  ["5", "安装调试", "陈刚", d("2026-11-02"), d("2026-11-25"), d("2026-11-04"), null, 60, "3"],
  ["6", "联调测试", "赵强", d("2026-11-23"), d("2026-11-27"), null, null, 0, "4"],
  ["7", "用户培训", "李娜", d("2026-11-26"), d("2026-11-30"), null, null, 0, "5"],
  ["8", "上线验收", "王磊", d("2026-11-30"), d("2026-11-30"), null, null, 0, "6,7"],
];

async function run(): Promise<void> {
  const input = join(dir, "甘特图示例.xlsx");
  const applied = join(dir, "甘特图示例.applied.xlsx");
  await writeXlsx(input, [{ name: "进度计划表", rows }]);
  const io = { stdout: () => {}, stderr: (s: string) => process.stderr.write(s), isTty: false };
  const code = await main(["apply", input, "-o", applied, "--gantt", "--no-notices"], io);
  if (code === 2) throw new Error("apply failed");
  execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, applied], { stdio: "pipe" });
  const pdf = join(
    dir,
    readdirSync(dir).find((f) => f.endsWith(".pdf"))!,
  );
  // The band's first page: the one whose text starts with its title.
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1] ?? 1);
  let page = 1;
  for (; page <= pages; page++) {
    const text = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], {
      encoding: "utf8",
    });
    if (text.includes("甘特图：")) break;
  }
  const p = String(page);
  // The top of the page, where the eight tasks are.
  const crop = ["-x", "40", "-y", "50", "-W", "1770", "-H", "210"];
  execFileSync("pdftoppm", [
    "-f",
    p,
    "-l",
    p,
    "-r",
    "160",
    ...crop,
    "-png",
    "-singlefile",
    pdf,
    join(dir, "gantt"),
  ]);
  copyFileSync(join(dir, "gantt.png"), out);
  process.stdout.write(`${out}\n`);
}

void run();
