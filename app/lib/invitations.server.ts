/**
 * Inviting people: to an organisation (org admins and coordinators) or with a platform role
 * (coordinators). The account and its one-time link are made with the service role
 * (`sendInvitation`, which no user may do); the membership or platform role is written with the
 * INVITER's client, so RLS decides whether they may, and the audit triggers record who did it.
 */
import type { Database } from "./database.types";
import { sendInvitation, sendSignInOrResetLink } from "./auth-links.server";
import { isUnreachable, serviceUnavailable } from "./http.server";
import type { Locale } from "./i18n";
import type { MemberErrorKey } from "./schemas/members";
import type { TypedSupabaseClient } from "./supabase.server";

type MembershipRole = Database["public"]["Enums"]["membership_role"];
type PlatformRole = Database["public"]["Enums"]["platform_role"];

/** Where the invitation link leads after /auth/confirm: choosing a name and a password. */
export const WELCOME_PATH = "/welcome";
/** Where a person who already has an account goes to accept (no new password needed). */
export const JOIN_PATH = "/welcome?join=1";

export type InviteOutcome =
  | { ok: true; existingAccount: boolean }
  | { ok: false; field: "email" | "platformRole"; error: MemberErrorKey }
  | { ok: false; field: null; error: "refused" | "failed" };

interface Inviter {
  name: string;
  locale: Locale;
}

export interface InviteRequest {
  email: string;
  name: string;
  organisation?: { id: string; name: string; role: MembershipRole } | null;
  platformRole?: PlatformRole | null;
}

function failOn(error: { code?: string; message: string; status?: number } | null): void {
  if (isUnreachable(error)) serviceUnavailable();
}

async function profileIdByEmail(supabase: TypedSupabaseClient, email: string): Promise<string | null> {
  // Addresses are not readable by inviters; this function answers only "which account, if any".
  const { data, error } = await supabase.rpc("profile_id_by_email", { p_email: email });
  failOn(error);
  return data ?? null;
}

/**
 * Invites `email`. Refuses (as a field error, not an exception) an address that already belongs
 * to the organisation or already has the platform role. An address with an account is added as
 * invited and gets a sign-in link to accept, instead of an invitation.
 */
export async function invite(supabase: TypedSupabaseClient, inviter: Inviter, request: InviteRequest): Promise<InviteOutcome> {
  const email = request.email.trim().toLowerCase();
  const knownId = await profileIdByEmail(supabase, email);

  if (knownId && request.organisation) {
    const { data, error } = await supabase
      .from("memberships")
      .select("status")
      .eq("org_id", request.organisation.id)
      .eq("user_id", knownId)
      .maybeSingle();
    failOn(error);
    if (data) return { ok: false, field: "email", error: data.status === "active" ? "alreadyMember" : "alreadyInvited" };
  }
  if (knownId && request.platformRole) {
    const { data, error } = await supabase
      .from("platform_roles")
      .select("role")
      .eq("user_id", knownId)
      .eq("role", request.platformRole)
      .maybeSingle();
    failOn(error);
    if (data) return { ok: false, field: "platformRole", error: "alreadyHasRole" };
  }

  const sent = await sendInvitation(email, {
    next: WELCOME_PATH,
    locale: inviter.locale,
    data: { full_name: request.name, locale: inviter.locale },
    name: request.name,
    inviterName: inviter.name,
    organisationName: request.organisation?.name ?? null,
  });
  let userId: string;
  let existingAccount = false;
  if (sent.ok) {
    userId = sent.userId;
  } else if (sent.reason === "already-registered") {
    const id = knownId ?? (await profileIdByEmail(supabase, email));
    if (!id) return { ok: false, field: null, error: "failed" };
    userId = id;
    existingAccount = true;
  } else {
    console.error(`Could not create an invitation: ${sent.message}`);
    return { ok: false, field: null, error: "failed" };
  }

  if (request.organisation) {
    const { error } = await supabase
      .from("memberships")
      .insert({ org_id: request.organisation.id, user_id: userId, role: request.organisation.role, status: "invited" });
    failOn(error);
    if (error?.code === "23505") return { ok: false, field: "email", error: "alreadyInvited" };
    if (error) {
      if (error.code !== "42501") console.error(`Could not record an invitation: ${error.code} ${error.message}`);
      return { ok: false, field: null, error: error.code === "42501" ? "refused" : "failed" };
    }
  }
  if (request.platformRole) {
    const { error } = await supabase.from("platform_roles").insert({ user_id: userId, role: request.platformRole });
    failOn(error);
    if (error && error.code !== "23505") {
      if (error.code !== "42501") console.error(`Could not grant a platform role: ${error.code} ${error.message}`);
      return { ok: false, field: null, error: error.code === "42501" ? "refused" : "failed" };
    }
  }
  if (existingAccount) {
    // They already have a password: a sign-in link to accept the invitation is enough.
    await sendSignInOrResetLink("magiclink", email, { next: JOIN_PATH, locale: inviter.locale });
  }
  return { ok: true, existingAccount };
}

/**
 * Sends a new link for a pending invitation (the previous link stops working). The update of
 * `invited_at` goes through the inviter's client first, so only those RLS lets manage the
 * organisation's members can resend.
 */
export async function resendInvitation(
  supabase: TypedSupabaseClient,
  inviter: Inviter,
  orgId: string,
  membershipId: string,
): Promise<{ ok: boolean; reason?: "refused" | "failed" }> {
  const { data, error } = await supabase
    .from("memberships")
    .update({ invited_at: new Date().toISOString() })
    .eq("id", membershipId)
    .eq("org_id", orgId)
    .eq("status", "invited")
    .select("role, email:member_email, profiles!memberships_user_id_fkey(full_name), organisations!inner(name)")
    .maybeSingle();
  failOn(error);
  if (error || !data?.email) return { ok: false, reason: error && error.code !== "42501" ? "failed" : "refused" };
  const email = data.email;
  const sent = await sendInvitation(email, {
    next: WELCOME_PATH,
    locale: inviter.locale,
    name: data.profiles.full_name || null,
    inviterName: inviter.name,
    organisationName: data.organisations.name,
  });
  if (sent.ok) return { ok: true };
  if (sent.reason === "already-registered") {
    await sendSignInOrResetLink("magiclink", email, { next: JOIN_PATH, locale: inviter.locale });
    return { ok: true };
  }
  console.error(`Could not resend an invitation: ${sent.message}`);
  return { ok: false, reason: "failed" };
}

/** The signed-in person's pending invitations, with the organisations' names. */
export async function pendingInvitationsOf(supabase: TypedSupabaseClient, userId: string) {
  const { data, error } = await supabase
    .from("memberships")
    .select("id, role, organisations!inner(name)")
    .eq("user_id", userId)
    .eq("status", "invited");
  failOn(error);
  if (error) throw new Error(`Could not load invitations: ${error.message}`);
  return (data ?? []).map((row) => ({ id: row.id, role: row.role, organisation: row.organisations.name }));
}

/** Accepts every pending invitation of the signed-in person (the invitee's own invited -> active). */
export async function acceptInvitations(supabase: TypedSupabaseClient, userId: string): Promise<void> {
  const { error } = await supabase.from("memberships").update({ status: "active" }).eq("user_id", userId).eq("status", "invited");
  failOn(error);
  if (error) throw new Error(`Could not accept invitations: ${error.message}`);
}
