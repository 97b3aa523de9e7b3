import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { describedBy, FieldFrame, TextInput } from "~/components/field";
import { ForumHeader } from "~/components/forum-header";
import { Pagination } from "~/components/pagination";
import { SubmissionKeyField } from "~/components/submission-key";
import { requirePartner } from "~/lib/auth.server";
import { formatDateTime } from "~/lib/format";
import { deliverPostNotifications, sendJoinRequestToModerators } from "~/lib/forum-notifications.server";
import {
  getForum,
  isPartner,
  joinForum,
  leaveForum,
  listThreads,
  markForumRead,
  requestMembership,
  startThread,
  unwatchForum,
  watchForum,
  type ForumActionResult,
} from "~/lib/forums.server";
import { notFound } from "~/lib/http.server";
import { format } from "~/lib/i18n";
import { messagesFor } from "~/lib/page-meta";
import { pageCount, pageNumber } from "~/lib/pagination";
import { formStrings, parseValues } from "~/lib/schemas/form";
import { newThreadSchema, THREAD_TITLE_MAX, THREADS_PER_PAGE, type ForumErrorKey } from "~/lib/schemas/forum-posts";
import { getSupabase } from "~/lib/supabase.server";
import { newSubmissionKey, submissionKeyOf } from "~/lib/submission-key";
import { useTranslation } from "~/lib/use-translation";

/**
 * /forums/:slug: a forum's threads (pinned first, then latest activity, paginated) with the
 * person's unread posts, and what they can do here: join an open forum, request membership of a
 * closed one, withdraw or leave, watch the forum, mark it read, start a thread. A private forum
 * the person may not read is a 404 like a forum that does not exist (RLS hides it).
 */
export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const t = messagesFor(matches);
  return [{ title: `${loaded?.forum.name ?? t.forums.list.title} – ${t.shell.portalName}` }];
};

const NOTICES = ["joined", "requested", "withdrawn", "left", "watching", "unwatched", "markedRead"] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (value: string | null): value is Notice => (NOTICES as readonly (string | null)[]).includes(value);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePartner(request, context);
  const supabase = getSupabase(request, context);
  const forum = await getForum(supabase, user, params.slug ?? "");
  if (!forum) notFound();
  const url = new URL(request.url);
  const page = pageNumber(url.searchParams.get("page"));
  const { threads, total } = await listThreads(supabase, user.id, forum.id, page);
  const pages = pageCount(total, THREADS_PER_PAGE);
  if (page > pages) throw redirect(pages > 1 ? `/forums/${forum.slug}?page=${pages}` : `/forums/${forum.slug}`);
  const done = url.searchParams.get("done");
  return {
    submissionKey: newSubmissionKey(),
    forum,
    partner: isPartner(user),
    threads,
    total,
    page,
    pages,
    notice: isNotice(done) ? done : null,
  };
}

type Field = "title" | "body";
type Failure = "notAllowed" | "failed";
interface ActionAnswer {
  intent: string;
  errors: Partial<Record<Field, ForumErrorKey>>;
  values: Partial<Record<Field, string>>;
  failure: Failure | null;
}

function answer(body: ActionAnswer, status: number) {
  return data(body, status);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePartner(request, context);
  const supabase = getSupabase(request, context);
  const forum = await getForum(supabase, user, params.slug ?? "");
  if (!forum) notFound();
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const here = `/forums/${forum.slug}`;
  const refused = (failure: Failure = "notAllowed") => answer({ intent, errors: {}, values: {}, failure }, failure === "notAllowed" ? 403 : 500);
  const after = (result: ForumActionResult, notice: Notice, to = here) =>
    result.ok ? redirect(`${to}?done=${notice}`) : refused(result.reason === "refused" ? "notAllowed" : "failed");

  switch (intent) {
    case "join": {
      if (forum.visibility !== "open" || forum.archived || forum.standing !== null || !isPartner(user)) return refused();
      return after(await joinForum(supabase, user.id, forum.id), "joined");
    }
    case "request": {
      if (forum.visibility !== "closed" || forum.archived || forum.standing !== null || !isPartner(user)) return refused();
      const result = await requestMembership(supabase, user.id, forum.id);
      if (result.ok) await sendJoinRequestToModerators({ forumId: forum.id, requesterId: user.id });
      return after(result, "requested");
    }
    case "withdraw": {
      if (forum.standing !== "requested") return refused();
      return after(await leaveForum(supabase, user.id, forum.id, "requested"), "withdrawn");
    }
    case "leave": {
      if (forum.standing !== "member" && forum.standing !== "moderator") return refused();
      // After leaving a private forum the person can no longer see it: back to the list.
      const stillVisible = forum.visibility !== "private" || forum.isCoordinator;
      return after(await leaveForum(supabase, user.id, forum.id, "active"), "left", stillVisible ? here : "/forums");
    }
    case "watch":
      return after(await watchForum(supabase, user.id, forum.id), "watching");
    case "unwatch":
      return after(await unwatchForum(supabase, user.id, forum.id), "unwatched");
    case "mark-read":
      return after(await markForumRead(supabase, forum.id), "markedRead");
    case "start-thread": {
      const strings = formStrings(form);
      const values = { title: (strings.title ?? "").slice(0, THREAD_TITLE_MAX * 2), body: strings.body ?? "" };
      if (!forum.canPost) return answer({ intent, errors: {}, values, failure: "notAllowed" }, 403);
      const parsed = parseValues<typeof newThreadSchema, ForumErrorKey>(newThreadSchema, values);
      if (!parsed.success) return answer({ intent, errors: parsed.errors as ActionAnswer["errors"], values, failure: null }, 400);
      const result = await startThread(supabase, forum.id, { ...parsed.data, key: submissionKeyOf(strings) });
      if (!result.ok) {
        if (result.error === "rateLimited") return answer({ intent, errors: { body: "rateLimited" }, values, failure: null }, 429);
        const failure: Failure = result.error === "failed" ? "failed" : "notAllowed";
        return answer({ intent, errors: {}, values, failure }, failure === "failed" ? 500 : 403);
      }
      // A repeated submission was notified the first time.
      if (!result.replayed) await deliverPostNotifications(result.postId);
      return redirect(`${here}/threads/${result.threadId}`);
    }
    default:
      return answer({ intent, errors: {}, values: {}, failure: "failed" }, 400);
  }
}

