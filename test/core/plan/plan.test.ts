import { sampleWorkbook } from "../../../src/app/sample";
import { checkWorkbook } from "../../../src/core/check";
import { isoToSerial } from "../../../src/core/dates";
import type { PatchOp, SheetContent } from "../../../src/core/patch";
import { planApply, planClear } from "../../../src/core/plan";
import { parseA1, rangeRef, type Range, type WorkbookSnapshot } from "../../../src/core/snapshot";
import { PARAM_LABELS } from "../../../src/core/workbook-settings";
import { fmt, sheet, workbook } from "../../helpers/snapshot-builder";
import { applyInMemory } from "./apply-in-memory";
import { OPTS } from "./options";

const D = (iso: string) => fmt(isoToSerial(iso), "yyyy-mm-dd");

type Op<K extends PatchOp["op"]> = Extract<PatchOp, { op: K }>;
function ops<K extends PatchOp["op"]>(list: PatchOp[], kind: K, sheetName?: string): Array<Op<K>> {
  return list.filter((o): o is Op<K> => o.op === kind && (sheetName === undefined || o.sheet === sheetName));
}
function written(list: PatchOp[], name: string): SheetContent {
  const w = ops(list, "writeSheet").find((o) => o.sheet === name);
  if (!w) throw new Error(`no writeSheet ${name}`);
  return w.content;
}
const refs = (rs: Range[]) => rs.map(rangeRef);

/** A plain one-row-header schedule at A1, rows as given. */
function schedule(name: string, rows: unknown[][], extra: Parameters<typeof sheet>[2] = {}) {
  return sheet(
    name,
    [["WBS编码", "任务名称", "负责人", "计划开始", "计划完成", "实际完成", "完成率"], ...(rows as never[][])],
    extra,
  );
}

describe("structure", () => {
  test("the sample's five regions become tables named for their kind, over header through last data row", () => {
    const { patch } = planApply(sampleWorkbook(), OPTS);
    expect(
      ops(patch.ops, "createTable").map((o) => [o.sheet, o.table.name, rangeRef(o.table.range)]),
    ).toEqual([
      ["进度计划表", "进度计划表", "A3:P15"],
      ["合同执行情况表", "合同执行情况表", "A2:AD8"],
      ["实施文档台账", "实施文档台账", "A2:N6"],
      ["风险登记", "风险登记", "A2:I6"],
      ["变更申请", "变更申请", "A2:J5"],
    ]);
  });

  test("repeated kinds are numbered, unique against tables already in the workbook", () => {
    const taken = sheet(
      "旧表",
      [
        ["a", "b"],
        [1, 2],
      ],
      {
        tables: [{ name: "进度计划表", range: { r1: 1, c1: 1, r2: 2, c2: 2 }, headerRow: true }],
      },
    );
    const row = ["1", "设计", "张三", D("2026-11-02"), D("2026-11-06"), null, fmt(0.5, "0%")];
    const wb = workbook(taken, schedule("一期", [row]), schedule("二期", [row]));
    const names = ops(planApply(wb, OPTS).patch.ops, "createTable").map((o) => o.table.name);
    expect(names).toEqual(["进度计划表2", "进度计划表3"]);
  });

  test("a region already under a table gets no second table, but keeps formats and validation", () => {
    const row = ["1", "设计", "张三", D("2026-11-02"), D("2026-11-06"), null, fmt(0.5, "0%")];
    const wb = workbook(
      schedule("计划", [row], {
        tables: [{ name: "我的表", range: { r1: 1, c1: 1, r2: 2, c2: 7 }, headerRow: true }],
      }),
    );
    const { patch } = planApply(wb, OPTS);
    expect(ops(patch.ops, "createTable")).toEqual([]);
    expect(ops(patch.ops, "setValidation", "计划").length).toBeGreaterThan(0);
  });

  test("number formats only where a cell holds a value and is General today, marked as the product's, over vertical runs", () => {
    const wb = workbook(
      schedule("计划", [
        ["1", "设计", "张三", 46328, D("2026-11-06"), null, 0.5],
        ["2", "开发", "李四", 46329, fmt(46340, "m/d/yyyy"), null, 1],
        ["3", "测试", "王五", 46330, 46345, null, 0],
      ]),
    );
    const fmts = ops(planApply(wb, OPTS).patch.ops, "setNumberFormat").map((o) => [
      rangeRef(o.range),
      o.format,
    ]);
    // The blank F2:F4 may carry a format of the user's that the snapshot cannot show: left alone.
    expect(fmts).toEqual([
      ["D2:D4", '""yyyy-mm-dd'],
      ["E4", '""yyyy-mm-dd'],
      ["G2:G4", '""0%'],
    ]);
  });

  test('a 0–100 progress column gets 0"%" and a 0–100 validation', () => {
    const wb = workbook(
      schedule("计划", [["1", "设计", "张三", D("2026-11-02"), D("2026-11-06"), null, 50]]),
    );
    const list = planApply(wb, OPTS).patch.ops;
    expect(ops(list, "setNumberFormat").find((o) => o.range.c1 === 7)?.format).toBe('""0"%"');
    const v = ops(list, "setValidation").find((o) => o.range.c1 === 7);
    expect(v?.validation.rule).toEqual({ type: "decimal", min: 0, max: 100, allowBlank: true });
  });

  test("validations per field type, with messages in the workbook language", () => {
    const list = planApply(sampleWorkbook(), { ...OPTS, lang: "en" }).patch.ops;
    const byCol = new Map(
      ops(list, "setValidation", "进度计划表").map((o) => [rangeRef(o.range), o.validation]),
    );
    expect(byCol.get("F4:F15")).toEqual({
      rule: { type: "date", allowBlank: true },
      errorMessage: "Enter a valid date, e.g. 2026-11-23",
    });
    expect(byCol.get("I4:I15")?.rule).toEqual({ type: "decimal", min: 0, max: 1, allowBlank: true });
    expect(byCol.get("N4:N15")?.rule).toEqual({ type: "list", items: ["是", "否"], allowBlank: true });
    const money = ops(list, "setValidation", "合同执行情况表").find((o) => rangeRef(o.range) === "E3:E8");
    expect(money?.validation.rule).toEqual({ type: "decimal", min: 0, allowBlank: true });
  });
});

