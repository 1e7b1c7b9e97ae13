import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  convertedAgain,
  scoreFile,
  totals,
  totalsBySet,
  type FoundTable,
  type LabelFile,
} from "../../bench/real-workbooks";

/** Invented labels: a schedule with a band row, a contract ledger, a payables plan and a group of two. */
const label: LabelFile = {
  file: "invented.xlsx",
  source: { repository: "example/none", path: "invented.xlsx", commit: "0".repeat(40) },
  sha256: "0".repeat(64),
  domain: true,
  tables: [
    {
      sheet: "计划",
      kind: "schedule",
      header: [3, 4],
      data: [5, 20],
      keys: { task: "B", planStart: "C", planEnd: "D" },
      nonData: [9],
    },
    {
      sheet: "合同",
      kind: "contracts",
      header: [2, 2],
      keys: { contractNo: ["C", "B"], signDate: "J" },
    },
    { sheet: "付款", kind: "payables", header: [3, 5], keys: { contractNo: "B" }, optional: true },
    { sheet: "甲", kind: "payments", header: [6, 6], keys: { dueDate: "A" }, group: "per contract" },
    { sheet: "乙", kind: "payments", header: [7, 7], keys: { dueDate: "A" }, group: "per contract" },
  ],
};

const schedule: FoundTable = {
  sheet: "计划",
  kind: "schedule",
  headerRow: 3,
  columns: { task: "B", planStart1: "C", planEnd1: "D", owner: "G" },
};

describe("real-workbook scoring", () => {
  it("counts a table found on its header band with every key column, numbered groups included", () => {
    const s = scoreFile(label, [schedule], []);
    expect(s.found).toBe(1);
    expect(s.required).toBe(2);
    expect(s.missed).toEqual(["合同!2 contracts"]);
  });

  it("takes a table read as the optional second reading of its rows for that reading, not a wrong kind", () => {
    const ledger: LabelFile = {
      ...label,
      tables: [
        { sheet: "项目", kind: "contracts", header: [1, 1], keys: { contractNo: "AH", amount: "AL" } },
        {
          sheet: "项目",
          kind: "schedule",
          header: [1, 1],
          keys: { task: "I", planEnd: "G" },
          optional: true,
        },
      ],
    };
    const asPlan: FoundTable = { sheet: "项目", kind: "schedule", headerRow: 1, columns: { task: "I" } };
    const s = scoreFile(ledger, [asPlan], []);
    expect(s.wrongKind).toEqual([]);
    expect(s.optionalFound).toEqual(["项目!1 schedule"]);
    // The required reading is still missed.
    expect(s.found).toBe(0);
    expect(s.missed).toEqual(["项目!1 contracts"]);
    const asPayments: FoundTable = { ...asPlan, kind: "payments" };
    expect(scoreFile(ledger, [asPayments], []).wrongKind).toEqual(["项目!1 contracts read as payments"]);
  });

  it("accepts any of the acceptable letters and names the key columns that were mapped elsewhere", () => {
    const contracts: FoundTable = {
      sheet: "合同",
      kind: "contracts",
      headerRow: 2,
      columns: { contractNo: "B", signDate: "K" },
    };
    const s = scoreFile(label, [contracts], []);
    expect(s.found).toBe(0);
    expect(s.wrongKeys).toEqual(["合同!2 contracts: signDate@J"]);
  });

  it("counts a plan with phases across columns only when every phase and the tasks they make were read", () => {
    const phased: LabelFile = {
      ...label,
      tables: [
        {
          ...label.tables[0],
          phases: { 需求: "C-D", 设计: "E-F" },
          tasks: 30,
        },
      ],
    };
    const firstOnly: FoundTable = { ...schedule, columns: { task: "B", planStart: "C", planEnd: "D" } };
    expect(scoreFile(phased, [firstOnly], []).wrongKeys).toEqual([
      "计划!3-4 schedule: phases 需求@C-D 设计@E-F (read: none), tasks 30 (read: one per row)",
    ]);
    const both: FoundTable = {
      ...firstOnly,
      phases: [
        { name: "需求", start: "C", end: "D" },
        { name: "设计", start: "E", end: "F" },
      ],
      tasks: 30,
    };
    expect(scoreFile(phased, [both], []).found).toBe(1);
  });

  it("accepts either field of a key written a|b", () => {
    const one: LabelFile = {
      ...label,
      tables: [
        { sheet: "计划", kind: "schedule", header: [1, 1], keys: { task: "C", "planStart|planEnd": "D" } },
      ],
    };
    const found = (columns: Record<string, string>): FoundTable => ({
      sheet: "计划",
      kind: "schedule",
      headerRow: 1,
      columns,
    });
    expect(scoreFile(one, [found({ task: "C", planEnd: "D" })], []).found).toBe(1);
    expect(scoreFile(one, [found({ task: "C", planStart: "D" })], []).found).toBe(1);
    expect(scoreFile(one, [found({ task: "C", actualEnd: "D" })], []).found).toBe(0);
  });

  it("counts error findings on rows that are not data — labelled rows and header rows below the one taken", () => {
    const s = scoreFile(
      label,
      [schedule],
      [
        { rule: "cell.required", severity: "error", sheet: "计划", row: 4 },
        { rule: "cell.required", severity: "error", sheet: "计划", row: 9 },
        { rule: "date.order", severity: "error", sheet: "计划", row: 10 },
        { rule: "date.order", severity: "warning", sheet: "计划", row: 9 },
      ],
    );
    expect(s.nonDataErrors).toBe(2);
    expect(s.nonDataErrorRules).toEqual({ "cell.required": 2 });
  });

  it("calls a table outside the labels false, and a payables plan read as receivable dangerous", () => {
    const s = scoreFile(
      label,
      [
        { sheet: "说明", kind: "contracts", headerRow: 1, lastRow: 5, columns: {} },
        { sheet: "付款", kind: "payments", headerRow: 3, columns: {} },
      ],
      [{ rule: "cell.required", severity: "error", sheet: "说明", row: 2 }],
    );
    expect(s.falseTables).toEqual(["说明!1 contracts"]);
    expect(s.errorsInFalseTables).toBe(1);
    expect(s.wrongKind).toEqual(["付款!3-5 payables read as payments"]);
    expect(s.payablesAsReceivable).toEqual(["付款!3-5 payables"]);
  });

  it("weighs a group as one table in recall and a file that could not be checked as found nothing", () => {
    const one = scoreFile(
      label,
      [schedule, { sheet: "甲", kind: "payments", headerRow: 6, columns: { dueDate: "A" } }],
      [],
    );
    expect(one.groups).toEqual({ "per contract": { found: 1, of: 2 } });
    const t = totals([
      { label, score: one },
      { label, score: null, failed: "timed out" },
    ]);
    // (1 found + the group's 1 of 4) / (2 + 2 required + 1 group)
    expect(t.groups).toEqual({ "per contract": { found: 1, of: 4 } });
    expect(t.recall).toBe(0.25);
    expect(t.failedFiles).toBe(1);
  });
});