export default function ForumPage() {
  const { submissionKey, forum, partner, threads, total, page, pages, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const location = useLocation();
  const words = t.forums.forum;

  return (
    <>
      <ForumHeader forum={forum} title={forum.name} isModerator={forum.isModerator} isCoordinator={forum.isCoordinator}>
        {forum.description ? <p className="lead forum-description">{forum.description}</p> : null}
      </ForumHeader>

      {notice ? (
        <p className="form-success" role="status">
          {t.forums.done[notice]}
        </p>
      ) : null}
      {result?.failure && result.intent !== "start-thread" ? (
        <p className="form-error" role="alert">
          {result.failure === "failed" ? words.failure : t.forums.errors.notAllowed}
        </p>
      ) : null}

      <Standing forum={forum} partner={partner} />

      <section aria-labelledby="threads-heading">
        <h2 id="threads-heading">{words.threadsTitle}</h2>
        {forum.canPost && threads.length > 0 ? (
          <p>
            <a href="#new-thread">{words.newThreadTitle}</a>
          </p>
        ) : null}
        {threads.length === 0 ? (
          <p className="empty">{forum.canPost ? words.emptyCanPost : words.empty}</p>
        ) : (
          <>
            <p className="muted">
              {total === 1 ? words.threadCountOne : format(words.threadCount, { count: total })}
              {pages > 1 ? ` · ${format(words.pageOf, { page, pages })}` : null}
            </p>
            <ThreadList slug={forum.slug} threads={threads} />
          </>
        )}
        <Pagination page={page} pages={pages} pathname={location.pathname} search={location.search} />
      </section>

      {forum.canPost ? <NewThreadForm answer={result?.intent === "start-thread" ? result : undefined} submissionKey={submissionKey} /> : null}
    </>
  );
}

type LoadedForum = ReturnType<typeof useLoaderData<typeof loader>>["forum"];
type LoadedThread = ReturnType<typeof useLoaderData<typeof loader>>["threads"][number];

/** The person's membership and watch, with the controls that fit their state. */
function Standing({ forum, partner }: { forum: LoadedForum; partner: boolean }) {
  const { t } = useTranslation();
  const words = t.forums.forum;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const member = forum.standing === "member" || forum.standing === "moderator";

  const button = (intent: string, label: string, className = "button button--small button--plain") => (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={className} disabled={busy}>
        {label}
      </button>
    </Form>
  );

  // What leaving means for this person (coordinators keep reading, writing and moderating).
  const leaveNote = forum.isCoordinator
    ? words.coordinatorNote
    : [
        forum.visibility === "private" ? words.leavePrivate : forum.visibility === "closed" ? words.leaveClosed : words.leaveOpen,
        forum.standing === "moderator" ? words.leaveModerator : "",
      ]
        .join(" ")
        .trim();

  return (
    <section aria-labelledby="standing-heading" className="forum-standing">
      <h2 id="standing-heading" className="visually-hidden">
        {words.actionsTitle}
      </h2>
      {forum.archived ? <p className="notice">{words.archivedNote}</p> : null}
      {forum.isCoordinator && forum.standing === null ? <p>{words.coordinatorNote}</p> : null}

      {member ? (
        <div className="forum-standing__row">
          <p>
            <strong>{forum.standing === "moderator" ? words.moderatorOf : words.memberOf}</strong>
          </p>
          <p className="field-hint" id="leave-note">
            {leaveNote}
          </p>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="leave" />
            <button type="submit" className="button button--small button--plain" disabled={busy} aria-describedby="leave-note">
              {words.leave}
            </button>
          </Form>
        </div>
      ) : null}

      {forum.standing === "requested" ? (
        <div className="forum-standing__row">
          <p>
            <strong>{words.requested}</strong>
          </p>
          {button("withdraw", words.withdraw)}
        </div>
      ) : null}

      {forum.standing === null && !forum.isCoordinator && !forum.archived && partner ? (
        forum.visibility === "open" ? (
          <div className="forum-standing__row">
            <p className="field-hint">{words.openNote}</p>
            {button("join", words.join, "button button--small")}
          </div>
        ) : forum.visibility === "closed" ? (
          <div className="forum-standing__row">
            <p className="field-hint">{words.requestNote}</p>
            {button("request", words.request, "button button--small")}
          </div>
        ) : (
          <p className="field-hint">{words.privateNoRequest}</p>
        )
      ) : null}

      <div className="forum-standing__row">
        {forum.watching ? (
          <>
            <p>{words.watching}</p>
            {button("unwatch", words.unwatch)}
          </>
        ) : forum.archived ? null : (
          <>
            <p className="field-hint">{words.watchNote}</p>
            {button("watch", words.watch)}
          </>
        )}{" "}
        {button("mark-read", words.markRead)}
      </div>
    </section>
  );
}

function ThreadList({ slug, threads }: { slug: string; threads: LoadedThread[] }) {
  const { t, locale } = useTranslation();
  const words = t.forums.forum;
  return (
    <ol className="thread-list">
      {threads.map((thread) => {
        const path = `/forums/${slug}/threads/${thread.id}`;
        return (
          <li key={thread.id} className={thread.unreadCount > 0 ? "thread-item thread-item--unread" : "thread-item"}>
            <p className="thread-item__title">
              <Link to={path}>{thread.title}</Link>
              {thread.pinned ? (
                <>
                  {" "}
                  <span className="badge badge--pinned">
                    <span aria-hidden="true">📌 </span>
                    {words.pinned}
                  </span>
                </>
              ) : null}
              {thread.locked ? (
                <>
                  {" "}
                  <span className="badge badge--locked">
                    <span aria-hidden="true">🔒 </span>
                    {words.locked}
                  </span>
                </>
              ) : null}
            </p>
            <p className="thread-item__meta">
              {words.author}: {thread.authorName ?? t.account.deletedUser} · {words.posts}: {thread.postCount} · {words.lastActivity}:{" "}
              {formatDateTime(thread.lastPostAt, locale)}
            </p>
            {thread.unreadCount > 0 ? (
              <p className="unread unread--some">
                {thread.unreadCount === 1 ? words.unreadOne : format(words.unread, { count: thread.unreadCount })} ·{" "}
                <Link to={`${path}?unread=1`}>
                  {words.firstUnread}
                  <span className="visually-hidden"> {format(words.firstUnreadIn, { thread: thread.title })}</span>
                </Link>
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function NewThreadForm({ answer, submissionKey }: { answer: ActionAnswer | undefined; submissionKey: string }) {
  const { t } = useTranslation();
  const words = t.forums.forum;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "start-thread";
  const errors = answer?.errors ?? {};
  const titleError = errors.title ? t.forums.errors[errors.title] : undefined;
  const bodyError = errors.body ? t.forums.errors[errors.body] : undefined;
  const bodyId = "field-body";
  return (
    <section aria-labelledby="new-thread" className="new-thread">
      <h2 id="new-thread" tabIndex={-1}>
        {words.newThreadTitle}
      </h2>
      {answer?.failure ? (
        <p className="form-error" role="alert">
          {answer.failure === "failed" ? words.failure : t.forums.errors.notAllowed}
        </p>
      ) : null}
      <Form method="post" className="form form--wide" noValidate>
        <input type="hidden" name="intent" value="start-thread" />
        <SubmissionKeyField value={submissionKey} />
        <TextInput
          name="title"
          label={words.newThreadTitleLabel}
          hint={words.newThreadTitleHint}
          defaultValue={answer?.values.title}
          error={titleError}
          autoFocus={titleError ? true : undefined}
        />
        <FieldFrame id={bodyId} label={words.newThreadBodyLabel} hint={words.markdownHint} error={bodyError}>
          <textarea
            id={bodyId}
            name="body"
            rows={8}
            defaultValue={answer?.values.body}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={describedBy(bodyId, words.markdownHint, bodyError)}
            autoFocus={bodyError && !titleError ? true : undefined}
          />
        </FieldFrame>
        <div>
          <button type="submit" className="button" disabled={busy}>
            {words.newThreadButton}
          </button>
        </div>
      </Form>
    </section>
  );
}
