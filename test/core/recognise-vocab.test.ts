/**
 * Header sets of real office systems' exports and templates (test/fixtures/office-headers.ts), each
 * over invented rows: every one a 客服经理 would name is found as that kind with its key columns,
 * and none of the same systems' other exports (订单, 发票, 工资, 库存 …) becomes a table.
 */
import { recognise } from "../../src/core/recognise";
import { OFFICE_HEADER_SETS, officeWorkbook, type OfficeHeaderSet } from "../fixtures/office-headers";

function colLetter(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** What the product makes of a header set: kind, payable, and field → header of its column. */
function seen(set: OfficeHeaderSet) {
  const { tables } = recognise(officeWorkbook(set));
  return tables.map((t) => ({
    kind: t.kind,
    payable: t.payable === true,
    fields: Object.fromEntries(
      Object.entries(t.columns).flatMap(([f, r]) => (r ? [[f, set.headers[r.col - 1] ?? r.letter]] : [])),
    ) as Record<string, string>,
    letters: Object.fromEntries(Object.entries(t.columns).flatMap(([f, r]) => (r ? [[f, r.letter]] : []))),
  }));
}

const domain = OFFICE_HEADER_SETS.filter((s) => s.kind && !s.left);
const nearMiss = OFFICE_HEADER_SETS.filter((s) => !s.kind && !s.left);
const left = OFFICE_HEADER_SETS.filter((s) => s.left);

describe("office-system header sets a 客服经理 would name", () => {
  test.each(domain.map((s) => [s.id, s] as const))("%s", (_id, set) => {
    const tables = seen(set);
    expect(tables.map((t) => t.kind)).toEqual([set.kind]);
    const want = Object.fromEntries(
      Object.entries(set.keys ?? {}).map(([f, h]) => [f, colLetter(set.headers.indexOf(h))]),
    );
    expect(tables[0].letters).toMatchObject(want);
    expect(tables[0].payable).toBe(set.payable === true);
  });
});

describe("the same systems' other exports stay unrecognised", () => {
  test.each(nearMiss.map((s) => [s.id, s] as const))("%s", (_id, set) => {
    expect(seen(set)).toEqual([]);
  });
});

describe("left for now", () => {
  test.skip.each(left.map((s) => [`${s.id}: ${s.left}`] as const))("%s", () => {});
});
