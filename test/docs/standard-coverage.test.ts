/**
 * docs/standard-coverage.md is the product's account of how much of the process standard it
 * checks. It stays honest only if it names real rules, names them all, and its count is the
 * count of its rows.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "../../src/core/rules";

const ROOT = join(__dirname, "..", "..");
const DOC = readFileSync(join(ROOT, "docs", "standard-coverage.md"), "utf8");

/** Every id of the RuleId union, read from its declaration (a type has no runtime value). */
function ruleIdUnion(): string[] {
  const src = readFileSync(join(ROOT, "src", "core", "findings.ts"), "utf8");
  const decl = /export type RuleId =([^;]+);/.exec(src);
  if (!decl) throw new Error("RuleId union not found in src/core/findings.ts");
  return [...decl[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

const STATUSES = ["covered", "partly", "planned", "out of reach"] as const;
type Status = (typeof STATUSES)[number];

interface Row {
  n: number;
  clause: string;
  status: string;
  line: string;
}

/** Numbered table rows: | # | clause | obligation | status | rules or why |. */
function obligationRows(): Row[] {
  const rows: Row[] = [];
  for (const line of DOC.split("\n")) {
    const m = /^\|\s*(\d+)\s*\|/.exec(line);
    if (!m) continue;
    const cells = line.split("|").map((c) => c.trim());
    // cells[0] is the text before the first bar.
    rows.push({ n: Number(m[1]), clause: cells[2], status: cells[4], line });
  }
  return rows;
}

/** Rule ids the page names, in `code` spans. */
function namedRuleIds(): Set<string> {
  return new Set([...DOC.matchAll(/`([a-z]+\.[a-z][a-z-]*)`/g)].map((m) => m[1]));
}

describe("docs/standard-coverage.md", () => {
  const rows = obligationRows();

  test("names only rules that exist", () => {
    const known = new Set(ruleIdUnion());
    const unknown = [...namedRuleIds()].filter((id) => !known.has(id));
    expect(unknown).toEqual([]);
  });

  test("names every rule of the catalogue", () => {
    const named = namedRuleIds();
    const ids = new Set([...ruleIdUnion(), ...RULES.map((r) => r.id)]);
    expect([...ids].filter((id) => !named.has(id))).toEqual([]);
  });

  test("every catalogue rule is in the RuleId union (the page is checked against both)", () => {
    const union = new Set(ruleIdUnion());
    expect(RULES.map((r) => r.id).filter((id) => !union.has(id))).toEqual([]);
  });

  test("rows are numbered 1…N once each, with a clause and a known status", () => {
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.map((r) => r.n)).toEqual(rows.map((_, i) => i + 1));
    for (const r of rows) {
      expect({ row: r.n, clause: r.clause !== "" }).toEqual({ row: r.n, clause: true });
      expect({ row: r.n, status: STATUSES.includes(r.status as Status) }).toEqual({ row: r.n, status: true });
    }
  });

  test("a covered row names at least one rule or a product feature", () => {
    for (const r of rows.filter((x) => x.status === "covered")) {
      const by = r.line.split("|").map((c) => c.trim())[5];
      expect({ row: r.n, by: by.length > 0 }).toEqual({ row: r.n, by: true });
    }
  });

  test("the stated counts are the counts of the rows", () => {
    const m =
      /\*\*Covered: (\d+) of (\d+) checkable obligations\*\* \(partly (\d+), planned (\d+)\); (\d+) more are out of reach\./.exec(
        DOC,
      );
    expect(m).not.toBeNull();
    const count = (s: Status) => rows.filter((r) => r.status === s).length;
    const [covered, checkable, partly, planned, out] = m!.slice(1).map(Number);
    expect({ covered, checkable, partly, planned, out }).toEqual({
      covered: count("covered"),
      checkable: rows.length - count("out of reach"),
      partly: count("partly"),
      planned: count("planned"),
      out: count("out of reach"),
    });
  });
});
