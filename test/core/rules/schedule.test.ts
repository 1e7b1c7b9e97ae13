import { sheet, workbook, type CellInput } from "../../helpers/snapshot-builder";
import { check, CONTRACT_HEADER, hits, SCHEDULE_HEADER } from "./harness";

/** Monday. */
const AS_OF = "2026-11-23";

describe("schedule.overdue", () => {
  test("a task past its planned end and not done", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-20", "2026-11-02", null, "50%"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "schedule.overdue")).toEqual([
      "E2: 任务「1 需求调研」计划于 2026-11-20 完成，已逾期 3 天仍未完成",
    ]);
  });

  test("done tasks (100% or an actual end) and tasks due today are not overdue", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-20", "2026-11-02", null, "100%"],
        ["2", "方案设计", "李四", "2026-11-02", "2026-11-20", "2026-11-02", "2026-11-21", "90%"],
        ["3", "评审", "王五", "2026-11-02", "2026-11-23", "2026-11-02", null, "10%"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "schedule.overdue")).toEqual([]);
  });

  test("without 实际完成 or 完成率 the rule cannot tell done from not done and does not run", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER.slice(0, 5),
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-20"],
      ]),
    );
    const r = check(wb, AS_OF);
    expect(hits(r, "schedule.overdue")).toEqual([]);
    expect(r.tables[0].skippedRules).toEqual(
      expect.arrayContaining(["schedule.overdue", "schedule.due-soon"]),
    );
  });
});

describe("schedule.due-soon", () => {
  const wb = workbook(
    sheet("进度计划表", [
      SCHEDULE_HEADER,
      ["1", "需求调研", "张三", "2026-11-02", "2026-11-26", "2026-11-02", null, "50%"], // Thu: 3rd working day
      ["2", "方案设计", "李四", "2026-11-02", "2026-11-27", "2026-11-02", null, "50%"], // Fri: 4th
      ["3", "评审", "王五", "2026-11-02", "2026-11-24", "2026-11-02", "2026-11-20", "100%"], // done
    ]),
  );

  test("a task ending within the next 3 working days", () => {
    expect(hits(check(wb, AS_OF), "schedule.due-soon")).toEqual([
      "E2: 任务「1 需求调研」计划于 2026-11-26 完成，还剩 3 个工作日（提醒范围 3 个工作日）",
    ]);
  });

  test("N is a setting", () => {
    expect(hits(check(wb, AS_OF, { dueSoonWorkdays: 4 }), "schedule.due-soon")).toHaveLength(2);
    expect(hits(check(wb, AS_OF, { dueSoonWorkdays: 2 }), "schedule.due-soon")).toEqual([]);
  });
});

describe("schedule.start-late", () => {
  test("planned start passed, no actual start", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-16", "2026-11-30", null, null, "0%"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "schedule.start-late")).toEqual([
      "F2: 任务「1 需求调研」计划于 2026-11-16 开始，已过 7 天仍无实际开始日期",
    ]);
  });

  test("started, done, or not yet due to start", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-16", "2026-11-30", "2026-11-17", null, "10%"],
        ["2", "方案设计", "李四", "2026-11-16", "2026-11-30", null, null, "100%"],
        ["3", "评审", "王五", "2026-11-23", "2026-11-30", null, null, "0%"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "schedule.start-late")).toEqual([]);
  });
});

describe("schedule.finished-late", () => {
  test("actual end after planned end is noted", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-06", "2026-11-02", "2026-11-10", "100%"],
      ]),
    );
    const r = check(wb, AS_OF);
    expect(hits(r, "schedule.finished-late")).toEqual([
      "G2: 任务「1 需求调研」计划 2026-11-06 完成，实际 2026-11-10 完成，晚 4 天",
    ]);
    expect(r.findings.find((f) => f.rule === "schedule.finished-late")?.severity).toBe("info");
  });

  test("finished on time", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-06", "2026-11-02", "2026-11-06", "100%"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "schedule.finished-late")).toEqual([]);
  });
});

