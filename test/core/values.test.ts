import fc from "fast-check";
import { dayNumber, fromDayNumber, isoToSerial } from "../../src/core/dates";
import type { CellValue } from "../../src/core/snapshot";
import {
  columnIsFractions,
  displayValue,
  isBlank,
  isDateFormat,
  parseDate,
  parseMoney,
  parsePercent,
  parseText,
  parseWbs,
  parseWbsList,
  parseYesNo,
  toHalfWidth,
  unitScale,
  type Parsed,
} from "../../src/core/values";

const NA: CellValue = { error: "#N/A" };
const REF: CellValue = { error: "#REF!" };

const date = (v: CellValue | undefined, numFmt?: string, date1904 = false) =>
  parseDate(v, { date1904, numFmt });
const okValue = <T>(value: T, fromText: boolean): Parsed<T> => ({ status: "ok", value, fromText });
const invalid = (reason: string) => ({ status: "invalid", reason });
const EMPTY = { status: "empty" };

/** ASCII → full-width, the inverse of toHalfWidth, for generating what users paste from IMEs. */
const fullWidth = (s: string) =>
  s.replace(/[!-~ ]/g, (c) => (c === " " ? "\u3000" : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

describe("isBlank", () => {
  test.each([undefined, "", "  ", "\u3000", "\t\n", "-", "—", "－", "——", " - ", "–"])("%j is blank", (v) => {
    expect(isBlank(v)).toBe(true);
  });
  test.each([0, false, "0", "a", "-1", "- -x", NA])("%j is not blank", (v) => {
    expect(isBlank(v)).toBe(false);
  });
});

describe("toHalfWidth", () => {
  test("folds full-width digits, letters, punctuation and the ideographic space", () => {
    expect(toHalfWidth("２０２６／１１／２３")).toBe("2026/11/23");
    expect(toHalfWidth("ＡＢｃ，（１）：％\u3000！")).toBe("ABc,(1):% !");
    expect(toHalfWidth("年月日、。￥")).toBe("年月日、。￥");
  });
  test("property: undoes full-width conversion of any printable ASCII", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii" }), (s) => {
        const printable = s.replace(/[^ -~]/g, "");
        expect(toHalfWidth(fullWidth(printable))).toBe(printable);
      }),
    );
  });
});

describe("isDateFormat", () => {
  test.each([
    "yyyy-mm-dd",
    "yyyy/m/d",
    "m/d",
    "m/d/yy",
    "d-mmm-yy",
    'yyyy"年"m"月"d"日"',
    "yyyy年m月d日",
    '[$-804]yyyy"年"m"月"d"日";@',
    "[DBNum1][$-804]yyyy年m月d日",
    "[$-F800]dddd, mmmm dd, yyyy",
    "yyyy-mm-dd hh:mm:ss",
    "h:mm",
    "mm:ss",
    "[Red]yyyy-mm-dd",
    'm"月"d"日"',
  ])("%s is a date/time format", (f) => {
    expect(isDateFormat(f)).toBe(true);
  });
  test.each([
    undefined,
    "",
    "General",
    "0",
    "0.00",
    "#,##0.00",
    "0%",
    "0.00%",
    "0.00E+00",
    "@",
    "[Red]0.00",
    '"m"0',
    '0.00"天"',
    '#,##0.00"元"',
    "[h]:mm:ss",
    "[mm]:ss",
    "#,##0.00_);[Red](#,##0.00)",
    '_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-',
    "[$¥-804]#,##0.00",
    "[DBNum1][$-804]General",
  ])("%s is not a date format", (f) => {
    expect(isDateFormat(f)).toBe(false);
  });
});

