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

  const [profile, roles, memberships] = await Promise.all([
    supabase.from("profiles").select("full_name, locale").eq("id", auth.user.id).maybeSingle(),
    supabase.from("platform_roles").select("role").eq("user_id", auth.user.id),
    supabase
      .from("memberships")
      .select("org_id, role, organisations!inner(name, status)")
      .eq("user_id", auth.user.id)
      .eq("status", "active")
      .eq("organisations.status", "active"),
  ]);
  for (const result of [profile, roles, memberships]) {
    if (isUnreachable(result.error)) serviceUnavailable();
    if (result.error) throw new Error(`Could not load the signed-in user: ${result.error.message}`);
  }

  return {
    id: auth.user.id,
    email: auth.user.email ?? "",
    fullName: profile.data?.full_name || auth.user.email || "",
    locale: profile.data?.locale ?? "sv",
    roles: (roles.data ?? []).map((row) => row.role),
    memberships: (memberships.data ?? [])
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
export async function requireRole(request: Request, context: AppLoadContext, role: PlatformRole): Promise<CurrentUser> {
  const user = await requireUser(request, context);
  if (!hasRole(user, role)) forbidden();
  return user;
}

/** A signed-in member of at least one active organisation (a partner); others get 403. */
export async function requirePartner(request: Request, context: AppLoadContext): Promise<CurrentUser> {
  const user = await requireUser(request, context);
  if (user.memberships.length === 0 && !hasRole(user, "coordinator")) forbidden();
  return user;
}
