/**
 * Cell values → typed values (SPEC §3 "Values"). The parsers read what is
 * unambiguous and report everything else as invalid with a reason; they never
 * guess. Dates are `YYYY-MM-DD` strings, never `Date` objects, so nothing here
 * depends on the machine's time zone.
 *
 * Hot path (750k cells per file): numbers with a date format and already-ISO
 * text are recognised before any regex runs; number formats are analysed once
 * and cached; every regex is compiled once at module load.
 */

import { parseLinks, type Link } from "./schedule/links";
import type { CellValue } from "./snapshot";
import { MAX_YUAN } from "./capitals";
import { isValidYmd, serialToIso, ymd, type IsoDate } from "./dates";

export type InvalidReason =
  | "error-value"
  | "not-a-date"
  | "impossible-date"
  | "partial-date"
  | "date-range"
  | "two-digit-year"
  | "ambiguous-date"
  | "implausible-date"
  | "duration-range"
  | "not-a-number"
  | "amount-range"
  | "not-yes-no";

/**
 * `fromText` is true when the cell did not hold the value in Excel's native
 * type but as text we understood (`"2026/11/23"`, `"1,234元"`, `"85%"`, `"是"`),
 * so a normaliser may rewrite the cell. One non-text case counts too: a date
 * typed as the number 20261123, which is not a serial and needs rewriting just
 * the same.
 */
export type Parsed<T> =
  | { status: "empty" }
  | { status: "ok"; value: T; fromText: boolean }
  | { status: "invalid"; reason: InvalidReason };

const EMPTY: Parsed<never> = Object.freeze({ status: "empty" }) as Parsed<never>;

function ok<T>(value: T, fromText: boolean): Parsed<T> {
  return { status: "ok", value, fromText };
}

/** Invalid results carry no data, so one frozen object per reason serves every cell. */
const INVALID = Object.fromEntries(
  (
    [
      "error-value",
      "not-a-date",
      "impossible-date",
      "partial-date",
      "date-range",
      "two-digit-year",
      "ambiguous-date",
      "implausible-date",
      "duration-range",
      "not-a-number",
      "amount-range",
      "not-yes-no",
    ] as const
  ).map((r) => [r, Object.freeze({ status: "invalid", reason: r })]),
) as Record<InvalidReason, Parsed<never>>;

function isError(v: CellValue): v is { error: string } {
  return typeof v === "object" && v !== null;
}

// ---------------------------------------------------------------------------
// Text helpers

const FULL_WIDTH_RE = /[\uFF01-\uFF5E\u3000]/g;
const HAS_FULL_WIDTH_RE = /[\uFF01-\uFF5E\u3000]/;

/** Full-width ASCII (U+FF01–U+FF5E) → ASCII, ideographic space → space. Other characters unchanged. */
export function toHalfWidth(s: string): string {
  if (!HAS_FULL_WIDTH_RE.test(s)) return s;
  return s.replace(FULL_WIDTH_RE, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Whitespace (JS `\s` covers U+3000 and NBSP) and, alone, dashes users type for "nothing". */
const BLANK_RE = /^\s*[-\uFF0D\u2014\u2013\u2015\u2212]*\s*$/;

/** undefined, "", whitespace-only, or a dash alone (`-`, `—`, `－`, `——` …): SPEC says these mean empty. */
export function isBlank(v: CellValue | undefined): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v !== "string") return false;
  return v.length === 0 || BLANK_RE.test(v);
}

/**
 * `一` alone where a number or date belongs: the Chinese IME types 一 for a dash so
 * often that in those columns it means "nothing", never the number one. Text
 * columns keep it (a 序号 of 一 is a real heading number).
 */
const IME_DASH_RE = /^\s*一\s*$/;

/** Blank for a number or date cell: isBlank, or a lone 一 typed as a dash. */
function isBlankNumber(v: CellValue | undefined): boolean {
  return isBlank(v) || (typeof v === "string" && IME_DASH_RE.test(v));
}

/** Excel shows at most 15 significant digits; this drops binary noise such as 1.1000000000000001. */
function cleanNumber(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return n;
  return Number(n.toPrecision(15));
}

function numberText(n: number): string {
  return String(cleanNumber(n));
}

const PLAIN_DECIMAL_RE = /^(\d+)(?:\.(\d+))?$/;

/** `digits` × 10^k, done on the decimal text so 12.3456 × 10^4 is exactly 123456. */
function shiftDigits(int: string, frac: string, k: number): number {
  if (k === 0) return Number(frac ? `${int}.${frac}` : int);
  const digits = int + frac.padEnd(k, "0");
  const p = int.length + k;
  return Number(`${digits.slice(0, p)}.${digits.slice(p)}`);
}

/** n × 10^k without binary noise (0.85 × 100 is 85, not 85.00000000000001). */
function shiftDecimal(n: number, k: number): number {
  if (k === 0 || n === 0 || !Number.isFinite(n)) return n;
  const m = PLAIN_DECIMAL_RE.exec(String(Math.abs(n)));
  // Exponent forms (1e-7, 1e21) are rare enough for plain arithmetic.
  const r = m ? shiftDigits(m[1], m[2] ?? "", k) : cleanNumber(Math.abs(n) * 10 ** k);
  return n < 0 ? -r : r;
}

/** n × scale: powers of ten go through the decimal text, anything else through arithmetic. */
function scaleNumber(n: number, scale: number): number {
  if (scale === 1) return n;
  const k = Math.round(Math.log10(scale));
  if (k > 0 && 10 ** k === scale) return shiftDecimal(n, k);
  return cleanNumber(n * scale);
}

