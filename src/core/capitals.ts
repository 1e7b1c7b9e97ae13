/**
 * Amounts in Chinese financial capitals (大写金额), as written on cheques, receipts and the
 * product's notices (SPEC §6), by the rules of 《会计基础工作规范》:
 * - Units are 亿, 万 and 仟佰拾 inside each four-digit section; 拾 always carries its digit
 *   (10 → 壹拾元), since a bare 拾 can be altered.
 * - Every run of zero digits between two non-zero digits of the yuan amount is one 零 (1004 →
 *   壹仟零肆; 100001000 → 壹亿零壹仟). Where the rules leave the 零 optional — a zero in the 万
 *   or 亿 place before a non-zero 仟 — we write it (105000 → 壹拾万零伍仟), as most cashiers do;
 *   zeros at the end are not written (300000 → 叁拾万).
 * - A whole-yuan amount ends in 元整. Below one yuan: 角 and 分; a missing 角 before 分 is 零
 *   (120.05 → 壹佰贰拾元零伍分); no 零 between 元 and 角 (100.5 → 壹佰元伍角); an amount below
 *   one yuan has no 元 (0.05 → 伍分).
 * - Rounded half away from zero to 分; negatives carry 负 after 人民币.
 */

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const SECTION_UNITS = ["仟", "佰", "拾", ""];

/** 1–9999 as capitals; inner zero runs become one 零, trailing zeros vanish. */
function section(n: number): string {
  const ds = String(n).padStart(4, "0");
  let out = "";
  let started = false;
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = Number(ds[i]);
    if (d === 0) {
      zero = started;
      continue;
    }
    if (zero) out += "零";
    out += DIGITS[d] + SECTION_UNITS[i];
    started = true;
    zero = false;
  }
  return out;
}

/** A positive whole number as capitals: 亿 and 万 sections, a 零 wherever zeros sit between digits. */
function whole(n: number): string {
  if (n >= 1e8) {
    const hi = Math.floor(n / 1e8);
    const lo = n - hi * 1e8;
    return whole(hi) + "亿" + (lo === 0 ? "" : (hi % 10 === 0 || lo < 1e7 ? "零" : "") + whole(lo));
  }
  if (n >= 1e4) {
    const hi = Math.floor(n / 1e4);
    const lo = n - hi * 1e4;
    return section(hi) + "万" + (lo === 0 ? "" : (hi % 10 === 0 || lo < 1e3 ? "零" : "") + section(lo));
  }
  return section(n);
}

/** Largest amount whose 分 are still exact in a double (about 90 万亿元); larger is not an amount. */
export const MAX_YUAN = Math.floor(Number.MAX_SAFE_INTEGER / 100);

/**
 * `amount` yuan as 人民币…元整 / …角…分. Throws a RangeError for NaN, infinities and amounts
 * beyond about 90 万亿, where a double no longer holds every 分.
 */
export function toCapitals(amount: number): string {
  if (!Number.isFinite(amount) || Math.abs(amount) > MAX_YUAN) {
    throw new RangeError(`amount out of range: ${amount}`);
  }
  // toPrecision(15) first: 1.005 * 100 is 100.49999999999999 in binary, and should round up.
  const cents = Math.round(Number((Math.abs(amount) * 100).toPrecision(15)));
  const yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  const sign = amount < 0 && cents > 0 ? "负" : "";
  let out: string;
  if (cents === 0) out = "零元整";
  else {
    out = yuan > 0 ? whole(yuan) + "元" : "";
    if (jiao === 0 && fen === 0) out += "整";
    else {
      if (jiao > 0) out += DIGITS[jiao] + "角";
      else if (yuan > 0) out += "零";
      if (fen > 0) out += DIGITS[fen] + "分";
    }
  }
  return `人民币${sign}${out}`;
}

/** `amount` in figures as finance writes it beside the capitals: ¥1,234,567.80. */
export function toFigures(amount: number): string {
  const cents = Math.round(Number((Math.abs(amount) * 100).toPrecision(15)));
  const yuan = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+$)/g, ",");
  const sign = amount < 0 && cents > 0 ? "-" : "";
  return `${sign}¥${yuan}.${String(cents % 100).padStart(2, "0")}`;
}
