/** The gateway in front of the stack, and the Resend-compatible mail catcher behind it. */
import { Resend } from "resend";
import { describe, expect, inject, it } from "vitest";

const stack = inject("stack");

describe("the gateway", () => {
  it("refuses REST and auth requests without an API key, or with a wrong one, with 401", async () => {
    for (const path of ["/rest/v1/organisations?select=id", "/auth/v1/settings"]) {
      const missing = await fetch(`${stack.url}${path}`);
      expect(missing.status).toBe(401);
      expect(await missing.json()).toMatchObject({ message: "No API key found in request" });
      const wrong = await fetch(`${stack.url}${path}`, { headers: { apikey: "not-a-key" } });
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toMatchObject({ message: "Invalid API key" });
    }
  });

  it("forwards requests with the anon key to PostgREST as the anon role", async () => {
    const response = await fetch(`${stack.url}/rest/v1/organisations?select=name&status=eq.active`, { headers: { apikey: stack.anonKey } });
    expect(response.status).toBe(200);
    const rows = (await response.json()) as { name: string }[];
    expect(rows.map((row) => row.name)).toContain("AB Eidar, Trollhättans Bostadsbolag");
  });

  it("refuses a token signed with another secret even with a valid API key", async () => {
    const forged = `${stack.anonKey.split(".").slice(0, 2).join(".")}.c2lnbmF0dXJl`;
    const response = await fetch(`${stack.url}/rest/v1/organisations?select=id`, {
      headers: { apikey: stack.anonKey, authorization: `Bearer ${forged}` },
    });
    expect(response.status).toBe(401);
  });

  it("answers 404 for paths outside the API", async () => {
    expect((await fetch(`${stack.url}/nothing-here`, { headers: { apikey: stack.anonKey } })).status).toBe(404);
  });
});

describe("the mail catcher", () => {
  it("accepts mail from the Resend SDK and lists it", async () => {
    const client = new Resend("re_test_key", { baseUrl: stack.mailUrl });
    const to = `mottagare-${Date.now()}@exempel.se`;
    const { data, error } = await client.emails.send({
      from: "Samverkansportalen <noreply@trollhattan.example>",
      to,
      subject: "Välkommen till Samverkansportalen",
      html: "<p>Hej och välkommen!</p>",
      text: "Hej och välkommen!",
    });
    expect(error).toBeNull();
    expect(data?.id).toMatch(/^[0-9a-f-]{36}$/);

    const listed = (await (await fetch(`${stack.mailUrl}/messages?to=${encodeURIComponent(to)}`)).json()) as { data: { id: string; subject: string; to: string[] }[] };
    expect(listed.data).toEqual([expect.objectContaining({ id: data?.id, subject: "Välkommen till Samverkansportalen", to: [to] })]);

    const page = await fetch(`${stack.mailUrl}/`);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("Välkommen till Samverkansportalen");
  });

  it("refuses mail without an API key or without a recipient, as Resend does", async () => {
    const noKey = await fetch(`${stack.mailUrl}/emails`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(noKey.status).toBe(401);
    const noRecipient = await fetch(`${stack.mailUrl}/emails`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer re_test" },
      body: JSON.stringify({ from: "a@b.se", subject: "x", text: "y" }),
    });
    expect(noRecipient.status).toBe(422);
    expect(await noRecipient.json()).toMatchObject({ name: "validation_error" });
    const broken = await fetch(`${stack.mailUrl}/emails`, { method: "POST", headers: { authorization: "Bearer re_test" }, body: "{not json" });
    expect(broken.status).toBe(400);
  });
});
