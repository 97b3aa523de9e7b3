import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
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
import { defaultLocale, getMessages, type Locale } from "~/lib/i18n";
import stylesheet from "~/styles/app.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader(_args: LoaderFunctionArgs) {
  // The language switcher (next issue) sets this from a cookie; Swedish is the default.
  const locale: Locale = defaultLocale;
  return { locale };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? defaultLocale;
  const t = getMessages(locale);
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
          {t.skipToContent}
        </a>
        <header className="site-header">
          <a href="/">
            <span className="city">{t.cityName}</span>
            <span className="portal">{t.portalName}</span>
          </a>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t.footer}</p>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = getMessages(defaultLocale);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <>
      <title>{`${notFound ? t.notFoundTitle : t.errorTitle} – ${t.portalName}`}</title>
      <h1>{notFound ? t.notFoundTitle : t.errorTitle}</h1>
      <p>{notFound ? t.notFoundBody : t.errorBody}</p>
      <p>
        <a href="/">{t.toStart}</a>
      </p>
    </>
  );
}
