/**
 * /initiatives/:id: one initiative as the reader may see it (RLS: anonymous visitors see public
 * non-drafts; signed-in people every non-draft and their own organisations' drafts). A non-uuid or
 * invisible id is a 404. Editors (members of the owning organisation, coordinators) see "Redigera",
 * publish a draft, and add or remove progress updates; every action is a plain POST form with a
 * hidden `intent` (`publish`, `add-update`, `delete-update`).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { InitiativeTimeline, PlainText, ProgressUpdateForm } from "~/components/initiative-timeline";
import { getCurrentUser, requireUser } from "~/lib/auth.server";
import { formatDate, formatDateRange } from "~/lib/format";
import { forbidden, notFound } from "~/lib/http.server";
import { format, type Locale } from "~/lib/i18n";
import { canEditFor, publishStoredInitiative } from "~/lib/initiative-editor.server";
import { addProgressUpdate, deleteProgressUpdate, getInitiativePage } from "~/lib/initiative-page.server";
import { isFocusArea, isTargetGroup } from "~/lib/initiative-vocabulary";
import { pageTitle } from "~/lib/page-meta";
import { formStrings, parseValues } from "~/lib/schemas/form";
import {
  INITIATIVE_FIELDS,
  isUuid,
  progressUpdateSchema,
  todayInSweden,
  UPDATE_FIELDS,
  type InitiativeErrorKey,
  type UpdateErrorKey,
  type UpdateField,
  type UpdateFieldErrors,
} from "~/lib/schemas/initiative";
import { getSupabase } from "~/lib/supabase.server";
import { newSubmissionKey, submissionKeyOf } from "~/lib/submission-key";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) =>
  pageTitle(matches, (t) => loaded?.initiative.title ?? t.initiativeForms.common.catalogue);

const NOTICES = ["saved", "published", "update-added", "update-deleted"] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (value: string | null): value is Notice => (NOTICES as readonly (string | null)[]).includes(value);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  if (!isUuid(id)) notFound();
  const user = await getCurrentUser(request, context);
  const initiative = await getInitiativePage(getSupabase(request, context), id, user !== null);
  if (!initiative) notFound();
  const done = new URL(request.url).searchParams.get("done");
  return {
    submissionKey: newSubmissionKey(),
    initiative,
    signedIn: user !== null,
    canEdit: user !== null && canEditFor(user, initiative.orgId),
    notice: isNotice(done) ? done : null,
    today: todayInSweden(),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = params.id ?? "";
  if (!isUuid(id)) notFound();
  const user = await requireUser(request, context);
  const supabase = getSupabase(request, context);
  const initiative = await getInitiativePage(supabase, id, true);
  if (!initiative) notFound();
  if (!canEditFor(user, initiative.orgId)) forbidden();
  const values = formStrings(await request.formData());
  const base = `/initiatives/${id}`;

  switch (values.intent) {
    case "publish": {
      const result = await publishStoredInitiative(supabase, id);
      if (result.ok) return redirect(`${base}?done=published`);
      if (result.reason === "invalid") {
        const missing = INITIATIVE_FIELDS.flatMap((field) => (result.errors[field] ? [result.errors[field]] : []));
        return data({ kind: "publish" as const, missing, updateErrors: {}, updateValues: {}, deleteProblem: null, failure: null }, 400);
      }
      if (result.reason === "notFound") notFound();
      forbidden();
    }
    // eslint-disable-next-line no-fallthrough -- forbidden() throws
    case "add-update": {
      const kept = Object.fromEntries(UPDATE_FIELDS.map((field) => [field, (values[field] ?? "").slice(0, 2500)])) as Record<UpdateField, string>;
      const parsed = parseValues<ReturnType<typeof progressUpdateSchema>, UpdateErrorKey>(progressUpdateSchema(), values);
      if (!parsed.success) {
        return data(
          { kind: "update" as const, missing: [] as InitiativeErrorKey[], updateErrors: parsed.errors as UpdateFieldErrors, updateValues: kept, deleteProblem: null, failure: null },
          400,
        );
      }
      const result = await addProgressUpdate(supabase, id, user.id, parsed.data, submissionKeyOf(values));
      if (result.ok) return redirect(`${base}?done=update-added#timeline-heading`);
      if (result.reason === "refused") forbidden();
      return data({ kind: "update" as const, missing: [] as InitiativeErrorKey[], updateErrors: {}, updateValues: kept, deleteProblem: null, failure: "invalid" as const }, 400);
    }
    case "delete-update": {
      const updateId = values.updateId ?? "";
      if (!isUuid(updateId)) notFound();
      if (values.confirm !== "yes") {
        return data({ kind: "delete" as const, missing: [] as InitiativeErrorKey[], updateErrors: {}, updateValues: {}, deleteProblem: updateId, failure: null }, 400);
      }
      const result = await deleteProgressUpdate(supabase, id, updateId);
      if (!result.ok) notFound();
      return redirect(`${base}?done=update-deleted#timeline-heading`);
    }
    default:
      throw data({ reason: "bad-request" }, { status: 400 });
  }
}

const money = (value: number, locale: Locale) =>
  new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { style: "currency", currency: "SEK", maximumFractionDigits: 2 }).format(value);

export default function InitiativePage() {
  const { submissionKey, initiative, signedIn, canEdit, notice, today } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const words = t.initiativeForms;
  const page = words.page;
  const draft = initiative.status === "draft";
  const notices: Record<Notice, string> = {
    saved: page.saved,
    published: page.published,
    "update-added": page.updateAdded,
    "update-deleted": page.updateDeleted,
  };
  const expected = initiative.participantsExpected;
  const reached = initiative.participantsReached;

  return (
    <article className="initiative-page">
      <nav aria-label={words.common.breadcrumb} className="breadcrumb">
        <ol>
          <li>
            <Link to="/initiatives">{words.common.catalogue}</Link>
          </li>
          <li>
            <span aria-current="page">{initiative.title}</span>
          </li>
        </ol>
      </nav>
      <h1>{initiative.title}</h1>
      {notice ? (
        <p className="form-success" role="status">
          {notices[notice]}
        </p>
      ) : null}
      {draft ? (
        <p className="notice initiative-draft-banner">
          <strong>{page.draftBanner}</strong>
        </p>
      ) : null}
      {!draft && !initiative.isPublic && signedIn ? <p className="notice">{page.notPublicNote}</p> : null}

      {answer?.kind === "publish" && answer.missing.length > 0 ? (
        <div className="form-error" role="alert">
          <p>{page.publishFailed}</p>
          <ul>
            {answer.missing.map((key) => (
              <li key={key}>{words.errors[key]}</li>
            ))}
          </ul>
          <p>
            <Link to={`/initiatives/${initiative.id}/edit?publish=1`}>{page.publishFix}</Link>
          </p>
        </div>
      ) : null}

      {canEdit ? (
        <div className="initiative-actions">
          <Link className="button button--plain" to={`/initiatives/${initiative.id}/edit`}>
            {page.edit}
          </Link>
          {draft ? (
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <button type="submit" className="button">
                {page.publish}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}

      {initiative.summary ? <PlainText text={initiative.summary} className="lead" /> : null}

      <dl className="details initiative-facts">
        <dt>{page.status}</dt>
        <dd>
          <span className={`status status--${initiative.status}`}>{t.initiatives.status[initiative.status]}</span>
        </dd>
        <dt>{page.organisation}</dt>
        <dd>{signedIn ? <Link to={`/organisations/${initiative.orgId}`}>{initiative.orgName}</Link> : initiative.orgName}</dd>
        <dt>{page.period}</dt>
        <dd>
          {initiative.startsOn && !initiative.endsOn
            ? format(page.startsFrom, { date: formatDate(initiative.startsOn, locale) })
            : formatDateRange(initiative.startsOn, initiative.endsOn, locale) || page.noDates}
        </dd>
        {initiative.districts.length > 0 ? (
          <>
            <dt>{page.districts}</dt>
            <dd>{initiative.districts.join(", ")}</dd>
          </>
        ) : null}
        {initiative.targetGroups.length > 0 ? (
          <>
            <dt>{page.targetGroups}</dt>
            <dd>{initiative.targetGroups.map((key) => (isTargetGroup(key) ? t.initiatives.targetGroups[key] : key)).join(", ")}</dd>
          </>
        ) : null}
        {initiative.focusAreas.length > 0 ? (
          <>
            <dt>{page.focusAreas}</dt>
            <dd>{initiative.focusAreas.map((key) => (isFocusArea(key) ? t.initiatives.focusAreas[key] : key)).join(", ")}</dd>
          </>
        ) : null}
        {signedIn && initiative.budget !== null ? (
          <>
            <dt>{page.budget}</dt>
            <dd>{money(initiative.budget, locale)}</dd>
          </>
        ) : null}
        {signedIn && initiative.fundingSource ? (
          <>
            <dt>{page.funding}</dt>
            <dd>{initiative.fundingSource}</dd>
          </>
        ) : null}
      </dl>

      {initiative.description ? (
        <section aria-labelledby="description-heading">
          <h2 id="description-heading">{page.description}</h2>
          <PlainText text={initiative.description} className="prose" />
        </section>
      ) : null}

      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">{page.participants}</h2>
        {expected !== null && expected > 0 && reached !== null ? (
          <>
            <p id="participants-text">{format(page.participantsOf, { reached, expected })}</p>
            <progress
              className="initiative-progress"
              max={expected}
              value={Math.min(reached, expected)}
              aria-label={page.progressLabel}
              aria-describedby="participants-text"
            />
          </>
        ) : reached !== null ? (
          <p>{format(page.participantsReached, { reached })}</p>
        ) : expected !== null ? (
          <p>{format(page.participantsExpectedOnly, { expected })}</p>
        ) : (
          <p className="empty">{page.noParticipants}</p>
        )}
      </section>

      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading">{page.contact}</h2>
        {initiative.contactName || initiative.contactEmail || initiative.contactPhone ? (
          <address className="initiative-contact">
            {initiative.contactName ? <span>{initiative.contactName}</span> : null}
            {initiative.contactEmail ? <a href={`mailto:${initiative.contactEmail}`}>{initiative.contactEmail}</a> : null}
            {initiative.contactPhone ? <a href={`tel:${initiative.contactPhone.replace(/[^\d+]/g, "")}`}>{initiative.contactPhone}</a> : null}
          </address>
        ) : (
          <p className="empty">{page.noContact}</p>
        )}
      </section>

      <section aria-labelledby="partners-heading">
        <h2 id="partners-heading">{page.partners}</h2>
        {initiative.partners.length === 0 ? (
          <p className="empty">{page.noPartners}</p>
        ) : (
          <ul className="plain-list">
            {initiative.partners.map((partner) => (
              <li key={partner.orgId}>
                <span className="cell-title">{signedIn ? <Link to={`/organisations/${partner.orgId}`}>{partner.name}</Link> : partner.name}</span>
                {partner.role ? <span className="cell-detail">{partner.role}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{words.timeline.heading}</h2>
        <InitiativeTimeline entries={initiative.updates} canEdit={canEdit} deleteProblem={answer?.kind === "delete" ? answer.deleteProblem : null} />
        {canEdit ? (
          <section aria-labelledby="add-update-heading" className="initiative-add-update">
            <h3 id="add-update-heading">{words.timeline.addHeading}</h3>
            {answer?.kind === "update" && answer.failure ? (
              <p className="form-error" role="alert">
                {words.timeline.invalid}
              </p>
            ) : null}
            <ProgressUpdateForm
              // A new form (empty fields) once an update was added or removed.
              key={`${initiative.updates.length}-${initiative.updates[0]?.id ?? ""}`}
              errors={answer?.kind === "update" ? answer.updateErrors : {}}
              values={answer?.kind === "update" ? answer.updateValues : {}}
              today={today}
              submissionKey={submissionKey}
            />
          </section>
        ) : null}
      </section>

      {signedIn ? (
        <section aria-labelledby="reports-heading">
          <h2 id="reports-heading">{page.reports}</h2>
          {initiative.reports.length === 0 ? (
            <p className="empty">{page.noReports}</p>
          ) : (
            <ul className="plain-list">
              {initiative.reports.map((report) => (
                <li key={report.id}>
                  <Link className="cell-title" to={`/reports/${report.id}`}>
                    {format(page.reportLine, { org: report.orgName ?? "", period: report.periodName ?? "" })}
                  </Link>{" "}
                  <span className={`status status--${report.status}`}>{t.pages.common.reportStatus[report.status]}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </article>
  );
}
