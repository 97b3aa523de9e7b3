/**
 * /board/summary/:periodId.pdf: the summary of /board/summary/:periodId as an A4 PDF to download.
 * Same guard as the page (board members once released, coordinators always, partners 403); the
 * page is rendered by headless Chromium as the requesting user (their cookies, with a session
 * refreshed by this request), so RLS applies
 * exactly as on the page, and printed with the print stylesheet (no navigation, no forms).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { periodSlug, requireSummaryViewer, summaryAccess } from "~/lib/board-summary.server";
import { getEnv } from "~/lib/env.server";
import { notFound, serviceUnavailable } from "~/lib/http.server";
import { renderPdf } from "~/lib/pdf.server";
import { currentCookieHeader, getSupabase } from "~/lib/supabase.server";

/**
 * Where Chromium loads the page: the request's own origin when it is the portal's (SITE_URL) or this
 * server on loopback; otherwise SITE_URL, so a forged Host header cannot point the browser elsewhere.
 */
function pageOrigin(request: Request): string {
  const own = new URL(request.url);
  const site = new URL(getEnv().SITE_URL);
  const loopback = own.hostname === "localhost" || own.hostname === "127.0.0.1" || own.hostname === "[::1]";
  const port = process.env.PORT ?? "3000";
  if (own.host === site.host || (loopback && (own.port || (own.protocol === "https:" ? "443" : "80")) === port)) return own.origin;
  return site.origin;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const started = Date.now();
  const viewer = await requireSummaryViewer(request, context);
  const access = await summaryAccess(getSupabase(request, context), viewer, params.periodId ?? "");
  // Not released yet is a 404 for the board, as on the page.
  if (!access.ok) notFound();
  const checked = Date.now();
  let pdf: Buffer;
  try {
    pdf = await renderPdf(`${pageOrigin(request)}/board/summary/${access.period.id}`, currentCookieHeader(request, context), {
      locale: request.headers.get("Accept-Language")?.startsWith("en") ? "en-GB" : "sv-SE",
    });
  } catch (error) {
    console.error(`PDF of the board summary ${access.period.id} failed:`, error);
    serviceUnavailable();
  }
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="sammanstallning-${periodSlug(access.period.name)}.pdf"`,
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
      "Server-Timing": `access;dur=${checked - started}, render;dur=${Date.now() - checked}`,
    },
  });
}