// ---------------------------------------------------------------------------
// Number formats

interface FormatInfo {
  /** Date or time code (a number in such a cell is a serial). */
  date: boolean;
  percent: boolean;
  /** Fixed decimals of the first section, when it is a plain numeric format. */
  minDecimals: number;
  maxDecimals: number;
  grouping: boolean;
}

const GENERAL: FormatInfo = { date: false, percent: false, minDecimals: 0, maxDecimals: -1, grouping: false };
const formatCache = new Map<string, FormatInfo>();

/** `[$-F800]` (system long date), `[$-x-sysdate]`, `[$-F400]`/`[$-x-systime]` are dates without letters. */
const SYSTEM_DATE_RE = /^\$[^-]*-(?:F800|F400|x-sysdate|x-systime)$/i;
const ELAPSED_RE = /^(?:h+|m+|s+)$/i;
const GENERAL_RE = /general/gi;
/** Letters that only mean something in date/time codes; `e` is the era year unless it is scientific E+/E-. */
const DATE_CODE_RE = /[ymdhsg年月日]|e(?![+-])/i;

/**
 * Strip what carries no format meaning — quoted literals, `\x` escapes, `_x`
 * padding, `*x` fill, `[...]` colours/conditions/locales — and note the
 * bracket codes that do: elapsed time and system dates.
 */
function analyseFormat(numFmt: string | undefined): FormatInfo {
  if (numFmt === undefined || numFmt === "") return GENERAL;
  const cached = formatCache.get(numFmt);
  if (cached) return cached;

  let clean = "";
  let elapsed = false;
  let systemDate = false;
  for (let i = 0; i < numFmt.length; i++) {
    const ch = numFmt[i];
    if (ch === '"') {
      const end = numFmt.indexOf('"', i + 1);
      i = end < 0 ? numFmt.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = numFmt.indexOf("]", i + 1);
      const inner = numFmt.slice(i + 1, end < 0 ? numFmt.length : end);
      if (ELAPSED_RE.test(inner)) elapsed = true;
      else if (SYSTEM_DATE_RE.test(inner)) systemDate = true;
      i = end < 0 ? numFmt.length : end;
    } else {
      clean += ch;
    }
  }
  clean = clean.replace(GENERAL_RE, "");
  // Elapsed time ([h]:mm) is a duration, not a point in time.
  const date = !elapsed && (systemDate || DATE_CODE_RE.test(clean));

  const first = clean.split(";")[0];
  const percent = !date && first.includes("%");
  let minDecimals = 0;
  let maxDecimals = -1;
  let grouping = false;
  // Scientific formats are left to General-style text; they are not fixed decimals.
  if (!date && /[0#?]/.test(first) && !/[Ee][+-]/.test(first)) {
    const dot = first.indexOf(".");
    maxDecimals = 0;
    if (dot >= 0) {
      for (let i = dot + 1; i < first.length; i++) {
        const c = first[i];
        if (c === "0") minDecimals = ++maxDecimals;
        else if (c === "#" || c === "?") maxDecimals++;
        else break;
      }
    }
    grouping = /[0#?],[0#?]/.test(first);
  }
  const info: FormatInfo = { date, percent, minDecimals, maxDecimals, grouping };
  formatCache.set(numFmt, info);
  return info;
}

/**
 * True for Excel date/time format codes (`yyyy-mm-dd`, `m/d`, `yyyy"年"m"月"d"日"`,
 * `[$-804]…`, `h:mm`, `[$-F800]`), false for `General`, `0.00`, `0.00E+00`,
 * `[Red]0.00`, text in quotes, and elapsed durations such as `[h]:mm:ss`.
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  return analyseFormat(numFmt).date;
}

/** A number as a fixed-decimal format shows it, or undefined when the format is not one. */
function formatFixed(n: number, f: FormatInfo): string | undefined {
  if (f.maxDecimals < 0) return undefined;
  let s = Math.abs(n).toFixed(f.maxDecimals);
  if (f.maxDecimals > f.minDecimals) {
    // Optional places (#) drop trailing zeros down to the required ones.
    const dot = s.indexOf(".");
    let end = s.length;
    while (end > dot + 1 + f.minDecimals && s[end - 1] === "0") end--;
    if (end === dot + 1) end = dot;
    s = s.slice(0, end);
  }
  if (f.grouping) {
    const dot = s.indexOf(".");
    const int = dot < 0 ? s : s.slice(0, dot);
    s = int.replace(/\B(?=(\d{3})+$)/g, ",") + (dot < 0 ? "" : s.slice(dot));
  }
  return n < 0 && /[1-9]/.test(s) ? `-${s}` : s;
}

/**
 * What the user sees, for messages: date-formatted serials as YYYY-MM-DD,
 * percents as `85%`, fixed decimals and grouping as the format shows them,
 * errors as their code, TRUE/FALSE, text as is. Currency symbols and other
 * literals of the format are left out.
 */
export function displayValue(
  cell: { value: CellValue; numFmt?: string } | undefined,
  date1904: boolean,
): string {
  if (!cell) return "";
  const v = cell.value;
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isError(v)) return v.error;
  if (v === undefined || v === null) return "";
  const f = analyseFormat(cell.numFmt);
  if (f.date) return serialToIso(v, date1904) ?? numberText(v);
  if (f.percent) {
    const p = shiftDecimal(v, 2);
    return `${formatFixed(p, f) ?? numberText(p)}%`;
  }
  return formatFixed(v, f) ?? numberText(v);
}

// ---------------------------------------------------------------------------
// Dates

/** The largest 1900-system serial (9999-12-31); larger numbers are never serials. */
const MAX_SERIAL = 2958465;

const YMD_SEP_RE = /^(\d+)([-/.])(\d{1,2})\2(\d+)$/;
const CN_YMD_RE = /^(\d+)年(\d{1,2})月(\d{1,2})[日号]?$/;
const DIGITS8_RE = /^\d{8}$/;
/** A trailing time of day: ` 10:00`, ` 10:00:00.000`, `T10:00:00Z`, ` 3:05 PM`, `+08:00`. */
const TIME_RE =
  /(?:\s+|T|(?<=[日号])\s*)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?$/;
const HYPHENS_RE = /[\u2010\u2011\u2212]/g;
const SPACE_AROUND_SEP_RE = /\s*([-/.年月日号])\s*/g;
const HAS_SPACE_RE = /\s/;
const HAS_DIGIT_RE = /\d/;
const LETTER_RE = /[a-z]/i;
const NEEDS_FOLDING_RE = /[\s\uFF01-\uFF5E\u2010\u2011\u2212:]/;
/** 至/到/~ between dates, and dash-like range marks (— – ―; a hyphen is handled below). */
const RANGE_MARK_RE = /[至到~〜—–―]\s*\d/;
/** A hyphen is a range mark only after a whole date, between two year-months, or after a month.day. */
const HYPHEN_RANGE_RES = [
  /^\d{4}([-/.])\d{1,2}\1\d{1,2}\s*-\s*\d/, // 2026-01-01-2026-02-01, 2026.1.1-2.1
  /^\d{4}年\d{1,2}月(?:\d{1,2}[日号])?\s*-\s*\d/, // 2026年1月1日-2月1日
  /^\d{4}[-/.]\d{1,2}\s*-\s*\d{4}/, // 2026.1-2026.3
  /^\d{1,2}\.\d{1,2}\s*-\s*\d{1,2}(?:\.\d{1,2})?$/, // 11.27-12.5, 11.28-29: a month and day, no year
];
const PARTIAL_RES = [
  /^\d{4}[-/.]\d{1,2}$/, // 2016.1, 2026-11
  /^\d{4}年(?:\d{1,2}月?)?(?:初|中|底|末|上旬|中旬|下旬|上半年|下半年|第?[一二三四1-4]季度)?$/, // 2026年11月
  /^\d{1,2}月(?:\d{1,2}[日号]?)?$/, // 11月23日: no year
  /^\d{1,2}[-/]\d{1,2}$/, // 11/23: no year
  /^(?:[1-9]|1[0-2])\.(?:[1-9]|[12]\d|3[01])$/, // 11.23 typed as text: no year
  /^\d{4}$/, // a year alone
];
const YYYYMM_RE = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])$/;
/** A part of the day written after a date (`6月17日下午`, `6.18晚`). */
const DAY_PART_RE = /(?<=[日号\d])\s*(?:上午|下午|中午|晚上|晚间|傍晚|早上|凌晨|晚|早)$/;
const DAY_PART_LAST = new Set(["午", "上", "间", "晚", "早", "晨"]);

