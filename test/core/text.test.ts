/** Header and label text as recognition compares it. */

import {
  COMPACT_MEMO_LENGTH,
  COMPACT_MEMO_LIMIT,
  compact,
  compactMemoSize,
  halfWidth,
} from "../../src/core/text";

describe("compact", () => {
  it("half-widths and drops every space, line break and zero-width character", () => {
    expect(compact("合 计")).toBe("合计");
    expect(compact("计划\n开始")).toBe("计划开始");
    expect(compact("【阶段】\u3000ＷＢＳ\u200b")).toBe("[阶段]WBS");
    expect(halfWidth("（１）")).toBe("(1)");
  });

  it("answers the same again, and still right after more distinct texts than it remembers", () => {
    expect(compact(" 备 注 ")).toBe("备注");
    expect(compact(" 备 注 ")).toBe("备注");
    for (let i = 0; i <= COMPACT_MEMO_LIMIT + 5; i++) expect(compact(`行 ${i}`)).toBe(`行${i}`);
    expect(compact(" 备 注 ")).toBe("备注");
    expect(compact("Ａ Ｂ")).toBe("AB");
  });

  it("compacts a long text as any other but does not keep it: a sheet of long notes holds no megabytes", () => {
    const note = `第一段 说明，`.repeat(COMPACT_MEMO_LENGTH);
    const before = compactMemoSize();
    expect(compact(note)).toBe("第一段说明,".repeat(COMPACT_MEMO_LENGTH));
    expect(compactMemoSize()).toBe(before);
    compact("短 文本");
    expect(compactMemoSize()).toBe(before + 1);
  });
});
