import type { Database } from "~/lib/database.types";
import { useTranslation } from "~/lib/use-translation";

type ReportStatus = Database["public"]["Enums"]["report_status"];

/** A report's status in words (colour only supports the words). null: not started. */
export function ReportStatusText({ status }: { status: ReportStatus | null }) {
  const { t } = useTranslation();
  const key = status ?? "notStarted";
  return <span className={`status status--${key}`}>{t.pages.common.reportStatus[key]}</span>;
}
