/**
 * `npm run seed:scale [-- --seed=N --scale=F --today=YYYY-MM-DD --db-url=URL]`: adds the large,
 * deterministic data set of issue 10 (300 organisations, 3,000 members, 100,000 posts, 20,000
 * initiatives, 3,000 reports…) on top of the demo seed. Database: --db-url, else SUPABASE_DB_URL,
 * else the local stack's `.data/supabase.env` (written by `npm start`). Runs once per database.
 */
import pg from "pg";
import { loadLocalStackEnv } from "./lib/local-stack-env.ts";
import { ScaleSeedError, seedScale } from "./lib/scale-seed.ts";

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.slice(2).find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

const known = ["seed", "scale", "today", "db-url"];
const unknown = process.argv.slice(2).filter((arg) => !known.some((name) => arg.startsWith(`--${name}=`)));
if (unknown.length > 0) {
  console.error(`Unknown argument(s): ${unknown.join(" ")}\nUsage: npm run seed:scale -- [--seed=1] [--scale=1] [--today=YYYY-MM-DD] [--db-url=postgres://…]`);
  process.exit(2);
}

let dbUrl = option("db-url") ?? process.env.SUPABASE_DB_URL;
if (!dbUrl) {
  loadLocalStackEnv();
  dbUrl = process.env.SUPABASE_DB_URL;
}
if (!dbUrl) {
  console.error("No database: pass --db-url=…, set SUPABASE_DB_URL, or start the local stack (npm start) so that .data/supabase.env exists.");
  process.exit(2);
}

const seedText = option("seed");
const scaleText = option("scale");
const todayText = option("today");
const client = new pg.Client({ connectionString: dbUrl });
await client.connect();
try {
  const summary = await seedScale(client, {
    ...(seedText !== undefined ? { seed: Number(seedText) } : {}),
    ...(scaleText !== undefined ? { scale: Number(scaleText) } : {}),
    ...(todayText !== undefined ? { today: todayText } : {}),
  });
  const { rows } = await client.query<{ size: string }>("select pg_size_pretty(pg_database_size(current_database())) as size");
  const lines = [
    `Scale data set (seed ${summary.seed}, scale ${summary.scale}, today ${summary.today}) in ${(summary.durationMs / 1000).toFixed(1)} s; database ${rows[0]?.size}.`,
    ...Object.entries(summary.counts).map(([table, count]) => `  ${table.padEnd(24)} ${count.toLocaleString("sv-SE")}`),
    `  long thread (${summary.bigThreadPosts} posts) at /forums/${summary.bigThreadForumSlug}/threads/${summary.bigThreadId}`,
    `  generated accounts sign in with samverkan-demo, e.g. ${summary.sampleMemberEmail}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
} catch (error) {
  if (error instanceof ScaleSeedError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await client.end();
}
