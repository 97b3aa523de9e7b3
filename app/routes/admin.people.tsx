import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { firstInvalid, SelectField, TextField, useMemberFormCheck } from "~/components/org-form";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/lib/auth.server";
import { formatDate } from "~/lib/format";
import { forbidden, isUnreachable, serviceUnavailable } from "~/lib/http.server";
import { format } from "~/lib/i18n";
import { invite } from "~/lib/invitations.server";
import { peopleMatching, visibleEmails } from "~/lib/people.server";
import { pageTitle } from "~/lib/page-meta";
import { pageCount, pageNumber, rangeOf } from "~/lib/pagination";
import { resolveLocale } from "~/lib/preferences.server";
import { rowsOf } from "~/lib/query.server";
import { coordinatorInviteSchema, keptValues, parseMemberForm, type MemberFieldErrors } from "~/lib/schemas/members";
import { isUuid } from "~/lib/schemas/form";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

/**
 * /admin/people: coordinators invite anyone (to an organisation and/or with a platform role) and
 * grant or revoke the platform roles coordinator and board. Every write is the coordinator's own
 * (RLS: only coordinators write platform_roles), so the audit log records who did it.
 */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.organisations.people.title);

/** People on one page of the list. */
const PEOPLE_PER_PAGE = 50;
/** Pending invitations shown, newest first (index memberships_invited_at_idx). */
const PENDING_SHOWN = 100;
const PLATFORM_ROLES = ["coordinator", "board"] as const;
type PlatformRole = (typeof PLATFORM_ROLES)[number];
const isPlatformRole = (value: unknown): value is PlatformRole => (PLATFORM_ROLES as readonly unknown[]).includes(value);

const NOTICES = ["invited", "invitedExisting", "granted", "revoked"] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (value: string | null): value is Notice => (NOTICES as readonly (string | null)[]).includes(value);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, "coordinator");
  const supabase = getSupabase(request, context);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100).trim();
  const page = pageNumber(url.searchParams.get("page"));
  const [from, to] = rangeOf(page, PEOPLE_PER_PAGE);
  // One page by name (index profiles_full_name_idx), with the number of people for the page links.
  let people = supabase
    .from("profiles")
    .select("id, full_name, platform_roles!platform_roles_user_id_fkey(role), memberships!memberships_user_id_fkey(status, organisations!inner(name))", {
      count: "exact",
    })
    .order("full_name")
    .order("id")
    .range(from, to);
  if (q) {
    people = people.in("id", await peopleMatching(supabase, q));
  }
  const [peopleResult, organisations, pending] = await Promise.all([
    people,
    supabase.from("organisations").select("id, name").eq("status", "active").order("name"),
    supabase
      .from("memberships")
      .select("id, org_id, role, invited_at, email:member_email, organisations!inner(name)")
      .eq("status", "invited")
      .order("invited_at", { ascending: false })
      .limit(PENDING_SHOWN + 1),
  ]);
  // Past the last page (PostgREST 416): back to the first page of the same search.
  if (page > 1 && peopleResult.error?.code === "PGRST103") throw redirect(q ? `/admin/people?q=${encodeURIComponent(q)}` : "/admin/people");
  const found = rowsOf(peopleResult, "people");
  const emails = await visibleEmails(supabase, found.map((person) => person.id));
  const notice = url.searchParams.get("notice");
  return {
    me: user.id,
    q,
    people: found.map((person) => ({
      id: person.id,
      name: person.full_name,
      email: emails.get(person.id) ?? "",
      roles: person.platform_roles.map((row) => row.role),
      organisations: person.memberships.filter((m) => m.status === "active").map((m) => m.organisations.name),
    })),
    page,
    pages: pageCount(peopleResult.count ?? found.length, PEOPLE_PER_PAGE),
    pendingLimited: (pending.data?.length ?? 0) > PENDING_SHOWN,
    organisations: rowsOf(organisations, "organisations"),
    pending: rowsOf(pending, "pending invitations").slice(0, PENDING_SHOWN).map((row) => ({
      id: row.id,
      orgId: row.org_id,
      organisation: row.organisations.name,
      email: row.email ?? "",
      role: row.role,
      invitedAt: row.invited_at,
    })),
    notice: isNotice(notice) ? { key: notice, email: (url.searchParams.get("email") ?? "").slice(0, 254) } : null,
  };
}

