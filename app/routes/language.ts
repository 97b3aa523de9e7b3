import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getCurrentUser } from "~/lib/auth.server";
import { isLocale } from "~/lib/i18n";
import { rememberLocale } from "~/lib/preferences.server";
import { safeRedirect } from "~/lib/redirect";
import { getSupabase } from "~/lib/supabase.server";

/** POST /language: keeps the chosen language in a cookie and, when signed in, in the profile. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const back = safeRedirect(form.get("redirectTo"));
  // The switcher only offers the portal's languages: anything else was not sent by it.
  if (!isLocale(locale)) throw data({ reason: "bad-request" }, { status: 400 });
  await rememberLocale(context, locale);
  const user = await getCurrentUser(request, context);
  if (user) {
    // The cookie already carries the choice; a failed profile update only loses it on other devices.
    await getSupabase(request, context).from("profiles").update({ locale }).eq("id", user.id);
  }
  return redirect(back);
}

export function loader() {
  return redirect("/");
}
