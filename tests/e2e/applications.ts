/**
 * Applications made the way /apply makes them (the `apply_for_membership` SQL function, as an
 * anonymous visitor), for tests that are not about the form: the form's per-address rate limit
 * (5 an hour) is then left for the tests that are.
 */
import { randomUUID } from "node:crypto";
import { createClient } from "@supabase/supabase-js";
import ws from "ws";
import type { Database } from "../../app/lib/database.types.ts";
import { luhnCheckDigit } from "../../app/lib/org-number.ts";
import { expect } from "./fixtures.ts";

interface Stack {
  url: string;
  anonKey: string;
  mailUrl: string;
}
const stack = (): Stack => JSON.parse(process.env.E2E_STACK ?? "{}") as Stack;

/** A valid organisationsnummer nobody else uses (802… like a non-profit association). */
export function newOrgNumber(): string {
  const nine = `802${String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0")}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

export function unique(label: string) {
  const tag = randomUUID().slice(0, 8);
  return { name: `${label} ${tag}`, email: `kontakt-${tag}@ansokan-e2e.example`, orgNumber: newOrgNumber() };
}

/** Applies as an anonymous visitor through the SQL function the form uses. */
export async function applyDirectly(label: string) {
  const applicant = unique(label);
  const anon = createClient<Database>(stack().url, stack().anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: ws as unknown as typeof WebSocket },
  });
  const { data, error } = await anon.rpc("apply_for_membership", {
    p_name: applicant.name,
    p_org_number: applicant.orgNumber,
    p_kind: "association",
    p_districts: ["Sylte", "Lextorp"],
    p_description: "Vi ordnar språkcaféer och läxhjälp för barn och vuxna.",
    p_website: "https://exempel.example",
    p_contact_name: "Sara Kontakt",
    p_contact_email: applicant.email,
    p_message: "Vi vill gärna vara med.",
  });
  expect(error).toBeNull();
  return { ...applicant, id: data! };
}

