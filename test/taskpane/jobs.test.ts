/** The pane's jobs, as the worker runs them: plain data in, plain data out. */

import { SAMPLE_AS_OF, sampleWorkbook } from "../../src/app/sample";
import type { IsoDate } from "../../src/core/dates";
import { readRegister } from "../../src/core/register";
import { readXlsxBytes } from "../../src/host/xlsx/read";
import { writeSnapshotXlsx } from "../../src/host/xlsx/write-snapshot";
import { runJob, type Job } from "../../src/taskpane/jobs";

const base = { lang: "zh" as const, asOf: SAMPLE_AS_OF as IsoDate, now: Date.parse("2026-11-23T02:00:00Z") };

describe("pane jobs", () => {
  it("check: each finding carries its people, contract, days overdue and amount", async () => {
    const { report } = await runJob({ ...base, kind: "check", input: { snapshot: sampleWorkbook() } });
    const pay = report!.findings.filter((f) => f.rule === "contract.payment-overdue");
    expect(pay.map((f) => [f.cell, f.amount, f.days])).toEqual([
      ["P3", 70000, 268],
      ["P4", 280000, 23],
      ["P6", 490000, 3],
    ]);
    expect(pay[0].contract).toMatch(/^HT-/);
    expect(pay[0].who).toEqual(expect.arrayContaining(["陈刚", "刘芳"]));
    // A cell naming two people counts for each of them.
    expect(report!.findings.some((f) => f.who?.includes("李娜") && f.who.includes("赵强"))).toBe(true);
  });

  it("apply in Excel: hands back the patch, and the notices with the numbers the register now gives them", async () => {
    const stages: string[] = [];
    const job: Job = {
      ...base,
      kind: "apply",
      input: { snapshot: sampleWorkbook() },
      notices: true,
      user: "李娜",
    };
    const r = await runJob(job, (s) => stages.push(s));
    expect(stages).toEqual(["read", "plan", "write"]);
    expect(r.patch!.ops.length).toBeGreaterThan(0);
    expect(r.bytes).toBeUndefined();
    const issued = r.report!.notices.map((n) => n.issued);
    expect(issued.every((n) => /^[A-Z]{2}-\d{8}-\d{3}$/.test(n ?? ""))).toBe(true);
    expect(r.outcome!.notices).toEqual({ written: 5, created: 5 });
  });

  it("apply in web mode: the new bytes hold what was written", async () => {
    const bytes = await writeSnapshotXlsx(sampleWorkbook());
    const r = await runJob({
      ...base,
      kind: "apply",
      input: { bytes, token: -1 },
      notices: true,
      user: "李娜",
    });
    const reg = readRegister(readXlsxBytes(r.bytes!));
    expect(reg.rows.map((x) => x.entry.编号).sort()).toEqual(r.report!.notices.map((n) => n.issued).sort());
  });

  it("open: a file that is not a workbook fails on open, in the reader's words", async () => {
    await expect(
      runJob({ ...base, kind: "open", input: { bytes: new Uint8Array([1, 2, 3, 4]), token: -2 } }),
    ).rejects.toMatchObject({ name: "InputError" });
  });
});
