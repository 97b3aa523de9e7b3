/**
 * `redirectTo` accepts only same-site paths: a single leading slash, no scheme, no host, no
 * backslash tricks. Anything else falls back to `fallback` (no open redirect).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if ([...to].some((char) => char === "\\" || char.charCodeAt(0) < 0x20)) return fallback;
  try {
    // Resolving against a dummy origin must not change the origin.
    const url = new URL(to, "http://portal.invalid");
    if (url.origin !== "http://portal.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
