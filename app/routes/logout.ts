import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getSupabase } from "~/lib/supabase.server";

/** POST /logout: ends the session on the auth server too, and clears the session cookies. */
export async function action({ request, context }: ActionFunctionArgs) {
  await getSupabase(request, context).auth.signOut({ scope: "local" });
  return redirect("/");
}

/** A GET must not sign anyone out (a link or an image could do it); it goes home. */
export function loader() {
  return redirect("/");
}
