/** apply on the 风险登记, 问题清单 and 变更申请: each row coloured live by what the rules report. */

import { isoToSerial } from "../../../src/core/dates";
import type { PatchOp } from "../../../src/core/patch";
import { planApply } from "../../../src/core/plan";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { rangeRef } from "../../../src/core/snapshot";
import { ruleApplies, type Value } from "../../helpers/cf-formula";
import { fmt, sheet, workbook } from "../../helpers/snapshot-builder";
import { OPTS } from "./options";

const D = (iso: string) => fmt(isoToSerial(iso), "yyyy-mm-dd");

const RISKS = ["风险编号", "风险描述", "风险等级", "应对措施", "负责人", "应对期限", "状态", "最近评审日期"];
const ISSUES = ["问题编号", "问题描述", "提出日期", "负责人", "计划解决日期", "状态", "实际解决日期"];
const CHANGES = [
  "变更编号",
  "合同编号",
  "变更内容",
  "申请日期",
  "申请人",
  "评审日期",
  "批准日期",
  "审批结果",
];

const wb = () =>
  workbook(
    sheet("风险", [
      RISKS,
      ["R-1", "关键用户变动", "高", null, "李娜", D("2026-12-15"), "跟踪中", D("2026-11-20")], // high, no response
      ["R-2", "接口排期", "中", "锁定窗口", "陈刚", D("2026-11-13"), "跟踪中", D("2026-11-20")], // response overdue
      ["R-3", "数据质量", "低", "分批导入", "李娜", D("2026-12-31"), "跟踪中", D("2026-10-30")], // not reviewed
      ["R-4", "到货延迟", "高", null, "陈刚", D("2026-10-31"), "已关闭", D("2026-10-28")], // closed
      ["R-5", "人员充足", "低", "无", "陈刚", D("2026-12-31"), "跟踪中", D("2026-11-20")], // fine
    ]),
    sheet("问题", [
      ISSUES,
      ["I-1", "接口报错", D("2026-11-02"), "陈刚", D("2026-11-10"), "处理中", null], // overdue
      ["I-2", "报表缺字段", D("2026-11-02"), "陈刚", D("2026-11-10"), "已解决", null], // closed by status
      ["I-3", "权限配置", D("2026-11-02"), "陈刚", D("2026-11-10"), "处理中", D("2026-11-09")], // resolved
      ["I-4", "打印格式", D("2026-11-02"), "陈刚", D("2026-12-10"), "处理中", null], // not yet due
    ]),
    sheet("变更", [
      CHANGES,
      ["BG-1", "HT-1", "部署顺延", D("2026-11-10"), "张三", D("2026-11-11"), D("2026-11-12"), "批准"],
      ["BG-2", "HT-1", "增加报表", D("2026-11-12"), "张三", null, null, null],
    ]),
  );

function colours(w: WorkbookSnapshot, sheetName: string, today: string): string[] {
  const ops = planApply(w, OPTS).patch.ops.filter(
    (o): o is Extract<PatchOp, { op: "addConditionalFormats" }> =>
      o.op === "addConditionalFormats" && o.sheet === sheetName && !o.rules[0].formula.includes("标记"),
  );
  const rows = w.sheets.find((s) => s.name === sheetName)!.rows;
  const cells = (r: number, c: number): Value => {
    const v = rows[r - 1]?.[c - 1]?.value;
    return v === undefined ? null : (v as Value);
  };
  const out: string[] = [];
  for (const o of ops) {
    const range = o.ranges[0];
    for (let r = range.r1; r <= range.r2; r++) {
      const rule = o.rules.find((x) =>
        ruleApplies(x.formula, { r, c: range.c1, r0: range.r1, c0: range.c1 }, cells, isoToSerial(today)),
      );
      const tag = rule ? /项目跟踪:([^"]+)/.exec(rule.formula)![1] : "-";
      out.push(`${r} ${tag}`);
    }
  }
  return out;
}

test("风险登记 rows: closed grey, overdue or high without a response red, not reviewed amber", () => {
  expect(colours(wb(), "风险", "2026-11-23")).toEqual([
    "2 高风险",
    "3 风险逾期",
    "4 风险评审",
    "5 完成",
    "6 -",
  ]);
});

test("every colour formula fits Excel's 255-character limit", () => {
  const all = planApply(wb(), OPTS).patch.ops.flatMap((o) =>
    o.op === "addConditionalFormats" ? o.rules.map((r) => r.formula) : [],
  );
  expect(all.length).toBeGreaterThan(6);
  expect(all.filter((f) => f.length > 255)).toEqual([]);
});

test("问题清单 rows: solved or closed grey, overdue red", () => {
  expect(colours(wb(), "问题", "2026-11-23")).toEqual(["2 问题逾期", "3 完成", "4 完成", "5 -"]);
  // The same rows a month later: the last issue has turned red by itself.
  expect(colours(wb(), "问题", "2026-12-11")).toEqual(["2 问题逾期", "3 完成", "4 完成", "5 问题逾期"]);
});

test("变更申请 rows: red while undecided past 变更审批工作日数 working days, grey once decided", () => {
  const formulas = ops(wb());
  expect(formulas).toEqual([
    'A2:H3 AND(ISNUMBER($D2),$G2="",$H2="",WORKDAY($D2,3)<TODAY(),N("项目跟踪:变更逾期")=0)',
    'A2:H3 AND(OR($G2<>"",$H2<>""),N("项目跟踪:完成")=0)',
  ]);
  const withSetting = workbook(
    ...wb().sheets,
    sheet("设置", [
      ["项", "值"],
      ["变更审批工作日数", 5],
    ]),
  );
  expect(ops(withSetting)[0]).toContain("WORKDAY($D2,5)<TODAY()");
});

function ops(w: WorkbookSnapshot): string[] {
  return planApply(w, OPTS)
    .patch.ops.filter(
      (o): o is Extract<PatchOp, { op: "addConditionalFormats" }> =>
        o.op === "addConditionalFormats" && o.sheet === "变更" && !o.rules[0].formula.includes("标记"),
    )
    .flatMap((o) => o.rules.map((r) => `${o.ranges.map(rangeRef).join(",")} ${r.formula}`));
}
