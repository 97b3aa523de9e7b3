/**
 * /admin/organisations (coordinators): the queue of pending applications, each with approve (the
 * organisation becomes active and its contact person is invited as its first admin) and reject
 * with a reason (e-mailed; the organisation is removed, see the migration), and the list of all
 * organisations with search and filters (a GET form: works without JavaScript, and the URL can be
 * shared or bookmarked).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { SelectField, TextField } from "~/components/admin-fields";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/lib/auth.server";
import { formatDate } from "~/lib/format";
import { format } from "~/lib/i18n";
import {
  approveApplication,
  listOrganisations,
  listPendingApplications,
  rejectApplication,
  type OrganisationFilters,
} from "~/lib/organisations.server";
import { pageTitle } from "~/lib/page-meta";
import { pageNumber } from "~/lib/pagination";
import {
  ORGANISATION_KINDS,
  ORGANISATION_STATUSES,
  parseOrganisationForm,
  rejectSchema,
  type FieldErrors,
  type OrganisationKind,
  type OrganisationStatus,
} from "~/lib/schemas/organisation";
import { isUuid } from "~/lib/schemas/form";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.admin.organisations.title);

function filtersOf(url: URL): OrganisationFilters {
  const kind = url.searchParams.get("kind") ?? "";
  const status = url.searchParams.get("status") ?? "";
  return {
    q: (url.searchParams.get("q") ?? "").slice(0, 100),
    kind: (ORGANISATION_KINDS as readonly string[]).includes(kind) ? (kind as OrganisationKind) : "",
    status: (ORGANISATION_STATUSES as readonly string[]).includes(status) ? (status as OrganisationStatus) : "",
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const supabase = getSupabase(request, context);
  const url = new URL(request.url);
  const filters = filtersOf(url);
  const page = pageNumber(url.searchParams.get("page"));
  const [pending, { organisations, total, pages }] = await Promise.all([listPendingApplications(supabase), listOrganisations(supabase, filters, page)]);
  if (page > 1 && page > pages) {
    // Past the last page (a stale link, or fewer matches now): the first page of the same filters.
    const params = new URLSearchParams(url.search);
    params.delete("page");
    const search = params.toString();
    throw redirect(search ? `/admin/organisations?${search}` : "/admin/organisations");
  }
  return { pending, organisations, total, page, pages, filters };
}

type Answer =
  | { intent: "approve" | "reject"; orgId: string; outcome: string; name: string; email: string; errors?: undefined; reason?: undefined }
  | { intent: "reject"; orgId: string; outcome: null; errors: FieldErrors<"reason">; reason: string; name?: undefined; email?: undefined };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, "coordinator");
  const supabase = getSupabase(request, context);
  const form = await request.formData();
  const intent = form.get("intent");
  const orgId = String(form.get("orgId") ?? "");
  // The buttons post the application's organisation id; anything else names no application.
  if (!isUuid(orgId) || (intent !== "approve" && intent !== "reject")) throw data({ reason: "bad-request" }, { status: 400 });
  // The invitation and rejection go out in Swedish, the portal's language (the applicant has no profile).
  const mailLocale = "sv" as const;
  if (intent === "approve") {
    const result = await approveApplication(supabase, user, orgId, mailLocale);
    return data<Answer>({ intent, orgId, outcome: result.outcome, name: result.ok ? result.name : "", email: result.ok ? result.email : "" });
  }
  if (intent === "reject") {
    const parsed = parseOrganisationForm(rejectSchema, form);
    if (!parsed.success) {
      return data<Answer>({ intent, orgId, outcome: null, errors: parsed.errors as FieldErrors<"reason">, reason: String(form.get("reason") ?? "") }, 400);
    }
    const result = await rejectApplication(supabase, orgId, parsed.data.reason, mailLocale);
    return data<Answer>({ intent, orgId, outcome: result.outcome, name: result.ok ? result.name : "", email: result.ok ? result.email : "" });
  }
  throw data({ reason: "bad-request" }, { status: 400 });
}

export default function AdminOrganisations() {
  const { pending, organisations, total, page, pages, filters } = useLoaderData<typeof loader>();
  const location = useLocation();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const navigation = useNavigation();
  const { t, locale } = useTranslation();
  const words = t.admin.organisations;
  const busy = navigation.state === "submitting";

  useEffect(() => {
    if (answer) document.getElementById(answer.outcome ? "decision-result" : `field-reason-${answer.orgId}`)?.focus();
  }, [answer]);

  return (
    <>
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>

      {answer?.outcome ? (
        <div id="decision-result" className={answer.outcome === "notPending" ? "form-error" : "form-success"} role="status" tabIndex={-1}>
          <p>{format(words[answer.outcome as "approved" | "approvedAlreadyRegistered" | "approvedInviteFailed" | "rejected" | "notPending"], { name: answer.name ?? "", email: answer.email ?? "" })}</p>
        </div>
      ) : null}

      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">
          {words.queueTitle} ({pending.length})
        </h2>
        {pending.length === 0 ? <p className="empty">{words.queueEmpty}</p> : null}
        {pending.map((application) => {
          const rejectErrors = answer?.intent === "reject" && answer.orgId === application.id && answer.errors ? answer.errors : undefined;
          return (
            <article key={application.id} className="application" aria-labelledby={`application-${application.id}`}>
              <h3 id={`application-${application.id}`}>{application.name}</h3>
              <p className="muted">{format(words.applied, { date: formatDate(application.appliedAt, locale) })}</p>
              <dl className="details">
                <dt>{words.orgNumber}</dt>
                <dd>{application.orgNumber}</dd>
                <dt>{words.kind}</dt>
                <dd>{t.pages.common.organisationKind[application.kind]}</dd>
                {application.districts.length ? (
                  <>
                    <dt>{words.districts}</dt>
                    <dd>{application.districts.join(", ")}</dd>
                  </>
                ) : null}
                <dt>{words.applicant}</dt>
                <dd>
                  {application.applicantName} {application.applicantEmail ? <>&lt;{application.applicantEmail}&gt;</> : null}
                </dd>
                {application.website ? (
                  <>
                    <dt>{words.website}</dt>
                    <dd>{application.website}</dd>
                  </>
                ) : null}
                {application.description ? (
                  <>
                    <dt>{words.description}</dt>
                    <dd>{application.description}</dd>
                  </>
                ) : null}
                {application.message ? (
                  <>
                    <dt>{words.message}</dt>
                    <dd>{application.message}</dd>
                  </>
                ) : null}
              </dl>
              <div className="application__decisions">
                <Form method="post">
                  <input type="hidden" name="orgId" value={application.id} />
                  <button type="submit" name="intent" value="approve" className="button" disabled={busy}>
                    {words.approve}
                    <span className="visually-hidden">: {application.name}</span>
                  </button>
                </Form>
                <Form method="post" noValidate>
                  <input type="hidden" name="orgId" value={application.id} />
                  <TextField
                    name={`reason`}
                    label={`${words.rejectReason}`}
                    hint={words.rejectReasonHint}
                    multiline
                    defaultValue={rejectErrors ? answer?.reason : undefined}
                    error={rejectErrors?.reason}
                    autoFocus={Boolean(rejectErrors?.reason)}
                    idSuffix={application.id}
                  />
                  <div>
                    <button type="submit" name="intent" value="reject" className="button button--danger" disabled={busy}>
                      {words.reject}
                      <span className="visually-hidden">: {application.name}</span>
                    </button>
                  </div>
                </Form>
              </div>
            </article>
          );
        })}
      </section>

      <section aria-labelledby="all-heading">
        <h2 id="all-heading">{words.allTitle}</h2>
        <Form method="get" className="filters" role="search" aria-label={words.allTitle}>
          <TextField name="q" label={words.search} defaultValue={filters.q} notRequired />
          <SelectField
            name="kind"
            label={words.filterKind}
            placeholder={words.any}
            defaultValue={filters.kind}
            options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t.pages.common.organisationKind[kind] }))}
            notRequired
          />
          <SelectField
            name="status"
            label={words.filterStatus}
            placeholder={words.any}
            defaultValue={filters.status}
            options={ORGANISATION_STATUSES.map((status) => ({ value: status, label: words.statusLabel[status] }))}
            notRequired
          />
          <div className="filters__actions">
            <button type="submit" className="button">
              {words.filter}
            </button>
          </div>
        </Form>
        {organisations.length === 0 ? (
          <p className="empty">{words.none}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>{format(words.caption, { count: total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{words.name}</th>
                  <th scope="col">{words.orgNumber}</th>
                  <th scope="col">{words.kind}</th>
                  <th scope="col">{words.status}</th>
                  <th scope="col">{words.updated}</th>
                </tr>
              </thead>
              <tbody>
                {organisations.map((organisation) => (
                  <tr key={organisation.id}>
                    <th scope="row">
                      <Link to={`/admin/organisations/${organisation.id}`}>{organisation.name}</Link>
                      {organisation.reportsToBoard ? <span className="cell-detail">{words.boardShort}</span> : null}
                    </th>
                    <td>{organisation.orgNumber}</td>
                    <td>{t.pages.common.organisationKind[organisation.kind]}</td>
                    <td>{words.statusLabel[organisation.status]}</td>
                    <td>{formatDate(organisation.updatedAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pages={pages} pathname={location.pathname} search={location.search} />
      </section>
    </>
  );
}
