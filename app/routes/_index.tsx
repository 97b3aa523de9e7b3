import { ReportTable } from "~/components/report-table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ReportStatusText } from "~/components/report-status";
import { getCurrentUser, type PlatformRole } from "~/lib/auth.server";
import { formatDate, formatDateTime } from "~/lib/format";
import { loadHome, type HomeData } from "~/lib/home.server";
import { format } from "~/lib/i18n";
import { listPublicInitiatives, type PublicInitiative } from "~/lib/initiatives.server";
import { messagesFor } from "~/lib/page-meta";
import { resolveCurrentOrganisation } from "~/lib/preferences.server";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => {
  const t = messagesFor(matches);
  return [{ title: `${t.shell.portalName} – ${t.shell.cityName}` }];
};

type LoaderData =
  | { kind: "public"; initiatives: PublicInitiative[] }
  | { kind: "personal"; fullName: string; roles: PlatformRole[]; home: HomeData; organisationName: string | null };

export async function loader({ request, context }: LoaderFunctionArgs): Promise<LoaderData> {
  const supabase = getSupabase(request, context);
  const user = await getCurrentUser(request, context);
  if (!user) return { kind: "public", initiatives: await listPublicInitiatives(supabase, 6) };
  const organisation = await resolveCurrentOrganisation(request, user);
  const home = await loadHome(supabase, user, organisation);
  return { kind: "personal", fullName: user.fullName, roles: user.roles, home, organisationName: organisation?.orgName ?? null };
}

export default function Index() {
  const data = useLoaderData<typeof loader>();
  return data.kind === "public" ? <Landing initiatives={data.initiatives} /> : <PersonalHome {...data} />;
}

