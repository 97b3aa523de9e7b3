import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/lib/redirect";

describe("safeRedirect", () => {
  it.each([
    ["/reports", "/reports"],
    ["/reports?period=2&x=1#top", "/reports?period=2&x=1#top"],
    ["/forums/trygghet/threads/1", "/forums/trygghet/threads/1"],
    ["/a/../b", "/b"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\tevil",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("refuses %s", (input) => {
    expect(safeRedirect(input)).toBe("/");
    expect(safeRedirect(input, "/login")).toBe("/login");
  });

  it("refuses what is not a string", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
  });
});
