/**
 * Server rendering with the Content-Security-Policy nonce on every inline script (see
 * server/index.ts).
 *
 * The document is rendered to one string and sent in one piece with its length. No route defers
 * data (every loader returns everything before rendering), so streaming would only split the same
 * bytes into many small writes through two stream adapters and the compressor — measurable CPU on
 * every request (issue 10) for no earlier first byte. If a route ever uses `defer`, this must go
 * back to `renderToPipeableStream`.
 */
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceProvider } from "./components/nonce";

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const html =
    "<!DOCTYPE html>" +
    renderToString(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
    );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(html, { headers: responseHeaders, status: responseStatusCode });
}
