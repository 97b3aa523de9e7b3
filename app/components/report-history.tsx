/**
 * A report's history (report_events), oldest first: "Maria Johansson sparade (ändrade:
 * Sammanfattning, UNG-01) 27 november 2026 14:02", submitted, returned with the coordinator's
 * comment, accepted.
 */
import { PlainText } from "~/components/initiative-timeline";
import { formatDateTime } from "~/lib/format";
import { format, type Messages } from "~/lib/i18n";
import type { ChangedItem, HistoryEntry } from "~/lib/reports.server";
import { useTranslation } from "~/lib/use-translation";

/** A changed item in words: "Sammanfattning", the question's text, "UNG-01", "Kopplade insatser". */
export function changedLabel(t: Messages, item: ChangedItem): string {
  const words = t.reports.history;
  switch (item.kind) {
    case "summary":
      return words.summary;
    case "initiatives":
      return words.initiatives;
    case "question":
      return item.label ?? words.question;
    case "indicator":
      return item.label ?? words.indicator;
  }
}

/** A person's name as the history shows it. */
export function actorName(t: Messages, actor: string | null): string {
  if (actor === null) return t.reports.common.deletedUser;
  return actor || t.reports.common.unnamed;
}

export function ReportHistory({ entries }: { entries: HistoryEntry[] }) {
  const { t, locale } = useTranslation();
  const words = t.reports.history;
  return (
    <section aria-labelledby="report-history-heading" className="report-history">
      <h2 id="report-history-heading">{words.heading}</h2>
      {entries.length === 0 ? (
        <p className="empty">{words.empty}</p>
      ) : (
        <ol className="report-history__list">
          {entries.map((entry) => {
            const name = actorName(t, entry.actor);
            const fields = entry.changed.map((item) => changedLabel(t, item)).join(", ");
            const line =
              entry.kind === "saved"
                ? fields
                  ? format(words.savedChanged, { name, fields })
                  : format(words.saved, { name })
                : format(words[entry.kind], { name });
            return (
              <li key={entry.id} className={`report-history__entry report-history__entry--${entry.kind}`}>
                <span>{line}</span> <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
                {entry.comment ? (
                  <div className="report-history__comment">
                    <p className="report-history__comment-label">{words.comment}</p>
                    <PlainText text={entry.comment} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