/** The date without a part of the day written after it. */
function withoutDayPart(s: string): string {
  return s.replace(DAY_PART_RE, "");
}
const TWO_DIGIT_RES = [/^\d{1,2}([-/.])\d{1,2}\1\d{1,2}$/, /^\d{2}年\d{1,2}月\d{1,2}[日号]?$/];
const AMBIGUOUS_RE = /^\d{1,2}([-/.])\d{1,2}\1\d{4}$/;

/** English month names and their abbreviations, as a CSV or a report writes a date (`19-Sep-2024`). */
const MONTH_NAMES: ReadonlyMap<string, number> = new Map([
  ...[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ].flatMap((full, i): Array<[string, number]> => [
    [full, i + 1],
    [full.slice(0, 3), i + 1],
  ]),
  ["sept", 9],
]);
/** Day, month name, year (`19-Sep-2024`, `19 Sep 2024`, `19.sep.24`). */
const DAY_MONTH_YEAR_RE = /^(\d{1,2})[-/. ]([a-z]+)\.?[-/. ](\d{2}|\d{4})$/i;
/** Month name, day, year (`Sep 19, 2024`, `September 19 2024`). */
const MONTH_DAY_YEAR_RE = /^([a-z]+)(?:\. ?| )(\d{1,2}),? (\d{2}|\d{4})$/i;

/**
 * A date whose month is written as an English name: the name tells day from month, so `19-Sep-2024`
 * is read; with a two-digit year (`19-Sep-24`) it is invalid as every two-digit year is. Undefined
 * when the text is not of that shape.
 */
function monthNameDate(s: string): Parsed<IsoDate> | undefined {
  let m = DAY_MONTH_YEAR_RE.exec(s);
  let day: string, month: string, year: string;
  if (m) [, day, month, year] = m;
  else {
    m = MONTH_DAY_YEAR_RE.exec(s);
    if (!m) return undefined;
    [, month, day, year] = m;
  }
  const mo = MONTH_NAMES.get(month.toLowerCase());
  if (mo === undefined) return undefined;
  if (year.length === 2) return INVALID["two-digit-year"];
  return checkYmd(Number(year), mo, Number(day));
}

