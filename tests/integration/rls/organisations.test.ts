/**
 * RLS matrix for organisations, organisation_applications and memberships (DESIGN.md): anonymous
 * visitors read active organisations only; org admins manage their organisation's profile and
 * members; coordinators approve organisations; the board is read-only; membership changes are
 * audited.
 */
import { describe, expect, it } from "vitest";
import { signedInClient } from "../../support/clients.ts";
import {
  ORG,
  USER,
  as,
  auditRows,
  expectDeleteAllowed,
  expectUpdateAllowed,
  fixtureOrg,
  newId,
  rlsMatrix,
  rowOf,
  serviceDelete,
  serviceInsert,
  throwawayUser,
  type Actor,
  type Cell,
  type Target,
} from "../../support/rls.ts";

const ACTIVE = ["eidar", "kronogarden", "vgr", "arbetsformedlingen", "svenskaKyrkan"];

const org = (label: string, orgId: string): Target => ({ label, match: { id: orgId } });
const pendingOrg = (label: string, extra = {}): Target => ({
  label,
  make: async () => {
    const made = await fixtureOrg(extra);
    return { match: { id: made.id }, cleanup: made.remove };
  },
});
const newOrg = (extra = {}) => () => ({ id: newId(), name: "Sylte fritidsförening", kind: "association", ...extra });

rlsMatrix({
  table: "organisations",
  seed: ORG,
  select: {
    anon: ACTIVE,
    coordinator: "all",
    board: ACTIVE,
    eidar: ACTIVE,
    association: ACTIVE,
    region: ACTIVE,
    service: "all",
  },
  cells: [
    // insert: coordinators (and the server, for /apply) create organisations; partners and the board do not
    ...(["anon", "board", "eidar", "association", "region"] as const).map((actor): Cell => ({ op: "insert", actor, label: "a new organisation", row: newOrg(), key: ["id"], allowed: false })),
    { op: "insert", actor: "coordinator", label: "a new pending organisation", row: newOrg({ status: "pending" }), key: ["id"], allowed: true, expected: { status: "pending" } },
    { op: "insert", actor: "service", label: "an /apply organisation", row: newOrg({ status: "pending" }), key: ["id"], allowed: true },

    // update: org admins edit their own profile; status and board reporting only coordinators
    { op: "update", actor: "eidar", target: org("own organisation's description (admin)", ORG.eidar), patch: { description: "Ny beskrivning av Eidar." }, allowed: true },
    { op: "update", actor: "association", target: org("own organisation's website (admin)", ORG.kronogarden), patch: { website: "https://kulturforeningen.example" }, allowed: true },
    { op: "update", actor: "region", target: org("own organisation's description (member, not admin)", ORG.vgr), patch: { description: "Ändrat av medlem" }, allowed: false },
    { op: "update", actor: "eidar", target: org("another organisation (Kronogården)", ORG.kronogarden), patch: { description: "Fel organisation" }, allowed: false },
    { op: "update", actor: "eidar", target: org("own organisation: reports_to_board = false", ORG.eidar), patch: { reports_to_board: false }, allowed: false },
    { op: "update", actor: "eidar", target: org("own organisation: status = archived", ORG.eidar), patch: { status: "archived" }, allowed: false },
    { op: "update", actor: "association", target: org("own organisation: reports_to_board = true", ORG.kronogarden), patch: { reports_to_board: true }, allowed: false },
    { op: "update", actor: "association", target: org("own organisation: approved_by", ORG.kronogarden), patch: { approved_by: USER.association }, allowed: false },
    { op: "update", actor: "board", target: org("AB Eidar", ORG.eidar), patch: { description: "Styrelsen skriver" }, allowed: false },
    { op: "update", actor: "anon", target: org("AB Eidar", ORG.eidar), patch: { description: "Anonym" }, allowed: false },
    { op: "update", actor: "eidar", target: org("the pending Lextorp organisation", ORG.lextorp), patch: { status: "active" }, allowed: false },
    { op: "update", actor: "coordinator", target: pendingOrg("a pending organisation → active (approval)"), patch: { status: "active" }, allowed: true, expected: { status: "active", approved_by: USER.coordinator } },
    { op: "update", actor: "coordinator", target: org("AB Eidar's description", ORG.eidar), patch: { description: "Samordnaren rättar." }, allowed: true },
    { op: "update", actor: "service", target: org("Arbetsförmedlingen's phone", ORG.arbetsformedlingen), patch: { contact_phone: "010-486 00 00" }, allowed: true },

    // delete: only coordinators
    { op: "delete", actor: "coordinator", target: pendingOrg("a pending organisation"), allowed: true },
    ...(["anon", "board", "association", "region"] as const).map((actor): Cell => ({ op: "delete", actor, target: pendingOrg("a pending organisation"), allowed: false })),
    { op: "delete", actor: "eidar", target: org("own organisation", ORG.eidar), allowed: false },
    { op: "delete", actor: "association", target: org("own organisation", ORG.kronogarden), allowed: false },
  ],
});

