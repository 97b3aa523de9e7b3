import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/use-translation";

/**
 * The top of every page inside a forum (/forums/:slug and below): a breadcrumb Forum › forum name
 * (› the current page), the page's heading, the forum's visibility in words (and "Arkiverat"),
 * and for moderators and coordinators the links to manage the forum. The thread page passes the
 * thread's title as `title` and `current`.
 */
export interface ForumHeaderForum {
  slug: string;
  name: string;
  visibility: "open" | "closed" | "private";
  archived: boolean;
}

export function ForumHeader({
  forum,
  title,
  current,
  isModerator,
  isCoordinator,
  active,
  children,
}: {
  forum: ForumHeaderForum;
  /** The page's h1 (the forum's name on its own page). */
  title: ReactNode;
  /** The last breadcrumb after the forum's name (e.g. a thread's title); none on the forum's page. */
  current?: string | undefined;
  /** A moderator of this forum or a coordinator: sees the members and moderation links. */
  isModerator: boolean;
  /** Coordinators also see the settings link. */
  isCoordinator: boolean;
  /** The management page being shown, marked with aria-current. */
  active?: "members" | "settings" | undefined;
  /** Extra lines under the badges (e.g. the forum's description). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const words = t.forums.header;
  const forumPath = `/forums/${forum.slug}`;
  const onForumPage = current === undefined && active === undefined;
  return (
    <header className="forum-header">
      <nav aria-label={words.breadcrumb} className="breadcrumb">
        <ol>
          <li>
            <Link to="/forums">{words.forums}</Link>
          </li>
          <li>
            {onForumPage ? (
              <span aria-current="page">{forum.name}</span>
            ) : (
              <Link to={forumPath}>{forum.name}</Link>
            )}
          </li>
          {current !== undefined ? (
            <li>
              <span aria-current="page">{current}</span>
            </li>
          ) : null}
        </ol>
      </nav>
      <h1>{title}</h1>
      <p className="forum-badges">
        <span className={`badge badge--${forum.visibility}`}>{t.forums.visibility[forum.visibility]}</span>
        {forum.archived ? (
          <>
            {" "}
            <span className="badge badge--archived">{words.archived}</span>
          </>
        ) : null}
      </p>
      {children}
      {isModerator ? (
        <nav aria-label={words.adminLinks} className="forum-admin-links">
          <ul>
            <li>
              <Link to={`${forumPath}/members`} aria-current={active === "members" ? "page" : undefined}>
                {words.members}
              </Link>
            </li>
            {isCoordinator ? (
              <li>
                <Link to={`${forumPath}/settings`} aria-current={active === "settings" ? "page" : undefined}>
                  {words.settings}
                </Link>
              </li>
            ) : null}
            <li>
              <Link to="/forums/moderation">{words.moderation}</Link>
            </li>
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