const INVITE_FIELDS = ["email", "name", "organisation", "role", "platformRole"] as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, "coordinator");
  const supabase = getSupabase(request, context);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");

  if (intent === "invite") {
    const values = keptValues(form, INVITE_FIELDS);
    const parsed = parseMemberForm(coordinatorInviteSchema, form);
    if (!parsed.success) return data({ intent, errors: parsed.errors, values, failure: null }, 400);
    let organisation: { id: string; name: string; role: "admin" | "member" } | null = null;
    if (parsed.data.organisation) {
      const { data: org, error } = await supabase.from("organisations").select("id, name").eq("id", parsed.data.organisation).maybeSingle();
      if (isUnreachable(error)) serviceUnavailable();
      if (!org) return data({ intent, errors: { organisation: "organisationInvalid" } as MemberFieldErrors, values, failure: null }, 400);
      organisation = { id: org.id, name: org.name, role: parsed.data.role };
    }
    const outcome = await invite(
      supabase,
      { name: user.fullName, locale: await resolveLocale(request, user) },
      { email: parsed.data.email, name: parsed.data.name, organisation, platformRole: parsed.data.platformRole || null },
    );
    if (!outcome.ok) {
      if (outcome.field) return data({ intent, errors: { [outcome.field]: outcome.error } as MemberFieldErrors, values, failure: null }, 400);
      if (outcome.error === "refused") forbidden();
      return data({ intent, errors: {} as MemberFieldErrors, values, failure: "failed" as const }, 500);
    }
    const query = new URLSearchParams({ notice: outcome.existingAccount ? "invitedExisting" : "invited", email: parsed.data.email });
    return redirect(`/admin/people?${query.toString()}`);
  }

  if (intent === "grant" || intent === "revoke") {
    const userId = String(form.get("user") ?? "");
    const role = form.get("role");
    const back = String(form.get("q") ?? "");
    // The buttons post a person's id; anything else would reach the database as a malformed uuid.
    if (!isPlatformRole(role) || !isUuid(userId)) return data({ intent, errors: {}, values: {}, failure: "failed" as const }, 400);
    if (intent === "revoke" && role === "coordinator" && userId === user.id) {
      return data({ intent, errors: {}, values: {}, failure: "selfCoordinator" as const }, 400);
    }
    const result =
      intent === "grant"
        ? await supabase.from("platform_roles").insert({ user_id: userId, role })
        : await supabase.from("platform_roles").delete().eq("user_id", userId).eq("role", role);
    if (isUnreachable(result.error)) serviceUnavailable();
    // Granting a role someone already has (e.g. a second tab) is not an error.
    if (result.error && result.error.code !== "23505") {
      if (result.error.code === "42501") forbidden();
      console.error(`Could not ${intent} a platform role: ${result.error.code} ${result.error.message}`);
      return data({ intent, errors: {}, values: {}, failure: "failed" as const }, 500);
    }
    const query = new URLSearchParams({ notice: intent === "grant" ? "granted" : "revoked" });
    if (back) query.set("q", back);
    return redirect(`/admin/people?${query.toString()}`);
  }

  return data({ intent, errors: {}, values: {}, failure: "failed" as const }, 400);
}

