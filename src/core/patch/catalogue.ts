/**
 * The catalogue of patch operations: each one a module under ./ops with its contract (the op's
 * type and what it promises) and its in-memory semantics. A host interprets a patch through a
 * `Handlers` record, which must name every operation: a new op does not compile until every
 * host, and the in-memory interpreter, says what it does with it.
 */

import type { OpSpec } from "./op";
import { addConditionalFormats, type AddConditionalFormats } from "./ops/add-conditional-formats";
import { appendRows, type AppendRows } from "./ops/append-rows";
import { clearOwnFormats, type ClearOwnFormats } from "./ops/clear-own-formats";
import { createTable, type CreateTable } from "./ops/create-table";
import { ensureSheet, type EnsureSheet } from "./ops/ensure-sheet";
import { setNumberFormat, type SetNumberFormat } from "./ops/set-number-format";
import { setValidation, type SetValidation } from "./ops/set-validation";
import { setValues, type SetValues } from "./ops/set-values";
import { writeSheet, type WriteSheet } from "./ops/write-sheet";

export type {
  AddConditionalFormats,
  AppendRows,
  ClearOwnFormats,
  CreateTable,
  EnsureSheet,
  SetNumberFormat,
  SetValidation,
  SetValues,
  WriteSheet,
};

export type PatchOp =
  | EnsureSheet
  | WriteSheet
  | CreateTable
  | SetNumberFormat
  | SetValidation
  | ClearOwnFormats
  | AddConditionalFormats
  | SetValues
  | AppendRows;

export type OpName = PatchOp["op"];
export type OpOf<K extends OpName> = Extract<PatchOp, { op: K }>;

/** One handler per operation, each given its own op type: a missing one does not compile. */
export type Handlers<C, R> = { [K in OpName]: (op: OpOf<K>, ctx: C) => R };

/** Calls the handler of `op`. */
export function dispatch<C, R>(handlers: Handlers<C, R>, op: PatchOp, ctx: C): R {
  return (handlers[op.op] as (op: PatchOp, ctx: C) => R)(op, ctx);
}

/** Every operation's declaration, by name. */
export const CATALOGUE: { [K in OpName]: OpSpec<OpOf<K>> } = {
  ensureSheet,
  writeSheet,
  createTable,
  setNumberFormat,
  setValidation,
  clearOwnFormats,
  addConditionalFormats,
  setValues,
  appendRows,
};

/** Whether an operation makes its sheet when absent; the others need it to exist. */
export function makesSheet(op: PatchOp): boolean {
  return CATALOGUE[op.op].makesSheet;
}