describe("regions that cannot become a table in place", () => {
  function twoRowHeader(): WorkbookSnapshot {
    return workbook(
      sheet(
        "进度",
        [
          ["序号", "任务名称", "负责人", "计划", null, "实际完成", "完成率"],
          [null, null, null, "开始", "完成", null, null],
          [1, "设计", "张三", "2026/11/02", D("2026-11-06"), null, "50%"],
          [2, "开发", "=1+1", D("2026-11-09"), D("2026-11-30"), null, 0],
        ],
        { merges: [{ r1: 1, c1: 4, r2: 1, c2: 5 }] },
      ),
    );
  }

  test("a two-row header gets a normalised copy; no operation touches the original", () => {
    const wb = twoRowHeader();
    const { patch } = planApply(wb, { ...OPTS, normalize: true });
    expect(patch.ops.filter((o) => "sheet" in o && o.sheet === "进度")).toEqual([]);
    const copy = written(patch.ops, "进度（整理）");
    expect(copy.rows[0]?.map((c) => c?.v)).toEqual([
      "WBS编码",
      "任务名称",
      "负责人",
      "计划开始",
      "计划完成",
      "实际完成",
      "完成率",
      "原行号",
    ]);
    // Text dates become real dates, percents fractions, and a value that looks like a formula stays text.
    expect(copy.rows[1]?.[3]).toEqual({ v: isoToSerial("2026-11-02"), style: { numFmt: "yyyy-mm-dd" } });
    expect(copy.rows[1]?.[6]).toEqual({ v: 0.5, style: { numFmt: "0%" } });
    expect(copy.rows[2]?.[2]).toEqual({ v: "=1+1" });
    expect(copy.rows[2]?.[7]).toEqual({ v: 4 });
    expect(copy.tables).toEqual([
      { name: "进度计划表", range: { r1: 1, c1: 1, r2: 3, c2: 8 }, style: "TableStyleMedium2" },
    ]);
    // Highlights and validation go on the copy.
    const cf = ops(patch.ops, "addConditionalFormats", "进度（整理）");
    expect(cf.at(-1)?.ranges.map(rangeRef)).toEqual(["A2:H3"]);
    expect(ops(patch.ops, "setValidation", "进度（整理）").length).toBeGreaterThan(0);
  });

  test("merged cells inside, a duplicate header or an overlapping table also mean a copy", () => {
    const row = ["1", "设计", "张三", D("2026-11-02"), D("2026-11-06"), null, fmt(0.5, "0%")];
    const merged = schedule("合并", [row, row.map((v, i) => (i === 0 ? "2" : v))], {
      merges: [{ r1: 2, c1: 2, r2: 3, c2: 2 }],
    });
    const dup = sheet("重复", [
      ["WBS编码", "任务名称", "负责人", "计划开始", "计划完成", "备注", "备注"],
      ["1", "设计", "张三", D("2026-11-02"), D("2026-11-06"), "a", "b"],
    ]);
    const overlap = schedule("重叠", [row], {
      tables: [{ name: "别人的表", range: { r1: 2, c1: 6, r2: 5, c2: 9 }, headerRow: true }],
    });
    const { patch } = planApply(workbook(merged, dup, overlap), OPTS);
    expect(ops(patch.ops, "createTable")).toEqual([]);
    expect(ops(patch.ops, "writeSheet").map((o) => o.sheet)).toEqual(
      expect.arrayContaining(["合并（整理）", "重复（整理）", "重叠（整理）"]),
    );
    const dupHeaders = written(patch.ops, "重复（整理）").rows[0]?.map((c) => c?.v);
    expect(dupHeaders).toEqual([
      "WBS编码",
      "任务名称",
      "负责人",
      "计划开始",
      "计划完成",
      "备注",
      "备注2",
      "原行号",
    ]);
  });

  test("error marks of a copied region land on the copy's cells", () => {
    const wb = workbook(
      sheet(
        "进度",
        [
          ["序号", "任务名称", "负责人", "计划", null],
          [null, null, null, "开始", "完成"],
          [1, "设计", "张三", D("2026-11-02"), D("2026-11-06")],
          [2, "开发", null, D("2026-11-09"), D("2026-11-30")],
        ],
        { merges: [{ r1: 1, c1: 4, r2: 1, c2: 5 }] },
      ),
    );
    const { patch, result } = planApply(wb, OPTS);
    expect(result.findings.some((f) => f.cell === "C4" && f.severity === "error")).toBe(true);
    const marks = ops(patch.ops, "addConditionalFormats", "进度（整理）").find((o) =>
      o.rules[0].formula.includes("标记"),
    );
    expect(marks?.ranges.map(rangeRef)).toContain("C3");
  });
});

