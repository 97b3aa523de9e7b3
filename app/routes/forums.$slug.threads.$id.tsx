import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { SubmissionKeyField } from "~/components/submission-key";
import { describedBy, FieldMessages } from "~/components/field";
import { ForumHeader } from "~/components/forum-header";
import { ForumPost, type PostActions, type PostOpenForm, type PostView } from "~/components/forum-post";
import { Pagination } from "~/components/pagination";
import { hasRole, requirePartner } from "~/lib/auth.server";
import { deliverPostNotifications } from "~/lib/forum-notifications.server";
import { notFound } from "~/lib/http.server";
import { format, getMessages } from "~/lib/i18n";
import { quoteMarkdown } from "~/lib/markdown.server";
import { pageTitle } from "~/lib/page-meta";
import { resolveLocale } from "~/lib/preferences.server";
import { formStrings, parseValues } from "~/lib/schemas/form";
import { hidePostSchema, postBodySchema, reportPostSchema, type ForumErrorKey } from "~/lib/schemas/forum-posts";
import { getSupabase } from "~/lib/supabase.server";
import { newSubmissionKey, submissionKeyOf } from "~/lib/submission-key";
import {
  editPost,
  getPostAt,
  getThread,
  hidePost,
  markThreadRead,
  mentionedNames,
  moveTargets,
  moveThread,
  openThread,
  pageOfPosition,
  replyToThread,
  renderPost,
  reportPost,
  setLocked,
  setPinned,
  setWatching,
  unhidePost,
  type VisiblePost,
} from "~/lib/threads.server";
import { useTranslation } from "~/lib/use-translation";

/**
 * /forums/:slug/threads/:id: one page of a thread's posts (a range of positions, so page 500 costs
 * what page 1 costs), the reply form, and per post quote/edit/report; moderators hide, pin, lock and
 * move. `?post=N` shows the page holding post N, `?unread=1` jumps to the first unread post. Every
 * action is a plain form with a hidden `intent`; RLS decides who may do what.
 */
export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) =>
  pageTitle(matches, (t) => loaded?.thread.title ?? t.threads.forums);

const NOTICES = ["edited", "reported", "hidden", "unhidden", "pinned", "unpinned", "locked", "unlocked", "moved", "watching", "unwatched"] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (value: string | null): value is Notice => (NOTICES as readonly (string | null)[]).includes(value);

/** A positive whole number from the query string, or null. */
function positionParam(value: string | null): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 1 && n <= 10_000_000 ? n : null;
}

