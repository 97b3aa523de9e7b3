/**
 * Which parts of the portal a person may use, from their roles (DESIGN.md "Who uses it"). The
 * navigation shows exactly these; each route's guard enforces the same rule on the server.
 */
export type Section = "home" | "forums" | "initiatives" | "organisations" | "reports" | "board" | "admin" | "account";

export interface NavigationSubject {
  roles: readonly string[];
  memberships: readonly unknown[];
}

export const sectionPaths: Record<Section, string> = {
  home: "/",
  forums: "/forums",
  initiatives: "/initiatives",
  organisations: "/organisations",
  reports: "/reports",
  board: "/board",
  admin: "/admin",
  account: "/account",
};

export function sectionsFor(user: NavigationSubject | null): Section[] {
  if (!user) return ["home", "initiatives"];
  const isCoordinator = user.roles.includes("coordinator");
  const isBoard = user.roles.includes("board");
  const isPartner = user.memberships.length > 0;
  const sections: Section[] = ["home"];
  if (isPartner || isCoordinator) sections.push("forums");
  sections.push("initiatives");
  if (isPartner || isCoordinator) sections.push("organisations", "reports");
  // Coordinators prepare what the board reads, so they see the board's view too.
  if (isBoard || isCoordinator) sections.push("board");
  if (isCoordinator) sections.push("admin");
  sections.push("account");
  return sections;
}
