/**
 * Phases across columns (`需求 | 设计 | 开发 | 测试` over `开始时间 | 结束时间` pairs, 模块 merged
 * down over its 子模块): each row is one task per phase, checked on the phase's own cells. The
 * shape of a real plan, rebuilt with invented values.
 */
import { analyseWorkbook, checkWorkbook, type Analysis, type CheckResult } from "../../src/core/check";
import { isoToSerial } from "../../src/core/dates";
import { recheck, startLive } from "../../src/core/live";
import type { RuleId } from "../../src/core/findings";
import { recognise } from "../../src/core/recognise";
import { typeTable } from "../../src/core/rows";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { formatFinding } from "../../src/i18n/messages";
import { PHASE_MERGES, phasePlanSnapshot } from "../helpers/phase-plan";

const plan = (): WorkbookSnapshot => phasePlanSnapshot();

function check(wb: WorkbookSnapshot): CheckResult {
  return checkWorkbook(wb, { asOf: "2026-11-23" });
}

function messages(r: CheckResult, rule: RuleId): string[] {
  return r.findings.filter((f) => f.rule === rule).map((f) => `${f.cell}: ${formatFinding(f, "zh")}`);
}

describe("phases across columns", () => {
  test("every phase with a date is a task named after its row's item and the phase; an empty phase is none", () => {
    const wb = plan();
    const [t] = recognise(wb).tables;
    expect(t.phases?.map((p) => [p.name, p.start.letter, p.end.letter])).toEqual([
      ["需求", "C", "D"],
      ["设计", "E", "F"],
      ["开发", "G", "H"],
      ["测试", "I", "J"],
    ]);
    const rows = typeTable(wb, t).rows;
    expect(
      rows.map((r) => [r.row, r.fields.task?.display, r.fields.planStart?.cell, r.fields.planEnd?.cell]),
    ).toEqual([
      [5, "订单管理 · 下单 · 需求", "C5", "D5"],
      [5, "订单管理 · 下单 · 设计", "E5", "F5"],
      [5, "订单管理 · 下单 · 开发", "G5", "H5"],
      [5, "订单管理 · 下单 · 测试", "I5", "J5"],
      [6, "订单管理 · 退单 · 需求", "C6", "D6"],
      [6, "订单管理 · 退单 · 开发", "G6", "H6"],
      [6, "订单管理 · 退单 · 测试", "I6", "J6"],
      [7, "支付管理 · 对账 · 需求", "C7", "D7"],
      [7, "支付管理 · 对账 · 设计", "E7", "F7"],
      [7, "支付管理 · 对账 · 开发", "G7", "H7"],
      // A row with no phase filled is still its task, without a plan.
      [8, "支付管理 · 开票", "C8", "D8"],
    ]);
    expect(rows.map((r) => r.fields.owner?.display)).toEqual([
      "张一",
      "张一",
      "张一",
      "张一",
      "王二",
      "王二",
      "王二",
      "",
      "",
      "",
      "赵六",
    ]);
  });

  test("a phase column the user mapped to a field of its own is no longer a phase", () => {
    const [t] = recognise(plan(), {
      overrides: [{ sheet: "Sheet1", column: "I", field: "actualStart" }],
    }).tables;
    expect(t.phases?.map((p) => p.name)).toEqual(["需求", "设计", "开发"]);
    expect(t.columns.actualStart?.letter).toBe("I");
  });

  test("the report names the phases and counts their tasks", () => {
    const r = check(plan());
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]).toMatchObject({
      kind: "schedule",
      headerRow: 4,
      columns: { task: "B", planStart: "C", planEnd: "D", owner: "K", progress: "L" },
      unmapped: ["模块"],
      phases: [
        { name: "需求", start: "C", end: "D" },
        { name: "设计", start: "E", end: "F" },
        { name: "开发", start: "G", end: "H" },
        { name: "测试", start: "I", end: "J" },
      ],
      tasks: 11,
    });
  });

  test("overdue phases are reported at their own end cells, each under its task", () => {
    // 下单: 需求, 设计, 开发 ended before 11-23 at 40%; 测试 ends in December. 对账 at 20%. 退单 is done.
    expect(messages(check(plan()), "schedule.overdue")).toEqual([
      "D5: 任务「订单管理 · 下单 · 需求」计划于 2026-09-10 完成，已逾期 74 天仍未完成",
      "F5: 任务「订单管理 · 下单 · 设计」计划于 2026-09-20 完成，已逾期 64 天仍未完成",
      "H5: 任务「订单管理 · 下单 · 开发」计划于 2026-10-30 完成，已逾期 24 天仍未完成",
      "D7: 任务「支付管理 · 对账 · 需求」计划于 2026-09-20 完成，已逾期 64 天仍未完成",
      "F7: 任务「支付管理 · 对账 · 设计」计划于 2026-09-25 完成，已逾期 59 天仍未完成",
      "H7: 任务「支付管理 · 对账 · 开发」计划于 2026-10-01 完成，已逾期 53 天仍未完成",
    ]);
  });

  test("a phase ending before it starts, or starting before the phase left of it, is a date-order error at its cell", () => {
    expect(messages(check(plan()), "row.date-order")).toEqual([
      "E7: 任务「支付管理 · 对账 · 设计」的「设计开始时间」2026-09-05 早于「需求开始时间」2026-09-10",
      "H7: 任务「支付管理 · 对账 · 开发」的「开发结束时间」2026-10-01 早于「开发开始时间」2026-10-10",
    ]);
  });

  test("overlapping phases are a plan's choice, not an error", () => {
    // 下单: 设计 starts 09-08 while 需求 runs to 09-10.
    const r = check(plan());
    expect(r.findings.filter((f) => f.rule === "row.date-order" && f.row === 5)).toEqual([]);
  });

  test("a cell the phases share is reported once, and an empty phase is no required cell", () => {
    expect(messages(check(plan()), "cell.required")).toEqual([
      "K7: 任务「支付管理 · 对账 · 需求」的「负责人」为空，此项必填",
      // A row with no phase planned at all is a task without a plan, as on any schedule.
      "C8: 任务「支付管理 · 开票」的「需求开始时间」为空，此项必填",
      "D8: 任务「支付管理 · 开票」的「需求结束时间」为空，此项必填",
    ]);
  });

  test("an unreadable phase date is reported at its cell, once", () => {
    const wb = plan();
    wb.sheets[0].rows[5]![5] = { value: "2026/9/31" };
    expect(messages(check(wb), "cell.date-invalid")).toEqual([
      "F6: 「设计结束时间」的值“2026/9/31”不是一个有效日期（该日期不存在）",
    ]);
  });

  test("editing a phase's date as the user types rechecks every phase of its row", () => {
    // Without 模块 merged down, so the edit is rechecked in place rather than in full.
    const make = () =>
      phasePlanSnapshot(PHASE_MERGES.filter((m) => !m.startsWith("A5") && !m.startsWith("A7")));
    const opts = { asOf: "2026-11-23" as const };
    const wb = make();
    const live = startLive(wb, analyseWorkbook(wb, opts), opts)!;
    // 对账's 设计 now starts after its 需求: that date-order error goes, the 开发 one stays.
    const got = recheck(live, [
      {
        sheet: "Sheet1",
        r1: 7,
        c1: 5,
        r2: 7,
        c2: 5,
        cells: [[{ value: isoToSerial("2026-09-12"), numFmt: "yyyy-mm-dd" }]],
      },
    ]) as Analysis;
    expect(got).toBeDefined();
    const want = make();
    want.sheets[0].rows[6]![4] = { value: isoToSerial("2026-09-12"), numFmt: "yyyy-mm-dd" };
    const seen = (a: Analysis) => a.result.findings.map((f) => `${f.rule} ${f.cell}`).sort();
    expect(seen(got)).toEqual(seen(analyseWorkbook(want, opts)));
    expect(got.result.findings.filter((f) => f.rule === "row.date-order").map((f) => f.cell)).toEqual(["H7"]);
  });
});
