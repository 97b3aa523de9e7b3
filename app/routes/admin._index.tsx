import { ReportTable } from "~/components/report-table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/lib/auth.server";
import { formatDate } from "~/lib/format";
import { pageTitle } from "~/lib/page-meta";
import { adminOverview } from "~/lib/sections.server";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.pages.admin.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, "coordinator");
  return adminOverview(getSupabase(request, context));
}

export default function Admin() {
  const { pending, awaitingReview, counts } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const words = t.pages.admin;
  const figures = ["activeOrganisations", "pendingOrganisations", "forums", "initiatives", "awaitingReview"] as const;
  return (
    <>
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>
      <ul className="auth-links">
        <li>
          <Link to="/admin/organisations">{t.admin.organisations.title}</Link>
        </li>
        <li>
          <Link to="/admin/audit">{t.admin.audit.title}</Link>
        </li>
        <li>
          <Link to="/admin/reports">{t.reportAdmin.links.reports}</Link>
        </li>
        <li>
          <Link to="/admin/periods">{t.reportAdmin.links.periods}</Link>
        </li>
        <li>
          <Link to="/admin/indicators">{t.reportAdmin.links.indicators}</Link>
        </li>
      </ul>

      <section aria-labelledby="overview-heading">
        <h2 id="overview-heading">{words.overview}</h2>
        <dl className="figures">
          {figures.map((figure) => (
            <div key={figure}>
              <dt>{words.counts[figure]}</dt>
              <dd>{counts[figure]}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">{words.pending.title}</h2>
        {pending.length === 0 ? (
          <p className="empty">{words.pending.empty}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>{words.pending.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.pages.table.organisation}</th>
                  <th scope="col">{t.pages.table.kind}</th>
                  <th scope="col">{t.pages.table.applied}</th>
                </tr>
              </thead>
              <tbody>
                {pending.map((organisation) => (
                  <tr key={organisation.id}>
                    <th scope="row">{organisation.name}</th>
                    <td>{t.pages.common.organisationKind[organisation.kind]}</td>
                    <td>{formatDate(organisation.appliedAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="review-heading">
        <h2 id="review-heading">{words.review.title}</h2>
        {awaitingReview.length === 0 ? (
          <p className="empty">{words.review.empty}</p>
        ) : (
          <ReportTable caption={words.review.caption} reports={awaitingReview} showReviewed={false} />
        )}
        <p>
          <Link to="/admin/reports">{t.reportAdmin.links.reports}</Link>
        </p>
      </section>
    </>
  );
}
