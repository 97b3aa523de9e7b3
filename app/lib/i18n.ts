/** Languages of the interface. The words themselves live in app/locales. */
import { en } from "~/locales/en";
import { sv, type Messages } from "~/locales/sv";

export const locales = ["sv", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "sv";
export type { Messages };

const messages: Record<Locale, Messages> = { sv, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function getMessages(locale: Locale = defaultLocale): Messages {
  return messages[locale];
}

/** Fills `{name}` placeholders: format("Hej {name}", { name: "Anna" }). */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
