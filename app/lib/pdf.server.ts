/**
 * Pages as PDF, with headless Chromium through playwright-core: one browser, launched on the first
 * request and reused (a new, isolated context per PDF), closed when the process exits. The page is
 * loaded from the portal itself with the requesting user's cookies, so the same guards and RLS
 * apply as when the user opens the page. JavaScript is off in that context: the pages are rendered
 * on the server (charts are SVG), which makes the PDF faster and the browser's surface smaller.
 *
 * The browser binary is CHROMIUM_PATH (default /usr/bin/chromium, Debian's Chromium).
 */
import { chromium, type Browser } from "playwright-core";
import { getEnv } from "./env.server";

const NAVIGATION_TIMEOUT_MS = 15_000;

let launching: Promise<Browser> | null = null;
let exitHookAdded = false;

function chromiumPath(): string {
  return getEnv().CHROMIUM_PATH;
}

/** The shared browser; launched lazily, launched again if it went away. */
function getBrowser(): Promise<Browser> {
  if (!launching) {
    launching = chromium
      .launch({
        executablePath: chromiumPath(),
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        // The server decides when to stop; playwright-core kills the browser when the process exits.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      })
      .then((browser) => {
        browser.on("disconnected", () => {
          launching = null;
        });
        return browser;
      })
      .catch((error: unknown) => {
        launching = null;
        throw error;
      });
    if (!exitHookAdded) {
      exitHookAdded = true;
      process.once("beforeExit", () => void closeBrowser());
    }
  }
  return launching;
}

/**
 * Starts the browser in the background (pages that offer a PDF call this), so the PDF itself does
 * not wait for Chromium to start. Failing here is harmless: the PDF request tries again.
 */
export function warmUpPdf(): void {
  getBrowser().catch(() => undefined);
}

/** Closes the shared browser (the next PDF launches a new one). */
export async function closeBrowser(): Promise<void> {
  const pending = launching;
  launching = null;
  if (!pending) return;
  try {
    await (await pending).close();
  } catch {
    // Already gone.
  }
}

/** "a=1; b=2" → cookies for `origin` (names and values as sent; nothing else is copied). */
export function cookiesFor(cookieHeader: string | null, origin: string): { name: string; value: string; url: string }[] {
  if (!cookieHeader) return [];
  return cookieHeader
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part.includes("="))
    .map((part) => {
      const at = part.indexOf("=");
      return { name: part.slice(0, at).trim(), value: part.slice(at + 1).trim(), url: origin };
    })
    .filter((cookie) => cookie.name !== "");
}

export class PdfRenderError extends Error {}

/**
 * Renders `url` (a page of the portal) as an A4 PDF, as the user whose Cookie header is given.
 * Throws PdfRenderError when the page does not answer 200.
 */
export async function renderPdf(url: string, cookieHeader: string | null, options: { locale?: string } = {}): Promise<Buffer> {
  const browser = await getBrowser();
  const target = new URL(url);
  const context = await browser.newContext({ javaScriptEnabled: false, locale: options.locale ?? "sv-SE" });
  try {
    const cookies = cookiesFor(cookieHeader, target.origin);
    if (cookies.length) await context.addCookies(cookies);
    const page = await context.newPage();
    const response = await page.goto(target.href, { waitUntil: "load", timeout: NAVIGATION_TIMEOUT_MS });
    if (!response || response.status() !== 200) throw new PdfRenderError(`The page answered ${response?.status() ?? "nothing"}`);
    await page.emulateMedia({ media: "print" });
    return await page.pdf({ format: "A4", printBackground: true, margin: { top: "15mm", bottom: "15mm", left: "15mm", right: "15mm" } });
  } finally {
    await context.close().catch(() => undefined);
  }
}