describe("parseDate — numbers", () => {
  test("serials with a date format, 1900 system, time dropped", () => {
    expect(date(46349, "yyyy-mm-dd")).toEqual(okValue("2026-11-23", false));
    expect(date(46349.99, "yyyy/m/d h:mm")).toEqual(okValue("2026-11-23", false));
    expect(date(1, "yyyy-mm-dd")).toEqual(okValue("1900-01-01", false));
    expect(date(61, "yyyy-mm-dd")).toEqual(okValue("1900-03-01", false));
  });
  test("Excel's phantom 1900-02-29 is impossible", () => {
    expect(date(60, "yyyy-mm-dd")).toEqual(invalid("impossible-date"));
  });
  test("1904 system", () => {
    expect(date(44887, "yyyy-mm-dd", true)).toEqual(okValue("2026-11-23", false));
    expect(date(44887.5, undefined, true)).toEqual(okValue("2026-11-23", false));
    expect(date(60, "yyyy-mm-dd", true)).toEqual(okValue("1904-03-01", false));
  });
  test("serials outside Excel's range are not dates", () => {
    expect(date(0, "yyyy-mm-dd")).toEqual(invalid("not-a-date"));
    expect(date(0.5, "h:mm")).toEqual(invalid("not-a-date"));
    expect(date(-5, "yyyy-mm-dd")).toEqual(invalid("not-a-date"));
    expect(date(3_000_000, "yyyy-mm-dd")).toEqual(invalid("not-a-date"));
    expect(date(Number.NaN)).toEqual(invalid("not-a-date"));
    expect(date(Infinity, "yyyy-mm-dd")).toEqual(invalid("not-a-date"));
  });
  test("a plain number in a date field: yyyymmdd when valid, else a serial", () => {
    expect(date(20261123)).toEqual(okValue("2026-11-23", true));
    expect(date(20261123, "yyyy-mm-dd")).toEqual(okValue("2026-11-23", true));
    expect(date(20230631)).toEqual(invalid("impossible-date"));
    expect(date(20261332)).toEqual(invalid("impossible-date"));
    expect(date(46349)).toEqual(okValue("2026-11-23", false));
    expect(date(46349.25)).toEqual(okValue("2026-11-23", false));
    expect(date(12)).toEqual(okValue("1900-01-12", false));
  });
  test("a plain number that reads as a year or year.month is partial, not a serial in 1905", () => {
    expect(date(2026)).toEqual(invalid("partial-date"));
    expect(date(2016.1)).toEqual(invalid("partial-date"));
    expect(date(202611)).toEqual(invalid("partial-date"));
    // With a date format the user sees 1905-07-18, so that is what it is.
    expect(date(2026, "yyyy-mm-dd")).toEqual(okValue("1905-07-18", false));
  });
  test("booleans and error values", () => {
    expect(date(true)).toEqual(invalid("not-a-date"));
    expect(date(false, "yyyy-mm-dd")).toEqual(invalid("not-a-date"));
    expect(date(NA)).toEqual(invalid("error-value"));
    expect(date(REF, "yyyy-mm-dd")).toEqual(invalid("error-value"));
  });
  test("empty", () => {
    expect(date(undefined)).toEqual(EMPTY);
    expect(date("")).toEqual(EMPTY);
    expect(date("  ")).toEqual(EMPTY);
    expect(date("-")).toEqual(EMPTY);
    expect(date("—")).toEqual(EMPTY);
  });
});

