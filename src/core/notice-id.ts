/**
 * The one id of a planned notice, for picking notices to generate: its type and its key.
 * A key alone is not always enough: a contract's 项目实施通知 and 备忘录 share its number.
 * On its own, free of the rules, so the task pane can use it without loading them.
 */
export function noticeId(n: { type: string; key: string }): string {
  return `${n.type}:${n.key}`;
}
