/**
 * `npm run bench:portal`: the portal shell's speed targets, measured (not asserted in tests).
 *  - the signed-in home (`/`) of each demo persona: median time for the whole HTML response over
 *    200 requests on loopback (server time plus a fraction of a millisecond), target < 50 ms;
 *  - the JavaScript a first load of `/` ships, gzipped, from the build's manifest: the manifest,
 *    the client entry, the root and index route modules and every chunk they import, target ≤ 150 KB
 *    (scripts/lib/js-budget.ts; tests/e2e/js-budget.spec.ts asserts it for every route).
 * It runs `npm start`'s entry point on free ports with a throwaway data directory.
 */
import { median, root, signIn, withBenchPortal } from "./bench-support.ts";
import { firstLoadJavaScript, JS_BUDGET_BYTES, readBuildManifest } from "./lib/js-budget.ts";

const REQUESTS = 200;
const WARMUP = 20;
const PERSONAS = [
  "samordnare@trollhattan.example",
  "ledamot@trollhattan.example",
  "eidar@eidar.example",
  "forening@kronogarden.example",
  "region@vgregion.example",
];

async function timeHome(baseUrl: string, cookie: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/`, { headers: { cookie } });
    const html = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 200 || !html.includes("</html>")) throw new Error(`/ answered ${response.status}`);
    if (i >= WARMUP) times.push(elapsed);
  }
  return times;
}

await withBenchPortal("portal", async ({ baseUrl }) => {
  const rows = ["| page | median of " + REQUESTS + " | target |", "|---|---|---|"];
  const anonymous = await timeHome(baseUrl, "");
  rows.push(`| \`/\` signed out | ${median(anonymous).toFixed(1)} ms | |`);
  for (const email of PERSONAS) {
    const times = await timeHome(baseUrl, await signIn(baseUrl, email));
    rows.push(`| \`/\` signed in as ${email} | ${median(times).toFixed(1)} ms | < 50 ms |`);
  }
  const [js] = firstLoadJavaScript(readBuildManifest(root), ["routes/_index"]);
  if (!js) throw new Error("The build has no routes/_index.");
  rows.push(
    `| JavaScript on first load of \`/\` (${js.files.length} files, gzipped) | ${(js.gzipBytes / 1024).toFixed(1)} KB | ≤ ${JS_BUDGET_BYTES / 1024} KB |`,
  );
  process.stdout.write(`${rows.join("\n")}\n`);
});
