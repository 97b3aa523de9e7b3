import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { firstInvalid, SelectField, TextField, useMemberFormCheck } from "~/components/org-form";
import { hasRole, requirePartner, type CurrentUser } from "~/lib/auth.server";
import { formatDate } from "~/lib/format";
import { forbidden, notFound } from "~/lib/http.server";
import { format } from "~/lib/i18n";
import { invite, resendInvitation } from "~/lib/invitations.server";
import { changeRole, getOrganisation, listMembers, removeMembership } from "~/lib/members.server";
import { messagesFor } from "~/lib/page-meta";
import { resolveLocale } from "~/lib/preferences.server";
import { inviteSchema, keptValues, membershipRole, parseMemberForm, type MemberFieldErrors } from "~/lib/schemas/members";
import { isUuid } from "~/lib/schemas/form";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

/**
 * /organisations/:id/members: the organisation's members and pending invitations. Its admins (and
 * coordinators) invite people, change roles, remove members, resend or withdraw invitations;
 * other members only read. RLS and the memberships guard trigger decide in the end.
 */
export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const t = messagesFor(matches);
  return [{ title: `${format(t.organisations.members.title, { organisation: loaded?.organisationName ?? "" })} – ${t.shell.portalName}` }];
};

const NOTICES = ["invited", "invitedExisting", "resent", "withdrawn", "roleChanged", "removed"] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (value: string | null): value is Notice => (NOTICES as readonly (string | null)[]).includes(value);

function canManage(user: CurrentUser, orgId: string): boolean {
  return hasRole(user, "coordinator") || user.memberships.some((m) => m.orgId === orgId && m.role === "admin");
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePartner(request, context);
  const supabase = getSupabase(request, context);
  const organisation = await getOrganisation(supabase, params.id ?? "");
  if (!organisation) notFound();
  if (!hasRole(user, "coordinator") && !user.memberships.some((m) => m.orgId === organisation.id)) forbidden();
  const members = await listMembers(supabase, organisation.id);
  const url = new URL(request.url);
  const notice = url.searchParams.get("notice");
  return {
    orgId: organisation.id,
    organisationName: organisation.name,
    canManage: canManage(user, organisation.id),
    me: user.id,
    active: members.filter((member) => member.status === "active"),
    invited: members.filter((member) => member.status === "invited"),
    notice: isNotice(notice) ? { key: notice, email: (url.searchParams.get("email") ?? "").slice(0, 254) } : null,
  };
}

const INVITE_FIELDS = ["email", "name", "role"] as const;
type Failure = "lastAdmin" | "refused" | "failed";

function noticeUrl(orgId: string, notice: Notice, email?: string) {
  const query = new URLSearchParams({ notice });
  if (email) query.set("email", email);
  return `/organisations/${orgId}/members?${query.toString()}`;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePartner(request, context);
  const orgId = params.id ?? "";
  if (!canManage(user, orgId)) forbidden();
  const supabase = getSupabase(request, context);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const membershipId = String(form.get("membership") ?? "");
  const failed = (failure: Failure) =>
    data({ intent, errors: {} as MemberFieldErrors, values: {} as Record<string, string>, failure }, failure === "lastAdmin" ? 409 : failure === "refused" ? 403 : 500);
  // A post this page's forms cannot make (unknown intent, no membership id): refused, not a failure.
  const badRequest = () => data({ intent, errors: {} as MemberFieldErrors, values: {} as Record<string, string>, failure: "failed" as Failure }, 400);
  if (intent !== "invite" && !isUuid(membershipId)) return badRequest();

  if (intent === "invite") {
    const values = keptValues(form, INVITE_FIELDS);
    const parsed = parseMemberForm(inviteSchema, form);
    if (!parsed.success) return data({ intent, errors: parsed.errors, values, failure: null }, 400);
    const organisation = await getOrganisation(supabase, orgId);
    if (!organisation) notFound();
    const locale = await resolveLocale(request, user);
    const outcome = await invite(supabase, { name: user.fullName, locale }, {
      email: parsed.data.email,
      name: parsed.data.name,
      organisation: { id: orgId, name: organisation.name, role: parsed.data.role },
    });
    if (!outcome.ok) {
      if (outcome.field) return data({ intent, errors: { [outcome.field]: outcome.error } as MemberFieldErrors, values, failure: null }, 400);
      if (outcome.error === "refused") forbidden();
      return data({ intent, errors: {} as MemberFieldErrors, values, failure: outcome.error as Failure }, 500);
    }
    return redirect(noticeUrl(orgId, outcome.existingAccount ? "invitedExisting" : "invited", parsed.data.email));
  }

  if (intent === "resend") {
    const locale = await resolveLocale(request, user);
    const result = await resendInvitation(supabase, { name: user.fullName, locale }, orgId, membershipId);
    if (!result.ok) return failed(result.reason ?? "failed");
    return redirect(noticeUrl(orgId, "resent", String(form.get("email") ?? "")));
  }

  if (intent === "withdraw" || intent === "remove") {
    const result = await removeMembership(supabase, orgId, membershipId, intent === "withdraw" ? "invited" : undefined);
    if (!result.ok) return failed(result.reason === "last-admin" ? "lastAdmin" : result.reason);
    return redirect(noticeUrl(orgId, intent === "withdraw" ? "withdrawn" : "removed"));
  }

  if (intent === "role") {
    const role = membershipRole.safeParse(form.get("role"));
    if (!role.success) return badRequest();
    const result = await changeRole(supabase, orgId, membershipId, role.data);
    if (!result.ok) return failed(result.reason === "last-admin" ? "lastAdmin" : result.reason);
    return redirect(noticeUrl(orgId, "roleChanged"));
  }

  return badRequest();
}

