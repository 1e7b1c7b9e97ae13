/**
 * Where `apply` and `clear` write: never over the input unless --in-place says so (however the
 * path is spelt: symlink, "..", hard link), one plain sentence for every way the output cannot be
 * written, and no temp file left behind on any failure, a kill -9 included.
 */

import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { sampleWorkbook } from "../../src/app/sample";
import { main, type Io } from "../../src/cli/main";
import { tempName } from "../../src/cli/output";
import { readXlsx } from "../../src/host/xlsx/read";
import { writeSnapshotXlsx } from "../../src/host/xlsx/write-snapshot";

const dir = mkdtempSync(join(tmpdir(), "ptrack-output-"));

/** What the progress bar was told, in order: stages, then "done" when it was cleared. */
let progressCalls: string[] = [];

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  progressCalls = [];
  const io: Io = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    isTty: false,
    now: new Date("2026-11-23T02:00:00Z"),
    progress: { stage: (s) => void progressCalls.push(s), done: () => void progressCalls.push("done") },
  };
  return { code: await main([...argv, "--today", "2026-11-23"], io), out, err };
}

let sampleBytes: Uint8Array;
beforeAll(async () => {
  sampleBytes = await writeSnapshotXlsx(sampleWorkbook());
});

function sample(name: string, folder = dir): string {
  const p = join(folder, name);
  writeFileSync(p, sampleBytes);
  return p;
}

function withChart(p: string): string {
  const zip = unzipSync(readFileSync(p));
  zip["xl/charts/chart1.xml"] = strToU8(
    '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
  );
  writeFileSync(p, zipSync(zip));
  return p;
}

/** One sentence on stderr, no internal error, no hidden temp path. */
function expectPlainSentence(err: string): void {
  expect(err).not.toMatch(/内部错误|Internal error|\.tmp|ptrack-\d+/);
  expect(err.trim().split("\n")).toHaveLength(1);
}

/** What a folder holds, hidden files included. */
function ls(folder: string): string[] {
  return readdirSync(folder).sort();
}

