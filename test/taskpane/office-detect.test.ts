/** @jest-environment jsdom */
/** Web mode starts within a second when office.js cannot load and nothing says this is Office. */

import { detectMode, looksLikeOffice, PLAIN_WAIT_MS } from "../../src/taskpane/office";

afterEach(() => {
  document.head.innerHTML = "";
  jest.useRealTimers();
});

describe("detecting Office", () => {
  it("a plain tab shows no sign of an Office host; a _host_Info URL does", () => {
    expect(looksLikeOffice(window)).toBe(false);
    const fake = { location: { search: "?_host_Info=Excel$Win32$16.01$zh-CN", hash: "" }, name: "" } as never;
    expect(looksLikeOffice({ ...(fake as object), parent: fake, sessionStorage: undefined } as never)).toBe(
      true,
    );
  });

  it("goes to web mode after PLAIN_WAIT_MS (under a second) when office.js never answers", async () => {
    expect(PLAIN_WAIT_MS).toBeLessThanOrEqual(1000);
    jest.useFakeTimers();
    const script = document.createElement("script");
    script.setAttribute("data-office", "");
    document.head.appendChild(script);
    let mode: unknown;
    void detectMode().then((m) => (mode = m));
    await jest.advanceTimersByTimeAsync(PLAIN_WAIT_MS - 1);
    expect(mode).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(mode).toEqual({ kind: "web" });
  });
});
