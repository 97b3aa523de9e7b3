/** The portal's one mailer, against the embedded stack's real Resend-compatible mail catcher. */
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { findFreePorts } from "../../supabase/local/ports.ts";

const stack = inject("stack");
const email = { subject: "Ämne med å, ä och ö", html: "<p>Hej</p>", text: "Hej" };

async function loadMailer(resendBaseUrl: string) {
  vi.resetModules();
  Object.assign(process.env, {
    SUPABASE_URL: stack.url,
    SUPABASE_ANON_KEY: stack.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
    RESEND_API_KEY: "re_integration_test",
    RESEND_BASE_URL: resendBaseUrl,
  });
  return await import("~/lib/email.server");
}

afterEach(() => vi.restoreAllMocks());

describe("sendEmail", () => {
  it("delivers through the Resend SDK with the portal's sender", async () => {
    const { sendEmail, EMAIL_FROM } = await loadMailer(stack.mailUrl);
    const to = `anna-${Date.now()}@example.se`;
    const result = await sendEmail({ to, ...email });
    expect(result.ok).toBe(true);

    const listed = (await (await fetch(`${stack.mailUrl}/messages?to=${encodeURIComponent(to)}`)).json()) as {
      data: { id: string; from: string; subject: string; html: string; text: string }[];
    };
    expect(listed.data).toEqual([expect.objectContaining({ from: EMAIL_FROM, subject: email.subject, html: email.html, text: email.text })]);
    expect(result.ok && result.id).toBe(listed.data[0]?.id);
  });

  it("reports a refused message without throwing, and logs it", async () => {
    const { sendEmail } = await loadMailer(stack.mailUrl);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    // The mail catcher refuses an empty recipient with 422, as Resend does.
    const result = await sendEmail({ to: "", ...email });
    expect(result).toEqual({ ok: false, error: expect.stringContaining("validation_error") });
    expect(logged).toHaveBeenCalledOnce();
  });

  it("reports an unreachable mail service without throwing", async () => {
    const [closedPort] = await findFreePorts(1);
    const { sendEmail } = await loadMailer(`http://127.0.0.1:${closedPort}`);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await sendEmail({ to: "anna@example.se", ...email });
    expect(result.ok).toBe(false);
    expect(logged).toHaveBeenCalledOnce();
  });
});
