import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { authTitle, LinkRequestPage } from "~/components/auth-form";
import { requestLinkAction } from "~/lib/auth-links.server";

/** /login/forgot: a link to choose a new password, by e-mail. */
export const meta: MetaFunction = ({ matches }) => authTitle(matches, (t) => t.forgot.title);

export async function action({ request, context }: ActionFunctionArgs) {
  const answer = await requestLinkAction("recovery", request, context);
  return data(answer, answer.sent ? 200 : 400);
}

export default function LoginForgot() {
  return <LinkRequestPage kind="forgot" answer={useActionData<typeof action>()} />;
}
