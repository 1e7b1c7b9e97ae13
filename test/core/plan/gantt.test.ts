/**
 * The Gantt band apply draws on a sheet of its own: a constant number of conditional-format rules
 * whatever the number of tasks, bars whose formulas colour the right days around a 调休 week
 * (evaluated here as Excel would, on the planned cells), live references to the user's dates,
 * and a band that a re-apply replaces and that turning it off or clear empties and hides.
 */

import { isoToSerial } from "../../../src/core/dates";
import type { AddConditionalFormats, CellWrite, PatchOp, WriteSheet } from "../../../src/core/patch";
import { planApply, planClear } from "../../../src/core/plan";
import { BAND_FIRST_COL, FIRST_TASK_ROW, HEAD_ROW, MARK_ROW, ganttRules } from "../../../src/core/plan/gantt";
import { planSettingsEdit } from "../../../src/core/plan/settings-edit";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { readWorkbookState } from "../../../src/core/workbook-settings";
import { ruleApplies, type Value } from "../../helpers/cf-formula";
import { fmt, sheet, workbook } from "../../helpers/snapshot-builder";
import { applyInMemory } from "./apply-in-memory";
import { OPTS } from "./options";

const d = (iso: string) => fmt(isoToSerial(iso), "yyyy-mm-dd");
const HEAD = ["WBS", "任务名称", "负责人", "计划开始", "计划完成", "实际开始", "实际完成", "完成率"];

type Task = [
  wbs: string,
  name: string,
  start: string,
  end: string,
  actualStart?: string,
  actualEnd?: string,
  progress?: number,
];

function schedule(tasks: Task[], extra: { predecessors?: string[] } = {}): WorkbookSnapshot {
  const head = extra.predecessors ? [...HEAD, "前置任务"] : HEAD;
  return workbook(
    sheet("进度计划表", [
      head,
      ...tasks.map(([wbs, name, s, e, as, ae, p], i) => [
        wbs,
        name,
        "张三",
        d(s),
        d(e),
        as ? d(as) : null,
        ae ? d(ae) : null,
        p ?? 0,
        ...(extra.predecessors ? [extra.predecessors[i] ?? null] : []),
      ]),
    ]),
  );
}

function ganttOps(ops: PatchOp[]): { write: WriteSheet; cf: AddConditionalFormats } {
  const write = ops.find((o): o is WriteSheet => o.op === "writeSheet" && o.owner.kind === "gantt");
  if (!write) throw new Error("no Gantt sheet planned");
  const cf = ops.find(
    (o): o is AddConditionalFormats => o.op === "addConditionalFormats" && o.sheet === write.sheet,
  );
  if (!cf) throw new Error("no Gantt rules planned");
  return { write, cf };
}

/** A cell's value as Excel sees it: a formula's cached result, "" text, or empty. */
function valueOf(w: CellWrite | null | undefined): Value {
  if (!w) return null;
  return w.v;
}

/**
 * What each row of the band shows on `today`, one letter per column: the first rule that applies
 * (O overdue, A actual, C critical, P planned, T today, B 班, R 休) or "." — the picture Excel and
 * LibreOffice draw, since every rule stops the ones after it.
 */
function paint(ops: PatchOp[], today: string): string[] {
  const { write, cf } = ganttOps(ops);
  const rows = write.content.rows;
  const cells = (r: number, c: number) => valueOf(rows[r - 1]?.[c - 1]);
  const range = cf.ranges[0];
  const letters = ["O", "A", "C", "P", "T", "B", "R"];
  const out: string[] = [];
  for (let r = range.r1; r <= range.r2; r++) {
    if (r === HEAD_ROW) continue; // the dates' own row
    let line = "";
    for (let c = range.c1; c <= range.c2; c++) {
      const i = cf.rules.findIndex((rule) =>
        ruleApplies(rule.formula, { r, c, r0: range.r1, c0: range.c1 }, cells, isoToSerial(today)),
      );
      line += i < 0 ? "." : letters[i];
    }
    out.push(line);
  }
  return out;
}

const cellCount = (s: WorkbookSnapshot["sheets"][number]) =>
  s.rows.reduce((n, row) => n + (row ?? []).filter((c) => c !== undefined).length, 0);

