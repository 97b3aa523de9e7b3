/**
 * Contract of the embedded stack's auth server (GoTrue-compatible), exercised through supabase-js
 * the way the portal calls it, plus raw requests for what supabase-js never sends.
 */
import { randomUUID } from "node:crypto";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import ws from "ws";

const stack = inject("stack");
const clientOptions = {
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  realtime: { transport: ws as unknown as typeof WebSocket },
};

const anon = () => createClient(stack.url, stack.anonKey, clientOptions);
const admin = () => createClient(stack.url, stack.serviceRoleKey, clientOptions).auth.admin;
/** A client that calls with a user's access token instead of the service-role key. */
const asBearer = (token: string) =>
  createClient(stack.url, stack.anonKey, { ...clientOptions, global: { headers: { Authorization: `Bearer ${token}` } } });

const PASSWORD = "ett-bra-lösenord";
const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@auth-test.example`;

let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
});
afterAll(async () => {
  await db.end();
});

async function createConfirmedUser(label: string, password = PASSWORD): Promise<{ id: string; email: string }> {
  const email = uniqueEmail(label);
  const { data, error } = await admin().createUser({ email, password, email_confirm: true });
  expect(error).toBeNull();
  return { id: data.user!.id, email };
}

async function signIn(email: string, password = PASSWORD): Promise<{ client: SupabaseClient; accessToken: string; refreshToken: string }> {
  const client = anon();
  const { data, error } = await client.auth.signInWithPassword({ email, password });
  expect(error).toBeNull();
  return { client, accessToken: data.session!.access_token, refreshToken: data.session!.refresh_token };
}

/** Tries a refresh token on a fresh client; returns the error code, or null if it worked. */
async function refreshErrorCode(refreshToken: string): Promise<string | null> {
  const { data, error } = await anon().auth.refreshSession({ refresh_token: refreshToken });
  if (error) return error.code ?? error.name;
  expect(data.session?.access_token).toBeTruthy();
  return null;
}

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
}

async function rawAuth(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(`${stack.url}/auth/v1${path}`, {
    ...init,
    headers: { apikey: stack.anonKey, "content-type": "application/json", ...init.headers },
  });
}

async function expectGoTrueError(response: Response, status: number, errorCode: string): Promise<void> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ code: status, error_code: errorCode });
  expect(typeof body.msg).toBe("string");
}

describe("password sign-in", () => {
  it("returns a GoTrue session with an HS256 access token carrying Supabase's claims", async () => {
    const user = await createConfirmedUser("signin");
    const { data, error } = await anon().auth.signInWithPassword({ email: user.email, password: PASSWORD });
    expect(error).toBeNull();
    const session = data.session!;
    expect(session).toMatchObject({ token_type: "bearer", expires_in: 3600 });
    expect(session.expires_at).toBeGreaterThan(Date.now() / 1000);
    expect(session.refresh_token).toBeTruthy();
    expect(data.user).toMatchObject({ id: user.id, email: user.email, aud: "authenticated", role: "authenticated" });
    expect(data.user!.last_sign_in_at).toBeTruthy();

    const claims = claimsOf(session.access_token);
    expect(JSON.parse(Buffer.from(session.access_token.split(".")[0]!, "base64url").toString())).toMatchObject({ alg: "HS256" });
    expect(claims).toMatchObject({
      sub: user.id,
      role: "authenticated",
      aud: "authenticated",
      iss: `${stack.url}/auth/v1`,
      email: user.email,
      aal: "aal1",
      is_anonymous: false,
      app_metadata: { provider: "email", providers: ["email"] },
      user_metadata: {},
    });
    expect(claims.exp).toBe(session.expires_at);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect(claims.session_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.amr).toEqual([{ method: "password", timestamp: expect.any(Number) }]);
  });

  it("gives the same error for a wrong password and an unknown e-mail", async () => {
    const user = await createConfirmedUser("wrongpw");
    const wrongPassword = await anon().auth.signInWithPassword({ email: user.email, password: "inte-rätt" });
    const unknownEmail = await anon().auth.signInWithPassword({ email: uniqueEmail("nobody"), password: "inte-rätt" });
    for (const result of [wrongPassword, unknownEmail]) {
      expect(result.data.session).toBeNull();
      expect(result.error).toMatchObject({ status: 400, code: "invalid_credentials", message: "Invalid login credentials" });
    }
  });

  it("accepts the bcrypt hashes pgcrypto makes in seeds, and stores passwords only as bcrypt", async () => {
    const id = randomUUID();
    const email = uniqueEmail("seeded");
    await db.query(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
         raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
         extensions.crypt('samverkan-demo', extensions.gen_salt('bf')), now(),
         '{"provider":"email","providers":["email"]}', '{"full_name":"Frö Användare"}', now(), now())`,
      [id, email],
    );
    await db.query(
      `insert into auth.identities (id, user_id, provider_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
       values (gen_random_uuid(), $1, $2, jsonb_build_object('sub', $2::text, 'email', $3::text), 'email', now(), now(), now())`,
      [id, id, email],
    );
    const { data, error } = await anon().auth.signInWithPassword({ email, password: "samverkan-demo" });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id, user_metadata: { full_name: "Frö Användare" } });
    expect(data.user!.identities?.[0]).toMatchObject({ provider: "email", user_id: id, email });

    const created = await createConfirmedUser("hashed");
    const { rows } = await db.query<{ id: string; encrypted_password: string }>(
      "select id, encrypted_password from auth.users where id = any($1::uuid[])",
      [[id, created.id]],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.encrypted_password).toMatch(/^\$2[aby]\$10\$/);
  });

  it("refuses unconfirmed and banned users", async () => {
    const email = uniqueEmail("unconfirmed");
    await admin().createUser({ email, password: PASSWORD });
    const unconfirmed = await anon().auth.signInWithPassword({ email, password: PASSWORD });
    expect(unconfirmed.error).toMatchObject({ status: 400, code: "email_not_confirmed" });

    const user = await createConfirmedUser("banned");
    const { refreshToken } = await signIn(user.email);
    const ban = await admin().updateUserById(user.id, { ban_duration: "24h" });
    expect(ban.error).toBeNull();
    expect(ban.data.user?.banned_until).toBeTruthy();
    const banned = await anon().auth.signInWithPassword({ email: user.email, password: PASSWORD });
    expect(banned.error).toMatchObject({ code: "user_banned" });
    expect(await refreshErrorCode(refreshToken)).not.toBeNull();

    await admin().updateUserById(user.id, { ban_duration: "none" });
    await signIn(user.email);
  });
});

