/**
 * The portal's web-security rules, kept apart from the Express wiring so they can be tested alone:
 * the response headers (a CSP whose scripts need the per-request nonce, no framing, no sniffing,
 * HSTS in production) and the cross-site check every state-changing request passes first.
 */

export interface HeaderOptions {
  nonce: string;
  /** Production serves over HTTPS only (behind the city's proxy): tell browsers to stay on it. */
  production: boolean;
}

export function securityHeaders({ nonce, production }: HeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": [
      "default-src 'self'",
      // No 'unsafe-inline': Remix's inline scripts carry the nonce, nothing else runs.
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  // Two years, as the HSTS preload list asks; only in production, so a developer's
  // http://localhost is never pinned to HTTPS.
  if (production) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface RequestFacts {
  method: string;
  /** The origin this request was addressed to, e.g. https://samverkan.trollhattan.se. */
  ownOrigin: string;
  /** Other origins that may post here (SITE_URL when it differs from the Host, e.g. behind a proxy). */
  trustedOrigins?: readonly string[];
  origin: string | undefined;
  secFetchSite: string | undefined;
}

/**
 * Whether a state-changing request comes from another site (cross-site request forgery). Browsers
 * send `Origin` with every POST and `Sec-Fetch-Site` with every request; a request with neither is
 * not from a browser page (a script or curl) and cannot carry a victim's intent, so it passes to
 * the usual checks. A present, foreign or "null" Origin is refused.
 */
export function isCrossSiteMutation({ method, ownOrigin, trustedOrigins = [], origin, secFetchSite }: RequestFacts): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (secFetchSite === "cross-site" || secFetchSite === "same-site") return true;
  if (origin === undefined) return false;
  return origin !== ownOrigin && !trustedOrigins.includes(origin);
}
