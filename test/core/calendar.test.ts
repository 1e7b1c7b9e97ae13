import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import {
  bundledEntries,
  holidayEntriesFromRows,
  WorkCalendar,
  type HolidayEntry,
} from "../../src/core/calendar";
import { addDays, dayNumber, fromDayNumber, weekday } from "../../src/core/dates";
import { FIRST_YEAR, HOLIDAY_SOURCE, LAST_YEAR } from "../../src/core/holidays-cn";

describe("SPEC §4 examples", () => {
  const cal = new WorkCalendar();

  test("Spring Festival 2026: Fri 02-13 → Tue 02-24 (Sat 02-14 is a make-up day, 02-15…02-23 off)", () => {
    expect(cal.addWorkdays("2026-02-13", 1)).toBe("2026-02-14");
    expect(cal.addWorkdays("2026-02-13", 2)).toBe("2026-02-24");
  });

  test("National Day 2026: 09-30 → 10-09", () => {
    expect(cal.addWorkdays("2026-09-30", 2)).toBe("2026-10-09");
  });

  test("an ordinary week: Fri 2026-11-20 → Tue 11-24", () => {
    expect(cal.addWorkdays("2026-11-20", 2)).toBe("2026-11-24");
    expect(cal.missingYears()).toEqual([]);
  });
});

describe("bundled 2026", () => {
  const cal = new WorkCalendar();

  test("make-up working days fall on weekends and are working days", () => {
    for (const d of ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]) {
      expect([0, 6]).toContain(weekday(d));
      expect(cal.isWorkday(d)).toBe(true);
    }
  });

  test("Spring Festival and National Day are off, weekdays included", () => {
    for (let d = "2026-02-15"; d <= "2026-02-23"; d = addDays(d, 1)) expect(cal.isWorkday(d)).toBe(false);
    for (let d = "2026-10-01"; d <= "2026-10-07"; d = addDays(d, 1)) expect(cal.isWorkday(d)).toBe(false);
    expect(cal.isWorkday("2026-02-24")).toBe(true);
    expect(cal.isWorkday("2026-10-08")).toBe(true);
    expect(cal.holidayName("2026-10-05")).toBe("国庆节");
    expect(cal.holidayName("2026-02-14")).toBe("春节");
    expect(cal.holidayName("2026-03-02")).toBeUndefined();
  });

  test("ordinary weekends are off and weekdays on", () => {
    expect(cal.isWorkday("2026-03-07")).toBe(false);
    expect(cal.isWorkday("2026-03-08")).toBe(false);
    expect(cal.isWorkday("2026-03-09")).toBe(true);
  });

  test("counting backwards and between", () => {
    expect(cal.addWorkdays("2026-02-24", -1)).toBe("2026-02-14");
    expect(cal.addWorkdays("2026-02-24", -2)).toBe("2026-02-13");
    expect(cal.addWorkdays("2026-02-20", -1)).toBe("2026-02-14");
    expect(cal.addWorkdays("2026-02-20", 0)).toBe("2026-02-20");
    expect(cal.workdaysBetween("2026-02-13", "2026-02-24")).toBe(2);
    expect(cal.workdaysBetween("2026-02-24", "2026-02-13")).toBe(-2);
    expect(cal.workdaysBetween("2026-02-13", "2026-02-13")).toBe(0);
    // 2026: 261 weekdays, 19 of them off, 6 make-up weekend days → 248 working days.
    expect(cal.workdaysBetween("2025-12-31", "2026-12-31")).toBe(248);
  });
});

