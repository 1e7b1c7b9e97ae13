import { sheet, workbook } from "../../helpers/snapshot-builder";
import { check, hits } from "./harness";

const AS_OF = "2026-11-23"; // a Monday

/** 进度计划表 with a 基线 column: A WBS, B 任务, C 负责人, D 开始, E 完成, F 基线完成, G 合同编号. */
const SCHEDULE = ["WBS编码", "任务名称", "负责人", "计划开始", "计划完成", "基线完成", "合同编号"];
type Row = Array<string | null>;
const schedule = (...rows: Row[]) => sheet("进度计划表", [SCHEDULE, ...rows]);
const moved: Row = ["1", "系统部署", "张三", "2026-12-01", "2026-12-20", "2026-12-10", "HT-01"];
const kept: Row = ["2", "培训", "李四", "2026-12-01", "2026-12-12", "2026-12-12", "HT-01"];

/** 变更申请 columns A–I. */
const CHANGES = [
  "变更编号",
  "合同编号",
  "涉及任务",
  "变更内容",
  "申请日期",
  "申请人",
  "评审日期",
  "批准日期",
  "审批结果",
];
const request = (cells: Record<number, string | null> = {}): Row => {
  const r: Row = [
    "BG-01",
    "HT-01",
    "系统部署",
    "部署顺延10天",
    "2026-11-10",
    "张三",
    "2026-11-11",
    "2026-11-12",
    "批准",
  ];
  for (const [i, v] of Object.entries(cells)) r[Number(i)] = v;
  return r;
};
const register = (...rows: Row[]) => sheet("变更申请", [CHANGES, ...rows]);

test("a 变更申请 register is recognised under a title, and a decided request has no findings", () => {
  const wb = workbook(sheet("Sheet1", [["项目变更申请登记"], CHANGES, request()]));
  const r = check(wb, AS_OF);
  expect(r.tables.map((t) => [t.kind, t.headerRow])).toEqual([["changes", 2]]);
  expect(r.findings.filter((f) => /^change\./.test(f.rule))).toEqual([]);
});

describe("schedule.change-unapproved", () => {
  test("a plan change with no request for its task or contract", () => {
    const wb = workbook(schedule(moved, kept), register(request({ 1: "HT-02", 2: "验收" })));
    expect(hits(check(wb, AS_OF), "schedule.change-unapproved")).toEqual([
      "E2: 任务「1 系统部署」计划完成由 2026-12-10 调整为 2026-12-20，变更申请登记中没有该任务或合同的变更申请；变更必须经过正式的申请、评审和批准程序",
    ]);
  });

  test("a request that was rejected, or not yet decided, is named", () => {
    const rejected = workbook(schedule(moved), register(request({ 8: "驳回" })));
    expect(hits(check(rejected, AS_OF), "schedule.change-unapproved")).toEqual([
      "E2: 任务「1 系统部署」计划完成由 2026-12-10 调整为 2026-12-20，变更申请 BG-01 已被驳回；变更必须经过正式的申请、评审和批准程序",
    ]);
    const open = workbook(schedule(moved), register(request({ 7: null, 8: null })));
    expect(hits(check(open, AS_OF), "schedule.change-unapproved", "en")).toEqual([
      'E2: Task "1 系统部署": planned end moved from 2026-12-10 to 2026-12-20, but change request BG-01 is not approved yet; a change needs a formal request, review and approval',
    ]);
  });

  test("an approved request for the task, by WBS, by its content, or for the whole contract: nothing", () => {
    for (const r of [
      request(),
      request({ 2: "1" }),
      request({ 2: null, 3: "系统部署延后到12月20日" }),
      request({ 2: null, 3: "整体计划顺延" }),
      request({ 8: null }), // a 批准日期 alone is an approval
    ]) {
      expect(
        hits(check(workbook(schedule(moved), register(r)), AS_OF), "schedule.change-unapproved"),
      ).toEqual([]);
    }
  });

  test("a request for another contract does not cover the task", () => {
    const wb = workbook(schedule(moved), register(request({ 1: "HT-02" })));
    expect(hits(check(wb, AS_OF), "schedule.change-unapproved")).toHaveLength(1);
  });

  test("without a 变更申请 register: no finding per row, the rule is listed as skipped once", () => {
    const r = check(
      workbook(schedule(moved, ["3", "验收", "王五", "2026-12-01", "2026-12-22", "2026-12-12", "HT-01"])),
      AS_OF,
    );
    expect(hits(r, "schedule.change-unapproved")).toEqual([]);
    expect(r.tables[0].skippedRules.filter((id) => id === "schedule.change-unapproved")).toHaveLength(1);
  });

  test("an unchanged plan has no finding, whatever the register holds", () => {
    const wb = workbook(schedule(kept), register(request({ 2: "验收" })));
    expect(hits(check(wb, AS_OF), "schedule.change-unapproved")).toEqual([]);
  });
});

describe("change.unreviewed", () => {
  test("an approved request with no 评审日期", () => {
    expect(hits(check(workbook(register(request({ 6: null }))), AS_OF), "change.unreviewed")).toEqual([
      "G2: 变更申请 BG-01「部署顺延10天」（合同 HT-01）已批准（2026-11-12），但评审日期为空；变更须先评审后批准",
    ]);
  });
  test("reviewed, rejected or still open: nothing", () => {
    const wb = workbook(
      register(
        request(),
        request({ 0: "BG-02", 6: null, 7: null, 8: "驳回" }),
        request({ 0: "BG-03", 6: null, 7: null, 8: null }),
      ),
    );
    expect(hits(check(wb, "2026-11-12"), "change.unreviewed")).toEqual([]);
  });
  test("in English", () => {
    expect(hits(check(workbook(register(request({ 6: null }))), AS_OF), "change.unreviewed", "en")).toEqual([
      'G2: Change request BG-01 "部署顺延10天" (contract HT-01) was approved on 2026-11-12 but has no review date; a change is reviewed before it is approved',
    ]);
  });
});

describe("change.open-overdue", () => {
  // Requested Tuesday 2026-11-17: 3 working days end on Friday 2026-11-20.
  const pending = request({ 4: "2026-11-17", 6: null, 7: null, 8: null });
  test("a request undecided past 变更审批工作日数 working days", () => {
    expect(hits(check(workbook(register(pending)), AS_OF), "change.open-overdue")).toEqual([
      "H2: 变更申请 BG-01「部署顺延10天」（合同 HT-01）于 2026-11-17 提出，应在 3 个工作日内（不晚于 2026-11-20）完成评审和批准，截至 2026-11-23 仍未审批，已超过 3 天",
    ]);
  });
  test("on its last day, decided, or rejected: nothing", () => {
    expect(hits(check(workbook(register(pending)), "2026-11-20"), "change.open-overdue")).toEqual([]);
    const wb = workbook(register(request(), request({ 0: "BG-02", 7: null, 8: "不批准" })));
    expect(hits(check(wb, AS_OF), "change.open-overdue")).toEqual([]);
  });
  test("the days are a setting, counted on the working-day calendar", () => {
    expect(
      hits(check(workbook(register(pending)), AS_OF, { changeApprovalWorkdays: 5 }), "change.open-overdue"),
    ).toEqual([]);
    expect(
      hits(
        check(workbook(register(pending)), AS_OF, { changeApprovalWorkdays: 1 }),
        "change.open-overdue",
        "en",
      ),
    ).toEqual([
      'H2: Change request BG-01 "部署顺延10天" (contract HT-01) was made 2026-11-17; it is decided within 1 working day (by 2026-11-18), and as of 2026-11-23 it is still undecided, 5 days late',
    ]);
  });
});
