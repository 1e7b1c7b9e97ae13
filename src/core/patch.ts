/**
 * The WorkbookPatch: every change the product makes to a workbook, planned by the core as an
 * ordered list of declarative, JSON-serialisable operations, and carried out by a host
 * (the .xlsx writer, or Office.js in the add-in). Each operation is a module of the catalogue
 * (./patch/ops), with its contract and its in-memory semantics; the decisions every interpreter
 * shares are in ./patch/decisions.
 *
 * Rules every operation keeps, so both hosts can apply a patch in one batch:
 * - No operation needs to read the workbook back halfway through; everything it needs is in it.
 * - Operations are idempotent in effect: applying a patch planned from a workbook that already
 *   carries the product's structure adds no table, rule, validation or sheet a second time.
 * - What the product adds is recognisable as its own (conditional-format formulas carry
 *   OWN_TAG, data validations carry OWN_TITLE), so it can be replaced or cleared without
 *   touching anything the user made.
 * - Strings are always written as text: a value starting with `=`, `+`, `-` or `@` never
 *   becomes a formula. Only `formula` writes a formula, and the core never builds one from data.
 */

import type { PatchOp } from "./patch/catalogue";

export * from "./patch/types";
export * from "./patch/catalogue";
export * from "./patch/decisions";

export interface WorkbookPatch {
  ops: PatchOp[];
}
