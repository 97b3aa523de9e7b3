import type { Messages } from "../sv";

export const pages: Messages["pages"] = {
  common: {
    none: "–",
    yes: "Yes",
    no: "No",
    reportStatus: {
      notStarted: "Not started",
      draft: "Draft",
      submitted: "Submitted, awaiting review",
      returned: "Returned for completion",
      accepted: "Accepted",
    },
    periodStatus: { open: "Open", closed: "Closed" },
    visibility: {
      open: "Open to all partners",
      closed: "Everyone reads, members write",
      private: "Members only",
    },
    organisationKind: {
      association: "Association",
      region: "Region",
      authority: "Public authority",
      housing_company: "Housing company",
      business: "Business",
      faith_community: "Faith community",
      other: "Other",
    },
    membershipRole: { admin: "Administrator", member: "Member" },
    platformRole: { coordinator: "Coordinator", board: "Member of the municipal executive board" },
    partnerRole: "Partner",
  },
  home: {
    welcome: "Welcome, {name}",
    actingFor: "You act for {org}.",
    noOrganisation: "You do not act for a partner organisation in the portal.",
    yourRoles: "Your role in the portal",
    threads: {
      title: "Latest forum threads",
      empty: "There are no threads yet in the forums you can read.",
      forum: "Forum",
      lastPost: "Latest post",
      posts: "Posts",
      link: "All forums",
    },
    initiatives: {
      title: "Your organisation's initiatives",
      count: "Registered initiatives",
      link: "Go to initiatives",
    },
    openReports: {
      title: "Follow-up in open periods",
      caption: "Reports of {org} in open periods",
      empty: "There is no open reporting period right now.",
      link: "Go to follow-up",
    },
    pendingOrganisations: {
      title: "Organisations awaiting approval",
      total: "Waiting in total",
      empty: "No applications are waiting.",
      applied: "Applied",
      link: "Go to administration",
    },
    awaitingReview: {
      title: "Reports awaiting review",
      total: "Waiting in total",
      empty: "No submitted reports are awaiting review.",
    },
    boardReports: {
      title: "Follow-up for the municipal executive board",
      intro: "The latest submitted and accepted follow-up from organisations that report to the municipal executive board, such as AB Eidar.",
      empty: "No follow-up has been submitted to the municipal executive board yet.",
      link: "Go to the board's view",
    },
  },
  table: {
    organisation: "Organisation",
    period: "Period",
    periodDates: "Covers",
    due: "Due",
    status: "Status",
    submitted: "Submitted",
    reviewed: "Reviewed",
    kind: "Kind",
    applied: "Applied",
    title: "Title",
  },
  reports: {
    title: "Follow-up",
    introOrganisation:
      "For every reporting period the organisation submits a follow-up of its work against the city's indicators. Here you see the status for {org}.",
    caption: "Follow-up for {org}",
    introCoordinator:
      "You do not act for an organisation. Here you see every report that has been submitted; reviewing them is under Administration.",
    captionAll: "Submitted reports",
    empty: "There are no reporting periods yet.",
    emptyAll: "No reports have been submitted yet.",
  },
  board: {
    title: "The board's view",
    intro:
      "The municipal executive board receives the follow-up of the work on integration and social sustainability from the organisations that report to the board, among them AB Eidar. Submitted and accepted reports are shown here.",
    caption: "Follow-up for the municipal executive board",
    empty: "No follow-up has been submitted to the municipal executive board yet.",
  },
  admin: {
    title: "Administration",
    intro: "An overview for coordinators: applications to decide on, reports to review and the portal in figures.",
    overview: "The portal in figures",
    counts: {
      activeOrganisations: "Active organisations",
      pendingOrganisations: "Applications waiting",
      forums: "Forums",
      initiatives: "Initiatives (not drafts)",
      awaitingReview: "Reports awaiting review",
    },
    pending: {
      title: "Applications from organisations",
      caption: "Organisations awaiting approval",
      empty: "No applications are waiting.",
    },
    review: {
      title: "Reports to review",
      caption: "Submitted reports awaiting review",
      empty: "No submitted reports are awaiting review.",
    },
  },
  accessibility: {
    title: "Accessibility statement",
    intro:
      "Trollhättans Stad (the City of Trollhättan) is responsible for Samverkansportalen. We want as many people as possible to be able to use the website. This page describes how Samverkansportalen complies with the Swedish act on accessibility to digital public services, any known accessibility issues and how you can report problems to us so that we can fix them.",
    statusTitle: "How accessible is the website?",
    status: "The website is built to meet WCAG 2.1 at level AA. We currently know of no shortcomings against the requirements.",
    shortcomingsTitle: "Known shortcomings",
    shortcomings:
      "We know of no shortcomings at present. The portal is new and is being extended step by step; new parts are tested before they are published. If you find something that does not work, we would like to hear about it.",
    reportTitle: "What can you do if you cannot use parts of the website?",
    report:
      "If you need content from Samverkansportalen in another format, or if you experience problems we have not described here, contact us and we will help you.",
    reportTitleProblems: "Report accessibility problems with the website",
    reportProblems:
      "We are always working to improve accessibility. If you find problems that are not described on this page, or if you think we do not meet the requirements of the law, let us know so that we learn about the problem.",
    contactEmail: "E-mail",
    contactPhone: "Phone",
    supervisionTitle: "Enforcement",
    supervision:
      "The Agency for Digital Government (Digg) is responsible for enforcing the act on accessibility to digital public services. If you are not satisfied with how we handle your comments, you can contact Digg and tell them.",
    supervisionLink: "Report to Digg (digg.se, in Swedish)",
    technicalTitle: "Technical information about the website's accessibility",
    technical: "As far as we know, the website fully complies with the act on accessibility to digital public services.",
    testingTitle: "How we tested the website",
    testing:
      "We have tested the website ourselves. Every page is checked automatically with the axe tool against the requirements of WCAG 2.1 levels A and AA in the portal's automated tests, and we test manually that everything can be used with the keyboard alone and without JavaScript.",
    madeTitle: "About this statement",
    made: "This statement was made on {date}.",
    madeDate: "2026-11-27",
  },
  contact: {
    title: "Contact",
    intro:
      "Do you have questions about Samverkansportalen, would your organisation like to join, or do you need help signing in? Contact the coordinators for integration and social sustainability.",
    detailsTitle: "Contact details",
    email: "E-mail",
    emailAddress: "samverkan@trollhattan.se",
    phone: "Phone",
    phoneNumber: "+46 520-49 50 00",
    phoneHref: "+46520495000",
    address: "Postal address",
    addressLines: ["Kommunstyrelsens förvaltning", "Trollhättans Stad", "461 83 Trollhättan", "Sweden"],
    responsible: "Responsible",
    responsibleName: "The municipal executive board's administration, Trollhättans Stad",
    personalData:
      "Please do not send sensitive personal data by e-mail. If you need to give us such information, call us and we will find a safe way.",
  },
};
