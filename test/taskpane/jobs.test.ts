/** The pane's jobs, as the worker runs them: plain data in, plain data out. */

import { SAMPLE_AS_OF, sampleWorkbook } from "../../src/app/sample";
import { checkWorkbook } from "../../src/core/check";
import type { IsoDate } from "../../src/core/dates";
import { readRegister } from "../../src/core/register";
import { Package } from "../../src/host/xlsx/parts";
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
    const planned = checkWorkbook(sampleWorkbook(), { asOf: base.asOf }).notices.length;
    expect(planned).toBeGreaterThan(1);
    expect(r.outcome!.notices).toEqual({ written: planned, created: planned });
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

  it("apply in web mode: a host note's 操作日志 row is written over the applied bytes, not the original", async () => {
    // A name of the user's that the report's table wants: the .xlsx host numbers the table and
    // says so, and the note goes to 操作日志 in a second write.
    const pkg = new Package(await writeSnapshotXlsx(sampleWorkbook()));
    const book = pkg.text("xl/workbook.xml")!;
    const names = `<definedName name="校验结果">'${sampleWorkbook().sheets[0].name}'!$A$1</definedName>`;
    pkg.setText(
      "xl/workbook.xml",
      book.includes("<definedNames>")
        ? book.replace("<definedNames>", `<definedNames>${names}`)
        : book.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`),
    );
    const r = await runJob({
      ...base,
      kind: "apply",
      input: { bytes: pkg.toBytes(), token: -3 },
      notices: false,
      user: "李娜",
    });
    expect(r.outcome!.hostNotes.map((n) => n.code)).toContain("table-renamed");
    const after = readXlsxBytes(r.bytes!);
    expect(after.sheets.some((s) => s.owner?.kind === "report")).toBe(true);
    const log = after.sheets.find((s) => s.owner?.kind === "log")!;
    const actions = log.rows.map((row) => row?.[2]?.value);
    expect(actions).toEqual(expect.arrayContaining(["应用", "应用说明"]));
  });

  it("open: a file that is not a workbook fails on open, in the reader's words", async () => {
    await expect(
      runJob({ ...base, kind: "open", input: { bytes: new Uint8Array([1, 2, 3, 4]), token: -2 } }),
    ).rejects.toMatchObject({ name: "InputError" });
  });
});
