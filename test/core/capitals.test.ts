import fc from "fast-check";
import { toCapitals, toFigures } from "../../src/core/capitals";

// Expected values worked out by hand from 《会计基础工作规范》 (see capitals.ts), not copied.
const TABLE: Array<[number, string]> = [
  [0, "零元整"],
  [0.01, "壹分"],
  [0.05, "伍分"],
  [0.1, "壹角"],
  [0.55, "伍角伍分"],
  [1, "壹元整"],
  [10, "壹拾元整"],
  [11, "壹拾壹元整"],
  [20, "贰拾元整"],
  [100, "壹佰元整"],
  [101, "壹佰零壹元整"],
  [110, "壹佰壹拾元整"],
  [1001, "壹仟零壹元整"],
  [1010, "壹仟零壹拾元整"],
  [1100, "壹仟壹佰元整"],
  [10000, "壹万元整"],
  [10001, "壹万零壹元整"],
  [10010, "壹万零壹拾元整"],
  [10100, "壹万零壹佰元整"],
  [11000, "壹万壹仟元整"],
  [100.5, "壹佰元伍角"],
  [120.05, "壹佰贰拾元零伍分"],
  [600.07, "陆佰元零柒分"],
  [1004.3, "壹仟零肆元叁角"],
  [40000.4, "肆万元肆角"],
  [105000, "壹拾万零伍仟元整"],
  [107000.53, "壹拾万零柒仟元伍角叁分"],
  [300000, "叁拾万元整"],
  [1000100, "壹佰万零壹佰元整"],
  [1010000, "壹佰零壹万元整"],
  [10010000, "壹仟零壹万元整"],
  [123456.78, "壹拾贰万叁仟肆佰伍拾陆元柒角捌分"],
  [1000000.7, "壹佰万元柒角"],
  [1234567.8, "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角"],
  [2000600, "贰佰万零陆佰元整"],
  [1000010.07, "壹佰万零壹拾元零柒分"],
  [1010101.01, "壹佰零壹万零壹佰零壹元零壹分"],
  [10000000, "壹仟万元整"],
  [100000000, "壹亿元整"],
  [100000000.01, "壹亿元零壹分"],
  [100001000, "壹亿零壹仟元整"],
  [100010000, "壹亿零壹万元整"],
  [100100000, "壹亿零壹拾万元整"],
  [110000000, "壹亿壹仟万元整"],
  [123456789.12, "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分"],
  [1000000000, "壹拾亿元整"],
  [2050000000, "贰拾亿零伍仟万元整"],
  [2005000000, "贰拾亿零伍佰万元整"],
  [1000000000000, "壹万亿元整"],
  [1000000000001, "壹万亿零壹元整"],
];

describe("toCapitals", () => {
  test.each(TABLE)("%p → 人民币%s", (amount, expected) => {
    expect(toCapitals(amount)).toBe(`人民币${expected}`);
  });

  test.each([
    [1.005, "人民币壹元零壹分"],
    [0.004, "人民币零元整"],
    [0.005, "人民币壹分"],
    [99.999, "人民币壹佰元整"],
    [2.675, "人民币贰元陆角捌分"],
  ])("rounds %p half away from zero to 分 → %s", (amount, expected) => {
    expect(toCapitals(amount)).toBe(expected);
  });

  test("negatives carry 负; an amount that rounds to zero does not", () => {
    expect(toCapitals(-100.5)).toBe("人民币负壹佰元伍角");
    expect(toCapitals(-300000)).toBe("人民币负叁拾万元整");
    expect(toCapitals(-0.001)).toBe("人民币零元整");
  });

  test("refuses what it cannot write exactly", () => {
    for (const bad of [NaN, Infinity, -Infinity, 1e15]) expect(() => toCapitals(bad)).toThrow(RangeError);
  });

  test("never a doubled 零, never a trailing 零, 拾 always carries its digit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999_99 }), (cents) => {
        const s = toCapitals(cents / 100);
        expect(s).toMatch(/^人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
        expect(s).not.toMatch(/零零|零[元万亿角分整]|^人民币拾|[元万亿零]拾/);
        expect(s.endsWith("整")).toBe(cents % 100 === 0);
      }),
    );
  });

  test("the digits read back: capitals and figures agree", () => {
    const value = (s: string): number => {
      const d = (ch: string) => "零壹贰叁肆伍陆柒捌玖".indexOf(ch);
      const body = s.replace(/^人民币/, "").replace(/整$/, "");
      let total = 0;
      let yi = 0;
      let wan = 0;
      let sec = 0;
      let digit = 0;
      for (const ch of body) {
        if (d(ch) >= 0) digit = d(ch);
        else if (ch === "拾" || ch === "佰" || ch === "仟") {
          sec += digit * { 拾: 10, 佰: 100, 仟: 1000 }[ch];
          digit = 0;
        } else if (ch === "万") {
          wan += (sec + digit) * 1e4;
          sec = digit = 0;
        } else if (ch === "亿") {
          yi = (yi + wan + sec + digit) * 1e8;
          wan = sec = digit = 0;
        } else if (ch === "元") {
          total = yi + wan + sec + digit;
          yi = wan = sec = digit = 0;
        } else if (ch === "角") {
          total += digit / 10;
          digit = 0;
        } else if (ch === "分") {
          total += digit / 100;
          digit = 0;
        }
      }
      return Math.round(total * 100);
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999_99 }), (cents) => {
        expect(value(toCapitals(cents / 100))).toBe(cents);
      }),
    );
  });
});

describe("toFigures", () => {
  test.each([
    [0, "¥0.00"],
    [0.05, "¥0.05"],
    [100.5, "¥100.50"],
    [300000, "¥300,000.00"],
    [1000010.07, "¥1,000,010.07"],
    [1.005, "¥1.01"],
    [-1234.5, "-¥1,234.50"],
  ])("%p → %s", (amount, expected) => {
    expect(toFigures(amount)).toBe(expected);
  });
});