/** Text holding an English month name between digits (`19-Sep-24`): a date however faulty its year. */
export function namesMonth(text: string): boolean {
  const s = text.trim().replace(/\s+/g, " ");
  return monthNameDate(s) !== undefined;
}

/** Fast path: `YYYY-MM-DD` exactly, as hosts and normalised cells write it. */
function isoShape(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Every month has days 1–28; only later days need the calendar (which costs a Date). */
function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 28 ? true : isValidYmd(y, m, d);
}

function checkYmd(y: number, m: number, d: number): Parsed<IsoDate> {
  if (y < 1000 || y > 9999) return INVALID["not-a-date"];
  return validYmd(y, m, d) ? ok(ymd(y, m, d), true) : INVALID["impossible-date"];
}

function parseDateText(raw: string): Parsed<IsoDate> {
  if (isoShape(raw)) {
    const y = Number(raw.slice(0, 4));
    const m = Number(raw.slice(5, 7));
    const d = Number(raw.slice(8, 10));
    return validYmd(y, m, d) ? ok(raw, true) : checkYmd(y, m, d);
  }
  let s = raw;
  // Most text needs no folding; skip the replace passes unless something asks for them.
  if (NEEDS_FOLDING_RE.test(s)) {
    s = toHalfWidth(s).replace(HYPHENS_RE, "-").trim();
    if (s.includes(":")) s = s.replace(TIME_RE, "");
    if (HAS_SPACE_RE.test(s)) s = s.replace(SPACE_AROUND_SEP_RE, "$1");
  }
  if (!HAS_DIGIT_RE.test(s)) return isBlankNumber(s) ? EMPTY : INVALID["not-a-date"];
  if (LETTER_RE.test(s)) {
    const named = monthNameDate(s.replace(/\s+/g, " "));
    if (named) return named;
  }
  // `6月17日下午`, `2026年6月17日晚`: the part of the day says nothing about the date.
  if (DAY_PART_LAST.has(s[s.length - 1])) s = withoutDayPart(s);

  let m = YMD_SEP_RE.exec(s);
  if (m) {
    if (m[1].length === 4) {
      return m[4].length <= 2 ? checkYmd(Number(m[1]), Number(m[3]), Number(m[4])) : INVALID["not-a-date"];
    }
    if (m[1].length <= 2 && m[4].length === 4) return INVALID["ambiguous-date"];
    if (m[1].length <= 2 && m[4].length <= 2) return INVALID["two-digit-year"];
    return INVALID["not-a-date"];
  }
  m = CN_YMD_RE.exec(s);
  if (m) {
    if (m[1].length === 4) return checkYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    return m[1].length === 2 ? INVALID["two-digit-year"] : INVALID["not-a-date"];
  }
  if (DIGITS8_RE.test(s)) {
    return checkYmd(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)));
  }
  if (RANGE_MARK_RE.test(s)) return INVALID["date-range"];
  for (const re of HYPHEN_RANGE_RES) if (re.test(s)) return INVALID["date-range"];
  if (HAS_SPACE_RE.test(s)) return INVALID["not-a-date"];
  if (YYYYMM_RE.test(s)) return INVALID["partial-date"];
  for (const re of PARTIAL_RES) if (re.test(s)) return INVALID["partial-date"];
  for (const re of TWO_DIGIT_RES) if (re.test(s)) return INVALID["two-digit-year"];
  if (AMBIGUOUS_RE.test(s)) return INVALID["ambiguous-date"];
  return INVALID["not-a-date"];
}

