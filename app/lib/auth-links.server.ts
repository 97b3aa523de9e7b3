/**
 * E-mail links that sign a person in: sign-in links (magic links), password resets and
 * invitations. The auth server makes the one-time token (`auth.admin.generateLink`, service role);
 * the portal builds its own link to /auth/confirm with the token's hash and mails it, so one
 * mailer owns all mail and the link never passes through the auth server's redirect.
 */
import type { AppLoadContext } from "@remix-run/node";
import { invitationEmail, passwordResetEmail, signInLinkEmail } from "~/emails/auth-emails";
import { isLocale, type Locale } from "./i18n";
import { getEnv } from "./env.server";
import { sendEmail } from "./email.server";
import { safeRedirect } from "./redirect";
import { resolveLocale } from "./preferences.server";
import { linkRequestSchema, normalizeEmail, parseForm, type FieldErrors } from "./schemas/auth";
import { linkRequestThrottle } from "./sign-in-throttle.server";
import { getServiceRoleClient } from "./supabase.server";

export type AuthLinkType = "magiclink" | "recovery" | "invite";

/** The link in the e-mail: /auth/confirm verifies the token and goes on to `next`. */
export function confirmUrl(hashedToken: string, type: string, next: string, siteUrl = getEnv().SITE_URL): string {
  const url = new URL("/auth/confirm", siteUrl);
  url.search = new URLSearchParams({ token_hash: hashedToken, type, next: safeRedirect(next) }).toString();
  return url.href;
}

/** The person's own language if their profile says so; else the language they use the portal in. */
async function localeOf(userId: string, fallback: Locale): Promise<{ locale: Locale; name: string | null }> {
  const { data } = await getServiceRoleClient().from("profiles").select("locale, full_name").eq("id", userId).maybeSingle();
  return { locale: isLocale(data?.locale) ? data.locale : fallback, name: data?.full_name || null };
}

export interface SendLinkOptions {
  /** Where /auth/confirm goes afterwards (a same-site path). */
  next: string;
  /** The language of the page the request came from; the person's profile wins when it has one. */
  locale: Locale;
}

/**
 * Mails a sign-in link or a password reset to `email` if it belongs to an account; does nothing
 * (silently) otherwise, so callers answer the same either way. Never throws: failures are logged.
 * Returns whether a mail was sent, for tests and logs only; never show it to the requester.
 */
export async function sendSignInOrResetLink(type: "magiclink" | "recovery", email: string, options: SendLinkOptions): Promise<boolean> {
  try {
    const { data, error } = await getServiceRoleClient().auth.admin.generateLink({
      type,
      email,
      options: { redirectTo: new URL(options.next, getEnv().SITE_URL).href },
    });
    if (error || !data.user) {
      // 404 is an unknown address: expected, and the requester must not learn of it.
      if (error?.status !== 404) console.error(`Could not make a ${type} link: ${error?.message ?? "no user"}`);
      return false;
    }
    const { locale, name } = await localeOf(data.user.id, options.locale);
    const url = confirmUrl(data.properties.hashed_token, data.properties.verification_type, options.next);
    const rendered = type === "magiclink" ? signInLinkEmail({ url, locale, name }) : passwordResetEmail({ url, locale, name });
    const sent = await sendEmail({ to: email, ...rendered });
    return sent.ok;
  } catch (error) {
    console.error(`Could not send a ${type} link: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

export interface InvitationOptions extends SendLinkOptions {
  /** Stored in the new user's `user_metadata` (e.g. `{ full_name }`). */
  data?: Record<string, unknown>;
  name?: string | null;
  inviterName?: string | null;
  organisationName?: string | null;
}

export type InvitationResult =
  | { ok: true; userId: string; mailed: boolean }
  | { ok: false; reason: "already-registered" | "failed"; message: string };

/**
 * Creates (or refreshes) an invited account and mails the invitation, whose link leads to
 * /auth/confirm and then to choosing a password. For coordinators and org admins (issue 4); unlike
 * the sign-in link, the inviter may learn that the address already has an account.
 */
export async function sendInvitation(email: string, options: InvitationOptions): Promise<InvitationResult> {
  const { data, error } = await getServiceRoleClient().auth.admin.generateLink({
    type: "invite",
    email,
    options: { redirectTo: new URL(options.next, getEnv().SITE_URL).href, ...(options.data ? { data: options.data } : {}) },
  });
  if (error || !data.user) {
    const already = error?.code === "email_exists";
    return { ok: false, reason: already ? "already-registered" : "failed", message: error?.message ?? "no user" };
  }
  const url = confirmUrl(data.properties.hashed_token, data.properties.verification_type, options.next);
  const rendered = invitationEmail({
    url,
    locale: options.locale,
    name: options.name,
    inviterName: options.inviterName,
    organisationName: options.organisationName,
  });
  const sent = await sendEmail({ to: email, ...rendered });
  return { ok: true, userId: data.user.id, mailed: sent.ok };
}

/**
 * The action of /login/link and /login/forgot. The answer is the same whether or not the address
 * has an account, and whether or not the request was throttled: the link is made and mailed after
 * the answer (not awaited), so the time to answer does not tell either.
 */
export async function requestLinkAction(
  type: "magiclink" | "recovery",
  request: Request,
  context: AppLoadContext,
): Promise<{ sent: boolean; email: string; errors: FieldErrors<"email"> }> {
  const form = await request.formData();
  const typedEmail = String(form.get("email") ?? "").trim();
  const parsed = parseForm(linkRequestSchema, form);
  if (!parsed.success) return { sent: false, email: typedEmail, errors: parsed.errors as FieldErrors<"email"> };
  const email = normalizeEmail(parsed.data.email);
  const next = type === "recovery" ? "/login/reset" : safeRedirect(parsed.data.redirectTo);
  const locale = await resolveLocale(request, null);
  if (linkRequestThrottle.take(context.clientAddress, email).allowed) {
    void sendSignInOrResetLink(type, email, { next, locale });
  } else {
    console.warn(`Link request throttled (${type})`);
  }
  return { sent: true, email: typedEmail, errors: {} };
}
