import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadOrCreateKeys, signJwt, verifyJwt } from "../../supabase/local/keys.ts";

const secret = "a-test-secret-that-is-long-enough-for-hs256";
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("JWTs", () => {
  it("verifies its own tokens and returns their claims", () => {
    const token = signJwt({ sub: "u1", role: "authenticated", exp: Math.floor(Date.now() / 1000) + 60 }, secret);
    expect(verifyJwt(token, secret)).toMatchObject({ sub: "u1", role: "authenticated" });
  });

  it("refuses a token signed with another secret, a changed payload, an expired token and alg none", () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    const token = signJwt({ sub: "u1", role: "authenticated", exp }, secret);
    expect(verifyJwt(token, "another-secret")).toBeNull();

    const [header, , signature] = token.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ sub: "u1", role: "service_role", exp })).toString("base64url");
    expect(verifyJwt(`${header}.${forgedPayload}.${signature}`, secret)).toBeNull();

    expect(verifyJwt(signJwt({ sub: "u1", exp: Math.floor(Date.now() / 1000) - 1 }, secret), secret)).toBeNull();

    const none = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const payload = Buffer.from(JSON.stringify({ sub: "u1", exp })).toString("base64url");
    expect(verifyJwt(`${none}.${payload}.`, secret)).toBeNull();
    expect(verifyJwt("not.a.jwt", secret)).toBeNull();
    expect(verifyJwt("", secret)).toBeNull();
  });
});

describe("the stack's keys", () => {
  it("generates a secret on first start and signs the same anon and service-role keys on every start", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "samverkan-keys-"));
    dirs.push(dir);
    const first = loadOrCreateKeys(dir);
    const second = loadOrCreateKeys(dir);
    expect(first).toEqual(second);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(48);
    expect(verifyJwt(first.anonKey, first.jwtSecret)).toMatchObject({ role: "anon" });
    expect(verifyJwt(first.serviceRoleKey, first.jwtSecret)).toMatchObject({ role: "service_role" });
  });

  it("never shares a secret between two data directories", () => {
    const [a, b] = [mkdtempSync(path.join(tmpdir(), "samverkan-keys-")), mkdtempSync(path.join(tmpdir(), "samverkan-keys-"))];
    dirs.push(a, b);
    expect(loadOrCreateKeys(a).jwtSecret).not.toBe(loadOrCreateKeys(b).jwtSecret);
  });
});
