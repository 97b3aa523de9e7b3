import type { LoaderFunctionArgs } from "@remix-run/node";
import { collectMyData } from "~/lib/account.server";
import { requireUser } from "~/lib/auth.server";
import { getSupabase } from "~/lib/supabase.server";

/**
 * GET /account/data.json ("Ladda ner mina uppgifter"): everything the portal holds about the
 * signed-in person, as a JSON file to save. Read with the person's own session (RLS applies).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const body = await collectMyData(getSupabase(request, context), user);
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="mina-uppgifter.json"',
      // Personal data: never kept by a shared cache or the browser's cache.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
