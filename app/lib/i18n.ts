/**
 * Languages of the interface. The words themselves live in app/locales; this module only holds the
 * dictionaries that have been loaded, so the browser downloads the page's language and no other
 * (issue 10: both together were ~57 KB gzipped on every first load).
 *
 * - Server: app/lib/messages.server.ts imports both and registers them (app/entry.server.tsx, and
 *   any server module that needs words outside a request imports it directly).
 * - Browser: app/entry.client.tsx loads the page's language with `loadMessages` before hydrating;
 *   `useTranslation` loads another one if the page's language changes without a reload.
 */
import type { Messages } from "~/locales/sv";

export const locales = ["sv", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "sv";
export type { Messages };

const registry = new Map<Locale, Messages>();

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function registerMessages(locale: Locale, messages: Messages): void {
  registry.set(locale, messages);
}

export function hasMessages(locale: Locale): boolean {
  return registry.has(locale);
}

/**
 * The words of a loaded language. Throws rather than returning nothing: a page must never render
 * keys or empty text because its dictionary was not loaded.
 */
export function getMessages(locale: Locale = defaultLocale): Messages {
  const messages = registry.get(locale);
  if (!messages) throw new Error(`The words for "${locale}" are not loaded (registerMessages or loadMessages first).`);
  return messages;
}

const loading = new Map<Locale, Promise<Messages>>();

/**
 * Loads a language's dictionary on demand (its own chunk in the browser build) and registers it.
 * One request per language; a failed load is forgotten so a later call can try again.
 */
export function loadMessages(locale: Locale): Promise<Messages> {
  const loaded = registry.get(locale);
  if (loaded) return Promise.resolve(loaded);
  let pending = loading.get(locale);
  if (!pending) {
    // One literal import() per language: the bundler makes each its own chunk.
    const imported = locale === "en" ? import("~/locales/en").then((module) => module.en) : import("~/locales/sv").then((module) => module.sv);
    pending = imported.then(
      (messages) => {
        registerMessages(locale, messages);
        return messages;
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** Fills `{name}` placeholders: format("Hej {name}", { name: "Anna" }). */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