describe("parseDate — text", () => {
  test.each([
    "2026-11-23",
    "2026/11/23",
    "2026.11.23",
    "2026年11月23日",
    "2026年11月23号",
    "2026年11月23",
    "20261123",
    "２０２６－１１－２３",
    "２０２６年１１月２３日",
    "２０２６．１１．２３",
    " 2026 / 11 / 23 ",
    "2026 年 11 月 23 日",
    "\u30002026-11-23\u3000",
    "2026-11-23 10:00",
    "2026/11/23 10:00:59",
    "2026-11-23T10:00:00.000Z",
    "2026-11-23 3:05 PM",
    "2026年11月23日 10:00",
    "2026年11月23日10:00",
    "2026-11-23 00:00:00",
  ])("%j → 2026-11-23", (s) => {
    expect(date(s)).toEqual(okValue("2026-11-23", true));
  });
  test.each([
    ["19-Sep-2026", "2026-09-19"],
    ["19 Sep 2026", "2026-09-19"],
    ["19-sept-2026", "2026-09-19"],
    ["1 March 2026", "2026-03-01"],
    ["Sep 19, 2026", "2026-09-19"],
    ["September 19 2026", "2026-09-19"],
    ["Dec. 5, 2026", "2026-12-05"],
  ])("a month written as its English name tells day from month: %j → %s", (s, iso) => {
    expect(date(s)).toEqual(okValue(iso, true));
  });
  test("single-digit month and day", () => {
    expect(date("2026-1-5")).toEqual(okValue("2026-01-05", true));
    expect(date("2026/1/5")).toEqual(okValue("2026-01-05", true));
    expect(date("2026年1月5日")).toEqual(okValue("2026-01-05", true));
    expect(date("2024-2-29")).toEqual(okValue("2024-02-29", true));
  });
  test.each([
    ["2023/6/31", "impossible-date"],
    ["2023-02-29", "impossible-date"],
    ["2026-13-01", "impossible-date"],
    ["2026-23-11", "impossible-date"],
    ["2026年2月30日", "impossible-date"],
    ["20230631", "impossible-date"],
    ["0000-00-00", "not-a-date"],
    ["2016.1", "partial-date"],
    ["2026-11", "partial-date"],
    ["2026/11", "partial-date"],
    ["2026年11月", "partial-date"],
    ["2026年", "partial-date"],
    ["2026年11月下旬", "partial-date"],
    ["2026年第三季度", "partial-date"],
    ["11月23日", "partial-date"],
    ["11/23", "partial-date"],
    ["2026", "partial-date"],
    ["202611", "partial-date"],
    ["2013年6月20日至7月", "date-range"],
    ["2026-01-01~2026-02-01", "date-range"],
    ["2026-01-01～2026-02-01", "date-range"],
    ["2026-01-01 - 2026-02-01", "date-range"],
    ["2026-01-01-2026-02-01", "date-range"],
    ["2026.1.1—2026.2.1", "date-range"],
    ["2026年1月1日到2月1日", "date-range"],
    ["2026.1-2026.3", "date-range"],
    ["26-11-23", "two-digit-year"],
    ["23/11/26", "two-digit-year"],
    ["26.11.23", "two-digit-year"],
    ["26年11月23日", "two-digit-year"],
    ["19-Sep-26", "two-digit-year"],
    ["Sep 19, 26", "two-digit-year"],
    ["31-Feb-2026", "impossible-date"],
    ["19-Foo-2026", "not-a-date"],
    ["Sep 2026", "not-a-date"],
    ["11/23/2026", "ambiguous-date"],
    ["03/04/2026", "ambiguous-date"],
    ["23.11.2026", "ambiguous-date"],
    ["4-3-2026", "ambiguous-date"],
    ["abc", "not-a-date"],
    ["待定", "not-a-date"],
    ["2026-11-23前", "not-a-date"],
    ["2026 11 23", "not-a-date"],
    ["2026/11-23", "not-a-date"],
    ["2026-11-230", "not-a-date"],
    ["2026-11-23-", "not-a-date"],
    ["2026年11月23日、2026年12月1日", "not-a-date"],
    ["10:00", "not-a-date"],
    ["TRUE", "not-a-date"],
  ])("%j is invalid (%s)", (s, reason) => {
    expect(date(s)).toEqual(invalid(reason));
  });
});

/** Any real date between 1000-01-01 and 9999-12-31. */
const isoDate = fc
  .integer({ min: dayNumber("1000-01-01"), max: dayNumber("9999-12-31") })
  .map((n) => fromDayNumber(n));

describe("parseDate — properties", () => {
  const pad = (n: number, padded: boolean) => (padded ? String(n).padStart(2, "0") : String(n));
  const form = fc.record({
    sep: fc.constantFrom("-", "/", ".", "cn", "cn-hao", "cn-bare", "compact"),
    padded: fc.boolean(),
    full: fc.boolean(),
    spaces: fc.boolean(),
    time: fc.constantFrom("", " 10:00", " 23:59:59", "T08:30:00"),
  });

  test("every valid date in every supported text form parses back to itself", () => {
    fc.assert(
      fc.property(isoDate, form, (iso, f) => {
        const y = Number(iso.slice(0, 4));
        const m = Number(iso.slice(5, 7));
        const d = Number(iso.slice(8, 10));
        const sp = f.spaces ? " " : "";
        let s: string;
        if (f.sep === "compact") s = iso.replace(/-/g, "");
        else if (f.sep.startsWith("cn")) {
          const end = f.sep === "cn" ? "日" : f.sep === "cn-hao" ? "号" : "";
          s = `${y}${sp}年${sp}${pad(m, f.padded)}${sp}月${sp}${pad(d, f.padded)}${end}`;
        } else s = [y, pad(m, f.padded), pad(d, f.padded)].join(`${sp}${f.sep}${sp}`);
        s = `${sp}${s}${f.time}${sp}`;
        if (f.full) s = fullWidth(s);
        expect(date(s)).toEqual(okValue(iso, true));
      }),
    );
  });

  test("serial ↔ date round trip in both date systems, with or without a time part", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber("1900-03-01"), max: dayNumber("9999-12-31") }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.boolean(),
        (n, time, date1904) => {
          const iso = fromDayNumber(n);
          if (date1904 && iso <= "1904-01-01") return;
          const serial = isoToSerial(iso, date1904);
          expect(date(serial + time, "yyyy-mm-dd", date1904)).toEqual(okValue(iso, false));
        },
      ),
    );
  });

  test("plain serials from 1927 on read as dates without a format", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 180_000 }), (serial) => {
        const r = date(serial);
        expect(r.status).toBe("ok");
        if (r.status === "ok") expect(isoToSerial(r.value)).toBe(serial);
      }),
    );
  });

  test("yyyymmdd numbers read as that date", () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        expect(date(Number(iso.replace(/-/g, "")))).toEqual(okValue(iso, true));
      }),
    );
  });

  test("two-digit-year and day/month-ambiguous forms are never ok", () => {
    const group = fc.integer({ min: 0, max: 99 });
    fc.assert(
      fc.property(
        group,
        group,
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1000, max: 9999 }),
        fc.constantFrom("-", "/", "."),
        fc.boolean(),
        (a, b, yy, yyyy, sep, padded) => {
          const p = (n: number) => pad(n, padded);
          expect(date([p(a), p(b), p(yy)].join(sep))).toEqual(invalid("two-digit-year"));
          expect(date(`${p(yy)}年${p(a)}月${p(b)}日`).status).toBe("invalid");
          expect(date([p(a), p(b), yyyy].join(sep))).toEqual(invalid("ambiguous-date"));
        },
      ),
    );
  });

  test("ok results are always real ISO dates", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789-/.年月日号 ２０１") }), (s) => {
        const r = date(s);
        if (r.status === "ok") {
          expect(r.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(fromDayNumber(dayNumber(r.value))).toBe(r.value);
        }
      }),
    );
  });
});

