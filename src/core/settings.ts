/** Parameters a user can change (SPEC §5, §7); defaults follow the process standard. */

import type { RuleId, Severity } from "./findings";

export type Lang = "zh" | "en";

export interface Settings {
  /** schedule.due-soon / contract.delivery-due-soon look ahead this many working days. */
  dueSoonWorkdays: number;
  /** The live due-soon colour looks ahead this many calendar days (a TODAY() formula has no holiday calendar). */
  dueSoonDays: number;
  /** 项目实施通知 within N working days of signing (§1.2.2, §2.1). */
  noticeWorkdays: number;
  /** Written report within N calendar days of a 催款通知单 (§1.2.2). */
  reportDays: number;
  /** Plan changes notified N calendar days before the original date (§1.2.2). */
  changeNoticeDays: number;
  /** Severity overrides per rule. */
  severities: Partial<Record<RuleId, Severity>>;
  lang: Lang;
  companyName: string;
  /** Department names used in notices. */
  departments: {
    finance: string;
    sales: string;
    service: string;
    office: string;
  };
}

export const DEFAULT_SETTINGS: Settings = {
  dueSoonWorkdays: 3,
  dueSoonDays: 3,
  noticeWorkdays: 2,
  reportDays: 1,
  changeNoticeDays: 2,
  severities: {},
  lang: "zh",
  companyName: "",
  departments: { finance: "财务部", sales: "销售部", service: "客服部", office: "总经办" },
};
