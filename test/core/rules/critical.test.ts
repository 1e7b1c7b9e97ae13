import { sheet, workbook, type CellInput } from "../../helpers/snapshot-builder";
import { check, CONTRACT_HEADER, hits, SCHEDULE_HEADER } from "./harness";

/** 进度计划表 A–I of the harness, then 里程碑 (J) and 合同编号 (K). */
const HEADER = [...SCHEDULE_HEADER, "里程碑", "合同编号"];

/**
 * A chain through the 2026 National Day week, as the State Council set it: Fri 09-25 (中秋) and
 * 10-01 … 10-07 off, Sun 09-20 and Sat 10-10 working days.
 *
 *   1 需求  Mon 09-21 … Thu 09-24, done
 *   2 设计  Mon 09-28 … Fri 10-09 (09-28, 09-29, 09-30, 10-08, 10-09: 5 working days), after 1
 *   3 开发  Sat 10-10 … Fri 10-16 (the make-up Saturday, then 10-12 … 10-16: 6 days), after 2
 *   4 上线  milestone on Fri 10-16, when 3 finishes (3FF)
 *   5 文档  starts 2 working days after 2 starts (2SS+2): Wed 09-30 … Thu 10-08, nothing after it
 */
function chain(progress2: string | null, opts: { contract?: string; asDone?: boolean } = {}): CellInput[][] {
  const k = opts.contract ?? null;
  return [
    HEADER,
    ["1", "需求", "张三", "2026-09-21", "2026-09-24", "2026-09-21", "2026-09-24", "100%", null, null, k],
    ["2", "设计", "李四", "2026-09-28", "2026-10-09", "2026-09-28", null, progress2, "1", null, k],
    ["3", "开发", "王五", "2026-10-10", "2026-10-16", null, null, null, "2", null, k],
    ["4", "上线", "赵六", "2026-10-16", "2026-10-16", null, null, null, "3FF", "是", k],
    ["5", "文档", "钱七", "2026-09-30", "2026-10-08", "2026-09-30", null, "50%", "2SS+2 工作日", null, k],
  ];
}

