/**
 * Working days (工作日) on the State Council calendar (SPEC §4): weekends off, statutory holidays off,
 * make-up working days (调休) on. The bundle (holidays-cn.ts, generated from `chinese-days`) is
 * overridden by the workbook's 节假日 table (§7); years with neither fall back to Monday–Friday.
 * Everything runs on UTC day numbers, so no result depends on the machine's time zone.
 */

import { dayNumber, fromDayNumber, yearOf, type IsoDate } from "./dates";
import { CN_HOLIDAYS, FIRST_YEAR, LAST_YEAR } from "./holidays-cn";

/** A row of the workbook's 节假日 table, or a bundled day. */
export interface HolidayEntry {
  date: IsoDate;
  type: "休" | "班";
  name?: string;
}

interface DayRule {
  workday: boolean;
  name?: string;
}

/** Saturday and Sunday are off unless a rule says otherwise; 1970-01-01 (day 0) was a Thursday. */
function isWeekdayNumber(n: number): boolean {
  const w = (((n + 4) % 7) + 7) % 7;
  return w !== 0 && w !== 6;
}

/** Mon–Fri days from a fixed Monday (day −3, 1969-12-29) through day n; only differences matter. */
function weekdaysThrough(n: number): number {
  const k = n + 3;
  const weeks = Math.floor(k / 7);
  return weeks * 5 + Math.min(k - weeks * 7 + 1, 5);
}

function toDay(d: IsoDate): number {
  const n = typeof d === "string" && d.length === 10 ? dayNumber(d) : NaN;
  if (!Number.isFinite(n)) throw new RangeError(`not a YYYY-MM-DD date: ${String(d)}`);
  return n;
}

/** The dates IsoDate can spell. */
const FIRST_DAY = dayNumber("1000-01-01");
const LAST_DAY = dayNumber("9999-12-31");

let bundle: Map<number, DayRule> | undefined;

/** The bundle decoded once per process: day number → rule (see the format note in holidays-cn.ts). */
function bundledRules(): Map<number, DayRule> {
  if (bundle) return bundle;
  bundle = new Map();
  for (const [yearText, text] of Object.entries(CN_HOLIDAYS)) {
    const day = (mmdd: string) => dayNumber(`${yearText}-${mmdd.slice(0, 2)}-${mmdd.slice(2, 4)}`);
    for (const group of text.split(";")) {
      const [name, ...days] = group.split(" ");
      for (const token of days) {
        if (token.startsWith("+")) {
          bundle.set(day(token.slice(1)), { workday: true, name });
          continue;
        }
        const [from, to = from] = token.split("-");
        for (let n = day(from); n <= day(to); n++) bundle.set(n, { workday: false, name });
      }
    }
  }
  return bundle;
}

/** The bundled days (holidays, weekend ones included, and make-up working days), by date. */
export function bundledEntries(): HolidayEntry[] {
  return [...bundledRules()]
    .sort((a, b) => a[0] - b[0])
    .map(([n, r]) => ({ date: fromDayNumber(n), type: r.workday ? "班" : "休", name: r.name }));
}

export class WorkCalendar {
  /** Bundle overlaid with the workbook: day number → rule. */
  private readonly rules: Map<number, DayRule>;
  private readonly workbookYears = new Set<number>();
  private readonly missing = new Set<number>();
  /**
   * Days whose rule differs from Mon–Fri, ascending, and the running sum of their effect (+1 a
   * working weekend day, −1 a weekday off): with these, counting working days is a binary search
   * instead of a walk, whatever the distance.
   */
  private readonly exceptionDays: Int32Array;
  private readonly exceptionSums: Int32Array;

  /** Workbook entries add to / override the bundle; a later entry for the same date wins. */
  constructor(workbookEntries: HolidayEntry[] = []) {
    this.rules = new Map(bundledRules());
    for (const e of workbookEntries) {
      if (e.type !== "休" && e.type !== "班")
        throw new RangeError(`holiday type must be 休 or 班: ${e.type}`);
      this.rules.set(toDay(e.date), { workday: e.type === "班", name: e.name });
      this.workbookYears.add(yearOf(e.date));
    }
    const days = [...this.rules]
      .filter(([n, r]) => r.workday !== isWeekdayNumber(n))
      .map(([n]) => n)
      .sort((a, b) => a - b);
    this.exceptionDays = Int32Array.from(days);
    this.exceptionSums = new Int32Array(days.length + 1);
    days.forEach(
      (n, i) => (this.exceptionSums[i + 1] = this.exceptionSums[i] + (isWeekdayNumber(n) ? -1 : 1)),
    );
  }

  /** Years covered by the bundled data. */
  static bundledYears(): { first: number; last: number } {
    return { first: FIRST_YEAR, last: LAST_YEAR };
  }

  /** True when the bundle or the workbook has data for that year. */
  hasYear(year: number): boolean {
    return (year >= FIRST_YEAR && year <= LAST_YEAR) || this.workbookYears.has(year);
  }

  /** Years consulted so far without data, ascending — each raises calendar.year-missing once. */
  missingYears(): number[] {
    return [...this.missing].sort((a, b) => a - b);
  }

  isWorkday(d: IsoDate): boolean {
    const n = toDay(d);
    this.consult(yearOf(d), yearOf(d));
    return this.isWorkdayNumber(n);
  }

  /** The holiday or make-up day's name (workbook first, then bundle), if the date has one. */
  holidayName(d: IsoDate): string | undefined {
    return this.rules.get(toDay(d))?.name;
  }

