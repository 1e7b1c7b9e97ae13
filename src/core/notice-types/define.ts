/**
 * What a notice type is: one module per type (催款通知单, 项目实施通知, …) says everything about it —
 * its ASCII id and names, what triggers it, its number prefix, its status words, how it is
 * followed up, its text and layout, and how the pane names it. The registry (./index.ts) lists
 * the modules; the planner, the sheet writer, the register, the check and the pane read it.
 */

import type { Finding, RuleId } from "../findings";
import type { NoticeContext } from "../notices";
import type { TypedRow } from "../rows";
import type { Settings } from "../settings";

export type NoticeFacts = Record<string, string | number>;

/** One cause a type plans a notice for; the planner adds the type (NoticePlan). */
export interface PlannedCause {
  /** Stable per type: generating again for the same key updates the notice instead of adding one. */
  key: string;
  /** Where the cause is written: the contract, payment-plan or task row. */
  sheet: string;
  row: number;
  facts: NoticeFacts;
}

/** What a notice says, for its sheet and its register row. */
export interface NoticeText {
  addressee: string;
  /** The subject for the register: contract number, or WBS and task. */
  subject: string;
  body: string;
  /** Bordered fact rows: one label/value pair across the width, or two side by side. */
  facts: Array<Array<[string, string]>>;
  requirement: string;
  /** The issuing department (签发部门), for the `issuer` signature. */
  issuer: string;
  /** The distribution line at the foot: 抄送 / 报送 / 报备 / 一式两份. */
  copies: string;
  /** Who gets a copy, as the 通知台账's 抄送 column records it ("" for none). */
  cc: string;
}

/** Shared by the planners of one run: which rows a rule fired on, and a contract's facts worked out once. */
export interface PlanHelpers {
  fired(rule: RuleId, row: TypedRow): boolean;
  factsOf(contract: TypedRow | undefined): Record<string, string | number>;
}

export interface NoticeTypeDef<Name extends string = string> {
  /** ASCII id, stable: `dunning`. */
  id: string;
  /** The Chinese name: the notice's title, its 类型 in the 通知台账, its type in `check --json`. */
  name: Name;
  /** The English name the pane shows. */
  en: string;
  /** Number prefix, two capitals: CK-20261123-001. */
  prefix: string;
  /** Status words while the follow-up is owed and once it is done; 逾期未… is derived from `pending`. */
  status: { pending: string; done: string };
  /** Rules whose findings trigger it (the planner collects the rows they fired on). */
  follows: readonly RuleId[];
  /** The notices of this type the workbook calls for. */
  plan(ctx: NoticeContext, findings: readonly Finding[], h: PlanHelpers): PlannedCause[];
  /**
   * The follow-up of an issued notice, from the workbook's data: its reply due date and whether
   * it was done; undefined when its cause can no longer be found.
   */
  followUp(ctx: NoticeContext, key: string, issued: string): { due: string; done: boolean } | undefined;
  /** Facts that move on by themselves with the as-of date: no change of the cause. */
  volatile?: readonly string[];
  /** What the notice says. */
  text(facts: NoticeFacts, s: Settings): NoticeText;
  /**
   * The layout of its foot: `issuer` — 致：addressee, 签发部门/签发人/日期 and a 签收 line;
   * `parties` — the addressee line as is, 签发日期 and a signature block per party (甲方, 乙方);
   * `letter` — 致：addressee, and the issuer's seal and the date at the right (a letter to the customer).
   */
  layout: "issuer" | "parties" | "letter";
  /** How the pane's checkbox names it (contract and node, or WBS and task). */
  label(facts: NoticeFacts): string[];
  /** Fact keys the pane shows under it. */
  describe: readonly string[];
}

/** Keeps the literal name, so the registry gives the union of type names. */
export function defineNoticeType<Name extends string>(d: NoticeTypeDef<Name>): NoticeTypeDef<Name> {
  return d;
}
