/** The people a worklist finding is filed under, worked out once per row and contract. */

import type { FieldCell, TypedRow } from "../../src/core/rows";
import { peopleOf } from "../../src/taskpane/jobs";

const text = (field: string, value: string): FieldCell => ({
  field,
  type: "text",
  col: 1,
  cell: "A1",
  header: field,
  display: value,
  parsed: value === "" ? { status: "empty" } : { status: "ok", value, fromText: true },
});

const row = (r: number, fields: Record<string, string>): TypedRow => ({
  sheet: "表",
  row: r,
  groups: [],
  fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, text(k, v)])),
});

describe("peopleOf", () => {
  const contract = row(2, { contractNo: "HT-1", serviceManager: "刘芳", salesManager: "陈刚、李娜" });
  const task = row(9, { owner: "李娜，赵强", contractNo: "HT-1" });
  const contracts = new Map([["HT-1", contract]]);

  it("names the row's people, then its contract's, each once, split at 、，, / ; and spaces", () => {
    const who = peopleOf(contracts);
    expect(who(task, "HT-1")).toEqual(["李娜", "赵强", "刘芳", "陈刚"]);
    expect(who(contract, "HT-1")).toEqual(["刘芳", "陈刚", "李娜"]);
    expect(who(task, undefined)).toEqual(["李娜", "赵强"]);
    expect(who(undefined, "HT-1")).toEqual(["刘芳", "陈刚", "李娜"]);
  });

  it("is undefined for a row without people and an unknown contract", () => {
    const who = peopleOf(contracts);
    expect(who(row(5, { task: "设计" }), "HT-9")).toBeUndefined();
    expect(who(undefined, undefined)).toBeUndefined();
  });

  it("keeps the answer per row and contract: another contract on the same row is asked again", () => {
    const other = row(3, { contractNo: "HT-2", serviceManager: "王伟" });
    const who = peopleOf(new Map([...contracts, ["HT-2", other]]));
    const first = who(task, "HT-1");
    expect(who(task, "HT-1")).toBe(first);
    expect(who(task, "HT-2")).toEqual(["李娜", "赵强", "王伟"]);
    expect(who(task, "HT-1")).toEqual(["李娜", "赵强", "刘芳", "陈刚"]);
  });
});