describe("parseMoney", () => {
  test.each<[CellValue, number]>([
    [1234.5, 1234.5],
    [0, 0],
    [-20, -20],
    ["1234.5", 1234.5],
    ["1,234,567.89", 1234567.89],
    ["1，234，567.89", 1234567.89],
    ["１，２３４．５", 1234.5],
    ["¥1,234", 1234],
    ["￥1,234.00", 1234],
    ["¥ 1,234", 1234],
    ["RMB 1,234", 1234],
    ["1234元", 1234],
    ["1,234 元", 1234],
    ["1234元整", 1234],
    ["12.5万", 125000],
    ["12.5万元", 125000],
    ["12.3456万", 123456],
    ["0.0001万", 1],
    ["1.5亿", 150000000],
    ["(1,234.00)", -1234],
    ["（1,234.00）", -1234],
    ["(¥1,234.00)", -1234],
    ["¥(1,234.00)", -1234],
    ["-1,234", -1234],
    ["−1,234", -1234],
    ["-¥1,234", -1234],
    ["¥-1,234", -1234],
    ["+1,234", 1234],
    [".5", 0.5],
    ["1.2E+05", 120000],
    ["-0", 0],
    ["(1.5万元)", -15000],
    ["(1,234)元", -1234],
    ["-¥12.5万", -125000],
  ])("%j → %d", (v, n) => {
    expect(parseMoney(v)).toEqual(okValue(n, typeof v === "string"));
  });

  test.each([undefined, "", " ", "-", "—", "－", "——", "¥ -", "￥-"])("%j is empty", (v) => {
    expect(parseMoney(v)).toEqual(EMPTY);
  });

  test.each<CellValue>([
    "abc",
    "12.3.4",
    "约5万",
    "5万多",
    "1,23",
    "1,2345",
    "12 34",
    "¥",
    "元",
    "(-1,234)",
    "--5",
    "50%",
    "12元5角",
    true,
    Number.NaN,
  ])("%j is not a number", (v) => {
    expect(parseMoney(v)).toEqual(invalid("not-a-number"));
  });

  test("error values", () => {
    expect(parseMoney(NA)).toEqual(invalid("error-value"));
    expect(parseMoney(REF, { scale: 10000 })).toEqual(invalid("error-value"));
  });

  test("a 万元 column scales plain numbers and plain text, not text that names its own unit", () => {
    const wan = { scale: 10000 };
    expect(parseMoney(12.3456, wan)).toEqual(okValue(123456, false));
    expect(parseMoney(1.1, wan)).toEqual(okValue(11000, false));
    expect(parseMoney("12.3456", wan)).toEqual(okValue(123456, true));
    expect(parseMoney("(1.5)", wan)).toEqual(okValue(-15000, true));
    expect(parseMoney("12.5万", wan)).toEqual(okValue(125000, true));
    expect(parseMoney("500元", wan)).toEqual(okValue(500, true));
    expect(parseMoney("-", wan)).toEqual(EMPTY);
    expect(parseMoney(7, { scale: 1000 })).toEqual(okValue(7000, false));
  });

  /** Amounts with whole cents, as text with a decimal point placed by string work (no float formatting). */
  const cents = fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n });
  const decimalText = (c: bigint, places: number) => {
    const digits = (c < 0n ? -c : c).toString().padStart(places + 1, "0");
    const int = digits.slice(0, digits.length - places);
    const frac = digits.slice(digits.length - places).replace(/0+$/, "");
    return { int, frac };
  };
  const group = (int: string) => int.replace(/\B(?=(\d{3})+$)/g, ",");

  test("property: every amount written with separators, ¥, 元, accounting negatives or 万 parses to the number", () => {
    fc.assert(
      fc.property(
        cents,
        fc.record({
          grouped: fc.boolean(),
          fullComma: fc.boolean(),
          currency: fc.constantFrom("", "¥", "￥", "¥ "),
          unit: fc.constantFrom("", "元", "万", "万元"),
          negative: fc.constantFrom("-", "()", "（）"),
          full: fc.boolean(),
        }),
        (c, f) => {
          const expected = Number(c) / 100;
          const { int, frac } = decimalText(c, f.unit.startsWith("万") ? 6 : 2);
          let body = f.grouped ? group(int) : int;
          if (f.fullComma) body = body.replace(/,/g, "，");
          if (frac) body += `.${frac}`;
          let s = `${f.currency}${body}${f.unit}`;
          if (c < 0n) s = f.negative === "-" ? `-${s}` : `${f.negative[0]}${s}${f.negative[1]}`;
          if (f.full) s = fullWidth(s);
          expect(parseMoney(s)).toEqual(okValue(expected === 0 ? 0 : expected, true));
        },
      ),
    );
  });

  test("property: numbers in a 万元 column scale without float noise", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), (c) => {
        // c is an amount in 0.0001 万元 = 1 元 steps … down to cents: 6 decimals of 万.
        const { int, frac } = decimalText(c, 6);
        const wan = Number(`${c < 0n ? "-" : ""}${int}.${frac || "0"}`);
        const expected = Number(c) / 100;
        expect(parseMoney(wan, { scale: 10000 })).toEqual(okValue(expected === 0 ? 0 : expected, false));
      }),
    );
  });
});

