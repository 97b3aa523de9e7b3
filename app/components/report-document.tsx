/**
 * A report as a read-only document: the summary, the answers to the period's questions, the
 * indicator table (value with comment, last period, target, baseline) and the linked initiatives.
 * Used by /reports/:id when the report cannot be edited (submitted, accepted, a closed period, a
 * coordinator reading it) and by the print page. Also the small helpers both views share: numbers
 * and indicator ranges in words.
 */
import { Link } from "@remix-run/react";
import { PlainText } from "~/components/initiative-timeline";
import { format, type Locale, type Messages } from "~/lib/i18n";
import type { InitiativeOption, LastPeriod, ReportContent, ReportIndicator, ReportQuestion } from "~/lib/reports.server";
import type { ReportFormState } from "~/lib/schemas/report";
import { useTranslation } from "~/lib/use-translation";

const languageTags: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

/** A figure as people read it: "1 200", "12,5" (Swedish); "1,200", "12.5" (English). */
export function formatFigure(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return "";
  return new Intl.NumberFormat(languageTags[locale], { maximumFractionDigits: 6 }).format(value);
}

/** "46 antal", "64 %". Empty when there is no figure. */
export function figureWithUnit(value: number | null | undefined, unit: string, locale: Locale): string {
  const figure = formatFigure(value, locale);
  return figure ? `${figure} ${unit}` : "";
}

/** The message for a value outside the indicator's range: "Ange ett värde mellan 0 och 100 (%)." */
export function rangeMessage(t: Messages, indicator: Pick<ReportIndicator, "minValue" | "maxValue" | "unit">, locale: Locale): string {
  const min = formatFigure(indicator.minValue, locale);
  const max = formatFigure(indicator.maxValue, locale);
  const words = t.reports.range;
  if (min && max) return format(words.both, { min, max, unit: indicator.unit });
  if (min) return format(words.min, { min, unit: indicator.unit });
  if (max) return format(words.max, { max, unit: indicator.unit });
  return t.reports.errors.valueOutOfRange;
}

/** The allowed values in short: "0–100", "0 eller mer"; null when unbounded. */
export function rangeText(t: Messages, indicator: Pick<ReportIndicator, "minValue" | "maxValue">, locale: Locale): string | null {
  const min = formatFigure(indicator.minValue, locale);
  const max = formatFigure(indicator.maxValue, locale);
  const words = t.reports.form;
  if (min && max) return format(words.rangeBoth, { min, max });
  if (min) return format(words.rangeMin, { min });
  if (max) return format(words.rangeMax, { max });
  return null;
}

export interface ReportDocumentProps {
  periodName: string;
  questions: ReportQuestion[];
  indicators: ReportIndicator[];
  content: ReportContent;
  lastPeriod: LastPeriod | null;
  initiatives: InitiativeOption[];
  /** Heading level of the document's sections (2 on its own page). */
  level?: 2 | 3;
  /** Initiatives as links (not on paper). */
  links?: boolean;
}

export function ReportDocument({ periodName, questions, indicators, content, lastPeriod, initiatives, level = 2, links = true }: ReportDocumentProps) {
  const { t, locale } = useTranslation();
  const words = t.reports.document;
  const H = level === 2 ? "h2" : "h3";
  const Sub = level === 2 ? "h3" : "h4";
  const linked = initiatives.filter((initiative) => content.initiativeIds.includes(initiative.id));
  return (
    <div className="report-document">
      <section aria-labelledby="report-summary-heading">
        <H id="report-summary-heading">{words.summary}</H>
        {content.summary ? <PlainText text={content.summary} className="prose" /> : <p className="empty">{words.noSummary}</p>}
      </section>

      {questions.length > 0 ? (
        <section aria-labelledby="report-answers-heading">
          <H id="report-answers-heading">{words.answers}</H>
          {questions.map((question) => (
            <div key={question.id} className="report-answer">
              <Sub>{question.question}</Sub>
              {content.answers[question.id] ? <PlainText text={content.answers[question.id]!} className="prose" /> : <p className="empty">{words.noAnswer}</p>}
            </div>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="report-indicators-heading">
        <H id="report-indicators-heading">{words.indicators}</H>
        {indicators.length === 0 ? (
          <p className="empty">{words.noIndicators}</p>
        ) : (
          <div className="table-wrap">
            <table className="report-indicator-table">
              <caption>{format(words.indicatorsCaption, { period: periodName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{words.indicator}</th>
                  <th scope="col" className="numeric">
                    {words.value}
                  </th>
                  <th scope="col">{words.comment}</th>
                  <th scope="col" className="numeric">
                    {lastPeriod ? `${words.lastPeriod} (${lastPeriod.name})` : words.lastPeriod}
                  </th>
                  <th scope="col" className="numeric">
                    {words.target}
                  </th>
                  <th scope="col" className="numeric">
                    {words.baseline}
                  </th>
                </tr>
              </thead>
              <tbody>
                {indicators.map((indicator) => {
                  const stored = content.values[indicator.id];
                  const last = lastPeriod?.values[indicator.id];
                  return (
                    <tr key={indicator.id}>
                      <th scope="row">
                        <span className="cell-title">{indicator.code}</span>
                        <span className="cell-detail">{indicator.name}</span>
                      </th>
                      <td className="numeric">{stored?.value !== null && stored?.value !== undefined ? figureWithUnit(stored.value, indicator.unit, locale) : words.noValue}</td>
                      <td>{stored?.comment ?? t.reports.form.none}</td>
                      <td className="numeric">{figureWithUnit(last, indicator.unit, locale) || t.reports.form.none}</td>
                      <td className="numeric">{figureWithUnit(indicator.target, indicator.unit, locale) || t.reports.form.none}</td>
                      <td className="numeric">
                        {figureWithUnit(indicator.baseline, indicator.unit, locale) || t.reports.form.none}
                        {indicator.baseline !== null && indicator.baselineYear ? <span className="cell-detail">{indicator.baselineYear}</span> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="report-initiatives-heading">
        <H id="report-initiatives-heading">{words.initiatives}</H>
        {linked.length === 0 ? (
          <p className="empty">{words.noInitiatives}</p>
        ) : (
          <ul>
            {linked.map((initiative) => (
              <li key={initiative.id}>{links ? <Link to={`/initiatives/${initiative.id}`}>{initiative.title}</Link> : initiative.title}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/**
 * What the person typed but could not save because the report stopped being editable meanwhile
 * (a colleague submitted it, the period closed): shown so that nothing written is lost.
 */
export function UnsavedText({ values, questions, indicators }: { values: ReportFormState; questions: ReportQuestion[]; indicators: ReportIndicator[] }) {
  const { t } = useTranslation();
  const words = t.reports.document;
  const all: [string, string][] = [
    [words.summary, values.summary],
    ...questions.map((question): [string, string] => [question.question, values.answers[question.id] ?? ""]),
    ...indicators.flatMap((indicator): [string, string][] => [
      [indicator.code, values.values[indicator.id] ?? ""],
      [`${indicator.code}: ${words.comment}`, values.comments[indicator.id] ?? ""],
    ]),
  ];
  const items = all.filter(([, text]) => text.trim() !== "");
  if (items.length === 0) return null;
  return (
    <details className="report-unsaved">
      <summary>{words.unsaved}</summary>
      <dl>
        {items.map(([label, text]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="report-saved__text">{text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
