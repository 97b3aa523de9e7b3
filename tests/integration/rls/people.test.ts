/**
 * RLS matrix for profiles and platform_roles: anonymous visitors see no people; signed-in users
 * read profiles (names of collaborators) and edit only their own; only coordinators grant and
 * revoke platform roles (nobody promotes themselves), and that is audited. E-mail addresses are not
 * for every signed-in user: only through `profile_emails` / `member_email` (the person, coordinators,
 * admins of an organisation the person belongs to), `people_matching` (coordinators' search) and
 * `profile_id_by_email` (inviters' exact lookup).
 */
import { describe, expect, it } from "vitest";
import { USER, as, auditRows, expectDeleteAllowed, expectInsertAllowed, newId, rlsMatrix, serviceInsert, throwawayUser, type Cell, type Target } from "../../support/rls.ts";

const profile = (label: string, userId: string): Target => ({ label, match: { id: userId } });

rlsMatrix({
  table: "profiles",
  seed: USER,
  select: { anon: [], coordinator: "all", board: "all", eidar: "all", association: "all", region: "all", service: "all" },
  cells: [
    ...(["anon", "board", "eidar", "coordinator"] as const).map((actor): Cell => ({ op: "insert", actor, label: "a profile for someone else", row: () => ({ id: newId(), full_name: "Påhittad Person" }), key: ["id"], allowed: false })),

    { op: "update", actor: "eidar", target: profile("own profile (title)", USER.eidar), patch: { title: "Områdeschef, AB Eidar" }, allowed: true },
    { op: "update", actor: "board", target: profile("own profile (locale)", USER.board), patch: { locale: "en" }, allowed: true },
    { op: "update", actor: "region", target: profile("own notification settings", USER.region), patch: { notify_digest: true }, allowed: true },
    { op: "update", actor: "eidar", target: profile("own e-mail copy", USER.eidar), patch: { email: "annan@eidar.example" }, allowed: false },
    { op: "update", actor: "eidar", target: profile("Region's profile", USER.region), patch: { full_name: "Fel Person" }, allowed: false },
    { op: "update", actor: "association", target: profile("Yasmin's profile (a colleague)", USER.yasmin), patch: { title: "Ändrad av admin" }, allowed: false },
    { op: "update", actor: "coordinator", target: profile("Eidar's profile", USER.eidar), patch: { phone: "000" }, allowed: false },
    { op: "update", actor: "anon", target: profile("Eidar's profile", USER.eidar), patch: { phone: "000" }, allowed: false },
    { op: "update", actor: "service", target: profile("Eidar's profile", USER.eidar), patch: { phone: "0520-42 21 01" }, allowed: true },

    ...(["anon", "board", "coordinator", "region"] as const).map((actor): Cell => ({ op: "delete", actor, target: profile("Region's profile", USER.region), allowed: false })),
    { op: "delete", actor: "eidar", target: profile("own profile", USER.eidar), allowed: false },
  ],
});

const role = (userId: string, name: "coordinator" | "board") => `${userId}|${name}`;
const seedRole = (label: string, userId: string, name: "coordinator" | "board"): Target => ({ label, match: { user_id: userId, role: name } });
const grantToNewUser = (actor: Cell["actor"], name: "coordinator" | "board", allowed: boolean): Cell => {
  let user: Awaited<ReturnType<typeof throwawayUser>> | undefined;
  return {
    op: "insert",
    actor,
    label: `the ${name} role to a new user`,
    row: async () => {
      user = await throwawayUser();
      return { user_id: user.id, role: name };
    },
    key: ["user_id", "role"],
    allowed,
    cleanup: async () => {
      await user?.remove();
    },
  };
};
const roleFixture = (label: string): Target => ({
  label,
  make: async () => {
    const user = await throwawayUser();
    await serviceInsert("platform_roles", { user_id: user.id, role: "board" });
    return { match: { user_id: user.id, role: "board" }, cleanup: user.remove };
  },
});

rlsMatrix({
  table: "platform_roles",
  key: ["user_id", "role"],
  seed: { "coordinator's role": role(USER.coordinator, "coordinator"), "board's role": role(USER.board, "board") },
  select: {
    anon: [],
    coordinator: ["coordinator's role", "board's role"],
    board: ["board's role"],
    eidar: [],
    association: [],
    region: [],
    service: ["coordinator's role", "board's role"],
  },
  cells: [
    grantToNewUser("coordinator", "board", true),
    grantToNewUser("coordinator", "coordinator", true),
    grantToNewUser("service", "board", true),
    ...(["anon", "board", "eidar", "region"] as const).map((actor) => grantToNewUser(actor, "board", false)),
    // nobody promotes themselves
    { op: "insert", actor: "board", label: "the coordinator role to itself", row: () => ({ user_id: USER.board, role: "coordinator" }), key: ["user_id", "role"], allowed: false },
    { op: "insert", actor: "eidar", label: "the coordinator role to itself", row: () => ({ user_id: USER.eidar, role: "coordinator" }), key: ["user_id", "role"], allowed: false },
    { op: "insert", actor: "region", label: "the board role to itself", row: () => ({ user_id: USER.region, role: "board" }), key: ["user_id", "role"], allowed: false },

    // a role is granted or revoked, never edited
    ...(["anon", "board", "coordinator", "eidar"] as const).map((actor): Cell => ({ op: "update", actor, target: seedRole("the board member's role → coordinator", USER.board, "board"), patch: { role: "coordinator" }, allowed: false })),

    { op: "delete", actor: "coordinator", target: roleFixture("a board role"), allowed: true },
    ...(["anon", "board", "eidar", "association", "region"] as const).map((actor): Cell => ({ op: "delete", actor, target: roleFixture("a board role"), allowed: false })),
    { op: "delete", actor: "board", target: seedRole("its own board role", USER.board, "board"), allowed: false },
    { op: "delete", actor: "eidar", target: seedRole("the coordinator's role", USER.coordinator, "coordinator"), allowed: false },
  ],
});

