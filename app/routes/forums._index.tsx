import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePartner } from "~/lib/auth.server";
import { formatDate } from "~/lib/format";
import { forumOverview, isCoordinator, openReportCount, type ForumSummary } from "~/lib/forums.server";
import { format } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

/**
 * /forums: every forum the person may read (one query: forum_overview()), with counts, latest
 * activity, the person's unread posts and their standing; archived forums in a section of their
 * own. Coordinators create forums; moderators and coordinators reach the moderation queue.
 */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.forums.list.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const supabase = getSupabase(request, context);
  // Asked alongside the sign-in check instead of after it (one round trip less): forum_overview()
  // applies the read rule itself and returns nothing to an anonymous caller, and its rows are used
  // only once requirePartner has let the person through.
  const overview = forumOverview(supabase);
  overview.catch(() => undefined); // a redirect or 403 below leaves it unread
  const user = await requirePartner(request, context);
  const forums = await overview;
  const coordinator = isCoordinator(user);
  const moderated = forums.filter((forum) => forum.standing === "moderator").map((forum) => forum.id);
  const moderates = coordinator || moderated.length > 0;
  const openReports = moderates ? await openReportCount(supabase, coordinator ? "all" : moderated) : null;
  const done = new URL(request.url).searchParams.get("done");
  return {
    active: forums.filter((forum) => !forum.archived),
    archived: forums.filter((forum) => forum.archived),
    canCreate: coordinator,
    openReports,
    left: done === "left",
  };
}

export default function Forums() {
  const { active, archived, canCreate, openReports, left } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const words = t.forums.list;
  return (
    <>
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>
      {left ? (
        <p className="form-success" role="status">
          {words.left}
        </p>
      ) : null}

      <Form method="get" action="/forums/search" role="search" className="org-search">
        <div className="field">
          <label htmlFor="forum-search-q">{words.searchLabel}</label>
          <p id="forum-search-q-hint" className="field-hint">
            {words.searchHint}
          </p>
          <input id="forum-search-q" name="q" type="search" aria-describedby="forum-search-q-hint" maxLength={200} />
        </div>
        <div>
          <button type="submit" className="button">
            {words.searchButton}
          </button>
        </div>
      </Form>

      {canCreate || openReports !== null ? (
        <ul className="forum-tools">
          {canCreate ? (
            <li>
              <Link to="/forums/new" className="button">
                {words.create}
              </Link>
            </li>
          ) : null}
          {openReports !== null ? (
            <li>
              <Link to="/forums/moderation">
                {openReports === 0
                  ? words.moderationNone
                  : openReports === 1
                    ? words.moderationOpenOne
                    : format(words.moderationOpen, { count: openReports })}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}

      <section aria-labelledby="forums-active-heading">
        <h2 id="forums-active-heading">{words.activeTitle}</h2>
        {active.length === 0 ? <p className="empty">{words.empty}</p> : <ForumCards forums={active} />}
      </section>

      {archived.length > 0 ? (
        <section aria-labelledby="forums-archived-heading">
          <h2 id="forums-archived-heading">{words.archivedTitle}</h2>
          <p className="muted">{words.archivedIntro}</p>
          <ForumCards forums={archived} />
        </section>
      ) : null}
    </>
  );
}

function ForumCards({ forums }: { forums: ForumSummary[] }) {
  const { t, locale } = useTranslation();
  const words = t.forums.list;
  return (
    <ul className="forum-list">
      {forums.map((forum) => (
        <li key={forum.id} className="card forum-card">
          <h3 className="forum-card__title">
            <Link to={`/forums/${forum.slug}`}>{forum.name}</Link>
          </h3>
          {forum.description ? <p className="forum-card__description">{forum.description}</p> : null}
          <p className="forum-badges">
            <span className={`badge badge--${forum.visibility}`}>{t.forums.visibility[forum.visibility]}</span>
            {forum.standing ? (
              <>
                {" "}
                <span className="badge badge--standing">
                  <span className="visually-hidden">{words.yourStatus}: </span>
                  {t.forums.status[forum.standing]}
                </span>
              </>
            ) : null}
          </p>
          <dl className="forum-card__figures">
            <div>
              <dt>{words.members}</dt>
              <dd>{forum.memberCount}</dd>
            </div>
            <div>
              <dt>{words.threads}</dt>
              <dd>{forum.threadCount}</dd>
            </div>
            <div>
              <dt>{words.lastActivity}</dt>
              <dd>{forum.lastPostAt ? formatDate(forum.lastPostAt, locale) : words.noActivity}</dd>
            </div>
          </dl>
          <p className={forum.unreadCount > 0 ? "unread unread--some" : "unread"}>
            {forum.unreadCount === 0
              ? words.noUnread
              : forum.unreadCount === 1
                ? words.unreadOne
                : format(words.unread, { count: forum.unreadCount })}
          </p>
        </li>
      ))}
    </ul>
  );
}
