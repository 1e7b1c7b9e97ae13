/**
 * Which notices `apply` would generate (SPEC §6), from the findings and the
 * typed rows. Planning only: the sheets are laid out elsewhere. Keys are
 * stable so generating again adds no second notice (a changed cause gets a 更正).
 */

import type { Finding } from "./findings";
import { NOTICE_TYPES, type NoticeType, type NoticeTypeDef, type PlanHelpers } from "./notice-types";
import type { PlannedCause } from "./notice-types/define";
import { contractFacts } from "./notice-types/format";
import type { TypedRow } from "./rows";
import type { RuleContext } from "./rules/context";

export type { NoticeType, NoticeTypeDef } from "./notice-types";

export interface NoticePlan extends PlannedCause {
  type: NoticeType;
  /** The number the 通知台账 already gives this cause (CK-20261123-001): generating it again updates that notice. */
  issued?: string;
}

export type NoticeContext = Omit<RuleContext, "report">;

export { noticeId } from "./notice-id";

/**
 * Sheet → rows on which a rule fired, for each rule a notice follows from: worked out for a rule
 * when a planner first asks about it (a re-check plans few types), in one pass over the findings.
 */
function firedRows(findings: readonly Finding[], rules: readonly Finding["rule"][]) {
  const out = new Map<Finding["rule"], Map<string, Set<number | undefined>>>();
  const follows = new Set(rules);
  const of = (rule: Finding["rule"]) => {
    let bySheet = out.get(rule);
    if (bySheet) return bySheet;
    out.set(rule, (bySheet = new Map()));
    if (!follows.has(rule)) return bySheet;
    for (const f of findings) {
      if (f.rule !== rule) continue;
      let rows = bySheet.get(f.sheet);
      if (!rows) bySheet.set(f.sheet, (rows = new Set()));
      rows.add(f.row);
    }
    return bySheet;
  };
  return (rule: Finding["rule"], row: TypedRow) => of(rule).get(row.sheet)?.has(row.row) ?? false;
}

export function planNotices(
  ctx: NoticeContext,
  findings: readonly Finding[],
  kept?: KeptNotices,
): NoticePlan[] {
  let helpers: PlanHelpers | undefined;
  const h = (): PlanHelpers => {
    if (helpers) return helpers;
    const fired = firedRows(
      findings,
      NOTICE_TYPES.flatMap((t) => t.follows),
    );
    // A contract's facts are the same in each of its notices: worked out once per contract row.
    const factsCache = new Map<TypedRow | undefined, Record<string, string | number>>();
    const factsOf = (contract: TypedRow | undefined) => {
      let facts = factsCache.get(contract);
      if (!facts) factsCache.set(contract, (facts = contractFacts(contract)));
      return facts;
    };
    return (helpers = { fired, factsOf });
  };
  // Each type plans its own, in the registry's order.
  return NOTICE_TYPES.flatMap((t): NoticePlan[] => {
    const plan = (on: NoticeContext) => t.plan(on, findings, h()).map((c) => ({ type: t.name, ...c }));
    return kept?.(t, plan) ?? plan(ctx);
  });
}

/**
 * Live validation's say per type (live.ts): the notices it kept from the last plan, or planned
 * again on part of the workbook with `plan`; undefined to plan the type as a check does.
 */
export type KeptNotices = (
  type: NoticeTypeDef,
  plan: (on: NoticeContext) => NoticePlan[],
) => NoticePlan[] | undefined;
