/** The public landing page and the public catalogue teaser. */
export const home = {
  title: "Samverkan för integration och social hållbarhet",
  intro:
    "Här samarbetar föreningar, regionen, myndigheter, AB Eidar och staden i forum, registrerar förebyggande insatser och följer upp arbetet mot mätbara nyckeltal.",
  publicInitiatives: "Förebyggande insatser",
  noInitiatives: "Inga publicerade insatser ännu.",
  initiativesUnavailable: "Insatserna kan inte visas just nu. Försök igen om en stund.",
  organiser: "Arrangör",
  districts: "Områden",
  status: "Status",
  initiativeStatus: {
    draft: "Utkast",
    planned: "Planerad",
    ongoing: "Pågående",
    completed: "Avslutad",
    paused: "Pausad",
    cancelled: "Inställd",
  },
};