function Landing({ initiatives }: { initiatives: PublicInitiative[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t.home.title}</h1>
      <p className="lead">{t.home.intro}</p>
      <section aria-labelledby="background-heading">
        <h2 id="background-heading">{t.home.backgroundTitle}</h2>
        <p>{t.home.background}</p>
        <ul>
          {t.home.purposes.map((purpose) => (
            <li key={purpose}>{purpose}</li>
          ))}
        </ul>
        <p>
          {t.home.signInText} <a href="/login">{t.home.signInLink}</a>
        </p>
      </section>
      <section aria-labelledby="initiatives-heading">
        <h2 id="initiatives-heading">{t.home.publicInitiatives}</h2>
        {initiatives.length === 0 ? (
          <p>{t.home.noInitiatives}</p>
        ) : (
          <ul className="card-list">
            {initiatives.map((initiative) => (
              <li key={initiative.id} className="card">
                <h3>{initiative.title}</h3>
                {initiative.summary ? <p>{initiative.summary}</p> : null}
                <dl>
                  <dt>{t.home.organiser}</dt>
                  <dd>{initiative.organiser ?? t.pages.common.none}</dd>
                  <dt>{t.home.districts}</dt>
                  <dd>{initiative.districts.join(", ") || t.pages.common.none}</dd>
                  <dt>{t.home.status}</dt>
                  <dd>{t.home.initiativeStatus[initiative.status]}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/initiatives">{t.home.catalogueLink}</a>
        </p>
      </section>
    </>
  );
}

function PersonalHome({ fullName, roles, home, organisationName }: Extract<LoaderData, { kind: "personal" }>) {
  const { t } = useTranslation();
  const roleNames = [
    ...(home.partner ? [t.pages.common.partnerRole] : []),
    ...roles.map((role) => t.pages.common.platformRole[role]),
  ];
  return (
    <>
      <h1>{format(t.pages.home.welcome, { name: fullName })}</h1>
      <p className="lead">{organisationName ? format(t.pages.home.actingFor, { org: organisationName }) : t.pages.home.noOrganisation}</p>
      {roleNames.length > 0 ? (
        <p>
          {t.pages.home.yourRoles}: {roleNames.join(", ")}
        </p>
      ) : null}
      <div className="home-cards">
        {home.board ? <BoardCard reports={home.board.reports} /> : null}
        {home.coordinator ? <CoordinatorCards data={home.coordinator} /> : null}
        {home.partner ? <PartnerCards data={home.partner} /> : null}
        {home.threads ? <ThreadsCard threads={home.threads} /> : null}
      </div>
    </>
  );
}

function ThreadsCard({ threads }: { threads: NonNullable<HomeData["threads"]> }) {
  const { t, locale } = useTranslation();
  return (
    <section aria-labelledby="threads-heading" className="home-card">
      <h2 id="threads-heading">{t.pages.home.threads.title}</h2>
      {threads.length === 0 ? (
        <p>{t.pages.home.threads.empty}</p>
      ) : (
        <ul className="plain-list">
          {threads.map((thread) => (
            <li key={thread.id}>
              <strong>
                <Link to={`/forums/${thread.forumSlug}/threads/${thread.id}`}>{thread.title}</Link>
              </strong>
              <br />
              <span className="muted">
                {t.pages.home.threads.forum}: {thread.forumName} · {t.pages.home.threads.lastPost}: {formatDateTime(thread.lastPostAt, locale)} ·{" "}
                {t.pages.home.threads.posts}: {thread.postCount}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/forums">{t.pages.home.threads.link}</a>
      </p>
    </section>
  );
}

function PartnerCards({ data }: { data: NonNullable<HomeData["partner"]> }) {
  const { t, locale } = useTranslation();
  const org = data.organisation.orgName;
  return (
    <>
      <section aria-labelledby="org-initiatives-heading" className="home-card">
        <h2 id="org-initiatives-heading">{t.pages.home.initiatives.title}</h2>
        <dl className="figures">
          <div>
            <dt>{t.pages.home.initiatives.count}</dt>
            <dd>{data.initiativeCount}</dd>
          </div>
        </dl>
        <p>
          <a href="/initiatives">{t.pages.home.initiatives.link}</a>
        </p>
      </section>
      <section aria-labelledby="open-reports-heading" className="home-card">
        <h2 id="open-reports-heading">{t.pages.home.openReports.title}</h2>
        {data.openPeriods.length === 0 ? (
          <p>{t.pages.home.openReports.empty}</p>
        ) : (
          <table>
            <caption>{format(t.pages.home.openReports.caption, { org })}</caption>
            <thead>
              <tr>
                <th scope="col">{t.pages.table.period}</th>
                <th scope="col">{t.pages.table.due}</th>
                <th scope="col">{t.pages.table.status}</th>
              </tr>
            </thead>
            <tbody>
              {data.openPeriods.map((period) => (
                <tr key={period.periodId}>
                  <th scope="row">{period.periodName}</th>
                  <td>{formatDate(period.dueOn, locale)}</td>
                  <td>
                    <ReportStatusText status={period.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <a href="/reports">{t.pages.home.openReports.link}</a>
        </p>
      </section>
    </>
  );
}

function CoordinatorCards({ data }: { data: NonNullable<HomeData["coordinator"]> }) {
  const { t, locale } = useTranslation();
  return (
    <>
      <section aria-labelledby="pending-heading" className="home-card">
        <h2 id="pending-heading">{t.pages.home.pendingOrganisations.title}</h2>
        <dl className="figures">
          <div>
            <dt>{t.pages.home.pendingOrganisations.total}</dt>
            <dd>{data.pendingCount}</dd>
          </div>
        </dl>
        {data.pending.length === 0 ? (
          <p>{t.pages.home.pendingOrganisations.empty}</p>
        ) : (
          <ul className="plain-list">
            {data.pending.map((organisation) => (
              <li key={organisation.id}>
                <strong>{organisation.name}</strong>
                <br />
                <span className="muted">
                  {t.pages.common.organisationKind[organisation.kind]} · {t.pages.home.pendingOrganisations.applied}{" "}
                  {formatDate(organisation.appliedAt, locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/admin">{t.pages.home.pendingOrganisations.link}</a>
        </p>
      </section>
      <section aria-labelledby="review-heading" className="home-card">
        <h2 id="review-heading">{t.pages.home.awaitingReview.title}</h2>
        <dl className="figures">
          <div>
            <dt>{t.pages.home.awaitingReview.total}</dt>
            <dd>{data.awaitingReviewCount}</dd>
          </div>
        </dl>
        {data.awaitingReview.length === 0 ? (
          <p>{t.pages.home.awaitingReview.empty}</p>
        ) : (
          <ul className="plain-list">
            {data.awaitingReview.map((report) => (
              <li key={report.id}>
                <strong>{report.organisation}</strong> – {report.period}
                <br />
                <span className="muted">
                  {t.pages.table.submitted} {formatDate(report.submittedAt, locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function BoardCard({ reports }: { reports: NonNullable<HomeData["board"]>["reports"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="board-heading" className="home-card home-card--wide">
      <h2 id="board-heading">{t.pages.home.boardReports.title}</h2>
      <p>{t.pages.home.boardReports.intro}</p>
      {reports.length === 0 ? (
        <p>{t.pages.home.boardReports.empty}</p>
      ) : (
        <ReportTable caption={t.pages.home.boardReports.title} reports={reports} showReviewed={false} />
      )}
      <p>
        <a href="/board">{t.pages.home.boardReports.link}</a>
      </p>
    </section>
  );
}