describe("years without data", () => {
  test("without a workbook entry 2027 runs Monday–Friday and is reported", () => {
    const cal = new WorkCalendar();
    expect(cal.addWorkdays("2026-12-30", 1)).toBe("2026-12-31");
    expect(cal.missingYears()).toEqual([]);
    expect(cal.addWorkdays("2026-12-30", 2)).toBe("2027-01-01");
    expect(cal.missingYears()).toEqual([2027]);
    expect(cal.hasYear(2027)).toBe(false);
  });

  test("a workbook 休 on 2027-01-01 counts as data for 2027", () => {
    const cal = new WorkCalendar([{ date: "2027-01-01", type: "休", name: "元旦" }]);
    expect(cal.addWorkdays("2026-12-30", 2)).toBe("2027-01-04");
    expect(cal.hasYear(2027)).toBe(true);
    expect(cal.missingYears()).toEqual([]);
  });

  test("every consulted year is reported once, ascending", () => {
    const cal = new WorkCalendar();
    expect(WorkCalendar.bundledYears()).toEqual({ first: 2004, last: 2026 });
    expect(cal.hasYear(2004)).toBe(true);
    expect(cal.isWorkday("2003-06-02")).toBe(true);
    expect(cal.isWorkday("2003-06-07")).toBe(false);
    expect(cal.workdaysBetween("2029-01-01", "2026-06-01")).toBeLessThan(0);
    cal.isWorkday("2003-06-03");
    expect(cal.missingYears()).toEqual([2003, 2027, 2028, 2029]);
  });

  test("workdaysAfter lists the working days addWorkdays finds, and the years the run crosses", () => {
    const cal = new WorkCalendar();
    const after = cal.workdaysAfter("2026-09-25", 400);
    for (const i of [0, 1, 3, 4, 50, 399])
      expect(after(i)).toBe(new WorkCalendar().addWorkdays("2026-09-25", i + 1));
    expect(after(400)).toBeUndefined();
    expect(cal.missingYears()).toEqual([2027, 2028]);
  });
});

