import { Link } from "@remix-run/react";
import { formatDate, formatDateRange } from "~/lib/format";
import { format } from "~/lib/i18n";
import { isFocusArea, isTargetGroup } from "~/lib/initiative-vocabulary";
import type { CatalogueInitiative } from "~/lib/initiatives.server";
import { useTranslation } from "~/lib/use-translation";

/**
 * One initiative in the catalogue: what it is, who runs it, where, for whom, when, and how to get
 * in touch (what a resident needs to take part). Signed-in readers also see "Not public" on those
 * the public does not see.
 */
export function InitiativeCard({
  initiative,
  headingLevel = 3,
}: {
  initiative: CatalogueInitiative;
  headingLevel?: 2 | 3;
}) {
  const { t, locale } = useTranslation();
  const words = t.initiatives.card;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const when = initiative.endsOn
    ? formatDateRange(initiative.startsOn, initiative.endsOn, locale)
    : initiative.startsOn
    ? format(words.from, { date: formatDate(initiative.startsOn, locale) })
    : t.pages.common.none;
  const forWhom = initiative.targetGroups
    .filter(isTargetGroup)
    .map((key) => t.initiatives.targetGroups[key]);
  const focus = initiative.focusAreas
    .filter(isFocusArea)
    .map((key) => t.initiatives.focusAreas[key]);

  return (
    <article
      className="card initiative-card"
      aria-labelledby={`initiative-${initiative.id}`}
    >
      <Heading
        id={`initiative-${initiative.id}`}
        className="initiative-card__title"
      >
        <Link to={`/initiatives/${initiative.id}`}>{initiative.title}</Link>
      </Heading>
      {!initiative.isPublic ? (
        <p className="initiative-card__badges">
          <span className="badge badge--private">{words.notPublic}</span>
        </p>
      ) : null}
      {initiative.summary ? (
        <p className="initiative-card__summary">{initiative.summary}</p>
      ) : null}
      <dl>
        <dt>{words.organiser}</dt>
        <dd>{initiative.organiser ?? t.pages.common.none}</dd>
        <dt>{words.districts}</dt>
        <dd>{initiative.districts.join(", ") || t.pages.common.none}</dd>
        <dt>{words.forWhom}</dt>
        <dd>{forWhom.join(", ") || t.pages.common.none}</dd>
        <dt>{words.focus}</dt>
        <dd>{focus.join(", ") || t.pages.common.none}</dd>
        <dt>{words.when}</dt>
        <dd>{when}</dd>
        <dt>{words.status}</dt>
        <dd>{t.initiatives.status[initiative.status]}</dd>
        {initiative.contactEmail || initiative.contactPhone ? (
          <>
            <dt>{words.contact}</dt>
            <dd>
              {initiative.contactName ? (
                <span className="initiative-card__contact-name">
                  {initiative.contactName}{" "}
                </span>
              ) : null}
              {initiative.contactEmail ? (
                <a href={`mailto:${initiative.contactEmail}`}>
                  {initiative.contactEmail}
                </a>
              ) : null}
              {initiative.contactEmail && initiative.contactPhone ? ", " : null}
              {initiative.contactPhone ? (
                <a
                  href={`tel:${initiative.contactPhone.replace(/[^\d+]/g, "")}`}
                >
                  {initiative.contactPhone}
                </a>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
