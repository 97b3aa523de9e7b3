/**
 * /initiatives.json: the public initiatives as open data (CC0): { generated_at, license, fields,
 * initiatives }. Always read anonymously (the public set, whoever asks); the catalogue's filters
 * apply. Streamed in batches of 1,000 rows. Fields: /initiatives/data.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";
import {
  OPEN_DATA_FIELDS,
  openDataBatches,
} from "~/lib/initiatives.server";
import { parseInitiativeFilters } from "~/lib/schemas/initiative-filters";
import { getAnonClient } from "~/lib/supabase.server";

const OPEN_DATA_LICENSE = "CC0 1.0";

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseInitiativeFilters(new URL(request.url).searchParams);
  if (!parsed.ok) {
    return new Response(
      JSON.stringify({ error: "bad filter", fields: parsed.errors }),
      {
        status: 400,
        headers: { "Content-Type": "application/json; charset=utf-8" },
      }
    );
  }
  const batches = openDataBatches(
    getAnonClient(),
    parsed.filters,
    getEnv().SITE_URL
  );
  const first = await batches.next();
  const encoder = new TextEncoder();
  const head = `{"generated_at":${JSON.stringify(
    new Date().toISOString()
  )},"license":${JSON.stringify(OPEN_DATA_LICENSE)},"fields":${JSON.stringify(
    OPEN_DATA_FIELDS
  )},"initiatives":[`;
  let written = 0;
  const records = (batch: unknown[]) =>
    batch
      .map((record) => {
        const text = `${written === 0 ? "" : ","}\n${JSON.stringify(record)}`;
        written += 1;
        return text;
      })
      .join("");
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        encoder.encode(head + (first.done ? "" : records(first.value)))
      );
      if (first.done) {
        controller.enqueue(encoder.encode("]}\n"));
        controller.close();
      }
    },
    async pull(controller) {
      if (first.done) return;
      const next = await batches.next();
      if (next.done) {
        controller.enqueue(encoder.encode("\n]}\n"));
        controller.close();
      } else controller.enqueue(encoder.encode(records(next.value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