describe("sessions", () => {
  it("rotates refresh tokens: a used refresh token is refused afterwards", async () => {
    const user = await createConfirmedUser("refresh");
    const { refreshToken } = await signIn(user.email);

    const { data, error } = await anon().auth.refreshSession({ refresh_token: refreshToken });
    expect(error).toBeNull();
    const next = data.session!;
    expect(next.refresh_token).not.toBe(refreshToken);
    expect(claimsOf(next.access_token)).toMatchObject({ sub: user.id, amr: [{ method: "password" }] });

    expect(await refreshErrorCode(refreshToken)).toBe("refresh_token_already_used");
    expect(await refreshErrorCode(next.refresh_token)).toBeNull();
    expect(await refreshErrorCode("no-such-token")).toBe("refresh_token_not_found");
  });

  it("getUser returns the signed-in user and refuses a forged token", async () => {
    const user = await createConfirmedUser("getuser");
    const { client, accessToken } = await signIn(user.email);
    const { data, error } = await client.auth.getUser();
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id: user.id, email: user.email });

    const [header, payload] = accessToken.split(".");
    const forged = await anon().auth.getUser(`${header}.${payload}.${Buffer.from("forged").toString("base64url")}`);
    expect(forged.data.user).toBeNull();
    expect(forged.error).toMatchObject({ status: 403, code: "bad_jwt" });
  });

  it("updateUser merges metadata and changes the password, ending the user's other sessions", async () => {
    const user = await createConfirmedUser("update");
    const first = await signIn(user.email);
    const second = await signIn(user.email);

    const meta = await first.client.auth.updateUser({ data: { full_name: "Anna Andersson", locale: "sv" } });
    expect(meta.error).toBeNull();
    const merged = await first.client.auth.updateUser({ data: { locale: "en" } });
    expect(merged.data.user?.user_metadata).toMatchObject({ full_name: "Anna Andersson", locale: "en" });

    const samePassword = await first.client.auth.updateUser({ password: PASSWORD });
    expect(samePassword.error).toMatchObject({ status: 422, code: "same_password" });
    const weak = await first.client.auth.updateUser({ password: "kort" });
    expect(weak.error).toMatchObject({ status: 422, code: "weak_password" });

    const changed = await first.client.auth.updateUser({ password: "ett-nytt-lösenord" });
    expect(changed.error).toBeNull();
    const old = await anon().auth.signInWithPassword({ email: user.email, password: PASSWORD });
    expect(old.error?.code).toBe("invalid_credentials");
    await signIn(user.email, "ett-nytt-lösenord");

    expect(await refreshErrorCode(second.refreshToken)).not.toBeNull();
    const stillMine = await first.client.auth.getUser();
    expect(stillMine.error).toBeNull();
  });

  it("signOut revokes the refresh token and the session of the access token", async () => {
    const user = await createConfirmedUser("signout");
    const { client, accessToken, refreshToken } = await signIn(user.email);
    const { error } = await client.auth.signOut();
    expect(error).toBeNull();

    expect(await refreshErrorCode(refreshToken)).toBe("refresh_token_not_found");
    const afterwards = await anon().auth.getUser(accessToken);
    expect(afterwards.data.user).toBeNull();
    expect(afterwards.error).not.toBeNull();
  });

  it("signOut with scope 'others' keeps only the current session", async () => {
    const user = await createConfirmedUser("others");
    const kept = await signIn(user.email);
    const ended = await signIn(user.email);
    expect((await kept.client.auth.signOut({ scope: "others" })).error).toBeNull();
    expect(await refreshErrorCode(ended.refreshToken)).toBe("refresh_token_not_found");
    expect(await refreshErrorCode(kept.refreshToken)).toBeNull();
  });
});