describe("unitScale", () => {
  test.each<[string | undefined, number | undefined]>([
    ["万元", 10000],
    ["万", 10000],
    ["（万元）", 10000],
    [" 元 ", 1],
    ["元", 1],
    ["人民币元", 1],
    ["RMB", 1],
    ["千元", 1000],
    ["亿元", 100000000],
    ["%", undefined],
    ["天", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("%j → %j", (u, k) => {
    expect(unitScale(u)).toBe(k);
  });
});

describe("parsePercent", () => {
  const pct = (v: CellValue | undefined, numFmt?: string, fractions = false) =>
    parsePercent(v, { numFmt, fractions });
  test("SPEC forms", () => {
    expect(pct(0.85, "0%")).toEqual(okValue(85, false));
    expect(pct(0.85, "0.00%")).toEqual(okValue(85, false));
    expect(pct(0.07, "0%")).toEqual(okValue(7, false));
    expect(pct(0.565, "0.0%")).toEqual(okValue(56.5, false));
    expect(pct("85%")).toEqual(okValue(85, true));
    expect(pct("85％")).toEqual(okValue(85, true));
    expect(pct("８５％")).toEqual(okValue(85, true));
    expect(pct(" 85 % ")).toEqual(okValue(85, true));
    expect(pct("85.5%")).toEqual(okValue(85.5, true));
    expect(pct(85)).toEqual(okValue(85, false));
    expect(pct("85")).toEqual(okValue(85, true));
  });
  test("fractions: plain numbers and plain text ×100, % text and % formats unchanged by it", () => {
    expect(pct(0.85, undefined, true)).toEqual(okValue(85, false));
    expect(pct("0.85", undefined, true)).toEqual(okValue(85, true));
    expect(pct(1, undefined, true)).toEqual(okValue(100, false));
    expect(pct("85%", undefined, true)).toEqual(okValue(85, true));
    expect(pct(0.85, "0%", true)).toEqual(okValue(85, false));
    expect(pct(0.85, undefined, false)).toEqual(okValue(0.85, false));
    expect(pct("0.85", undefined, false)).toEqual(okValue(0.85, true));
  });
  test("out-of-range values are still ok; a rule checks the range", () => {
    expect(pct(1.2, "0%")).toEqual(okValue(120, false));
    expect(pct("-5%")).toEqual(okValue(-5, true));
    expect(pct(150)).toEqual(okValue(150, false));
  });
  test("empty, invalid and error values", () => {
    expect(pct(undefined)).toEqual(EMPTY);
    expect(pct("")).toEqual(EMPTY);
    expect(pct("-")).toEqual(EMPTY);
    expect(pct("完成")).toEqual(invalid("not-a-number"));
    expect(pct("85%%")).toEqual(invalid("not-a-number"));
    expect(pct("百分之八十")).toEqual(invalid("not-a-number"));
    expect(pct(true)).toEqual(invalid("not-a-number"));
    expect(pct(NA)).toEqual(invalid("error-value"));
  });
  test("property: k% as text, and k/100 with a % format, both give k without float noise", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.boolean(), (k, fractions) => {
        const text = `${Math.floor(k / 100)}.${String(k % 100).padStart(2, "0")}`;
        const p = Number(text);
        expect(pct(`${text}%`, undefined, fractions)).toEqual(okValue(p, true));
        expect(pct(Number(`${text}e-2`), "0.00%", fractions)).toEqual(okValue(p, false));
        expect(pct(Number(`${text}e-2`), undefined, true)).toEqual(okValue(p, false));
      }),
    );
  });
});

