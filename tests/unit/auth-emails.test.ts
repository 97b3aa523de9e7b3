import { describe, expect, it } from "vitest";
import { invitationEmail, passwordResetEmail, signInLinkEmail } from "~/emails/auth-emails";

const url = "https://samverkan.example/auth/confirm?token_hash=abc123&type=magiclink&next=%2Freports";

describe("auth e-mails", () => {
  it("sign-in link: Swedish subject, lang=sv, the link as a button and written out, and a text version", () => {
    const email = signInLinkEmail({ url, locale: "sv", name: "Anna Lindqvist" });
    expect(email.subject).toBe("Din inloggningslänk till Samverkansportalen");
    expect(email.html).toContain('<html lang="sv">');
    expect(email.html).toContain("Hej Anna Lindqvist!");
    // Escaped: in the button's href, and in the written-out link (href and visible text).
    const escaped = url.replace(/&/g, "&#38;");
    expect(email.html.split(escaped).length - 1).toBe(3);
    expect(email.text).toContain(url);
    expect(email.text).toContain("Hej Anna Lindqvist!");
    expect(email.text).not.toContain("<");
  });

  it("password reset and invitation in English when the person reads English", () => {
    const reset = passwordResetEmail({ url, locale: "en" });
    expect(reset.subject).toBe("Change your password in Samverkansportalen");
    expect(reset.html).toContain('<html lang="en">');
    expect(reset.text.startsWith("Hello,")).toBe(true);

    const invite = invitationEmail({ url, locale: "sv", inviterName: "Anna", organisationName: "Kronogårdens kulturförening" });
    expect(invite.subject).toBe("Du är inbjuden till Samverkansportalen");
    expect(invite.text).toContain("Anna har bjudit in dig att företräda Kronogårdens kulturförening");
  });

  it("escapes what comes from people (names, organisations)", () => {
    const invite = invitationEmail({ url, locale: "sv", name: "<b>Eve</b>", inviterName: "A & B", organisationName: '"Org"' });
    expect(invite.html).not.toContain("<b>Eve</b>");
    expect(invite.html).toContain("&#60;b&#62;Eve&#60;/b&#62;");
    expect(invite.html).toContain("A &#38; B");
  });
});
