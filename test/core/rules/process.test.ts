/**
 * The process each contract goes through, read from the 合同执行情况表: project start, keeping
 * the sheets current, training and go-live, acceptance and close-out.
 */

import { sheet, workbook, type CellInput } from "../../helpers/snapshot-builder";
import { check, hits, SCHEDULE_HEADER } from "./harness";

/** Monday. */
const AS_OF = "2026-11-23";

/** A 合同执行情况表 with the core columns and the extra ones given (header → value), one contract. */
function contract(extra: Record<string, CellInput>, base: Record<string, CellInput> = {}) {
  const cols: Record<string, CellInput> = {
    合同编号: "HT-1",
    合同名称: "OA",
    签订日期: "2026-02-13",
    合同金额: 100000,
    约定交货期: "2026-12-31",
    ...base,
    ...extra,
  };
  const headers = Object.keys(cols);
  return workbook(sheet("合同执行情况表", [headers, headers.map((h) => cols[h])]));
}

/** The column letter of a header in contract(extra). */
function col(extra: Record<string, CellInput>, header: string, base: Record<string, CellInput> = {}): string {
  const headers = Object.keys({
    合同编号: 0,
    合同名称: 0,
    签订日期: 0,
    合同金额: 0,
    约定交货期: 0,
    ...base,
    ...extra,
  });
  return String.fromCharCode(65 + headers.indexOf(header));
}

describe("contract.kickoff-before-payment (§2.3.4 会议前提：依据合同收到首付款后)", () => {
  const pay = {
    约定收款日期1: "2026-03-01",
    约定收款金额1: 30000,
    财务实收金额1: 30000,
    实收日期1: "2026-03-05",
  };

  test("a kickoff held before the first payment came in is an error naming both dates", () => {
    const extra = { 动员会日期: "2026-03-02", ...pay };
    expect(hits(check(contract(extra), AS_OF), "contract.kickoff-before-payment")).toEqual([
      `${col(extra, "动员会日期")}2: 合同 HT-1 的动员会于 2026-03-02 召开，首付款 2026-03-05 才到账；会议前提：依据合同收到首付款后（§2.3.4）`,
    ]);
  });

  test("with no money received at all", () => {
    const extra = {
      动员会日期: "2026-03-02",
      约定收款日期1: "2026-03-01",
      约定收款金额1: 30000,
      财务实收金额1: 0,
    };
    expect(hits(check(contract(extra), AS_OF), "contract.kickoff-before-payment", "en")).toEqual([
      `${col(extra, "动员会日期")}2: Contract HT-1: the kickoff meeting was held 2026-03-02, and no first payment has been received; the standard holds it only after the first payment (§2.3.4)`,
    ]);
  });

  test("a 首付款日期 column is read too", () => {
    const late = { 动员会日期: "2026-03-02", 首付款到账日期: "2026-03-04" };
    expect(hits(check(contract(late), AS_OF), "contract.kickoff-before-payment")).toHaveLength(1);
    const fine = { 动员会日期: "2026-03-04", 首付款到账日期: "2026-03-04" };
    expect(hits(check(contract(fine), AS_OF), "contract.kickoff-before-payment")).toEqual([]);
  });

  test("held after the first payment, or the sheet cannot tell when money came in: nothing", () => {
    expect(
      hits(check(contract({ 动员会日期: "2026-03-06", ...pay }), AS_OF), "contract.kickoff-before-payment"),
    ).toEqual([]);
    // Money received with no date, or no payment columns at all: no guess.
    const undated = {
      动员会日期: "2026-03-02",
      约定收款金额1: 30000,
      财务实收金额1: 30000,
      约定收款日期1: "2026-03-01",
    };
    expect(hits(check(contract(undated), AS_OF), "contract.kickoff-before-payment")).toEqual([]);
    expect(
      hits(check(contract({ 动员会日期: "2026-03-02" }), AS_OF), "contract.kickoff-before-payment"),
    ).toEqual([]);
  });
});

