import { describe, expect, it } from "vitest";
import { sectionPaths, sectionsFor } from "../../app/lib/navigation.ts";

const membership = { orgId: "org", orgName: "Kronogårdens kulturförening", role: "member" };

describe("sectionsFor", () => {
  it("offers anonymous visitors the start page and the public catalogue only", () => {
    expect(sectionsFor(null)).toEqual(["home", "initiatives"]);
  });

  it("gives partners forums, initiatives, organisations, follow-up and their account", () => {
    expect(sectionsFor({ roles: [], memberships: [membership] })).toEqual(["home", "forums", "initiatives", "organisations", "reports", "account"]);
  });

  it("gives coordinators the partner sections, the board's view and administration, without a membership", () => {
    expect(sectionsFor({ roles: ["coordinator"], memberships: [] })).toEqual(["home", "forums", "initiatives", "organisations", "reports", "board", "admin", "account"]);
  });

  it("gives board members the board's view and no forums or follow-up of their own", () => {
    expect(sectionsFor({ roles: ["board"], memberships: [] })).toEqual(["home", "initiatives", "board", "account"]);
  });

  it("combines roles without duplicates, in a fixed order", () => {
    expect(sectionsFor({ roles: ["board", "coordinator"], memberships: [membership, membership] })).toEqual([
      "home",
      "forums",
      "initiatives",
      "organisations",
      "reports",
      "board",
      "admin",
      "account",
    ]);
  });

  it("gives a signed-in person without roles or memberships only the public parts and their account", () => {
    expect(sectionsFor({ roles: [], memberships: [] })).toEqual(["home", "initiatives", "account"]);
  });

  it("has a path for every section", () => {
    for (const section of sectionsFor({ roles: ["board", "coordinator"], memberships: [membership] })) {
      expect(sectionPaths[section]).toMatch(/^\//);
    }
    expect(sectionPaths.home).toBe("/");
  });
});
