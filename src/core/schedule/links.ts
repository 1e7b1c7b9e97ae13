/**
 * A 前置任务 cell read as links, in MS Project's notation and its Chinese names:
 *
 *   3            finish-to-start, no lag
 *   3FS+2 工作日  finish-to-start, 2 working days of lag
 *   5SS-1d       start-to-start, 1 working day of lead
 *   7FF+1天      finish-to-finish, 1 working day
 *   2SF          start-to-finish
 *   3完成-开始+2  (完成-开始 FS, 开始-开始 SS, 完成-完成 FF, 开始-完成 SF)
 *
 * several separated by , ， 、 ; ； or a line break. The predecessor is the 标识号 or the WBS code
 * (letters, digits, dots, underscores: `1.2.3SS`).
 *
 * Lag units follow MS Project, where `d` means working days and `ed` elapsed (calendar) days:
 * 工作日, 个工作日, 工作天, wd, d, day(s), 天, 日 and a bare number count working days on the
 * project's calendar (with 调休); ed, eday(s), 自然日, 日历日, 日历天 count calendar days. A plain 天
 * is a working day because that is what MS Project's Chinese edition means by it and what a planner
 * counting a lag on a schedule means; whoever means calendar days must say 自然日.
 *
 * Weeks are 5 working days (周, 星期, w, wk, week) or 7 calendar days (ew, 自然周), MS Project's
 * defaults; a link keeps its lag in days.
 *
 * Lags are whole days (the schedule has no hours). Percent lags (`3FS+50%`) are refused with a
 * reason rather than guessed. The parser never throws: anything it cannot read becomes a problem
 * quoting the piece of text, and the rest of the cell is still read.
 */

export type LinkType = "FS" | "SS" | "FF" | "SF";
export type LagUnit = "workday" | "calendarDay";

export interface Link {
  /** 标识号 or WBS code of the predecessor, as typed (NFKC-normalised, trimmed). */
  predecessor: string;
  type: LinkType;
  /** Whole days; negative is a lead. */
  lag: number;
  lagUnit: LagUnit;
}

export interface LinkProblem {
  /** The piece of the cell that could not be read. */
  text: string;
  /** One sentence for the user. */
  reason: string;
}

export interface ParsedLinks {
  links: Link[];
  problems: LinkProblem[];
}

const CHINESE_TYPES: Record<string, LinkType> = {
  完成开始: "FS",
  开始开始: "SS",
  完成完成: "FF",
  开始完成: "SF",
};

const DASH = "[-–—~]?";
const TYPE = `FS|SS|FF|SF|完成\\s*${DASH}\\s*开始|开始\\s*${DASH}\\s*开始|完成\\s*${DASH}\\s*完成|开始\\s*${DASH}\\s*完成`;
const WORK_UNITS = ["个工作日", "工作日", "工作天", "days", "day", "wd", "d", "天", "日"];
const CAL_UNITS = ["自然日", "日历日", "日历天", "edays", "eday", "ed"];
/** Weeks, as MS Project counts them by default: 5 working days, or 7 calendar days for `ew`. */
const WEEK_UNITS = ["个星期", "星期", "周", "weeks", "week", "wk", "w"];
const CAL_WEEK_UNITS = ["自然周", "ew"];
const UNIT = [...CAL_WEEK_UNITS, ...CAL_UNITS, ...WEEK_UNITS, ...WORK_UNITS, "%"].join("|");
const ITEM = new RegExp(
  `^([0-9A-Za-z][0-9A-Za-z._]*?)\\s*(${TYPE})?\\s*(?:([+-])\\s*(\\d+(?:\\.\\d+)?)\\s*(${UNIT})?)?$`,
  "i",
);
const SEPARATORS = /[,;、\n\r]+/;
/** A cell longer than this is not a predecessor list; reading it would only cost time. */
const MAX_CELL = 10_000;

const EXAMPLES = "应如 3、3FS+2 工作日、5SS-1d、7完成-完成+1天";

/** Reads a predecessor cell. Blank items are skipped; each unreadable item is one problem. */
export function parseLinks(cell: string | number | null | undefined): ParsedLinks {
  const links: Link[] = [];
  const problems: LinkProblem[] = [];
  if (cell === null || cell === undefined) return { links, problems };
  let text = typeof cell === "number" ? String(cell) : typeof cell === "string" ? cell : "";
  if (text.length > MAX_CELL) {
    problems.push({ text: text.slice(0, 40) + "…", reason: `前置任务过长（${text.length} 个字符），未读取` });
    return { links, problems };
  }
  text = text.normalize("NFKC");
  for (const raw of text.split(SEPARATORS)) {
    const item = raw.trim();
    if (!item) continue;
    const m = ITEM.exec(item);
    if (!m) {
      problems.push({ text: item, reason: `无法识别前置任务“${item}”，${EXAMPLES}` });
      continue;
    }
    const [, predecessor, typeText, sign, amount, unitText] = m;
    const type = typeText ? linkTypeOf(typeText) : "FS";
    const unit = (unitText ?? "").toLowerCase();
    if (unit === "%") {
      problems.push({ text: item, reason: `“${item}”的百分比延隔暂不支持，请写成工作日，如 3FS+2 工作日` });
      continue;
    }
    let lag = 0;
    if (amount !== undefined) {
      const n = Number(amount);
      if (!Number.isSafeInteger(n)) {
        problems.push({ text: item, reason: `“${item}”的延隔须为整数天` });
        continue;
      }
      const days = n * (WEEK_UNITS.includes(unit) ? 5 : CAL_WEEK_UNITS.includes(unit) ? 7 : 1);
      lag = sign === "-" ? -days : days;
    }
    const calendarDays = CAL_UNITS.includes(unit) || CAL_WEEK_UNITS.includes(unit);
    const lagUnit: LagUnit = calendarDays ? "calendarDay" : "workday";
    links.push({ predecessor, type, lag: lag === 0 ? 0 : lag, lagUnit: lag === 0 ? "workday" : lagUnit });
  }
  return { links, problems };
}

function linkTypeOf(text: string): LinkType {
  const upper = text.toUpperCase();
  if (upper === "FS" || upper === "SS" || upper === "FF" || upper === "SF") return upper;
  return CHINESE_TYPES[text.replace(/[\s\-–—~]/g, "")] ?? "FS";
}

/** One link in the shortest notation parseLinks reads back to the same link: `3`, `5SS-1`, `3FS+2ed`. */
export function formatLink(link: Link): string {
  const lag =
    link.lag === 0
      ? ""
      : `${link.lag > 0 ? "+" : "-"}${Math.abs(link.lag)}${link.lagUnit === "calendarDay" ? "ed" : ""}`;
  const type = link.type === "FS" && !lag ? "" : link.type;
  return `${link.predecessor}${type}${lag}`;
}

/** A cell's links, comma-separated. */
export function formatLinks(links: readonly Link[]): string {
  return links.map(formatLink).join(",");
}
