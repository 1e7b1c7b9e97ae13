import type { Range } from "../../snapshot";
import type { OpSpec } from "../op";
import type { Validation } from "../types";

/**
 * Set the product's data validation on the range, replacing the product's earlier one there.
 * Where the user's own validation overlaps the range, the user's stays and the op is skipped
 * (`validation-user-overlap`).
 */
export interface SetValidation {
  op: "setValidation";
  sheet: string;
  range: Range;
  validation: Validation;
}

export const setValidation: OpSpec<SetValidation> = {
  makesSheet: false,
  // A snapshot holds no validation: nothing to lay over it.
  memory() {},
};
