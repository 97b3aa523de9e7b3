import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/lib/page-meta";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.pages.contact.title);

export default function Contact() {
  const { t } = useTranslation();
  const words = t.pages.contact;
  return (
    <article className="prose">
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>
      <h2>{words.detailsTitle}</h2>
      <dl className="details">
        <dt>{words.email}</dt>
        <dd>
          <a href={`mailto:${words.emailAddress}`}>{words.emailAddress}</a>
        </dd>
        <dt>{words.phone}</dt>
        <dd>
          <a href={`tel:${words.phoneHref}`}>{words.phoneNumber}</a>
        </dd>
        <dt>{words.address}</dt>
        <dd>
          <address>
            {words.addressLines.map((line, index) => (
              <span key={line}>
                {index > 0 ? <br /> : null}
                {line}
              </span>
            ))}
          </address>
        </dd>
        <dt>{words.responsible}</dt>
        <dd>{words.responsibleName}</dd>
      </dl>
      <p>{words.personalData}</p>
    </article>
  );
}
