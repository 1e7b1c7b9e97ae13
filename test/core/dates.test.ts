import fc from "fast-check";
import {
  addDays,
  dayNumber,
  diffDays,
  fromDayNumber,
  isoToSerial,
  serialToIso,
  todayInShanghai,
  weekday,
} from "../../src/core/dates";

describe("dates", () => {
  test("Excel 1900 serials around the phantom leap day", () => {
    expect(serialToIso(1)).toBe("1900-01-01");
    expect(serialToIso(59)).toBe("1900-02-28");
    expect(serialToIso(60)).toBeUndefined();
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(serialToIso(46349)).toBe("2026-11-23");
    expect(serialToIso(46349.75)).toBe("2026-11-23");
  });

  test("Excel 1904 serials", () => {
    expect(serialToIso(0.5, true)).toBeUndefined();
    expect(serialToIso(44887, true)).toBe("2026-11-23");
    expect(isoToSerial("2026-11-23", true)).toBe(44887);
  });

  test("weekday and arithmetic", () => {
    expect(weekday("2026-11-23")).toBe(1);
    expect(weekday("2026-02-14")).toBe(6);
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(diffDays("2026-02-13", "2026-02-24")).toBe(11);
  });

  test("today in Shanghai crosses midnight at 16:00 UTC", () => {
    expect(todayInShanghai(new Date("2026-11-23T15:59:59Z"))).toBe("2026-11-23");
    expect(todayInShanghai(new Date("2026-11-23T16:00:00Z"))).toBe("2026-11-24");
  });

  test("serial ↔ date round-trips for any date after 1900-03-01", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_957_003 }), fc.boolean(), (serial, d1904) => {
        const iso = serialToIso(serial, d1904)!;
        expect(isoToSerial(iso, d1904)).toBe(serial);
      }),
    );
  });

  test("day numbers round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 2_900_000 }), (n) => {
        expect(dayNumber(fromDayNumber(n))).toBe(n);
      }),
    );
  });
});