describe("the critical path through a 调休 week", () => {
  test("on plan: nothing late, the critical path is 2 → 3 → 4 through the make-up Saturday", () => {
    // 设计 at 80% on Fri 10-09: its last day is today.
    const wb = workbook(sheet("进度计划表", chain("80%")));
    const r = check(wb, "2026-10-09");
    expect(hits(r, "schedule.critical-late")).toEqual([]);
    expect(hits(r, "schedule.predecessor-order")).toEqual([]);
    const [view] = r.critical;
    expect(view.projectEnd).toBe("2026-10-16");
    expect(view.slip).toBe(0);
    expect(view.tasks.map((t) => `${t.id} ${t.earlyStart}…${t.earlyFinish}`)).toEqual([
      "2 2026-09-28…2026-10-09",
      "3 2026-10-10…2026-10-16",
      "4 2026-10-16…2026-10-16",
    ]);
  });

  test("a critical task that is late moves the project end by the working days it costs", () => {
    // As of Mon 10-12 设计 is at 60%: 2 of its 5 days remain (10-12, 10-13), so 开发 runs
    // 10-14 … 10-21 and the project ends Wed 10-21 instead of Fri 10-16: 3 working days later.
    const r = check(workbook(sheet("进度计划表", chain("60%"))), "2026-10-12");
    expect(hits(r, "schedule.critical-late")).toEqual([
      "B3: 关键路径上的任务「2 设计」按当前进度最早 2026-10-13 完成（计划 2026-10-09），" +
        "项目最早完工由 2026-10-16 推迟到 2026-10-21，推迟 3 个工作日",
    ]);
    expect(hits(r, "schedule.critical-late", "en")).toEqual([
      'B3: Task "2 设计" is on the critical path and can finish 2026-10-13 at the earliest (planned 2026-10-09); ' +
        "the project's earliest finish moves from 2026-10-16 to 2026-10-21, 3 working days later",
    ]);
  });

  test("a late task with float does not move the end", () => {
    // 文档 at 50% on Fri 10-09 needs one more day (10-09, a day late); it has a week of float.
    const r = check(workbook(sheet("进度计划表", chain("100%"))), "2026-10-09");
    expect(hits(r, "schedule.critical-late")).toEqual([]);
  });

  test("the earliest finish after the contract's 约定交货期 names the critical chain", () => {
    const wb = workbook(
      sheet("进度计划表", chain("60%", { contract: "HT-1" })),
      sheet("合同执行情况表", [
        CONTRACT_HEADER,
        ["HT-1", "系统实施", "甲公司", "2026-09-01", 100000, "周八", "2026-09-02", "2026-10-19"],
      ]),
    );
    const r = check(wb, "2026-10-12");
    expect(hits(r, "schedule.critical-beyond-contract")).toEqual([
      "B5: 按前置任务和当前进度推算，合同 HT-1 的工作最早 2026-10-21 完成，" +
        "晚于约定交货期 2026-10-19 2 天，且未签订备忘录；关键路径：2 → 3 → 4",
    ]);
    // Every typed end is before the delivery date: only the network shows the delay.
    expect(hits(r, "schedule.beyond-contract")).toEqual([]);
  });

  test("a task ending late on both counts is reported once, by the finding that names the chain", () => {
    // 约定交货期 Wed 10-14: 开发 and 上线 are typed to end Fri 10-16, and the network says 10-21.
    const wb = workbook(
      sheet("进度计划表", chain("60%", { contract: "HT-1" })),
      sheet("合同执行情况表", [
        CONTRACT_HEADER,
        ["HT-1", "系统实施", "甲公司", "2026-09-01", 100000, "周八", "2026-09-02", "2026-10-14"],
      ]),
    );
    const r = check(wb, "2026-10-12");
    const onRow5 = r.findings.filter((f) => f.row === 5 && f.rule.includes("beyond-contract"));
    expect(onRow5.map((f) => `${f.cell} ${f.rule}`)).toEqual(["B5 schedule.critical-beyond-contract"]);
    expect(hits(r, "schedule.critical-beyond-contract")).toEqual([
      "B5: 按前置任务和当前进度推算，合同 HT-1 的工作最早 2026-10-21 完成，" +
        "晚于约定交货期 2026-10-14 7 天，且未签订备忘录；关键路径：2 → 3 → 4",
    ]);
    // 开发's own typed end is a date to change of its own: it stays.
    expect(hits(r, "schedule.beyond-contract")).toEqual([
      "E4: 任务「3 开发」完成日期 2026-10-16 晚于合同 HT-1 约定交货期 2026-10-14 2 天，且未签订备忘录",
    ]);
    expect(r.summary.errors).toBe(r.findings.filter((f) => f.severity === "error").length);
    // The 备忘录 still lists both tasks that run past the delivery date.
    const memo = r.notices.find((n) => n.type === "备忘录");
    expect(memo?.facts.tasks).toBe("3 开发；4 上线");
  });

  test("a 备忘录 on the contract agrees the delay", () => {
    const wb = workbook(
      sheet("进度计划表", chain("60%", { contract: "HT-1" })),
      sheet("合同执行情况表", [
        [...CONTRACT_HEADER, "备忘录日期"],
        [
          "HT-1",
          "系统实施",
          "甲公司",
          "2026-09-01",
          100000,
          "周八",
          "2026-09-02",
          "2026-10-19",
          null,
          null,
          null,
          null,
          "2026-10-10",
        ],
      ]),
    );
    expect(hits(check(wb, "2026-10-12"), "schedule.critical-beyond-contract")).toEqual([]);
  });

  test("tasks without predecessors or successors in a linked schedule", () => {
    const rows = chain("80%");
    rows.push(["6", "培训", "孙九", "2026-10-12", "2026-10-13"]);
    const r = check(workbook(sheet("进度计划表", rows)), "2026-10-09");
    expect(hits(r, "schedule.unlinked")).toEqual([
      "I6: 任务「5 文档」没有后续任务，关键路径算不到它；本表其他任务都有前后关系",
      "I7: 任务「6 培训」既无前置任务也无后续任务，关键路径算不到它；本表其他任务都有前后关系",
    ]);
  });

  test("a schedule with a stray link is not one that uses them", () => {
    const r = check(
      workbook(
        sheet("进度计划表", [
          HEADER,
          ["1", "需求", "张三", "2026-11-02", "2026-11-06"],
          ["2", "设计", "李四", "2026-11-09", "2026-11-13", null, null, null, "1"],
          ["3", "开发", "王五", "2026-11-16", "2026-11-20"],
          ["4", "测试", "赵六", "2026-11-23", "2026-11-27"],
          ["5", "上线", "钱七", "2026-11-30", "2026-11-30"],
        ]),
      ),
      "2026-10-09",
    );
    expect(hits(r, "schedule.unlinked")).toEqual([]);
  });
});

