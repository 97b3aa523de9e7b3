/**
 * Server rendering with the Content-Security-Policy nonce on every inline script (see
 * server/index.ts).
 *
 * The document is rendered whole and sent in one piece with its length. No route defers data
 * (every loader returns everything before rendering), so streaming would only split the same bytes
 * into many small writes through two stream adapters and the compressor — measurable CPU on every
 * request (issue 10) for no earlier first byte.
 *
 * It must still be React's streaming renderer, waited on until everything is ready: with single
 * fetch, Remix sends the loader data for hydration from inside a Suspense boundary, which
 * `renderToString` leaves out — the browser would then wait for that data forever and never
 * hydrate.
 */
import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { registerAllMessages } from "./lib/messages.server";

// The server renders pages in either language: both dictionaries (the browser loads only one).
registerAllMessages();

/** Rendering never waits on data (see above); this only bounds a render that hangs. */
const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    // Bounds a render that hangs (`abort` is assigned below, before this can fire).
    const timer = setTimeout(() => abort(), ABORT_DELAY);
    const document = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
        done();
      },
      final(done) {
        clearTimeout(timer);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        // React writes the doctype itself when the root is <html>.
        resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          pipe(document);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          console.error(error);
        },
      },
    );
  });
}
