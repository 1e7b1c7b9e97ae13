/** Formatting shared by the notice types' texts: dates, money, facts. */

import { MAX_YUAN, toCapitals, toFigures } from "../capitals";
import { dateOf, numOf, textOf, type TypedRow } from "../rows";

/** 2026-11-24 → 2026年11月24日. */
export function cnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${m[2]}月${m[3]}日` : iso;
}

/** In words; a sum or difference past what words can hold exactly stays in figures, never aborts. */
export const inWords = (n: number) =>
  Number.isFinite(n) && Math.abs(n) <= MAX_YUAN ? toCapitals(n) : toFigures(n);

export const money = (n: number) => `${toFigures(n)}（${inWords(n)}）`;

export const str = (v: string | number | undefined): string => (v === undefined ? "" : String(v));
export const num = (v: string | number | undefined): number | undefined =>
  typeof v === "number" ? v : undefined;

/** Facts every notice about a contract carries; blank cells are left out. */
export function contractFacts(contract: TypedRow | undefined): Record<string, string | number> {
  const facts: Record<string, string | number> = {};
  if (!contract) return facts;
  const f = contract.fields;
  const contractNo = textOf(f.contractNo);
  const contractName = textOf(f.contractName);
  const customer = textOf(f.customer);
  const salesManager = textOf(f.salesManager);
  const serviceManager = textOf(f.serviceManager);
  const signDate = dateOf(f.signDate);
  const deliveryDate = dateOf(f.deliveryDate);
  if (contractNo !== undefined) facts.contractNo = contractNo;
  if (contractName !== undefined) facts.contractName = contractName;
  if (customer !== undefined) facts.customer = customer;
  if (salesManager !== undefined) facts.salesManager = salesManager;
  if (serviceManager !== undefined) facts.serviceManager = serviceManager;
  if (signDate !== undefined) facts.signDate = signDate;
  if (deliveryDate !== undefined) facts.deliveryDate = deliveryDate;
  const amount = numOf(contract.fields.amount);
  if (amount !== undefined) facts.amount = amount;
  return facts;
}
