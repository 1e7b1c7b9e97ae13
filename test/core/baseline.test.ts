/**
 * 设为基线 on schedules built in code: a baseline saved on the product's hidden sheet, the plan
 * changed, the variance in working days on the 调休 calendar (Sat 2026-02-14 is a make-up working
 * day, 02-15 … 02-23 are off), the plan-change rules and the 计划调整通知 firing on the saved
 * baseline; a save over an existing name refused unless asked for; a 12th refused.
 */

import { runBaselineSet } from "../../src/app/baseline";
import { readBaselines, variance, currentPlan, baselineSheet } from "../../src/core/baseline";
import { analyseWorkbook, checkWorkbook } from "../../src/core/check";
import { snapshotAfter } from "../../src/core/patch-snapshot";
import { planBaselineSave, refusalMessage, type BaselineSaveOptions } from "../../src/core/plan/baseline";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { fakeFromSnapshot } from "../host/excel/fake-excel";
import { host as fakeHost } from "../host/excel/measure";
import { sheet, workbook, type CellInput } from "../helpers/snapshot-builder";

const TODAY = "2026-02-02";
const HEADER = ["WBS", "任务名称", "负责人", "计划开始", "计划完成", "调整通知日期", "报备财务"];

function schedule(rows: CellInput[][], header: CellInput[] = HEADER): WorkbookSnapshot {
  return workbook(sheet("进度计划表", [header, ...rows]));
}

const PLAN: CellInput[][] = [
  ["1", "需求调研", "张三", "2026-02-09", "2026-02-13", null, null],
  ["2", "系统设计", "李四", "2026-02-12", "2026-02-24", null, null],
];

function save(wb: WorkbookSnapshot, opts: Partial<BaselineSaveOptions> = {}) {
  return planBaselineSave(wb, analyseWorkbook(wb, { today: TODAY }), {
    replace: false,
    now: "2026-02-02 09:30:00",
    user: "王五",
    lang: "zh",
    ...opts,
  });
}

function saved(wb: WorkbookSnapshot, opts: Partial<BaselineSaveOptions> = {}): WorkbookSnapshot {
  const s = save(wb, opts);
  if (!s.ok) throw new Error(refusalMessage(s.refusal, "zh"));
  return snapshotAfter(wb, s.patch);
}

/** A user edits a cell of the schedule. */
function edit(wb: WorkbookSnapshot, r: number, c: number, value: string): WorkbookSnapshot {
  const out = structuredClone(wb);
  const s = out.sheets.find((x) => x.name === "进度计划表")!;
  (s.rows[r - 1] ??= [])[c - 1] = { value };
  return out;
}

const rulesOf = (wb: WorkbookSnapshot) =>
  checkWorkbook(wb, { today: TODAY }).findings.filter((f) => f.rule.startsWith("schedule.change"));

