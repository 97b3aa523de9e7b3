/**
 * Who an e-mail about an organisation's follow-up goes to (report receipts, review decisions,
 * reminders): the organisation's active admins and its contact address, each address once; and the
 * coordinators. Addresses are no user's to read, so these take the service-role client.
 */
import { isLocale, type Locale } from "./i18n";
import type { TypedSupabaseClient } from "./supabase.server";

export interface Recipient {
  email: string;
  name: string | null;
  locale: Locale;
}

async function people(service: TypedSupabaseClient, ids: string[]): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  const { data, error } = await service.from("profiles").select("email, full_name, locale").in("id", [...new Set(ids)]).order("id");
  if (error) throw error;
  return (data ?? []).flatMap((row) => {
    const email = row.email?.trim();
    return email ? [{ email, name: row.full_name?.trim() || null, locale: isLocale(row.locale) ? row.locale : ("sv" as Locale) }] : [];
  });
}

function unique(recipients: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((recipient) => {
    const key = recipient.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The organisation: its active admins (in their language) and its contact address (Swedish), each once. */
export async function organisationRecipients(service: TypedSupabaseClient, orgId: string): Promise<Recipient[]> {
  const [admins, organisation] = await Promise.all([
    service.from("memberships").select("user_id").eq("org_id", orgId).eq("role", "admin").eq("status", "active"),
    service.from("organisations").select("contact_email").eq("id", orgId).maybeSingle(),
  ]);
  if (admins.error) throw admins.error;
  if (organisation.error) throw organisation.error;
  const recipients = await people(service, (admins.data ?? []).map((row) => row.user_id));
  const contact = organisation.data?.contact_email?.trim();
  if (contact) recipients.push({ email: contact, name: null, locale: "sv" });
  return unique(recipients);
}

/** Every coordinator. */
export async function coordinatorRecipients(service: TypedSupabaseClient): Promise<Recipient[]> {
  const { data, error } = await service.from("platform_roles").select("user_id").eq("role", "coordinator");
  if (error) throw error;
  return unique(await people(service, (data ?? []).map((row) => row.user_id)));
}