describe("e-mail links made with admin.generateLink()", () => {
  it("magic link: verifyOtp with token_hash signs in, once", async () => {
    const user = await createConfirmedUser("magic");
    const link = await admin().generateLink({ type: "magiclink", email: user.email });
    expect(link.error).toBeNull();
    const properties = link.data.properties!;
    expect(properties.verification_type).toBe("magiclink");
    expect(properties.hashed_token).toMatch(/^[0-9a-f]{56}$/);
    expect(properties.email_otp).toMatch(/^\d{6}$/);
    expect(properties.action_link.startsWith(`${stack.url}/auth/v1/verify?`)).toBe(true);
    expect(new URL(properties.action_link).searchParams.get("token")).toBe(properties.hashed_token);
    expect(link.data.user).toMatchObject({ id: user.id, email: user.email });

    const client = anon();
    const verified = await client.auth.verifyOtp({ token_hash: properties.hashed_token, type: "magiclink" });
    expect(verified.error).toBeNull();
    expect(verified.data.session?.user.id).toBe(user.id);
    expect(claimsOf(verified.data.session!.access_token)).toMatchObject({ sub: user.id, role: "authenticated" });
    expect((await client.auth.getUser()).data.user?.id).toBe(user.id);

    const again = await anon().auth.verifyOtp({ token_hash: properties.hashed_token, type: "magiclink" });
    expect(again.data.session).toBeNull();
    expect(again.error).toMatchObject({ status: 403, code: "otp_expired" });
  });

  it("magic link: the action link redirects with the session in the fragment, and never off-site", async () => {
    const user = await createConfirmedUser("actionlink");
    const link = await admin().generateLink({
      type: "magiclink",
      email: user.email,
      options: { redirectTo: "https://evil.example/steal" },
    });
    expect(link.data.properties!.redirect_to).toBe("http://localhost:3000/");
    const response = await fetch(link.data.properties!.action_link, { redirect: "manual" });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.origin).toBe("http://localhost:3000");
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get("type")).toBe("magiclink");
    expect(fragment.get("token_type")).toBe("bearer");
    expect(claimsOf(fragment.get("access_token") ?? "").sub).toBe(user.id);

    const reused = await fetch(link.data.properties!.action_link, { redirect: "manual" });
    expect(new URLSearchParams(new URL(reused.headers.get("location") ?? "").hash.slice(1)).get("error_code")).toBe("otp_expired");
  });

  it("recovery: verifyOtp signs in so the user can set a new password", async () => {
    const user = await createConfirmedUser("recovery");
    const link = await admin().generateLink({ type: "recovery", email: user.email });
    expect(link.error).toBeNull();
    expect(link.data.properties?.verification_type).toBe("recovery");

    const client = anon();
    const verified = await client.auth.verifyOtp({ token_hash: link.data.properties!.hashed_token, type: "recovery" });
    expect(verified.error).toBeNull();
    expect((await client.auth.updateUser({ password: "återställt-lösenord" })).error).toBeNull();
    await signIn(user.email, "återställt-lösenord");
  });

  it("invite: creates the user, verifyOtp confirms the address and signs in", async () => {
    const email = uniqueEmail("invite");
    const link = await admin().generateLink({ type: "invite", email, options: { data: { full_name: "Inbjuden Person" } } });
    expect(link.error).toBeNull();
    const invited = link.data.user!;
    expect(invited).toMatchObject({ email, user_metadata: { full_name: "Inbjuden Person" } });
    expect(invited.invited_at).toBeTruthy();
    expect(invited.email_confirmed_at).toBeUndefined();

    const client = anon();
    const verified = await client.auth.verifyOtp({ token_hash: link.data.properties!.hashed_token, type: "invite" });
    expect(verified.error).toBeNull();
    expect(verified.data.user).toMatchObject({ id: invited.id });
    expect(verified.data.user?.email_confirmed_at).toBeTruthy();
    expect((await client.auth.updateUser({ password: PASSWORD })).error).toBeNull();
    await signIn(email);

    const again = await admin().generateLink({ type: "invite", email });
    expect(again.error).toMatchObject({ status: 422, code: "email_exists" });
  });

  it("signup: creates an unconfirmed user with a password; verifyOtp confirms it", async () => {
    const email = uniqueEmail("signup");
    const link = await admin().generateLink({ type: "signup", email, password: PASSWORD });
    expect(link.error).toBeNull();
    expect(link.data.properties?.verification_type).toBe("signup");
    const early = await anon().auth.signInWithPassword({ email, password: PASSWORD });
    expect(early.error).toMatchObject({ code: "email_not_confirmed" });

    const verified = await anon().auth.verifyOtp({ token_hash: link.data.properties!.hashed_token, type: "signup" });
    expect(verified.error).toBeNull();
    await signIn(email);
  });

  it("magic link and recovery need an existing user; wrong types and tokens are refused", async () => {
    const missing = await admin().generateLink({ type: "magiclink", email: uniqueEmail("missing") });
    expect(missing.error).toMatchObject({ status: 404, code: "user_not_found" });

    const user = await createConfirmedUser("types");
    const link = await admin().generateLink({ type: "magiclink", email: user.email });
    const wrongType = await anon().auth.verifyOtp({ token_hash: link.data.properties!.hashed_token, type: "invite" });
    expect(wrongType.error).toMatchObject({ code: "otp_expired" });
    const unknown = await anon().auth.verifyOtp({ token_hash: "0".repeat(56), type: "magiclink" });
    expect(unknown.error).toMatchObject({ code: "otp_expired" });
  });

  it("POST /otp and /recover answer alike for known and unknown e-mails and store a token for known ones", async () => {
    const user = await createConfirmedUser("otp");
    for (const email of [user.email, uniqueEmail("unknown")]) {
      expect((await anon().auth.signInWithOtp({ email, options: { shouldCreateUser: false } })).error).toBeNull();
      expect((await anon().auth.resetPasswordForEmail(email)).error).toBeNull();
    }
    const { rows } = await db.query("select 1 from auth.one_time_tokens where user_id = $1 and token_type = 'recovery_token'", [
      user.id,
    ]);
    expect(rows).toHaveLength(1);
  });
});