describe("highlights", () => {
  test("schedule rows: exact formulas, whole rows, marks first", () => {
    const { patch } = planApply(sampleWorkbook(), OPTS);
    const cf = ops(patch.ops, "addConditionalFormats", "进度计划表");
    // Marks, then the critical tasks' names (the sample's 前置任务 make a critical path), then rows.
    expect(cf).toHaveLength(3);
    expect(cf[0].rules.map((r) => r.formula)).toEqual(['N("项目跟踪:标记")=0']);
    expect(cf[1].rules.map((r) => r.formula)).toEqual(['AND($H9="",N($I9)<1,N("项目跟踪:关键")=0)']);
    expect(cf[2].ranges.map(rangeRef)).toEqual(["A4:P15"]);
    expect(cf[2].rules.map((r) => r.formula)).toEqual([
      'AND(ISNUMBER($F4),$F4<TODAY(),$H4="",N($I4)<1,N("项目跟踪:逾期")=0)',
      'AND(ISNUMBER($F4),$F4>=TODAY(),$F4<=TODAY()+3,$H4="",N($I4)<1,N("项目跟踪:临近")=0)',
      'AND(OR($H4<>"",N($I4)>=1),N("项目跟踪:完成")=0)',
    ]);
    expect(cf[2].rules.map((r) => r.fill)).toEqual(["FFC7CE", "FFEB9C", "F2F2F2"]);
    // Every product sheet's own formats are cleared before they are added again.
    const i = patch.ops.findIndex((o) => o.op === "clearOwnFormats" && o.sheet === "进度计划表");
    expect(patch.ops.indexOf(cf[0])).toBeGreaterThan(i);
  });

  test("contract rows: delivery and each payment node overdue, delivery due soon, done", () => {
    const { patch } = planApply(sampleWorkbook(), OPTS);
    const cf = ops(patch.ops, "addConditionalFormats", "合同执行情况表");
    expect(cf[1].ranges.map(rangeRef)).toEqual(["A3:AD8"]);
    expect(cf[1].rules.map((r) => r.formula)).toEqual([
      'AND(ISNUMBER($I3),$I3<TODAY(),$J3="",N("项目跟踪:交货逾期")=0)',
      'AND(ISNUMBER($M3),$M3<TODAY(),N($O3)<N($N3),N("项目跟踪:收款逾期1")=0)',
      'AND(ISNUMBER($P3),$P3<TODAY(),N($R3)<N($Q3),N("项目跟踪:收款逾期2")=0)',
      'AND(ISNUMBER($S3),$S3<TODAY(),N($U3)<N($T3),N("项目跟踪:收款逾期3")=0)',
      'AND(ISNUMBER($I3),$I3>=TODAY(),$I3<=TODAY()+3,$J3="",N("项目跟踪:临近")=0)',
      'AND(OR($Y3="已完成",AND($J3<>"",N($E3)>0,N($O3)+N($R3)+N($U3)>=N($E3))),N("项目跟踪:完成")=0)',
    ]);
  });

  test("amounts in 万元 are scaled where compared with amounts in 元; due-soon days come from 设置", () => {
    const wb = workbook(
      sheet("收款", [
        ["合同编号", "应收日期", "应收金额（万元）", "实收金额"],
        ["HT-1", D("2026-11-20"), 12, 100000],
      ]),
      sheet("设置", [
        ["项", "值"],
        ["临近提醒天数", 5],
      ]),
    );
    const cf = ops(planApply(wb, OPTS).patch.ops, "addConditionalFormats", "收款");
    expect(cf.at(-1)?.rules.map((r) => r.formula)).toEqual([
      'AND(ISNUMBER($B2),$B2<TODAY(),N($D2)<N($C2)*10000,N("项目跟踪:收款逾期")=0)',
      'AND(ISNUMBER($B2),$B2>=TODAY(),$B2<=TODAY()+5,N($D2)<N($C2)*10000,N("项目跟踪:临近")=0)',
      'AND(N($C2)*10000>0,N($D2)>=N($C2)*10000,N("项目跟踪:完成")=0)',
    ]);
  });

  test("rules only use the columns that exist", () => {
    const wb = workbook(
      sheet("计划", [
        ["任务名称", "负责人", "计划开始", "计划完成"],
        ["设计", "张三", D("2026-11-02"), D("2026-11-06")],
      ]),
    );
    const cf = ops(planApply(wb, OPTS).patch.ops, "addConditionalFormats", "计划");
    expect(cf.at(-1)?.rules.map((r) => r.formula)).toEqual([
      'AND(ISNUMBER($D2),$D2<TODAY(),N("项目跟踪:逾期")=0)',
      'AND(ISNUMBER($D2),$D2>=TODAY(),$D2<=TODAY()+3,N("项目跟踪:临近")=0)',
    ]);
  });
});