type NoReply = "locked" | "archived" | "notMember";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const supabase = getSupabase(request, context);
  const slug = params.slug ?? "";
  const query = new URL(request.url).searchParams;
  const quoteAt = positionParam(query.get("quote"));
  const editAt = positionParam(query.get("edit"));
  const reportAt = positionParam(query.get("report"));
  const target = positionParam(query.get("post")) ?? editAt ?? reportAt;
  const wanted = query.has("page") ? (positionParam(query.get("page")) ?? 1) : target ? pageOfPosition(target) : 1;
  const unread = query.has("unread");

  // Round one: the page's reads need only the URL, so they run alongside the guard (RLS decides
  // what they return); nothing is returned before the guard has passed. A coordinator moderates
  // every forum, so their move targets start as soon as the guard knows who they are.
  const guard = requirePartner(request, context);
  const opening = openThread(supabase, slug, params.id ?? "", unread ? null : wanted);
  const coordinatorTargets = unread
    ? Promise.resolve(null)
    : guard.then((user) => (hasRole(user, "coordinator") ? moveTargets(supabase, user.id, true, slug) : null));
  opening.catch(() => undefined);
  coordinatorTargets.catch(() => undefined);
  const user = await guard;
  const opened = await opening;
  if (!opened) notFound();
  const { thread, viewer, page, pages, entries } = opened;
  const base = `/forums/${thread.forum.slug}/threads/${thread.id}`;

  if (unread) {
    if (viewer.lastRead < thread.lastPosition) {
      const next = viewer.lastRead + 1;
      throw redirect(`${base}?post=${next}#post-${next}`);
    }
    throw redirect(pages > 1 ? `${base}?page=${pages}` : base);
  }

  const visible = entries.filter((entry): entry is VisiblePost => entry.kind === "post");
  const quotedHere = quoteAt ? (visible.find((post) => post.position === quoteAt) ?? null) : null;
  const shown = visible.filter((post) => !post.hiddenAt || viewer.moderator);
  const lastShown = entries.at(-1)?.position ?? 0;
  // Round two, only what is needed: the names to highlight (only when a body mentions someone who
  // is not an author of the page), a quoted post from another page, a moderator's move targets,
  // and the read mark, written only when this page moves it (it never moves backwards).
  const [mentions, targets, quoted] = await Promise.all([
    mentionedNames(
      supabase,
      shown.map((post) => post.body),
      shown.flatMap((post) => (post.authorName ? [post.authorName] : [])),
    ),
    viewer.moderator
      ? coordinatorTargets.then((ready) => ready ?? moveTargets(supabase, user.id, hasRole(user, "coordinator"), thread.forum.slug))
      : Promise.resolve([]),
    quoteAt && !quotedHere ? getPostAt(supabase, thread.id, quoteAt) : Promise.resolve(quotedHere),
    lastShown > viewer.lastRead ? markThreadRead(supabase, thread.id, lastShown) : undefined,
  ]);
  const locale = await resolveLocale(request, user);
  const deletedUser = getMessages(locale).account.deletedUser;

  const posts: PostView[] = entries.map((entry) => {
    if (entry.kind === "hidden") return entry;
    const hiddenForMe = Boolean(entry.hiddenAt) && !viewer.moderator;
    return {
      kind: "post",
      position: entry.position,
      authorName: entry.authorName,
      createdAt: entry.createdAt,
      editedAt: entry.editedAt,
      html: hiddenForMe ? null : renderPost(entry.body, mentions),
      hidden: entry.hiddenAt
        ? { at: entry.hiddenAt, reason: viewer.moderator ? entry.hiddenReason : null, byName: viewer.moderator ? entry.hiddenByName : null }
        : null,
      mine: entry.authorId === user.id,
    };
  });
  const editable = (post: VisiblePost) => post.authorId === user.id && !post.hiddenAt && (!thread.locked || viewer.moderator);
  const editing = editAt ? visible.find((post) => post.position === editAt && editable(post)) : undefined;
  const reporting = reportAt ? visible.find((post) => post.position === reportAt && post.authorId !== user.id && !post.hiddenAt) : undefined;

  const noReply: NoReply | null = viewer.canPost
    ? null
    : thread.locked && !viewer.moderator
      ? "locked"
      : thread.forum.archived_at
        ? "archived"
        : "notMember";


  const done = query.get("done");
  return {
    submissionKey: newSubmissionKey(),
    thread,
    base,
    page,
    pages,
    posts,
    actions: Object.fromEntries(
      visible.map((post) => [
        post.position,
        {
          quote: viewer.canPost && !post.hiddenAt,
          edit: editable(post),
          report: post.authorId !== user.id && !post.hiddenAt,
        },
      ]),
    ) as Record<number, { quote: boolean; edit: boolean; report: boolean }>,
    viewer: { moderator: viewer.moderator, coordinator: hasRole(user, "coordinator"), canPost: viewer.canPost, watching: viewer.watching },
    noReply,
    quote: quoted && !(quoted.hiddenAt && !viewer.moderator) ? quoteMarkdown(quoted.body, quoted.authorName ?? deletedUser) : "",
    editing: editing ? { position: editing.position, body: editing.body } : null,
    reporting: reporting ? reporting.position : null,
    targets,
    notice: isNotice(done) ? done : null,
  };
}

type FieldErrors = Partial<Record<"body" | "reason" | "forum", ForumErrorKey>>;
type Failure = "notAllowed" | "notFound" | "duplicateReport";