describe("workbooks never tuned on", () => {
  it("are scored on their own beside the ones the recognition was tuned on", () => {
    const tuned: LabelFile = { ...label, file: "tuned.xlsx" };
    const unseen: LabelFile = { ...label, file: "unseen.xlsx", set: "heldout" };
    const nothing: LabelFile = { ...label, file: "form.xlsx", set: "heldout", domain: false, tables: [] };
    const contracts: FoundTable = {
      sheet: "合同",
      kind: "contracts",
      headerRow: 2,
      columns: { contractNo: "C", signDate: "J" },
    };
    const byset = totalsBySet([
      { label: tuned, score: scoreFile(tuned, [schedule, contracts], []) },
      { label: unseen, score: scoreFile(unseen, [schedule], []) },
      { label: nothing, score: scoreFile(nothing, [schedule], []) },
    ]);
    expect(Object.keys(byset)).toEqual(["heldout", "tuned"]);
    expect(byset.tuned).toMatchObject({ files: 1, requiredFound: 2, required: 2, falseTables: 0 });
    expect(byset.heldout).toMatchObject({
      files: 2,
      requiredFound: 1,
      required: 2,
      falseTables: 1,
      falseTablesOnNonDomainFiles: 1,
    });
  });
});

describe("a workbook converted from .xls again on another machine", () => {
  it("counts as the labelled one only when the sidecar names the original the label was made from", () => {
    const dir = mkdtempSync(join(tmpdir(), "ptrack-real-"));
    try {
      const path = join(dir, "plan.xlsx");
      writeFileSync(path, "other bytes");
      const converted: LabelFile = { ...label, convertedFrom: { path: "plan.xls", sha256: "a".repeat(64) } };
      expect(convertedAgain(path, converted)).toBe(false);
      writeFileSync(`${path}.original-sha256`, `${"a".repeat(64)}\n`);
      expect(convertedAgain(path, converted)).toBe(true);
      writeFileSync(`${path}.original-sha256`, "b".repeat(64));
      expect(convertedAgain(path, converted)).toBe(false);
      // A workbook not converted is judged by its own bytes alone.
      expect(convertedAgain(path, label)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
