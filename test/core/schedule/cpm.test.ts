import fc from "fast-check";
import { WorkCalendar } from "../../../src/core/calendar";
import { cpmGraph, criticalPath, type CpmTask } from "../../../src/core/schedule/cpm";
import { parseLinks, type Link } from "../../../src/core/schedule/links";

const cal = new WorkCalendar();

/** A task as a planner's row: id, start, duration in working days, the 前置任务 cell. */
function task(id: string, duration: number | undefined, predecessors = "", start?: string): CpmTask {
  return { id, start, durationWorkingDays: duration, links: parseLinks(predecessors).links };
}

function dates(r: ReturnType<typeof criticalPath>, id: string) {
  const t = r.tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no ${id}`);
  return [t.earlyStart, t.earlyFinish, t.lateStart, t.lateFinish, t.totalFloat, t.critical] as const;
}

const early = (r: ReturnType<typeof criticalPath>, id: string) => dates(r, id).slice(0, 2);

describe("link types and lags (November 2026: Mon 11-02 … Fri 11-06, Mon 11-09 …)", () => {
  // P runs Wed 11-04 … Fri 11-06 (3 working days); the project starts Mon 11-02.
  const run = (...successors: CpmTask[]) =>
    criticalPath([task("1", 3, "", "2026-11-04"), ...successors], cal, { projectStart: "2026-11-02" });

  test.each<[string, number, string, string]>([
    // FS: after Fri 11-06; +2 working days skips Mon, Tue: starts Wed 11-11.
    ["1FS+2 工作日", 1, "2026-11-11", "2026-11-11"],
    ["1", 1, "2026-11-09", "2026-11-09"],
    // FS−1: a day's lead: starts on P's last day, Fri 11-06.
    ["1FS-1d", 1, "2026-11-06", "2026-11-06"],
    // SS+2: two working days after P's start Wed 11-04: Fri 11-06.
    ["1SS+2", 1, "2026-11-06", "2026-11-06"],
    // SS−1: the day before P's start, Tue 11-03 (still after the project's start).
    ["1SS-1d", 1, "2026-11-03", "2026-11-03"],
    // FF+1: 2 days finishing one working day after Fri 11-06, i.e. Mon 11-09: Fri 11-06 … Mon 11-09.
    ["1FF+1天", 2, "2026-11-06", "2026-11-09"],
    // FF−1: finishing Thu 11-05: Wed 11-04 … Thu 11-05.
    ["1FF-1", 2, "2026-11-04", "2026-11-05"],
    // SF: finishing by P's start (Wed 11-04): Mon 11-02 … Tue 11-03.
    ["1SF", 2, "2026-11-02", "2026-11-03"],
    // SF+2: finishing two working days after P's start: by Fri 11-06, i.e. Wed 11-04 … Thu 11-05.
    ["1SF+2", 2, "2026-11-04", "2026-11-05"],
    // SF−1: finishing by Tue 11-03 start: Fri 10-30 … Mon 11-02 would start before the project:
    // the project start holds it, so Mon 11-02 … Tue 11-03.
    ["1SF-1", 2, "2026-11-02", "2026-11-03"],
    // Calendar days: Fri 11-06 evening + 2 days = Sunday evening: next working day Mon 11-09.
    ["1FS+2ed", 1, "2026-11-09", "2026-11-09"],
    // + 3 calendar days = Monday evening: Tue 11-10 (3 working days would be Thu 11-12).
    ["1FS+3 自然日", 1, "2026-11-10", "2026-11-10"],
    ["1FS+3", 1, "2026-11-12", "2026-11-12"],
    // SS + 2 calendar days from Wed 11-04 morning: Fri 11-06; + 3: Saturday → Mon 11-09.
    ["1SS+2ed", 1, "2026-11-06", "2026-11-06"],
    ["1SS+3ed", 1, "2026-11-09", "2026-11-09"],
  ])("%s, %i day(s): %s … %s", (cell, duration, start, finish) => {
    expect(early(run(task("2", duration, cell)), "2")).toEqual([start, finish]);
  });

  test("SS+2 drives the project: both tasks critical, float 0, one chain", () => {
    // X Mon 11-02 … Fri 11-06; Y starts Wed 11-04 and runs 5 days to Tue 11-10 (the finish).
    const r = criticalPath([task("X", 5, "", "2026-11-02"), task("Y", 5, "XSS+2")], cal);
    expect(dates(r, "X")).toEqual(["2026-11-02", "2026-11-06", "2026-11-02", "2026-11-06", 0, true]);
    expect(dates(r, "Y")).toEqual(["2026-11-04", "2026-11-10", "2026-11-04", "2026-11-10", 0, true]);
    expect(r.earliestFinish).toBe("2026-11-10");
    expect(r.criticalChains).toEqual([["X", "Y"]]);
  });

  test("FF+3 drives the project; a calendar-day lag in the backward pass", () => {
    // Z: 2 days finishing 3 working days after Fri 11-06: Tue 11-10 … Wed 11-11.
    // W: FS+2ed from X (Fri evening + 2 days → Mon 11-09), 1 day; late: must finish by Wed 11-11,
    // so late start Wed 11-11 and X's late finish through W is Wed 11-11 − 2 days → still Fri 11-06.
    const r = criticalPath(
      [task("X", 5, "", "2026-11-02"), task("Z", 2, "XFF+3"), task("W", 1, "XFS+2ed")],
      cal,
    );
    expect(dates(r, "Z")).toEqual(["2026-11-10", "2026-11-11", "2026-11-10", "2026-11-11", 0, true]);
    expect(dates(r, "X")).toEqual(["2026-11-02", "2026-11-06", "2026-11-02", "2026-11-06", 0, true]);
    // W: early Mon 11-09, late Wed 11-11: 2 working days of float.
    expect(dates(r, "W")).toEqual(["2026-11-09", "2026-11-09", "2026-11-11", "2026-11-11", 2, false]);
  });
});

test("an elapsed lag over a weekend leaves its predecessor a day of float, as in MS Project", () => {
  // X: Mon 11-02 … Thu 11-05. FS+1ed: Thursday evening + 1 day = Friday evening: Y starts Mon 11-09.
  // Had X finished Friday, Saturday evening would still start Y on Monday: X has 1 day of float.
  const r = criticalPath([task("X", 4, "", "2026-11-02"), task("Y", 2, "XFS+1ed")], cal);
  expect(dates(r, "Y")).toEqual(["2026-11-09", "2026-11-10", "2026-11-09", "2026-11-10", 0, true]);
  expect(dates(r, "X")).toEqual(["2026-11-02", "2026-11-05", "2026-11-03", "2026-11-06", 1, false]);
  expect(r.criticalChains).toEqual([["Y"]]);
});

describe("National Day 2026 in the middle of the critical chain", () => {
  // Bundled calendar: 中秋 Fri 09-25 … Sun 09-27 off; 国庆 Thu 10-01 … Wed 10-07 off; Sat 10-10 is a
  // make-up working day (班), Sun 10-11 off.
  const tasks = [
    // A: 5 days from Mon 09-21: 21, 22, 23, 24, (25–27 off) 28 → finishes Mon 09-28.
    task("A", 5, "", "2026-09-21"),
    // B: 4 days: Tue 09-29, Wed 09-30, (10-01…07 off) Thu 10-08, Fri 10-09.
    task("B", 4, "A"),
    // C: 2 days: Sat 10-10 (班), (Sun off) Mon 10-12.
    task("C", 2, "B"),
    // D, a parallel branch after A: 3 days: 09-29, 09-30, 10-08.
    task("D", 3, "A"),
    // M: the acceptance milestone after C and D: on C's finish day, Mon 10-12.
    task("M", 0, "C, D"),
  ];
  const r = criticalPath(tasks, cal);

  test("the chain's dates skip the holiday and use the make-up Saturday", () => {
    expect(dates(r, "A")).toEqual(["2026-09-21", "2026-09-28", "2026-09-21", "2026-09-28", 0, true]);
    expect(dates(r, "B")).toEqual(["2026-09-29", "2026-10-09", "2026-09-29", "2026-10-09", 0, true]);
    expect(dates(r, "C")).toEqual(["2026-10-10", "2026-10-12", "2026-10-10", "2026-10-12", 0, true]);
    expect(dates(r, "M")).toEqual(["2026-10-12", "2026-10-12", "2026-10-12", "2026-10-12", 0, true]);
    expect(r.earliestFinish).toBe("2026-10-12");
    expect(r.criticalChains).toEqual([["A", "B", "C", "M"]]);
  });

  test("the parallel branch has float counted in working days (the 班 Saturday counts)", () => {
    // D may finish as late as Mon 10-12: 10-09, 10-10 (班), 10-12 after its early finish 10-08 =
    // 3 working days; late start three working days back: 10-09.
    expect(dates(r, "D")).toEqual(["2026-09-29", "2026-10-08", "2026-10-09", "2026-10-12", 3, false]);
  });

  test("a lag across the holiday: B FS+2 from A lands after the holiday", () => {
    // After Mon 09-28, skip 2 working days (09-29, 09-30): Thu 10-08.
    const r2 = criticalPath([task("A", 5, "", "2026-09-21"), task("B", 1, "AFS+2 工作日")], cal);
    expect(early(r2, "B")).toEqual(["2026-10-08", "2026-10-08"]);
  });

  test("a contract delivery date before the earliest finish makes the chain's float negative", () => {
    // Delivery Fri 10-09: one working day (Sat 10-10 班 … Mon 10-12 is two) — the finish Mon 10-12
    // is 2 working days late (10-10, 10-12).
    const late = criticalPath(tasks, cal, { finishBy: "2026-10-09" });
    expect(late.tasks.filter((t) => t.critical).map((t) => [t.id, t.totalFloat])).toEqual([
      ["A", -2],
      ["B", -2],
      ["C", -2],
      ["M", -2],
    ]);
    expect(dates(late, "D")[4]).toBe(1);
  });
});

describe("milestones", () => {
  test("a milestone after a finish shows on that day; one after a start on the start's day", () => {
    const r = criticalPath(
      [
        task("1", 5, "", "2026-11-02"), // Mon 11-02 … Fri 11-06
        task("M1", 0, "1"), // Fri 11-06
        task("M2", 0, "1SS+2"), // Wed 11-04
        task("2", 1, "M1"), // after the milestone of Fri evening: Mon 11-09
        task("M0", 0, "", "2026-11-02"), // kick-off, its own date
      ],
      cal,
    );
    expect(early(r, "M1")).toEqual(["2026-11-06", "2026-11-06"]);
    expect(early(r, "M2")).toEqual(["2026-11-04", "2026-11-04"]);
    expect(early(r, "2")).toEqual(["2026-11-09", "2026-11-09"]);
    expect(early(r, "M0")).toEqual(["2026-11-02", "2026-11-02"]);
    expect(r.criticalChains).toEqual([["1", "M1", "2"]]);
  });
});

describe("bad links come back as data", () => {
  test("a cycle: its tasks are flagged, its links ignored, everything still dated", () => {
    const r = criticalPath(
      [
        task("1", 2, "3", "2026-11-02"),
        task("2", 2, "1"),
        task("3", 2, "2"),
        task("4", 1, "3"),
        task("5", 1, "5", "2026-11-02"),
      ],
      cal,
    );
    expect(r.cycles).toEqual([["1", "2", "3"], ["5"]]);
    expect(r.tasks.map((t) => t.inCycle)).toEqual([true, true, true, false, true]);
    // 1: Mon–Tue; 2: Wed–Thu; 3 (its link to 2 is inside the cycle, ignored): project start.
    expect(early(r, "3")).toEqual(["2026-11-02", "2026-11-03"]);
    expect(early(r, "4")).toEqual(["2026-11-04", "2026-11-04"]);
  });

  test("an unknown predecessor is reported and the task keeps its own dates", () => {
    const r = criticalPath([task("1", 2, "", "2026-11-02"), task("2", 2, "1, 99FS+2", "2026-11-05")], cal);
    expect(r.unknownPredecessors).toEqual([{ task: "2", predecessor: "99" }]);
    // Its typed start Thu 11-05 is later than 1's finish: Thu 11-05 … Fri 11-06.
    expect(early(r, "2")).toEqual(["2026-11-05", "2026-11-06"]);
  });

  test("duration from start and finish; nothing to schedule", () => {
    const r = criticalPath([{ id: "1", start: "2026-09-30", finish: "2026-10-09", links: [] }], cal);
    // 09-30, 10-08, 10-09: 3 working days.
    expect(r.tasks[0].durationWorkingDays).toBe(3);
    expect(criticalPath([], cal).tasks).toEqual([]);
    expect(criticalPath([task("1", 2)], cal).earliestFinish).toBeUndefined();
    expect(
      criticalPath([task("1", 2), task("1", 3)], cal, { projectStart: "2026-11-02" }).duplicateIds,
    ).toEqual(["1"]);
  });
});

test("50,000 tasks in a long chain with side branches: every task dated, no stack overflow", () => {
  const tasks: CpmTask[] = [];
  for (let i = 0; i < 50_000; i++) {
    const links =
      i === 0
        ? []
        : [{ predecessor: String(i - 1), type: "FS" as const, lag: 0, lagUnit: "workday" as const }];
    if (i > 10) links.push({ predecessor: String(i - 10), type: "FS", lag: 0, lagUnit: "workday" });
    tasks.push({ id: String(i), durationWorkingDays: 1, links, start: i === 0 ? "2026-01-05" : undefined });
  }
  const r = criticalPath(tasks, cal);
  expect(r.tasks).toHaveLength(50_000);
  expect(r.cycles).toEqual([]);
  expect(r.tasks.every((t) => t.critical)).toBe(true);
});

describe("any schedule without cycles (fast-check)", () => {
  // Tasks of 1–8 working days from 2026-09-14 (across 中秋, 国庆 and the 班 days), each linked to
  // earlier tasks with any type and a working-day lag of −3…+3.
  const schedule = fc
    .array(
      fc.record({
        duration: fc.integer({ min: 1, max: 8 }),
        links: fc.array(
          fc.record({
            back: fc.integer({ min: 1, max: 6 }),
            type: fc.constantFrom<Link["type"]>("FS", "SS", "FF", "SF"),
            lag: fc.integer({ min: -3, max: 3 }),
          }),
          { maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 30 },
    )
    .map((rows) =>
      rows.map((row, i): CpmTask => ({
        id: String(i + 1),
        start: i === 0 ? "2026-09-14" : undefined,
        durationWorkingDays: row.duration,
        links: row.links
          .filter((l) => i - l.back >= 0)
          .map((l) => ({
            predecessor: String(i + 1 - l.back),
            type: l.type,
            lag: l.lag,
            lagUnit: "workday",
          })),
      })),
    );

  /** The link's condition on the successor's dates, as a planner would check it on the calendar. */
  function holds(link: Link, p: { s: string; f: string }, q: { s: string; f: string }): boolean {
    switch (link.type) {
      case "FS":
        return q.s >= cal.addWorkdays(p.f, 1 + link.lag);
      case "SS":
        return q.s >= cal.addWorkdays(p.s, link.lag);
      case "FF":
        return q.f >= cal.addWorkdays(p.f, link.lag);
      case "SF":
        return q.f >= cal.addWorkdays(p.s, link.lag - 1);
    }
  }

  test("after some durations change, a run given the graph and the last result is a fresh run's; with nothing changed, every task keeps its result", () => {
    fc.assert(
      fc.property(
        schedule,
        fc.array(fc.record({ at: fc.nat(), duration: fc.integer({ min: 0, max: 8 }) }), { maxLength: 3 }),
        (tasks, changes) => {
          const graph = cpmGraph(tasks);
          const first = criticalPath(tasks, cal, { graph, maxChains: 5 });
          const edited = tasks.slice();
          for (const c of changes) {
            const i = c.at % tasks.length;
            edited[i] = { ...edited[i], durationWorkingDays: c.duration };
          }
          const again = criticalPath(edited, cal, { graph, previous: first, maxChains: 5 });
          expect(again).toEqual(criticalPath(edited, cal, { maxChains: 5 }));
          // Nothing changed: every task keeps its result.
          const same = criticalPath(tasks, cal, { graph, previous: first, maxChains: 5 });
          same.tasks.forEach((t, i) => expect(t).toBe(first.tasks[i]));
        },
      ),
    );
  });

  test("early and late dates keep every link; floats are the working days between them", () => {
    fc.assert(
      fc.property(schedule, (tasks) => {
        const r = criticalPath(tasks, cal);
        const by = new Map(r.tasks.map((t) => [t.id, t]));
        expect(r.cycles).toEqual([]);
        for (const t of tasks) {
          const q = by.get(t.id)!;
          for (const link of t.links) {
            const p = by.get(link.predecessor)!;
            expect(
              holds(link, { s: p.earlyStart, f: p.earlyFinish }, { s: q.earlyStart, f: q.earlyFinish }),
            ).toBe(true);
            expect(
              holds(link, { s: p.lateStart, f: p.lateFinish }, { s: q.lateStart, f: q.lateFinish }),
            ).toBe(true);
          }
          expect(q.totalFloat).toBeGreaterThanOrEqual(0);
          expect(cal.workdaysBetween(q.earlyStart, q.lateStart)).toBe(q.totalFloat);
          expect(q.lateFinish <= r.earliestFinish!).toBe(true);
          expect(cal.isWorkday(q.earlyStart) && cal.isWorkday(q.earlyFinish)).toBe(true);
        }
        expect(r.earliestFinish).toBe(
          r.tasks
            .map((t) => t.earlyFinish)
            .sort()
            .pop(),
        );
        expect(r.tasks.some((t) => t.critical && t.earlyFinish === r.earliestFinish)).toBe(true);
        for (const chain of r.criticalChains)
          for (let i = 1; i < chain.length; i++)
            expect(tasks[Number(chain[i]) - 1].links.some((l) => l.predecessor === chain[i - 1])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
