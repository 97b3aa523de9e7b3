/**
 * The two choices a person makes that follow them between pages: the interface language and, for
 * someone in several organisations, which one they act for. Both live in cookies; the language is
 * also kept in the profile, so it follows the person to another device.
 */
import { createCookie, type AppLoadContext } from "@remix-run/node";
import type { CurrentUser, Membership } from "./auth.server";
import { defaultLocale, isLocale, type Locale } from "./i18n";

const ONE_YEAR = 60 * 60 * 24 * 365;
const localeCookie = createCookie("lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: ONE_YEAR });
const organisationCookie = createCookie("org", { path: "/", sameSite: "lax", httpOnly: true, maxAge: ONE_YEAR });

async function readCookie(cookie: typeof localeCookie, request: Request): Promise<unknown> {
  try {
    return await cookie.parse(request.headers.get("Cookie"));
  } catch {
    return null;
  }
}

/** The cookie's choice, else the profile's, else Swedish. */
export async function resolveLocale(request: Request, user: CurrentUser | null): Promise<Locale> {
  const chosen = await readCookie(localeCookie, request);
  if (isLocale(chosen)) return chosen;
  if (user && isLocale(user.locale)) return user.locale;
  return defaultLocale;
}

export async function rememberLocale(context: AppLoadContext, locale: Locale): Promise<void> {
  context.appendSetCookie(await localeCookie.serialize(locale, { secure: context.isSecure }));
}

/** The organisation the person acts for: the chosen one if they still belong to it, else the first. */
export async function resolveCurrentOrganisation(request: Request, user: CurrentUser | null): Promise<Membership | null> {
  if (!user || user.memberships.length === 0) return null;
  const chosen = await readCookie(organisationCookie, request);
  return user.memberships.find((membership) => membership.orgId === chosen) ?? user.memberships[0] ?? null;
}

export async function rememberOrganisation(context: AppLoadContext, orgId: string): Promise<void> {
  context.appendSetCookie(await organisationCookie.serialize(orgId, { secure: context.isSecure }));
}
