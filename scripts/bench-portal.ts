/**
 * `npm run bench:portal`: the portal shell's speed targets, measured (not asserted in tests).
 *  - the signed-in home (`/`) of each demo persona: median time for the whole HTML response over
 *    200 requests on loopback (server time plus a fraction of a millisecond), target < 50 ms;
 *  - the JavaScript a first load of `/` ships, gzipped, from the build's manifest: the manifest,
 *    the client entry, the root and index route modules and every chunk they import, target ≤ 150 KB.
 * It runs `npm start`'s entry point on free ports with a throwaway data directory.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { median, root, signIn, withBenchPortal } from "./bench-support.ts";

const REQUESTS = 200;
const WARMUP = 20;
const PERSONAS = [
  "samordnare@trollhattan.example",
  "ledamot@trollhattan.example",
  "eidar@eidar.example",
  "forening@kronogarden.example",
  "region@vgregion.example",
];

function firstLoadJavaScript(): { files: number; gzipBytes: number } {
  const buildDir = path.join(root, "public", "build");
  const manifestFile = readdirSync(buildDir).find((file) => /^manifest-.*\.js$/.test(file));
  if (!manifestFile) throw new Error("No build found: run npm run build first.");
  const manifestSource = readFileSync(path.join(buildDir, manifestFile), "utf8");
  const manifest = JSON.parse(manifestSource.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as {
    entry: { module: string; imports?: string[] };
    routes: Record<string, { module: string; imports?: string[] }>;
  };
  const modules = new Set<string>();
  for (const part of [manifest.entry, manifest.routes.root, manifest.routes["routes/_index"]]) {
    if (!part) continue;
    modules.add(part.module);
    for (const imported of part.imports ?? []) modules.add(imported);
  }
  let gzipBytes = gzipSync(manifestSource).length;
  for (const modulePath of modules) gzipBytes += gzipSync(readFileSync(path.join(root, "public", modulePath))).length;
  return { files: modules.size + 1, gzipBytes };
}

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
  const js = firstLoadJavaScript();
  rows.push(`| JavaScript on first load of \`/\` (${js.files} files, gzipped) | ${(js.gzipBytes / 1024).toFixed(1)} KB | ≤ 150 KB |`);
  process.stdout.write(`${rows.join("\n")}\n`);
});
