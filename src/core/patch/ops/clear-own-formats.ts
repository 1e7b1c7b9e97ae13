import type { OpSpec } from "../op";

/**
 * Remove every conditional-format rule of the product (its formula holds `N("项目跟踪…")`) from
 * the sheet: the overdue highlights and the error marks. The user's own rules stay.
 */
export interface ClearOwnFormats {
  op: "clearOwnFormats";
  sheet: string;
}

export const clearOwnFormats: OpSpec<ClearOwnFormats> = {
  makesSheet: false,
  // A snapshot holds no conditional formats: nothing to lay over it.
  memory() {},
};
