/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings. Everything runs on UTC day
 * numbers, so no result depends on the machine's time zone.
 */

/** A date as `YYYY-MM-DD`. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;

/** True when y-m-d is a real calendar date (years 1000–9999). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function ymd(y: number, m: number, d: number): IsoDate {
  // Four-digit years and plain month/day numbers, the only ones real dates have, skip padStart.
  if (y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)
    return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar, by integer
 * arithmetic (H. Hinnant's days_from_civil): the same number Date.UTC gives,
 * without a Date. Only for integer years ≥ 100 and months 1–12; d may run past
 * the month's end, which counts on into the next month just as Date.UTC does.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Dates a check counted lately, both ways: a schedule names a few hundred distinct dates, and the
 * rules, the calendar and the CPM count each of them thousands of times. Beyond the limit the
 * memo starts over, so it never holds more than a few thousand.
 */
const DAY_NUMBERS = new Map<IsoDate, number>();
const DATES = new Map<number, IsoDate>();
export const DATE_MEMO_LIMIT = 4096;

/** Days since 1970-01-01 (UTC). */
export function dayNumber(date: IsoDate): number {
  let n = DAY_NUMBERS.get(date);
  if (n === undefined) {
    n = countDays(date);
    if (DAY_NUMBERS.size >= DATE_MEMO_LIMIT) DAY_NUMBERS.clear();
    DAY_NUMBERS.set(date, n);
  }
  return n;
}

function countDays(date: IsoDate): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  // Date.UTC reads years 0–99 as 1900–1999 and normalises odd months: leave those to it.
  if (Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 100 && m >= 1 && m <= 12)
    return daysFromCivil(y, m, d);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** 0000-03-01 → 9999-12-31 as day numbers: the range civilFromDays below covers. */
const CIVIL_FIRST = -719468;
const CIVIL_LAST = 2932896;

export function fromDayNumber(n: number): IsoDate {
  let date = DATES.get(n);
  if (date === undefined) {
    date = spellDay(n);
    if (DATES.size >= DATE_MEMO_LIMIT) DATES.clear();
    DATES.set(n, date);
  }
  return date;
}

function spellDay(n: number): IsoDate {
  if (Number.isInteger(n) && n >= CIVIL_FIRST && n <= CIVIL_LAST) {
    // H. Hinnant's civil_from_days: the inverse of daysFromCivil, without a Date.
    const z = n + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor(
      (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
    );
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    return ymd(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
  }
  const t = new Date(n * MS_PER_DAY);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** b − a in calendar days. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Serial day of 1899-12-30 (1900 system) and 1904-01-01 (1904 system) as day numbers. */
const EPOCH_1900 = dayNumber("1899-12-30");
const EPOCH_1904 = dayNumber("1904-01-01");
/** Excel's last date. */
const LAST_DAY = dayNumber("9999-12-31");

/**
 * Excel serial → date; the time part is dropped. In the 1900 system serials
 * below 61 sit before Excel's phantom 1900-02-29 and are shifted by one day.
 */
export function serialToIso(serial: number, date1904 = false): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 1) return undefined;
  const whole = Math.floor(serial);
  if (date1904) return whole + EPOCH_1904 > LAST_DAY ? undefined : fromDayNumber(EPOCH_1904 + whole);
  if (whole === 60) return undefined; // 1900-02-29 never existed
  const n = EPOCH_1900 + (whole < 60 ? whole + 1 : whole);
  return n > LAST_DAY ? undefined : fromDayNumber(n);
}

/** Date → Excel serial (1900 system unless date1904). */
export function isoToSerial(date: IsoDate, date1904 = false): number {
  const n = dayNumber(date);
  if (date1904) return n - EPOCH_1904;
  const s = n - EPOCH_1900;
  return s < 61 ? s - 1 : s;
}

/** Today in Asia/Shanghai (UTC+8, no daylight saving), from an instant. */
export function todayInShanghai(now: Date): IsoDate {
  return fromDayNumber(Math.floor((now.getTime() + 8 * 3_600_000) / MS_PER_DAY));
}
