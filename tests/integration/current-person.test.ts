/**
 * `current_person()`: who the portal thinks is signed in, in one request. It must answer exactly what
 * auth's /user answered before (the session behind the token still exists) plus the profile, roles
 * and active memberships — and nothing for anyone else.
 */
import { createClient } from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import ws from "ws";
import type { Database } from "../../app/lib/database.types.ts";
import { anonClient, DEMO_PASSWORD, DEMO_USERS, signedInClient } from "../support/clients.ts";
import { ORG, USER } from "../support/rls.ts";

interface Person {
  id: string;
  email: string;
  roles: string[];
  memberships: { org_id: string; org_name: string; role: string }[];
}

/** A client that sends exactly this access token (no session handling of its own). */
function clientWithToken(accessToken: string) {
  const stack = inject("stack");
  return createClient<Database>(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: { Authorization: `Bearer ${accessToken}` } },
    realtime: { transport: ws as unknown as typeof WebSocket },
  });
}

async function freshSession(email: string) {
  const client = anonClient();
  const { data, error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
  if (error || !data.session) throw new Error(`sign-in failed: ${error?.message}`);
  return { client, accessToken: data.session.access_token };
}

describe("current_person()", () => {
  it("gives a signed-in person their own id, address, roles and active memberships", async () => {
    const eidar = await signedInClient("eidar");
    const { data, error } = await eidar.rpc("current_person");
    expect(error).toBeNull();
    const person = data as unknown as Person;
    expect(person.id).toBe(USER.eidar);
    expect(person.email).toBe(DEMO_USERS.eidar);
    expect(person.roles).toEqual([]);
    expect(person.memberships).toEqual([{ org_id: ORG.eidar, org_name: "AB Eidar, Trollhättans Bostadsbolag", role: "admin" }]);

    const coordinator = await signedInClient("coordinator");
    const coordinatorPerson = (await coordinator.rpc("current_person")).data as unknown as Person;
    expect(coordinatorPerson.id).toBe(USER.coordinator);
    expect(coordinatorPerson.roles).toContain("coordinator");
  });

  it("answers nothing once the token's session is signed out, though PostgREST still accepts the token", async () => {
    const { client, accessToken } = await freshSession(DEMO_USERS.region);
    const before = await clientWithToken(accessToken).rpc("current_person");
    expect((before.data as unknown as Person | null)?.id).toBe(USER.region);

    expect((await client.auth.signOut()).error).toBeNull();
    const after = await clientWithToken(accessToken).rpc("current_person");
    expect(after.error).toBeNull();
    expect(after.data).toBeNull();
    // The token itself is still valid for PostgREST until it expires: only the session check differs.
    const stillAccepted = await clientWithToken(accessToken).from("organisations").select("id").limit(1);
    expect(stillAccepted.error).toBeNull();
  });

  it("is not callable without signing in", async () => {
    const { error } = await anonClient().rpc("current_person");
    expect(error?.code).toBe("42501");
  });
});
