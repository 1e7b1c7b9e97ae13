/** Words of the Gantt sheet `apply` draws (see core/plan/gantt.ts), in zh-CN and en-US. */

import type { Lang } from "../core/settings";

export interface GanttWords {
  title(source: string, mode: "day" | "week"): string;
  headers: {
    wbs: string;
    task: string;
    owner: string;
    planStart: string;
    planEnd: string;
    actualStart: string;
    actualEnd: string;
    progress: string;
    critical: string;
  };
  legend: string;
  planned: string;
  actual: string;
  criticalBar: string;
  overdue: string;
  today: string;
  rest: string;
  makeUp: string;
  yes: string;
  /** Weekday letters, Sunday first. */
  weekdays: readonly string[];
  month(y: number, m: number): string;
  monthOnly(m: number): string;
  /** What the band row of a week holds: its working days. */
  weekDays: string;
  /** The 操作日志 note of a Gantt sheet drawn. */
  logged(g: { sheet: string; tasks: number; columns: number; rules: number }): string;
}

const zh: GanttWords = {
  title: (source, mode) => `甘特图：${source}（${mode === "day" ? "按日" : "按周"}）`,
  headers: {
    wbs: "WBS",
    task: "任务名称",
    owner: "负责人",
    planStart: "计划开始",
    planEnd: "计划完成",
    actualStart: "实际开始",
    actualEnd: "实际完成",
    progress: "进度",
    critical: "关键",
  },
  legend: "图例",
  planned: "计划",
  actual: "实际",
  criticalBar: "关键",
  overdue: "逾期",
  today: "今天",
  rest: "休",
  makeUp: "班",
  yes: "是",
  weekdays: ["日", "一", "二", "三", "四", "五", "六"],
  month: (y, m) => `${y}年${m}月`,
  monthOnly: (m) => `${m}月`,
  weekDays: "工作日",
  logged: (g) => `甘特图：${g.sheet}，${g.tasks} 个任务 × ${g.columns} 列，${g.rules} 条条件格式`,
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const en: GanttWords = {
  title: (source, mode) => `Gantt: ${source} (${mode === "day" ? "by day" : "by week"})`,
  headers: {
    wbs: "WBS",
    task: "Task",
    owner: "Owner",
    planStart: "Plan start",
    planEnd: "Plan finish",
    actualStart: "Actual start",
    actualEnd: "Actual finish",
    progress: "Progress",
    critical: "Critical",
  },
  legend: "Legend",
  planned: "Planned",
  actual: "Actual",
  criticalBar: "Critical",
  overdue: "Overdue",
  today: "Today",
  rest: "休",
  makeUp: "班",
  yes: "是",
  weekdays: ["S", "M", "T", "W", "T", "F", "S"],
  month: (y, m) => `${MONTHS[m - 1]} ${y}`,
  monthOnly: (m) => MONTHS[m - 1],
  weekDays: "Working days",
  logged: (g) => `Gantt: ${g.sheet}, ${g.tasks} tasks × ${g.columns} columns, ${g.rules} conditional formats`,
};

export function ganttWords(lang: Lang): GanttWords {
  return lang === "en" ? en : zh;
}
