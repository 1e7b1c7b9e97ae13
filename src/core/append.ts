/**
 * `to.push(...items)` without the spread: a spread passes every item as an argument, and a
 * large workbook plans more operations than the engine's stack holds arguments (~120,000).
 */
export function append<T>(to: T[], items: readonly T[]): T[] {
  for (const x of items) to.push(x);
  return to;
}
