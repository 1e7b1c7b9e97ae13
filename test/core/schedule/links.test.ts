import fc from "fast-check";
import { formatLinks, parseLinks, type Link } from "../../../src/core/schedule/links";

const fs = (predecessor: string, lag = 0, lagUnit: Link["lagUnit"] = "workday"): Link => ({
  predecessor,
  type: "FS",
  lag,
  lagUnit,
});

describe("MS Project notation", () => {
  test.each<[string | number, Link[]]>([
    ["3", [fs("3")]],
    [3, [fs("3")]],
    ["3FS", [fs("3")]],
    ["3FS+2 工作日", [fs("3", 2)]],
    ["3FS+2个工作日", [fs("3", 2)]],
    ["3fs+2wd", [fs("3", 2)]],
    ["3FS+2", [fs("3", 2)]],
    ["5SS-1d", [{ predecessor: "5", type: "SS", lag: -1, lagUnit: "workday" }]],
    ["7FF+1天", [{ predecessor: "7", type: "FF", lag: 1, lagUnit: "workday" }]],
    ["2SF", [{ predecessor: "2", type: "SF", lag: 0, lagUnit: "workday" }]],
    ["3FS+2ed", [fs("3", 2, "calendarDay")]],
    ["3FS+2 自然日", [fs("3", 2, "calendarDay")]],
    ["1.2.3SS+1", [{ predecessor: "1.2.3", type: "SS", lag: 1, lagUnit: "workday" }]],
    ["３ＦＳ＋２", [fs("3", 2)]],
    ["3FS+1周", [fs("3", 5)]],
    ["3FS+2w", [fs("3", 10)]],
    ["3FS-1 星期", [fs("3", -5)]],
    ["3FS+1ew", [fs("3", 7, "calendarDay")]],
    ["3FS+1自然周", [fs("3", 7, "calendarDay")]],
  ])("%s", (cell, links) => {
    expect(parseLinks(cell)).toEqual({ links, problems: [] });
  });

  test("Chinese link names", () => {
    expect(parseLinks("3完成-开始+2、4开始-开始、5完成-完成-1天；6开始-完成").links).toEqual([
      fs("3", 2),
      { predecessor: "4", type: "SS", lag: 0, lagUnit: "workday" },
      { predecessor: "5", type: "FF", lag: -1, lagUnit: "workday" },
      { predecessor: "6", type: "SF", lag: 0, lagUnit: "workday" },
    ]);
  });

  test("every separator a planner types", () => {
    expect(parseLinks("1,2，3、4;5；6\n7").links.map((l) => l.predecessor)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
    ]);
  });

  test("a percent lag is refused with its reason; the rest of the cell is still read", () => {
    const r = parseLinks("3FS+50%, 4");
    expect(r.links).toEqual([fs("4")]);
    expect(r.problems).toEqual([
      { text: "3FS+50%", reason: "“3FS+50%”的百分比延隔暂不支持，请写成工作日，如 3FS+2 工作日" },
    ]);
  });

  test("a fractional lag and an unreadable item are problems", () => {
    const r = parseLinks("3FS+1.5d，设计阶段");
    expect(r.links).toEqual([]);
    expect(r.problems.map((p) => p.reason)).toEqual([
      "“3FS+1.5d”的延隔须为整数天",
      "无法识别前置任务“设计阶段”，应如 3、3FS+2 工作日、5SS-1d、7完成-完成+1天",
    ]);
  });

  test("blank cells have no links", () => {
    expect(parseLinks("")).toEqual({ links: [], problems: [] });
    expect(parseLinks(undefined)).toEqual({ links: [], problems: [] });
    expect(parseLinks(" ， ")).toEqual({ links: [], problems: [] });
  });
});

/** 标识号 and WBS codes as planners write them: 12, 1.2.3, A3.1. */
const predecessor = fc
  .tuple(
    fc.constantFrom("", "A", "T"),
    fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 4 }),
  )
  .map(([p, parts]) => p + parts.join("."));
const link: fc.Arbitrary<Link> = fc
  .record({
    predecessor,
    type: fc.constantFrom<Link["type"]>("FS", "SS", "FF", "SF"),
    lag: fc.integer({ min: -400, max: 400 }),
    lagUnit: fc.constantFrom<Link["lagUnit"]>("workday", "calendarDay"),
  })
  .map((l) => (l.lag === 0 ? { ...l, lagUnit: "workday" as const } : l));

test("formatLinks reads back to the same links (fast-check)", () => {
  fc.assert(
    fc.property(fc.array(link, { maxLength: 6 }), (links) => {
      expect(parseLinks(formatLinks(links))).toEqual({ links, problems: [] });
    }),
  );
});

test("never throws, and every non-blank item is a link or a problem (fast-check)", () => {
  const pieces = fc.constantFrom(
    "3",
    "FS",
    "SS",
    "+",
    "-",
    "2",
    "d",
    "ed",
    "%",
    "工作日",
    "完成",
    "-开始",
    ",",
    "、",
    " ",
    ".",
    "\n",
  );
  const cell = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.array(pieces, { maxLength: 12 }).map((a) => a.join("")),
  );
  fc.assert(
    fc.property(cell, (text) => {
      const r = parseLinks(text);
      const items = text
        .normalize("NFKC")
        .split(/[,;、\n\r]+/)
        .filter((s) => s.trim()).length;
      expect(r.links.length + r.problems.length).toBe(items);
    }),
    { numRuns: 2000 },
  );
});

test("a very long cell is one problem, read in linear time", () => {
  const r = parseLinks("1".repeat(20_000));
  expect(r.links).toEqual([]);
  expect(r.problems[0].reason).toBe("前置任务过长（20000 个字符），未读取");
});
