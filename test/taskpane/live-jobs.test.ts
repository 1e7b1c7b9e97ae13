/**
 * Live validation as the pane runs it (runJob "live" after a check, as its worker does): after
 * each edit of a sequence, what the pane shows — findings with their words, people, contracts,
 * days and amounts, the notices, the counts and the critical path — is what a full check of the
 * same edited workbook shows. The edits reach what live validation keeps between edits: the
 * schedule network (a critical task's date and progress, a 前置任务), the contracts the tasks and
 * findings look up (an amount, a 销售经理, a delivery date) and the rows (one added).
 */

import { analyseWorkbook } from "../../src/core/check";
import { isoToSerial, type IsoDate } from "../../src/core/dates";
import { snapshotAfter } from "../../src/core/patch-snapshot";
import { planBaselineSave } from "../../src/core/plan/baseline";
import { applyEdits, type CellEdit } from "../../src/core/live";
import type { Cell, WorkbookSnapshot } from "../../src/core/snapshot";
import { paneReport, prepareLive, runJob, type PaneReport } from "../../src/taskpane/jobs";
import { sheet, workbook, type CellInput } from "../helpers/snapshot-builder";

const AS_OF = "2026-10-12" as IsoDate;
const NOW = Date.parse(`${AS_OF}T04:00:00Z`);
const base = { lang: "zh" as const, asOf: AS_OF, now: NOW };

const date = (iso: string): Cell => ({ value: isoToSerial(iso), numFmt: "yyyy-mm-dd" });
const pct = (n: number): Cell => ({ value: n, numFmt: "0%" });

const SCHEDULE = "进度计划表";
const CONTRACTS = "合同执行情况表";
/** 进度计划表: A WBS … I 前置任务, J 里程碑, K 合同编号, L 备注. */
const S_HEADER = [
  "WBS编码",
  "任务名称",
  "负责人",
  "计划开始",
  "计划完成",
  "实际开始",
  "实际完成",
  "完成率",
  "前置任务",
  "里程碑",
  "合同编号",
  "备注",
];
/** 合同执行情况表: A 合同编号 … L 合同状态. */
const C_HEADER = [
  "合同编号",
  "合同名称",
  "客户",
  "签订日期",
  "合同金额",
  "销售经理",
  "实施通知日期",
  "约定交货期",
  "实际完成日期",
  "完成质量",
  "验收单日期",
  "合同状态",
];

/**
 * Two contracts' tasks: HT-A's a chain 1 → 2 → … → 6 (the critical path, 2 late as of 10-12),
 * HT-B's a shorter chain 7 → 8 → 9 beside a loose task 10.
 */
function book(): WorkbookSnapshot {
  const t = (
    wbs: string,
    name: string,
    owner: string,
    start: string,
    end: string,
    progress: number | null,
    pred: string | null,
    contract: string,
    done?: string,
  ): CellInput[] => [
    wbs,
    name,
    owner,
    date(start),
    date(end),
    progress !== null && progress > 0 ? date(start) : null,
    done ? date(done) : null,
    progress === null ? null : pct(progress),
    pred,
    null,
    contract,
    null,
  ];
  const schedule: CellInput[][] = [
    S_HEADER,
    t("1", "需求", "张三", "2026-09-21", "2026-09-25", 1, null, "HT-A", "2026-09-25"),
    t("2", "设计", "李四", "2026-09-28", "2026-10-09", 0.6, "1", "HT-A"),
    t("3", "开发", "王五", "2026-10-12", "2026-10-23", 0, "2", "HT-A"),
    t("4", "测试", "赵六", "2026-10-26", "2026-10-30", 0, "3", "HT-A"),
    t("5", "培训", "钱七", "2026-11-02", "2026-11-04", 0, "4", "HT-A"),
    t("6", "上线", "孙八", "2026-11-05", "2026-11-05", 0, "5", "HT-A"),
    t("7", "调研", "周九", "2026-09-21", "2026-09-30", 1, null, "HT-B", "2026-09-30"),
    t("8", "部署", "吴十", "2026-10-08", "2026-10-16", 0.2, "7", "HT-B"),
    t("9", "验收", "郑一", "2026-10-19", "2026-10-23", 0, "8", "HT-B"),
    t("10", "文档", "冯二", "2026-10-01", "2026-10-20", 0.1, null, "HT-B"),
  ];
  const contracts: CellInput[][] = [
    C_HEADER,
    [
      "HT-A",
      "仓储管理系统",
      "苏州甲公司",
      date("2026-08-01"),
      { value: 500000, numFmt: "#,##0.00" },
      "陈经理",
      date("2026-08-05"),
      date("2026-11-04"),
      null,
      null,
      null,
      "执行中",
    ],
    [
      "HT-B",
      "门店系统",
      "无锡乙公司",
      date("2026-08-10"),
      { value: 300000, numFmt: "#,##0.00" },
      "林经理",
      date("2026-08-12"),
      date("2026-10-30"),
      null,
      null,
      null,
      "执行中",
    ],
  ];
  return workbook(sheet(SCHEDULE, schedule), sheet(CONTRACTS, contracts));
}

