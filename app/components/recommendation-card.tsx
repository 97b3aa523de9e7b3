/**
 * One of the audit's recommendations on /board/recommendations: its number, what the auditors
 * recommended, and what the portal shows as evidence, as a small table of figures (and a link to
 * where the board can read more, when there is one).
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { format } from "~/lib/i18n";
import { formatNumber } from "~/lib/indicator-status";
import { useTranslation } from "~/lib/use-translation";

export interface RecommendationFigure {
  label: string;
  value: number;
}

export interface RecommendationCardProps {
  number: number;
  title: string;
  text: string;
  figures: RecommendationFigure[];
  link?: { to: string; label: string } | null;
  children?: ReactNode;
}

export function RecommendationCard({ number, title, text, figures, link, children }: RecommendationCardProps) {
  const { t, locale } = useTranslation();
  const words = t.boardSummary.recommendations;
  const headingId = `recommendation-${number}`;
  return (
    <section className="recommendation" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <span className="recommendation__number">{number}.</span> {title}
      </h2>
      <p className="recommendation__text">{text}</p>
      <h3>{words.evidence}</h3>
      <div className="table-wrap">
        <table className="recommendation__figures">
          <caption className="visually-hidden">{format(words.figures, { number })}</caption>
          <thead>
            <tr>
              <th scope="col">{words.figure}</th>
              <th scope="col" className="numeric">
                {words.count}
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.map((figure) => (
              <tr key={figure.label}>
                <th scope="row">{figure.label}</th>
                <td className="numeric">{formatNumber(figure.value, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {children}
      {link ? (
        <p className="recommendation__link">
          <Link to={link.to}>{link.label}</Link>
        </p>
      ) : null}
    </section>
  );
}
