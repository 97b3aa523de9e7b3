/**
 * Who is signed in: the user with their platform roles and memberships, loaded once per request,
 * and the `require…` guards that loaders and actions start with.
 */
import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Database } from "./database.types";
import { forbidden, isUnreachable, serviceUnavailable } from "./http.server";
import { getSupabase } from "./supabase.server";

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

async function loadCurrentUser(request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
  const supabase = getSupabase(request, context);
  // getUser() asks the auth server, so a revoked session is noticed at once (getSession() would
  // trust the cookie).
  const { data: auth, error } = await supabase.auth.getUser();
  if (isUnreachable(error)) serviceUnavailable();
  if (!auth.user) return null;

  // One request for the profile with its roles and memberships (RLS: the person's own rows).
  const { data: profile, error: profileError } = await supabase
    .from("profiles")
    .select(
      "full_name, locale, platform_roles!platform_roles_user_id_fkey(role), memberships!memberships_user_id_fkey(org_id, role, organisations!inner(name))",
    )
    .eq("id", auth.user.id)
    .eq("memberships.status", "active")
    .eq("memberships.organisations.status", "active")
    .maybeSingle();
  if (isUnreachable(profileError)) serviceUnavailable();
  if (profileError) throw new Error(`Could not load the signed-in user: ${profileError.message}`);

  return {
    id: auth.user.id,
    email: auth.user.email ?? "",
    fullName: profile?.full_name || auth.user.email || "",
    locale: profile?.locale ?? "sv",
    roles: (profile?.platform_roles ?? []).map((row) => row.role),
    memberships: (profile?.memberships ?? [])
      .map((row) => ({ orgId: row.org_id, orgName: row.organisations.name, role: row.role }))
      .sort((a, b) => a.orgName.localeCompare(b.orgName, "sv")),
  };
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