/** What a user sees of a report: findings in any order among equals, everything else as it is. */
function seen(r: PaneReport) {
  const { findings, ...rest } = r;
  return { findings: findings.map((f) => JSON.stringify(f)).sort(), rest: JSON.parse(JSON.stringify(rest)) };
}

const col = (letter: string) => letter.charCodeAt(0) - 64;

/** One cell typed, read back as the pane reads an edit: its whole row (read-changed.ts). */
function typed(wb: WorkbookSnapshot, name: string, ref: string, value: Cell | undefined): CellEdit {
  const s = wb.sheets.find((x) => x.name === name)!;
  const r = Number(ref.slice(1));
  const width = Math.max(...s.rows.map((row) => row?.length ?? 0), col(ref[0]));
  const line = Array.from({ length: width }, (_, c) => s.rows[r - 1]?.[c]);
  line[col(ref[0]) - 1] = value;
  return { sheet: name, r1: r, c1: 1, r2: r, c2: width, cells: [line] };
}

/** A whole row typed under the last one. */
function added(name: string, r: number, cells: CellInput[]): CellEdit {
  const line = cells.map((v) =>
    v === null || v === undefined ? undefined : typeof v === "object" && "value" in v ? v : { value: v },
  ) as Array<Cell | undefined>;
  return { sheet: name, r1: r, c1: 1, r2: r, c2: line.length, cells: [line] };
}

/** The edits, each on the workbook as the ones before left it. */
const EDITS: Array<[string, (wb: WorkbookSnapshot) => CellEdit]> = [
  ["a later end on the late critical task 设计", (wb) => typed(wb, SCHEDULE, "E3", date("2026-10-14"))],
  ["a note on 开发 (nothing the network reads)", (wb) => typed(wb, SCHEDULE, "L4", { value: "等待评审" })],
  ["a later end on the critical task 开发", (wb) => typed(wb, SCHEDULE, "E4", date("2026-10-28"))],
  ["progress on 设计", (wb) => typed(wb, SCHEDULE, "H3", pct(0.9))],
  [
    "another 负责人 on 开发 (the same findings, other people)",
    (wb) => typed(wb, SCHEDULE, "C4", { value: "何五" }),
  ],
  ["文档 after 测试 (a 前置任务 typed)", (wb) => typed(wb, SCHEDULE, "I11", { value: "4" })],
  ["HT-B's 部署 after HT-A's 开发", (wb) => typed(wb, SCHEDULE, "I9", { value: "7,3" })],
  ["a contract amount", (wb) => typed(wb, CONTRACTS, "E2", { value: 520000, numFmt: "#,##0.00" })],
  ["another 销售经理 on HT-A", (wb) => typed(wb, CONTRACTS, "F2", { value: "黄经理" })],
  ["an earlier delivery date on HT-B", (wb) => typed(wb, CONTRACTS, "H3", date("2026-10-20"))],
  ["an earlier end on 开发", (wb) => typed(wb, SCHEDULE, "E4", date("2026-10-21"))],
  [
    "a task added under the last",
    () =>
      added(SCHEDULE, 12, [
        "11",
        "运维交接",
        "何三",
        date("2026-11-06"),
        date("2026-11-10"),
        null,
        null,
        pct(0),
        "6",
        null,
        "HT-A",
      ]),
  ],
  ["a later end on the added task", (wb) => typed(wb, SCHEDULE, "E12", date("2026-11-20"))],
  ["设计 done", (wb) => typed(wb, SCHEDULE, "G3", date("2026-10-12"))],
];

