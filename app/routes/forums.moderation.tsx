/**
 * /forums/moderation (anyone who moderates a forum, and coordinators): the queue of reported posts
 * in their forums, oldest first, with "Dölj inlägget" (hide with a reason, which also resolves the
 * report) and "Avfärda" (dismiss, optional note); the waiting join requests per forum; and the
 * last 50 handled reports (?view=handled). The reported post is shown as a plain-text excerpt,
 * never rendered as HTML here.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { describedBy, FieldFrame } from "~/components/field";
import { Pagination } from "~/components/pagination";
import { hasRole, requireUser } from "~/lib/auth.server";
import {
  closeReport,
  hideReportedPost,
  listHandledReports,
  listOpenReports,
  moderationScope,
  pendingRequestCounts,
  type QueueReport,
  type ResolveResult,
} from "~/lib/forum-admin.server";
import { formatDateTime } from "~/lib/format";
import { forbidden } from "~/lib/http.server";
import { format, type Messages } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { pageNumber } from "~/lib/pagination";
import { formStrings, parseValues } from "~/lib/schemas/form";
import {
  dismissReportSchema,
  hideReportedPostSchema,
  type ForumAdminErrorKey,
  type ForumAdminFieldErrors,
} from "~/lib/schemas/forum-admin";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.forumAdmin.moderation.title);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function guard(request: Request, context: LoaderFunctionArgs["context"]) {
  const user = await requireUser(request, context);
  const supabase = getSupabase(request, context);
  const scope = await moderationScope(supabase, user.id, hasRole(user, "coordinator"));
  if (scope !== "all" && scope.length === 0) forbidden();
  return { supabase, scope };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { supabase, scope } = await guard(request, context);
  const url = new URL(request.url);
  const view: "open" | "handled" = url.searchParams.get("view") === "handled" ? "handled" : "open";
  const done = url.searchParams.get("done");
  const [open, handled, requests] = await Promise.all([
    view === "open" ? listOpenReports(supabase, scope, pageNumber(url.searchParams.get("page"))) : null,
    view === "handled" ? listHandledReports(supabase, scope) : null,
    pendingRequestCounts(supabase, scope),
  ]);
  const notice: "hidden" | "dismissed" | null = done === "hidden" || done === "dismissed" ? done : null;
  return { view, open, handled, requests, done: notice };
}

type Answer = {
  intent: string;
  report: string;
  errors: ForumAdminFieldErrors<"reason" | "note">;
  values: { reason: string; note: string };
  failure: "gone" | "failed" | null;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const { supabase } = await guard(request, context);
  const values = formStrings(await request.formData());
  const intent = values.intent ?? "";
  const report = values.report ?? "";
  const kept = { reason: (values.reason ?? "").slice(0, 2000), note: (values.note ?? "").slice(0, 2000) };
  const answer = (errors: Answer["errors"], failure: Answer["failure"], status: number) =>
    data<Answer>({ intent, report, errors, values: kept, failure }, status);
  if (!UUID.test(report)) return answer({}, "failed", 400);
  const page = pageNumber(values.page ?? null);
  const finish = (result: ResolveResult, done: "hidden" | "dismissed") => {
    if (result === "refused") forbidden();
    if (result === "gone") return answer({}, "gone", 409);
    return redirect(`/forums/moderation?${new URLSearchParams({ done, ...(page > 1 ? { page: String(page) } : {}) }).toString()}`);
  };

  if (intent === "hide") {
    const parsed = parseValues<typeof hideReportedPostSchema, ForumAdminErrorKey>(hideReportedPostSchema, values);
    if (!parsed.success) return answer(parsed.errors, null, 400);
    return finish(await hideReportedPost(supabase, report, parsed.data.reason), "hidden");
  }
  if (intent === "dismiss") {
    const parsed = parseValues<typeof dismissReportSchema, ForumAdminErrorKey>(dismissReportSchema, values);
    if (!parsed.success) return answer(parsed.errors, null, 400);
    return finish(await closeReport(supabase, report, "dismissed", parsed.data.note), "dismissed");
  }
  return answer({}, "failed", 400);
}

const personName = (t: Messages, name: string | null, deleted: boolean) => (deleted ? t.account.deletedUser : name ?? t.forumAdmin.common.noName);

function postHref(report: QueueReport): string | null {
  if (!report.forum || !report.thread || !report.post) return null;
  const position = report.post.position;
  return `/forums/${report.forum.slug}/threads/${report.thread.id}?post=${position}#post-${position}`;
}

export default function ModerationQueue() {
  const { view, open, handled, requests, done } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const { t, locale } = useTranslation();
  const words = t.forumAdmin.moderation;
  const busy = navigation.state === "submitting";
  const listSearch = new URLSearchParams(location.search);
  listSearch.delete("done");

  return (
    <>
      <nav aria-label={t.forumAdmin.common.breadcrumb} className="breadcrumb">
        <ol>
          <li>
            <Link to="/forums">{t.forumAdmin.common.forums}</Link>
          </li>
          <li>
            <span aria-current="page">{words.title}</span>
          </li>
        </ol>
      </nav>
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>

      {done ? (
        <p className="form-success" role="status">
          {words[done]}
        </p>
      ) : null}
      {answer?.failure ? (
        <p className="form-error" role="alert">
          {answer.failure === "gone" ? t.forumAdmin.common.gone : t.forumAdmin.common.failed}
        </p>
      ) : null}

      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading">{words.requestsTitle}</h2>
        {requests.length === 0 ? (
          <p className="empty">{words.noRequestsAnywhere}</p>
        ) : (
          <ul>
            {requests.map((forum) => (
              <li key={forum.forumId}>
                <Link to={`/forums/${forum.slug}/members`}>{format(words.handleRequests, { forum: forum.name })}</Link>:{" "}
                {format(words.requestsCount, { count: forum.count })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <nav aria-label={words.tabsLabel} className="moderation-tabs">
        <ul>
          <li>
            <Link to="/forums/moderation" aria-current={view === "open" ? "page" : undefined}>
              {words.openTab}
            </Link>
          </li>
          <li>
            <Link to="/forums/moderation?view=handled" aria-current={view === "handled" ? "page" : undefined}>
              {words.handledTab}
            </Link>
          </li>
        </ul>
      </nav>

      {open ? (
        <section aria-labelledby="open-heading">
          <h2 id="open-heading">{words.openTitle}</h2>
          {open.reports.length === 0 ? (
            <p className="empty">{words.noReports}</p>
          ) : (
            <>
              <p>{format(words.openCount, { count: open.total })}</p>
              <ol className="moderation-queue">
                {open.reports.map((report) => {
                  const mine = answer?.report === report.id ? answer : undefined;
                  const reasonError = mine?.intent === "hide" && mine.errors.reason ? t.forumAdmin.errors[mine.errors.reason] : undefined;
                  const noteError = mine?.intent === "dismiss" && mine.errors.note ? t.forumAdmin.errors[mine.errors.note] : undefined;
                  const href = postHref(report);
                  const reasonId = `reason-${report.id}`;
                  const noteId = `note-${report.id}`;
                  return (
                    <li key={report.id} className="card moderation-report">
                      <h3>{format(words.reportTitle, { forum: report.forum?.name ?? "" })}</h3>
                      <dl>
                        <dt>{words.post}</dt>
                        <dd>
                          {href && report.thread && report.post ? (
                            <Link to={href}>{format(words.postLink, { position: report.post.position, thread: report.thread.title })}</Link>
                          ) : (
                            words.noPost
                          )}
                        </dd>
                        <dt>{words.author}</dt>
                        <dd>{report.post ? personName(t, report.post.authorName, report.post.authorDeleted) : ""}</dd>
                        <dt>{words.reporter}</dt>
                        <dd>{personName(t, report.reporterName, report.reporterDeleted)}</dd>
                        <dt>{words.reported}</dt>
                        <dd>{formatDateTime(report.createdAt, locale)}</dd>
                        <dt>{words.reason}</dt>
                        <dd className="moderation-text">{report.reason}</dd>
                      </dl>
                      {report.post ? (
                        <blockquote className="moderation-excerpt">
                          <p>{report.post.excerpt}</p>
                        </blockquote>
                      ) : null}
                      {report.post?.hidden ? <p className="muted">{words.alreadyHidden}</p> : null}
                      <div className="moderation-actions">
                        <Form method="post" className="form" noValidate>
                          <input type="hidden" name="intent" value="hide" />
                          <input type="hidden" name="report" value={report.id} />
                          <input type="hidden" name="page" value={open.page} />
                          <FieldFrame id={reasonId} label={words.hideReason} hint={words.hideReasonHint} error={reasonError}>
                            <textarea
                              id={reasonId}
                              name="reason"
                              rows={2}
                              aria-required
                              aria-invalid={reasonError ? true : undefined}
                              aria-describedby={describedBy(reasonId, words.hideReasonHint, reasonError)}
                              defaultValue={mine?.intent === "hide" ? mine.values.reason : ""}
                              autoFocus={Boolean(reasonError)}
                            />
                          </FieldFrame>
                          <button type="submit" className="button button--danger" disabled={busy}>
                            {words.hide}
                          </button>
                        </Form>
                        <Form method="post" className="form" noValidate>
                          <input type="hidden" name="intent" value="dismiss" />
                          <input type="hidden" name="report" value={report.id} />
                          <input type="hidden" name="page" value={open.page} />
                          <FieldFrame
                            id={noteId}
                            label={words.dismissNote}
                            labelSuffix={t.forumAdmin.common.optional}
                            hint={words.dismissNoteHint}
                            error={noteError}
                          >
                            <textarea
                              id={noteId}
                              name="note"
                              rows={2}
                              aria-invalid={noteError ? true : undefined}
                              aria-describedby={describedBy(noteId, words.dismissNoteHint, noteError)}
                              defaultValue={mine?.intent === "dismiss" ? mine.values.note : ""}
                              autoFocus={Boolean(noteError)}
                            />
                          </FieldFrame>
                          <button type="submit" className="button" disabled={busy}>
                            {words.dismiss}
                          </button>
                        </Form>
                      </div>
                    </li>
                  );
                })}
              </ol>
              <Pagination page={open.page} pages={open.pages} pathname={location.pathname} search={listSearch.toString()} label={words.pagination} />
            </>
          )}
        </section>
      ) : null}

      {handled ? (
        <section aria-labelledby="handled-heading">
          <h2 id="handled-heading">{words.handledTitle}</h2>
          {handled.length === 0 ? (
            <p className="empty">{words.noHandled}</p>
          ) : (
            <>
              <p>{words.handledIntro}</p>
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">{words.handledCaption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{words.post}</th>
                      <th scope="col">{words.reason}</th>
                      <th scope="col">{words.status}</th>
                      <th scope="col">{words.by}</th>
                      <th scope="col">{words.at}</th>
                      <th scope="col">{words.note}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {handled.map((report) => {
                      const href = postHref(report);
                      return (
                        <tr key={report.id}>
                          <td>
                            {href && report.thread && report.post ? (
                              <Link to={href}>{format(words.postLink, { position: report.post.position, thread: report.thread.title })}</Link>
                            ) : (
                              words.noPost
                            )}
                            {report.forum ? <span className="cell-detail">{report.forum.name}</span> : null}
                          </td>
                          <td className="moderation-text">{report.reason}</td>
                          <td>{words.statuses[report.status]}</td>
                          <td>{personName(t, report.resolvedByName, report.resolverDeleted)}</td>
                          <td>{formatDateTime(report.resolvedAt, locale)}</td>
                          <td className="moderation-text">{report.resolutionNote ?? ""}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