describe("marks", () => {
  test("every error cell is marked, adjacent cells merged into one range", () => {
    const wb = sampleWorkbook();
    const { patch, result } = planApply(wb, OPTS);
    for (const name of ["进度计划表", "合同执行情况表"]) {
      const mark = ops(patch.ops, "addConditionalFormats", name)[0];
      expect(mark.rules).toEqual([{ formula: 'N("项目跟踪:标记")=0', fill: "FFD9D9", border: "FF0000" }]);
      const marked = new Set<string>();
      for (const r of mark.ranges)
        for (let row = r.r1; row <= r.r2; row++) for (let c = r.c1; c <= r.c2; c++) marked.add(`${row}:${c}`);
      const errors = new Set(
        result.findings
          .filter((f) => f.sheet === name && f.severity === "error" && f.cell)
          .map((f) => {
            const at = parseA1(f.cell ?? "");
            return `${at?.r}:${at?.c}`;
          }),
      );
      expect(marked).toEqual(errors);
    }
    expect(refs(ops(patch.ops, "addConditionalFormats", "进度计划表")[0].ranges)).toContain("F14:F15");
  });
});

describe("校验报告", () => {
  test("names the workbook and says where its as-of date came from", () => {
    const withFile = written(
      planApply(sampleWorkbook(), { ...OPTS, file: "合同台账.xlsx" }).patch.ops,
      "校验报告",
    );
    expect(withFile.rows[0]?.slice(5).map((x) => x?.v)).toEqual(["工作簿", "合同台账.xlsx"]);
    expect(withFile.merges).toContainEqual({ r1: 1, c1: 7, r2: 1, c2: 8 });
    // No date given: today's, said so; the 设置 sheet's 校验日期 when it has one.
    const today = written(planApply(sampleWorkbook(), OPTS).patch.ops, "校验报告");
    expect(today.rows[0]).toHaveLength(1);
    expect(today.rows[1]?.[2]?.v).toBe("生成当天（北京时间）；逾期天数、即将到期均按此日计算");
    const given = written(planApply(sampleWorkbook(), { ...OPTS, asOf: "2026-11-21" }).patch.ops, "校验报告");
    expect(given.rows[1]?.[2]?.v).toBe("运行时指定的日期；逾期天数、即将到期均按此日计算");
    const wb = sampleWorkbook();
    wb.sheets.push({
      name: "设置",
      visibility: "visible",
      rows: [
        [{ value: "项" }, { value: "值" }],
        [{ value: "校验日期" }, { value: "2026-11-20" }],
      ],
      merges: [],
      tables: [],
    });
    const fixed = written(planApply(wb, { ...OPTS, asOf: undefined }).patch.ops, "校验报告");
    expect(fixed.rows[1]?.slice(0, 3).map((x) => x?.v)).toEqual([
      "校验日期",
      "2026-11-20",
      "取自「设置」表的校验日期；逾期天数、即将到期均按此日计算",
    ]);
  });

  test("title, counts, one linked row per finding, a table and a frozen header", () => {
    const { patch, result } = planApply(sampleWorkbook(), OPTS);
    const report = ops(patch.ops, "writeSheet").find((o) => o.sheet === "校验报告");
    expect(report?.after).toBe("变更申请");
    expect(report?.visibility).toBe("visible");
    const c = written(patch.ops, "校验报告");
    expect(c.rows[0]?.[0]?.v).toBe("校验报告");
    expect(c.rows[1]?.map((x) => x?.v)).toEqual([
      "校验日期",
      "2026-11-23",
      "生成当天（北京时间）；逾期天数、即将到期均按此日计算",
      undefined,
      undefined,
      "生成时间",
      "2026-11-23 20:15:03",
    ]);
    expect(c.rows[2]?.slice(1).map((x) => x?.v)).toEqual([
      `错误 ${result.summary.errors}`,
      `警告 ${result.summary.warnings}`,
      `提示 ${result.summary.infos}`,
    ]);
    expect(c.rows[6]?.map((x) => x?.v)).toEqual([
      "序号",
      "严重程度",
      "规则",
      "工作表",
      "单元格",
      "字段",
      "值",
      "说明",
    ]);
    // The table, a blank row, the reviewer's line.
    expect(c.rows).toHaveLength(7 + result.findings.length + 2);
    expect(c.rows.at(-1)?.map((x) => x?.v)).toEqual([
      "审核人（签字）：",
      undefined,
      undefined,
      undefined,
      undefined,
      "审核日期：",
    ]);
    // Errors first, then warnings, then notes.
    const severities = c.rows.slice(7, 7 + result.findings.length).map((r) => r[1]?.v);
    expect(severities).toEqual(
      [...severities].sort((a, b) => "错误警告提示".indexOf(String(a)) - "错误警告提示".indexOf(String(b))),
    );
    expect(c.freeze).toEqual({ rows: 7, cols: 0 });
    expect(c.tables?.[0]).toMatchObject({
      name: "校验结果",
      range: { r1: 7, c1: 1, r2: 7 + result.findings.length, c2: 8 },
    });
    const i = result.findings.findIndex((f) => f.rule === "schedule.overdue");
    const row = c.rows.find((r) => r[4]?.v === result.findings[i].cell && r[3]?.v === "进度计划表") ?? [];
    expect(row[4]).toMatchObject({
      v: result.findings[i].cell,
      link: { sheet: "进度计划表", cell: result.findings[i].cell },
    });
    expect(row[1]).toMatchObject({ v: "错误", style: { fill: "FFC7CE" } });
    expect(row[5]?.v).toBe("计划完成");
    expect(typeof row[7]?.v).toBe("string");
  });

  test("with no findings the table still has a data row", () => {
    const { patch } = planApply(workbook(sheet("空", [["hello"]])), OPTS);
    const c = written(patch.ops, "校验报告");
    expect(c.rows).toHaveLength(10);
    expect(c.rows[7]?.[7]?.v).toBe("未发现问题");
  });
});