/** A number that reads as yyyymmdd: valid → the date, impossible → impossible-date, else undefined. */
function yyyymmdd(n: number): Parsed<IsoDate> | undefined {
  if (!Number.isInteger(n) || n < 10000101 || n > 99991231) return undefined;
  return checkYmd(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
}

function parseDateNumber(n: number, date1904: boolean, numFmt: string | undefined): Parsed<IsoDate> {
  if (!Number.isFinite(n)) return INVALID["not-a-date"];
  if (analyseFormat(numFmt).date) {
    const iso = serialToIso(n, date1904);
    if (iso !== undefined) return ok(iso, false);
    // Excel shows ##### for 20261123 in a date cell; the digits are still a date.
    const typed = yyyymmdd(n);
    if (typed) return typed;
    return !date1904 && Math.floor(n) === 60 ? INVALID["impossible-date"] : INVALID["not-a-date"];
  }
  const typed = yyyymmdd(n);
  if (typed) return typed;
  // 11.24 typed into a General cell is a month and a day, the year left out: not a serial in 1900.
  if (isMonthDayNumber(n)) return INVALID["partial-date"];
  const int = Math.floor(n);
  // Without a date format, 2026 or 2016.1 is a year or year.month someone typed, not a
  // serial in 1905; likewise 202611 is yyyymm, not a day in 2454.
  if (int >= 1000 && int <= 9999) return INVALID["partial-date"];
  if (Number.isInteger(n) && YYYYMM_RE.test(String(n))) return INVALID["partial-date"];
  if (n < 1 || n > MAX_SERIAL) return INVALID["not-a-date"];
  const iso = serialToIso(n, date1904);
  if (iso !== undefined) return ok(iso, false);
  return !date1904 && int === 60 ? INVALID["impossible-date"] : INVALID["not-a-date"];
}

/**
 * A date cell → `YYYY-MM-DD`. Numbers are serials in the workbook's date
 * system (time dropped); a number that reads as yyyymmdd is that date. Text
 * is read only in unambiguous year-first forms: `2026-11-23`, `2026/11/23`,
 * `2026.11.23`, `2026年11月23日` (or 号, or no 日), `20261123`, with full-width
 * digits, stray spaces and an optional trailing time.
 */
export function parseDate(
  v: CellValue | undefined,
  opts: { date1904: boolean; numFmt?: string },
): Parsed<IsoDate> {
  if (v === undefined || v === null) return EMPTY;
  if (typeof v === "number") return parseDateNumber(v, opts.date1904, opts.numFmt);
  if (typeof v === "string") return parseDateText(v);
  if (typeof v === "boolean") return INVALID["not-a-date"];
  return isError(v) ? INVALID["error-value"] : INVALID["not-a-date"];
}

/**
 * Years a date in a tracked table can sensibly fall in. Outside them the value is a typo — 1 in a
 * date cell is 1900-01-01, 120000 is 2228-07-18 — and is reported as such instead of driving
 * deadlines, the critical path and the holiday calendar across centuries.
 */
export const PLAUSIBLE_YEARS = { first: 1950, last: 2099 } as const;

/** A duration so long that the end it gives falls outside PLAUSIBLE_YEARS ("duration-range"). */
export const DURATION_RANGE: Parsed<never> = INVALID["duration-range"];

/** A parsed date whose year is outside PLAUSIBLE_YEARS becomes invalid ("implausible-date"). */
export function plausibleDate<T>(p: Parsed<T>): Parsed<T> {
  if (p.status !== "ok" || typeof p.value !== "string") return p;
  const year = Number(p.value.slice(0, 4));
  return year >= PLAUSIBLE_YEARS.first && year <= PLAUSIBLE_YEARS.last ? p : INVALID["implausible-date"];
}

// ---------------------------------------------------------------------------
// Money

/** Units a cell's text may end with, longest first, as powers of ten. */
const MONEY_UNITS: ReadonlyArray<readonly [string, number]> = [
  ["万元整", 4],
  ["亿元整", 8],
  ["万元", 4],
  ["亿元", 8],
  ["千元", 3],
  ["元整", 0],
  ["万", 4],
  ["亿", 8],
  ["元", 0],
  ["圆", 0],
];
const CURRENCY_RE = /^(?:¥|￥|RMB|CNY|人民币)/i;
const MONEY_BODY_RE = /^(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?|\.(\d+))$/;
const SCIENTIFIC_RE = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;
const DASHES_RE = /^[-—–―]+$/;

function parseMoneyText(raw: string, scale: number): Parsed<number> {
  let s = toHalfWidth(raw).replace(HYPHENS_RE, "-").trim();
  let shift: number | undefined;
  // Sign, parentheses, currency symbol and unit may nest in any order:
  // -¥1,234  ¥-1,234  (¥1,234)  ¥(1,234)  (1.5万元)  (1,234)元. Each is taken at most once.
  let negative = false;
  let signed = false;
  let currency = false;
  for (;;) {
    const unit = shift === undefined ? MONEY_UNITS.find(([u]) => s.endsWith(u)) : undefined;
    if (unit) {
      shift = unit[1];
      s = s.slice(0, -unit[0].length).trim();
    } else if (!signed && s.length >= 2 && s[0] === "(" && s[s.length - 1] === ")") {
      negative = signed = true;
      s = s.slice(1, -1).trim();
    } else if (!signed && (s[0] === "-" || s[0] === "+") && s.length > 1 && !DASHES_RE.test(s)) {
      negative = s[0] === "-";
      signed = true;
      s = s.slice(1).trim();
    } else if (!currency && CURRENCY_RE.test(s)) {
      currency = true;
      s = s.replace(CURRENCY_RE, "").trim();
    } else break;
  }
  // `¥ -` is how accounting formats show nothing; copied as text it still means empty.
  if (!signed && shift === undefined && (s === "" || DASHES_RE.test(s))) {
    return currency && s !== "" ? EMPTY : INVALID["not-a-number"];
  }
  let value: number;
  const m = MONEY_BODY_RE.exec(s);
  if (m) {
    const int = m[1] !== undefined ? m[1].replace(/,/g, "") : "0";
    const frac = m[2] ?? m[3] ?? "";
    value =
      shift !== undefined ? shiftDigits(int, frac, shift) : scaleNumber(shiftDigits(int, frac, 0), scale);
  } else if (SCIENTIFIC_RE.test(s)) {
    value = shift !== undefined ? scaleNumber(Number(s), 10 ** shift) : scaleNumber(Number(s), scale);
  } else {
    return INVALID["not-a-number"];
  }
  return amount(negative && value !== 0 ? -value : value, true);
}

/** Scaling can overflow the largest double; Infinity is not an amount. */
function finite(n: number, fromText: boolean): Parsed<number> {
  return Number.isFinite(n) ? ok(n, fromText) : INVALID["not-a-number"];
}

/**
 * An amount in 元: finite, and no larger than about 90 万亿元. A 16-digit bank-card number or
 * 1e308 is not an amount: no double holds its 分, and no contract is that large.
 */
function amount(n: number, fromText: boolean): Parsed<number> {
  if (!Number.isFinite(n)) return INVALID["not-a-number"];
  return Math.abs(n) > MAX_YUAN ? INVALID["amount-range"] : ok(n, fromText);
}

/**
 * A money cell → amount in 元. `scale` is the header unit (10000 for 万元) and
 * applies to plain numbers and plain numeric text. Text that names its own
 * unit (`12.5万`, `500元`) is read in that unit and the header's is not applied
 * again: the cell says what it means.
 */
export function parseMoney(v: CellValue | undefined, opts?: { scale?: number }): Parsed<number> {
  const scale = opts?.scale !== undefined && opts.scale > 0 && Number.isFinite(opts.scale) ? opts.scale : 1;
  if (typeof v === "number") {
    return amount(scaleNumber(v, scale), false);
  }
  if (isBlankNumber(v)) return EMPTY;
  if (typeof v === "string") return parseMoneyText(v, scale);
  return isError(v as CellValue) ? INVALID["error-value"] : INVALID["not-a-number"];
}

const UNIT_SCALES: Record<string, number> = {
  元: 1,
  圆: 1,
  人民币: 1,
  人民币元: 1,
  RMB: 1,
  CNY: 1,
  "¥": 1,
  "￥": 1,
  千元: 1000,
  万: 10000,
  万元: 10000,
  人民币万元: 10000,
  百万元: 1_000_000,
  亿: 100_000_000,
  亿元: 100_000_000,
};
const UNIT_BRACKETS_RE = /^[([]\s*|\s*[)\]]$/g;

/** Header unit → multiplier to 元: 元 → 1, 万元/万 → 10000 (also 千元, 百万元, 亿元); undefined otherwise. */
export function unitScale(unit: string | undefined): number | undefined {
  if (unit === undefined) return undefined;
  const u = toHalfWidth(unit).trim().replace(UNIT_BRACKETS_RE, "").replace(/\s+/g, "").toUpperCase();
  return UNIT_SCALES[u];
}

// ---------------------------------------------------------------------------
// Percent

const PERCENT_TEXT_RE = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*(%)?$/;

function numberOrPercentText(raw: string): { n: number; percent: boolean } | undefined {
  const m = PERCENT_TEXT_RE.exec(toHalfWidth(raw).replace(HYPHENS_RE, "-").trim());
  return m ? { n: Number(m[1]), percent: m[2] !== undefined } : undefined;
}

/**
 * A percent cell → percent units (85 means 85%). A %-formatted number is a
 * fraction; text with `%`/`％` is already in percent; other numbers and numeric
 * text are fractions when the column is (see columnIsFractions). Out-of-range
 * values are returned as read; a rule judges the range.
 */
export function parsePercent(
  v: CellValue | undefined,
  opts: { numFmt?: string; fractions: boolean },
): Parsed<number> {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return INVALID["not-a-number"];
    const asFraction = analyseFormat(opts.numFmt).percent || opts.fractions;
    return finite(asFraction ? shiftDecimal(v, 2) : v, false);
  }
  if (isBlankNumber(v)) return EMPTY;
  if (typeof v === "string") {
    const p = numberOrPercentText(v);
    if (!p) return INVALID["not-a-number"];
    return finite(!p.percent && opts.fractions ? shiftDecimal(p.n, 2) : p.n, true);
  }
  return isError(v as CellValue) ? INVALID["error-value"] : INVALID["not-a-number"];
}