interface ActionAnswer {
  intent: string;
  position: number | null;
  errors: FieldErrors;
  values: Record<string, string>;
  failure: Failure | null;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePartner(request, context);
  const supabase = getSupabase(request, context);
  const thread = await getThread(supabase, params.slug ?? "", params.id ?? "");
  if (!thread) notFound();
  const base = `/forums/${thread.forum.slug}/threads/${thread.id}`;
  const values = formStrings(await request.formData());
  const intent = values.intent ?? "";
  const position = positionParam(values.position ?? null);
  const answer = (status: number, patch: Partial<ActionAnswer>) =>
    data<ActionAnswer>({ intent, position, errors: {}, values: {}, failure: null, ...patch }, status);
  const refusal = (error: ForumErrorKey | Failure) =>
    error === "notFound" ? answer(404, { failure: "notFound" }) : answer(403, { failure: "notAllowed" });
  const at = (n: number, done?: Notice) => `${base}?post=${n}${done ? `&done=${done}` : ""}#post-${n}`;
  const pageUrl = (done: Notice) => `${base}?done=${done}`;

  switch (intent) {
    case "reply": {
      const parsed = parseValues<typeof postBodySchema, ForumErrorKey>(postBodySchema, values);
      if (!parsed.success) return answer(400, { errors: parsed.errors, values: { body: values.body ?? "" } });
      const result = await replyToThread(supabase, thread.id, parsed.data.body, { authorId: user.id, key: submissionKeyOf(values) });
      if (!result.ok) {
        if (result.error === "rateLimited") return answer(429, { errors: { body: "rateLimited" }, values: { body: values.body ?? "" } });
        const key: ForumErrorKey = result.error === "threadLocked" ? "threadLocked" : "notAllowed";
        return answer(403, { errors: { body: key }, values: { body: values.body ?? "" } });
      }
      // A repeated submission was notified the first time.
      if (!result.replayed) await deliverPostNotifications(result.postId);
      return redirect(`${base}?post=${result.position}#post-${result.position}`);
    }
    case "edit": {
      if (!position) return answer(404, { failure: "notFound" });
      const parsed = parseValues<typeof postBodySchema, ForumErrorKey>(postBodySchema, values);
      if (!parsed.success) return answer(400, { errors: parsed.errors, values: { body: values.body ?? "" } });
      const result = await editPost(supabase, thread.id, position, parsed.data.body);
      if (!result.ok) {
        if (result.error === "threadLocked") return answer(403, { errors: { body: "threadLocked" }, values: { body: values.body ?? "" } });
        return refusal(result.error);
      }
      return redirect(at(position, "edited"));
    }
    case "report": {
      if (!position) return answer(404, { failure: "notFound" });
      const parsed = parseValues<typeof reportPostSchema, ForumErrorKey>(reportPostSchema, values);
      if (!parsed.success) return answer(400, { errors: parsed.errors, values: { reason: values.reason ?? "" } });
      const result = await reportPost(supabase, thread.id, position, parsed.data.reason);
      if (!result.ok) return result.error === "duplicateReport" ? answer(409, { failure: "duplicateReport" }) : refusal(result.error);
      return redirect(at(position, "reported"));
    }
    case "hide":
    case "unhide": {
      if (!position) return answer(404, { failure: "notFound" });
      if (intent === "hide") {
        const parsed = parseValues<typeof hidePostSchema, ForumErrorKey>(hidePostSchema, values);
        if (!parsed.success) return answer(400, { errors: parsed.errors, values: { reason: values.reason ?? "" } });
        const result = await hidePost(supabase, thread.id, position, parsed.data.reason);
        if (!result.ok) return refusal(result.error);
        return redirect(at(position, "hidden"));
      }
      const result = await unhidePost(supabase, thread.id, position);
      if (!result.ok) return refusal(result.error);
      return redirect(at(position, "unhidden"));
    }
    case "pin":
    case "unpin": {
      const result = await setPinned(supabase, thread.id, intent === "pin");
      if (!result.ok) return refusal(result.error);
      return redirect(pageUrl(intent === "pin" ? "pinned" : "unpinned"));
    }
    case "lock":
    case "unlock": {
      const result = await setLocked(supabase, thread.id, intent === "lock");
      if (!result.ok) return refusal(result.error);
      return redirect(pageUrl(intent === "lock" ? "locked" : "unlocked"));
    }
    case "move": {
      const forumId = values.forum ?? "";
      if (!forumId) return answer(400, { errors: { forum: "forumRequired" } });
      const result = await moveThread(supabase, thread.id, forumId);
      if (!result.ok) {
        if (result.error === "forumRequired") return answer(400, { errors: { forum: "forumRequired" } });
        return refusal(result.error);
      }
      return redirect(`/forums/${result.slug}/threads/${thread.id}?done=moved`);
    }
    case "watch":
    case "unwatch": {
      const result = await setWatching(supabase, user.id, thread.id, intent === "watch");
      if (!result.ok) return refusal(result.error);
      return redirect(pageUrl(intent === "watch" ? "watching" : "unwatched"));
    }
    default:
      return answer(400, { failure: "notAllowed" });
  }
}