export default function People() {
  const { me, q, people, page, pages, pendingLimited, organisations, pending, notice } = useLoaderData<typeof loader>();
  const location = useLocation();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useTranslation();
  const words = t.organisations.people;
  const roleNames = t.pages.common.platformRole;
  const membershipRoles = t.pages.common.membershipRole;
  const inviteAnswer = answer?.intent === "invite" ? answer : undefined;
  const { errors, onSubmit } = useMemberFormCheck(coordinatorInviteSchema, "invite", INVITE_FIELDS, inviteAnswer?.errors as MemberFieldErrors | undefined);
  const first = firstInvalid(INVITE_FIELDS, errors);
  const values: Record<string, string> = inviteAnswer?.values ?? {};
  const busy = navigation.state === "submitting";

  return (
    <>
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>
      {notice ? (
        <p className="form-success" role="status">
          {format(t.organisations.notices[notice.key], { email: notice.email })}
        </p>
      ) : null}
      {answer?.failure ? (
        <p className="form-error" role="alert">
          {t.organisations.failures[answer.failure]}
        </p>
      ) : null}

      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{words.inviteTitle}</h2>
        <Form method="post" className="form" noValidate onSubmit={onSubmit}>
          <input type="hidden" name="intent" value="invite" />
          <TextField idPrefix="invite" name="email" type="email" label={t.organisations.members.inviteEmail} autoComplete="off" defaultValue={values.email} error={errors.email} autoFocus={first === "email"} />
          <TextField idPrefix="invite" name="name" label={t.organisations.members.inviteName} autoComplete="off" defaultValue={values.name} error={errors.name} autoFocus={first === "name"} />
          <SelectField
            idPrefix="invite"
            name="organisation"
            label={words.organisation}
            hint={words.organisationHint}
            defaultValue={values.organisation ?? ""}
            error={errors.organisation}
            autoFocus={first === "organisation"}
            options={[{ value: "", label: words.noOrganisation }, ...organisations.map((org) => ({ value: org.id, label: org.name }))]}
          />
          <SelectField
            idPrefix="invite"
            name="role"
            label={words.role}
            defaultValue={values.role ?? "member"}
            error={errors.role}
            autoFocus={first === "role"}
            options={[
              { value: "member", label: membershipRoles.member },
              { value: "admin", label: membershipRoles.admin },
            ]}
          />
          <SelectField
            idPrefix="invite"
            name="platformRole"
            label={words.platformRole}
            defaultValue={values.platformRole ?? ""}
            error={errors.platformRole}
            autoFocus={first === "platformRole"}
            options={[{ value: "", label: words.noPlatformRole }, ...PLATFORM_ROLES.map((role) => ({ value: role, label: roleNames[role] }))]}
          />
          <div>
            <button type="submit" className="button" disabled={busy}>
              {t.organisations.members.inviteSubmit}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">{words.pendingTitle}</h2>
        {pending.length === 0 ? (
          <p className="empty">{words.pendingEmpty}</p>
        ) : (
          <ul className="plain-list">
            {pending.map((invitation) => (
              <li key={invitation.id}>
                <span className="cell-title">{invitation.email}</span>
                <span className="cell-detail">
                  <Link to={`/organisations/${invitation.orgId}/members`}>{invitation.organisation}</Link> ·{" "}
                  {membershipRoles[invitation.role]} · {formatDate(invitation.invitedAt, locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {pendingLimited ? <p className="muted">{format(words.pendingShown, { count: pending.length })}</p> : null}
      </section>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{words.listTitle}</h2>
        <Form method="get" role="search" className="org-search">
          <div className="field">
            <label htmlFor="people-q">{words.searchLabel}</label>
            <p id="people-q-hint" className="field-hint">
              {words.searchHint}
            </p>
            <input id="people-q" name="q" type="search" defaultValue={q} aria-describedby="people-q-hint" />
          </div>
          <div>
            <button type="submit" className="button">
              {words.searchButton}
            </button>
          </div>
        </Form>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{words.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{words.name}</th>
                <th scope="col">{words.organisations}</th>
                <th scope="col">{words.roles}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => {
                const name = person.name || person.email;
                return (
                  <tr key={person.id}>
                    <th scope="row">
                      <span className="cell-title">{name}</span>
                      <span className="cell-detail">{person.email}</span>
                    </th>
                    <td>{person.organisations.join(", ") || t.pages.common.none}</td>
                    <td>
                      <ul className="role-list">
                        {PLATFORM_ROLES.map((role) => {
                          const has = person.roles.includes(role);
                          const own = role === "coordinator" && person.id === me;
                          return (
                            <li key={role}>
                              {has ? <span className="role-held">{roleNames[role]}</span> : null}{" "}
                              {own ? null : (
                                <Form method="post" className="inline-form">
                                  <input type="hidden" name="intent" value={has ? "revoke" : "grant"} />
                                  <input type="hidden" name="user" value={person.id} />
                                  <input type="hidden" name="role" value={role} />
                                  <input type="hidden" name="q" value={q} />
                                  <button type="submit" className="link-button" disabled={busy}>
                                    {format(has ? words.revokeButton : words.grantButton, { role: roleNames[role].toLowerCase() })}
                                    <span className="visually-hidden"> ({name})</span>
                                  </button>
                                </Form>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {/* Only the search travels with the page links: a notice (?notice=…) belongs to one view. */}
        <Pagination page={page} pages={pages} pathname={location.pathname} search={q ? new URLSearchParams({ q }).toString() : ""} />
      </section>
    </>
  );
}