describe("设置", () => {
  test("created hidden with 参数 (every key, defaults) and 节假日 when absent", () => {
    const { patch } = planApply(sampleWorkbook(), OPTS);
    const op = ops(patch.ops, "writeSheet").find((o) => o.sheet === "设置");
    expect(op?.visibility).toBe("hidden");
    const c = written(patch.ops, "设置");
    expect(c.tables?.map((t) => [t.name, rangeRef(t.range)])).toEqual([
      ["参数", `A2:C${2 + PARAM_LABELS.length}`],
      ["节假日", "E2:G3"],
    ]);
    const keys = c.rows.slice(2).map((r) => r[0]?.v);
    expect(keys).toEqual(
      expect.arrayContaining(["校验日期", "临近提醒工作日数", "临近提醒天数", "实施通知工作日数", "语言"]),
    );
  });

  test("what 设置 writes reads back as the defaults, without problems", () => {
    const applied = applyInMemory(sampleWorkbook(), planApply(sampleWorkbook(), OPTS).patch);
    const before = checkWorkbook(sampleWorkbook(), { today: "2026-11-23" });
    const after = checkWorkbook(applied, { today: "2026-11-23" });
    expect(after.findings).toEqual(before.findings);
  });

  test("never written once the sheet exists, whatever it holds", () => {
    const wb = sampleWorkbook();
    wb.sheets.push(sheet("设置", [["随便写的"]], { visibility: "hidden" }));
    const { patch } = planApply(wb, OPTS);
    expect(patch.ops.filter((o) => o.op === "writeSheet" && o.sheet === "设置")).toEqual([]);
  });
});

