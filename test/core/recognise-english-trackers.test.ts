/**
 * Plans, contract registers and payment lists as English trackers and templates head them (Wrike,
 * Trello, Basecamp, Excel's Simple Gantt Chart, deliverables lists, work plans, construction
 * programmes, agreement and purchase-order registers, billing milestones), and lists that look like
 * them but are none. Invented values throughout.
 */
import { recognise } from "../../src/core/recognise";
import type { Cell } from "../../src/core/snapshot";
import { d, sheet, workbook } from "../helpers/snapshot";
import { letters, only } from "../helpers/recognition";

type Value = string | number | Cell;

/** Three rows from a pattern: `#` in text becomes the row's number, dates move a day a row. */
function rows(pattern: Value[]): Value[][] {
  return [0, 1, 2].map((i) =>
    pattern.map((v) =>
      typeof v === "string"
        ? v.replace("#", String(i + 1))
        : typeof v === "object" && typeof v.value === "number"
          ? { ...v, value: v.value + i }
          : v,
    ),
  );
}

describe("plans as trackers and templates head them", () => {
  test.each<[string, string[], Value[], Record<string, string>]>([
    [
      "Wrike (Title | Assignee | Start date | Due date)",
      ["Title", "Status", "Assignee", "Start date", "Due date", "Duration"],
      ["Task #", "Active", "Ana", d("2026-03-02"), d("2026-03-12"), 8],
      { task: "A", owner: "C", planStart: "D", planEnd: "E" },
    ],
    [
      "Trello (Card Name | Members | Due Date)",
      ["Card Name", "List Name", "Members", "Due Date", "Labels"],
      ["Card #", "Doing", "Ana", d("2026-03-12"), "red"],
      { task: "A", owner: "C", planEnd: "D" },
    ],
    [
      "Basecamp (To-do | Assigned to | Due on)",
      ["To-do", "Assigned to", "Due on", "Completed"],
      ["Call supplier #", "Ana", d("2026-03-12"), "No"],
      { task: "A", owner: "B", planEnd: "C" },
    ],
    [
      "Excel's Simple Gantt Chart (Milestone description | Assigned to | Start | No. days)",
      ["Milestone description", "Category", "Assigned to", "Progress", "Start", "No. days"],
      ["Step #", "Goal", "Ana", 0.5, d("2026-03-02"), 5],
      { task: "A", owner: "C", planStart: "E", duration: "F" },
    ],
    [
      "a deliverables list with target dates",
      ["Deliverable", "Responsible", "Target Date", "Status"],
      ["Report #", "Ana", d("2026-03-12"), "Draft"],
      { task: "A", owner: "B", planEnd: "C" },
    ],
    [
      "a work plan (Activity | Responsible Person | Start Date | End Date)",
      ["Activity", "Responsible Person", "Start Date", "End Date", "Remarks"],
      ["Training #", "Ana", d("2026-03-02"), d("2026-03-12"), ""],
      { task: "A", owner: "B", planStart: "C", planEnd: "D" },
    ],
    [
      "a construction programme (Item | Description | Start | Finish | Duration)",
      ["Item", "Description", "Start", "Finish", "Duration (days)", "Contractor"],
      ["#", "Pour slab #", d("2026-03-02"), d("2026-03-12"), 8, "ACME"],
      { task: "B", planStart: "C", planEnd: "D", duration: "E" },
    ],
    [
      "an activity and its owner (Activity | Owner | Start Date | End Date)",
      ["Activity", "Owner", "Start Date", "End Date"],
      ["Site survey #", "Ana", d("2026-03-02"), d("2026-03-12")],
      { task: "A", owner: "B", planStart: "C", planEnd: "D" },
    ],
    [
      "work packages (Work Package | Begin | End)",
      ["Work Package", "Begin", "End"],
      ["WP# Requirements", d("2026-03-02"), d("2026-03-12")],
      { task: "A", planStart: "B", planEnd: "C" },
    ],
    [
      "to-dos due on a day (To-do | Assignee | Due)",
      ["To-do", "Assignee", "Due"],
      ["Call supplier #", "Ana", d("2026-03-12")],
      { task: "A", owner: "B", planEnd: "C" },
    ],
    [
      "tasks described and assigned (Task Description | Assigned To | Start | End)",
      ["Task Description", "Assigned To", "Start", "End"],
      ["Draft chapter #", "Ana", d("2026-03-02"), d("2026-03-12")],
      { task: "A", owner: "B", planStart: "C", planEnd: "D" },
    ],
  ])("%s", (_what, header, pattern, want) => {
    const t = only(workbook(sheet("Sheet1", [header, ...rows(pattern)])));
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject(want);
  });
});

