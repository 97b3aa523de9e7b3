/** Dates as people read them in the interface language, in Swedish time (server and browser agree). */
import type { Locale } from "./i18n";

const languageTags: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, style: "date" | "dateTime"): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let existing = formatters.get(key);
  if (!existing) {
    existing = new Intl.DateTimeFormat(languageTags[locale], {
      dateStyle: "long",
      ...(style === "dateTime" ? { timeStyle: "short" } : {}),
      timeZone: "Europe/Stockholm",
    });
    formatters.set(key, existing);
  }
  return existing;
}

/** "18 december 2026". A date-only value ("2026-12-18") is that calendar day. Empty when missing. */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return "";
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? "" : formatter(locale, "date").format(date);
}

/** "20 november 2026 16:05". Empty when missing. */
export function formatDateTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "" : formatter(locale, "dateTime").format(date);
}

/** A span of dates: "1 januari 2026 – 30 juni 2026", or only the start when open-ended. */
export function formatDateRange(start: string | null | undefined, end: string | null | undefined, locale: Locale): string {
  const from = formatDate(start, locale);
  const to = formatDate(end, locale);
  if (from && to) return `${from} – ${to}`;
  return from || to;
}