describe("the Gantt band", () => {
  // 2026: Sun 09-20 is a make-up working day (班), Fri 09-25 中秋 off, 10-01…10-07 国庆 off, Sat 10-10 班.
  const tasks: Task[] = [
    ["1", "部署", "2026-09-28", "2026-10-12", undefined, undefined, 50],
    ["2", "联调", "2026-09-21", "2026-10-08", undefined, undefined, 30],
    ["3", "培训", "2026-09-24", "2026-09-29", "2026-09-24", "2026-09-30", 100],
    ["4", "调研", "2026-09-20", "2026-09-25", undefined, "2026-09-25", 100],
  ];

  it("by day: bars over the 国庆 调休 weeks, the overdue task red up to today, 休 shaded and 班 marked", () => {
    const plan = planApply(schedule(tasks), { ...OPTS, gantt: "day" });
    //                              09-20 … 09-30, 10-01 … 10-12
    expect(paint(plan.patch.ops, "2026-10-09")).toEqual([
      "B....RRR...RRRRRRR.TBR.", // calendar marks; today is Fri 10-09
      "B....RRRPPPPPPPPPPPPPPP", // 1 planned 09-28…10-12: over the holiday, not late yet
      "BOOOOOOOOOOOOOOOOOOOBR.", // 2 planned to end 10-08, open at 30%: red from its start to today
      "B...AAAAAAARRRRRRR.TBR.", // 3 actually 09-24…09-30
      "PPPPPPRR...RRRRRRR.TBR.", // 4 done on plan (no actual start): its planned bar
    ]);
    // A day later the overdue bar has grown by itself and the today line moved on.
    expect(paint(plan.patch.ops, "2026-10-10")[2]).toBe("BOOOOOOOOOOOOOOOOOOOOR.");
    expect(paint(plan.patch.ops, "2026-10-10")[0]).toBe("B....RRR...RRRRRRR..TR.");
  });

  it("by week: a week's working days decide its mark, 6 with a 班 Sunday, 3 in the 国庆 week", () => {
    const plan = planApply(schedule(tasks), { ...OPTS, gantt: "week" });
    const { write } = ganttOps(plan.patch.ops);
    const marks = write.content.rows[MARK_ROW - 1].slice(BAND_FIRST_COL - 1).map((w) => w?.v);
    expect(marks).toEqual([6, 4, 3, 3, 5]); // weeks of 09-14, 09-21, 09-28, 10-05, 10-12
    //                                            09-14 09-21 09-28 10-05 10-12
    expect(paint(plan.patch.ops, "2026-10-09")).toEqual([
      "BRRT.", // marks: 6 working days → 班, fewer than 5 → 休; today's week
      "BRPPP", // 1 planned 09-28…10-12
      "BOOO.", // 2 overdue from the week it started to this week
      "BAAT.", // 3 actually 09-24…09-30
      "PPRT.", // 4 planned 09-20…09-25: the Sunday 班 of 09-20 is in the first week
    ]);
  });

  it("the critical chain, from 前置任务 on the 调休 calendar, is drawn in its own colour", () => {
    const wb = schedule(
      [
        ["1", "设计", "2026-09-21", "2026-09-24"],
        ["2", "开发", "2026-09-28", "2026-10-09"],
        ["3", "文档", "2026-09-21", "2026-09-22"],
      ],
      { predecessors: [undefined, "1", undefined] as unknown as string[] },
    );
    const plan = planApply(wb, { ...OPTS, gantt: "day" });
    const { write } = ganttOps(plan.patch.ops);
    const critical = write.content.rows.slice(FIRST_TASK_ROW - 1).map((r) => r[8]?.v ?? "");
    // 1 → 2 runs to the project's end (09-24, then 09-28 after 中秋 and the weekend); 3 has float.
    expect(critical).toEqual(["是", "是", ""]);
    const rows = paint(plan.patch.ops, "2026-09-01");
    expect(rows[1].startsWith("CCCC")).toBe(true);
    expect(rows[3].startsWith("PP..")).toBe(true);
  });

  it("keeps seven rules over one range whatever the number of tasks", () => {
    const many = (n: number): Task[] =>
      Array.from({ length: n }, (_, i) => {
        const s = isoToSerial("2026-01-05") + (i % 300);
        const iso = (x: number) =>
          new Date(Date.UTC(1899, 11, 30) + x * 86_400_000).toISOString().slice(0, 10);
        return [String(i + 1), `任务${i + 1}`, iso(s), iso(s + 30)];
      });
    const counts = [10, 2000].map((n) => {
      const plan = planApply(schedule(many(n)), { ...OPTS, gantt: "day" });
      const cfs = plan.patch.ops.filter(
        (o): o is AddConditionalFormats =>
          o.op === "addConditionalFormats" && o.sheet === plan.gantt[0].sheet,
      );
      return {
        ops: cfs.length,
        rules: cfs.reduce((s, o) => s + o.rules.length, 0),
        ranges: cfs.reduce((s, o) => s + o.ranges.length, 0),
      };
    });
    expect(counts).toEqual([
      { ops: 1, rules: 7, ranges: 1 },
      { ops: 1, rules: 7, ranges: 1 },
    ]);
    expect(ganttRules("day")).toHaveLength(7);
  });

  it("reads the user's dates live, and writes nothing on the user's sheet", () => {
    const wb = schedule(tasks);
    const on = planApply(wb, { ...OPTS, gantt: "day" });
    const off = planApply(wb, OPTS);
    const { write } = ganttOps(on.patch.ops);
    expect(write.sheet).toBe("进度计划表（甘特图）");
    expect(write.after).toBe("进度计划表");
    const first = write.content.rows[FIRST_TASK_ROW - 1];
    expect(first[3]).toMatchObject({
      formula: `IF(ISNUMBER('进度计划表'!$D$2),'进度计划表'!$D$2,"")`,
      v: isoToSerial("2026-09-28"),
    });
    // Blank on the schedule: still a live reference, so a date typed later draws its bar.
    expect(first[5]).toMatchObject({
      formula: `IF(ISNUMBER('进度计划表'!$F$2),'进度计划表'!$F$2,"")`,
      v: "",
    });
    // Progress 50 (a 0–100 column) as a fraction.
    expect(first[7]).toMatchObject({
      formula: `IF(ISNUMBER('进度计划表'!$H$2),'进度计划表'!$H$2/100,"")`,
      v: 0.5,
    });
    const onUser = (ops: PatchOp[]) => ops.filter((o) => o.sheet === "进度计划表");
    expect(onUser(on.patch.ops)).toEqual(onUser(off.patch.ops));
  });

  it("is replaced by a re-apply, emptied and hidden when turned off and by clear", () => {
    const once = applyInMemory(schedule(tasks), planApply(schedule(tasks), { ...OPTS, gantt: "day" }).patch);
    const gantts = (wb: WorkbookSnapshot) => wb.sheets.filter((s) => s.owner?.kind === "gantt");
    expect(gantts(once).map((s) => [s.name, s.visibility])).toEqual([["进度计划表（甘特图）", "visible"]]);

    const weekly = planApply(once, { ...OPTS, gantt: "week" });
    const twice = applyInMemory(once, weekly.patch);
    expect(gantts(twice)).toHaveLength(1);
    const { write } = ganttOps(weekly.patch.ops);
    expect(write.previous).toEqual(gantts(once)[0].owner?.range);
    // The headers and five weeks: nothing of the daily band is left.
    expect(gantts(twice)[0].rows[HEAD_ROW - 1]?.filter(Boolean)).toHaveLength(BAND_FIRST_COL - 1 + 5);

    // 设置 甘特图 is 关闭 by default: the next apply without --gantt empties and hides it.
    const off = applyInMemory(twice, planApply(twice, OPTS).patch);
    expect(gantts(off).map((s) => [s.visibility, cellCount(s)])).toEqual([["hidden", 0]]);

    const cleared = applyInMemory(once, planClear(once, { now: OPTS.now, user: "王磊", lang: "zh" }));
    expect(gantts(cleared).map((s) => [s.visibility, cellCount(s)])).toEqual([["hidden", 0]]);
  });

  it("is turned on for everyone from the pane: 甘特图 = 按周 written to 设置 and read back", () => {
    const wb = applyInMemory(schedule(tasks), planApply(schedule(tasks), OPTS).patch);
    expect(readWorkbookState(wb).settings.gantt).toBe("off");
    const edited = applyInMemory(wb, planSettingsEdit(wb, { params: { gantt: "week" } }, "zh"));
    const settings = edited.sheets.find((s) => s.name === "设置")!;
    const row = settings.rows.findIndex((r) => r?.[0]?.value === "甘特图");
    expect(settings.rows[row]?.[1]?.value).toBe("按周");
    expect(readWorkbookState(edited).settings.gantt).toBe("week");
    expect(planApply(edited, OPTS).gantt.map((g) => g.columns)).toEqual([5]);
  });

  it("follows the workbook's 设置 甘特图 when the caller says nothing", () => {
    const wb = schedule(tasks);
    wb.sheets.push(
      sheet(
        "设置",
        [
          ["项", "值"],
          ["甘特图", "按周"],
        ],
        { visibility: "hidden" },
      ),
    );
    const plan = planApply(wb, OPTS);
    expect(plan.gantt).toEqual([{ sheet: "进度计划表（甘特图）", tasks: 4, columns: 5, rules: 7 }]);
  });
});
