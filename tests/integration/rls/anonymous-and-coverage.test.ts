/**
 * What an anonymous visitor can reach (DESIGN.md: active organisations' public profile and public,
 * non-draft initiatives — nothing else), checked against every table in `public` as the database
 * lists it, and guards that every such table has RLS on, a policy and a matrix in this directory,
 * that security definer functions fix their search_path, and that no view bypasses RLS.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INITIATIVE, ORG, as, sql } from "../../support/rls.ts";

async function publicTables(): Promise<{ table: string; rls: boolean }[]> {
  return sql<{ table: string; rls: boolean }>(
    "select c.relname as table, c.relrowsecurity as rls from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1",
  );
}

/** What anonymous visitors may read, and how each visible row must look. */
const ANON_READABLE: Record<string, { select: string; check: (row: Record<string, unknown>) => boolean }> = {
  organisations: { select: "id, status", check: (row) => row.status === "active" },
  initiatives: { select: "id, status, is_public, org_id", check: (row) => row.is_public === true && row.status !== "draft" },
  // partners of initiatives the visitor can see (checked in initiatives.test.ts)
  initiative_partners: { select: "initiative_id, org_id", check: () => true },
  // progress of initiatives the visitor can see (checked in initiative-activity.test.ts)
  initiative_updates: { select: "id, initiative_id", check: () => true },
};

describe("anonymous visitors", () => {
  it("read only active organisations: the five active seed organisations, no pending or archived one", async () => {
    const { data, error } = await (await as("anon")).from("organisations").select("id, status");
    expect(error).toBeNull();
    const rows = data as { id: string; status: string }[];
    expect(rows.every((row) => row.status === "active")).toBe(true);
    const seedIds = new Set<string>(Object.values(ORG));
    expect(rows.filter((row) => seedIds.has(row.id)).map((row) => row.id).sort()).toEqual([ORG.eidar, ORG.kronogarden, ORG.vgr, ORG.arbetsformedlingen, ORG.svenskaKyrkan].sort());
  });

  it("read only public, non-draft initiatives: 9 of the 12 seed initiatives (not #4 non-public, #5 public draft, #7 draft)", async () => {
    const { data, error } = await (await as("anon")).from("initiatives").select("id, status, is_public");
    expect(error).toBeNull();
    const rows = data as { id: string; status: string; is_public: boolean }[];
    expect(rows.every((row) => row.is_public && row.status !== "draft")).toBe(true);
    const seed = new Set(Object.values(INITIATIVE));
    const seen = rows.filter((row) => seed.has(row.id)).map((row) => row.id);
    expect(seen).toHaveLength(9);
    expect(seen).not.toContain(INITIATIVE[4]);
    expect(seen).not.toContain(INITIATIVE[5]);
    expect(seen).not.toContain(INITIATIVE[7]);
  });

  it("read nothing at all of every other table in public", async () => {
    const anon = await as("anon");
    const tables = await publicTables();
    expect(tables.length).toBeGreaterThanOrEqual(16);
    const leaks: string[] = [];
    for (const { table } of tables) {
      const rule = ANON_READABLE[table];
      const { data, error } = await anon.from(table).select(rule?.select ?? "*");
      if (error) {
        // refused outright is fine (no privilege), anything else is a broken table
        if (error.code !== "42501") leaks.push(`${table}: unexpected ${error.code} ${error.message}`);
        continue;
      }
      const rows = (data ?? []) as unknown as Record<string, unknown>[];
      if (!rule && rows.length > 0) leaks.push(`${table}: ${rows.length} rows`);
      if (rule && !rows.every(rule.check)) leaks.push(`${table}: rows outside the public catalogue`);
    }
    expect(leaks).toEqual([]);
  });

  it("cannot call the access helpers or the board's indicator totals", async () => {
    const anon = await as("anon");
    for (const fn of ["is_coordinator", "is_board", "indicator_totals"]) {
      const { error } = await anon.rpc(fn, fn === "indicator_totals" ? { p_period_id: "cccccccc-0000-4000-8000-000000000001" } : {});
      expect(error?.code, fn).toBe("42501");
    }
  });
});

describe("coverage of the matrix", () => {
  it("every table in public has row-level security enabled", async () => {
    const off = (await publicTables()).filter((table) => !table.rls).map((table) => table.table);
    expect(off).toEqual([]);
  });

  it("tables outside public (the project's private helpers) have RLS on and nothing granted to the API roles", async () => {
    const rows = await sql<{ table: string; rls: boolean; granted: boolean }>(
      `select n.nspname || '.' || c.relname as table, c.relrowsecurity as rls,
              exists (select 1 from unnest(array['anon', 'authenticated']) r(role)
                       where has_table_privilege(r.role, c.oid, 'select, insert, update, delete')) as granted
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p')
          and n.nspname not in ('public', 'auth', 'storage', 'supabase_migrations', 'pg_catalog', 'information_schema', 'pg_toast')
        order by 1`,
    );
    expect(rows.map((row) => row.table)).toContain("private.forum_counters");
    expect(rows.filter((row) => !row.rls || row.granted)).toEqual([]);
  });

  it("every table in public has at least one policy (RLS on and no policy would silently lock it)", async () => {
    const rows = await sql<{ table: string }>(
      `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
          and not exists (select 1 from pg_policy p where p.polrelid = c.oid) order by 1`,
    );
    expect(rows.map((row) => row.table)).toEqual([]);
  });

  it("every security definer function in public runs with a fixed search_path", async () => {
    const rows = await sql<{ name: string }>(
      `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.prosecdef
          and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) setting where setting like 'search_path=%')
        order by 1`,
    );
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("no view in public bypasses RLS (views run as the caller; no materialized views)", async () => {
    const rows = await sql<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public'
          and (c.relkind = 'm' or (c.relkind = 'v' and not coalesce(c.reloptions @> array['security_invoker=true'], false)))
        order by 1`,
    );
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("every table in public has a matrix in tests/integration/rls (a new table needs one)", async () => {
    const dir = import.meta.dirname;
    const covered = new Set<string>();
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".test.ts"))) {
      const text = readFileSync(path.join(dir, file), "utf8");
      for (const match of text.matchAll(/table: "([a-z_]+)"/g)) covered.add(match[1]!);
      if (text.includes('from("audit_log")')) covered.add("audit_log");
    }
    const missing = (await publicTables()).map((table) => table.table).filter((table) => !covered.has(table));
    expect(missing).toEqual([]);
  });
});
