/** Header and label text as recognition compares it. */

import { COMPACT_MEMO_LIMIT, compact, halfWidth } from "../../src/core/text";

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
});
