/**
 * What `ptrack check` tells a user whose sheet it did not recognise: the nearest kind, the headers it
 * matched, the ones missing and the fix, when one header names a schedule's field specifically; the
 * plain count of cells for a sheet with no header of any kind.
 */

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSnapshotXlsx } from "../../src/host/xlsx/write-snapshot";
import { cliRunner } from "../helpers/cli";
import { sheet, workbook } from "../helpers/snapshot";

const dir = mkdtempSync(join(tmpdir(), "ptrack-near-miss-"));

const run = cliRunner();

async function file(): Promise<string> {
  const p = join(dir, "plan.xlsx");
  const wb = workbook(
    sheet("WBS", [
      ["WBS #", "Phase", "Task Name"],
      ["1.0", "Project", "Garden plan"],
      ["1.1", "Planning", "Form a committee"],
      ["1.2", "Planning", "Find a site"],
    ]),
    sheet("日记", [
      ["日期", "天气", "心情"],
      ["周一", "晴", "好"],
      ["周二", "雨", "一般"],
      ["周三", "阴", "好"],
    ]),
  );
  writeFileSync(p, await writeSnapshotXlsx(wb));
  return p;
}

describe("ptrack check on sheets it does not recognise", () => {
  test("a sheet headed Task Name is told what to add; a diary gets the plain message", async () => {
    const { code, out, err } = await run("check", await file(), "--today", "2026-03-01");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain(
      "该工作表第 1 行的表头最接近进度计划表：已对上「Task Name」，缺少「计划开始」或「计划完成」或「工期」，未识别为表格。" +
        "请把对应列的表头改为「计划开始」或「计划完成」或「工期」，或在「结构」页把已有的列对应到它，或用命令行 --map 'WBS!列=planStart'",
    );
    expect(out).toContain("工作表中有 12 个单元格的数据，未识别为进度计划表、合同执行情况表或收款计划表");
    expect(out.split("最接近").length - 1).toBe(1);
  });

  test("--lang en says the same in English", async () => {
    const { out } = await run("check", await file(), "--today", "2026-03-01", "--lang", "en");
    expect(out).toContain(
      "This sheet: the header on row 1 comes closest to a schedule table: it has Task Name but lacks " +
        "Plan Start or Plan End or Duration, so no table was recognised. Rename the column's header to " +
        "Plan Start or Plan End or Duration, map an existing column to it on 结构, or pass --map 'WBS!<column>=planStart' to the CLI",
    );
    expect(out).toContain(
      "This sheet holds 12 cells of data that match no schedule, contract or payment table",
    );
  });
});