describe("columnIsFractions", () => {
  test("all open-unit numbers ≤ 1 → fractions", () => {
    expect(columnIsFractions([{ value: 0.5 }, { value: 1 }, { value: 0 }, undefined, { value: "0.3" }])).toBe(
      true,
    );
  });
  test("any number above 1 → not fractions", () => {
    expect(columnIsFractions([{ value: 0.5 }, { value: 85 }])).toBe(false);
    expect(columnIsFractions([{ value: 0.5 }, { value: "85" }])).toBe(false);
  });
  test("%-formatted numbers and % text do not count either way", () => {
    expect(columnIsFractions([{ value: 1.2, numFmt: "0%" }, { value: 0.5 }])).toBe(true);
    expect(columnIsFractions([{ value: "85%" }, { value: 0.5 }])).toBe(true);
    expect(columnIsFractions([{ value: 0.85, numFmt: "0%" }, { value: "50%" }])).toBe(false);
  });
  test("blank, text and error cells are ignored; a column without numbers is not fractions", () => {
    expect(columnIsFractions([])).toBe(false);
    expect(columnIsFractions([undefined, { value: "" }, { value: "完成" }, { value: NA }])).toBe(false);
    expect(columnIsFractions([{ value: "-" }, { value: NA }, { value: 0.2 }, { value: true }])).toBe(true);
  });
});

describe("parseYesNo", () => {
  test.each<[CellValue, boolean, boolean]>([
    ["是", true, true],
    ["否", false, true],
    ["Y", true, true],
    ["y", true, true],
    ["N", false, true],
    ["n", false, true],
    ["Yes", true, true],
    ["no", false, true],
    ["Ｙ", true, true],
    [" 是 ", true, true],
    ["√", true, true],
    ["×", false, true],
    ["✓", true, true],
    ["✔", true, true],
    ["✗", false, true],
    ["✘", false, true],
    ["TRUE", true, true],
    ["false", false, true],
    ["1", true, true],
    ["0", false, true],
    [true, true, false],
    [false, false, false],
    [1, true, false],
    [0, false, false],
  ])("%j → %j", (v, b, fromText) => {
    expect(parseYesNo(v)).toEqual(okValue(b, fromText));
  });
  test.each<CellValue>(["x", "X", "是的", "未", "2", 2, 0.5, "abc"])("%j is not yes/no", (v) => {
    expect(parseYesNo(v)).toEqual(invalid("not-yes-no"));
  });
  test("empty and error values", () => {
    expect(parseYesNo(undefined)).toEqual(EMPTY);
    expect(parseYesNo(" ")).toEqual(EMPTY);
    expect(parseYesNo("-")).toEqual(EMPTY);
    expect(parseYesNo(NA)).toEqual(invalid("error-value"));
  });
});