describe("schedule.progress-mismatch", () => {
  test("finished but under 100%, and 100% without an actual end", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-06", "2026-11-02", "2026-11-06", "80%"],
        ["2", "方案设计", "李四", "2026-11-02", "2026-11-30", "2026-11-02", null, "100%"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "schedule.progress-mismatch")).toEqual([
      "H2: 任务「1 需求调研」已于 2026-11-06 实际完成，但完成率为 80%",
      "G3: 任务「2 方案设计」完成率为 100%，但没有实际完成日期",
    ]);
  });

  test("consistent rows, and a blank 完成率 beside an actual end", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-11-02", "2026-11-06", "2026-11-02", "2026-11-06", "100%"],
        ["2", "方案设计", "李四", "2026-11-02", "2026-11-06", "2026-11-02", "2026-11-06", null],
        ["3", "评审", "王五", "2026-11-02", "2026-11-30", "2026-11-02", null, "40%"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "schedule.progress-mismatch")).toEqual([]);
  });
});

describe("predecessors", () => {
  test("schedule.predecessor-missing names the missing WBS", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-12-01", "2026-12-04"],
        ["2", "方案设计", "李四", "2026-12-07", "2026-12-11", null, null, null, "1、9"],
      ]),
    );
    const r = check(wb, AS_OF);
    expect(hits(r, "schedule.predecessor-missing")).toEqual([
      "I3: 任务「2 方案设计」的前置任务 9 不在本表中",
    ]);
    expect(hits(r, "schedule.predecessor-cycle")).toEqual([]);
    expect(hits(r, "schedule.predecessor-order")).toEqual([]);
  });

  test("schedule.predecessor-cycle names the cycle once, on its topmost task", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-12-01", "2026-12-04", null, null, null, "3"],
        ["2", "方案设计", "李四", "2026-12-07", "2026-12-11", null, null, null, "1"],
        ["3", "评审", "王五", "2026-12-14", "2026-12-18", null, null, null, "2"],
        ["4", "上线", "赵六", "2026-12-21", "2026-12-25", null, null, null, "4"],
      ]),
    );
    const r = check(wb, AS_OF);
    expect(hits(r, "schedule.predecessor-cycle")).toEqual([
      "I2: 前置任务形成循环：1 → 3 → 2 → 1",
      "I5: 前置任务形成循环：4 → 4",
    ]);
    expect(hits(r, "schedule.predecessor-missing")).toEqual([]);
  });

  test("schedule.predecessor-order: a task starting before its predecessor ends", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-12-01", "2026-12-04"],
        ["2", "方案设计", "李四", "2026-12-03", "2026-12-11", null, null, null, "1"],
        ["3", "评审", "王五", "2026-12-11", "2026-12-18", null, null, null, "2"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "schedule.predecessor-order")).toEqual([
      "D3: 任务「2 方案设计」计划开始 2026-12-03 早于前置任务 1 的计划完成 2026-12-04",
    ]);
  });

  test("a long chain is neither a cycle nor out of order", () => {
    const rows: CellInput[][] = [SCHEDULE_HEADER];
    for (let i = 1; i <= 2000; i++) {
      rows.push([
        String(i),
        `任务${i}`,
        "张三",
        "2026-12-01",
        "2026-12-01",
        null,
        null,
        null,
        i > 1 ? String(i - 1) : "",
      ]);
    }
    const r = check(workbook(sheet("进度计划表", rows)), AS_OF);
    expect(hits(r, "schedule.predecessor-cycle")).toEqual([]);
    expect(hits(r, "schedule.predecessor-order")).toEqual([]);
  });
});

