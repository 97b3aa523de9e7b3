/**
 * What a report lacks before it can be submitted, as links to the fields: the check list before
 * submitting (from `report_missing_items` on what is stored) and the list after a refused submit
 * (SR422).
 */
import { format, type Messages } from "~/lib/i18n";
import { fieldId, missingItemField, type MissingItem } from "~/lib/schemas/report";
import { useTranslation } from "~/lib/use-translation";

export function missingItemText(t: Messages, missing: MissingItem): string {
  const words = t.reports.checklist;
  if (missing.item === "question") return format(words.question, { label: missing.label });
  if (missing.item === "indicator") return format(words.indicator, { label: missing.label });
  return words.summary;
}

export function MissingList({ items }: { items: MissingItem[] }) {
  const { t } = useTranslation();
  return (
    <ul className="report-missing">
      {items.map((missing) => (
        <li key={`${missing.item}-${missing.refId ?? ""}`}>
          <a href={`#${fieldId(missingItemField(missing))}`}>{missingItemText(t, missing)}</a>
        </li>
      ))}
    </ul>
  );
}

/** The check list before submitting, on what is saved. */
export function ReportChecklist({ items }: { items: MissingItem[] }) {
  const { t } = useTranslation();
  const words = t.reports.checklist;
  return (
    <section aria-labelledby="report-checklist-heading" className="report-checklist">
      <h2 id="report-checklist-heading">{words.heading}</h2>
      {items.length === 0 ? (
        <p>{words.complete}</p>
      ) : (
        <>
          <p>{words.missing}</p>
          <MissingList items={items} />
          <p className="field-hint">{words.afterSave}</p>
        </>
      )}
    </section>
  );
}
