import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useNonce } from "~/components/nonce";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { getCurrentUser, type Membership, type PlatformRole } from "~/lib/auth.server";
import { resolveCurrentOrganisation, resolveLocale } from "~/lib/preferences.server";
import { useTranslation } from "~/lib/use-translation";
import stylesheet from "~/styles/app.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** What the page frame knows of the signed-in person: nothing more than it shows. */
export interface ShellUser {
  fullName: string;
  roles: PlatformRole[];
  memberships: Membership[];
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request, context);
  const [locale, currentOrg] = await Promise.all([resolveLocale(request, user), resolveCurrentOrganisation(request, user)]);
  const shellUser: ShellUser | null = user ? { fullName: user.fullName, roles: user.roles, memberships: user.memberships } : null;
  return { locale, user: shellUser, currentOrgId: currentOrg?.orgId ?? null };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, locale } = useTranslation();
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t.shell.skipToContent}
        </a>
        <SiteHeader user={data?.user ?? null} currentOrgId={data?.currentOrgId ?? null} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/**
 * The error page keeps the thrown response's Retry-After (the 503 "temporarily unavailable" page
 * says when to try again, for browsers, crawlers and monitors alike). Other responses get no
 * headers from here, as before: a route without its own `headers` inherits these.
 */
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const retryAfter = errorHeaders?.get("Retry-After");
  const headers = new Headers();
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 403
      ? [t.errors.forbiddenTitle, t.errors.forbiddenBody]
      : status === 404
        ? [t.errors.notFoundTitle, t.errors.notFoundBody]
        : status === 503
          ? [t.errors.unavailableTitle, t.errors.unavailableBody]
          : [t.errors.errorTitle, t.errors.errorBody];
  return (
    <>
      <title>{`${title} – ${t.shell.portalName}`}</title>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/">{t.errors.toStart}</a>
      </p>
    </>
  );
}
