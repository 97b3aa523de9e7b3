import { useRouteLoaderData } from "@remix-run/react";
import { defaultLocale, getMessages, hasMessages, loadMessages, type Locale, type Messages } from "./i18n";

/**
 * The words of the language the root loader chose for this request.
 *
 * The browser starts with only the page's language (app/entry.client.tsx). If the root loader
 * answers with another one during a client-side navigation (e.g. signing in to a profile in
 * English), this suspends until that dictionary is loaded: navigations are transitions, so React
 * keeps showing the previous page meanwhile and never renders missing words. If it cannot be
 * loaded (offline), the document is reloaded and the server renders the page in that language.
 */
const suspensions = new Map<Locale, Promise<unknown>>();

export function useTranslation(): { t: Messages; locale: Locale } {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  const locale = data?.locale ?? defaultLocale;
  if (typeof document !== "undefined" && !hasMessages(locale)) {
    let suspension = suspensions.get(locale);
    if (!suspension) {
      suspension = loadMessages(locale).catch(() => {
        window.location.reload();
        // Stays pending: nothing should render while the document reloads.
        return new Promise<never>(() => {});
      });
      suspensions.set(locale, suspension);
    }
    // React's way of waiting for data during render (Suspense): a thrown promise.
    throw suspension;
  }
  return { t: getMessages(locale), locale };
}
