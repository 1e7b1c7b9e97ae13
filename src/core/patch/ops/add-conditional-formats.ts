import type { Range } from "../../snapshot";
import type { OpSpec } from "../op";
import type { ConditionalRule } from "../types";

/**
 * Add conditional-format rules over the ranges, in priority order (first wins); rules of an
 * earlier op on the same sheet take priority over those of a later one, and every rule the
 * product adds takes priority over the user's.
 */
export interface AddConditionalFormats {
  op: "addConditionalFormats";
  sheet: string;
  ranges: Range[];
  rules: ConditionalRule[];
}

export const addConditionalFormats: OpSpec<AddConditionalFormats> = {
  makesSheet: false,
  // A snapshot holds no conditional formats: nothing to lay over it.
  memory() {},
};