describe("设为基线", () => {
  it("saves each task's planned start, finish and working-day duration on a hidden sheet known by its marker", () => {
    const wb = saved(schedule(PLAN));
    const s = baselineSheet(wb)!;
    expect(s.name).toBe("基线");
    expect(s.visibility).toBe("hidden");
    expect(s.owner).toMatchObject({ kind: "baseline", id: "main" });
    expect(readBaselines(wb)).toEqual([
      {
        name: "基线",
        version: 1,
        savedAt: "2026-02-02 09:30:00",
        savedBy: "王五",
        tasks: [
          {
            sheet: "进度计划表",
            key: "1",
            task: "需求调研",
            start: "2026-02-09",
            end: "2026-02-13",
            duration: 5,
          },
          // Thu 12, Fri 13, Sat 14 (调休, a working day), then the Spring Festival, Tue 24.
          {
            sheet: "进度计划表",
            key: "2",
            task: "系统设计",
            start: "2026-02-12",
            end: "2026-02-24",
            duration: 4,
          },
        ],
      },
    ]);
    // The saved baseline is the product's: it is never checked as a user's table.
    expect(checkWorkbook(wb, { today: TODAY }).tables.map((t) => t.sheet)).toEqual(["进度计划表"]);
    // The save is in 操作日志, with who and when.
    const log = wb.sheets.find((x) => x.owner?.kind === "log")!;
    expect(log.rows[1]?.map((c) => c?.value)).toEqual([
      "2026-02-02 09:30:00",
      "王五",
      "设为基线",
      undefined,
      undefined,
      undefined,
      "保存基线「基线」：2 个任务的计划开始、计划完成和工期",
    ]);
  });

  it("the plan changed: variance in working days across the 调休 week, and the change rules fire", () => {
    const before = saved(schedule(PLAN));
    expect(rulesOf(before)).toEqual([]);
    // Task 1 now ends Tue 02-24 instead of Fri 02-13.
    const after = edit(before, 2, 5, "2026-02-24");
    const a = analyseWorkbook(after, { today: TODAY });
    const v = variance(currentPlan(a.tables, a.model.calendar), readBaselines(after)[0], a.model.calendar);
    expect(v[0]).toMatchObject({
      key: "1",
      status: "changed",
      baselineEnd: "2026-02-13",
      end: "2026-02-24",
      startVariance: 0,
      // Sat 02-14 (调休) and Tue 02-24: two working days later, not eleven calendar days.
      finishVariance: 2,
      baselineDuration: 5,
      duration: 7,
      durationVariance: 2,
    });
    expect(v[1]).toMatchObject({ key: "2", status: "same", finishVariance: 0 });
    expect(a.result.baseline).toMatchObject({ compared: "基线", saved: [{ name: "基线", tasks: 2 }] });

    // The sheet has no 基线 column: the saved baseline stands in for it.
    const found = rulesOf(after);
    expect(found.map((f) => [f.rule, f.cell, f.args.baselineEnd, f.args.planEnd])).toEqual([
      ["schedule.change-unnotified", "F2", "2026-02-13", "2026-02-24"],
      ["schedule.change-not-filed", "G2", "2026-02-13", "2026-02-24"],
    ]);
    expect(a.result.notices.filter((n) => n.type === "计划调整通知")).toMatchObject([
      { key: "1", row: 2, facts: { baselineEnd: "2026-02-13", planEnd: "2026-02-24", daysMoved: 11 } },
    ]);

    // Notified two days ahead and filed with finance: nothing to report.
    const done = edit(edit(after, 2, 6, "2026-02-10"), 2, 7, "是");
    expect(rulesOf(done)).toEqual([]);
  });

  it("without a saved baseline the change rules do not run on a sheet without a 基线 column", () => {
    const wb = edit(schedule(PLAN), 2, 5, "2026-02-24");
    const r = checkWorkbook(wb, { today: TODAY });
    expect(r.findings.filter((f) => f.rule.startsWith("schedule.change"))).toEqual([]);
    expect(r.tables[0].skippedRules).toEqual(
      expect.arrayContaining(["schedule.change-unnotified", "schedule.change-not-filed"]),
    );
    expect(r.baseline).toBeUndefined();
  });

  it("a sheet's own 基线完成 column wins over the saved baseline", () => {
    const header = [...HEADER, "基线完成"];
    const wb = saved(
      schedule(
        [
          [...PLAN[0], "2026-02-13"],
          [...PLAN[1], "2026-02-24"],
        ],
        header,
      ),
    );
    // The saved baseline says 02-13 → 02-24 moved; the sheet's own baseline says 02-24 already.
    const moved = edit(edit(wb, 2, 5, "2026-02-24"), 2, 8, "2026-02-24");
    expect(rulesOf(moved)).toEqual([]);
  });

  it("saving over a baseline needs the explicit choice, which adds a version, logs it and keeps the first", () => {
    const first = saved(schedule(PLAN));
    const changed = edit(first, 2, 5, "2026-02-24");
    const again = save(changed, { name: "基线" });
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(refusalMessage(again.refusal, "zh")).toBe(
      "基线「基线」已于 2026-02-02 09:30:00 保存，不会被悄悄覆盖；要覆盖它请加 --replace，或用 --name 换一个名称。",
    );
    expect(readBaselines(changed)[0].tasks[0].end).toBe("2026-02-13");

    const replaced = saved(changed, { name: "基线", replace: true, now: "2026-02-03 08:00:00" });
    const [b] = readBaselines(replaced);
    expect(b).toMatchObject({ name: "基线", version: 2, savedAt: "2026-02-03 08:00:00" });
    expect(b.tasks.map((t) => t.end)).toEqual(["2026-02-24", "2026-02-24"]);
    // Version 1's rows are still on the sheet, below them version 2's.
    const rows = baselineSheet(replaced)!.rows.map((r) => r?.map((c) => c?.value));
    expect(rows.slice(1).map((r) => [r?.[0], r?.[1], r?.[5], r?.[8]])).toEqual([
      ["基线", 1, "1", "2026-02-13"],
      ["基线", 1, "2", "2026-02-24"],
      ["基线", 2, "1", "2026-02-24"],
      ["基线", 2, "2", "2026-02-24"],
    ]);
    const log = replaced.sheets.find((x) => x.owner?.kind === "log")!;
    expect(log.rows.at(-1)?.[6]?.value).toBe(
      "覆盖基线「基线」（第 2 版，2 个任务）；之前的版本仍保留在基线工作表上",
    );
    // The rules compare against the baseline as replaced: the moved end is the plan now.
    expect(rulesOf(replaced)).toEqual([]);
  });

  it("names go 基线, 基线1 … 基线10; a 12th is refused in one sentence", () => {
    let wb = schedule(PLAN);
    for (let i = 0; i < 11; i++) wb = saved(wb);
    expect(readBaselines(wb).map((b) => b.name)).toEqual([
      "基线",
      ...Array.from({ length: 10 }, (_, i) => `基线${i + 1}`),
    ]);
    for (const opts of [{}, { name: "签约基线" }]) {
      const r = save(wb, opts);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(refusalMessage(r.refusal, "zh")).toBe(
          "已有 11 个基线（基线、基线1、基线2、基线3、基线4、基线5、基线6、基线7、基线8、基线9、基线10），不能再保存；请用 --name 和 --replace 覆盖其中一个。",
        );
    }
    // Overwriting one of them with the explicit choice is still possible.
    expect(save(wb, { name: "基线3", replace: true }).ok).toBe(true);
  });

  it("a bad name and a workbook without a schedule are refused in one sentence", () => {
    const bad = save(schedule(PLAN), { name: "  " });
    expect(!bad.ok && refusalMessage(bad.refusal, "en")).toBe(
      'The baseline name "  " cannot be used: it must not be empty and has at most 31 characters.',
    );
    const none = save(workbook(sheet("备注", [["随便写写"]])));
    expect(!none.ok && refusalMessage(none.refusal, "zh")).toBe(
      "工作簿中没有识别到进度计划表，没有可保存的计划。",
    );
  });

  it("protection is respected: a protected structure gets no baseline sheet, a protected baseline sheet no rows", () => {
    const locked = { ...schedule(PLAN), structureProtected: true };
    const r = save(locked);
    expect(!r.ok && refusalMessage(r.refusal, "zh")).toBe(
      "工作簿结构受保护，不能新建基线工作表；请先撤销工作簿保护（审阅 → 保护工作簿）。",
    );
    const wb = saved(schedule(PLAN));
    baselineSheet(wb)!.protected = true;
    const again = save(wb);
    expect(!again.ok && refusalMessage(again.refusal, "zh")).toBe(
      "基线工作表“基线”受保护，不能写入；请先撤销该工作表的保护。",
    );
  });

  it("a user's sheet named 基线 is left alone, and the baseline sheet is found by its marker after a rename", () => {
    const mine = sheet("基线", [["我的基线笔记"]]);
    const wb = saved({ ...schedule(PLAN), sheets: [...schedule(PLAN).sheets, mine] });
    expect(wb.sheets.find((s) => s.name === "基线")).toEqual(mine);
    expect(baselineSheet(wb)!.name).toBe("基线 (2)");
    // A user renames the hidden sheet: the marker follows it.
    const renamed = structuredClone(wb);
    baselineSheet(renamed)!.name = "旧计划";
    expect(readBaselines(renamed).map((b) => b.name)).toEqual(["基线"]);
    expect(rulesOf(edit(renamed, 2, 5, "2026-02-24")).map((f) => f.rule)).toEqual([
      "schedule.change-unnotified",
      "schedule.change-not-filed",
    ]);
    // And a user's sheet called 基线 holding a baseline-like table is not taken for one.
    expect(
      readBaselines(
        workbook(
          sheet("基线", [
            ["基线", "版本", "标识"],
            ["基线", 1, "1"],
          ]),
        ),
      ),
    ).toEqual([]);
  });

  it("in Excel (the strict fake) the baseline sheet is added hidden and a second save is appended", async () => {
    const model = fakeFromSnapshot(schedule(PLAN));
    const { host } = fakeHost(model);
    const req = { replace: false, lang: "zh" as const, user: "王五", now: new Date("2026-02-02T01:30:00Z") };
    const first = await runBaselineSet(host, req);
    expect(first).toMatchObject({ ok: true, name: "基线", tasks: 2, replaced: false, sheet: "基线" });
    expect(model.sheet("基线")!.visibility).toBe("Hidden");
    const refused = await runBaselineSet(host, { ...req, name: "基线" });
    expect(refused).toMatchObject({ ok: false, refusal: { reason: "exists" } });
    const second = await runBaselineSet(host, req);
    expect(second).toMatchObject({ ok: true, name: "基线1" });
    const back = await host.read();
    expect(readBaselines(back).map((b) => [b.name, b.tasks.length])).toEqual([
      ["基线", 2],
      ["基线1", 2],
    ]);
    expect(model.sheet("基线")!.visibility).toBe("Hidden");
  });
});
