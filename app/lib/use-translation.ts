import { useRouteLoaderData } from "@remix-run/react";
import { defaultLocale, getMessages, type Locale, type Messages } from "./i18n";

/** The words of the language the root loader chose for this request. */
export function useTranslation(): { t: Messages; locale: Locale } {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  const locale = data?.locale ?? defaultLocale;
  return { t: getMessages(locale), locale };
}
