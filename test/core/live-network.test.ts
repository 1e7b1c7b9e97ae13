/**
 * Live validation of the rules that read a row's neighbours (its predecessors, the project's span,
 * the forecast network of its contract): an edit judges again only the rows it reaches, and those
 * include rows it did not touch. Each edit here changes findings on such a row.
 */
import { analyseWorkbook, type Analysis } from "../../src/core/check";
import type { IsoDate } from "../../src/core/dates";
import { recheck, startLive, type CellEdit } from "../../src/core/live";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { formatFinding } from "../../src/i18n/messages";
import { d, sheet, workbook } from "../helpers/snapshot";
import { CONTRACT_HEADER, SCHEDULE_HEADER } from "./rules/harness";

const opts = { asOf: "2026-11-23" as IsoDate };

/**
 * Three contracts on one network. HT-1's 开发 (row 4) comes before HT-2's 测试 and 上线 and, with
 * HT-3's 培训, before HT-3's 验收 (row 8), which ends after HT-3's delivery date.
 */
function plan(): WorkbookSnapshot {
  return workbook(
    sheet("进度计划表", [
      [...SCHEDULE_HEADER, "合同编号"],
      [
        "1",
        "需求",
        "张三",
        d("2026-11-02"),
        d("2026-11-06"),
        d("2026-11-02"),
        d("2026-11-06"),
        1,
        null,
        "HT-1",
      ],
      [
        "2",
        "设计",
        "张三",
        d("2026-11-09"),
        d("2026-11-20"),
        d("2026-11-09"),
        d("2026-11-20"),
        1,
        "1",
        "HT-1",
      ],
      ["3", "开发", "李四", d("2026-11-23"), d("2026-12-04"), null, null, 0, "2", "HT-1"],
      ["4", "测试", "王五", d("2026-12-07"), d("2026-12-11"), null, null, 0, "3", "HT-2"],
      ["5", "上线", "王五", d("2026-12-14"), d("2026-12-18"), null, null, 0, "4", "HT-2"],
      ["6", "培训", "赵六", d("2026-11-23"), d("2026-12-04"), null, null, 0, "2", "HT-3"],
      ["7", "验收", "赵六", d("2026-12-07"), d("2026-12-11"), null, null, 0, "6,3", "HT-3"],
      ["8", "文档", "赵六", d("2026-11-23"), d("2026-12-04"), null, null, 0, "2", "HT-3"],
    ]),
    sheet("合同执行情况表", [
      CONTRACT_HEADER.slice(0, 8),
      ["HT-1", "一期", "甲公司", d("2026-10-01"), 100000, "周八", d("2026-10-02"), d("2026-12-10")],
      ["HT-2", "二期", "乙公司", d("2026-10-01"), 100000, "周八", d("2026-10-02"), d("2026-12-20")],
      ["HT-3", "三期", "丙公司", d("2026-10-01"), 100000, "周八", d("2026-10-02"), d("2026-12-08")],
    ]),
  );
}

/**
 * What a user reads, in any order among equals; without the missing holiday years, which the
 * live calendar remembers until the next full check (live.ts).
 */
const seen = (a: Analysis) => ({
  findings: a.result.findings
    .filter((f) => f.rule !== "calendar.year-missing")
    .map((f) => `${f.rule} ${f.sheet}!${f.cell} ${formatFinding(f, "zh")}`)
    .sort(),
  notices: a.result.notices.map((n) => JSON.stringify(n)),
});
const on = (a: Analysis, rule: string, row: number) =>
  a.result.findings
    .filter((f) => f.rule === rule && f.row === row && f.sheet === "进度计划表")
    .map((f) => formatFinding(f, "zh"));

function edit(sheetName: string, r: number, c: number, iso: string): CellEdit[] {
  return [{ sheet: sheetName, r1: r, c1: c, r2: r, c2: c, cells: [[d(iso)]] }];
}

/** The plan checked and kept for live validation; `again` re-checks an edit and checks it in full too. */
function start() {
  const wb = plan();
  const live = startLive(wb, analyseWorkbook(wb, opts), opts)!;
  return {
    live,
    again(e: CellEdit[]) {
      const got = recheck(live, e)!;
      expect(got).toBeDefined();
      const want = analyseWorkbook(structuredClone(wb), opts);
      expect(seen(got)).toEqual(seen(want));
      return got;
    },
  };
}

const BEYOND = "schedule.critical-beyond-contract";

test("a later end of HT-1's 开发 pushes HT-2 past its delivery date and puts 测试 out of order, on rows not edited", () => {
  const { live, again } = start();
  let got = again(edit("进度计划表", 4, 5, "2026-12-11"));
  expect(live.last?.partial).toEqual(
    expect.arrayContaining(["schedule.predecessor-order", BEYOND, "schedule.unlinked"]),
  );
  expect(on(got, "schedule.predecessor-order", 5)).toHaveLength(1);
  expect(on(got, BEYOND, 6)).toEqual([
    expect.stringContaining("合同 HT-2 的工作最早 2026-12-25 完成，晚于约定交货期 2026-12-20"),
  ]);
  // Back as it was: both go again.
  got = again(edit("进度计划表", 4, 5, "2026-12-04"));
  expect(on(got, "schedule.predecessor-order", 5)).toEqual([]);
  expect(on(got, BEYOND, 6)).toEqual([]);
  expect(on(got, BEYOND, 8)).toHaveLength(1);
});

