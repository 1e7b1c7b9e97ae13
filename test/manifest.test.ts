/**
 * The add-in manifest: valid against the Office schemas (offline, with xmllint), a ribbon group
 * 项目跟踪 with its five buttons in Chinese and English, and every icon it names present in assets/.
 */

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
/** The Office schemas live in the repository, so a clone alone validates (no ../shared). */
const SCHEMA = join(ROOT, "schemas", "office", "OfficeAppManifestV1_1.xsd");

function hasXmllint(): boolean {
  return spawnSync("xmllint", ["--version"]).status === 0;
}

/** The short string with this id: its Chinese default and its en-US override. */
function shortString(id: string): { zh: string; en?: string } {
  const m = new RegExp(`<bt:String id="${id}" DefaultValue="([^"]*)">([\\s\\S]*?)</bt:String>`).exec(xml);
  if (!m) throw new Error(`no string ${id}`);
  return { zh: m[1], en: /Locale="en-US" Value="([^"]*)"/.exec(m[2])?.[1] };
}

describe("manifest.xml", () => {
  it("validates against the Office add-in manifest schema", () => {
    if (!hasXmllint()) {
      // CI installs libxml2-utils; a missing xmllint there is a broken setup, not a skip.
      if (process.env.CI) throw new Error("xmllint is missing: install libxml2-utils");
      console.warn("xmllint not found: manifest schema validation skipped");
      return;
    }
    const r = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, join(ROOT, "manifest.xml")], {
      encoding: "utf8",
    });
    expect(r.stderr).toContain("validates");
    expect(r.status).toBe(0);
  });

  it("`npm run validate` needs nothing outside the repository (a clone with no ../shared beside it)", () => {
    if (!hasXmllint()) {
      if (process.env.CI) throw new Error("xmllint is missing: install libxml2-utils");
      console.warn("xmllint not found: manifest schema validation skipped");
      return;
    }
    // The files validate reads, in a folder of its own with nothing beside it.
    const alone = join(mkdtempSync(join(tmpdir(), "ptrack-clone-")), "ptrack");
    for (const f of ["package.json", "manifest.xml", "schemas"])
      cpSync(join(ROOT, f), join(alone, f), { recursive: true });
    const r = spawnSync("npm", ["run", "-s", "validate"], { cwd: alone, encoding: "utf8" });
    expect(r.stderr).toContain("manifest.xml validates");
    expect(r.status).toBe(0);
  });

  it("declares ExcelApi 1.8 and a ribbon group 项目跟踪 with its five buttons", () => {
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.8"\/>/);
    expect(shortString("Group.Label")).toEqual({ zh: "项目跟踪", en: "Project Tracker" });
    const buttons = [
      ...xml.matchAll(/<Control xsi:type="Button" id="([^"]+)">\s*<Label resid="([^"]+)"/g),
    ].map((m) => shortString(m[2]).zh);
    expect(buttons).toEqual(["打开面板", "校验", "标记逾期", "生成通知", "设为基线"]);
    for (const id of ["OpenPane", "Validate", "MarkOverdue", "GenerateNotices", "SetBaseline"]) {
      expect(shortString(`${id}.Label`).en).toBeTruthy();
      expect(xml).toContain(`<Description resid="${id}.Tip"/>`);
    }
  });

  it("runs the commands in commands.html under the names the handlers register", () => {
    expect(xml).toContain('<bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>');
    const names = [...xml.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(names).toEqual(["validate", "markOverdue", "generateNotices", "setBaseline"]);
    const wiring = readFileSync(join(ROOT, "src", "commands", "office.ts"), "utf8");
    for (const n of names) expect(wiring).toContain(`associate("${n}"`);
    expect(existsSync(join(ROOT, "src", "commands", "commands.html"))).toBe(true);
  });

  it("names only icons that exist, in sizes 16, 32, 64 and 80", () => {
    const urls = [...xml.matchAll(/"https:\/\/localhost:3000\/(assets\/[^"]+\.png)"/g)].map((m) => m[1]);
    expect(new Set(urls)).toEqual(
      new Set(["assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]),
    );
    for (const u of urls) expect(existsSync(join(ROOT, u))).toBe(true);
    // Every icon resource a control refers to is defined.
    const defined = new Set([...xml.matchAll(/<bt:Image id="([^"]+)"/g)].map((m) => m[1]));
    for (const m of xml.matchAll(/<bt:Image size="\d+" resid="([^"]+)"\/>/g)) expect(defined).toContain(m[1]);
  });

  it("points at the dev server only, for webpack to replace in production builds", () => {
    const hosts = new Set([...xml.matchAll(/https:\/\/([^/"<]+)/g)].map((m) => m[1]));
    expect([...hosts].filter((h) => !h.startsWith("schemas.") && h !== "localhost:3000")).toEqual([]);
  });
});