// --- organisation_applications: personal data of applicants -------------------------------------

const application = (): Target => ({
  label: "an application of a pending organisation",
  make: async () => {
    const made = await fixtureOrg();
    const [row] = await serviceInsert("organisation_applications", { org_id: made.id, applicant_name: "Test Testsson", applicant_email: "test@exempel.se" });
    return { match: { id: String(row?.id) }, cleanup: made.remove };
  },
});
const newApplication = (orgId: string) => () => ({ id: newId(), org_id: orgId, applicant_name: "Omar Haddad", applicant_email: "omar@exempel.se" });

rlsMatrix({
  table: "organisation_applications",
  key: ["org_id"],
  seed: { "lextorp application": ORG.lextorp },
  select: { anon: [], coordinator: ["lextorp application"], board: [], eidar: [], association: [], region: [], service: ["lextorp application"] },
  cells: [
    ...(["anon", "board", "eidar", "association", "region"] as const).map((actor): Cell => ({ op: "insert", actor, label: "an application for Stavre (archived)", row: newApplication(ORG.stavre), key: ["id"], allowed: false })),
    { op: "insert", actor: "coordinator", label: "an application for Stavre (archived)", row: newApplication(ORG.stavre), key: ["id"], allowed: true },
    { op: "update", actor: "coordinator", target: application(), patch: { message: "Rättat" }, allowed: true },
    ...(["anon", "board", "eidar", "association", "region"] as const).map((actor): Cell => ({ op: "update", actor, target: application(), patch: { message: "Ändrat" }, allowed: false })),
    { op: "delete", actor: "coordinator", target: application(), allowed: true },
    ...(["anon", "board", "eidar", "association", "region"] as const).map((actor): Cell => ({ op: "delete", actor, target: application(), allowed: false })),
  ],
});

// --- memberships ---------------------------------------------------------------------------------

const m = (orgId: string, userId: string) => `${orgId}|${userId}`;
const MEMBERSHIPS = {
  "eidar: eidar (admin)": m(ORG.eidar, USER.eidar),
  "eidar: johan (member)": m(ORG.eidar, USER.johan),
  "krono: association (admin)": m(ORG.kronogarden, USER.association),
  "krono: yasmin (invited)": m(ORG.kronogarden, USER.yasmin),
  "vgr: region (member)": m(ORG.vgr, USER.region),
  "svk: elin (admin)": m(ORG.svenskaKyrkan, USER.elin),
};
const seedMembership = (label: string, orgId: string, userId: string): Target => ({ label, match: { org_id: orgId, user_id: userId } });
/** A membership of a throwaway person (so no persona's visibility changes while it exists). */
const memberFixture = (label: string, orgId: string, extra = {}): Target => ({
  label,
  make: async () => {
    const user = await throwawayUser();
    await serviceInsert("memberships", { org_id: orgId, user_id: user.id, role: "member", status: "active", ...extra });
    return { match: { org_id: orgId, user_id: user.id }, cleanup: user.remove };
  },
});
/** Inserts a membership for a throwaway person as `actor`; the person is removed afterwards. */
const invite = (actor: Actor, label: string, orgId: string, allowed: boolean, extra = {}): Cell => {
  let user: Awaited<ReturnType<typeof throwawayUser>> | undefined;
  return {
    op: "insert",
    actor,
    label,
    row: async () => {
      user = await throwawayUser();
      return { org_id: orgId, user_id: user.id, role: "member", status: "invited", ...extra };
    },
    cleanup: async () => {
      await user?.remove();
    },
    key: ["org_id", "user_id"],
    allowed,
    ...(allowed ? { expected: { status: "invited", invited_by: USER[actor as "eidar"] ?? null } } : {}),
  };
};

