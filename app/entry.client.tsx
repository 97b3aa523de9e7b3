/**
 * Browser entry: loads the dictionary of the page's language (the server wrote it into
 * <html lang>), then hydrates. Only that language is downloaded (issue 10); see app/lib/i18n.ts.
 *
 * If the dictionary cannot be loaded (offline, a deploy replaced the chunk), the page is not
 * hydrated: it stays the server-rendered document, whose links and forms work without JavaScript,
 * rather than rendering with missing words.
 */
import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { isLocale, loadMessages } from "./lib/i18n";

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
}

const lang = document.documentElement.lang;
if (isLocale(lang)) {
  loadMessages(lang).then(hydrate, (error: unknown) => {
    console.error("Could not load the page's words; the page works without JavaScript.", error);
  });
} else {
  console.error(`Unknown page language "${lang}"; the page works without JavaScript.`);
}
