import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { rememberOrganisation } from "~/lib/preferences.server";
import { safeRedirect } from "~/lib/redirect";

/** POST /organisation: which of their organisations the person acts for. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const form = await request.formData();
  const orgId = form.get("orgId");
  // The switcher only lists the person's organisations: anything else is refused, not ignored.
  if (typeof orgId !== "string" || !user.memberships.some((membership) => membership.orgId === orgId)) {
    throw data({ reason: "bad-request" }, { status: 400 });
  }
  await rememberOrganisation(context, orgId);
  return redirect(safeRedirect(form.get("redirectTo")));
}

export function loader() {
  return redirect("/");
}