/**
 * SPEC: a column whose numbers are all ≤ 1 is read as fractions. The numbers
 * that count are those whose unit is open: plain numbers without a % format
 * and numeric text without a % sign. A column with none of them is not.
 */
export function columnIsFractions(cells: Array<{ value: CellValue; numFmt?: string } | undefined>): boolean {
  let seen = false;
  for (const cell of cells) {
    if (!cell) continue;
    const v = cell.value;
    let n: number;
    if (typeof v === "number") {
      if (!Number.isFinite(v) || analyseFormat(cell.numFmt).percent) continue;
      n = v;
    } else if (typeof v === "string") {
      const p = numberOrPercentText(v);
      if (!p || p.percent) continue;
      n = p.n;
    } else continue;
    if (n > 1) return false;
    seen = true;
  }
  return seen;
}

// ---------------------------------------------------------------------------
// Yes / no

/**
 * 1/0 count as yes/no: they are what checkbox-linked cells and exports hold,
 * and nobody writes 1 meaning "no". `X` is left out because some people tick
 * with it and others cross out with it.
 */
const YES_NO: Record<string, boolean> = {
  是: true,
  否: false,
  Y: true,
  N: false,
  YES: true,
  NO: false,
  TRUE: true,
  FALSE: false,
  "√": true,
  "×": false,
  "✓": true,
  "✔": true,
  "✗": false,
  "✘": false,
  "1": true,
  "0": false,
};

export function parseYesNo(v: CellValue | undefined): Parsed<boolean> {
  if (typeof v === "boolean") return ok(v, false);
  if (typeof v === "number")
    return v === 1 ? ok(true, false) : v === 0 ? ok(false, false) : INVALID["not-yes-no"];
  if (isBlank(v)) return EMPTY;
  if (typeof v === "string") {
    const b = YES_NO[toHalfWidth(v).trim().toUpperCase()];
    return b === undefined ? INVALID["not-yes-no"] : ok(b, true);
  }
  return isError(v as CellValue) ? INVALID["error-value"] : INVALID["not-yes-no"];
}

// ---------------------------------------------------------------------------
// Text and WBS

