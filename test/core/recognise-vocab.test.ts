/**
 * Header sets of real office systems' exports and templates (test/fixtures/office-headers.ts), each
 * over invented rows: every one a 客服经理 would name is found as that kind with its key columns,
 * and none of the same systems' other exports (订单, 发票, 工资, 库存 …) becomes a table.
 */
import { checkWorkbook } from "../../src/core/check";
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

/** Money we pay: payment plans to suppliers and purchase or labour contracts. */
const weOwe = OFFICE_HEADER_SETS.filter(
  (s) =>
    s.payable ||
    ["c-labor", "c-pms-purchase", "c-page-purchase", "c-purchase-ts", "c-budget-contract"].includes(s.id),
);

describe("money we owe is never dunned", () => {
  test.each(weOwe.map((s) => [s.id, s] as const))(
    "%s: no 催款通知单 even when every date is past",
    (_id, set) => {
      const r = checkWorkbook(officeWorkbook(set), { asOf: "2027-12-31" });
      expect(r.tables).toHaveLength(1);
      expect(r.notices.filter((n) => n.type === "催款通知单")).toEqual([]);
    },
  );
});

describe("left for now", () => {
  test.skip.each(left.map((s) => [`${s.id}: ${s.left}`] as const))("%s", () => {});
});
