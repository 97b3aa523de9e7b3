import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { authTitle, LinkRequestPage } from "~/components/auth-form";
import { requestLinkAction } from "~/lib/auth-links.server";
import { safeRedirect } from "~/lib/redirect";

/** /login/link: a sign-in link (magic link) by e-mail. */
export const meta: MetaFunction = ({ matches }) => authTitle(matches, (t) => t.link.title);

export function loader({ request }: LoaderFunctionArgs) {
  return { redirectTo: safeRedirect(new URL(request.url).searchParams.get("redirectTo")) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const answer = await requestLinkAction("magiclink", request, context);
  return data(answer, answer.sent ? 200 : 400);
}

export default function LoginLink() {
  const { redirectTo } = useLoaderData<typeof loader>();
  return <LinkRequestPage kind="link" redirectTo={redirectTo} answer={useActionData<typeof action>()} />;
}
