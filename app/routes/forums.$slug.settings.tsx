/**
 * /forums/:slug/settings (coordinators): the forum's name, description and visibility (the address
 * stays, so links in e-mails keep working), archiving and reopening, and its moderators: remove
 * one, add one by e-mail address. Every form posts here with an `intent` and works without
 * JavaScript; success comes back as ?notice=… so reloading does not post again.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { describedBy, FieldFrame, FieldMessages } from "~/components/field";
import { ForumHeader } from "~/components/forum-header";
import { requireRole } from "~/lib/auth.server";
import {
  addModeratorByEmail,
  getForumBySlug,
  listModerators,
  setForumArchived,
  setMemberRole,
  updateForum,
  type ChangeResult,
} from "~/lib/forum-admin.server";
import { sendAddedToForum } from "~/lib/forum-notifications.server";
import { formatDate } from "~/lib/format";
import { forbidden, notFound } from "~/lib/http.server";
import { format } from "~/lib/i18n";
import { messagesFor } from "~/lib/page-meta";
import { formStrings, parseValues } from "~/lib/schemas/form";
import {
  emailLines,
  emailSchema,
  FORUM_VISIBILITIES,
  forumSettingsSchema,
  type ForumAdminErrorKey,
  type ForumAdminFieldErrors,
} from "~/lib/schemas/forum-admin";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const t = messagesFor(matches);
  return [{ title: `${format(t.forumAdmin.settings.title, { forum: loaded?.forum.name ?? "" })} – ${t.shell.portalName}` }];
};

const NOTICES = ["created", "saved", "archived", "reopened", "moderatorRemoved", "moderatorAdded"] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (value: string | null): value is Notice => (NOTICES as readonly (string | null)[]).includes(value);
const listParam = (value: string | null) => emailLines((value ?? "").slice(0, 6000)).slice(0, 20);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, "coordinator");
  const supabase = getSupabase(request, context);
  const forum = await getForumBySlug(supabase, params.slug ?? "");
  if (!forum) notFound();
  const moderators = await listModerators(supabase, forum.id);
  const url = new URL(request.url);
  const notice = url.searchParams.get("notice");
  return {
    forum,
    me: user.id,
    moderators,
    notice: isNotice(notice) ? notice : null,
    noticeValue: (url.searchParams.get("value") ?? "").slice(0, 254),
    created: notice === "created"
      ? { added: listParam(url.searchParams.get("added")), unknown: listParam(url.searchParams.get("unknown")), failed: listParam(url.searchParams.get("failed")) }
      : null,
  };
}

type DetailField = "name" | "description" | "visibility";
const DETAIL_FIELDS: DetailField[] = ["name", "description", "visibility"];

type Answer =
  | { intent: "save"; errors: ForumAdminFieldErrors<DetailField>; values: Record<DetailField, string>; failure: null }
  | { intent: "addModerator"; errors: ForumAdminFieldErrors<"email">; values: { email: string }; failure: null }
  | { intent: string; errors: Record<string, never>; values: Record<string, never>; failure: "failed" };

function noticeUrl(slug: string, notice: Notice, value?: string) {
  const query = new URLSearchParams({ notice });
  if (value) query.set("value", value.slice(0, 254));
  return `/forums/${slug}/settings?${query.toString()}`;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const supabase = getSupabase(request, context);
  const forum = await getForumBySlug(supabase, params.slug ?? "");
  if (!forum) notFound();
  const values = formStrings(await request.formData());
  const intent = values.intent ?? "";
  const outcome = (result: ChangeResult, notice: Notice, value?: string) => {
    if (result === "refused") forbidden();
    if (result === "failed") return data<Answer>({ intent, errors: {}, values: {}, failure: "failed" }, 400);
    return redirect(noticeUrl(forum.slug, notice, value));
  };

  if (intent === "save") {
    const kept = Object.fromEntries(DETAIL_FIELDS.map((field) => [field, (values[field] ?? "").slice(0, 5000)])) as Record<DetailField, string>;
    const parsed = parseValues<typeof forumSettingsSchema, ForumAdminErrorKey>(forumSettingsSchema, values);
    if (!parsed.success) return data<Answer>({ intent, errors: parsed.errors as ForumAdminFieldErrors<DetailField>, values: kept, failure: null }, 400);
    return outcome(await updateForum(supabase, forum.id, parsed.data), "saved");
  }

  if (intent === "archive" || intent === "reopen") {
    return outcome(await setForumArchived(supabase, forum.id, intent === "archive"), intent === "archive" ? "archived" : "reopened");
  }

  if (intent === "removeModerator") {
    const userId = values.user ?? "";
    if (!/^[0-9a-f-]{36}$/i.test(userId)) return data<Answer>({ intent, errors: {}, values: {}, failure: "failed" }, 400);
    return outcome(await setMemberRole(supabase, forum.id, userId, "member"), "moderatorRemoved", values.name);
  }

  if (intent === "addModerator") {
    const email = (values.email ?? "").slice(0, 300);
    const parsed = parseValues<typeof emailSchema, ForumAdminErrorKey>(emailSchema, values);
    if (!parsed.success) return data<Answer>({ intent, errors: parsed.errors as ForumAdminFieldErrors<"email">, values: { email }, failure: null }, 400);
    const added = await addModeratorByEmail(supabase, forum.id, parsed.data.email);
    if (added.outcome === "unknown") return data<Answer>({ intent, errors: { email: "emailUnknown" }, values: { email }, failure: null }, 400);
    if (added.outcome === "refused") forbidden();
    if (added.outcome === "failed") return data<Answer>({ intent, errors: {}, values: {}, failure: "failed" }, 400);
    if (added.userId && added.newMember) await sendAddedToForum({ forumId: forum.id, userId: added.userId });
    return redirect(noticeUrl(forum.slug, "moderatorAdded", parsed.data.email));
  }

  return data<Answer>({ intent, errors: {}, values: {}, failure: "failed" }, 400);
}

export default function ForumSettings() {
  const { forum, me, moderators, notice, noticeValue, created } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useTranslation();
  const words = t.forumAdmin;
  const busy = navigation.state === "submitting";

  const saveAnswer = answer?.intent === "save" && answer.failure === null ? (answer as Extract<Answer, { intent: "save" }>) : undefined;
  const addAnswer = answer?.intent === "addModerator" && answer.failure === null ? (answer as Extract<Answer, { intent: "addModerator" }>) : undefined;
  const errors: ForumAdminFieldErrors<DetailField> = saveAnswer?.errors ?? {};
  const values: Record<DetailField, string> = saveAnswer?.values ?? { name: forum.name, description: forum.description, visibility: forum.visibility };
  const message = (field: DetailField) => (errors[field] ? words.errors[errors[field]] : undefined);
  const first = DETAIL_FIELDS.find((field) => errors[field]);
  const emailError = addAnswer?.errors.email ? words.errors[addAnswer.errors.email] : undefined;
  const input = (id: DetailField, hint?: string) => ({
    id: `field-${id}`,
    name: id,
    "aria-invalid": errors[id] ? true : undefined,
    "aria-describedby": describedBy(`field-${id}`, hint, message(id)),
    autoFocus: first === id,
  });
  const noticeText = notice
    ? notice === "created"
      ? words.create.created
      : notice === "moderatorRemoved"
        ? format(words.settings.moderatorRemoved, { name: noticeValue || words.common.noName })
        : notice === "moderatorAdded"
          ? format(words.settings.moderatorAdded, { email: noticeValue })
          : words.settings[notice]
    : null;

  return (
    <>
      <ForumHeader
        forum={{ slug: forum.slug, name: forum.name, visibility: forum.visibility, archived: forum.archivedAt !== null }}
        title={format(words.settings.title, { forum: forum.name })}
        current={t.forums.header.settings}
        isModerator
        isCoordinator
        active="settings"
      />
      <p className="lead">{words.settings.intro}</p>

      {noticeText ? (
        <div className="form-success" role="status">
          <p>{noticeText}</p>
          {created ? (
            <>
              {created.added.length ? <p>{format(words.create.moderatorsAdded, { emails: created.added.join(", ") })}</p> : null}
              {created.unknown.length ? <p>{format(words.create.moderatorsUnknown, { emails: created.unknown.join(", ") })}</p> : null}
              {created.failed.length ? <p>{format(words.create.moderatorsFailed, { emails: created.failed.join(", ") })}</p> : null}
              <p>
                <Link to={`/forums/${forum.slug}`}>{words.create.toForum}</Link>
              </p>
            </>
          ) : null}
        </div>
      ) : null}
      {answer?.failure ? (
        <p className="form-error" role="alert">
          {words.common.failed}
        </p>
      ) : null}

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{words.settings.detailsTitle}</h2>
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="save" />
          <FieldFrame id="field-name" label={words.form.name} hint={words.form.nameHint} error={message("name")}>
            <input {...input("name", words.form.nameHint)} type="text" autoComplete="off" aria-required defaultValue={values.name} />
          </FieldFrame>
          <div className="field">
            <p className="field-label">{words.form.slug}</p>
            <p>
              <code>/forums/{forum.slug}</code>
            </p>
            <p className="field-hint">{words.form.slugFixed}</p>
          </div>
          <FieldFrame
            id="field-description"
            label={words.form.description}
            labelSuffix={words.common.optional}
            hint={words.form.descriptionHint}
            error={message("description")}
          >
            <textarea {...input("description", words.form.descriptionHint)} rows={5} defaultValue={values.description} />
          </FieldFrame>
          <fieldset className="field radio-group" id="field-visibility" aria-describedby={describedBy("field-visibility", undefined, message("visibility"))}>
            <legend>{words.form.visibility}</legend>
            <FieldMessages id="field-visibility" error={message("visibility")} />
            {FORUM_VISIBILITIES.map((visibility, index) => (
              <div key={visibility} className="radio-option forum-visibility-option">
                <input
                  type="radio"
                  id={`field-visibility-${visibility}`}
                  name="visibility"
                  value={visibility}
                  defaultChecked={values.visibility === visibility}
                  aria-describedby={`field-visibility-${visibility}-help`}
                  autoFocus={first === "visibility" && index === 0}
                />
                <div>
                  <label htmlFor={`field-visibility-${visibility}`}>
                    <strong>{words.common.visibility[visibility]}</strong>
                  </label>
                  <span id={`field-visibility-${visibility}-help`} className="cell-detail">
                    {words.form.visibilityHelp[visibility]}
                  </span>
                </div>
              </div>
            ))}
          </fieldset>
          <div>
            <button type="submit" className="button" disabled={busy}>
              {words.settings.save}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="moderators-heading">
        <h2 id="moderators-heading">{words.settings.moderatorsTitle}</h2>
        <p>{words.settings.moderatorsIntro}</p>
        {moderators.length === 0 ? (
          <p className="empty">{words.settings.noModerators}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{words.settings.moderatorsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{words.members.name}</th>
                  <th scope="col">{words.common.actions}</th>
                </tr>
              </thead>
              <tbody>
                {moderators.map((moderator) => {
                  const name = moderator.name ?? words.common.noName;
                  return (
                    <tr key={moderator.userId}>
                      <th scope="row">
                        {name} {moderator.userId === me ? <span className="muted">{words.common.you}</span> : null}
                      </th>
                      <td>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="removeModerator" />
                          <input type="hidden" name="user" value={moderator.userId} />
                          <input type="hidden" name="name" value={moderator.name ?? ""} />
                          <button type="submit" className="button button--small button--danger" disabled={busy}>
                            {words.settings.removeModerator}
                            <span className="visually-hidden"> ({name})</span>
                          </button>
                        </Form>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <h3 id="add-moderator-heading">{words.settings.addModeratorTitle}</h3>
        <Form method="post" className="form" noValidate aria-labelledby="add-moderator-heading">
          <input type="hidden" name="intent" value="addModerator" />
          <FieldFrame id="field-email" label={words.settings.addModeratorEmail} hint={words.settings.addModeratorHint} error={emailError}>
            <input
              id="field-email"
              name="email"
              type="email"
              autoComplete="off"
              spellCheck={false}
              aria-required
              aria-invalid={emailError ? true : undefined}
              aria-describedby={describedBy("field-email", words.settings.addModeratorHint, emailError)}
              defaultValue={addAnswer?.values.email ?? created?.unknown[0] ?? ""}
              autoFocus={Boolean(emailError)}
            />
          </FieldFrame>
          <div>
            <button type="submit" className="button" disabled={busy}>
              {words.settings.addModerator}
            </button>
          </div>
        </Form>
        <p>
          <Link to={`/forums/${forum.slug}/members`}>{words.settings.membersLink}</Link>
        </p>
      </section>

      <section aria-labelledby="archive-heading">
        <h2 id="archive-heading">{words.settings.archiveTitle}</h2>
        {forum.archivedAt ? (
          <>
            <p>{format(words.settings.archivedIntro, { date: formatDate(forum.archivedAt, locale) })}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="reopen" />
              <button type="submit" className="button" disabled={busy}>
                {words.settings.reopen}
              </button>
            </Form>
          </>
        ) : (
          <>
            <p>{words.settings.archiveIntro}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="archive" />
              <button type="submit" className="button button--danger" disabled={busy}>
                {words.settings.archive}
              </button>
            </Form>
          </>
        )}
      </section>
    </>
  );
}
