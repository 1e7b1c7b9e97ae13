/** 边改边校验 is on unless the user turned it off in 设置, and that choice is kept. */

import { loadPreferences, savePreferences } from "../../src/taskpane/preferences";

const store = new Map<string, string>();
beforeAll(() => {
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  };
});
afterAll(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});
beforeEach(() => store.clear());

test("a new user validates as they edit", () => {
  expect(loadPreferences().live).toBe(true);
});

test("turned off in 设置, it stays off; turned on again, it stays on", () => {
  savePreferences({ ...loadPreferences(), live: false });
  expect(loadPreferences().live).toBe(false);
  savePreferences({ ...loadPreferences(), live: true });
  expect(loadPreferences().live).toBe(true);
});

test("settings saved while it was off by default (no choice made) now get it on, the rest kept", () => {
  store.set(
    "ptrack.preferences",
    JSON.stringify({ asOf: "2026-11-23", lang: "en", user: "李娜", live: false }),
  );
  expect(loadPreferences()).toEqual({ asOf: "2026-11-23", lang: "en", user: "李娜", live: true });
});