rlsMatrix({
  table: "memberships",
  key: ["org_id", "user_id"],
  seed: MEMBERSHIPS,
  select: {
    anon: [],
    coordinator: "all",
    board: [],
    eidar: ["eidar: eidar (admin)", "eidar: johan (member)"],
    association: ["krono: association (admin)", "krono: yasmin (invited)"],
    region: ["vgr: region (member)"],
    service: "all",
  },
  cells: [
    invite("eidar", "an invitation to own organisation (admin)", ORG.eidar, true),
    invite("coordinator", "an invitation to Kronogården", ORG.kronogarden, true),
    invite("eidar", "an invitation to Kronogården", ORG.kronogarden, false),
    invite("region", "an invitation to own organisation (member, not admin)", ORG.vgr, false),
    invite("board", "an invitation to AB Eidar", ORG.eidar, false),
    invite("anon", "an invitation to AB Eidar", ORG.eidar, false),
    { op: "insert", actor: "region", label: "itself as admin of AB Eidar", row: () => ({ org_id: ORG.eidar, user_id: USER.region, role: "admin", status: "active" }), key: ["org_id", "user_id"], allowed: false },
    { op: "insert", actor: "board", label: "itself as member of AB Eidar", row: () => ({ org_id: ORG.eidar, user_id: USER.board, role: "member", status: "active" }), key: ["org_id", "user_id"], allowed: false },

    { op: "update", actor: "eidar", target: memberFixture("a member of own organisation → admin", ORG.eidar), patch: { role: "admin" }, allowed: true },
    { op: "update", actor: "coordinator", target: memberFixture("a member of Svenska kyrkan → admin", ORG.svenskaKyrkan), patch: { role: "admin" }, allowed: true },
    { op: "update", actor: "region", target: seedMembership("own membership → admin", ORG.vgr, USER.region), patch: { role: "admin" }, allowed: false },
    { op: "update", actor: "association", target: seedMembership("Johan's membership of AB Eidar", ORG.eidar, USER.johan), patch: { role: "admin" }, allowed: false },
    { op: "update", actor: "region", target: seedMembership("Johan's membership of AB Eidar", ORG.eidar, USER.johan), patch: { status: "invited" }, allowed: false },
    { op: "update", actor: "board", target: seedMembership("Johan's membership of AB Eidar", ORG.eidar, USER.johan), patch: { role: "admin" }, allowed: false },
    { op: "update", actor: "anon", target: seedMembership("Johan's membership of AB Eidar", ORG.eidar, USER.johan), patch: { role: "admin" }, allowed: false },
    { op: "update", actor: "eidar", target: seedMembership("own (only) admin membership → member", ORG.eidar, USER.eidar), patch: { role: "member" }, allowed: false, codes: ["23514"] },
    { op: "update", actor: "eidar", target: seedMembership("Johan's membership moved to Kronogården", ORG.eidar, USER.johan), patch: { org_id: ORG.kronogarden }, allowed: false },

    { op: "delete", actor: "eidar", target: memberFixture("a member of own organisation", ORG.eidar), allowed: true },
    { op: "delete", actor: "coordinator", target: memberFixture("a member of Kronogården", ORG.kronogarden), allowed: true },
    { op: "delete", actor: "association", target: memberFixture("a member of AB Eidar", ORG.eidar), allowed: false },
    { op: "delete", actor: "region", target: memberFixture("a member of own organisation (member, not admin)", ORG.vgr), allowed: false },
    { op: "delete", actor: "board", target: memberFixture("a member of AB Eidar", ORG.eidar), allowed: false },
    { op: "delete", actor: "anon", target: memberFixture("a member of AB Eidar", ORG.eidar), allowed: false },
    { op: "delete", actor: "eidar", target: seedMembership("own (only) admin membership", ORG.eidar, USER.eidar), allowed: false, codes: ["23514"] },
  ],
});

describe("memberships and organisations: every state change is audited", () => {
  it("an invitation, its acceptance, a role change and the removal each write an audit row with the actor", async () => {
    const user = await throwawayUser();
    try {
      const eidar = await as("eidar");
      const invited = await eidar.from("memberships").insert({ org_id: ORG.eidar, user_id: user.id, role: "member", status: "invited" }).select("id").single();
      expect(invited.error).toBeNull();
      const membershipId = String((invited.data as { id: string }).id);

      // the invited person accepts (signed in as themselves)
      const invitee = await signedInClient({ email: user.email, password: "rls-test-password" });
      expect((await invitee.from("memberships").update({ status: "active" } as never).eq("id", membershipId)).error).toBeNull();
      // ...but cannot make themselves admin
      const selfPromotion = await invitee.from("memberships").update({ role: "admin" } as never).eq("id", membershipId);
      expect(selfPromotion.error?.code).toBe("42501");

      await expectUpdateAllowed("eidar", "memberships", { id: membershipId }, { role: "admin" }, { restore: false });
      await expectDeleteAllowed("eidar", "memberships", { id: membershipId });

      const audit = await auditRows(membershipId);
      expect(audit.map((row) => [row.action, row.actor_id])).toEqual([
        ["membership.invited", USER.eidar],
        ["membership.activated", user.id],
        ["membership.role_changed", USER.eidar],
        ["membership.removed", USER.eidar],
      ]);
    } finally {
      await user.remove();
    }
  });

  it("approving an organisation is audited with the coordinator as actor", async () => {
    const made = await fixtureOrg();
    try {
      await expectUpdateAllowed("coordinator", "organisations", { id: made.id }, { status: "active" }, { restore: false });
      expect(await rowOf("organisations", { id: made.id })).toMatchObject({ status: "active", approved_by: USER.coordinator });
      const audit = await auditRows(made.id);
      expect(audit.map((row) => [row.action, row.actor_id])).toEqual([
        ["organisation.created", null],
        ["organisation.approved", USER.coordinator],
      ]);
    } finally {
      await serviceDelete("organisations", { id: made.id });
    }
  });
});