describe("the output is never the input unless --in-place says so", () => {
  for (const command of ["apply", "clear"] as const) {
    test(`${command} a.xlsx -o a.xlsx is refused and the input is untouched`, async () => {
      const p = sample(`${command}-self.xlsx`);
      const r = await run(command, p, "-o", p);
      expect(r.code).toBe(2);
      expect(r.err).toContain("--in-place");
      expectPlainSentence(r.err);
      expect(readFileSync(p).equals(sampleBytes)).toBe(true);
    });

    test(`${command}: the same file spelt through "..", a symlink or a hard link is refused`, async () => {
      const sub = join(dir, `${command}-sub`);
      mkdirSync(sub, { recursive: true });
      const p = sample(`${command}-spelt.xlsx`);
      const link = join(dir, `${command}-link.xlsx`);
      symlinkSync(p, link);
      const hard = join(dir, `${command}-hard.xlsx`);
      linkSync(p, hard);
      for (const [input, output] of [
        [p, join(sub, "..", `${command}-spelt.xlsx`)],
        [link, p],
        [p, link],
        [p, hard],
      ]) {
        const r = await run(command, input, "-o", output);
        expect([input, output, r.code]).toEqual([input, output, 2]);
        expectPlainSentence(r.err);
      }
      expect(readFileSync(p).equals(sampleBytes)).toBe(true);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
    });
  }

  test("apply link.xlsx -o real.xlsx on a workbook with a chart does not slip past the in-place refusal", async () => {
    const p = withChart(sample("chart-real.xlsx"));
    const before = readFileSync(p);
    const link = join(dir, "chart-link.xlsx");
    symlinkSync(p, link);
    for (const argv of [
      ["apply", link, "-o", p],
      ["apply", link, "--in-place"],
      ["clear", link, "-o", p],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expectPlainSentence(r.err);
    }
    expect(readFileSync(p).equals(before)).toBe(true);
  });

  test("--in-place through a symlink replaces the file it points to and keeps the link", async () => {
    const p = sample("target.xlsx");
    const link = join(dir, "target-link.xlsx");
    symlinkSync(p, link);
    const r = await run("apply", link, "--in-place");
    expect(r.code).toBe(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect((await readXlsx(p)).sheets.some((s) => s.name === "校验报告")).toBe(true);
  });
});

describe("an output that cannot be written gets one plain sentence and leaves nothing behind", () => {
  test("-o naming a folder", async () => {
    const p = sample("folder-in.xlsx");
    const folder = join(dir, "a-folder");
    mkdirSync(folder);
    for (const lang of ["zh", "en"]) {
      const r = await run("apply", p, "-o", folder, "--lang", lang);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(lang === "zh" ? /文件夹/ : /folder/);
      expectPlainSentence(r.err);
    }
    expect(ls(folder)).toEqual([]);
  });

  test("-o in a folder that does not exist", async () => {
    const p = sample("missing-in.xlsx");
    for (const lang of ["zh", "en"]) {
      const r = await run("clear", p, "-o", join(dir, "no-such-folder", "out.xlsx"), "--lang", lang);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(lang === "zh" ? /文件夹不存在/ : /folder does not exist/);
      expectPlainSentence(r.err);
    }
    expect(existsSync(join(dir, "no-such-folder"))).toBe(false);
  });

  test("demo into a folder under a plain file", async () => {
    const file = join(dir, "not-a-folder.txt");
    writeFileSync(file, "x");
    const r = await run("demo", join(file, "demo"));
    expect(r.code).toBe(2);
    expectPlainSentence(r.err);
  });

  test("-o naming a file that is not .xlsx is refused and that file is untouched", async () => {
    const p = sample("csv-in.xlsx");
    const csv = join(dir, "台账导出.csv");
    writeFileSync(csv, "合同编号,金额\nHT-1,100\n");
    for (const [command, lang] of [
      ["apply", "zh"],
      ["clear", "en"],
      ["baseline", "zh"],
    ]) {
      const args = command === "baseline" ? ["baseline", "set", p] : [command, p];
      const r = await run(...args, "-o", csv, "--lang", lang);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(lang === "zh" ? /输出文件名应以 \.xlsx 结尾/ : /must end in \.xlsx/);
      expectPlainSentence(r.err);
    }
    expect(readFileSync(csv, "utf8")).toBe("合同编号,金额\nHT-1,100\n");
  });

  test("demo into a plain file: says it is a file, not a folder", async () => {
    const file = join(dir, "demo-target.txt");
    writeFileSync(file, "x");
    for (const lang of ["zh", "en"]) {
      const r = await run("demo", file, "--lang", lang);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(lang === "zh" ? /这是一个文件，不是文件夹/ : /it is a file, not a folder/);
      expect(r.err).not.toMatch(/EEXIST/);
      expectPlainSentence(r.err);
    }
    expect(readFileSync(file, "utf8")).toBe("x");
  });

  test("an output name of 79 Chinese characters (242 bytes) is written, its temp name cut to fit", async () => {
    const p = sample("long-in.xlsx");
    const out = join(dir, `${"进度计划表".repeat(15)}合同执行.xlsx`);
    const r = await run("apply", p, "-o", out);
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(true);
  });

  test("an output name longer than the file system allows", async () => {
    const p = sample("too-long-in.xlsx");
    const r = await run("apply", p, "-o", join(dir, `${"进度计划表".repeat(20)}.xlsx`));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/文件名太长/);
    expectPlainSentence(r.err);
  });

  test("a temp file left by a save killed with -9 is removed by the next save; a live one is kept", async () => {
    const folder = mkdtempSync(join(tmpdir(), "ptrack-killed-"));
    const p = sample("in.xlsx", folder);
    const out = join(folder, "out.xlsx");
    // A process that starts writing the temp file of `out`, then is killed with -9 mid-write.
    const writer = spawn(process.execPath, [
      "-e",
      `const fs = require("fs");
       const fd = fs.openSync(process.argv[1].replace("@PID@", process.pid), "wx");
       fs.writeSync(fd, "PK half a workbook");
       process.stdout.write("writing\\n");
       setInterval(() => {}, 1000);`,
      tempName(out, 0).replace(/-0\.tmp$/, "-@PID@.tmp"),
    ]);
    await new Promise<void>((ok) => writer.stdout.once("data", () => ok()));
    const stale = tempName(out, writer.pid);
    expect(existsSync(stale)).toBe(true);
    writer.kill("SIGKILL");
    await new Promise((ok) => writer.once("exit", ok));
    // Also one of a process that is still running (this test's own parent, say), never ours to remove.
    const live = tempName(join(folder, "other.xlsx"), process.ppid);
    writeFileSync(live, "in use");
    // One of a save on another machine over a shared folder: its process is not ours to judge.
    const remote = ".shared.xlsx.ptrack-another-machine-4194303.tmp";
    writeFileSync(join(folder, remote), "in use elsewhere");
    // And one that only looks alike.
    writeFileSync(join(folder, ".notes.tmp"), "not ours");

    const r = await run("apply", p, "-o", out);
    expect(r.code).toBe(1);
    expect(ls(folder)).toEqual([".notes.tmp", basename(live), remote, "in.xlsx", "out.xlsx"].sort());
  });
});

/**
 * A read-only or full file system, made honestly: a small tmpfs mounted for the test (chmod would
 * not stop root). Needs root and a kernel that lets it mount; elsewhere these tests say why they skip.
 */
const mountSkip = ((): string | null => {
  if (process.platform !== "linux") return "mounting a tmpfs needs Linux";
  if (process.getuid?.() !== 0) return "mounting a tmpfs needs root";
  const probe = mkdtempSync(join(tmpdir(), "ptrack-mount-probe-"));
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", probe], { encoding: "utf8" });
  if (r.status !== 0)
    return `this machine does not let the test mount a tmpfs (${(r.stderr || r.error?.message || "").trim()})`;
  execFileSync("umount", [probe]);
  rmSync(probe, { recursive: true });
  return null;
})();
if (mountSkip) console.warn(`read-only and full-disk output tests skipped: ${mountSkip}`);
const mountTest = mountSkip ? test.skip : test;

describe("on a read-only or full file system", () => {
  const mounts: string[] = [];
  function tmpfs(options: string): string {
    const m = mkdtempSync(join(tmpdir(), "ptrack-fs-"));
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", m]);
    mounts.push(m);
    return m;
  }
  afterAll(() => {
    for (const m of mounts) {
      spawnSync("umount", [m]);
      rmSync(m, { recursive: true, force: true });
    }
  });

  mountTest("-o into a read-only folder", async () => {
    const p = sample("ro-in.xlsx");
    const ro = tmpfs("ro,size=1m");
    for (const lang of ["zh", "en"]) {
      const r = await run("apply", p, "-o", join(ro, "out.xlsx"), "--lang", lang);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(lang === "zh" ? /只读/ : /read-only/);
      expectPlainSentence(r.err);
    }
    expect(ls(ro)).toEqual([]);
  });

  mountTest("--in-place on a file of a read-only file system: the input is untouched", async () => {
    const m = tmpfs("size=1m");
    const p = join(m, "book.xlsx");
    copyFileSync(sample("ro-inplace.xlsx"), p);
    execFileSync("mount", ["-o", "remount,ro", m]);
    const r = await run("clear", p, "--in-place");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/只读/);
    expectPlainSentence(r.err);
    expect(ls(m)).toEqual(["book.xlsx"]);
    expect(readFileSync(p).equals(sampleBytes)).toBe(true);
  });

  mountTest("demo into a read-only folder", async () => {
    const ro = tmpfs("ro,size=1m");
    const r = await run("demo", join(ro, "demo"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/只读/);
    expectPlainSentence(r.err);
    expect(ls(ro)).toEqual([]);
  });

  mountTest("-o onto a full disk: nothing written, no temp file left", async () => {
    const p = sample("full-in.xlsx");
    // 16 KiB of space; the applied sample is about 35 KiB.
    const full = tmpfs("size=16k");
    for (const lang of ["zh", "en"]) {
      const r = await run("apply", p, "-o", join(full, "out.xlsx"), "--lang", lang);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(lang === "zh" ? /磁盘空间不足/ : /disk is full/);
      expectPlainSentence(r.err);
      // The progress bar was cleared before the sentence, so it starts a line of its own.
      expect(progressCalls.slice(-2)).toEqual(["save", "done"]);
      expect(ls(full)).toEqual([]);
    }
  });
});
