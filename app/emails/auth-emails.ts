/** The auth e-mails: sign-in link, password reset and invitation, in Swedish or English. */
import { format, type Locale } from "~/lib/i18n";
import { getMessages } from "~/lib/messages.server";
import { renderLinkEmail, type RenderedEmail } from "./layout";

export interface LinkEmailInput {
  url: string;
  locale: Locale;
  name?: string | null;
}

export function signInLinkEmail({ url, locale, name }: LinkEmailInput): RenderedEmail {
  const t = getMessages(locale).auth.email;
  return renderLinkEmail({
    locale,
    name,
    url,
    subject: t.signIn.subject,
    paragraphs: [t.signIn.body],
    action: t.signIn.action,
    validity: t.validity,
    notYou: t.notYou,
  });
}

export function passwordResetEmail({ url, locale, name }: LinkEmailInput): RenderedEmail {
  const t = getMessages(locale).auth.email;
  return renderLinkEmail({
    locale,
    name,
    url,
    subject: t.recovery.subject,
    paragraphs: [t.recovery.body],
    action: t.recovery.action,
    validity: t.validity,
    notYou: t.notYou,
  });
}

export interface InvitationEmailInput extends LinkEmailInput {
  /** Who invited (their name), and to which organisation; without them a general invitation. */
  inviterName?: string | null;
  organisationName?: string | null;
}

export function invitationEmail({ url, locale, name, inviterName, organisationName }: InvitationEmailInput): RenderedEmail {
  const t = getMessages(locale).auth.email;
  const body =
    inviterName && organisationName ? format(t.invite.bodyOrg, { inviter: inviterName, organisation: organisationName }) : t.invite.body;
  return renderLinkEmail({
    locale,
    name,
    url,
    subject: t.invite.subject,
    paragraphs: [body],
    action: t.invite.action,
    validity: t.invite.validity,
    notYou: t.invite.notYou,
  });
}
