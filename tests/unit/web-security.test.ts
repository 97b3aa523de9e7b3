/** The portal's security headers and its cross-site (CSRF) check (server/security.ts). */
import { describe, expect, it } from "vitest";
import { isCrossSiteMutation, securityHeaders } from "../../server/security.ts";

describe("security headers", () => {
  const headers = securityHeaders({ nonce: "abc123", production: false });
  const csp = Object.fromEntries(
    (headers["Content-Security-Policy"] ?? "").split("; ").map((directive) => {
      const [name, ...values] = directive.split(" ");
      return [name, values];
    }),
  );

  it("scripts run only from the portal itself or with this request's nonce, never inline", () => {
    expect(csp["script-src"]).toEqual(["'self'", "'nonce-abc123'"]);
    expect(headers["Content-Security-Policy"]).not.toContain("unsafe-inline");
    expect(headers["Content-Security-Policy"]).not.toContain("unsafe-eval");
  });

  it("no page can be framed, no plug-ins, no foreign base or form target", () => {
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(headers["X-Frame-Options"]).toBe("DENY");
  });

  it("no sniffing, a strict referrer policy", () => {
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("HSTS in production only (a developer's http://localhost is never pinned)", () => {
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ nonce: "x", production: true })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("cross-site mutations", () => {
  const own = "https://samverkan.trollhattan.se";
  const check = (facts: Partial<Parameters<typeof isCrossSiteMutation>[0]>) =>
    isCrossSiteMutation({ method: "POST", ownOrigin: own, origin: undefined, secFetchSite: undefined, ...facts });

  it("a POST from the portal's own pages passes", () => {
    expect(check({ origin: own, secFetchSite: "same-origin" })).toBe(false);
  });

  it("a POST from another site, a sibling subdomain or an opaque origin is refused", () => {
    expect(check({ origin: "https://evil.example" })).toBe(true);
    expect(check({ origin: "https://evil.example", secFetchSite: "cross-site" })).toBe(true);
    expect(check({ origin: "https://annat.trollhattan.se", secFetchSite: "same-site" })).toBe(true);
    expect(check({ origin: "null" })).toBe(true);
    // The foreign site cannot hide its Origin from a browser's Sec-Fetch-Site.
    expect(check({ secFetchSite: "cross-site" })).toBe(true);
  });

  it("the same host over another scheme or port is another origin", () => {
    expect(check({ origin: "http://samverkan.trollhattan.se" })).toBe(true);
    expect(check({ origin: "https://samverkan.trollhattan.se:8443" })).toBe(true);
  });

  it("the configured site address is trusted too (behind a proxy the Host may differ)", () => {
    expect(check({ ownOrigin: "http://127.0.0.1:3000", origin: own, trustedOrigins: [own] })).toBe(false);
  });

  it("reading is never blocked, whatever the origin; every other method is checked", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(check({ method, origin: "https://evil.example", secFetchSite: "cross-site" })).toBe(false);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) expect(check({ method, origin: "https://evil.example" })).toBe(true);
  });

  it("a request with neither header (not a browser page: a script, curl) goes on to the usual checks", () => {
    expect(check({})).toBe(false);
  });
});