describe("contract registers and payment lists as English offices head them", () => {
  test("a register numbered Contract # with its vendor, term and signing date", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["Contract #", "Vendor", "Description", "Start Date", "End Date", "Value", "Signed Date"],
          ...rows(["C-10#", "ACME", "Service #", d("2026-01-01"), d("2026-12-01"), 12000, d("2025-12-10")]),
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "A", customer: "B", signDate: "G", amount: "F" });
  });

  test("an agreement is a contract (Agreement No. | Client | Agreement Date | Contract Value)", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["Agreement No.", "Client", "Agreement Date", "Contract Value", "Status"],
          ...rows(["AG-#", "ACME", d("2026-01-05"), 12000, "Active"]),
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "A", customer: "B", signDate: "C", amount: "D" });
  });

  test("a register of purchase orders (PO Number | Supplier | PO Date | PO Amount)", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["PO Number", "Supplier", "PO Date", "PO Amount", "Delivery Date"],
          ...rows(["PO-#", "ACME", d("2026-01-05"), 5000, d("2026-02-05")]),
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "A", customer: "B", signDate: "C", amount: "D" });
  });

  test("billing milestones: billed is due, received is paid", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["Contract No", "Milestone", "Billing Date", "Billing Amount", "Received Date", "Received Amount"],
          ...rows(["C-#", "M#", d("2026-01-05"), 5000, d("2026-02-01"), 5000]),
        ]),
      ),
    );
    expect(t.kind).toBe("payments");
    expect(letters(t)).toMatchObject({
      contractNo: "A",
      dueDate: "C",
      dueAmount: "D",
      receivedDate: "E",
      receivedAmount: "F",
    });
  });
});

describe("lists that only look like them stay unrecognised", () => {
  test.each<[string, string[], Value[]]>([
    [
      "a leave record with a description",
      ["Employee", "Leave Type", "Description", "Start Date", "End Date"],
      ["Ana", "Annual", "Family trip #", d("2026-03-02"), d("2026-03-06")],
    ],
    [
      "a reading log",
      ["Title", "Author", "Start Date", "End Date", "Rating"],
      ["Book #", "Someone", d("2026-03-02"), d("2026-03-20"), 4],
    ],
    [
      "a holiday list",
      ["Description", "Start Date", "End Date"],
      ["Holiday #", d("2026-05-01"), d("2026-05-03")],
    ],
    [
      "assets and their owners over a period (Asset | Owner | Start Date | End Date)",
      ["Asset", "Owner", "Start Date", "End Date"],
      ["Laptop #", "Ana", d("2026-03-02"), d("2026-09-12")],
    ],
    [
      "names and their owners (Name | Owner | Start Date | End Date)",
      ["Name", "Owner", "Start Date", "End Date"],
      ["Domain #", "Ana", d("2026-03-02"), d("2027-03-01")],
    ],
    ["a product's features priced", ["Feature", "Price", "Due"], ["Feature #", 120, d("2026-03-02")]],
    [
      "a club's members with their membership dates",
      ["Members", "Start Date", "End Date", "Fee"],
      ["Member #", d("2026-01-01"), d("2026-12-31"), 120],
    ],
  ])("%s", (_what, header, pattern) => {
    expect(recognise(workbook(sheet("Sheet1", [header, ...rows(pattern)]))).tables).toEqual([]);
  });
});
