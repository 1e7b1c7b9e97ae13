/** Parameters a user can change (SPEC §5, §7); defaults follow the process standard. */

import type { RuleId, Severity } from "./findings";

export type Lang = "zh" | "en";

/** The Gantt band apply draws: none, one column per day, or one per week. */
export type GanttMode = "off" | "day" | "week";

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
  /** 客服经理初审后传总经办, within N working days (§2.4.1). */
  docToOfficeWorkdays: number;
  /** 总经办 reviews and returns to the 客服经理 within N working days (§2.4.1). */
  docOfficeWorkdays: number;
  /** A document reaches the customer within N working days of being written (§2.4.1). */
  docDeliveryWorkdays: number;
  /** The implementation meeting within N working days of delivery (§2.4.1). */
  docMeetingWorkdays: number;
  /** Electronic copies filed with 总经办 within N working days of receipt (§2.4.1). */
  docFilingWorkdays: number;
  /** An open risk is reviewed at least every N calendar days (实施方案规范: 定期的项目汇报和评审机制). */
  riskReviewDays: number;
  /** 《项目实施方案》《工作计划表》 to 财务部 within N working days of the 项目实施通知 (§1.2.2; no number there, 5 from §2.4.1). */
  planWorkdays: number;
  /** A schedule or contract sheet not updated for more than N calendar days is stale (§1.2.2 按期填写; a weekly report). */
  updateDays: number;
  /** 免费磨合期 length in calendar days from formal operation, when the contract row gives no end (§2.5.1). */
  runInDays: number;
  /** Remind N calendar days before the 免费磨合期 ends (§2.5.1). */
  runInRemindDays: number;
  /**
   * A 变更申请 is decided within N working days of the request (示范 4 gives no number; 3 is the
   * §2.4.1 review path of a plan: 初审 to 总经办 in 1, 总经办审核 in 2).
   */
  changeApprovalWorkdays: number;
  /**
   * Hours in a working day, for a plan whose durations are counted in hours (计划耗时 `2小时`, 工时):
   * the standard gives no number; 8 is the statutory working day.
   */
  hoursPerDay: number;
  /** Severity overrides per rule. */
  severities: Partial<Record<RuleId, Severity>>;
  lang: Lang;
  companyName: string;
  /** The Gantt band `apply` draws on a sheet of its own beside each schedule (设置 甘特图). */
  gantt: GanttMode;
  /** Department names used in notices. */
  departments: {
    finance: string;
    sales: string;
    service: string;
    office: string;
  };
}

/** Hours in a working day (设置 每日工时): 8 unless set, a whole number from 1 to 24. */
export const HOURS_PER_DAY = { default: 8, min: 1, max: 24 } as const;

export const DEFAULT_SETTINGS: Settings = {
  dueSoonWorkdays: 3,
  dueSoonDays: 3,
  noticeWorkdays: 2,
  reportDays: 1,
  changeNoticeDays: 2,
  docToOfficeWorkdays: 1,
  docOfficeWorkdays: 2,
  docDeliveryWorkdays: 2,
  docMeetingWorkdays: 5,
  docFilingWorkdays: 2,
  riskReviewDays: 7,
  planWorkdays: 5,
  updateDays: 7,
  runInDays: 90,
  runInRemindDays: 15,
  changeApprovalWorkdays: 3,
  hoursPerDay: HOURS_PER_DAY.default,
  severities: {},
  lang: "zh",
  companyName: "",
  gantt: "off",
  departments: { finance: "财务部", sales: "销售部", service: "客服部", office: "总经办" },
};
