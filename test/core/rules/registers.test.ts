import { sheet, workbook } from "../../helpers/snapshot-builder";
import { check, hits } from "./harness";

const AS_OF = "2026-11-23";

/** 风险登记 columns A–H. */
const RISK_HEADER = [
  "风险编号",
  "风险描述",
  "风险等级",
  "应对措施",
  "负责人",
  "应对期限",
  "状态",
  "最近评审日期",
];
type Row = Array<string | null>;
const risks = (...rows: Row[]) => workbook(sheet("风险登记", [RISK_HEADER, ...rows]));
const risk = (cells: Record<number, string | null> = {}): Row => {
  const r: Row = [
    "R-01",
    "客户关键用户变动",
    "中",
    "提前培训后备人员",
    "李娜",
    "2026-12-15",
    "跟踪中",
    "2026-11-20",
  ];
  for (const [i, v] of Object.entries(cells)) r[Number(i)] = v;
  return r;
};

test("a risk register is recognised under a title, and a tended risk has no findings", () => {
  const wb = workbook(sheet("Sheet1", [["项目风险跟踪"], RISK_HEADER, risk()]));
  const r = check(wb, AS_OF);
  expect(r.tables.map((t) => [t.kind, t.headerRow])).toEqual([["risks", 2]]);
  expect(r.findings.filter((f) => /^(risk|issue)\./.test(f.rule))).toEqual([]);
});

describe("risk.high-no-response", () => {
  test("a high risk without a response", () => {
    expect(hits(check(risks(risk({ 2: "高", 3: null })), AS_OF), "risk.high-no-response")).toEqual([
      "D2: 风险「客户关键用户变动」等级为「高」，尚未制定应对措施（负责人：李娜）",
    ]);
  });
  test("a medium risk without one, a high risk with one, or a closed high risk: nothing", () => {
    const wb = risks(risk({ 3: null }), risk({ 2: "高" }), risk({ 2: "高", 3: null, 6: "已关闭" }));
    expect(hits(check(wb, AS_OF), "risk.high-no-response")).toEqual([]);
  });
  test("in English", () => {
    expect(hits(check(risks(risk({ 2: "High", 3: null })), AS_OF), "risk.high-no-response", "en")).toEqual([
      'D2: Risk "客户关键用户变动" is rated High and has no response (owner: 李娜)',
    ]);
  });
});

describe("risk.response-overdue", () => {
  test("a response past its date while the risk is open", () => {
    expect(hits(check(risks(risk({ 5: "2026-11-13" })), AS_OF), "risk.response-overdue")).toEqual([
      "F2: 风险「客户关键用户变动」的应对应于 2026-11-13 完成，截至 2026-11-23 仍未关闭，已逾期 10 天（负责人：李娜）",
    ]);
  });
  test("closed, or not yet due: nothing", () => {
    const wb = risks(risk({ 5: "2026-11-13", 6: "已关闭" }), risk({ 5: "2026-11-23" }));
    expect(hits(check(wb, AS_OF), "risk.response-overdue")).toEqual([]);
  });
});

describe("risk.review-overdue", () => {
  test("an open risk not reviewed within the review period (7 days by default)", () => {
    expect(hits(check(risks(risk({ 7: "2026-11-09" })), AS_OF), "risk.review-overdue")).toEqual([
      "H2: 风险「客户关键用户变动」最近评审于 2026-11-09，应每 7 天评审一次（不晚于 2026-11-16），截至 2026-11-23 已超过 7 天（负责人：李娜）",
    ]);
  });
  test("the period is a 设置 parameter; a closed risk needs no review", () => {
    expect(
      hits(check(risks(risk({ 7: "2026-11-09" })), AS_OF, { riskReviewDays: 14 }), "risk.review-overdue"),
    ).toEqual([]);
    expect(hits(check(risks(risk({ 7: "2026-11-09", 6: "已关闭" })), AS_OF), "risk.review-overdue")).toEqual(
      [],
    );
  });
});

describe("issue.overdue", () => {
  const HEADER = ["问题编号", "问题描述", "负责人", "提出日期", "计划解决日期", "状态", "实际解决日期"];
  const issues = (...rows: Row[]) => workbook(sheet("问题清单", [HEADER, ...rows]));
  test("an open issue past its date", () => {
    const wb = issues(["Q-3", "接口数据不同步", "陈刚", "2026-11-02", "2026-11-16", "处理中", null]);
    expect(hits(check(wb, AS_OF), "issue.overdue")).toEqual([
      "E2: 问题「接口数据不同步」应于 2026-11-16 解决，截至 2026-11-23 仍未关闭，已逾期 7 天（负责人：陈刚）",
    ]);
    expect(hits(check(wb, AS_OF), "issue.overdue", "en")).toEqual([
      'E2: Issue "接口数据不同步" was to be solved by 2026-11-16; as of 2026-11-23 it is still open, 7 days overdue (owner: 陈刚)',
    ]);
  });
  test("solved (a date or a status), or not yet due: nothing", () => {
    const wb = issues(
      ["Q-3", "接口数据不同步", "陈刚", "2026-11-02", "2026-11-16", "处理中", "2026-11-18"],
      ["Q-4", "报表格式", "陈刚", "2026-11-02", "2026-11-16", "已解决", null],
      ["Q-5", "打印模板", "陈刚", "2026-11-02", "2026-11-30", "处理中", null],
    );
    const r = check(wb, AS_OF);
    expect(r.tables.map((t) => t.kind)).toEqual(["issues"]);
    expect(hits(r, "issue.overdue")).toEqual([]);
  });
});
