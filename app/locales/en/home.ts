import type { Messages } from "../sv";

export const home: Messages["home"] = {
  title: "Working together for integration and social sustainability",
  intro:
    "Associations, the region, authorities, AB Eidar and the city work together in forums, register preventive initiatives and follow up the work against measurable indicators.",
  backgroundTitle: "Why the portal exists",
  background:
    "In 2023 the municipal auditors reviewed how the municipal executive board steers and follows up the integration work. Among other things they recommended measurable goals, that actors outside the city take part and contribute continuously, and that the board receives a follow-up of AB Eidar's work. The portal is the city's answer:",
  purposes: [
    "Forums where partners and the city work together on safety, leisure, work and language.",
    "Preventive initiatives that reach as many residents as possible – and a picture of where they do.",
    "Follow-up against measurable indicators, report by report.",
    "The municipal executive board receives AB Eidar's follow-up of its work on integration and social sustainability.",
  ],
  catalogueLink: "The full catalogue of preventive initiatives",
  signInText: "Do you represent an association, an authority or another partner, or do you work for the city?",
  signInLink: "Go to sign-in",
  publicInitiatives: "Preventive initiatives",
  noInitiatives: "No published initiatives yet.",
  initiativesUnavailable: "The initiatives cannot be shown right now. Please try again shortly.",
  organiser: "Organiser",
  districts: "Districts",
  status: "Status",
  initiativeStatus: {
    draft: "Draft",
    planned: "Planned",
    ongoing: "Ongoing",
    completed: "Completed",
    paused: "Paused",
    cancelled: "Cancelled",
  },
};