describe("操作日志", () => {
  test("created with a header, the run's row and a table when absent", () => {
    const { patch, result } = planApply(sampleWorkbook(), OPTS);
    const c = written(patch.ops, "操作日志");
    expect(c.rows.map((r) => r.map((x) => x?.v))).toEqual([
      ["时间", "用户", "操作", "错误", "警告", "提示", "说明"],
      [
        "2026-11-23 20:15:03",
        "王磊",
        "应用",
        result.summary.errors,
        result.summary.warnings,
        result.summary.infos,
        expect.stringContaining("新建表格 5 个"),
      ],
    ]);
    expect(c.tables?.map((t) => [t.name, rangeRef(t.range)])).toEqual([["操作日志", "A1:G2"]]);
  });

  test("says how many notices the run wrote, how many were new and how many wait", () => {
    const note = (plan: ReturnType<typeof planApply>) =>
      written(plan.patch.ops, "操作日志").rows[1][6]?.v as string;
    const first = planApply(sampleWorkbook(), { ...OPTS, noticeLimit: 2 });
    expect(note(first)).toContain("通知 2 份（新开 2 份），另有 4 份待下次生成");
    expect(note(planApply(sampleWorkbook(), OPTS))).toMatch(/通知 6 份（新开 6 份）$/);
    expect(note(planApply(sampleWorkbook(), { ...OPTS, notices: false }))).not.toContain("通知");
    const en = planApply(sampleWorkbook(), { ...OPTS, lang: "en", noticeLimit: 2 });
    expect(note(en)).toContain("2 notices (2 new), 4 more left for the next run");
  });

  // The log is the product's by its marker (a sheet merely named 操作日志 is the user's).
  const LOG_OWNER = { kind: "log", id: "main", range: { r1: 1, c1: 1, r2: 3, c2: 7 } } as const;

  test("appended right below the existing log table", () => {
    const wb = sampleWorkbook();
    wb.sheets.push({
      ...sheet("操作日志", [["时间"], ["x"], ["y"], [], [], ["用户在表外写的"]], {
        tables: [{ name: "操作日志", range: { r1: 1, c1: 1, r2: 3, c2: 7 }, headerRow: true }],
      }),
      owner: LOG_OWNER,
    });
    const append = ops(planApply(wb, OPTS).patch.ops, "appendRows")[0];
    expect(append).toMatchObject({
      sheet: "操作日志",
      table: "操作日志",
      startRow: 4,
      range: { r1: 1, c1: 1, r2: 4, c2: 7 },
    });
    expect(append.rows).toHaveLength(1);
  });

  test("below the last used row when the user removed the table", () => {
    const wb = sampleWorkbook();
    wb.sheets.push({ ...sheet("操作日志", [["时间"], ["x"], [], ["y"]]), owner: LOG_OWNER });
    const append = ops(planApply(wb, OPTS).patch.ops, "appendRows")[0];
    expect(append.table).toBeUndefined();
    expect(append.startRow).toBe(5);
    expect(append.range).toEqual({ r1: 5, c1: 1, r2: 5, c2: 7 });
  });
});