describe("contract.plan-late (§1.2.2 《项目实施方案》《工作计划表》报送财务部)", () => {
  const base = { 实施通知日期: "2026-02-24" };

  test("sent after the deadline (5 working days after the notice by default; Sat 02-28 is a make-up working day)", () => {
    const extra = { 实施方案报送日期: "2026-03-05" };
    expect(hits(check(contract(extra, base), AS_OF), "contract.plan-late")).toEqual([
      `${col(extra, "实施方案报送日期", base)}2: 合同 HT-1 的项目实施通知发布于 2026-02-24，《项目实施方案》《工作计划表》应在 5 个工作日内（不晚于 2026-03-02）报送财务部，实际 2026-03-05`,
    ]);
  });

  test("never sent, or dated before the notice itself", () => {
    expect(hits(check(contract({ 实施方案报送日期: null }, base), AS_OF), "contract.plan-late")).toEqual([
      expect.stringContaining("不晚于 2026-03-02）报送财务部，至今未报送"),
    ]);
    expect(
      hits(check(contract({ 实施方案报送日期: "2026-02-20" }, base), AS_OF), "contract.plan-late"),
    ).toEqual([expect.stringContaining("记录的报送日期 2026-02-20 早于实施通知")]);
  });

  test("in time; not yet due; the deadline is a setting", () => {
    expect(
      hits(check(contract({ 实施方案报送日期: "2026-03-02" }, base), AS_OF), "contract.plan-late"),
    ).toEqual([]);
    expect(
      hits(check(contract({ 实施方案报送日期: null }, base), "2026-03-02"), "contract.plan-late"),
    ).toEqual([]);
    expect(
      hits(
        check(contract({ 实施方案报送日期: "2026-03-05" }, base), AS_OF, { planWorkdays: 8 }),
        "contract.plan-late",
      ),
    ).toEqual([]);
  });
});

describe("contract.project-report-late (§2.1 立项报告传至总经办和财务部备档)", () => {
  test("filed after the 2nd working day after signing, on the 调休 calendar", () => {
    expect(
      hits(check(contract({ 立项报告日期: "2026-02-25" }), AS_OF), "contract.project-report-late"),
    ).toEqual([
      "F2: 合同 HT-1 签订于 2026-02-13，立项报告应在 2 个工作日内（不晚于 2026-02-24）传至总经办和财务部备档，实际 2026-02-25",
    ]);
    expect(
      hits(check(contract({ 立项报告日期: "2026-02-25" }), AS_OF), "contract.project-report-late", "en"),
    ).toEqual([
      "F2: Contract HT-1 was signed 2026-02-13; the project report was due at the general office and finance within 2 working days (by 2026-02-24), it was filed 2026-02-25",
    ]);
  });

  test("on time, or not filed while there is still time: nothing; not filed past it: reported", () => {
    expect(
      hits(check(contract({ 立项报告日期: "2026-02-24" }), AS_OF), "contract.project-report-late"),
    ).toEqual([]);
    expect(
      hits(check(contract({ 立项报告日期: null }), "2026-02-24"), "contract.project-report-late"),
    ).toEqual([]);
    expect(
      hits(check(contract({ 立项报告日期: null }), "2026-02-25"), "contract.project-report-late"),
    ).toEqual([expect.stringContaining("至今未备档")]);
  });

  test("a terminated contract is not chased", () => {
    expect(
      hits(
        check(contract({ 立项报告日期: null, 合同状态: "已终止" }), AS_OF),
        "contract.project-report-late",
      ),
    ).toEqual([]);
  });
});

describe("contract.schedule-unsigned (§2.3.5 双方签字并加盖印章)", () => {
  test("after the kickoff, a blank or 否 签章 column is reported", () => {
    for (const v of [null, "否", "未签"]) {
      const extra = { 动员会日期: "2026-03-02", 进度计划表签章: v };
      expect(hits(check(contract(extra), AS_OF), "contract.schedule-unsigned")).toEqual([
        `${col(extra, "进度计划表签章")}2: 合同 HT-1 已于 2026-03-02 召开动员会，《进度计划表》未记录双方项目组负责人签字并加盖双方公司印章（§2.3.5）`,
      ]);
    }
  });

  test("是, a date or the signers' names count as signed; before the kickoff nothing is due", () => {
    for (const v of ["是", "2026-03-03", "张三、李四", "√"]) {
      expect(
        hits(
          check(contract({ 动员会日期: "2026-03-02", 进度计划表签章: v }), AS_OF),
          "contract.schedule-unsigned",
        ),
      ).toEqual([]);
    }
    expect(
      hits(
        check(contract({ 动员会日期: "2026-12-02", 进度计划表签章: null }), AS_OF),
        "contract.schedule-unsigned",
      ),
    ).toEqual([]);
  });
});

