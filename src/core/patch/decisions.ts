/**
 * The decisions every interpreter of a patch makes the same way, written once: which sheet a name
 * means, what is the product's own, which name a new table takes, what a validation rule means as
 * Excel criteria, and what a host says when it does something other than what the patch asked.
 */

import { OWN_TAG, OWN_TITLE, type ValidationRule } from "./types";

/**
 * Something a host did differently from what the patch asked, and why: for the outcome and the
 * 操作日志. Each interpreter of a patch (both hosts, and the in-memory one) speaks these.
 */
export interface HostNote {
  code:
    | "sheet-missing"
    | "table-missing"
    | "table-overlap"
    | "table-renamed"
    | "table-header-filled"
    | "autofilter-removed"
    | "validation-user-overlap"
    /** The host's API lacks a feature the patch uses (detail names it); the rest was applied. */
    | "feature-unsupported"
    /** A cell changed since the read (a co-author's edit): the product's write there was skipped. */
    | "cell-changed"
    /** A table grew since the read (a co-author appended rows): the product's rows went below them. */
    | "table-grown";
  sheet: string;
  range?: string;
  detail?: string;
}

/**
 * Where `name` stands among `names`: the exact name first, else the one that differs only in case
 * (Excel compares sheet and table names case-insensitively); -1 when none.
 */
export function findName(names: readonly string[], name: string): number {
  const exact = names.indexOf(name);
  if (exact >= 0) return exact;
  const lower = name.toLowerCase();
  return names.findIndex((n) => n.toLowerCase() === lower);
}

/** A conditional-format formula the product wrote: it holds `N("项目跟踪…")`. */
export function isOwnFormula(formula: string | undefined): boolean {
  return formula !== undefined && formula.includes(`N("${OWN_TAG}`);
}

/** A data validation the product wrote: its error alert carries the product's title. */
export function isOwnValidation(errorTitle: string | undefined): boolean {
  return errorTitle === OWN_TITLE;
}

/**
 * The name a new table takes: the spec's with spaces as `_` (Excel allows none), numbered `_2`,
 * `_3`… past the names `taken` (lower-case), which holds every table and defined name of the
 * workbook since Excel keeps both in one namespace.
 */
export function freeTableName(wanted: string, taken: ReadonlySet<string>): string {
  const base = wanted.replace(/\s+/g, "_");
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  return name;
}

/**
 * A table's column names from its header cells' text: an empty header becomes `列N`, a repeated
 * one gets a number (Excel requires unique, non-empty names and repairs a file that breaks this).
 */
export function tableColumnNames(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    let n = h === "" ? `列${i + 1}` : h;
    for (let k = 2; seen.has(n.toLowerCase()); k++) n = `${h || `列${i + 1}`}${k}`;
    seen.add(n.toLowerCase());
    return n;
  });
}

/** A validation rule as Excel's criteria (operators as OOXML spells them). */
export type ValidationCriteria =
  | {
      type: "date" | "decimal";
      operator: "greaterThanOrEqual" | "lessThanOrEqual" | "between";
      formula1: number;
      formula2?: number;
    }
  | { type: "list"; items: string[] };

/** Excel's smallest double, the open lower bound of a decimal rule with only a maximum. */
const MIN_DECIMAL = -9.99e307;

export function validationCriteria(rule: ValidationRule): ValidationCriteria {
  // Any real date is a serial ≥ 1; text is refused.
  if (rule.type === "date") return { type: "date", operator: "greaterThanOrEqual", formula1: 1 };
  if (rule.type === "list") return { type: "list", items: rule.items };
  if (rule.min !== undefined && rule.max !== undefined)
    return { type: "decimal", operator: "between", formula1: rule.min, formula2: rule.max };
  if (rule.max !== undefined) return { type: "decimal", operator: "lessThanOrEqual", formula1: rule.max };
  return { type: "decimal", operator: "greaterThanOrEqual", formula1: rule.min ?? MIN_DECIMAL };
}
