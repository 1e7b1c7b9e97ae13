/** Day numbers and dates stay right however many distinct dates a check counts. */

import { addDays, dayNumber, DATE_MEMO_LIMIT, diffDays, fromDayNumber } from "../../src/core/dates";

const utc = (d: string) =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

describe("dayNumber and fromDayNumber", () => {
  it("agree with Date.UTC, asked once or many times, past the number of dates they remember", () => {
    const first = dayNumber("2020-01-01");
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < DATE_MEMO_LIMIT * 2 + 3; i += 7) {
        const d = fromDayNumber(first + i);
        expect(new Date((first + i) * 86_400_000).toISOString().slice(0, 10)).toBe(d);
        expect(dayNumber(d)).toBe(utc(d));
      }
    expect(diffDays("2024-02-28", "2024-03-01")).toBe(2);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(fromDayNumber(0)).toBe("1970-01-01");
    expect(dayNumber("1970-01-01")).toBe(0);
  });
});
