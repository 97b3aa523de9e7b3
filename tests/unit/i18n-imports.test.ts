/**
 * Keeps the dictionaries out of the browser's first load (issue 10): only server modules
 * (`*.server.ts`) may import app/locales statically; anything else reads words through
 * app/lib/i18n.ts, which loads the page's language on demand. One static import from a component
 * would put a whole language (~30 KB gzipped) back into every page that uses it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const appDir = path.resolve(import.meta.dirname, "../../app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "locales" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** `import … from "…locales/…"` and `export … from`, but not `import type` nor `import(…)`. */
const staticLocaleImport = /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+["'](?:~\/|\.{1,2}\/)(?:[\w.-]+\/)*locales\//m;

describe("dictionary imports", () => {
  it("finds the app's modules (the check looks somewhere)", () => {
    const files = sourceFiles(appDir).map((file) => path.relative(appDir, file));
    expect(files).toContain("lib/i18n.ts");
    expect(files).toContain("lib/messages.server.ts");
    expect(files.length).toBeGreaterThan(50);
  });

  it("recognises a static import and ignores type-only and dynamic ones", () => {
    expect(staticLocaleImport.test('import { en } from "~/locales/en";')).toBe(true);
    expect(staticLocaleImport.test('import { sv } from "../locales/sv";')).toBe(true);
    expect(staticLocaleImport.test('import type { Messages } from "~/locales/sv";')).toBe(false);
    expect(staticLocaleImport.test('const m = import("~/locales/en");')).toBe(false);
  });

  it("only *.server.ts modules import app/locales statically", () => {
    const offenders = sourceFiles(appDir)
      .filter((file) => !/\.server\.tsx?$/.test(file))
      .filter((file) => staticLocaleImport.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(appDir, file));
    expect(offenders).toEqual([]);
  });
});
