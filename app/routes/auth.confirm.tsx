import { data, redirect, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { EmailOtpType } from "@supabase/supabase-js";
import { authTitle } from "~/components/auth-form";
import { isUnreachable, serviceUnavailable } from "~/lib/http.server";
import { safeRedirect } from "~/lib/redirect";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

/**
 * /auth/confirm?token_hash=…&type=…&next=…: the link in the portal's e-mails. Verifies the one-time
 * token, which starts a session (cookies set on the redirect), and goes on: to `next` after a
 * sign-in link or an invitation (/welcome by default), to choosing a password after a reset.
 */
export const meta: MetaFunction = ({ matches }) => authTitle(matches, (t) => t.confirm.invalidTitle);

const TYPES = ["magiclink", "invite", "recovery", "email"] as const satisfies readonly EmailOtpType[];
type LinkType = (typeof TYPES)[number];
const isLinkType = (value: string | null): value is LinkType => (TYPES as readonly (string | null)[]).includes(value);

// The token is in the URL: neither this answer nor the page it leads to may be cached.
const noStore = { "Cache-Control": "no-store" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const tokenHash = url.searchParams.get("token_hash");
  const type = url.searchParams.get("type");
  if (tokenHash && isLinkType(type)) {
    const { error } = await getSupabase(request, context).auth.verifyOtp({ token_hash: tokenHash, type });
    if (!error) {
      // A reset always ends on the new-password page; an invitation goes where the inviter's link says
      // (/welcome, where the person sets their name and password and accepts their memberships).
      const next = type === "recovery" ? "/login/reset" : safeRedirect(url.searchParams.get("next"), type === "invite" ? "/welcome" : "/");
      throw redirect(next, { headers: noStore });
    }
    if (isUnreachable(error)) serviceUnavailable();
  }
  return data({ invalid: true }, { status: 400, headers: noStore });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function AuthConfirm() {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <h1>{t.auth.confirm.invalidTitle}</h1>
      <p>{t.auth.confirm.invalidBody}</p>
      <ul className="auth-links">
        <li>
          <Link to="/login/link">{t.auth.confirm.newLink}</Link>
        </li>
        <li>
          <Link to="/login/forgot">{t.auth.confirm.newReset}</Link>
        </li>
        <li>
          <Link to="/login">{t.auth.backToLogin}</Link>
        </li>
      </ul>
    </div>
  );
}
