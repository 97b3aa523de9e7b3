/**
 * An indicator's traffic light in words with a coloured mark (colour only supports the words; the
 * shape differs too, for readers who cannot tell the colours apart). Pass `locale` outside a route.
 */
import { getMessages, type Locale } from "~/lib/i18n";
import type { IndicatorStatus } from "~/lib/indicator-status";
import { useTranslation } from "~/lib/use-translation";

export interface IndicatorStatusBadgeProps {
  status: IndicatorStatus;
  locale?: Locale;
}

const MARKS: Record<IndicatorStatus, string> = { on_track: "●", at_risk: "▲", off_track: "■", no_data: "○" };

export function IndicatorStatusBadge(props: IndicatorStatusBadgeProps) {
  return props.locale ? <Badge status={props.status} locale={props.locale} /> : <BadgeInPage status={props.status} />;
}

function BadgeInPage({ status }: { status: IndicatorStatus }) {
  const { locale } = useTranslation();
  return <Badge status={status} locale={locale} />;
}

function Badge({ status, locale }: { status: IndicatorStatus; locale: Locale }) {
  return (
    <span className={`indicator-status indicator-status--${status}`} data-status={status}>
      <span className="indicator-status__mark" aria-hidden="true">
        {MARKS[status]}
      </span>{" "}
      {getMessages(locale).boardIndicators.status[status]}
    </span>
  );
}
