/**
 * Who is signed in: the user with their platform roles and memberships, loaded once per request,
 * and the `require…` guards that loaders and actions start with.
 */
import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Database } from "./database.types";
import { forbidden, isUnreachable, serviceUnavailable } from "./http.server";
import { getSupabase, hasSessionCookie } from "./supabase.server";

export type PlatformRole = Database["public"]["Enums"]["platform_role"];
export type MembershipRole = Database["public"]["Enums"]["membership_role"];

export interface Membership {
  orgId: string;
  orgName: string;
  role: MembershipRole;
}

export interface CurrentUser {
  id: string;
  email: string;
  fullName: string;
  locale: string;
  roles: PlatformRole[];
  /** Active memberships of active organisations, by organisation name. */
  memberships: Membership[];
}

const loaded = new WeakMap<AppLoadContext, Promise<CurrentUser | null>>();

/** The signed-in user, or null. Loaders of one request share one lookup. */
export function getCurrentUser(request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
  let pending = loaded.get(context);
  if (!pending) {
    pending = loadCurrentUser(request, context);
    loaded.set(context, pending);
  }
  return pending;
}

interface PersonRow {
  id: string;
  email: string | null;
  full_name: string | null;
  locale: string | null;
  roles: PlatformRole[];
  memberships: { org_id: string; org_name: string; role: MembershipRole }[];
}

async function loadCurrentUser(request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
  // No session cookie, no session: nothing to read (and no client to build for it).
  if (!hasSessionCookie(request)) return null;
  const supabase = getSupabase(request, context);
  // The session from the cookies (refreshed through the auth server only when it has expired). It is
  // not trusted as it is: `current_person()` runs with its access token, so PostgREST verifies the
  // signature and expiry, and the function answers null when the session behind the token no longer
  // exists (signed out, password changed, account deleted) — what auth's /user would check, without
  // the extra round trip on every page.
  const { data: sessionData, error: sessionError } = await supabase.auth.getSession();
  if (isUnreachable(sessionError)) serviceUnavailable();
  if (!sessionData.session) return null;

  const { data, error } = await supabase.rpc("current_person");
  if (isUnreachable(error)) serviceUnavailable();
  // A token PostgREST refuses (forged, expired and not refreshable) is no session at all.
  if (error?.code === "PGRST301" || error?.code === "PGRST303") return null;
  if (error) throw new Error(`Could not load the signed-in user: ${error.message}`);
  const person = data as PersonRow | null;
  if (!person) return null;

  return {
    id: person.id,
    email: person.email ?? "",
    fullName: person.full_name || person.email || "",
    locale: person.locale ?? "sv",
    roles: person.roles,
    memberships: person.memberships
      .map((row) => ({ orgId: row.org_id, orgName: row.org_name, role: row.role }))
      .sort((a, b) => a.orgName.localeCompare(b.orgName, "sv")),
  };
}

/**
 * Whether the request carries a session (the cookies, refreshed if need be) — not yet whether it is
 * still valid: that is `getCurrentUser`. For starting reads that do not depend on the person while
 * the person is looked up.
 */
export async function hasSession(request: Request, context: AppLoadContext): Promise<boolean> {
  if (!hasSessionCookie(request)) return false;
  const { data, error } = await getSupabase(request, context).auth.getSession();
  if (isUnreachable(error)) serviceUnavailable();
  return data.session !== null;
}

export function hasRole(user: CurrentUser, role: PlatformRole): boolean {
  return user.roles.includes(role);
}

/** The signed-in user; otherwise a redirect to /login that comes back here afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<CurrentUser> {
  const user = await getCurrentUser(request, context);
  if (user) return user;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
}

/** A signed-in user with `role`; others get the friendly 403 page. */
export async function requireRole(request: Request, context: AppLoadContext, role: PlatformRole, ...orRoles: PlatformRole[]): Promise<CurrentUser> {
  const user = await requireUser(request, context);
  if (![role, ...orRoles].some((allowed) => hasRole(user, allowed))) forbidden();
  return user;
}

/** A signed-in member of at least one active organisation (a partner); others get 403. */
export async function requirePartner(request: Request, context: AppLoadContext): Promise<CurrentUser> {
  const user = await requireUser(request, context);
  if (user.memberships.length === 0 && !hasRole(user, "coordinator")) forbidden();
  return user;
}