/** A text cell, trimmed. Numbers become the text Excel shows in General (no float noise), booleans TRUE/FALSE. */
export function parseText(v: CellValue | undefined): Parsed<string> {
  if (isBlank(v)) return EMPTY;
  if (typeof v === "string") return ok(v.trim(), true);
  if (typeof v === "number") return Number.isFinite(v) ? ok(numberText(v), false) : INVALID["not-a-number"];
  if (typeof v === "boolean") return ok(v ? "TRUE" : "FALSE", false);
  return INVALID["error-value"];
}

/**
 * A WBS code as text. Text is kept as typed (full-width folded), so `1.10`
 * stays distinct from `1.1`. A number is read as the cell shows it: with a
 * fixed-decimal format (`0.00`) 1.1 shows as `1.10`; otherwise float noise
 * is repaired (1.1000000000000001 → `1.1`). A format that would round the
 * number away is not used (see below).
 */
export function parseWbs(v: CellValue | undefined, numFmt?: string): Parsed<string> {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return INVALID["not-a-number"];
    const plain = numberText(v);
    const f = analyseFormat(numFmt);
    const fixed = f.date || f.percent || f.grouping ? undefined : formatFixed(v, f);
    // Use the format only when it pads (1.1 → 1.10); one that rounds (1.125 → 1.13, or 1.1 → 1
    // under "0") would merge distinct codes, so the number's own digits win then.
    return ok(fixed !== undefined && Number(fixed) === Number(plain) ? fixed : plain, false);
  }
  if (typeof v === "string") return isBlank(v) ? EMPTY : ok(toHalfWidth(v).trim(), true);
  return parseText(v);
}

const WBS_SEPARATORS_RE = /[,，、;；\s]+/;
/** A piece parseLinks cannot read keeps the code before any link type (`3FS+50%` → 3), as typed. */
const LINK_RE =
  /^(.+?)(?:FS|SS|FF|SF|完成-开始|开始-开始|完成-完成|开始-完成)(?:[+-]\d+(?:\.\d+)?(?:[^\d,，、;；\s]*)?)?$/i;

/** The links (type and lag) behind each parsed predecessor list; read through linksOfList. */
const LINKS = new WeakMap<object, readonly Link[]>();

/**
 * A list of predecessors: WBS codes or 标识号 separated by , ， 、 ; ； or whitespace, each
 * optionally with MS Project's link type and lag (`3FS+2 工作日`, `5SS-1d`; see links.ts). The
 * value is the predecessors' codes; linksOfList gives the links. A number is one code.
 */
export function parseWbsList(v: CellValue | undefined): Parsed<string[]> {
  const one = parseWbs(v);
  if (one.status !== "ok") return one;
  if (!one.fromText) {
    const p = ok([one.value], false);
    LINKS.set(p, [{ predecessor: one.value, type: "FS", lag: 0, lagUnit: "workday" }]);
    return p;
  }
  const links: Link[] = [];
  for (const piece of one.value.normalize("NFKC").split(/[,;、\n\r]+/)) {
    const read = parseLinks(piece);
    if (read.problems.length === 0) {
      links.push(...read.links);
      continue;
    }
    // Codes separated by spaces only (`1.1 1.2`) are one piece to parseLinks: read each part.
    const parts = piece.split(WBS_SEPARATORS_RE).filter((x) => x !== "");
    const each = parts.map((x) => parseLinks(x));
    if (parts.length > 1 && each.every((e) => e.problems.length === 0)) {
      for (const e of each) links.push(...e.links);
      continue;
    }
    for (const x of parts) {
      const code = LINK_RE.exec(x)?.[1] ?? x;
      links.push({ predecessor: code, type: "FS", lag: 0, lagUnit: "workday" });
    }
  }
  if (links.length === 0) return EMPTY;
  const p = ok(
    links.map((l) => l.predecessor),
    true,
  );
  LINKS.set(p, links);
  return p;
}

/** The links of a list parseWbsList returned (FS without lag for each code otherwise). */
export function linksOfList(p: Parsed<unknown>): readonly Link[] {
  const known = LINKS.get(p);
  if (known) return known;
  if (p.status !== "ok" || !Array.isArray(p.value)) return [];
  return p.value.map((code) => ({ predecessor: String(code), type: "FS", lag: 0, lagUnit: "workday" }));
}

/**
 * Days and weeks as MS Project and plans in other languages write them (`10 Tage`, `1 jour`, `3 días`,
 * `5 дней`, `4 hari`, `2 Wochen`, `3 semaines`).
 */
const DAYS_ABROAD = "Tage?|jours?|j|días?|dias?|дн(?:ей|я)|день|д|hari|วัน|일|gün|ngày";
const WEEKS_ABROAD = "Wochen?|semaines?|semanas?|недел[ьяи]|нед|minggu|สัปดาห์|주|hafta|tuần";
const DAYS_RE = new RegExp(
  "^(\\d+(?:\\.\\d+)?)\\s*(个工作日|工作日|工作天|天|日|d|days?|wd|ed|edays?|工期天|个日历日|日历天|日历日|周|个星期|星期|w|wks?|weeks?|" +
    `${DAYS_ABROAD}|${WEEKS_ABROAD})?\\s*[?？]?$`,
  "i",
);
/** Units a duration names in weeks: seven calendar days each. */
const WEEK_UNITS = new RegExp(`^(周|个星期|星期|w|wks?|weeks?|${WEEKS_ABROAD})$`, "i");
/** Units a duration names as working days; the others are calendar days. */
const WORKING_UNITS = new Set(["个工作日", "工作日", "工作天", "wd"]);