describe("workbook entries win over the bundle", () => {
  test("班 turns a weekend into a working day", () => {
    const cal = new WorkCalendar([{ date: "2026-03-07", type: "班" }]);
    expect(cal.isWorkday("2026-03-07")).toBe(true);
    expect(cal.addWorkdays("2026-03-06", 1)).toBe("2026-03-07");
  });

  test("班 on a bundled holiday", () => {
    const cal = new WorkCalendar([{ date: "2026-10-05", type: "班", name: "公司值班" }]);
    expect(cal.isWorkday("2026-10-05")).toBe(true);
    expect(cal.holidayName("2026-10-05")).toBe("公司值班");
    expect(cal.addWorkdays("2026-09-30", 1)).toBe("2026-10-05");
    expect(cal.addWorkdays("2026-09-30", 2)).toBe("2026-10-08");
  });

  test("休 on a bundled make-up working day and on an ordinary weekday", () => {
    const cal = new WorkCalendar([
      { date: "2026-02-14", type: "休" },
      { date: "2026-03-10", type: "休", name: "厂庆" },
    ]);
    expect(cal.isWorkday("2026-02-14")).toBe(false);
    expect(cal.addWorkdays("2026-02-13", 2)).toBe("2026-02-25");
    expect(cal.isWorkday("2026-03-10")).toBe(false);
    expect(cal.workdaysBetween("2026-03-09", "2026-03-11")).toBe(1);
  });

  test("a later entry for the same date wins; a 休 on a weekend changes nothing", () => {
    const cal = new WorkCalendar([
      { date: "2026-03-07", type: "班" },
      { date: "2026-03-07", type: "休" },
    ]);
    expect(cal.isWorkday("2026-03-07")).toBe(false);
    expect(cal.workdaysBetween("2026-03-06", "2026-03-09")).toBe(1);
  });

  test("bad input is a programming error", () => {
    const cal = new WorkCalendar();
    expect(() => cal.isWorkday("2026/3/7")).toThrow(RangeError);
    expect(() => cal.addWorkdays("2026-03-07", 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkdays("9999-12-30", 5)).toThrow(RangeError);
    expect(() => new WorkCalendar([{ date: "2026-03-07", type: "x" as "休" }])).toThrow(RangeError);
  });
});

describe("the bundled module matches chinese-days", () => {
  const pkgDir = join(__dirname, "..", "..", "node_modules", "chinese-days");
  type DayMap = Record<string, string>;
  const json = JSON.parse(readFileSync(join(pkgDir, "dist", "chinese-days.json"), "utf8")) as {
    holidays: DayMap;
    workdays: DayMap;
    inLieuDays: DayMap;
  };
  const version = (JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { version: string })
    .version;

  test("same source version and years (regenerate with `npx tsx scripts/gen-holidays-cn.ts`)", () => {
    expect(HOLIDAY_SOURCE).toBe(`chinese-days@${version}`);
    const years = [...Object.keys(json.holidays), ...Object.keys(json.workdays)].map((d) =>
      Number(d.slice(0, 4)),
    );
    expect(FIRST_YEAR).toBe(Math.min(...years));
    expect(LAST_YEAR).toBe(Math.max(...years));
  });

  test("same days off, in-lieu days included, and same make-up days, with their Chinese names", () => {
    const expected = new Map<string, HolidayEntry>();
    const name = (v: string) => v.split(",")[1];
    for (const [date, v] of Object.entries({ ...json.inLieuDays, ...json.holidays }))
      expected.set(date, { date, type: "休", name: name(v) });
    for (const [date, v] of Object.entries(json.workdays))
      expected.set(date, { date, type: "班", name: name(v) });
    const actual = bundledEntries();
    expect(actual.length).toBe(expected.size);
    expect(actual).toEqual([...expected.values()].sort((a, b) => (a.date < b.date ? -1 : 1)));
  });

  test("in-lieu days are days off", () => {
    const cal = new WorkCalendar();
    for (const date of Object.keys(json.inLieuDays)) expect(cal.isWorkday(date)).toBe(false);
  });
});

describe("holidayEntriesFromRows", () => {
  test("accepts 休/班 and their synonyms, skips blank rows", () => {
    const { entries, problems } = holidayEntriesFromRows([
      { row: 2, date: "2027-01-01", type: "休", name: "元旦" },
      { row: 3, date: "2027-01-02", type: " 放假 " },
      { row: 4, date: "2027-01-03", type: "休息", name: "  " },
      { row: 5, date: "2027-01-04", type: "假" },
      { row: 6, date: undefined, type: "", name: "" },
      { row: 7, date: "2027-01-09", type: "补班", name: "春节" },
      { row: 8, date: "2027-01-10", type: "上班" },
      { row: 9, date: "2027-01-16", type: "工作日" },
      { row: 10, date: "2027-01-17", type: "班" },
    ]);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { date: "2027-01-01", type: "休", name: "元旦" },
      { date: "2027-01-02", type: "休" },
      { date: "2027-01-03", type: "休" },
      { date: "2027-01-04", type: "休" },
      { date: "2027-01-09", type: "班", name: "春节" },
      { date: "2027-01-10", type: "班" },
      { date: "2027-01-16", type: "班" },
      { date: "2027-01-17", type: "班" },
    ]);
  });

  test("reports unreadable dates, unknown or empty types, and conflicting duplicates", () => {
    const { entries, problems } = holidayEntriesFromRows([
      { row: 2, date: undefined, type: "休", name: "元旦" },
      { row: 3, date: "2027-01-01", type: "调休" },
      { row: 4, date: "2027-01-02", type: "" },
      { row: 5, date: "2027-02-06", type: "休" },
      { row: 6, date: "2027-02-06", type: "休", name: "春节" },
      { row: 7, date: "2027-02-07", type: "休", name: "春节" },
      { row: 8, date: "2027-02-07", type: "班" },
    ]);
    expect(problems).toEqual([
      { row: 2, message: "日期为空或无法识别" },
      { row: 3, message: "类型“调休”无法识别，应为 休 或 班" },
      { row: 4, message: "类型为空，应为 休 或 班" },
      { row: 8, message: "2027-02-07 与第 7 行类型不同，以本行为准" },
    ]);
    expect(entries).toEqual([
      { date: "2027-02-06", type: "休", name: "春节" },
      { date: "2027-02-07", type: "班" },
    ]);
  });
});

