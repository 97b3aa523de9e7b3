/** The mail catcher, as browser tests read it: what the portal sent, and the links in it. */
import type { APIRequestContext } from "@playwright/test";
import { expect } from "./fixtures.ts";

export interface Mail {
  subject: string;
  html: string | null;
  text: string | null;
  to: string[];
}

const mailUrl = (): string => (JSON.parse(process.env.E2E_STACK ?? "{}") as { mailUrl: string }).mailUrl;

/** Every mail to `email`, newest first. */
export async function mailsTo(request: APIRequestContext, email: string): Promise<Mail[]> {
  const response = await request.get(`${mailUrl()}/messages?to=${encodeURIComponent(email)}`);
  return ((await response.json()) as { data: Mail[] }).data;
}

/**
 * Waits (mail goes out after the page has answered) for the newest mail to `email` whose subject
 * matches `match`, or, given a number, for the newest once there are that many.
 */
export async function waitForMail(request: APIRequestContext, email: string, match: RegExp | number = 1): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        const mails = await mailsTo(request, email);
        found = typeof match === "number" ? (mails.length >= match ? mails[0] : undefined) : mails.find((mail) => match.test(mail.subject));
        return Boolean(found);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return found!;
}

/** The portal's /auth/confirm link in a mail's plain-text part. */
export function confirmLink(mail: Mail): string {
  const link = /https?:\/\/\S+\/auth\/confirm\?[^\s"<]+/.exec(mail.text ?? "")?.[0];
  expect(link, mail.text ?? "").toBeTruthy();
  return link!;
}
