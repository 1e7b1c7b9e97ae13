/**
 * The critical path on a generated 50,000-task schedule, in its own process.
 * Prints one JSON line: { ms, cpuMs, maxRssKb, tasks, links, earliestFinish, critical }.
 *
 *   npx tsx bench/cpm.ts [TASKS]
 *
 * Each task runs 1–10 working days from 2026-01-05 and has one to three predecessors among the 200
 * tasks before it: mostly FS, some SS/FF/SF, lags of −2…+3 working days, a few in calendar days —
 * a schedule spanning years of the 调休 calendar. (An elapsed lag over a weekend leaves its
 * predecessor float though its successor is critical, as in MS Project, so few tasks end up critical.) `ms` is one cold call of criticalPath (the
 * calendar already built), the way a check runs it once; `cpuMs`
 * is the processor time it took (all threads, the collector's included), which a busy machine
 * inflates less than the wall time.
 */

import { WorkCalendar } from "../src/core/calendar";
import { criticalPath, type CpmTask } from "../src/core/schedule/cpm";
import type { Link } from "../src/core/schedule/links";

/** A fixed-seed generator (mulberry32), so every run schedules the same tasks. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateSchedule(count: number): CpmTask[] {
  const rnd = random(13);
  const types: Link["type"][] = ["FS", "FS", "FS", "FS", "FS", "FS", "SS", "FF", "SF"];
  const tasks: CpmTask[] = [];
  for (let i = 1; i <= count; i++) {
    const links: Link[] = [];
    const k = i === 1 ? 0 : 1 + Math.floor(rnd() * 3);
    for (let j = 0; j < k; j++) {
      const p = Math.max(1, i - 1 - Math.floor(rnd() * 200));
      const lag = rnd() < 0.7 ? 0 : Math.floor(rnd() * 6) - 2;
      links.push({
        predecessor: String(p),
        type: types[Math.floor(rnd() * types.length)],
        lag,
        lagUnit: lag !== 0 && rnd() < 0.1 ? "calendarDay" : "workday",
      });
    }
    tasks.push({
      id: String(i),
      start: i === 1 ? "2026-01-05" : undefined,
      durationWorkingDays: rnd() < 0.03 ? 0 : 1 + Math.floor(rnd() * 10),
      links,
    });
  }
  return tasks;
}

if (require.main === module) {
  const count = Number(process.argv[2]) || 50_000;
  const tasks = generateSchedule(count);
  const calendar = new WorkCalendar();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const r = criticalPath(tasks, calendar);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    JSON.stringify({
      ms,
      cpuMs: (used.user + used.system) / 1000,
      maxRssKb: process.resourceUsage().maxRSS,
      tasks: count,
      links: tasks.reduce((n, t) => n + t.links.length, 0),
      earliestFinish: r.earliestFinish,
      critical: r.tasks.filter((t) => t.critical).length,
    }) + "\n",
  );
}
