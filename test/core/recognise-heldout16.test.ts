/**
 * Shapes met on a sixteenth round of real workbooks, rebuilt with invented values: a support-contract
 * register whose TASK column holds cost codes (its headers score best as a plan, its values say
 * contracts).
 */
import { d, sheet, workbook } from "../helpers/snapshot";
import { letters, only } from "../helpers/recognition";

describe("values of the sixteenth round", () => {
  test("a register whose TASK column holds codes (A119, 8400) is read as the contracts its other headers name", () => {
    const header = [
      "CLIENT",
      "ContractNumber",
      "AssignedTo",
      "ProjectNumber",
      "TASK",
      "StartDate",
      "EndDate",
      "STATUS",
    ];
    const rows = [
      ["Client One", "AG-927-01", "Ana", 111544, "A119", d("2026-01-01"), d("2026-12-31"), "Active"],
      ["Client One", "SI-2159-3347", "Ana", 111544, 8400, d("2026-02-01"), d("2027-01-31"), "Active"],
      ["Client Two", "11550028", "Raf", 111545, "A116", d("2026-03-01"), d("2027-02-28"), "Not Started"],
      ["Client Two", "RH-0091", "Raf", 111545, 9, d("2026-04-01"), d("2027-03-31"), "Active"],
    ];
    const t = only(workbook(sheet("Sheet1", [header, ...rows])));
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "B", termStart: "F", termEnd: "G" });
  });

  test("…while a plan whose tasks are named stays a plan", () => {
    const header = [
      "CLIENT",
      "ContractNumber",
      "AssignedTo",
      "ProjectNumber",
      "TASK",
      "StartDate",
      "EndDate",
      "STATUS",
    ];
    const rows = [
      [
        "Client One",
        "AG-927-01",
        "Ana",
        111544,
        "Install servers",
        d("2026-01-01"),
        d("2026-01-09"),
        "Active",
      ],
      ["Client One", "AG-927-01", "Ana", 111544, "Migrate data", d("2026-01-12"), d("2026-01-23"), "Active"],
      [
        "Client Two",
        "RH-0091",
        "Raf",
        111545,
        "Train users",
        d("2026-02-02"),
        d("2026-02-06"),
        "Not Started",
      ],
    ];
    const t = only(workbook(sheet("Sheet1", [header, ...rows])));
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "E", owner: "C", planStart: "F", planEnd: "G" });
  });
});
