/** The frame around every page: header, navigation, footer, switchers. */
export const shell = {
  cityName: "Trollhättans Stad",
  portalName: "Samverkansportalen",
  skipToContent: "Hoppa till innehållet",
  mainNavigation: "Huvudmeny",
  nav: {
    home: "Start",
    forums: "Forum",
    initiatives: "Insatser",
    organisations: "Organisationer",
    reports: "Uppföljning",
    board: "Styrelsens vy",
    admin: "Administration",
    account: "Mitt konto",
  },
  signIn: "Logga in",
  signOut: "Logga ut",
  signedInAs: "Inloggad som",
  organisation: {
    label: "Organisation",
    switchLabel: "Byt organisation",
    switchButton: "Byt",
    none: "Ingen organisation",
  },
  language: {
    label: "Språk",
    switchTo: "In English",
    button: "Byt språk",
  },
  footer: {
    runBy: "Samverkansportalen drivs av Trollhättans Stad.",
    accessibility: "Tillgänglighetsredogörelse",
    contact: "Kontakt",
    contactText: "Frågor om portalen: samverkan@trollhattan.se, 0520-49 50 00",
  },
};