describe("table.stale (§1.2.2 按期填写)", () => {
  const schedule = (above: CellInput[][], rows: CellInput[][] = []) =>
    workbook(
      sheet("进度计划表", [
        ["某项目进度计划表"],
        ...above,
        SCHEDULE_HEADER,
        ["1", "需求调研", "张三", "2026-09-01", "2026-09-10", "2026-09-01", "2026-09-10", "100%"],
        ...rows,
      ]),
    );

  test("an update-date cell above the header, older than the period (7 days)", () => {
    const wb = schedule([["项目：OA", null, null, "更新日期：2026-10-01"]]);
    expect(hits(check(wb, AS_OF), "table.stale")).toEqual([
      "D2: 进度计划表最后更新于 2026-10-01（据表头上方「更新日期：2026-10-01」，进度计划表!D2），已 53 天未更新，超过填报周期 7 天；应按期填写（§1.2.2）",
    ]);
  });

  test("the label with its date in the next cell, and the period as a setting", () => {
    const wb = schedule([["编制日期：", "2026-11-10"]]);
    expect(hits(check(wb, AS_OF), "table.stale")).toEqual([expect.stringContaining("已 13 天未更新")]);
    expect(hits(check(wb, AS_OF, { updateDays: 14 }), "table.stale")).toEqual([]);
  });

  test("the period is read from a 填报周期天数 row a user adds to 设置", () => {
    const wb = schedule([["更新日期：2026-11-10"]]);
    expect(hits(check(wb, AS_OF), "table.stale")).toHaveLength(1);
    wb.sheets.push(
      sheet(
        "设置",
        [
          ["项", "值"],
          ["填报周期天数", 14],
        ],
        { visibility: "hidden" },
      ),
    );
    expect(hits(check(wb, AS_OF), "table.stale")).toEqual([]);
  });

  test("an actual date typed later than the mark shows the sheet was kept", () => {
    const wb = schedule(
      [["编制日期：2026-02-26"]],
      [["2", "开发", "李四", "2026-11-02", "2026-11-30", "2026-11-20", null, "40%"]],
    );
    expect(hits(check(wb, AS_OF), "table.stale")).toEqual([]);
    const older = schedule(
      [["编制日期：2026-02-26"]],
      [["2", "开发", "李四", "2026-11-02", "2026-11-30", "2026-11-02", null, "40%"]],
    );
    expect(hits(check(older, AS_OF), "table.stale")).toEqual([
      "A2: 进度计划表最后更新于 2026-11-02（据表中最近填写的「实际开始」，进度计划表!F5），已 21 天未更新，超过填报周期 7 天；应按期填写（§1.2.2）",
    ]);
  });

  test("a 更新日期 column on the contract sheet", () => {
    const wb = contract({ 更新日期: "2026-11-01" });
    expect(hits(check(wb, AS_OF), "table.stale", "en")).toEqual([
      'F2: The contract sheet was last updated 2026-11-01 (the latest date in the "更新日期" column, 合同执行情况表!F2), 22 days ago, longer than the 7 days reporting period (§1.2.2)',
    ]);
    expect(hits(check(contract({ 更新日期: "2026-11-20" }), AS_OF), "table.stale")).toEqual([]);
  });

  test("the latest 操作日志 row when the sheet says nothing else", () => {
    const wb = schedule([]);
    wb.sheets.push(
      sheet("操作日志", [
        ["时间", "用户", "操作", "错误", "警告", "提示", "说明"],
        ["2026-10-30 09:00:00", "李娜", "应用", 1, 0, 0, ""],
      ]),
    );
    wb.sheets[1].tables.push({ name: "操作日志", range: { r1: 1, c1: 1, r2: 2, c2: 7 }, headerRow: true });
    expect(hits(check(wb, AS_OF), "table.stale")).toEqual([
      "进度计划表: 进度计划表最后更新于 2026-10-30（据操作日志的最近一条记录），已 24 天未更新，超过填报周期 7 天；应按期填写（§1.2.2）",
    ]);
  });

  test("a run of the product logged in 操作日志 does not make a sheet with its own mark current", () => {
    const wb = schedule([["更新日期：2026-10-01"]]);
    wb.sheets.push(
      sheet("操作日志", [
        ["时间", "用户", "操作", "错误", "警告", "提示", "说明"],
        ["2026-11-23 09:00:00", "李娜", "应用", 1, 0, 0, ""],
      ]),
    );
    wb.sheets[1].tables.push({ name: "操作日志", range: { r1: 1, c1: 1, r2: 2, c2: 7 }, headerRow: true });
    expect(hits(check(wb, AS_OF), "table.stale")).toEqual([expect.stringContaining("最后更新于 2026-10-01")]);
  });

  test("a sheet that says nothing of its updates is not judged", () => {
    expect(hits(check(schedule([]), AS_OF), "table.stale")).toEqual([]);
  });
});

