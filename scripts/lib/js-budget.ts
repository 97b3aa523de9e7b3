/**
 * The JavaScript a browser downloads on a first load of a page, gzipped, from the Remix build's
 * manifest (public/build/manifest-*.js): the manifest itself, the client entry and its imports,
 * and for every route in the matched chain (root, layouts, the page) its module and imports, each
 * file counted once. Shared by `npm run bench:portal` and tests/e2e/js-budget.spec.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Issue 6's target for a first load, gzipped. */
export const JS_BUDGET_BYTES = 150 * 1024;

interface ManifestEntry {
  module: string;
  imports?: string[];
}

interface ManifestRoute extends ManifestEntry {
  id: string;
  parentId?: string;
}

export interface RemixManifest {
  entry: ManifestEntry;
  routes: Record<string, ManifestRoute>;
}

export interface BuildManifest {
  manifest: RemixManifest;
  /** The manifest file's own source (the browser loads it too). */
  source: string;
  /** The directory the manifest's module paths (`/build/...`) are relative to: public/. */
  publicDir: string;
}

export interface FirstLoad {
  routeId: string;
  files: string[];
  gzipBytes: number;
}

export function readBuildManifest(root: string): BuildManifest {
  const publicDir = path.join(root, "public");
  const buildDir = path.join(publicDir, "build");
  let manifestFile: string | undefined;
  try {
    manifestFile = readdirSync(buildDir).find((file) => /^manifest-.*\.js$/.test(file));
  } catch {
    manifestFile = undefined;
  }
  if (!manifestFile) throw new Error("No client build found in public/build: run npm run build first.");
  const source = readFileSync(path.join(buildDir, manifestFile), "utf8");
  const manifest = JSON.parse(source.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as RemixManifest;
  return { manifest, source, publicDir };
}

/** The route and its ancestors, root first. */
export function routeChain(manifest: RemixManifest, routeId: string): ManifestRoute[] {
  const chain: ManifestRoute[] = [];
  for (let route = manifest.routes[routeId]; route; route = route.parentId ? manifest.routes[route.parentId] : undefined) {
    chain.unshift(route);
  }
  return chain;
}

/** The modules a first load of `routeId` fetches, deduplicated, in load order. */
export function firstLoadModules(manifest: RemixManifest, routeId: string): string[] {
  const modules = new Set<string>();
  for (const part of [manifest.entry, ...routeChain(manifest, routeId)]) {
    modules.add(part.module);
    for (const imported of part.imports ?? []) modules.add(imported);
  }
  return [...modules];
}

/** Gzipped sizes of files, read once each (many routes share the same chunks). */
export function gzipSizer(publicDir: string): (modulePath: string) => number {
  const sizes = new Map<string, number>();
  return (modulePath) => {
    let size = sizes.get(modulePath);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(publicDir, modulePath))).length;
      sizes.set(modulePath, size);
    }
    return size;
  };
}

/** The modules a file loads with a literal `import("/build/…")`, which the manifest does not list. */
export function dynamicImports(publicDir: string): (modulePath: string) => string[] {
  const found = new Map<string, string[]>();
  return (modulePath) => {
    let imports = found.get(modulePath);
    if (!imports) {
      const source = readFileSync(path.join(publicDir, modulePath), "utf8");
      imports = [...source.matchAll(/import\("(\/build\/[^"]+\.js)"\)/g)].map((match) => match[1]!);
      found.set(modulePath, imports);
    }
    return imports;
  };
}

/**
 * The first-load JavaScript of every route that renders a page (resource routes without a
 * client module have none), largest first. A first load also fetches, before hydrating, the
 * dictionary of the page's language: one of the modules loaded with `import()` — the largest is
 * counted, so the figure holds whatever the language.
 */
export function firstLoadJavaScript(build: BuildManifest, routeIds?: readonly string[]): FirstLoad[] {
  const size = gzipSizer(build.publicDir);
  const lazyImports = dynamicImports(build.publicDir);
  const manifestBytes = gzipSync(build.source).length;
  const ids = routeIds ?? Object.keys(build.manifest.routes);
  return ids
    .map((routeId) => {
      const files = firstLoadModules(build.manifest, routeId);
      const lazy = [...new Set(files.flatMap(lazyImports))].filter((file) => !files.includes(file));
      const largestLazy = lazy.sort((a, b) => size(b) - size(a))[0];
      const loaded = largestLazy ? [...files, largestLazy] : files;
      return { routeId, files: ["(manifest)", ...loaded], gzipBytes: manifestBytes + loaded.reduce((sum, file) => sum + size(file), 0) };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}
