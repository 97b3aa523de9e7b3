import { describe, expect, it } from "vitest";
import { deleteAccountSchema, isSwedishPhone, passwordChangeSchema, profileSchema } from "../../app/lib/schemas/account.ts";

describe("isSwedishPhone", () => {
  it.each(["070-123 45 67", "0701234567", "0520-49 70 00", "08-123 456", "+46 70 123 45 67", "+46 (0)70-123 45 67", "0046 520 497000", "031/123 45 67"])(
    "accepts %s",
    (value) => expect(isSwedishPhone(value)).toBe(true),
  );
  it.each(["12ab", "+46 70 12", "070", "+47 22 33 44 55", "00-123 45 67", "070-123 45 67 89 01 23"])("refuses %s", (value) =>
    expect(isSwedishPhone(value)).toBe(false),
  );
});

describe("profileSchema", () => {
  const valid = { fullName: " Kim ", title: "", phone: "", locale: "sv", notificationFrequency: "weekly" };
  it("trims and accepts empty optional fields", () => {
    expect(profileSchema.parse(valid)).toEqual({ ...valid, fullName: "Kim" });
  });
  it("names the field of each error", () => {
    const result = profileSchema.safeParse({ fullName: "  ", phone: "abc", locale: "de" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(byField).toEqual({ fullName: "nameRequired", phone: "phoneInvalid", locale: "localeInvalid", notificationFrequency: "frequencyInvalid" });
  });
});

describe("passwordChangeSchema and deleteAccountSchema", () => {
  it("needs the current password, 10 characters and the same new password twice", () => {
    const result = passwordChangeSchema.safeParse({ currentPassword: "", password: "kort", confirm: "annat" });
    const byField = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(byField).toMatchObject({ currentPassword: "currentPasswordRequired", password: "passwordTooShort" });
  });
  it("confirms with the signed-in e-mail address, in any case", () => {
    expect(deleteAccountSchema("kim@konto.example").safeParse({ confirmEmail: " KIM@konto.example " }).success).toBe(true);
    expect(deleteAccountSchema("kim@konto.example").safeParse({ confirmEmail: "ann@konto.example" }).error?.issues[0]?.message).toBe("confirmEmailDiffers");
  });
});
