/**
 * Every string the interface shows, in Swedish (the default) and English. Components take their
 * words from here, never inline, so a translation is one place to change.
 */
export const locales = ["sv", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "sv";

const sv = {
  cityName: "Trollhättans Stad",
  portalName: "Samverkansportalen",
  skipToContent: "Hoppa till innehållet",
  homeTitle: "Samverkan för integration och social hållbarhet",
  homeIntro:
    "Här samarbetar föreningar, regionen, myndigheter, AB Eidar och staden i forum, registrerar förebyggande insatser och följer upp arbetet mot mätbara nyckeltal.",
  publicInitiatives: "Förebyggande insatser",
  noInitiatives: "Inga publicerade insatser ännu.",
  initiativesUnavailable: "Insatserna kan inte visas just nu. Försök igen om en stund.",
  organiser: "Arrangör",
  districts: "Områden",
  status: "Status",
  footer: "Samverkansportalen drivs av Trollhättans Stad.",
  errorTitle: "Något gick fel",
  errorBody: "Sidan kunde inte visas. Försök igen om en stund.",
  notFoundTitle: "Sidan finns inte",
  notFoundBody: "Kontrollera adressen eller gå till startsidan.",
  toStart: "Till startsidan",
  initiativeStatus: {
    draft: "Utkast",
    planned: "Planerad",
    ongoing: "Pågående",
    completed: "Avslutad",
    paused: "Pausad",
    cancelled: "Inställd",
  },
};

export type Messages = typeof sv;

const en: Messages = {
  cityName: "City of Trollhättan",
  portalName: "Samverkansportalen",
  skipToContent: "Skip to content",
  homeTitle: "Working together for integration and social sustainability",
  homeIntro:
    "Associations, the region, authorities, AB Eidar and the city work together in forums, register preventive initiatives and follow up the work against measurable indicators.",
  publicInitiatives: "Preventive initiatives",
  noInitiatives: "No published initiatives yet.",
  initiativesUnavailable: "The initiatives cannot be shown right now. Please try again shortly.",
  organiser: "Organiser",
  districts: "Districts",
  status: "Status",
  footer: "Samverkansportalen is run by the City of Trollhättan.",
  errorTitle: "Something went wrong",
  errorBody: "The page could not be shown. Please try again shortly.",
  notFoundTitle: "Page not found",
  notFoundBody: "Check the address or go to the start page.",
  toStart: "To the start page",
  initiativeStatus: {
    draft: "Draft",
    planned: "Planned",
    ongoing: "Ongoing",
    completed: "Completed",
    paused: "Paused",
    cancelled: "Cancelled",
  },
};

const messages: Record<Locale, Messages> = { sv, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function getMessages(locale: Locale = defaultLocale): Messages {
  return messages[locale];
}