describe("parseText", () => {
  test("trimmed text, numbers as Excel's General text, booleans, errors", () => {
    expect(parseText("  张三、李四 ")).toEqual(okValue("张三、李四", true));
    expect(parseText("\u3000HT-2026-031\u3000")).toEqual(okValue("HT-2026-031", true));
    expect(parseText(42)).toEqual(okValue("42", false));
    expect(parseText(0.1 + 0.2)).toEqual(okValue("0.3", false));
    expect(parseText(true)).toEqual(okValue("TRUE", false));
    expect(parseText(undefined)).toEqual(EMPTY);
    expect(parseText("   ")).toEqual(EMPTY);
    expect(parseText("—")).toEqual(EMPTY);
    expect(parseText(NA)).toEqual(invalid("error-value"));
  });
});

describe("parseWbs", () => {
  test("text is kept as typed: 1.10 stays distinct from 1.1", () => {
    expect(parseWbs("1.10")).toEqual(okValue("1.10", true));
    expect(parseWbs("1.1")).toEqual(okValue("1.1", true));
    expect(parseWbs(" １．２．３ ")).toEqual(okValue("1.2.3", true));
    expect(parseWbs("A-01")).toEqual(okValue("A-01", true));
  });
  test("numbers: float noise repaired; fixed-decimal formats used when they pad", () => {
    expect(parseWbs(1.1000000000000001)).toEqual(okValue("1.1", false));
    expect(parseWbs(0.1 + 0.2)).toEqual(okValue("0.3", false));
    expect(parseWbs(3)).toEqual(okValue("3", false));
    expect(parseWbs(1.1, "0.00")).toEqual(okValue("1.10", false));
    expect(parseWbs(1.1, "0.0#")).toEqual(okValue("1.1", false));
    expect(parseWbs(2, "0.0")).toEqual(okValue("2.0", false));
    expect(parseWbs(1.1, "General")).toEqual(okValue("1.1", false));
    // A format that would round digits away is not used: distinct codes stay distinct.
    expect(parseWbs(1.1, "0")).toEqual(okValue("1.1", false));
    expect(parseWbs(1.125, "0.00")).toEqual(okValue("1.125", false));
  });
  test("empty and error values", () => {
    expect(parseWbs(undefined)).toEqual(EMPTY);
    expect(parseWbs("")).toEqual(EMPTY);
    expect(parseWbs("-")).toEqual(EMPTY);
    expect(parseWbs(NA)).toEqual(invalid("error-value"));
  });
  test("property: dotted codes as text are unchanged; as numbers they come back without noise", () => {
    const code = fc
      .array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 5 })
      .map((a) => a.join("."));
    fc.assert(
      fc.property(code, (c) => {
        expect(parseWbs(c)).toEqual(okValue(c, true));
        if (/^\d+(\.\d*[1-9])?$/.test(c)) expect(parseWbs(Number(c))).toEqual(okValue(c, false));
      }),
    );
  });
});

describe("parseWbsList", () => {
  test("every separator", () => {
    expect(parseWbsList("1.1,1.2，1.3、1.4;1.5；1.6 1.7\u30001.8")).toEqual(
      okValue(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"], true),
    );
    expect(parseWbsList(" 3 , 4 ")).toEqual(okValue(["3", "4"], true));
    expect(parseWbsList("1.10")).toEqual(okValue(["1.10"], true));
  });
  test("a number is one code", () => {
    expect(parseWbsList(3)).toEqual(okValue(["3"], false));
    expect(parseWbsList(1.1000000000000001)).toEqual(okValue(["1.1"], false));
  });
  test("empty and error values", () => {
    expect(parseWbsList(undefined)).toEqual(EMPTY);
    expect(parseWbsList("—")).toEqual(EMPTY);
    expect(parseWbsList(",，、")).toEqual(EMPTY);
    expect(parseWbsList(REF)).toEqual(invalid("error-value"));
  });
  test("property: codes joined with any separators parse back to the list", () => {
    const code = fc
      .array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 3 })
      .map((a) => a.join("."));
    const sep = fc.constantFrom(",", "，", "、", ";", "；", " ", ", ", " 、 ", "\u3000");
    fc.assert(
      fc.property(fc.array(fc.tuple(code, sep), { minLength: 1, maxLength: 6 }), (items) => {
        const s = items.map(([c, sp], i) => (i === 0 ? c : sp + c)).join("");
        expect(parseWbsList(s)).toEqual(
          okValue(
            items.map(([c]) => c),
            true,
          ),
        );
      }),
    );
  });
});

