/** `ptrack apply` on a workbook with more findings than the 校验报告 lists. */

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "../../bench/generate";
import { cliRunner } from "../helpers/cli";
import { REPORT_LIMIT } from "../../src/core/plan/report";
import { readXlsx } from "../../src/host/xlsx/read";

const dir = mkdtempSync(join(tmpdir(), "ptrack-large-"));

const run = cliRunner();

test("apply says the 校验报告 leaves findings out and how to get them all; the sheet lists the limit", async () => {
  const input = join(dir, "大表.xlsx");
  await generate(input, 6_000, 500);
  const out = join(dir, "out.xlsx");
  const r = await run("apply", input, "-o", out, "--today", "2026-11-23", "--no-notices");
  expect(r.err).toBe("");
  expect(r.code).toBe(1);
  const total = /合计: 错误 (\d+) · 警告 (\d+) · 提示 (\d+)/.exec(r.out);
  const findings = Number(total?.[1]) + Number(total?.[2]) + Number(total?.[3]);
  expect(findings).toBeGreaterThan(REPORT_LIMIT);
  expect(r.out).toContain(
    `“校验报告”只列出 ${REPORT_LIMIT} 条发现（错误优先），另有 ${findings - REPORT_LIMIT} 条未列出；` +
      `完整清单：ptrack check '${input}' --json`,
  );
  const report = (await readXlsx(out)).sheets.find((s) => s.name === "校验报告");
  const numbered = (report?.rows ?? []).slice(7).filter((r) => typeof r?.[0]?.value === "number");
  expect(numbered).toHaveLength(REPORT_LIMIT);
  expect(String(report?.rows[2]?.[4]?.value)).toContain(`另有 ${findings - REPORT_LIMIT} 条未列出`);
}, 300_000);
