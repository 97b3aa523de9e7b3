/**
 * Both dictionaries, for the server only (the browser loads just the page's language: see
 * app/lib/i18n.ts). app/entry.server.tsx registers them for rendering (`useTranslation`); other server
 * code (emails, CSV exports, scripts, tests) calls `getMessages` from here, which needs no
 * registration.
 */
import { en } from "~/locales/en";
import { sv } from "~/locales/sv";
import { defaultLocale, registerMessages, type Locale, type Messages } from "./i18n";

const all: Record<Locale, Messages> = { sv, en };

/** Makes both languages available to components rendered on the server. */
export function registerAllMessages(): void {
  for (const [locale, messages] of Object.entries(all) as [Locale, Messages][]) registerMessages(locale, messages);
}

export function getMessages(locale: Locale = defaultLocale): Messages {
  return all[locale];
}