describe("plan changes (§1.2.2)", () => {
  const header = [
    "WBS编码",
    "任务名称",
    "负责人",
    "计划开始",
    "计划完成",
    "基线完成",
    "调整通知日期",
    "报备财务",
    "备注",
  ];
  //               A          B          C         D          E          F          G              H          I

  test("schedule.change-unnotified: notice later than 2 days before the original end, or none", () => {
    const wb = workbook(
      sheet("进度计划表", [
        header,
        [
          "1",
          "系统部署",
          "张三",
          "2026-12-01",
          "2026-12-20",
          "2026-12-10",
          "2026-12-09",
          "是",
          "设备到货延迟",
        ],
        ["2", "培训", "李四", "2026-12-01", "2026-12-22", "2026-12-12", null, "否"],
      ]),
    );
    expect(hits(check(wb, AS_OF), "schedule.change-unnotified")).toEqual([
      "G2: 任务「1 系统部署」计划完成由 2026-12-10 调整为 2026-12-20，调整通知应不晚于 2026-12-08（提前 2 日）发出，实际 2026-12-09",
      "G3: 任务「2 培训」计划完成由 2026-12-12 调整为 2026-12-22，调整通知应不晚于 2026-12-10（提前 2 日）发出，尚未通知",
    ]);
  });

  test("notified in time, or not changed at all", () => {
    const wb = workbook(
      sheet("进度计划表", [
        header,
        ["1", "系统部署", "张三", "2026-12-01", "2026-12-20", "2026-12-10", "2026-12-08", "是"],
        ["2", "培训", "李四", "2026-12-01", "2026-12-12", "2026-12-12", null, null],
      ]),
    );
    expect(hits(check(wb, AS_OF), "schedule.change-unnotified")).toEqual([]);
  });

  test("an unreadable 调整通知日期 is only a date error", () => {
    const wb = workbook(
      sheet("进度计划表", [
        header,
        ["1", "系统部署", "张三", "2026-12-01", "2026-12-20", "2026-12-10", "12月8号", "是"],
      ]),
    );
    const r = check(wb, AS_OF);
    expect(hits(r, "schedule.change-unnotified")).toEqual([]);
    expect(hits(r, "cell.date-invalid")).toEqual([
      "G2: 「调整通知日期」的值“12月8号”不是一个有效日期（日期不完整，应写明年、月、日）",
    ]);
  });

  test("schedule.change-not-filed: a changed plan not filed with finance", () => {
    const wb = workbook(
      sheet("进度计划表", [
        header,
        ["1", "系统部署", "张三", "2026-12-01", "2026-12-20", "2026-12-10", "2026-12-08", "否"],
        ["2", "培训", "李四", "2026-12-01", "2026-12-22", "2026-12-12", "2026-12-08", "是"],
        ["3", "验收", "王五", "2026-12-01", "2026-12-12", "2026-12-12", null, null],
      ]),
    );
    expect(hits(check(wb, AS_OF), "schedule.change-not-filed")).toEqual([
      "H2: 任务「1 系统部署」计划完成由 2026-12-10 调整为 2026-12-20，未报备财务部审计",
    ]);
  });

  test("the days are a setting", () => {
    const wb = workbook(
      sheet("进度计划表", [
        header,
        ["1", "系统部署", "张三", "2026-12-01", "2026-12-20", "2026-12-10", "2026-12-08", "是"],
      ]),
    );
    expect(hits(check(wb, AS_OF, { changeNoticeDays: 3 }), "schedule.change-unnotified")).toHaveLength(1);
  });
});