describe("admin users", () => {
  it("createUser, getUserById, updateUserById, listUsers and deleteUser", async () => {
    const email = uniqueEmail("admin");
    const created = await admin().createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
      user_metadata: { full_name: "Sam Ordnare" },
      app_metadata: { team: "samordning" },
    });
    expect(created.error).toBeNull();
    const user = created.data.user!;
    expect(user).toMatchObject({
      email,
      aud: "authenticated",
      user_metadata: { full_name: "Sam Ordnare" },
      app_metadata: { provider: "email", providers: ["email"], team: "samordning" },
    });
    expect(user.email_confirmed_at).toBeTruthy();
    expect(user.identities?.[0]).toMatchObject({ provider: "email", identity_data: { email, sub: user.id } });

    const duplicate = await admin().createUser({ email: email.toUpperCase(), password: PASSWORD });
    expect(duplicate.error).toMatchObject({ status: 422, code: "email_exists" });

    const fetched = await admin().getUserById(user.id);
    expect(fetched.data.user).toMatchObject({ id: user.id, email });

    const updated = await admin().updateUserById(user.id, { user_metadata: { title: "Samordnare" }, password: "nytt-admin-lösen" });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.user_metadata).toEqual({ full_name: "Sam Ordnare", title: "Samordnare" });
    await signIn(email, "nytt-admin-lösen");

    await createConfirmedUser("admin-second");
    const page = await admin().listUsers({ page: 1, perPage: 1 });
    expect(page.error).toBeNull();
    expect(page.data.users).toHaveLength(1);
    expect(page.data).toMatchObject({ aud: "authenticated", nextPage: 2 });
    expect("total" in page.data ? page.data.total : 0).toBeGreaterThanOrEqual(2);
    const all = await admin().listUsers({ page: 1, perPage: 1000 });
    expect(all.data.users.map((u) => u.id)).toContain(user.id);

    const deleted = await admin().deleteUser(user.id);
    expect(deleted.error).toBeNull();
    const gone = await admin().getUserById(user.id);
    expect(gone.error).toMatchObject({ status: 404, code: "user_not_found" });
    const signInAfterDelete = await anon().auth.signInWithPassword({ email, password: "nytt-admin-lösen" });
    expect(signInAfterDelete.error?.code).toBe("invalid_credentials");
  });

  it("refuses non-admin callers with 403 not_admin", async () => {
    const user = await createConfirmedUser("notadmin");
    const { accessToken } = await signIn(user.email);
    for (const client of [asBearer(accessToken), createClient(stack.url, stack.anonKey, clientOptions)]) {
      const list = await client.auth.admin.listUsers();
      expect(list.error).toMatchObject({ status: 403, code: "not_admin" });
      const link = await client.auth.admin.generateLink({ type: "magiclink", email: user.email });
      expect(link.error).toMatchObject({ status: 403, code: "not_admin" });
      const create = await client.auth.admin.createUser({ email: uniqueEmail("sneaky"), password: PASSWORD });
      expect(create.error).toMatchObject({ status: 403, code: "not_admin" });
      const remove = await client.auth.admin.updateUserById(user.id, { ban_duration: "24h" });
      expect(remove.error).toMatchObject({ status: 403, code: "not_admin" });
    }
  });
});

