import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { firstLoadJavaScript, firstLoadModules, readBuildManifest, type RemixManifest } from "../../scripts/lib/js-budget.ts";

const manifest: RemixManifest = {
  entry: { module: "/build/entry.client.js", imports: ["/build/_shared/react.js"] },
  routes: {
    root: { id: "root", module: "/build/root.js", imports: ["/build/_shared/react.js", "/build/_shared/i18n.js"] },
    "routes/forums": { id: "routes/forums", parentId: "root", module: "/build/routes/forums.js", imports: ["/build/_shared/i18n.js"] },
    "routes/forums.$slug": {
      id: "routes/forums.$slug",
      parentId: "routes/forums",
      module: "/build/routes/forums.$slug.js",
      imports: ["/build/_shared/markdown.js"],
    },
  },
};

describe("first-load JavaScript", () => {
  it("takes the entry and every route of the chain with their imports, each file once", () => {
    expect(firstLoadModules(manifest, "routes/forums.$slug")).toEqual([
      "/build/entry.client.js",
      "/build/_shared/react.js",
      "/build/root.js",
      "/build/_shared/i18n.js",
      "/build/routes/forums.js",
      "/build/routes/forums.$slug.js",
      "/build/_shared/markdown.js",
    ]);
  });

  it("sums the gzipped sizes from a build directory, largest route first", () => {
    const root = mkdtempSync(path.join(tmpdir(), "js-budget-"));
    const source = `window.__remixManifest=${JSON.stringify(manifest)};`;
    mkdirSync(path.join(root, "public", "build", "_shared"), { recursive: true });
    mkdirSync(path.join(root, "public", "build", "routes"), { recursive: true });
    writeFileSync(path.join(root, "public", "build", "manifest-abc123.js"), source);
    const files = new Set([manifest.entry, ...Object.values(manifest.routes)].flatMap((part) => [part.module, ...(part.imports ?? [])]));
    let index = 0;
    const gz = new Map<string, number>();
    for (const file of files) {
      const content = `console.log(${JSON.stringify("x".repeat(100 * ++index))});`;
      writeFileSync(path.join(root, "public", file), content);
      gz.set(file, gzipSync(content).length);
    }
    const loads = firstLoadJavaScript(readBuildManifest(root));
    expect(loads.map((load) => load.routeId)).toEqual(["routes/forums.$slug", "routes/forums", "root"]);
    const expected = gzipSync(source).length + firstLoadModules(manifest, "routes/forums.$slug").reduce((sum, file) => sum + gz.get(file)!, 0);
    expect(loads[0]!.gzipBytes).toBe(expected);
  });

  it("adds the largest module loaded with import() (the page's dictionary), once", () => {
    const root = mkdtempSync(path.join(tmpdir(), "js-budget-"));
    const small: RemixManifest = {
      entry: { module: "/build/entry.client.js", imports: ["/build/_shared/i18n.js"] },
      routes: { root: { id: "root", module: "/build/root.js", imports: ["/build/_shared/i18n.js"] } },
    };
    const source = `window.__remixManifest=${JSON.stringify(small)};`;
    mkdirSync(path.join(root, "public", "build", "_shared"), { recursive: true });
    writeFileSync(path.join(root, "public", "build", "manifest-abc123.js"), source);
    const contents: Record<string, string> = {
      "/build/entry.client.js": "import './_shared/i18n.js';",
      "/build/root.js": "export default 1;",
      "/build/_shared/i18n.js": 'const load = (l) => l === "sv" ? import("/build/_shared/sv-1.js") : import("/build/_shared/en-1.js");',
      "/build/_shared/sv-1.js": `export default ${JSON.stringify("ord ".repeat(400))};`,
      "/build/_shared/en-1.js": `export default ${JSON.stringify("word ".repeat(300))};`,
    };
    for (const [file, content] of Object.entries(contents)) writeFileSync(path.join(root, "public", file), content);
    const [load] = firstLoadJavaScript(readBuildManifest(root));
    const gz = (file: string) => gzipSync(contents[file]!).length;
    const larger = gz("/build/_shared/sv-1.js") >= gz("/build/_shared/en-1.js") ? "/build/_shared/sv-1.js" : "/build/_shared/en-1.js";
    expect(load!.files).toEqual(["(manifest)", "/build/entry.client.js", "/build/_shared/i18n.js", "/build/root.js", larger]);
    expect(load!.gzipBytes).toBe(gzipSync(source).length + ["/build/entry.client.js", "/build/_shared/i18n.js", "/build/root.js", larger].reduce((sum, file) => sum + gz(file), 0));
  });

  it("says to build first when there is no build", () => {
    expect(() => readBuildManifest(mkdtempSync(path.join(tmpdir(), "js-budget-")))).toThrow(/npm run build/);
  });
});