describe("properties", () => {
  const dates = fc.integer({ min: dayNumber("2002-01-01"), max: dayNumber("2029-12-31") }).map(fromDayNumber);
  const counts = fc.integer({ min: -80, max: 80 });
  const entries = fc.array(fc.record({ date: dates, type: fc.constantFrom<"休" | "班">("休", "班") }), {
    maxLength: 30,
  });

  /** The definition, walked one day at a time. */
  function walk(cal: WorkCalendar, d: string, n: number): string {
    let x = d;
    for (let left = Math.abs(n); left > 0;) {
      x = addDays(x, Math.sign(n));
      if (cal.isWorkday(x)) left--;
    }
    return x;
  }

  test("addWorkdays agrees with walking the calendar and lands on a working day", () => {
    fc.assert(
      fc.property(entries, dates, counts, (wb, d, n) => {
        const cal = new WorkCalendar(wb);
        const r = cal.addWorkdays(d, n);
        expect(r).toBe(walk(cal, d, n));
        if (n !== 0) expect(cal.isWorkday(r)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test("workdaysBetween inverts addWorkdays forwards, and from a working day backwards too", () => {
    fc.assert(
      fc.property(entries, dates, counts, (wb, d, n) => {
        const cal = new WorkCalendar(wb);
        const r = cal.addWorkdays(d, n);
        if (n >= 0 || cal.isWorkday(d)) expect(cal.workdaysBetween(d, r)).toBe(n);
        // Backwards from any day: r is the |n|-th working day in [r, d).
        else expect(cal.workdaysBetween(r, addDays(d, -1)) + 1).toBe(-n);
      }),
      { numRuns: 300 },
    );
  });

  test("workdaysBetween counts the working days in (a, b]", () => {
    const near = fc.integer({ min: -60, max: 60 });
    fc.assert(
      fc.property(entries, dates, near, (wb, a, span) => {
        const cal = new WorkCalendar(wb);
        const b = addDays(a, span);
        let count = 0;
        const [lo, hi] = span >= 0 ? [a, b] : [b, a];
        for (let x = addDays(lo, 1); x <= hi; x = addDays(x, 1)) if (cal.isWorkday(x)) count++;
        expect(cal.workdaysBetween(a, b)).toBe(span >= 0 ? count : 0 - count);
      }),
      { numRuns: 300 },
    );
  });

  test("results are strictly monotonic in n", () => {
    const cal = new WorkCalendar();
    fc.assert(
      fc.property(dates, counts, (d, n) => {
        expect(cal.addWorkdays(d, n + 1) > cal.addWorkdays(d, n)).toBe(true);
      }),
    );
  });

  test("far jumps agree with counting", () => {
    const cal = new WorkCalendar();
    fc.assert(
      fc.property(dates, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const r = cal.addWorkdays(d, n);
        expect(cal.isWorkday(r)).toBe(n === 0 ? cal.isWorkday(d) : true);
        if (n >= 0 || cal.isWorkday(d)) expect(cal.workdaysBetween(d, r)).toBe(n);
      }),
    );
  });

  test("identical in any machine time zone", () => {
    const saved = process.env.TZ;
    const run = () => {
      const cal = new WorkCalendar([{ date: "2027-01-01", type: "休" }]);
      const out: string[] = [];
      for (let d = "2025-12-20"; d <= "2027-01-10"; d = addDays(d, 7))
        out.push(`${d}:${cal.isWorkday(d)}:${cal.addWorkdays(d, 3)}:${cal.addWorkdays(d, -4)}`);
      return out.join(",");
    };
    try {
      const results = ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Shanghai"].map((tz) => {
        process.env.TZ = tz;
        return run();
      });
      expect(new Set(results).size).toBe(1);
    } finally {
      process.env.TZ = saved;
    }
  });
});
