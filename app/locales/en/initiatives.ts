import type { Messages } from "../sv";

/** initiatives: the catalogue, an initiative's page, its register form and the reach view. */
export const initiatives: Messages["initiatives"] = {
  status: {
    draft: "Draft",
    planned: "Planned",
    ongoing: "Ongoing",
    completed: "Completed",
    paused: "Paused",
    cancelled: "Cancelled",
  },
  targetGroups: {
    barn: "Children",
    unga: "Young people",
    unga_vuxna: "Young adults",
    kvinnor: "Women",
    nyanlanda: "Newly arrived",
    foraldrar: "Parents",
    aldre: "Older people",
    arbetssokande: "Job seekers",
    funktionsnedsattning: "People with disabilities",
    alla: "All residents",
  },
  focusAreas: {
    arbete: "Work and employment",
    sprak: "Language",
    utbildning: "Education",
    halsa: "Health",
    trygghet: "Safety",
    boende: "Housing",
    fritid_kultur: "Leisure and culture",
    delaktighet: "Participation and democracy",
    samhallsorientering: "Civic orientation",
    foraldraskap: "Parenting",
  },
};
