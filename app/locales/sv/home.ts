/** The public landing page and the public catalogue teaser. */
export const home = {
  title: "Samverkan för integration och social hållbarhet",
  intro:
    "Här samarbetar föreningar, regionen, myndigheter, AB Eidar och staden i forum, registrerar förebyggande insatser och följer upp arbetet mot mätbara nyckeltal.",
  backgroundTitle: "Varför portalen finns",
  background:
    "Kommunens revisorer granskade 2023 hur kommunstyrelsen styr och följer upp integrationsarbetet. De rekommenderade bland annat mätbara mål, att aktörer utanför staden ska vara med och bidra löpande och att kommunstyrelsen ska få en uppföljning av AB Eidars arbete. Portalen är stadens svar:",
  purposes: [
    "Forum där partner och staden samverkar kring trygghet, fritid, arbete och språk.",
    "Förebyggande insatser som ska nå så många invånare som möjligt – och en karta över var de når fram.",
    "Uppföljning mot mätbara nyckeltal, rapport för rapport.",
    "Kommunstyrelsen får AB Eidars uppföljning av arbetet med integration och social hållbarhet.",
  ],
  catalogueLink: "Hela katalogen över förebyggande insatser",
  signInText: "Företräder du en förening, myndighet eller annan partner, eller arbetar du i staden?",
  signInLink: "Till inloggningen",
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
