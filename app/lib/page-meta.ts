/** Page titles in the interface language: "<page> – Samverkansportalen". */
import { defaultLocale, getMessages, isLocale, type Messages } from "./i18n";

interface MatchLike {
  id: string;
  data: unknown;
}

/** The words of the language the root loader chose, for `meta` functions (which cannot use hooks). */
export function messagesFor(matches: readonly MatchLike[]): Messages {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  return getMessages(isLocale(root?.locale) ? root.locale : defaultLocale);
}

export function pageTitle(matches: readonly MatchLike[], title: (t: Messages) => string) {
  const t = messagesFor(matches);
  return [{ title: `${title(t)} – ${t.shell.portalName}` }];
}
