import type { MetaFunction } from "@remix-run/node";
import { formatDate } from "~/lib/format";
import { format } from "~/lib/i18n";
import { pageTitle } from "~/lib/page-meta";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.pages.accessibility.title);

/** The accessibility statement, following Digg's model (lagen om tillgänglighet till digital offentlig service). */
export default function AccessibilityStatement() {
  const { t, locale } = useTranslation();
  const words = t.pages.accessibility;
  const contact = t.pages.contact;
  const contactDetails = (
    <ul>
      <li>
        {words.contactEmail}: <a href={`mailto:${contact.emailAddress}`}>{contact.emailAddress}</a>
      </li>
      <li>
        {words.contactPhone}: <a href={`tel:${contact.phoneHref}`}>{contact.phoneNumber}</a>
      </li>
    </ul>
  );
  return (
    <article className="prose">
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>

      <h2>{words.statusTitle}</h2>
      <p>{words.status}</p>

      <h3>{words.shortcomingsTitle}</h3>
      <p>{words.shortcomings}</p>

      <h3>{words.reportTitle}</h3>
      <p>{words.report}</p>
      {contactDetails}

      <h3>{words.reportTitleProblems}</h3>
      <p>{words.reportProblems}</p>
      {contactDetails}

      <h2>{words.supervisionTitle}</h2>
      <p>{words.supervision}</p>
      <p>
        <a href="https://www.digg.se/tdosanmalan">{words.supervisionLink}</a>
      </p>

      <h2>{words.technicalTitle}</h2>
      <p>{words.technical}</p>

      <h2>{words.testingTitle}</h2>
      <p>{words.testing}</p>

      <h2>{words.madeTitle}</h2>
      <p>{format(words.made, { date: formatDate(words.madeDate, locale) })}</p>
    </article>
  );
}
