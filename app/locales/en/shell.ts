import type { Messages } from "../sv";

export const shell: Messages["shell"] = {
  cityName: "City of Trollhättan",
  portalName: "Samverkansportalen",
  skipToContent: "Skip to content",
  mainNavigation: "Main menu",
  nav: {
    home: "Home",
    forums: "Forums",
    initiatives: "Initiatives",
    organisations: "Organisations",
    reports: "Follow-up",
    board: "Board view",
    admin: "Administration",
    account: "My account",
  },
  pagination: {
    label: "Pages",
    previous: "Previous page",
    next: "Next page",
    pageOf: "Page {page} of {pages}",
    page: "Page {page}",
    first: "First page",
    last: "Last page",
  },
  signIn: "Sign in",
  signOut: "Sign out",
  signedInAs: "Signed in as",
  organisation: {
    label: "Organisation",
    switchLabel: "Switch organisation",
    switchButton: "Switch",
    none: "No organisation",
  },
  language: {
    label: "Language",
    switchTo: "På svenska",
    button: "Change language",
  },
  footer: {
    runBy: "Samverkansportalen is run by the City of Trollhättan.",
    accessibility: "Accessibility statement",
    contact: "Contact",
    contactText: "Questions about the portal: samverkan@trollhattan.se, +46 520-49 50 00",
  },
};