describe("bad input gets a GoTrue error, never a 500", () => {
  it("malformed JSON is 400 bad_json", async () => {
    await expectGoTrueError(await rawAuth("/token?grant_type=password", { method: "POST", body: '{"email": "a@b.se",' }), 400, "bad_json");
    await expectGoTrueError(await rawAuth("/verify", { method: "POST", body: "[1, 2, 3]" }), 400, "bad_json");
  });

  it("missing fields are validation_failed", async () => {
    await expectGoTrueError(await rawAuth("/token?grant_type=password", { method: "POST", body: "{}" }), 400, "validation_failed");
    await expectGoTrueError(await rawAuth("/token?grant_type=refresh_token", { method: "POST", body: "{}" }), 400, "validation_failed");
    await expectGoTrueError(await rawAuth("/verify", { method: "POST", body: '{"type":"magiclink"}' }), 400, "validation_failed");
    await expectGoTrueError(await rawAuth("/otp", { method: "POST", body: '{"email": 42}' }), 400, "validation_failed");
    const asAdmin = { authorization: `Bearer ${stack.serviceRoleKey}` };
    await expectGoTrueError(await rawAuth("/admin/users", { method: "POST", body: "{}", headers: asAdmin }), 422, "validation_failed");
    await expectGoTrueError(
      await rawAuth("/admin/generate_link", { method: "POST", body: '{"type":"magiclink"}', headers: asAdmin }),
      422,
      "validation_failed",
    );
  });

  it("a body over 1 MB is 413 request_too_large", async () => {
    const body = JSON.stringify({ email: "a@b.se", password: "x".repeat(1024 * 1024 + 1) });
    await expectGoTrueError(await rawAuth("/token?grant_type=password", { method: "POST", body }), 413, "request_too_large");
  });

  it("an unknown grant type is 400 unsupported_grant_type", async () => {
    await expectGoTrueError(await rawAuth("/token?grant_type=client_credentials", { method: "POST", body: "{}" }), 400, "unsupported_grant_type");
  });

  it("a missing or invalid bearer token on /user is refused", async () => {
    await expectGoTrueError(await rawAuth("/user", { headers: { authorization: "Bearer not-a-jwt" } }), 403, "bad_jwt");
    // The gateway turns a request with only the apikey into one bearing it: a JWT without a user.
    await expectGoTrueError(await rawAuth("/user"), 403, "bad_jwt");
  });

  it("serves /settings and /health", async () => {
    const settings = (await (await rawAuth("/settings")).json()) as Record<string, unknown>;
    expect(settings).toMatchObject({ disable_signup: true, external: { email: true } });
    expect((await rawAuth("/health")).status).toBe(200);
  });
});
