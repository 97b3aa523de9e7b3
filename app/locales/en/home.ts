import type { Messages } from "../sv";

export const home: Messages["home"] = {
  title: "Working together for integration and social sustainability",
  intro:
    "Associations, the region, authorities, AB Eidar and the city work together in forums, register preventive initiatives and follow up the work against measurable indicators.",
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
