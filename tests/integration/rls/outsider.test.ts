/**
 * The outsider through the real API (issue 9): a signed-in account with no organisation, no
 * platform role and no forum membership reads every table in `public` through supabase-js
 * (gateway → PostgREST → Postgres) and sees exactly what rules.ts allows it, and its writes where a
 * partner could write are refused. The generated matrix checks the same rules in the database for
 * every operation; this file proves the API path (JWT, role switch, claims) gives the same answer.
 */
import { afterAll, describe, expect, it } from "vitest";
import { FORUM, ORG, PERIOD, THREAD, as, newId, outsider, removeOutsider, rowOf, sql } from "../../support/rls.ts";
import { RULES, predicateSql, ruleFor } from "./rules.ts";

afterAll(() => removeOutsider());

async function keyColumns(table: string): Promise<string[]> {
  const rows = await sql<{ name: string }>(
    `select a.attname as name from pg_index i cross join lateral unnest(i.indkey) with ordinality k(attnum, n)
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
      where i.indrelid = $1::regclass and i.indisprimary order by k.n`,
    [`public.${table}`],
  );
  return rows.map((row) => row.name);
}

/** The keys (joined with "|") of the rows the rule lets the outsider read, as the superuser sees them now. */
async function allowedNow(table: string, key: string[], uid: string): Promise<Set<string>> {
  const where = predicateSql(ruleFor(RULES[table]!, "select", "outsider"), uid, uid);
  const label = `concat_ws('|', ${key.map((column) => `r."${column}"::text`).join(", ")})`;
  return new Set((await sql<{ k: string }>(`select ${label} as k from public."${table}" r where ${where}`)).map((row) => row.k));
}

async function allKeys(table: string, key: string[]): Promise<Set<string>> {
  const label = `concat_ws('|', ${key.map((column) => `r."${column}"::text`).join(", ")})`;
  return new Set((await sql<{ k: string }>(`select ${label} as k from public."${table}" r`)).map((row) => row.k));
}

describe("the outsider (an account with no organisation) through the API", () => {
  it("reads exactly what rules.ts allows of every table in public", async () => {
    const { id } = await outsider();
    const client = await as("outsider");
    const tables = (await sql<{ table: string }>("select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1")).map((row) => row.table);
    expect(tables.filter((table) => !(table in RULES))).toEqual([]);
    const wrong: string[] = [];
    for (const table of tables) {
      const key = await keyColumns(table);
      // Other test files write concurrently: judge only rows that existed, with the same verdict,
      // before and after the request.
      const [before, existedBefore] = [await allowedNow(table, key, id), await allKeys(table, key)];
      const { data, error } = await client.from(table).select(key.join(","));
      const [after, existedAfter] = [await allowedNow(table, key, id), await allKeys(table, key)];
      if (error) {
        if (error.code !== "42501") wrong.push(`${table}: ${error.code} ${error.message}`);
        else if (before.size > 0) wrong.push(`${table}: refused (42501), but the rules allow ${before.size} rows`);
        continue;
      }
      const seen = new Set(((data ?? []) as unknown as Record<string, unknown>[]).map((row) => key.map((column) => String(row[column])).join("|")));
      const stable = [...existedBefore].filter((k) => existedAfter.has(k) && before.has(k) === after.has(k));
      const extra = stable.filter((k) => seen.has(k) && !before.has(k));
      const missing = stable.filter((k) => !seen.has(k) && before.has(k));
      if (extra.length) wrong.push(`${table}: sees ${extra.length} rows the rules forbid (${extra.slice(0, 3).join(", ")})`);
      if (missing.length) wrong.push(`${table}: misses ${missing.length} rows the rules allow (${missing.slice(0, 3).join(", ")})`);
    }
    expect(wrong).toEqual([]);
  });

  it("cannot read e-mail addresses from profiles (column privilege), not even its own row's", async () => {
    const client = await as("outsider");
    const { error } = await client.from("profiles").select("id, email");
    expect(error?.code).toBe("42501");
  });

  it("cannot write where a partner could: an initiative, a thread, a post, a draft report, a membership", async () => {
    const { id } = await outsider();
    const client = await as("outsider");
    const attempts: [string, Record<string, unknown>][] = [
      ["initiatives", { id: newId(), org_id: ORG.kronogarden, title: "Utomståendes insats", status: "draft" }],
      ["threads", { id: newId(), forum_id: FORUM.samverkan, title: "Utomståendes tråd", author_id: id }],
      ["posts", { id: newId(), thread_id: THREAD.welcome, body: "Utomståendes inlägg", author_id: id }],
      ["reports", { id: newId(), org_id: ORG.kronogarden, period_id: PERIOD.halvar2026, status: "draft" }],
      ["memberships", { id: newId(), org_id: ORG.kronogarden, user_id: id, role: "admin", status: "invited" }],
      ["forum_members", { forum_id: FORUM.samverkan, user_id: id, role: "member", status: "active" }],
    ];
    for (const [table, row] of attempts) {
      const { error } = await client.from(table).insert(row);
      expect(error?.code, `${table}: ${error?.message ?? "stored"}`).toBe("42501");
      const match: Record<string, string> = "id" in row ? { id: row.id as string } : { forum_id: row.forum_id as string, user_id: id };
      expect(await rowOf(table, match), `${table}: nothing stored`).toBeNull();
    }
  });
});
