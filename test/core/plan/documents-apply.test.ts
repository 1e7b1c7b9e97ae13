/** apply on a 实施文档台账: its table, date formats and validation, live colours and marks. */

import { isoToSerial } from "../../../src/core/dates";
import type { PatchOp } from "../../../src/core/patch";
import { planApply } from "../../../src/core/plan";
import { rangeRef } from "../../../src/core/snapshot";
import { fmt, sheet, workbook } from "../../helpers/snapshot-builder";
import { OPTS } from "./options";

const D = (iso: string) => fmt(isoToSerial(iso), "yyyy-mm-dd");

const wb = (settings?: Array<[string, number]>) =>
  workbook(
    sheet("文档", [
      [
        "合同编号",
        "文档名称",
        "客服经理",
        "编写完成日期",
        "送达客户日期",
        "实施会议日期",
        "签字日期",
        "签收日期",
        "备案日期",
      ],
      ["HT-1", "业务流程方案", "王五", D("2026-11-02"), D("2026-11-04"), null, null, null, null],
      ["HT-1", "组织机构方案", "王五", D("2026-11-02"), "不详", null, null, null, D("2026-11-20")],
    ]),
    ...(settings ? [sheet("设置", [["项", "值"], ...settings])] : []),
  );

function ops<K extends PatchOp["op"]>(list: PatchOp[], op: K): Array<Extract<PatchOp, { op: K }>> {
  return list.filter((o): o is Extract<PatchOp, { op: K }> => o.op === op);
}

test("structured as a 实施文档台账 table with its dates formatted and validated", () => {
  const { patch } = planApply(wb(), OPTS);
  const tables = ops(patch.ops, "createTable");
  expect(tables.map((t) => [t.sheet, t.table.name])).toEqual([["文档", "实施文档台账"]]);
  const dates = ops(patch.ops, "setValidation").filter((v) => v.sheet === "文档");
  expect(dates.length).toBeGreaterThan(0);
});

test("rows are red while a hand-off is past its deadline, muted once filed; day counts from 设置", () => {
  const formulas = (w = wb()) =>
    ops(planApply(w, OPTS).patch.ops, "addConditionalFormats")
      .filter((o) => o.sheet === "文档" && !o.rules[0].formula.includes("标记"))
      .flatMap((o) => o.rules.map((r) => `${o.ranges.map(rangeRef).join(",")} ${r.formula}`));
  expect(formulas()).toEqual([
    'A2:I3 AND(ISNUMBER($D2),$E2="",COUNT($F2,$G2,$H2,$I2)=0,WORKDAY($D2,2)<TODAY(),N("项目跟踪:文档逾期3")=0)',
    'A2:I3 AND(ISNUMBER($E2),$F2="",COUNT($G2,$H2,$I2)=0,WORKDAY($E2,5)<TODAY(),N("项目跟踪:文档逾期4")=0)',
    'A2:I3 AND(ISNUMBER($H2),$I2="",WORKDAY($H2,2)<TODAY(),N("项目跟踪:文档逾期5")=0)',
    'A2:I3 AND($I2<>"",N("项目跟踪:完成")=0)',
  ]);
  expect(formulas(wb([["实施会议工作日数", 7]]))[1]).toContain("WORKDAY($E2,7)<TODAY()");
});

test("an unreadable chain date is marked", () => {
  const { patch, result } = planApply(wb(), OPTS);
  expect(result.findings.filter((f) => f.cell === "E3").map((f) => f.rule)).toContain("cell.date-invalid");
  const marks = ops(patch.ops, "addConditionalFormats").find(
    (o) => o.sheet === "文档" && o.rules[0].formula.includes("标记"),
  );
  expect(marks?.ranges.map(rangeRef)).toContain("E3");
});
