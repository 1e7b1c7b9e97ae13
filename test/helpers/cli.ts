/** The `ptrack` CLI run in-process, as the tests of what a user sees at the terminal call it. */

import { main, type Io } from "../../src/cli/main";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** A runner whose clock reads `now` (default 2026-11-23 10:00 in Shanghai); `extra` is added to every call. */
export function cliRunner(
  now: Date = new Date("2026-11-23T02:00:00Z"),
  extra: readonly string[] = [],
): (...argv: string[]) => Promise<CliRun> {
  return async (...argv) => {
    let out = "";
    let err = "";
    const io: Io = {
      stdout: (s) => void (out += s),
      stderr: (s) => void (err += s),
      isTty: false,
      now,
      progress: { stage: () => {}, done: () => {} },
    };
    return { code: await main([...argv, ...extra], io), out, err };
  };
}