export default function ThreadPage() {
  const { submissionKey, thread, base, page, pages, posts, actions, viewer, noReply, quote, editing, reporting, targets, notice } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const location = useLocation();
  const words = t.threads;
  const errorText = (key: ForumErrorKey | undefined) => (key ? t.forums.errors[key] : undefined);
  const pageQuery = page > 1 ? `page=${page}&` : "";
  const hrefOf = (param: string, n: number, hash: string) => `${base}?${pageQuery}${param}=${n}#${hash}`;
  const cancelHref = `${base}${page > 1 ? `?page=${page}` : ""}`;

  const replyAnswer = answer?.intent === "reply" ? answer : undefined;
  const replyError = errorText(replyAnswer?.errors.body);
  const failure = answer?.failure === "duplicateReport" ? null : answer?.failure;

  const openFormFor = (position: number): PostOpenForm | undefined => {
    const mine = answer && answer.position === position ? answer : undefined;
    if (mine?.intent === "edit" && !mine.failure) {
      return { kind: "edit", value: mine.values.body ?? "", error: errorText(mine.errors.body), cancelHref };
    }
    if (mine?.intent === "report") {
      const error = mine.failure === "duplicateReport" ? words.report.duplicate : errorText(mine.errors.reason);
      return { kind: "report", value: mine.values.reason ?? "", error, cancelHref };
    }
    if (editing?.position === position) return { kind: "edit", value: editing.body, cancelHref };
    if (reporting === position) return { kind: "report", value: "", cancelHref };
    return undefined;
  };

  return (
    <>
      <ForumHeader
        forum={{ slug: thread.forum.slug, name: thread.forum.name, visibility: thread.forum.visibility, archived: Boolean(thread.forum.archived_at) }}
        title={thread.title}
        current={thread.title}
        isModerator={viewer.moderator}
        isCoordinator={viewer.coordinator}
      >
        {thread.pinned || thread.locked ? (
          <p className="thread-badges">
            {thread.pinned ? <span className="badge badge--pinned">{words.pinned}</span> : null}{" "}
            {thread.locked ? <span className="badge badge--locked">{words.locked}</span> : null}
          </p>
        ) : null}
      </ForumHeader>

      {notice ? (
        <p className="form-success" role="status">
          {words.notices[notice]}
        </p>
      ) : null}
      {failure ? (
        <p className="form-error" role="alert">
          {words.failures[failure]}
        </p>
      ) : null}

      <Form method="post" action={cancelHref} className="inline-form thread-watch">
        <input type="hidden" name="intent" value={viewer.watching ? "unwatch" : "watch"} />
        {viewer.watching ? <span className="muted">{words.watch.watchingHint}</span> : null}{" "}
        <button type="submit" className="button button--small button--secondary">
          {viewer.watching ? words.watch.unwatch : words.watch.watch}
        </button>
      </Form>

      {viewer.moderator ? (
        <details className="forum-moderate">
          <summary>{words.moderate.threadHeading}</summary>
          <div className="forum-moderate__row">
            <Form method="post" action={cancelHref} className="inline-form">
              <input type="hidden" name="intent" value={thread.pinned ? "unpin" : "pin"} />
              <button type="submit" className="button button--small">
                {thread.pinned ? words.moderate.unpin : words.moderate.pin}
              </button>
            </Form>{" "}
            <Form method="post" action={cancelHref} className="inline-form">
              <input type="hidden" name="intent" value={thread.locked ? "unlock" : "lock"} />
              <button type="submit" className="button button--small">
                {thread.locked ? words.moderate.unlock : words.moderate.lock}
              </button>
            </Form>
          </div>
          {targets.length > 0 ? (
            <Form method="post" action={cancelHref} className="form">
              <input type="hidden" name="intent" value="move" />
              <div className="field">
                <label htmlFor="move-forum">{words.moderate.moveLabel}</label>
                <FieldMessages id="move-forum" error={answer?.intent === "move" ? errorText(answer.errors.forum) : undefined} />
                <select id="move-forum" name="forum" defaultValue="">
                  <option value="" disabled>
                    –
                  </option>
                  {targets.map((forum) => (
                    <option key={forum.id} value={forum.id}>
                      {forum.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button button--small">
                {words.moderate.move}
              </button>
            </Form>
          ) : (
            <p className="muted">{words.moderate.noTargets}</p>
          )}
        </details>
      ) : null}

      <Pagination page={page} pages={pages} pathname={location.pathname} label={words.pagination} />

      <section aria-labelledby="posts-heading" className="thread-posts">
        <h2 id="posts-heading" className="visually-hidden">
          {words.postsHeading} – {format(words.pageOf, { page, pages })}
        </h2>
        {posts.length === 0 ? <p className="empty">{words.empty}</p> : null}
        {posts.map((post) => {
          const allowed = actions[post.position];
          const postActions: PostActions = {
            quoteHref: allowed?.quote ? hrefOf("quote", post.position, "reply") : undefined,
            editHref: allowed?.edit ? hrefOf("edit", post.position, `post-${post.position}`) : undefined,
            reportHref: allowed?.report ? hrefOf("report", post.position, `post-${post.position}`) : undefined,
            moderate: viewer.moderator && post.kind === "post",
          };
          const hideAnswer = answer?.intent === "hide" && answer.position === post.position ? answer : undefined;
          return (
            <ForumPost
              key={post.position}
              post={post}
              actions={postActions}
              open={openFormFor(post.position)}
              hideError={errorText(hideAnswer?.errors.reason)}
              hideValue={hideAnswer?.values.reason}
            />
          );
        })}
      </section>

      <Pagination page={page} pages={pages} pathname={location.pathname} label={words.paginationBottom} />

      <section aria-labelledby="reply-heading" className="thread-reply">
        <h2 id="reply-heading">{words.reply.heading}</h2>
        {noReply ? (
          <>
            {replyError ? (
              <p className="form-error" role="alert">
                {replyError}
              </p>
            ) : null}
            <p className="notice" id="reply">
              {noReply === "locked" ? words.reply.lockedNotice : noReply === "archived" ? words.reply.archived : words.reply.notMember}
            </p>
          </>
        ) : (
          <Form method="post" className="form" id="reply" action={cancelHref}>
            <input type="hidden" name="intent" value="reply" />
            <SubmissionKeyField value={submissionKey} />
            <div className="field">
              <label htmlFor="reply-body">{words.reply.label}</label>
              <FieldMessages id="reply-body" hint={words.reply.help} error={replyError} />
              <textarea
                id="reply-body"
                name="body"
                rows={8}
                defaultValue={replyAnswer?.values.body ?? quote}
                // A new post (or a new quote) gives a fresh, empty box after the redirect.
                key={`${thread.lastPosition}:${quote}`}
                aria-invalid={replyError ? true : undefined}
                aria-describedby={describedBy("reply-body", words.reply.help, replyError)}
                autoFocus={Boolean(replyError)}
              />
            </div>
            <button type="submit" className="button">
              {words.reply.submit}
            </button>
          </Form>
        )}
      </section>
    </>
  );
}
