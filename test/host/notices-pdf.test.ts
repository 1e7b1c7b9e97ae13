/**
 * Each notice type, printed through LibreOffice, is one A4 page: a workbook holding just that
 * notice sheet converts to a one-page PDF. Skipped without soffice on a developer machine; in
 * CI a missing soffice fails (see libreoffice.test.ts).
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sampleWorkbook } from "../../src/app/sample";
import type { PatchOp } from "../../src/core/patch";
import { planApply } from "../../src/core/plan";
import { applyPatchXlsx } from "../../src/host/xlsx/apply";
import { writeXlsx } from "../helpers/workbook";

function which(cmd: string): string | undefined {
  try {
    return execFileSync("which", [cmd], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const bin = which("soffice");
if (!bin && process.env.CI) throw new Error("CI needs LibreOffice: apt-get install libreoffice-calc");
const maybe = bin ? test : test.skip;

/** Pages in a PDF: the /Type /Page objects (not /Pages). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

maybe(
  "every notice type and the 通知台账 print on one A4 page",
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "ptrack-notice-"));
    try {
      // Every contract of the sample marked for a 致谢函, so each type has a notice to print.
      const wb = sampleWorkbook();
      const contracts = wb.sheets.find((x) => x.name === "合同执行情况表")!;
      const header = contracts.rows.findIndex((r) => r?.some((c) => c?.value === "合同编号"));
      const width = contracts.rows[header]!.length;
      contracts.rows[header]![width] = { value: "致谢函" };
      for (let r = header + 1; r < contracts.rows.length; r++)
        if (contracts.rows[r]?.[0]) contracts.rows[r]![width] = { value: "是" };
      const { patch } = planApply(wb, {
        today: "2026-11-23",
        now: "2026-11-23 10:00:00",
        user: "王磊",
        lang: "zh",
        normalize: false,
        settings: { companyName: "三才软件有限公司" },
      });
      const docs = patch.ops.filter(
        (o): o is Extract<PatchOp, { op: "writeSheet" }> =>
          o.op === "writeSheet" && (/^[A-Z]{2}-\d{8}-\d{3}$/.test(o.sheet) || o.sheet === "通知台账"),
      );
      expect(new Set(docs.map((d) => d.sheet.slice(0, 2)))).toEqual(
        new Set(["CK", "SS", "TZ", "BW", "ZX", "CB", "通知"]),
      );
      // An empty first sheet prints nothing, so the PDF's pages are the notice's.
      const base = await writeXlsx(undefined, [{ name: "空", rows: [] }]);
      const files = docs.map((d) => {
        const file = join(dir, `${d.sheet}.xlsx`);
        writeFileSync(file, applyPatchXlsx(base, { ops: [{ ...d, after: "空" }] }));
        return file;
      });
      execFileSync(
        bin!,
        [
          `-env:UserInstallation=file://${join(dir, "profile")}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          dir,
          ...files,
        ],
        { timeout: 170_000, stdio: "pipe" },
      );
      const pages = Object.fromEntries(
        docs.map((d) => [d.sheet, pageCount(readFileSync(join(dir, `${d.sheet}.pdf`)))]),
      );
      expect(pages).toEqual(Object.fromEntries(docs.map((d) => [d.sheet, 1])));
      // The register prints its title and the columns a reader needs, never the 原因键.
      const pdftotext = which("pdftotext");
      if (pdftotext) {
        const text = execFileSync(pdftotext, [join(dir, "通知台账.pdf"), "-"], { encoding: "utf8" });
        expect(text).toContain("通知台账");
        expect(text).toContain("抄送");
        expect(text).toContain("更正自");
        expect(text).not.toContain("原因键");
        const ck = execFileSync(
          pdftotext,
          [join(dir, `${docs.find((d) => d.sheet.startsWith("CK-"))!.sheet}.pdf`), "-"],
          { encoding: "utf8" },
        );
        expect(ck.split("\n")[0]).toBe("三才软件有限公司");
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  180_000,
);
