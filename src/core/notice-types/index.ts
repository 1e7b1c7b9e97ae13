/**
 * The notice types, in the order they are planned and listed. To add a type: write its module
 * beside these (see define.ts for what it says) and list it here; nothing else names a type.
 */

import type { NoticeTypeDef } from "./define";
import { dunning } from "./dunning";
import { implementation } from "./implementation";
import { memo } from "./memo";
import { planChangeNotice } from "./plan-change";
import { reminder } from "./reminder";
import { thanks } from "./thanks";

export const NOTICE_TYPES = [dunning, implementation, planChangeNotice, memo, thanks, reminder] as const;

/** A notice type's Chinese name: 催款通知单 | 项目实施通知 | … */
export type NoticeType = (typeof NOTICE_TYPES)[number]["name"];

export type { NoticeText, NoticeTypeDef, PlanHelpers } from "./define";

const BY_NAME = new Map<string, NoticeTypeDef>(NOTICE_TYPES.map((t) => [t.name, t]));
const BY_ID = new Map<string, NoticeTypeDef>(NOTICE_TYPES.map((t) => [t.id, t]));

/** The type of that Chinese name or ASCII id, or undefined: an unknown type is never taken for another. */
export function findNoticeType(nameOrId: string): NoticeTypeDef | undefined {
  return BY_NAME.get(nameOrId) ?? BY_ID.get(nameOrId);
}

/** The type of that name or id; an unknown one is refused with a sentence naming the known ones. */
export function noticeType(nameOrId: string): NoticeTypeDef {
  const t = findNoticeType(nameOrId);
  if (!t)
    throw new Error(
      `未知的通知类型「${nameOrId}」：已知的类型是${NOTICE_TYPES.map((x) => x.name).join("、")}。`,
    );
  return t;
}

/** True for a type name the registry knows. */
export function isNoticeType(name: string): name is NoticeType {
  return BY_NAME.has(name);
}