/**
 * A duration cell → a number of days: a number, or text as MS Project and people write it
 * (`5`, `5天`, `5 个工作日`, `3.5d`, `2 days`, `5 个工作日?`). Whether the days are working days
 * is read from the same text by durationIsWorking.
 */
export function parseDays(v: CellValue | undefined): Parsed<number> {
  if (v === undefined || v === null) return EMPTY;
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 ? ok(v, false) : INVALID["not-a-number"];
  if (typeof v !== "string") return isError(v) ? INVALID["error-value"] : INVALID["not-a-number"];
  if (isBlank(v)) return EMPTY;
  const m = DAYS_RE.exec(toHalfWidth(v).trim());
  if (!m) return INVALID["not-a-number"];
  return ok(m[2] !== undefined && WEEK_UNITS.test(m[2]) ? Number(m[1]) * 7 : Number(m[1]), true);
}

const HOURS_RE =
  /^(\d+(?:\.\d+)?)\s*(小时|个小时|小時|時間|时|h|hrs?|hours?|horas?|std\.?|stunden|heures?|ч\.?|часа?|часов)?\s*$/i;

/**
 * A duration cell counted in hours (`16`, `2小时`, `3.5h`, `8 hrs`) → working days of `hoursPerDay`
 * hours each (2 hours of an 8-hour day: 0.25).
 */
export function parseHours(v: CellValue | undefined, hoursPerDay: number): Parsed<number> {
  if (v === undefined || v === null) return EMPTY;
  if (typeof v === "number")
    return Number.isFinite(v) && v >= 0 ? ok(v / hoursPerDay, false) : INVALID["not-a-number"];
  if (typeof v !== "string") return isError(v) ? INVALID["error-value"] : INVALID["not-a-number"];
  if (isBlank(v)) return EMPTY;
  const m = HOURS_RE.exec(toHalfWidth(v).trim());
  if (!m) return INVALID["not-a-number"];
  return ok(Number(m[1]) / hoursPerDay, true);
}

/** True when a duration's text names working days (`5 个工作日`, `5wd`), false when calendar days, else undefined. */
export function durationIsWorking(v: CellValue | undefined): boolean | undefined {
  if (typeof v !== "string") return undefined;
  const m = DAYS_RE.exec(toHalfWidth(v).trim());
  if (!m || m[2] === undefined) return undefined;
  return WORKING_UNITS.has(m[2].toLowerCase());
}

/** A month and a day typed as a decimal number (`11.24`, `10.4`): never a whole number. */
export function isMonthDayNumber(n: number): boolean {
  return !Number.isInteger(n) && isMonthDay(String(n));
}

/** A month and a day with no year: `10.26`, `3/5`, `3月5日`. */
function isMonthDay(s: string): boolean {
  const md = /^(\d{1,2})[./月](\d{1,2})[日号]?$/.exec(withoutDayPart(s));
  return md !== null && +md[1] >= 1 && +md[1] <= 12 && +md[2] >= 1 && +md[2] <= 31;
}

/**
 * One end of a date range written in one cell (`2026.3.1-3.15`, `2016/8/2-2016/8/20`,
 * `2026年3月1日至15日`, `？-2016/8/11`). The end takes the year and month the start wrote when it
 * leaves them out. A single date stands for both ends. Never `fromText`: normalising would
 * overwrite the range with one of its ends.
 */
export function parseDateRangePart(
  v: CellValue | undefined,
  part: "start" | "end",
  opts: { date1904: boolean; numFmt?: string },
): Parsed<IsoDate> {
  if (typeof v !== "string") return parseDate(v, opts);
  const s = toHalfWidth(v).replace(HYPHENS_RE, "-").replace(/\s+/g, "");
  const whole = parseDate(v, opts);
  if (whole.status === "ok") return { ...whole, fromText: false };
  // The split whose left side is a date (or an unknown start, `？`).
  let m: [string, string, string] | undefined;
  let yearless = false;
  for (let i = 1; i < s.length && !m; i++) {
    const sep = /^(?:至|到|~|〜|—|–|―|--|-)/.exec(s.slice(i));
    if (!sep) continue;
    const left = s.slice(0, i);
    if (/^[?？]+$/.test(left) || parseDate(left, opts).status === "ok")
      m = [s, left, s.slice(i + sep[0].length)];
    else if (isMonthDay(left)) yearless = true;
  }
  // `10.26~11.1`: a range whose start has a month and a day but no year — the year is what is missing.
  if (!m) return yearless ? INVALID["partial-date"] : whole;
  // `？-2016/8/11`: the start is not known yet.
  const start = /^[?？]+$/.test(m[1]) ? INVALID["partial-date"] : parseDate(m[1], opts);
  if (part === "start") return start.status === "ok" ? { ...start, fromText: false } : start;
  let end = parseDate(m[2], opts);
  if (end.status !== "ok" && start.status === "ok") {
    const [y, mo] = start.value.split("-");
    const tail = m[2].replace(/[日号]$/, "");
    const md = /^(\d{1,2})[./月-](\d{1,2})$/.exec(tail);
    const d = /^(\d{1,2})$/.exec(tail);
    if (md) end = parseDate(`${y}-${md[1].padStart(2, "0")}-${md[2].padStart(2, "0")}`, opts);
    else if (d) end = parseDate(`${y}-${mo}-${d[1].padStart(2, "0")}`, opts);
  }
  return end.status === "ok" ? { ...end, fromText: false } : end;
}