describe("schedule.beyond-contract (§2.4.1)", () => {
  const contracts = (memo: string | null, status = "执行中") =>
    sheet("合同执行情况表", [
      [...CONTRACT_HEADER.slice(0, 5), "约定交货期", "备忘录日期", "合同状态"],
      ["HT-1", "OA", "甲公司", "2026-06-01", 100000, "2026-12-15", memo, status],
    ]);
  const schedule = sheet("进度计划表", [
    [...SCHEDULE_HEADER.slice(0, 7), "合同编号"],
    ["1", "部署", "张三", "2026-12-01", "2026-12-10", null, null, "HT-1"],
    ["2", "上线", "李四", "2026-12-11", "2026-12-20", null, null, "HT-1"],
    ["3", "联调", "王五", "2026-11-01", "2026-12-01", "2026-11-01", "2026-12-18", "HT-1"],
  ]);

  test("a task ending after the contract's delivery date without a memorandum", () => {
    expect(
      hits(check(workbook(schedule, contracts(null)), "2026-12-18"), "schedule.beyond-contract"),
    ).toEqual([
      "E3: 任务「2 上线」完成日期 2026-12-20 晚于合同 HT-1 约定交货期 2026-12-15 5 天，且未签订备忘录",
      "G4: 任务「3 联调」完成日期 2026-12-18 晚于合同 HT-1 约定交货期 2026-12-15 3 天，且未签订备忘录",
    ]);
  });

  test("a signed memorandum, or a terminated contract, settles it", () => {
    expect(
      hits(check(workbook(schedule, contracts("2026-12-01")), "2026-12-18"), "schedule.beyond-contract"),
    ).toEqual([]);
    expect(
      hits(check(workbook(schedule, contracts(null, "已终止")), "2026-12-18"), "schedule.beyond-contract"),
    ).toEqual([]);
  });
});

describe("schedule.unsigned (§2.3.5)", () => {
  const table = [SCHEDULE_HEADER, ["1", "需求调研", "张三", "2026-12-01", "2026-12-04"]];

  test("no signature block at all", () => {
    const r = check(workbook(sheet("进度计划表", table)), AS_OF);
    expect(hits(r, "schedule.unsigned")).toEqual([
      "进度计划表: 进度计划表没有签字栏，应由双方项目组负责人签字并加盖公章",
    ]);
  });

  test("a signature block signed by one side only", () => {
    const wb = workbook(
      sheet("进度计划表", [
        ...table,
        [],
        ["甲方负责人（签字）：", "刘总", null, "乙方负责人（签字）：", null],
      ]),
    );
    expect(hits(check(wb, AS_OF), "schedule.unsigned")).toEqual([
      "进度计划表: 进度计划表的签字栏未由双方签字盖章",
    ]);
  });

  test("both sides signed, beside the label or after its colon", () => {
    const wb = workbook(
      sheet("进度计划表", [...table, [], ["甲方负责人（签字）：", "刘总", null, "乙方负责人（签字）：张三"]]),
    );
    expect(hits(check(wb, AS_OF), "schedule.unsigned")).toEqual([]);
  });
});

describe("summary tasks (an outline: 1 over 1.1, 1.2)", () => {
  test("are judged through their subtasks: no owner needed, a stale roll-up is not overdue", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "设计", null, "2026-11-02", "2026-11-13", null, null, "50%"],
        ["1.1", "概要设计", "张三", "2026-11-02", "2026-11-06", null, "2026-11-06", "100%"],
        ["1.2", "详细设计", "李四", "2026-11-09", "2026-11-13", null, null, "40%", "1.1"],
        ["10", "收尾", null, "2026-12-01", "2026-12-04"],
      ]),
    );
    const r = check(wb, AS_OF);
    // (1.2 and 10 are not linked to each other: schedule.unlinked's business, tested in critical.test.ts.)
    const cells = r.findings
      .filter((f) => f.cell && f.rule !== "schedule.unlinked")
      .map((f) => `${f.rule} ${f.cell}`);
    expect(cells).toEqual(["schedule.overdue E4", "schedule.start-late F4", "cell.required C5"]);
  });
});

describe("a 完成率 outside 0–100%", () => {
  test("is reported once and says nothing about whether the task is done", () => {
    const wb = workbook(
      sheet("进度计划表", [
        SCHEDULE_HEADER,
        ["1", "安装", "李四", "2026-11-02", "2026-11-20", null, null, 120],
      ]),
    );
    const r = check(wb, AS_OF);
    expect(r.findings.filter((f) => f.cell).map((f) => `${f.rule} ${f.cell}`)).toEqual([
      "schedule.overdue E2",
      "schedule.start-late F2",
      "cell.percent-range H2",
    ]);
  });
});