  /** The n-th working day after d (n ≥ 1). n = 0 returns d. Negative n counts backwards. */
  addWorkdays(d: IsoDate, n: number): IsoDate {
    if (!Number.isSafeInteger(n)) throw new RangeError(`working-day count must be an integer: ${n}`);
    const start = toDay(d);
    if (n === 0) return d;
    // The n-th working day is the first day the running count reaches its target; counting
    // backwards, the |n|-th working day before d is where the count up to d − 1 has |n| − 1 to go.
    const target = n > 0 ? this.countThrough(start) + n : this.countThrough(start - 1) + n + 1;
    const end = this.firstReaching(target, start, n);
    if (end < FIRST_DAY || end > LAST_DAY) throw new RangeError(`${d} + ${n} working days is out of range`);
    const result = fromDayNumber(end);
    this.consult(yearOf(d), yearOf(result));
    return result;
  }

  /**
   * The `count` working days after d, as a look-up by position (0 = the first after d): one pass
   * over day numbers and one year check for the whole run; a date is spelled only when read.
   */
  workdaysAfter(d: IsoDate, count: number): (i: number) => IsoDate | undefined {
    const days = new Int32Array(Math.max(0, count));
    let n = toDay(d);
    let filled = 0;
    while (filled < count && n < LAST_DAY) {
      n++;
      if (this.isWorkdayNumber(n)) days[filled++] = n;
    }
    this.consult(yearOf(d), yearOf(fromDayNumber(n)));
    return (i) => (i >= 0 && i < filled ? fromDayNumber(days[i]) : undefined);
  }

  /** Working days in (a, b]; negative when b < a. */
  workdaysBetween(a: IsoDate, b: IsoDate): number {
    const na = toDay(a);
    const nb = toDay(b);
    this.consult(yearOf(a), yearOf(b));
    return this.countThrough(nb) - this.countThrough(na);
  }

  private isWorkdayNumber(n: number): boolean {
    return this.rules.get(n)?.workday ?? isWeekdayNumber(n);
  }

  /** Working days from a fixed origin through day n. */
  private countThrough(n: number): number {
    const days = this.exceptionDays;
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (days[mid] <= n) lo = mid + 1;
      else hi = mid;
    }
    return weekdaysThrough(n) + this.exceptionSums[lo];
  }

  /** Smallest day whose running count reaches target, searching from `from` in the direction of n. */
  private firstReaching(target: number, from: number, n: number): number {
    // Keep countThrough(lo) < target <= countThrough(hi); grow the bracket, then halve it.
    const step0 = Math.ceil(Math.abs(n) * 1.4) + 3;
    let lo: number;
    let hi: number;
    if (n > 0) {
      lo = from;
      hi = from + step0;
      for (let step = step0; this.countThrough(hi) < target; step *= 2) [lo, hi] = [hi, hi + step];
    } else {
      hi = from - 1;
      lo = hi - step0;
      for (let step = step0; this.countThrough(lo) >= target; step *= 2) [hi, lo] = [lo, lo - step];
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.countThrough(mid) < target) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  /** Records the years from y1 to y2 that have no data. */
  private consult(y1: number, y2: number): void {
    const [from, to] = y1 <= y2 ? [y1, y2] : [y2, y1];
    for (let y = from; y <= to; y++) if (!this.hasYear(y)) this.missing.add(y);
  }
}

/** Missing years as runs: [2027, 2028, 2029, 2031] → "2027–2029、2031". */
export function yearRuns(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.join("、");
}

const OFF_WORDS = new Set(["休", "假", "休息", "放假"]);
const WORK_WORDS = new Set(["班", "上班", "补班", "工作日"]);

/**
 * Parses the 节假日 table rows (日期, 类型, 名称) as the user typed them. The caller parses the date
 * cell (serial or text) so this module stays free of cell-value parsing. Blank rows are skipped; for
 * a date listed twice with different types the later row wins and is reported.
 */
export function holidayEntriesFromRows(
  rows: Array<{ row: number; date: IsoDate | undefined; type: string; name?: string }>,
): { entries: HolidayEntry[]; problems: Array<{ row: number; message: string }> } {
  const problems: Array<{ row: number; message: string }> = [];
  const byDate = new Map<IsoDate, { entry: HolidayEntry; row: number }>();
  for (const r of rows) {
    const typeText = (r.type ?? "").trim();
    const name = r.name?.trim() || undefined;
    if (r.date === undefined && !typeText && !name) continue;
    if (r.date === undefined) {
      problems.push({ row: r.row, message: "日期为空或无法识别" });
      continue;
    }
    const type = OFF_WORDS.has(typeText) ? "休" : WORK_WORDS.has(typeText) ? "班" : undefined;
    if (!type) {
      problems.push({
        row: r.row,
        message: typeText ? `类型“${typeText}”无法识别，应为 休 或 班` : "类型为空，应为 休 或 班",
      });
      continue;
    }
    const seen = byDate.get(r.date);
    if (seen && seen.entry.type !== type) {
      problems.push({ row: r.row, message: `${r.date} 与第 ${seen.row} 行类型不同，以本行为准` });
      seen.entry = name ? { date: r.date, type, name } : { date: r.date, type };
      seen.row = r.row;
    } else if (seen) {
      if (!seen.entry.name && name) seen.entry.name = name;
    } else {
      byDate.set(r.date, { entry: name ? { date: r.date, type, name } : { date: r.date, type }, row: r.row });
    }
  }
  return { entries: [...byDate.values()].map((v) => v.entry), problems };
}