describe("normalize", () => {
  test("text dates and amounts become real values, returned and logged old → new", () => {
    const wb = workbook(
      sheet("合同", [
        ["合同编号", "签订日期", "合同金额（万元）", "约定交货期"],
        ["HT-1", "2026/11/02", "12.5万", D("2026-12-30")],
        ["HT-2", D("2026-11-03"), 30, "2026年12月31日"],
      ]),
    );
    const { patch, normalized } = planApply(wb, { ...OPTS, normalize: true });
    expect(normalized).toEqual([
      { sheet: "合同", cell: "B2", from: "2026/11/02", to: "2026-11-02" },
      { sheet: "合同", cell: "C2", from: "12.5万", to: "12.5" },
      { sheet: "合同", cell: "D3", from: "2026年12月31日", to: "2026-12-31" },
    ]);
    expect(ops(patch.ops, "setValues")).toEqual([
      {
        op: "setValues",
        sheet: "合同",
        cells: [
          { cell: "B2", write: { v: isoToSerial("2026-11-02"), style: { numFmt: "yyyy-mm-dd" } } },
          { cell: "C2", write: { v: 12.5, style: { numFmt: "#,##0.00" } } },
          { cell: "D3", write: { v: isoToSerial("2026-12-31"), style: { numFmt: "yyyy-mm-dd" } } },
        ],
      },
    ]);
    const log = written(patch.ops, "操作日志").rows.slice(2);
    expect(log.map((r) => [r[2]?.v, r[6]?.v])).toEqual([
      ["规范化", "合同!B2：2026/11/02 → 2026-11-02"],
      ["规范化", "合同!C2：12.5万 → 12.5"],
      ["规范化", "合同!D3：2026年12月31日 → 2026-12-31"],
    ]);
  });

  test("without normalize no value of the user's is written", () => {
    const { patch, normalized } = planApply(sampleWorkbook(), OPTS);
    expect(ops(patch.ops, "setValues")).toEqual([]);
    expect(normalized).toEqual([]);
  });
});

test("the result is exactly what checkWorkbook reports", () => {
  const wb = sampleWorkbook();
  expect(planApply(wb, { ...OPTS, asOf: "2026-11-20" }).result).toEqual(
    checkWorkbook(wb, { asOf: "2026-11-20", today: "2026-11-23" }),
  );
});

describe("planClear", () => {
  test("clears the product's formats on every sheet and logs it", () => {
    const wb = sampleWorkbook();
    const patch = planClear(wb, { now: "2026-11-24 09:00:00", user: "李娜", lang: "zh" });
    expect(ops(patch.ops, "clearOwnFormats").map((o) => o.sheet)).toEqual([
      "进度计划表",
      "合同执行情况表",
      "实施文档台账",
      "风险登记",
      "变更申请",
    ]);
    const log = written(patch.ops, "操作日志");
    expect(log.rows[1]?.slice(0, 3).map((x) => x?.v)).toEqual(["2026-11-24 09:00:00", "李娜", "清除"]);
    expect(patch.ops.some((o) => o.op === "addConditionalFormats" || o.op === "setValues")).toBe(false);
  });
});
