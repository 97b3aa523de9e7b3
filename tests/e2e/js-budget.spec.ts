/**
 * JavaScript budget (issue 6's target, kept by issue 10): for every route of the build, the
 * JavaScript a first load of it downloads, gzipped (the manifest, the client entry, each route of
 * the chain and every chunk they import, once each: scripts/lib/js-budget.ts), is at most 150 KB.
 * Reads the build `npm test` made before the browser tests; needs no browser.
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { firstLoadJavaScript, JS_BUDGET_BYTES, readBuildManifest } from "../../scripts/lib/js-budget.ts";

const root = path.resolve(import.meta.dirname, "../..");

test("every route's first-load JavaScript is within 150 KB gzipped", () => {
  const loads = firstLoadJavaScript(readBuildManifest(root));
  expect(loads.length).toBeGreaterThan(10);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  process.stdout.write(`Largest first loads (gzipped): ${loads.slice(0, 5).map((load) => `${load.routeId} ${kb(load.gzipBytes)}`).join(", ")}\n`);
  const over = loads.filter((load) => load.gzipBytes > JS_BUDGET_BYTES).map((load) => `${load.routeId} ${kb(load.gzipBytes)}`);
  expect(over, `routes over ${kb(JS_BUDGET_BYTES)}`).toEqual([]);
});
