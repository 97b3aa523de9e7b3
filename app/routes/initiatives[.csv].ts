/**
 * /initiatives.csv: the public initiatives as open data (CC0), for Excel: UTF-8 with a byte-order
 * mark, semicolon-separated, lists joined with "|", cells a spreadsheet would run as a formula
 * neutralised. Always read anonymously (the public set, whoever asks); the catalogue's filters
 * apply. Streamed in batches of 1,000 rows. Fields: /initiatives/data.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { BOM, csvLine } from "~/lib/csv";
import { getEnv } from "~/lib/env.server";
import {
  OPEN_DATA_FIELDS,
  openDataBatches,
  openDataCells,
} from "~/lib/initiatives.server";
import { parseInitiativeFilters } from "~/lib/schemas/initiative-filters";
import { getAnonClient } from "~/lib/supabase.server";

const OPEN_DATA_CACHE = "public, max-age=300";

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseInitiativeFilters(new URL(request.url).searchParams);
  if (!parsed.ok) {
    const lines = Object.entries(parsed.errors).map(
      ([field, key]) => `${field}: ${key}`
    );
    return new Response(`Bad filter\n${lines.join("\n")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const batches = openDataBatches(
    getAnonClient(),
    parsed.filters,
    getEnv().SITE_URL
  );
  // The first batch is read before answering, so an unreachable database is a 503, not a cut file.
  const first = await batches.next();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let head = BOM + csvLine([...OPEN_DATA_FIELDS], ";");
      if (!first.done)
        head += first.value
          .map((record) => csvLine(openDataCells(record), ";"))
          .join("");
      controller.enqueue(encoder.encode(head));
      if (first.done) controller.close();
    },
    async pull(controller) {
      if (first.done) return;
      const next = await batches.next();
      if (next.done) controller.close();
      else
        controller.enqueue(
          encoder.encode(
            next.value
              .map((record) => csvLine(openDataCells(record), ";"))
              .join("")
          )
        );
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="insatser-trollhattan.csv"',
      "Cache-Control": OPEN_DATA_CACHE,
    },
  });
}
