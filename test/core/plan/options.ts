/** The apply options the plan tests share: the sample's date, a fixed clock and user. */

import type { ApplyOptions } from "../../../src/core/plan";

export const OPTS: ApplyOptions = {
  today: "2026-11-23",
  now: "2026-11-23 20:15:03",
  user: "王磊",
  lang: "zh",
  normalize: false,
};

/** A notice's number and sheet name: CK-20261123-001. */
export const NOTICE_NUMBER = /^[A-Z]{2}-\d{8}-\d{3}$/;