describe("link types and lags in schedule.predecessor-order", () => {
  // P runs Wed 11-04 … Fri 11-06.
  const order = (cell: string, start: string, end: string) =>
    hits(
      check(
        workbook(
          sheet("进度计划表", [
            HEADER,
            ["1", "甲", "张三", "2026-11-04", "2026-11-06"],
            ["2", "乙", "李四", start, end, null, null, null, cell],
          ]),
        ),
        "2026-10-01",
      ),
      "schedule.predecessor-order",
    );

  test.each<[string, string, string]>([
    ["1FS+2 工作日", "2026-11-11", "2026-11-11"],
    ["1SS", "2026-11-04", "2026-11-04"],
    ["1SS-1d", "2026-11-03", "2026-11-05"],
    ["1SS+2", "2026-11-06", "2026-11-09"],
    ["1FF", "2026-11-02", "2026-11-06"],
    ["1FF+1天", "2026-11-05", "2026-11-09"],
    ["1SF", "2026-11-02", "2026-11-03"],
    ["1完成-开始+3自然日", "2026-11-10", "2026-11-10"],
  ])("%s allows %s … %s", (cell, start, end) => {
    expect(order(cell, start, end)).toEqual([]);
  });

  test.each<[string, string, string, string]>([
    [
      "1FS+2 工作日",
      "2026-11-10",
      "2026-11-10",
      "D3: 任务「2 乙」计划开始 2026-11-10 早于前置任务 1FS+2 允许的 2026-11-11",
    ],
    [
      "1SS+2",
      "2026-11-05",
      "2026-11-09",
      "D3: 任务「2 乙」计划开始 2026-11-05 早于前置任务 1SS+2 允许的 2026-11-06",
    ],
    [
      "1FF+1天",
      "2026-11-02",
      "2026-11-06",
      "E3: 任务「2 乙」计划完成 2026-11-06 早于前置任务 1FF+1 允许的 2026-11-09",
    ],
    [
      "1SF+3",
      "2026-11-02",
      "2026-11-05",
      "E3: 任务「2 乙」计划完成 2026-11-05 早于前置任务 1SF+3 允许的 2026-11-06",
    ],
  ])("%s refuses %s … %s", (cell, start, end, message) => {
    expect(order(cell, start, end)).toEqual([message]);
  });

  test("links name MS Project 标识号, not the outline's WBS", () => {
    const r = check(
      workbook(
        sheet("进度计划表", [
          ["标识号", "大纲数字", "任务名称", "负责人", "开始时间", "完成时间", "前置任务"],
          [1, "1", "实施", "张三", "2026-11-02", "2026-11-13"],
          [2, "1.1", "调研", "张三", "2026-11-02", "2026-11-06"],
          [3, "1.2", "设计", "李四", "2026-11-05", "2026-11-13", "2FS+1 工作日"],
        ]),
      ),
      "2026-10-01",
    );
    expect(hits(r, "schedule.predecessor-missing")).toEqual([]);
    expect(hits(r, "schedule.predecessor-order")).toEqual([
      "E4: 任务「1.2 设计」计划开始 2026-11-05 早于前置任务 2FS+1 允许的 2026-11-10",
    ]);
  });
});

