/**
 * /forums/:slug/members (the forum's moderators and coordinators): join requests first (approve or
 * decline; the person is told by e-mail), then the members, 50 a page, with making and unmaking
 * moderators and removing people, and adding a member by e-mail address — for a private forum the
 * only way in (an invitation). Everyone else gets 403. RLS decides in the end.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { describedBy, FieldFrame } from "~/components/field";
import { ForumHeader } from "~/components/forum-header";
import { Pagination } from "~/components/pagination";
import { hasRole, requireUser } from "~/lib/auth.server";
import {
  addMemberByEmail,
  approveRequest,
  declineRequest,
  getForumBySlug,
  isForumModerator,
  listJoinRequests,
  listMembers,
  removeMember,
  setMemberRole,
  type ChangeResult,
} from "~/lib/forum-admin.server";
import { sendAddedToForum, sendJoinDecision } from "~/lib/forum-notifications.server";
import { formatDate } from "~/lib/format";
import { forbidden, notFound } from "~/lib/http.server";
import { format } from "~/lib/i18n";
import { messagesFor } from "~/lib/page-meta";
import { pageNumber } from "~/lib/pagination";
import { formStrings, parseValues } from "~/lib/schemas/form";
import { emailSchema, type ForumAdminErrorKey, type ForumAdminFieldErrors } from "~/lib/schemas/forum-admin";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const t = messagesFor(matches);
  return [{ title: `${format(t.forumAdmin.members.title, { forum: loaded?.forum.name ?? "" })} – ${t.shell.portalName}` }];
};

const NOTICES = ["approved", "declined", "madeModerator", "moderatorRemoved", "removed", "added", "alreadyMember"] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (value: string | null): value is Notice => (NOTICES as readonly (string | null)[]).includes(value);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const supabase = getSupabase(request, context);
  const forum = await getForumBySlug(supabase, params.slug ?? "");
  if (!forum) notFound();
  if (!(await isForumModerator(supabase, forum.id))) forbidden();
  const url = new URL(request.url);
  const [requests, members] = await Promise.all([
    listJoinRequests(supabase, forum.id),
    listMembers(supabase, forum.id, pageNumber(url.searchParams.get("page"))),
  ]);
  const notice = url.searchParams.get("notice");
  return {
    forum,
    me: user.id,
    isCoordinator: hasRole(user, "coordinator"),
    requests,
    members,
    notice: isNotice(notice) ? notice : null,
    noticeValue: (url.searchParams.get("value") ?? "").slice(0, 254),
  };
}

type Answer = { intent: string; errors: ForumAdminFieldErrors<"email">; values: { email: string }; failure: "failed" | "gone" | null };

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireUser(request, context);
  const supabase = getSupabase(request, context);
  const forum = await getForumBySlug(supabase, params.slug ?? "");
  if (!forum) notFound();
  if (!(await isForumModerator(supabase, forum.id))) forbidden();
  const values = formStrings(await request.formData());
  const intent = values.intent ?? "";
  const name = (values.name ?? "").slice(0, 200);
  const page = pageNumber(values.page ?? null);
  const failed = (failure: "failed" | "gone") => data<Answer>({ intent, errors: {}, values: { email: "" }, failure }, failure === "gone" ? 409 : 400);
  const back = (notice: Notice, value: string) => {
    const query = new URLSearchParams({ notice });
    if (value) query.set("value", value);
    if (page > 1) query.set("page", String(page));
    return redirect(`/forums/${forum.slug}/members?${query.toString()}`);
  };
  // "refused" after the moderator check means the row was not there (any more): handled elsewhere.
  const outcome = (result: ChangeResult) => (result === "failed" ? failed("failed") : failed("gone"));

  if (intent === "add") {
    const email = (values.email ?? "").slice(0, 300);
    const parsed = parseValues<typeof emailSchema, ForumAdminErrorKey>(emailSchema, values);
    if (!parsed.success) return data<Answer>({ intent, errors: parsed.errors as ForumAdminFieldErrors<"email">, values: { email }, failure: null }, 400);
    const added = await addMemberByEmail(supabase, forum.id, parsed.data.email);
    if (!added.ok) {
      if (added.reason === "unknown") return data<Answer>({ intent, errors: { email: "emailUnknown" }, values: { email }, failure: null }, 400);
      if (added.reason === "refused") forbidden();
      return failed("failed");
    }
    if (added.alreadyMember) return back("alreadyMember", parsed.data.email);
    await sendAddedToForum({ forumId: forum.id, userId: added.userId });
    return back("added", parsed.data.email);
  }

  const userId = values.user ?? "";
  if (!UUID.test(userId)) return failed("failed");

  if (intent === "approve") {
    const result = await approveRequest(supabase, forum.id, userId);
    if (result !== "ok") return outcome(result);
    await sendJoinDecision({ forumId: forum.id, userId, approved: true });
    return back("approved", name);
  }
  if (intent === "decline") {
    const result = await declineRequest(supabase, forum.id, userId);
    if (result !== "ok") return outcome(result);
    await sendJoinDecision({ forumId: forum.id, userId, approved: false });
    return back("declined", name);
  }
  if (intent === "makeModerator" || intent === "removeModerator") {
    const result = await setMemberRole(supabase, forum.id, userId, intent === "makeModerator" ? "moderator" : "member");
    if (result !== "ok") return outcome(result);
    return back(intent === "makeModerator" ? "madeModerator" : "moderatorRemoved", name);
  }
  if (intent === "remove") {
    const result = await removeMember(supabase, forum.id, userId);
    if (result !== "ok") return outcome(result);
    return back("removed", name);
  }
  return failed("failed");
}

export default function ForumMembers() {
  const { forum, me, isCoordinator, requests, members, notice, noticeValue } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const { t, locale } = useTranslation();
  const words = t.forumAdmin;
  const busy = navigation.state === "submitting";
  const emailError = answer?.intent === "add" && answer.errors.email ? words.errors[answer.errors.email] : undefined;
  const hint = words.members.addHint;
  const isPrivate = forum.visibility === "private";
  // Page links keep other parameters but not a notice about an earlier action.
  const listSearch = new URLSearchParams(location.search);
  listSearch.delete("notice");
  listSearch.delete("value");

  const noticeText = notice
    ? notice === "added" || notice === "alreadyMember"
      ? format(words.members[notice], { email: noticeValue })
      : format(words.members[notice], { name: noticeValue || words.common.noName })
    : null;

  /** One action button on a person's row; the form carries who it is about and the page to come back to. */
  const personAction = (intent: string, userId: string, name: string | null, label: string, danger = false) => (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="user" value={userId} />
      <input type="hidden" name="name" value={name ?? ""} />
      <input type="hidden" name="page" value={members.page} />
      <button type="submit" className={`button button--small${danger ? " button--danger" : ""}`} disabled={busy}>
        {label}
        <span className="visually-hidden"> ({name ?? words.common.noName})</span>
      </button>
    </Form>
  );

  return (
    <>
      <ForumHeader
        forum={{ slug: forum.slug, name: forum.name, visibility: forum.visibility, archived: forum.archivedAt !== null }}
        title={format(words.members.title, { forum: forum.name })}
        current={t.forums.header.members}
        isModerator
        isCoordinator={isCoordinator}
        active="members"
      />
      <p className="lead">{isPrivate ? words.members.privateIntro : words.members.intro}</p>

      {noticeText ? (
        <p className="form-success" role="status">
          {noticeText}
        </p>
      ) : null}
      {answer?.failure ? (
        <p className="form-error" role="alert">
          {answer.failure === "gone" ? words.common.gone : words.common.failed}
        </p>
      ) : null}

      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading">{words.members.requestsTitle}</h2>
        {requests.requests.length === 0 ? (
          <p className="empty">{words.members.noRequests}</p>
        ) : (
          <>
            <p>{words.members.requestsIntro}</p>
            {requests.total > requests.requests.length ? <p>{format(words.members.requestsMore, { count: requests.total })}</p> : null}
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{words.members.requestsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{words.members.name}</th>
                    <th scope="col">{words.members.requested}</th>
                    <th scope="col">{words.common.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {requests.requests.map((person) => (
                    <tr key={person.userId}>
                      <th scope="row">{person.name ?? words.common.noName}</th>
                      <td>{formatDate(person.since, locale)}</td>
                      <td className="member-actions">
                        {personAction("approve", person.userId, person.name, words.members.approve)}{" "}
                        {personAction("decline", person.userId, person.name, words.members.decline, true)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{words.members.listTitle}</h2>
        <p>{format(words.members.count, { count: members.total })}</p>
        {members.members.length === 0 ? (
          <p className="empty">{words.members.noMembers}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{format(words.members.caption, { page: members.page, pages: members.pages })}</caption>
              <thead>
                <tr>
                  <th scope="col">{words.members.name}</th>
                  <th scope="col">{words.members.role}</th>
                  <th scope="col">{words.members.since}</th>
                  <th scope="col">{words.common.actions}</th>
                </tr>
              </thead>
              <tbody>
                {members.members.map((person) => (
                  <tr key={person.userId}>
                    <th scope="row">
                      {person.name ?? words.common.noName} {person.userId === me ? <span className="muted">{words.common.you}</span> : null}
                    </th>
                    <td>{words.common.roles[person.role]}</td>
                    <td>{formatDate(person.since, locale)}</td>
                    <td className="member-actions">
                      {person.role === "moderator"
                        ? personAction("removeModerator", person.userId, person.name, words.members.removeModerator)
                        : personAction("makeModerator", person.userId, person.name, words.members.makeModerator)}{" "}
                      {personAction("remove", person.userId, person.name, words.members.remove, true)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={members.page} pages={members.pages} pathname={location.pathname} search={listSearch.toString()} label={words.members.pagination} />
      </section>

      <section aria-labelledby="add-heading">
        <h2 id="add-heading">{isPrivate ? words.members.addInviteTitle : words.members.addTitle}</h2>
        <Form method="post" className="form" noValidate aria-labelledby="add-heading">
          <input type="hidden" name="intent" value="add" />
          <FieldFrame id="field-email" label={words.members.addEmail} hint={hint} error={emailError}>
            <input
              id="field-email"
              name="email"
              type="email"
              autoComplete="off"
              spellCheck={false}
              aria-required
              aria-invalid={emailError ? true : undefined}
              aria-describedby={describedBy("field-email", hint, emailError)}
              defaultValue={answer?.intent === "add" ? answer.values.email : ""}
              autoFocus={Boolean(emailError)}
            />
          </FieldFrame>
          <div>
            <button type="submit" className="button" disabled={busy}>
              {words.members.add}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