export default function Members() {
  const { orgId, organisationName, canManage: manage, me, active, invited, notice } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useTranslation();
  const words = t.organisations.members;
  const roles = t.pages.common.membershipRole;
  const inviteAnswer = answer?.intent === "invite" ? answer : undefined;
  const { errors, onSubmit } = useMemberFormCheck(inviteSchema, "invite", INVITE_FIELDS, inviteAnswer?.errors);
  const first = firstInvalid(INVITE_FIELDS, errors);
  const values = inviteAnswer?.values ?? {};
  const busy = navigation.state === "submitting";

  return (
    <>
      <p>
        <Link to={`/organisations/${orgId}`}>{words.back}</Link>
      </p>
      <h1>{format(words.title, { organisation: organisationName })}</h1>
      <p className="lead">{manage ? words.intro : words.readOnly}</p>
      {notice ? (
        <p className="form-success" role="status">
          {format(t.organisations.notices[notice.key], { email: notice.email })}
        </p>
      ) : null}
      {answer?.failure ? (
        <p className="form-error" role="alert" id="members-failure">
          {t.organisations.failures[answer.failure]}
        </p>
      ) : null}

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{words.listTitle}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{words.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{words.name}</th>
                <th scope="col">{words.email}</th>
                <th scope="col">{words.role}</th>
                <th scope="col">{words.joined}</th>
                {manage ? <th scope="col">{words.actions}</th> : null}
              </tr>
            </thead>
            <tbody>
              {active.map((member) => {
                const name = member.name || member.email || words.noName;
                return (
                  <tr key={member.id}>
                    <th scope="row">
                      {name} {member.userId === me ? <span className="muted">{words.you}</span> : null}
                    </th>
                    <td>{member.email}</td>
                    <td>
                      {manage ? (
                        <Form method="post" className="member-role-form">
                          <input type="hidden" name="intent" value="role" />
                          <input type="hidden" name="membership" value={member.id} />
                          <label htmlFor={`role-${member.id}`} className="visually-hidden">
                            {format(words.changeRole, { name })}
                          </label>
                          <select id={`role-${member.id}`} name="role" defaultValue={member.role}>
                            <option value="admin">{roles.admin}</option>
                            <option value="member">{roles.member}</option>
                          </select>{" "}
                          <button type="submit" className="button button--small" disabled={busy} >
                            {words.saveRole}
                            <span className="visually-hidden"> ({name})</span>
                          </button>
                        </Form>
                      ) : (
                        roles[member.role]
                      )}
                    </td>
                    <td>{formatDate(member.joinedAt, locale)}</td>
                    {manage ? (
                      <td>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="membership" value={member.id} />
                          <button type="submit" className="button button--small button--danger" disabled={busy} >
                            {words.removeButton}
                            <span className="visually-hidden"> ({name})</span>
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {manage ? (
        <>
          <section aria-labelledby="pending-heading">
            <h2 id="pending-heading">{words.pendingTitle}</h2>
            {invited.length === 0 ? (
              <p className="empty">{words.pendingEmpty}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">{words.pendingCaption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{words.email}</th>
                      <th scope="col">{words.name}</th>
                      <th scope="col">{words.role}</th>
                      <th scope="col">{words.invited}</th>
                      <th scope="col">{words.actions}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {invited.map((member) => (
                      <tr key={member.id}>
                        <th scope="row">{member.email}</th>
                        <td>{member.name}</td>
                        <td>{roles[member.role]}</td>
                        <td>{formatDate(member.invitedAt, locale)}</td>
                        <td className="member-actions">
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="resend" />
                            <input type="hidden" name="membership" value={member.id} />
                            <input type="hidden" name="email" value={member.email} />
                            <button type="submit" className="button button--small" disabled={busy} >
                              {words.resend}
                              <span className="visually-hidden"> ({member.email})</span>
                            </button>
                          </Form>{" "}
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="withdraw" />
                            <input type="hidden" name="membership" value={member.id} />
                            <button
                              type="submit"
                              className="button button--small button--danger"
                              disabled={busy}
                            >
                              {words.withdraw}
                              <span className="visually-hidden"> ({member.email})</span>
                            </button>
                          </Form>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="invite-heading">
            <h2 id="invite-heading">{words.inviteTitle}</h2>
            <p>{words.inviteIntro}</p>
            <Form method="post" className="form" noValidate onSubmit={onSubmit}>
              <input type="hidden" name="intent" value="invite" />
              <TextField
                idPrefix="invite"
                name="email"
                type="email"
                label={words.inviteEmail}
                autoComplete="off"
                defaultValue={values.email}
                error={errors.email}
                autoFocus={first === "email"}
              />
              <TextField
                idPrefix="invite"
                name="name"
                label={words.inviteName}
                autoComplete="off"
                defaultValue={values.name}
                error={errors.name}
                autoFocus={first === "name"}
              />
              <SelectField
                idPrefix="invite"
                name="role"
                label={words.inviteRole}
                defaultValue={values.role ?? "member"}
                error={errors.role}
                autoFocus={first === "role"}
                options={[
                  { value: "member", label: roles.member },
                  { value: "admin", label: roles.admin },
                ]}
              />
              <div>
                <button type="submit" className="button" disabled={busy}>
                  {words.inviteSubmit}
                </button>
              </div>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}