describe("training and go-live (§2.4.2, §2.5.1)", () => {
  test("contract.training-plan-unconfirmed: training began before the customer confirmed the plan", () => {
    const extra = { 培训计划确认日期: "2026-11-18", 培训开始日期: "2026-11-16" };
    expect(hits(check(contract(extra), AS_OF), "contract.training-plan-unconfirmed")).toEqual([
      `${col(extra, "培训计划确认日期")}2: 合同 HT-1 的培训于 2026-11-16 开始，《培训计划表》2026-11-18 才经客户确认；应经客户确认后实施培训计划（§2.4.2）`,
    ]);
    expect(
      hits(
        check(contract({ 培训计划确认日期: null, 培训开始日期: "2026-11-16" }), AS_OF),
        "contract.training-plan-unconfirmed",
      ),
    ).toEqual([expect.stringContaining("《培训计划表》未记录客户确认")]);
  });

  test("confirmed before training, or training still to come: nothing", () => {
    const ok = { 培训计划确认日期: "2026-11-10", 培训开始日期: "2026-11-16" };
    expect(hits(check(contract(ok), AS_OF), "contract.training-plan-unconfirmed")).toEqual([]);
    const later = { 培训计划确认日期: null, 培训开始日期: "2026-11-30" };
    expect(hits(check(contract(later), AS_OF), "contract.training-plan-unconfirmed")).toEqual([]);
  });

  test("contract.assessment-missing: training over and no 《客户操作考核记录》", () => {
    const extra = { 培训完成日期: "2026-11-20", 操作考核日期: null };
    expect(hits(check(contract(extra), AS_OF), "contract.assessment-missing")).toEqual([
      `${col(extra, "操作考核日期")}2: 合同 HT-1 的培训于 2026-11-20 结束，未记录《客户操作考核记录》；培训完成后应对参训人员进行操作考核（§2.4.2）`,
    ]);
    expect(
      hits(
        check(contract({ 培训完成日期: "2026-11-20", 操作考核日期: "2026-11-18" }), AS_OF),
        "contract.assessment-missing",
      ),
    ).toEqual([expect.stringContaining("记录的考核日期 2026-11-18 早于培训结束")]);
    expect(
      hits(
        check(contract({ 培训完成日期: "2026-11-20", 操作考核日期: "2026-11-21" }), AS_OF),
        "contract.assessment-missing",
      ),
    ).toEqual([]);
  });

  test("contract.init-check-missing: initial data entered and never checked", () => {
    expect(
      hits(
        check(contract({ 初始化完成日期: "2026-11-19", 初始化检查日期: null }), AS_OF),
        "contract.init-check-missing",
      ),
    ).toEqual([
      "G2: 合同 HT-1 的初始化输入于 2026-11-19 完成，未记录《客户初始化数据检查表》；初始化完成后应检查初始化数据（§2.4.2）",
    ]);
    expect(
      hits(
        check(contract({ 初始化完成日期: "2026-11-19", 初始化检查日期: "2026-11-20" }), AS_OF),
        "contract.init-check-missing",
      ),
    ).toEqual([]);
  });

  test("contract.run-in-ending: a reminder within 15 days of the end (90 days from formal operation)", () => {
    // 2026-08-30 + 90 days = 2026-11-28.
    expect(hits(check(contract({ 正式运行日期: "2026-08-30" }), AS_OF), "contract.run-in-ending")).toEqual([
      "F2: 合同 HT-1 的免费磨合期自 2026-08-30 正式运行起按 90 天计，于 2026-11-28 结束，还剩 5 天",
    ]);
    expect(hits(check(contract({ 正式运行日期: "2026-10-30" }), AS_OF), "contract.run-in-ending")).toEqual(
      [],
    );
    expect(
      hits(
        check(contract({ 正式运行日期: "2026-08-30" }), AS_OF, { runInRemindDays: 3 }),
        "contract.run-in-ending",
      ),
    ).toEqual([]);
  });

  test("the contract's own 磨合期结束日期 wins over the setting", () => {
    const extra = { 正式运行日期: "2026-06-01", 磨合期结束日期: "2026-12-01" };
    expect(hits(check(contract(extra), AS_OF), "contract.run-in-ending", "en")).toEqual([
      `${col(extra, "磨合期结束日期")}2: Contract HT-1: the free run-in period from formal operation on 2026-06-01 ends 2026-12-01, 8 days from now`,
    ]);
    expect(hits(check(contract(extra), AS_OF), "contract.run-in-ended")).toEqual([]);
  });

  test("contract.run-in-ended: info once it is over, until the contract is filed", () => {
    expect(hits(check(contract({ 正式运行日期: "2026-06-01" }), AS_OF), "contract.run-in-ended")).toEqual([
      "F2: 合同 HT-1 的免费磨合期自 2026-06-01 正式运行起按 90 天计，已于 2026-08-30 结束（85 天前）",
    ]);
    expect(
      hits(
        check(contract({ 正式运行日期: "2026-06-01", 结案归档日期: "2026-10-01" }), AS_OF),
        "contract.run-in-ended",
      ),
    ).toEqual([]);
    const r = check(contract({ 正式运行日期: "2026-06-01" }), AS_OF);
    expect(r.findings.find((f) => f.rule === "contract.run-in-ended")?.severity).toBe("info");
  });
});