describe("displayValue", () => {
  test("what the user sees", () => {
    expect(displayValue(undefined, false)).toBe("");
    expect(displayValue({ value: 46349, numFmt: "yyyy/m/d" }, false)).toBe("2026-11-23");
    expect(displayValue({ value: 44887, numFmt: "yyyy-mm-dd" }, true)).toBe("2026-11-23");
    expect(displayValue({ value: 0.85, numFmt: "0%" }, false)).toBe("85%");
    expect(displayValue({ value: 0.855, numFmt: "0.0%" }, false)).toBe("85.5%");
    expect(displayValue({ value: 0.07, numFmt: "0%" }, false)).toBe("7%");
    expect(displayValue({ value: NA }, false)).toBe("#N/A");
    expect(displayValue({ value: REF }, false)).toBe("#REF!");
    expect(displayValue({ value: "2026/11/23" }, false)).toBe("2026/11/23");
    expect(displayValue({ value: true }, false)).toBe("TRUE");
    expect(displayValue({ value: 1234.5 }, false)).toBe("1234.5");
    expect(displayValue({ value: 0.1 + 0.2 }, false)).toBe("0.3");
    expect(displayValue({ value: 1234567.5, numFmt: "#,##0.00" }, false)).toBe("1,234,567.50");
    expect(displayValue({ value: -1234, numFmt: "#,##0.00_);(#,##0.00)" }, false)).toBe("-1,234.00");
    expect(displayValue({ value: 1.1, numFmt: "0.00" }, false)).toBe("1.10");
    expect(displayValue({ value: 60, numFmt: "yyyy-mm-dd" }, false)).toBe("60");
  });
});

describe("robustness", () => {
  const anyCell: fc.Arbitrary<CellValue | undefined> = fc.oneof(
    fc.string({ unit: "binary" }),
    fc.string({ unit: fc.constantFrom(..."0123456789-/.,，、;%％¥￥()（）年月日号万元至~ 　+eE") }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(undefined),
    fc.string().map((error) => ({ error })),
  );
  const anyFmt = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom("yyyy-mm-dd", "0.00", "0%", "General", "[h]:mm", '"m"0', "@"),
    fc.string({ unit: "binary" }),
  );

  test("parsers never throw and always return a well-formed result", () => {
    fc.assert(
      fc.property(anyCell, anyFmt, fc.boolean(), (v, numFmt, flag) => {
        const results: Parsed<unknown>[] = [
          parseDate(v, { date1904: flag, numFmt }),
          parseMoney(v, { scale: flag ? 10000 : 1 }),
          parsePercent(v, { numFmt, fractions: flag }),
          parseYesNo(v),
          parseText(v),
          parseWbs(v, numFmt),
          parseWbsList(v),
        ];
        for (const r of results) {
          expect(["empty", "ok", "invalid"]).toContain(r.status);
          if (r.status === "ok" && typeof r.value === "number") expect(Number.isFinite(r.value)).toBe(true);
        }
        if (typeof v === "object") for (const r of results) expect(r).toEqual(invalid("error-value"));
        expect(typeof displayValue(v === undefined ? undefined : { value: v, numFmt }, flag)).toBe("string");
        expect(typeof isDateFormat(numFmt)).toBe("boolean");
        expect(typeof isBlank(v)).toBe("boolean");
        expect(typeof columnIsFractions([v === undefined ? undefined : { value: v, numFmt }])).toBe(
          "boolean",
        );
        if (typeof v === "string") {
          expect(typeof toHalfWidth(v)).toBe("string");
          unitScale(v);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("blank cells are empty for every parser", () => {
    fc.assert(
      fc.property(fc.constantFrom(undefined, "", " ", "\u3000", "-", "—", "－", "——", "\t"), (v) => {
        for (const r of [
          parseDate(v, { date1904: false }),
          parseMoney(v),
          parsePercent(v, { fractions: false }),
          parseYesNo(v),
          parseText(v),
          parseWbs(v),
          parseWbsList(v),
        ])
          expect(r).toEqual(EMPTY);
      }),
    );
  });
});

describe("一 typed for a dash", () => {
  test("is nothing in a money, percent or date cell", () => {
    expect(parseMoney("一")).toEqual({ status: "empty" });
    expect(parseMoney(" 一 ")).toEqual({ status: "empty" });
    expect(parsePercent("一", { fractions: false })).toEqual({ status: "empty" });
    expect(parseDate("一", { date1904: false })).toEqual({ status: "empty" });
  });

  test("stays text where text belongs (a 序号 of 一 is a heading number), and 一万 is still money", () => {
    expect(parseText("一")).toMatchObject({ status: "ok", value: "一" });
    expect(parseWbs("一")).toMatchObject({ status: "ok", value: "一" });
    expect(parseMoney("一一")).toMatchObject({ status: "invalid" });
  });
});