describe("platform roles are audited", () => {
  it("a grant and a revocation by a coordinator each write an audit row", async () => {
    const user = await throwawayUser();
    try {
      await expectInsertAllowed("coordinator", "platform_roles", { user_id: user.id, role: "board" }, { user_id: user.id, role: "board" });
      await serviceInsert("platform_roles", { user_id: user.id, role: "board" });
      await expectDeleteAllowed("coordinator", "platform_roles", { user_id: user.id, role: "board" });
      // granted by the coordinator, revoked by the helper (service), granted by the service, revoked by the coordinator
      const audit = (await auditRows(user.id)).filter((row) => row.action.startsWith("platform_role."));
      expect(audit.map((row) => [row.action, row.actor_id])).toEqual([
        ["platform_role.granted", USER.coordinator],
        ["platform_role.revoked", null],
        ["platform_role.granted", null],
        ["platform_role.revoked", USER.coordinator],
      ]);
    } finally {
      await user.remove();
    }
  });
});

describe("e-mail addresses in profiles", () => {
  const ACTORS = ["anon", "coordinator", "board", "eidar", "association", "region"] as const;

  it.each(ACTORS)("%s cannot select the email column itself", async (actor) => {
    const { error } = await (await as(actor)).from("profiles").select("id, email").limit(1);
    expect(error?.code).toBe("42501");
  });

  it("every persona keeps reading names (the columns other than email)", async () => {
    for (const actor of ["coordinator", "board", "eidar", "association", "region"] as const) {
      const { data, error } = await (await as(actor)).from("profiles").select("id, full_name").eq("id", USER.johan);
      expect(error, actor).toBeNull();
      expect(data, actor).toHaveLength(1);
    }
  });

  const byId = new Map<string, string>(Object.entries(USER).map(([name, id]) => [id, name]));
  const names = (rows: { id: string; email: string | null }[]) => rows.filter((row) => row.email).map((row) => byId.get(row.id) ?? row.id).sort();

  /** Whose addresses `actor` sees among the seeded people, through profile_emails and through memberships. */
  async function visibleAddresses(actor: (typeof ACTORS)[number]): Promise<string[]> {
    const client = await as(actor);
    const { data, error } = await client.rpc("profile_emails", { p_ids: Object.values(USER) });
    expect(error, actor).toBeNull();
    const direct = names((data ?? []) as { id: string; email: string | null }[]);
    const members = await client.from("memberships").select("user_id, email:member_email").in("user_id", Object.values(USER));
    expect(members.error, actor).toBeNull();
    const viaMemberships = names(((members.data ?? []) as { user_id: string; email: string | null }[]).map((row) => ({ id: row.user_id, email: row.email })));
    // Never more through memberships than directly (the same rule), and own address only if a member.
    for (const name of viaMemberships) expect(direct, `${actor} via memberships`).toContain(name);
    return direct;
  }

  it("the coordinator sees everyone's address", async () => {
    expect(await visibleAddresses("coordinator")).toEqual(Object.keys(USER).sort());
  });

  it("an organisation admin sees their own and their members' (active or invited), nobody else's", async () => {
    expect(await visibleAddresses("eidar")).toEqual(["eidar", "johan"]);
    expect(await visibleAddresses("association")).toEqual(["association", "yasmin"]);
  });

  it("a plain member and a board member see only their own", async () => {
    expect(await visibleAddresses("region")).toEqual(["region"]);
    expect(await visibleAddresses("board")).toEqual(["board"]);
  });

  it("anonymous visitors cannot use any of the functions", async () => {
    const anon = await as("anon");
    expect((await anon.rpc("profile_id_by_email", { p_email: "eidar@eidar.example" })).error?.code).toBe("42501");
    expect((await anon.rpc("profile_emails", { p_ids: [USER.eidar] })).error?.code).toBe("42501");
    expect((await anon.rpc("people_matching", { p_term: "eidar" })).error?.code).toBe("42501");
  });

  it("only coordinators find people by part of their address", async () => {
    const found = await (await as("coordinator")).rpc("people_matching", { p_term: "vgregion" });
    expect(found.error).toBeNull();
    expect(found.data).toContain(USER.region);
    for (const actor of ["board", "eidar", "association", "region"] as const) {
      const { data, error } = await (await as(actor)).rpc("people_matching", { p_term: "vgregion" });
      expect(error, actor).toBeNull();
      expect(data, actor).toEqual([]);
    }
  });

  it("only inviters (coordinators, organisation admins) can look up an account by exact address", async () => {
    for (const actor of ["coordinator", "eidar", "association"] as const) {
      const { data, error } = await (await as(actor)).rpc("profile_id_by_email", { p_email: " Region@VGregion.example " });
      expect(error, actor).toBeNull();
      expect(data, actor).toBe(USER.region);
    }
    for (const actor of ["board", "region"] as const) {
      const { data, error } = await (await as(actor)).rpc("profile_id_by_email", { p_email: "region@vgregion.example" });
      expect(error, actor).toBeNull();
      expect(data, actor).toBeNull();
    }
    const { data } = await (await as("coordinator")).rpc("profile_id_by_email", { p_email: "%@%" });
    expect(data, "no pattern matching").toBeNull();
  });
});
