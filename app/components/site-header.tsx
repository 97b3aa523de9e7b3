import { Form, NavLink, useLocation } from "@remix-run/react";
import { sectionPaths, sectionsFor } from "~/lib/navigation";
import { useTranslation } from "~/lib/use-translation";
import type { ShellUser } from "~/root";

interface Props {
  user: ShellUser | null;
  currentOrgId: string | null;
}

export function SiteHeader({ user, currentOrgId }: Props) {
  const { t, locale } = useTranslation();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const sections = sectionsFor(user);
  return (
    <header className="site-header">
      <div className="site-header__top">
        <a href="/" className="site-header__brand">
          <span className="city">{t.shell.cityName}</span>
          <span className="portal">{t.shell.portalName}</span>
        </a>
        <div className="site-header__tools">
          {/* A document submission even with JavaScript: the reloaded page brings the new
              language's words (the browser holds only the current one), instead of a client-side
              navigation that would first have to fetch them. */}
          <Form method="post" action="/language" className="inline-form" reloadDocument>
            <input type="hidden" name="locale" value={locale === "sv" ? "en" : "sv"} />
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="link-button" lang={locale === "sv" ? "en" : "sv"}>
              {t.shell.language.switchTo}
            </button>
          </Form>
          {user ? (
            <>
              <span className="signed-in-as">
                <span className="visually-hidden">{t.shell.signedInAs} </span>
                {user.fullName}
              </span>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="button button--secondary">
                  {t.shell.signOut}
                </button>
              </Form>
            </>
          ) : (
            <a className="button button--secondary" href={`/login${here === "/" ? "" : `?redirectTo=${encodeURIComponent(here)}`}`}>
              {t.shell.signIn}
            </a>
          )}
        </div>
      </div>
      {user && user.memberships.length > 0 ? <OrganisationSwitcher user={user} currentOrgId={currentOrgId} here={here} /> : null}
      <nav aria-label={t.shell.mainNavigation} className="site-nav">
        <ul>
          {sections.map((section) => (
            <li key={section}>
              <NavLink to={sectionPaths[section]} end={section === "home"} prefetch="intent">
                {t.shell.nav[section]}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

function OrganisationSwitcher({ user, currentOrgId, here }: { user: ShellUser; currentOrgId: string | null; here: string }) {
  const { t } = useTranslation();
  const current = user.memberships.find((membership) => membership.orgId === currentOrgId) ?? user.memberships[0];
  if (user.memberships.length === 1) {
    return (
      <p className="current-org">
        {t.shell.organisation.label}: <strong>{current?.orgName}</strong>
      </p>
    );
  }
  return (
    <Form method="post" action="/organisation" className="current-org">
      <label htmlFor="current-org">{t.shell.organisation.switchLabel}</label>{" "}
      <select id="current-org" name="orgId" defaultValue={current?.orgId}>
        {user.memberships.map((membership) => (
          <option key={membership.orgId} value={membership.orgId}>
            {membership.orgName}
          </option>
        ))}
      </select>{" "}
      <input type="hidden" name="redirectTo" value={here} />
      <button type="submit" className="button button--secondary">
        {t.shell.organisation.switchButton}
      </button>
    </Form>
  );
}
