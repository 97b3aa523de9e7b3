/** The signed-in home and the portal's sections (forums, initiatives, reports, board, admin, account). */
export const pages = {
  common: {
    none: "–",
    yes: "Ja",
    no: "Nej",
    reportStatus: {
      notStarted: "Ej påbörjad",
      draft: "Utkast",
      submitted: "Inskickad, väntar på granskning",
      returned: "Återsänd för komplettering",
      accepted: "Godkänd",
    },
    periodStatus: { open: "Öppen", closed: "Stängd" },
    visibility: {
      open: "Öppet för alla partner",
      closed: "Alla läser, medlemmar skriver",
      private: "Endast för medlemmar",
    },
    organisationKind: {
      association: "Förening",
      region: "Region",
      authority: "Myndighet",
      housing_company: "Bostadsbolag",
      business: "Företag",
      faith_community: "Trossamfund",
      other: "Annan",
    },
    membershipRole: { admin: "Administratör", member: "Medlem" },
    platformRole: { coordinator: "Samordnare", board: "Ledamot i kommunstyrelsen" },
    partnerRole: "Partner",
  },
  home: {
    welcome: "Välkommen, {name}",
    actingFor: "Du företräder {org}.",
    noOrganisation: "Du företräder ingen partnerorganisation i portalen.",
    yourRoles: "Din roll i portalen",
    threads: {
      title: "Senaste trådarna i forumen",
      empty: "Det finns inga trådar i de forum du kan läsa ännu.",
      forum: "Forum",
      lastPost: "Senaste inlägg",
      posts: "Inlägg",
      link: "Alla forum",
    },
    initiatives: {
      title: "Er organisations insatser",
      count: "Registrerade insatser",
      link: "Till insatserna",
    },
    openReports: {
      title: "Uppföljning i öppna perioder",
      caption: "Rapporter för {org} i öppna perioder",
      empty: "Det finns ingen öppen rapporteringsperiod just nu.",
      link: "Till uppföljningen",
    },
    pendingOrganisations: {
      title: "Organisationer som väntar på godkännande",
      total: "Väntar totalt",
      empty: "Inga ansökningar väntar.",
      applied: "Ansökte",
      link: "Till administrationen",
    },
    awaitingReview: {
      title: "Rapporter som väntar på granskning",
      total: "Väntar totalt",
      empty: "Inga inskickade rapporter väntar på granskning.",
    },
    boardReports: {
      title: "Uppföljning till kommunstyrelsen",
      intro: "Den senaste inskickade och godkända uppföljningen från organisationer som rapporterar till kommunstyrelsen, till exempel AB Eidar.",
      empty: "Ingen uppföljning har skickats in till kommunstyrelsen ännu.",
      link: "Till styrelsens vy",
    },
  },
  table: {
    organisation: "Organisation",
    period: "Period",
    periodDates: "Omfattar",
    due: "Sista dag",
    status: "Status",
    submitted: "Inskickad",
    reviewed: "Granskad",
    kind: "Typ",
    applied: "Ansökte",
    title: "Rubrik",
  },
  reports: {
    title: "Uppföljning",
    introOrganisation:
      "Varje rapporteringsperiod lämnar organisationen en uppföljning av sitt arbete mot stadens nyckeltal. Här ser du status för {org}.",
    caption: "Uppföljning för {org}",
    introCoordinator:
      "Du företräder ingen organisation. Här ser du alla rapporter som har skickats in; granskningen finns under Administration.",
    captionAll: "Inskickade rapporter",
    empty: "Det finns inga rapporteringsperioder ännu.",
    emptyAll: "Inga rapporter har skickats in ännu.",
  },
  board: {
    title: "Styrelsens vy",
    intro:
      "Kommunstyrelsen tar emot uppföljningen av arbetet med integration och social hållbarhet från de organisationer som rapporterar till styrelsen, bland dem AB Eidar. Här visas inskickade och godkända rapporter.",
    caption: "Uppföljning till kommunstyrelsen",
    empty: "Ingen uppföljning har skickats in till kommunstyrelsen ännu.",
  },
  admin: {
    title: "Administration",
    intro: "Översikt för samordnare: ansökningar att ta ställning till, rapporter att granska och portalen i siffror.",
    overview: "Portalen i siffror",
    counts: {
      activeOrganisations: "Aktiva organisationer",
      pendingOrganisations: "Ansökningar som väntar",
      forums: "Forum",
      initiatives: "Insatser (ej utkast)",
      awaitingReview: "Rapporter som väntar på granskning",
    },
    pending: {
      title: "Ansökningar från organisationer",
      caption: "Organisationer som väntar på godkännande",
      empty: "Inga ansökningar väntar.",
    },
    review: {
      title: "Rapporter att granska",
      caption: "Inskickade rapporter som väntar på granskning",
      empty: "Inga inskickade rapporter väntar på granskning.",
    },
  },
  accessibility: {
    title: "Tillgänglighetsredogörelse",
    intro:
      "Trollhättans Stad står bakom Samverkansportalen. Vi vill att så många som möjligt ska kunna använda webbplatsen. Här beskriver vi hur Samverkansportalen uppfyller lagen om tillgänglighet till digital offentlig service, kända tillgänglighetsproblem och hur du kan rapportera brister till oss så att vi kan åtgärda dem.",
    statusTitle: "Hur tillgänglig är webbplatsen?",
    status:
      "Webbplatsen är byggd för att uppfylla WCAG 2.1 på nivå AA. Vi känner i dag inte till några brister mot kraven.",
    shortcomingsTitle: "Kända brister",
    shortcomings:
      "Vi känner inte till några brister just nu. Portalen är ny och byggs ut stegvis; nya delar testas innan de publiceras. Hittar du något som inte fungerar vill vi gärna veta det.",
    reportTitle: "Vad kan du göra om du inte kan använda delar av webbplatsen?",
    report:
      "Om du behöver innehåll från Samverkansportalen i ett annat format, eller om du upplever problem som vi inte har beskrivit här, kontakta oss så hjälper vi dig.",
    reportTitleProblems: "Rapportera brister i webbplatsens tillgänglighet",
    reportProblems:
      "Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte är beskrivna på den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns.",
    contactEmail: "E-post",
    contactPhone: "Telefon",
    supervisionTitle: "Tillsyn",
    supervision:
      "Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn av lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.",
    supervisionLink: "Anmäl till Digg (digg.se)",
    technicalTitle: "Teknisk information om webbplatsens tillgänglighet",
    technical:
      "Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service, så långt vi känner till.",
    testingTitle: "Hur vi testat webbplatsen",
    testing:
      "Vi har testat webbplatsen själva. Varje sida granskas automatiskt med verktyget axe mot kraven i WCAG 2.1 nivå A och AA i portalens automatiska tester, och vi testar manuellt att allt går att använda med enbart tangentbord och utan JavaScript.",
    madeTitle: "Om redogörelsen",
    made: "Redogörelsen upprättades den {date}.",
    madeDate: "2026-11-27",
  },
  contact: {
    title: "Kontakt",
    intro:
      "Har du frågor om Samverkansportalen, vill din organisation vara med eller behöver du hjälp att logga in? Kontakta samordnarna för integration och social hållbarhet.",
    detailsTitle: "Kontaktuppgifter",
    email: "E-post",
    emailAddress: "samverkan@trollhattan.se",
    phone: "Telefon",
    phoneNumber: "0520-49 50 00",
    phoneHref: "+46520495000",
    address: "Postadress",
    addressLines: ["Kommunstyrelsens förvaltning", "Trollhättans Stad", "461 83 Trollhättan"],
    responsible: "Ansvarig",
    responsibleName: "Kommunstyrelsens förvaltning, Trollhättans Stad",
    personalData:
      "Skicka inte känsliga personuppgifter med e-post. Behöver du lämna sådana uppgifter, ring oss så hittar vi ett säkert sätt.",
  },
};
