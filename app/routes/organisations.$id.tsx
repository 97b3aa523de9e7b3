import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { firstInvalid, TextArea, TextField, useMemberFormCheck } from "~/components/org-form";
import { hasRole, requirePartner, type CurrentUser } from "~/lib/auth.server";
import { forbidden, notFound } from "~/lib/http.server";
import { getOrganisation, updateProfile } from "~/lib/members.server";
import { listOrganisationInitiatives } from "~/lib/organisations.server";
import { format } from "~/lib/i18n";
import { messagesFor } from "~/lib/page-meta";
import { keptValues, parseMemberForm, profileSchema, type MemberFieldErrors } from "~/lib/schemas/members";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

/**
 * /organisations/:id: an organisation's profile, its published initiatives and the forums its
 * people take part in. Its admins (and coordinators) edit the description and website here.
 */
export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const t = messagesFor(matches);
  return [{ title: `${loaded?.organisation.name ?? t.organisations.directory.title} – ${t.shell.portalName}` }];
};

function canManage(user: CurrentUser, orgId: string): boolean {
  return hasRole(user, "coordinator") || user.memberships.some((m) => m.orgId === orgId && m.role === "admin");
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePartner(request, context);
  const supabase = getSupabase(request, context);
  const organisation = await getOrganisation(supabase, params.id ?? "");
  if (!organisation) notFound();
  const isMember = user.memberships.some((m) => m.orgId === organisation.id);
  // "Insatser": its own initiatives and those it is a partner in, bounded (the catalogue has the rest).
  const initiatives = await listOrganisationInitiatives(supabase, organisation.id);
  return {
    organisation,
    initiatives,
    canRegisterInitiative: isMember || hasRole(user, "coordinator"),
    canEdit: canManage(user, organisation.id),
    canSeeMembers: isMember || hasRole(user, "coordinator"),
    saved: new URL(request.url).searchParams.get("saved") === "1",
  };
}

const FIELDS = ["description", "website"] as const;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePartner(request, context);
  const orgId = params.id ?? "";
  if (!canManage(user, orgId)) forbidden();
  const form = await request.formData();
  const values = keptValues(form, FIELDS);
  // The form always sends both fields (empty ones clear them): a post without them would wipe the
  // profile without anyone having seen it, so it is refused.
  if (!FIELDS.every((field) => form.has(field))) return data({ errors: {} as MemberFieldErrors, values, failure: "failed" as const }, 400);
  const parsed = parseMemberForm(profileSchema, form);
  if (!parsed.success) return data({ errors: parsed.errors, values, failure: null }, 400);
  const result = await updateProfile(getSupabase(request, context), orgId, parsed.data);
  if (!result.ok) {
    if (result.reason === "refused") forbidden();
    return data({ errors: {} as MemberFieldErrors, values, failure: "failed" as const }, 500);
  }
  return redirect(`/organisations/${orgId}?saved=1`);
}

export default function Organisation() {
  const { organisation, initiatives, canRegisterInitiative, canEdit, canSeeMembers, saved } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const words = t.organisations.profile;
  const { errors, onSubmit } = useMemberFormCheck(profileSchema, "profile", FIELDS, answer?.errors);
  const first = firstInvalid(FIELDS, errors);
  const values = answer?.values ?? { description: organisation.description ?? "", website: organisation.website ?? "" };

  return (
    <>
      <p>
        <Link to="/organisations">{words.backToDirectory}</Link>
      </p>
      <h1>{organisation.name}</h1>
      {saved ? (
        <p className="form-success" role="status">
          {words.saved}
        </p>
      ) : null}
      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{words.about}</h2>
        {organisation.description ? <p className="prose org-description">{organisation.description}</p> : <p className="empty">{words.noDescription}</p>}
        <dl className="details">
          <dt>{words.kind}</dt>
          <dd>{t.pages.common.organisationKind[organisation.kind]}</dd>
          {organisation.status !== "active" ? (
            <>
              <dt>{words.status}</dt>
              <dd>{words.statuses[organisation.status]}</dd>
            </>
          ) : null}
          {organisation.districts.length > 0 ? (
            <>
              <dt>{words.districts}</dt>
              <dd>{organisation.districts.join(", ")}</dd>
            </>
          ) : null}
          <dt>{words.members}</dt>
          <dd>{organisation.members}</dd>
          {organisation.website ? (
            <>
              <dt>{words.website}</dt>
              <dd>
                <a href={organisation.website} rel="noopener noreferrer">
                  {organisation.website}
                </a>
              </dd>
            </>
          ) : null}
          {organisation.contactEmail ? (
            <>
              <dt>{words.contact}</dt>
              <dd>
                <a href={`mailto:${organisation.contactEmail}`}>{organisation.contactEmail}</a>
              </dd>
            </>
          ) : null}
        </dl>
        {canSeeMembers ? (
          <p>
            <Link to={`/organisations/${organisation.id}/members`}>{canEdit ? words.manageMembers : words.viewMembers}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="initiatives-heading">
        <h2 id="initiatives-heading">{t.initiativeForms.organisation.heading}</h2>
        {initiatives.initiatives.length === 0 ? (
          <p className="empty">{t.initiativeForms.organisation.none}</p>
        ) : (
          <ul className="plain-list">
            {initiatives.initiatives.map((initiative) => (
              <li key={initiative.id}>
                <Link className="cell-title" to={`/initiatives/${initiative.id}`}>
                  {initiative.title}
                </Link>
                <span className="cell-detail">
                  {t.initiatives.status[initiative.status]}
                  {" · "}
                  {initiative.partner
                    ? initiative.partnerRole
                      ? format(t.initiativeForms.organisation.partnerWithRole, { role: initiative.partnerRole })
                      : t.initiativeForms.organisation.partner
                    : t.initiativeForms.organisation.own}
                  {initiative.districts.length > 0 ? ` · ${initiative.districts.join(", ")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`/initiatives?org=${organisation.id}`}>{t.initiativeForms.organisation.showAll}</Link>
        </p>
        {canRegisterInitiative ? (
          <p>
            <Link to="/initiatives/new">{t.initiativeForms.organisation.register}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="forums-heading">
        <h2 id="forums-heading">{words.forums}</h2>
        {organisation.forums.length === 0 ? (
          <p className="empty">{words.noForums}</p>
        ) : (
          <ul>
            {organisation.forums.map((forum) => (
              <li key={forum.slug}>{forum.name}</li>
            ))}
          </ul>
        )}
      </section>

      {canEdit ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{words.edit}</h2>
          <p>{words.editIntro}</p>
          {answer?.failure ? (
            <p className="form-error" role="alert">
              {t.organisations.failures.failed}
            </p>
          ) : null}
          <Form method="post" className="form" noValidate onSubmit={onSubmit}>
            <TextArea
              idPrefix="profile"
              name="description"
              label={words.description}
              hint={words.descriptionHint}
              defaultValue={values.description}
              error={errors.description}
              autoFocus={first === "description"}
            />
            <TextField
              idPrefix="profile"
              name="website"
              type="url"
              label={words.website}
              hint={words.websiteHint}
              autoComplete="url"
              defaultValue={values.website}
              error={errors.website}
              autoFocus={first === "website"}
            />
            <div>
              <button type="submit" className="button" disabled={navigation.state === "submitting"}>
                {words.save}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
