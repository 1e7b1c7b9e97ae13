/**
 * The writer's output opens in a second, independent spreadsheet application: LibreOffice
 * converts it to PDF. Skipped on a developer machine without soffice; in CI (CI=true, which
 * installs libreoffice-calc) a missing soffice is a failure, never a silent skip.
 */

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OWN_TAG, type WorkbookPatch } from "../../src/core/patch";
import { applyPatchXlsx } from "../../src/host/xlsx/apply";
import { writeXlsx } from "../helpers/workbook";

const R = (r1: number, c1: number, r2: number, c2: number) => ({ r1, c1, r2, c2 });

function soffice(): string | undefined {
  try {
    return execFileSync("which", ["soffice"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const bin = soffice();
if (!bin && process.env.CI) throw new Error("CI needs LibreOffice: apt-get install libreoffice-calc");
const maybe = bin ? test : test.skip;

maybe(
  "LibreOffice converts an applied workbook to PDF",
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "ptrack-lo-"));
    try {
      const input = await writeXlsx(undefined, [
        {
          name: "合同执行情况表",
          rows: [
            ["合同执行情况表"],
            [],
            ["合同编号", "签订日期", "合同金额", "是否验收"],
            ["HT-001", { date: "2026-02-13" }, 120000, "是"],
            ["HT-002", { date: "2026-03-01" }, 5000, "否"],
          ],
          merges: ["A1:D1"],
        },
      ]);
      const patch: WorkbookPatch = {
        ops: [
          {
            op: "createTable",
            sheet: "合同执行情况表",
            table: { name: "合同执行情况表", range: R(3, 1, 5, 4), style: "TableStyleMedium2" },
          },
          { op: "setNumberFormat", sheet: "合同执行情况表", range: R(4, 2, 20, 2), format: "yyyy-mm-dd" },
          { op: "setNumberFormat", sheet: "合同执行情况表", range: R(4, 3, 20, 3), format: "#,##0.00" },
          {
            op: "setValidation",
            sheet: "合同执行情况表",
            range: R(4, 4, 20, 4),
            validation: {
              rule: { type: "list", items: ["是", "否"], allowBlank: true },
              errorMessage: "是或否",
            },
          },
          { op: "clearOwnFormats", sheet: "合同执行情况表" },
          {
            op: "addConditionalFormats",
            sheet: "合同执行情况表",
            ranges: [R(4, 1, 5, 4)],
            rules: [{ formula: `AND(N("${OWN_TAG}")=0,$B4<TODAY())`, fill: "FFC7CE", fontColor: "9C0006" }],
          },
          {
            op: "writeSheet",
            sheet: "校验报告",
            owner: { kind: "report", id: "main" },
            visibility: "visible",
            after: "合同执行情况表",
            content: {
              rows: [
                [{ v: "校验报告", style: { bold: true, size: 16 } }],
                [
                  { v: "规则", style: { bold: true, fill: "DDEBF7", border: "all" } },
                  { v: "单元格", style: { bold: true, border: "all" } },
                ],
                [{ v: "合同逾期" }, { v: "B4", link: { sheet: "合同执行情况表", cell: "B4" } }],
              ],
              merges: [R(1, 1, 1, 2)],
              colWidths: [20, 12],
              freeze: { rows: 2, cols: 0 },
              tables: [{ name: "校验结果", range: R(2, 1, 3, 2), style: "TableStyleLight9" }],
              pageSetup: {
                paper: "A4",
                orientation: "landscape",
                fitToWidth: 1,
                printArea: R(1, 1, 3, 2),
                printTitleRows: { r1: 2, r2: 2 },
                centerHorizontally: true,
              },
            },
          },
          { op: "ensureSheet", sheet: "设置", owner: { kind: "settings", id: "main" }, visibility: "hidden" },
        ],
      };
      const file = join(dir, "applied.xlsx");
      writeFileSync(file, applyPatchXlsx(input, patch));
      execFileSync(
        bin!,
        [
          `-env:UserInstallation=file://${join(dir, "profile")}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          dir,
          file,
        ],
        { timeout: 110_000, stdio: "pipe" },
      );
      const pdf = join(dir, "applied.pdf");
      expect(existsSync(pdf)).toBe(true);
      expect(statSync(pdf).size).toBeGreaterThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  120_000,
);