describe("summary rows (roll-ups)", () => {
  const outline = (summary: CellInput[]): CellInput[][] => [
    HEADER,
    summary,
    ["1.1", "概要设计", "张三", "2026-11-02", "2026-11-06", "2026-11-02", "2026-11-06", "100%"],
    ["1.2", "详细设计", "李四", "2026-11-09", "2026-11-13", "2026-11-09", null, "40%", "1.1"],
  ];

  test("a stale summary row: its dates outside its subtasks' span", () => {
    const r = check(
      workbook(
        sheet("进度计划表", outline(["1", "设计", null, "2026-11-02", "2026-11-20", null, null, "50%"])),
      ),
      "2026-11-10",
    );
    expect(hits(r, "schedule.summary-dates")).toEqual([
      "E2: 摘要任务「1 设计」计划 2026-11-02 至 2026-11-20，其 2 个子任务为 2026-11-02 至 2026-11-13",
    ]);
  });

  test("a summary whose end reaches past its subtasks is judged by that end", () => {
    // 详细设计 is due 11-13; the summary promises 11-20. As of 11-23 both are overdue.
    const r = check(
      workbook(
        sheet("进度计划表", outline(["1", "设计", "王五", "2026-11-02", "2026-11-20", null, null, "50%"])),
      ),
      "2026-11-23",
    );
    expect(hits(r, "schedule.overdue").map((h) => h.slice(0, 3))).toEqual(["E2:", "E4:"]);
  });

  test("a summary that agrees with its subtasks is still not judged on its own", () => {
    const r = check(
      workbook(
        sheet("进度计划表", outline(["1", "设计", null, "2026-11-02", "2026-11-13", null, null, "50%"])),
      ),
      "2026-11-23",
    );
    expect(hits(r, "schedule.summary-dates")).toEqual([]);
    expect(hits(r, "schedule.overdue").map((h) => h.slice(0, 3))).toEqual(["E4:"]);
  });

  test("100% on a summary while a subtask is open", () => {
    const r = check(
      workbook(
        sheet("进度计划表", outline(["1", "设计", null, "2026-11-02", "2026-11-13", null, null, "100%"])),
      ),
      "2026-11-10",
    );
    expect(hits(r, "schedule.summary-progress")).toEqual([
      "H2: 摘要任务「1 设计」已标为完成，但还有 1 个子任务未完成（如「1.2 详细设计」）",
    ]);
  });

  test("a link to a summary waits for all its subtasks", () => {
    const rows = outline(["1", "设计", null, "2026-11-02", "2026-11-13", null, null, "50%"]);
    rows.push(["2", "开发", "王五", "2026-11-16", "2026-11-20", null, null, null, "1"]);
    const r = check(workbook(sheet("进度计划表", rows)), "2026-11-10");
    const [view] = r.critical;
    expect(view.tasks.map((t) => t.id)).toEqual(["1.2", "2"]);
  });
});

describe("milestones (里程碑)", () => {
  const rows = (milestone: CellInput[]): CellInput[][] => [
    [...HEADER, "工期"],
    ["1", "需求", "张三", "2026-11-02", "2026-11-06", "2026-11-02", "2026-11-06", "100%"],
    milestone,
  ];

  test("a missed milestone is an error, not also an overdue task", () => {
    const r = check(
      workbook(
        sheet(
          "进度计划表",
          rows(["2", "需求确认", "张三", "2026-11-09", "2026-11-09", null, null, null, "1", "是"]),
        ),
      ),
      "2026-11-12",
    );
    expect(hits(r, "schedule.milestone-missed")).toEqual([
      "E3: 里程碑任务「2 需求确认」应于 2026-11-09 达成，已过 3 天仍未完成",
    ]);
    expect(hits(r, "schedule.overdue")).toEqual([]);
  });

  test("a milestone reached is no finding", () => {
    const r = check(
      workbook(
        sheet(
          "进度计划表",
          rows(["2", "需求确认", "张三", "2026-11-09", "2026-11-09", null, "2026-11-09", "100%", "1", "是"]),
        ),
      ),
      "2026-11-12",
    );
    expect(hits(r, "schedule.milestone-missed")).toEqual([]);
  });

  test("a milestone with a duration is a warning", () => {
    const typed = check(
      workbook(
        sheet(
          "进度计划表",
          rows([
            "2",
            "需求确认",
            "张三",
            "2026-11-09",
            "2026-11-09",
            null,
            null,
            null,
            "1",
            "是",
            null,
            "2天",
          ]),
        ),
      ),
      "2026-11-02",
    );
    expect(hits(typed, "schedule.milestone-duration")).toEqual([
      "L3: 里程碑任务「2 需求确认」的工期为 2，里程碑是时间点，工期应为 0",
    ]);
    const spread = check(
      workbook(
        sheet(
          "进度计划表",
          rows(["2", "需求确认", "张三", "2026-11-09", "2026-11-11", null, null, null, "1", "√"]),
        ),
      ),
      "2026-11-02",
    );
    expect(hits(spread, "schedule.milestone-duration")).toEqual([
      "E3: 里程碑任务「2 需求确认」从 2026-11-09 持续到 2026-11-11，里程碑是时间点，开始与完成应为同一天",
    ]);
  });
});