test("an earlier end of HT-1's 开发 leaves HT-3's finish as it was but names another chain", () => {
  const { live, again } = start();
  expect(on(analyseWorkbook(plan(), opts), BEYOND, 8)).toEqual([
    expect.stringContaining("关键路径：1 → 2 → 3 → 7"),
  ]);
  const got = again(edit("进度计划表", 4, 5, "2026-12-03"));
  expect(live.last?.partial).toContain(BEYOND);
  expect(on(got, BEYOND, 8)).toEqual([
    expect.stringContaining(
      "2026-12-11 完成，晚于约定交货期 2026-12-08 3 天，且未签订备忘录；关键路径：1 → 2 → 6 → 7",
    ),
  ]);
});

test("a task without a successor ending on the project's last day is no longer loose; a new last day makes another loose", () => {
  const { live, again } = start();
  const loose = "schedule.unlinked";
  let got = again(edit("进度计划表", 8, 5, "2026-12-18"));
  expect(live.last?.partial).toContain(loose);
  expect(on(got, loose, 8)).toEqual([]);
  // A later end moves the project's last day: 上线 (row 6), not edited, ends before it now.
  got = again(edit("进度计划表", 8, 5, "2026-12-30"));
  expect(on(got, loose, 6)).toEqual([expect.stringContaining("没有后续任务")]);
  expect(on(got, loose, 8)).toEqual([]);
});

test("an earlier delivery date of HT-2 puts its forecast finish past it, with no schedule row edited", () => {
  const { live, again } = start();
  const got = again(edit("合同执行情况表", 3, 8, "2026-12-15"));
  expect(live.last?.partial).toContain(BEYOND);
  expect(on(got, BEYOND, 6)).toEqual([
    expect.stringContaining("合同 HT-2 的工作最早 2026-12-18 完成，晚于约定交货期 2026-12-15"),
  ]);
});

test("a task of a contract ends past its delivery date beside the one the chain finding names: both are shown", () => {
  const { again } = start();
  const got = again(edit("进度计划表", 9, 5, "2026-12-09"));
  expect(on(got, "schedule.beyond-contract", 9)).toHaveLength(1);
  expect(on(got, BEYOND, 8)).toHaveLength(1);
  // The chain finding's own task says it better: its plain finding stays hidden.
  expect(on(got, "schedule.beyond-contract", 8)).toEqual([]);
});

test("random date edits on the plan and the contracts: each re-check is a full check's", () => {
  const { again } = start();
  let s = 7;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const dates = [
    "2026-11-27",
    "2026-12-03",
    "2026-12-04",
    "2026-12-08",
    "2026-12-11",
    "2026-12-18",
    "2026-12-24",
  ];
  for (let k = 0; k < 40; k++) {
    const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
    if (next() < 0.2) again(edit("合同执行情况表", pick([2, 3, 4]), 8, pick(dates)));
    else again(edit("进度计划表", pick([4, 5, 6, 7, 8, 9]), pick([4, 5]), pick(dates)));
  }
});

test("a date typed beside a signature label signs the plan; a date typed on a task row leaves the signature alone", () => {
  const wb = plan();
  const rows = wb.sheets[0].rows;
  rows[11] = [
    { value: "甲方负责人（签字）：" },
    undefined,
    { value: "乙方负责人（签字）：" },
    { value: "李四" },
  ];
  const live = startLive(wb, analyseWorkbook(wb, opts), opts)!;
  const unsigned = (a: Analysis) => a.result.findings.filter((f) => f.rule === "schedule.unsigned").length;
  expect(unsigned(live.analysis)).toBe(1);
  let got = recheck(live, edit("进度计划表", 4, 5, "2026-12-03"))!;
  expect(live.last?.partial).toContain("schedule.unsigned");
  expect(unsigned(got)).toBe(1);
  got = recheck(live, edit("进度计划表", 12, 2, "2026-11-20"))!;
  expect(got).toBeDefined();
  expect(unsigned(got)).toBe(0);
  expect(seen(got)).toEqual(seen(analyseWorkbook(structuredClone(wb), opts)));
});

test("a contract number typed twice is a duplicate at once; typed back, it is gone", () => {
  const { again } = start();
  const key = (no: string): CellEdit[] => [
    { sheet: "合同执行情况表", r1: 3, c1: 1, r2: 3, c2: 1, cells: [[{ value: no }]] },
  ];
  const dupes = (a: Analysis) =>
    a.result.findings.filter((f) => f.rule === "row.duplicate-key").map((f) => f.cell);
  expect(dupes(again(key("HT-1")))).toEqual(["A3"]);
  expect(dupes(again(key("HT-2")))).toEqual([]);
});

test("a contract's name edited: its 备忘录 names it at once, the others are kept", () => {
  const { live, again } = start();
  const memoOf = (a: Analysis, no: string) =>
    a.result.notices.find((n) => n.type === "备忘录" && n.key === no);
  const other = memoOf(live.analysis, "HT-3");
  expect(other).toBeDefined();
  const got = again([
    { sheet: "合同执行情况表", r1: 4, c1: 2, r2: 4, c2: 2, cells: [[{ value: "三期扩容" }]] },
  ]);
  expect(memoOf(got, "HT-3")?.facts.contractName).toBe("三期扩容");
});
