/**
 * The portal's one mailer: every e-mail (auth links, invitations, reminders, notifications) goes
 * through `sendEmail`, with the `resend` SDK. In the embedded stack RESEND_BASE_URL points the SDK at
 * the local mail catcher. A failed send is logged and reported in the result, never thrown: a page
 * that sends mail must still answer.
 */
import { Resend } from "resend";
import { getEnv } from "./env.server";

/** The sender of every e-mail. (A deployment that needs another one changes it here.) */
export const EMAIL_FROM = "Samverkansportalen <noreply@trollhattan.se>";

export interface Email {
  to: string | string[];
  subject: string;
  html: string;
  text: string;
}

export type SendResult = { ok: true; id: string } | { ok: false; error: string };

let client: Resend | undefined;

function getResend(): Resend | null {
  if (client) return client;
  const env = getEnv();
  if (!env.RESEND_API_KEY) return null;
  client = new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  return client;
}

export async function sendEmail(email: Email): Promise<SendResult> {
  const resend = getResend();
  if (!resend) {
    console.error(`E-mail not sent (no RESEND_API_KEY): "${email.subject}"`);
    return { ok: false, error: "RESEND_API_KEY is not set" };
  }
  try {
    const { data, error } = await resend.emails.send({ from: EMAIL_FROM, to: email.to, subject: email.subject, html: email.html, text: email.text });
    if (error || !data) {
      const message = error ? `${error.name}: ${error.message}` : "no answer";
      console.error(`E-mail not sent: "${email.subject}": ${message}`);
      return { ok: false, error: message };
    }
    return { ok: true, id: data.id };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`E-mail not sent: "${email.subject}": ${message}`);
    return { ok: false, error: message };
  }
}