test("after each edit of a sequence, live validation shows what a full check of the edited workbook shows", async () => {
  // What a full check shows after each edit, worked out first: a check run between live edits
  // would start the pane's memory afresh and hide what live validation keeps.
  const copy = book();
  const wants = EDITS.map(([what, edit]) => {
    applyEdits(copy, [edit(copy)]);
    return { what, ...seen(paneReport(structuredClone(copy), { lang: "zh", asOf: AS_OF, today: AS_OF })) };
  });
  const wb = book();
  const first = await runJob({ kind: "check", input: { snapshot: wb }, ...base });
  // The workbook reaches what the edits are about: a late critical task, a contract past its date.
  expect(first.report!.findings.map((f) => f.rule)).toEqual(
    expect.arrayContaining(["schedule.critical-late", "schedule.critical-beyond-contract"]),
  );
  expect(first.report!.critical[0].tasks.length).toBeGreaterThan(0);
  prepareLive();
  const modes: string[] = [];
  for (const [k, [what, edit]] of EDITS.entries()) {
    const r = await runJob({ kind: "live", input: { edits: [edit(wb)] }, ...base });
    expect(r.stale).toBeUndefined();
    modes.push(r.live!);
    expect({ what, ...seen(r.report!) }).toEqual(wants[k]);
    prepareLive();
  }
  // Most edits were checked by what they change alone (a row added is checked in full).
  expect(modes.filter((m) => m === "incremental").length).toBeGreaterThanOrEqual(EDITS.length - 2);
});

test("a subtask's end moved past its summary's: live validation stops judging the summary's own date, as a full check does", async () => {
  // 1 is a summary whose own end (10-16) reaches past its subtasks' (10-15): that date is judged
  // like a task's (overdue as of 10-19). Moving 1.2 to 10-17 leaves the summary a plain roll-up.
  const row = (wbs: string, name: string, start: string, end: string): CellInput[] => [
    wbs,
    name,
    "张三",
    date(start),
    date(end),
    null,
    null,
    pct(0),
    null,
    null,
    null,
    null,
  ];
  const make = () =>
    workbook(
      sheet(SCHEDULE, [
        S_HEADER,
        row("1", "实施", "2026-10-01", "2026-10-16"),
        row("1.1", "安装", "2026-10-01", "2026-10-09"),
        row("1.2", "调试", "2026-10-10", "2026-10-15"),
        row("2", "收尾", "2026-10-20", "2026-10-30"),
      ]),
    );
  const asOf = "2026-10-19" as IsoDate;
  const opts = { lang: "zh" as const, asOf, now: Date.parse(`${asOf}T04:00:00Z`) };
  const edit = (wb: WorkbookSnapshot) => typed(wb, SCHEDULE, "E4", date("2026-10-17"));
  const copy = make();
  applyEdits(copy, [edit(copy)]);
  const want = paneReport(copy, { lang: "zh", asOf, today: asOf });
  const wb = make();
  const first = await runJob({ kind: "check", input: { snapshot: wb }, ...opts });
  expect(first.report!.findings.filter((f) => f.row === 2).map((f) => f.rule)).toContain("schedule.overdue");
  prepareLive();
  const r = await runJob({ kind: "live", input: { edits: [edit(wb)] }, ...opts });
  expect(r.live).toBe("incremental");
  expect(r.report!.findings.filter((f) => f.row === 2)).toEqual(want.findings.filter((f) => f.row === 2));
  expect(seen(r.report!)).toEqual(seen(want));
});

test("with a saved baseline, a date moved by a live edit is compared with it as a full check compares it", async () => {
  const plain = book();
  const s = planBaselineSave(plain, analyseWorkbook(plain, { asOf: AS_OF, today: AS_OF }), {
    replace: false,
    now: "2026-10-12 09:30:00",
    user: "王五",
    lang: "zh",
  });
  if (!s.ok) throw new Error("no baseline saved");
  const make = () => snapshotAfter(book(), s.patch);
  const edits = (wb: WorkbookSnapshot) => [
    typed(wb, SCHEDULE, "E5", date("2026-11-06")),
    typed(wb, SCHEDULE, "E8", date("2026-10-02")),
  ];
  const copy = make();
  const wants = edits(copy).map((e) => {
    applyEdits(copy, [e]);
    return seen(paneReport(structuredClone(copy), { lang: "zh", asOf: AS_OF, today: AS_OF }));
  });
  expect(wants[1].findings.length).toBeGreaterThan(0);
  const wb = make();
  await runJob({ kind: "check", input: { snapshot: wb }, ...base });
  prepareLive();
  for (const [k, e] of edits(wb).entries()) {
    // Each edit read as the workbook stands when it is made.
    const edit = k === 0 ? e : typed(wb, SCHEDULE, "E8", date("2026-10-02"));
    const r = await runJob({ kind: "live", input: { edits: [edit] }, ...base });
    expect(seen(r.report!)).toEqual(wants[k]);
    prepareLive();
  }
});
