/** Findings: what the rules report (SPEC §5). */

export type Severity = "error" | "warning" | "info";

export type RuleId =
  | "cell.required"
  | "cell.date-invalid"
  | "cell.number-invalid"
  | "cell.date-as-number"
  | "cell.percent-range"
  | "row.duplicate-key"
  | "row.date-order"
  | "row.actual-in-future"
  | "row.unknown-contract"
  | "schedule.overdue"
  | "schedule.due-soon"
  | "schedule.start-late"
  | "schedule.finished-late"
  | "schedule.progress-mismatch"
  | "schedule.predecessor-missing"
  | "schedule.predecessor-cycle"
  | "schedule.predecessor-order"
  | "schedule.change-unnotified"
  | "schedule.change-not-filed"
  | "schedule.beyond-contract"
  | "schedule.unsigned"
  | "schedule.critical-late"
  | "schedule.critical-beyond-contract"
  | "schedule.unlinked"
  | "schedule.summary-dates"
  | "schedule.summary-progress"
  | "schedule.milestone-missed"
  | "schedule.milestone-duration"
  | "contract.notice-late"
  | "contract.delivery-overdue"
  | "contract.delivery-due-soon"
  | "contract.delivered-late"
  | "contract.quality-missing"
  | "contract.acceptance-missing"
  | "contract.payment-overdue"
  | "contract.report-overdue"
  | "contract.overpaid"
  | "contract.payments-mismatch"
  | "payable.overdue"
  | "document.to-office-late"
  | "document.office-review-late"
  | "document.delivery-late"
  | "document.meeting-late"
  | "document.filing-late"
  | "document.step-overdue"
  | "document.signature-missing"
  | "risk.high-no-response"
  | "risk.response-overdue"
  | "risk.review-overdue"
  | "issue.overdue"
  | "schedule.change-unapproved"
  | "change.unreviewed"
  | "change.open-overdue"
  | "contract.kickoff-before-payment"
  | "contract.plan-late"
  | "contract.project-report-late"
  | "contract.schedule-unsigned"
  | "contract.training-plan-unconfirmed"
  | "contract.assessment-missing"
  | "contract.init-check-missing"
  | "contract.run-in-ending"
  | "contract.run-in-ended"
  | "contract.pre-acceptance-missing"
  | "contract.pre-acceptance-staff"
  | "contract.acceptance-copies"
  | "contract.closeout-missing"
  | "table.stale"
  | "table.missing-columns"
  | "table.not-recognized"
  | "table.blank-rows"
  | "calendar.year-missing";

/** Values a message names: dates as YYYY-MM-DD, numbers as numbers. */
export type MessageArgs = Record<string, string | number>;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** Sheet row number (1-based); absent for sheet- or workbook-level findings. */
  row?: number;
  field?: string;
  /** A1 address of the cell, e.g. F12. */
  cell?: string;
  /** The raw value as the user sees it (text). */
  value?: string;
  /** Arguments for the localised message (see i18n). */
  args: MessageArgs;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
