/**
 * /board/recommendations: the audit's four recommendations (measurable indicators; forums where
 * associations, the region, authorities and AB Eidar work with the city; preventive initiatives
 * that reach many residents; the board receives AB Eidar's follow-up), each with what the portal
 * shows as evidence, in figures from `board_evidence()`, so the city can answer the auditors.
 * Board members and coordinators; partners get 403. Printable (no navigation on paper).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BoardStatus } from "~/components/board-status";
import { RecommendationCard } from "~/components/recommendation-card";
import type { BoardStatus as BoardStatusKey } from "~/lib/board.server";
import { loadEvidence, requireSummaryViewer } from "~/lib/board-summary.server";
import { formatDate, formatDateTime } from "~/lib/format";
import { format } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.boardSummary.recommendations.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireSummaryViewer(request, context);
  return {
    evidence: await loadEvidence(getSupabase(request, context)),
    // /initiatives/reach is for partners and coordinators.
    reachLink: viewer.isCoordinator || viewer.user.memberships.length > 0,
    asOf: new Date().toISOString(),
  };
}

const KIND_ORDER = ["association", "region", "authority", "housing_company", "business", "faith_community", "other"] as const;

export default function BoardRecommendations() {
  const { evidence, reachLink, asOf } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const words = t.boardSummary.recommendations;
  const items = words.items;
  const kinds = t.pages.common.organisationKind as Record<string, string>;
  return (
    <article className="board-recommendations">
      <div className="board-summary__actions">
        <p>
          <Link to="/board">{t.boardSummary.back}</Link>
        </p>
        <p className="field-hint">{words.printHint}</p>
      </div>
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>
      <p className="muted">{format(words.asOf, { date: formatDateTime(asOf, locale) })}</p>

      <RecommendationCard
        number={1}
        title={items.indicators.title}
        text={items.indicators.text}
        figures={[
          { label: items.indicators.active, value: evidence.indicatorsActive },
          { label: items.indicators.withTarget, value: evidence.indicatorsWithTarget },
          { label: items.indicators.withKolada, value: evidence.indicatorsWithKolada },
          { label: items.indicators.periods, value: evidence.periods },
          { label: items.indicators.values, value: evidence.indicatorValues },
        ]}
        link={{ to: "/board/indicators", label: items.indicators.link }}
      />

      <RecommendationCard
        number={2}
        title={items.forums.title}
        text={items.forums.text}
        figures={[
          { label: items.forums.partners, value: evidence.partnersActive },
          ...KIND_ORDER.filter((kind) => evidence.partnersByKind[kind]).map((kind) => ({
            label: `${items.forums.byKind}: ${kinds[kind] ?? kind}`,
            value: evidence.partnersByKind[kind] ?? 0,
          })),
          { label: items.forums.forums, value: evidence.forumsActive },
          { label: items.forums.threads, value: evidence.threadsLastYear },
          { label: items.forums.posts, value: evidence.postsLastYear },
        ]}
      />

      <RecommendationCard
        number={3}
        title={items.initiatives.title}
        text={items.initiatives.text}
        figures={[
          { label: items.initiatives.active, value: evidence.initiativesActive },
          { label: items.initiatives.published, value: evidence.initiativesPublished },
          { label: items.initiatives.participants, value: evidence.participantsReached },
          { label: items.initiatives.districts, value: evidence.districtsCovered },
        ]}
        link={reachLink ? { to: "/initiatives/reach", label: items.initiatives.link } : null}
      />

      <RecommendationCard
        number={4}
        title={items.followUp.title}
        text={items.followUp.text}
        figures={[
          { label: items.followUp.expected, value: evidence.reportsExpected },
          { label: items.followUp.in, value: evidence.reportsIn },
          { label: items.followUp.accepted, value: evidence.reportsAccepted },
        ]}
        link={{ to: "/board", label: items.followUp.link }}
      >
        <h3>{items.followUp.boardReports}</h3>
        {evidence.boardReports.length === 0 ? (
          <p className="empty">{items.followUp.noReports}</p>
        ) : (
          <div className="table-wrap">
            <table className="recommendation__reports">
              <caption>{items.followUp.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{items.followUp.period}</th>
                  <th scope="col">{items.followUp.organisation}</th>
                  <th scope="col">{items.followUp.status}</th>
                  <th scope="col">{items.followUp.submitted}</th>
                </tr>
              </thead>
              <tbody>
                {evidence.boardReports.map((report, index) => (
                  <tr key={index}>
                    <th scope="row">{report.period}</th>
                    <td>{report.organisation}</td>
                    <td>
                      <BoardStatus status={report.status as BoardStatusKey} overdue={false} />
                    </td>
                    <td>{formatDate(report.submittedAt, locale) || t.boardSummary.indicators.none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </RecommendationCard>
    </article>
  );
}