describe("acceptance and close-out", () => {
  const accepted = { 实际完成日期: "2026-11-10", 验收日期: "2026-11-12" };

  test("contract.pre-acceptance-missing: accepted with no 预验收 before it", () => {
    const extra = { 预验收日期: null };
    expect(hits(check(contract(extra, accepted), AS_OF), "contract.pre-acceptance-missing")).toEqual([
      `${col(extra, "预验收日期", accepted)}2: 合同 HT-1 于 2026-11-12 验收，未记录预验收；验收前应由部门2人以上预验收一次`,
    ]);
    expect(
      hits(check(contract({ 预验收日期: "2026-11-13" }, accepted), AS_OF), "contract.pre-acceptance-missing"),
    ).toEqual([expect.stringContaining("预验收 2026-11-13 在验收之后")]);
    expect(
      hits(check(contract({ 预验收日期: "2026-11-11" }, accepted), AS_OF), "contract.pre-acceptance-missing"),
    ).toEqual([]);
  });

  test("contract.pre-acceptance-staff: fewer than two names", () => {
    const extra = { 预验收日期: "2026-11-11", 预验收人: "王磊" };
    expect(hits(check(contract(extra, accepted), AS_OF), "contract.pre-acceptance-staff")).toEqual([
      `${col(extra, "预验收人", accepted)}2: 合同 HT-1 的预验收仅 王磊 1 人；应由部门2人以上预验收`,
    ]);
    expect(
      hits(
        check(contract({ 预验收日期: "2026-11-11", 预验收人: null }, accepted), AS_OF),
        "contract.pre-acceptance-staff",
      ),
    ).toEqual([expect.stringContaining("未记录预验收人")]);
    for (const names of ["王磊、李娜", "王磊,李娜", "王磊 李娜", "王磊和李娜"]) {
      expect(
        hits(
          check(contract({ 预验收日期: "2026-11-11", 预验收人: names }, accepted), AS_OF),
          "contract.pre-acceptance-staff",
        ),
      ).toEqual([]);
    }
  });

  test("contract.acceptance-copies: one column listing departments names the missing ones", () => {
    const extra = { 验收单报送: "客服部、财务部" };
    expect(hits(check(contract(extra, accepted), AS_OF), "contract.acceptance-copies")).toEqual([
      `${col(extra, "验收单报送", accepted)}2: 合同 HT-1 于 2026-11-12 验收，客户签字的《项目实施验收单》未记录报送销售部、总经办；应报送客服部、销售部、总经办及财务部各一份`,
    ]);
    expect(
      hits(
        check(contract({ 验收单报送: "客服部、销售部、总办、财务部" }, accepted), AS_OF),
        "contract.acceptance-copies",
      ),
    ).toEqual([]);
  });

  test("contract.acceptance-copies: a column per department (是 or a date)", () => {
    const extra = {
      验收单送客服部: "是",
      验收单送销售部: "2026-11-13",
      验收单送总经办: "否",
      验收单送财务部: null,
    };
    expect(hits(check(contract(extra, accepted), AS_OF), "contract.acceptance-copies")).toEqual([
      `${col(extra, "验收单送总经办", accepted)}2: 合同 HT-1 于 2026-11-12 验收，客户签字的《项目实施验收单》未记录报送总经办、财务部；应报送客服部、销售部、总经办及财务部各一份`,
    ]);
    const all = { 验收单送客服部: "是", 验收单送销售部: "是", 验收单送总经办: "是", 验收单送财务部: "√" };
    expect(hits(check(contract(all, accepted), AS_OF), "contract.acceptance-copies")).toEqual([]);
    // Not accepted yet: nothing is due.
    expect(hits(check(contract({ 验收单报送: null }), AS_OF), "contract.acceptance-copies")).toEqual([]);
  });

  test("contract.closeout-missing: marked 已完成 without 项目总结 or 结案归档", () => {
    const extra = { 合同状态: "已完成", 项目总结日期: null, 结案归档日期: null, 与合同一并存档: "否" };
    expect(hits(check(contract(extra, accepted), AS_OF), "contract.closeout-missing")).toEqual([
      `${col(extra, "项目总结日期", accepted)}2: 合同 HT-1 已标记为已完成，尚未记录：项目总结、结案归档、与合同一并存档；项目总结和结案归档应在标记完成前完成，执行情况表与合同一并存档`,
    ]);
    const done = {
      合同状态: "已完成",
      项目总结日期: "2026-11-15",
      结案归档日期: "已归档",
      与合同一并存档: "是",
    };
    expect(hits(check(contract(done, accepted), AS_OF), "contract.closeout-missing")).toEqual([]);
    const open = { 合同状态: "执行中", 项目总结日期: null, 结案归档日期: null };
    expect(hits(check(contract(open, accepted), AS_OF), "contract.closeout-missing")).toEqual([]);
  });
});

describe("columns the sheet lacks: the rules do not run", () => {
  test("a plain contract sheet gets none of these findings", () => {
    const r = check(
      contract({
        实施通知日期: "2026-02-24",
        实际完成日期: "2026-11-10",
        验收日期: "2026-11-12",
        合同状态: "已完成",
      }),
      AS_OF,
    );
    expect(
      r.findings
        .map((f) => f.rule)
        .filter((id) =>
          /kickoff|plan-late|project-report|schedule-unsigned|training|assessment|init-check|run-in|pre-acceptance|acceptance-copies|closeout|stale/.test(
            id,
          ),
        ),
    ).toEqual([]);
  });
});
