/**
 * `apply` on a plan whose task names are indented across columns (功能 over A, sub-items in B and
 * C with no header): the （整理） copy has one task column holding every level's name, no empty
 * 列B/列C beside it, and the user's sheet is read back unchanged.
 */

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliRunner } from "../helpers/cli";
import { openpyxlSheets } from "../helpers/second-readers";
import { writeXlsx } from "../helpers/workbook";
import { INDENTED_OUTLINE } from "../helpers/indented-plan";

const dir = mkdtempSync(join(tmpdir(), "ptrack-indent-"));
const run = cliRunner(undefined, ["--today", "2026-11-23"]);
describe("apply on a plan with task names indented across columns", () => {
  const input = join(dir, "plan.xlsx");
  const out = join(dir, "plan.out.xlsx");
  let result: { code: number; out: string; err: string };
  beforeAll(async () => {
    await writeXlsx(input, [{ name: "Sheet1", rows: INDENTED_OUTLINE }]);
    result = await run("apply", input, "-o", out);
  }, 60_000);

  it("reports no empty task on the sub-item rows", () => {
    expect(result.err).toBe("");
    expect(result.out).not.toContain("为空");
  });

  it("writes one task column with every level's name and no empty columns beside it", () => {
    const copy = openpyxlSheets(out).get("Sheet1（整理）")!;
    expect(copy.map((r) => [r[0], r[1]])).toEqual([
      ["任务名称", "负责人"],
      ["客户档案", "周一"],
      ["档案录入", "周一"],
      ["档案查询", "吴二"],
      ["按名称查询", "吴二"],
    ]);
    expect(copy[0]).not.toContain("列B");
  });

  it("leaves the user's sheet as it was", () => {
    expect(openpyxlSheets(out).get("Sheet1")).toEqual(openpyxlSheets(input).get("Sheet1"));
  });
});
