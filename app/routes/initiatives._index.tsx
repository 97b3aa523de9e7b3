/**
 * /initiatives: the catalogue of initiatives, for everyone. Anonymous visitors (residents) see the
 * public ones; signed-in partners every non-draft initiative RLS lets them read (non-public ones
 * marked "Not public") and, in a short list of their own, their organisations' drafts. Filters
 * (text, district, target group, focus area, status, organisation, period) are a GET form: the URL
 * keeps them, pagination keeps them, and it works without JavaScript. A filter value that is not
 * understood gives 400 with the message next to its field.
 */
import {
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { describedBy, FieldFrame } from "~/components/field";
import { InitiativeCard } from "~/components/initiative-card";
import { Pagination } from "~/components/pagination";
import { getCurrentUser, hasRole, hasSession } from "~/lib/auth.server";
import { formatDate } from "~/lib/format";
import { format } from "~/lib/i18n";
import {
  DISTRICTS,
  FOCUS_AREAS,
  PUBLISHED_STATUSES,
  TARGET_GROUPS,
} from "~/lib/initiative-vocabulary";
import {
  DRAFTS_SHOWN,
  listActiveOrganisations,
  listCatalogue,
  listOwnDrafts,
  type CataloguePage,
  type DraftInitiative,
} from "~/lib/initiatives.server";
import { pageTitle } from "~/lib/page-meta";
import { pageNumber } from "~/lib/pagination";
import {
  CATALOGUE_MAX_PAGE,
  CATALOGUE_QUERY_MAX,
  filterSearch,
  hasFilters,
  parseInitiativeFilters,
  type FilterErrorKey,
  type FilterField,
  type InitiativeFilters,
} from "~/lib/schemas/initiative-filters";
import { getAnonClient, getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, (t) => t.initiatives.catalogue.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const supabase = getSupabase(request, context);
  const url = new URL(request.url);
  const parsed = parseInitiativeFilters(url.searchParams);
  const page = pageNumber(url.searchParams.get("page"), CATALOGUE_MAX_PAGE);
  // The catalogue and the organisation filter's list do not depend on who the person is (RLS
  // decides what they see): they are read alongside the person, one round trip instead of two.
  const withSession = await hasSession(request, context);
  const early = Promise.all([
    parsed.ok ? listCatalogue(supabase, parsed.filters, page, { publicOnly: !withSession }) : Promise.resolve(null),
    withSession ? listActiveOrganisations(supabase) : Promise.resolve([]),
  ]);
  early.catch(() => undefined);
  const user = await getCurrentUser(request, context);
  const signedIn = user !== null;
  const member = (user?.memberships.length ?? 0) > 0;
  const coordinator = user ? hasRole(user, "coordinator") : false;
  const ownDrafts = user && member ? listOwnDrafts(supabase, user.memberships.map((m) => m.orgId)) : Promise.resolve([] as DraftInitiative[]);
  ownDrafts.catch(() => undefined);
  // A session that turned out to be over (signed out elsewhere) sees what anyone sees.
  const [catalogue, organisations] =
    withSession && !signedIn
      ? [parsed.ok ? await listCatalogue(getAnonClient(), parsed.filters, page, { publicOnly: true }) : null, []]
      : await early;
  const drafts = await ownDrafts;
  const body = {
    signedIn,
    canRegister: member,
    canSeeReach: member || coordinator,
    filters: parsed.filters,
    errors: parsed.ok ? {} : parsed.errors,
    catalogue: catalogue satisfies CataloguePage | null,
    drafts,
    organisations,
  };
  return parsed.ok ? body : data(body, { status: 400 });
}

export default function Initiatives() {
  const {
    signedIn,
    canRegister,
    canSeeReach,
    filters,
    errors,
    catalogue,
    drafts,
    organisations,
  } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const words = t.initiatives.catalogue;
  const search = filterSearch(filters);
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <>
      <h1>{words.title}</h1>
      <p className="lead">{words.introPublic}</p>
      {signedIn ? <p>{words.introSignedIn}</p> : null}

      <ul className="initiative-links">
        {canRegister ? (
          <li>
            <Link to="/initiatives/new" className="button">
              {words.register}
            </Link>
          </li>
        ) : null}
        {canSeeReach ? (
          <li>
            <Link to="/initiatives/reach">{words.reach}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/initiatives/data">{words.openData}</Link>
        </li>
      </ul>

      {drafts.length > 0 ? (
        <section
          aria-labelledby="initiative-drafts"
          className="initiative-drafts"
        >
          <h2 id="initiative-drafts">{t.initiatives.drafts.title}</h2>
          <p className="muted">
            {t.initiatives.drafts.intro}
            {drafts.length >= DRAFTS_SHOWN
              ? ` ${format(t.initiatives.drafts.more, { count: DRAFTS_SHOWN })}`
              : null}
          </p>
          <ul>
            {drafts.map((draft) => (
              <li key={draft.id}>
                <Link to={`/initiatives/${draft.id}`}>{draft.title}</Link>{" "}
                <span className="muted">
                  (
                  {[
                    draft.organiser,
                    format(t.initiatives.drafts.updated, {
                      date: formatDate(draft.updatedAt, locale),
                    }),
                  ]
                    .filter(Boolean)
                    .join(", ")}
                  )
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <FilterForm
        filters={filters}
        errors={errors}
        signedIn={signedIn}
        organisations={organisations}
      />

      <section aria-labelledby="initiative-results">
        <h2 id="initiative-results">{words.resultsTitle}</h2>
        {hasErrors || !catalogue ? (
          <p className="form-error" role="alert">
            {words.badRequest}
          </p>
        ) : (
          <>
            <p role="status" className="muted">
              {catalogue.page > 1 && catalogue.total === 0
                ? words.pageEmpty
                : catalogue.atLeast
                ? format(words.countAtLeast, {
                    count: catalogue.total.toLocaleString(
                      locale === "sv" ? "sv-SE" : "en-GB"
                    ),
                  })
                : catalogue.total === 1
                ? words.countOne
                : format(words.count, {
                    count: catalogue.total.toLocaleString(
                      locale === "sv" ? "sv-SE" : "en-GB"
                    ),
                  })}
            </p>
            {catalogue.initiatives.length === 0 ? (
              catalogue.page > 1 && catalogue.total === 0 ? (
                <p className="empty">
                  <Link to={search ? `/initiatives?${search}` : "/initiatives"}>
                    {words.firstPage}
                  </Link>
                </p>
              ) : (
                <p className="empty">
                  {hasFilters(filters) ? words.emptyFiltered : words.empty}
                </p>
              )
            ) : (
              <ul
                className="initiative-list"
                aria-label={format(words.listLabel, { page: catalogue.page })}
              >
                {catalogue.initiatives.map((initiative) => (
                  <li key={initiative.id}>
                    <InitiativeCard initiative={initiative} />
                  </li>
                ))}
              </ul>
            )}
            <Pagination
              page={catalogue.page}
              pages={catalogue.pages}
              pathname="/initiatives"
              search={search}
              label={words.paginationLabel}
            />
          </>
        )}
      </section>
    </>
  );
}

function FilterForm({
  filters,
  errors,
  signedIn,
  organisations,
}: {
  filters: InitiativeFilters;
  errors: Partial<Record<FilterField, FilterErrorKey>>;
  signedIn: boolean;
  organisations: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const words = t.initiatives.filters;
  const errorText = (field: FilterField) => {
    const key = errors[field];
    return key
      ? format(t.initiatives.filterErrors[key], { max: CATALOGUE_QUERY_MAX })
      : undefined;
  };
  const firstError = (Object.keys(errors) as FilterField[])[0];
  const select = (
    field: FilterField,
    label: string,
    options: { value: string; label: string }[]
  ) => {
    const id = `filter-${field}`;
    const error = errorText(field);
    return (
      <FieldFrame id={id} label={label} error={error}>
        <select
          id={id}
          name={field}
          defaultValue={
            options.some((option) => option.value === filters[field])
              ? filters[field]
              : ""
          }
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, undefined, error)}
          autoFocus={firstError === field ? true : undefined}
        >
          <option value="">{words.any}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </FieldFrame>
    );
  };
  const dateField = (field: "from" | "to", label: string) => {
    const id = `filter-${field}`;
    const error = errorText(field);
    return (
      <FieldFrame id={id} label={label} hint={words.periodHint} error={error}>
        <input
          id={id}
          name={field}
          type="date"
          defaultValue={filters[field]}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, words.periodHint, error)}
          autoFocus={firstError === field ? true : undefined}
        />
      </FieldFrame>
    );
  };
  const qError = errorText("q");

  return (
    <Form
      method="get"
      action="/initiatives"
      role="search"
      aria-label={words.label}
      className="filters initiative-filters"
    >
      <FieldFrame
        id="filter-q"
        label={words.q}
        hint={words.qHint}
        error={qError}
      >
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={filters.q}
          aria-invalid={qError ? true : undefined}
          aria-describedby={describedBy("filter-q", words.qHint, qError)}
          autoFocus={firstError === "q" ? true : undefined}
        />
      </FieldFrame>
      {select(
        "district",
        words.district,
        DISTRICTS.map((district) => ({ value: district, label: district }))
      )}
      {select(
        "group",
        words.group,
        TARGET_GROUPS.map((key) => ({
          value: key,
          label: t.initiatives.targetGroups[key],
        }))
      )}
      {select(
        "area",
        words.area,
        FOCUS_AREAS.map((key) => ({
          value: key,
          label: t.initiatives.focusAreas[key],
        }))
      )}
      {select(
        "status",
        words.status,
        PUBLISHED_STATUSES.map((key) => ({
          value: key,
          label: t.initiatives.status[key],
        }))
      )}
      {signedIn || errors.org
        ? select(
            "org",
            words.org,
            organisations.map((organisation) => ({
              value: organisation.id,
              label: organisation.name,
            }))
          )
        : null}
      {!signedIn && filters.org && !errors.org ? (
        <input type="hidden" name="org" value={filters.org} />
      ) : null}
      {dateField("from", words.from)}
      {dateField("to", words.to)}
      <div className="filters__actions">
        <button type="submit" className="button">
          {words.submit}
        </button>
        <Link to="/initiatives">{words.reset}</Link>
      </div>
    </Form>
  );
}
