import { describe, expect, it } from "vitest";
import { linkRequestSchema, newPasswordSchema, parseForm, signInSchema } from "~/lib/schemas/auth";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

describe("auth form schemas", () => {
  it("accepts a sign-in and trims the address", () => {
    const result = parseForm(signInSchema, form({ email: "  anna@example.se ", password: "x", redirectTo: "/reports" }));
    expect(result).toEqual({ success: true, data: { email: "anna@example.se", password: "x", redirectTo: "/reports" } });
  });

  it("names the first problem of each field with a translation key", () => {
    expect(parseForm(signInSchema, form({ email: "", password: "" }))).toEqual({
      success: false,
      errors: { email: "emailRequired", password: "passwordRequired" },
    });
    expect(parseForm(signInSchema, new FormData())).toEqual({
      success: false,
      errors: { email: "emailRequired", password: "passwordRequired" },
    });
    expect(parseForm(linkRequestSchema, form({ email: "anna.example.se" }))).toEqual({ success: false, errors: { email: "emailInvalid" } });
  });

  it("asks for at least 10 characters, at most 72 bytes, the same twice", () => {
    expect(parseForm(newPasswordSchema, form({ password: "kort", confirm: "kort" }))).toEqual({
      success: false,
      errors: { password: "passwordTooShort" },
    });
    expect(parseForm(newPasswordSchema, form({ password: "å".repeat(37), confirm: "å".repeat(37) }))).toEqual({
      success: false,
      errors: { password: "passwordTooLong" },
    });
    expect(parseForm(newPasswordSchema, form({ password: "tio tecken ok", confirm: "tio tecken OK" }))).toEqual({
      success: false,
      errors: { confirm: "passwordsDiffer" },
    });
    expect(parseForm(newPasswordSchema, form({ password: "tio tecken ok", confirm: "tio tecken ok" })).success).toBe(true);
  });
});
