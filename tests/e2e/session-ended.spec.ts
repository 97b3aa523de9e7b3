/**
 * Who is signed in is decided on every request by `current_person()` (one PostgREST call, not a
 * round trip to the auth server): a session ended elsewhere (signed out on another device, password
 * changed) must count as signed out at once, although its access token is still valid for PostgREST
 * until it expires. The catalogue reads its rows before it knows the person; with such a session it
 * must show what anyone sees, not what the former partner saw.
 */
import { expect, test } from "./fixtures.ts";
import { DEMO, serviceClient, signIn } from "./support.ts";

const NON_PUBLIC = "Upprustning av innergårdar i Sylte med boendedialog";

/** The access token in the browser's session cookie (`base64-` + base64url JSON, maybe chunked). */
async function accessToken(cookies: { name: string; value: string }[]): Promise<string> {
  const parts = cookies
    .filter((cookie) => /^sb-.*-auth-token(\.\d+)?$/.test(cookie.name))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }))
    .map((cookie) => cookie.value)
    .join("");
  const json = parts.startsWith("base64-") ? Buffer.from(parts.slice("base64-".length), "base64url").toString("utf8") : decodeURIComponent(parts);
  return (JSON.parse(json) as { access_token: string }).access_token;
}

test("a session signed out elsewhere is signed out here at once, and the catalogue shows only public initiatives", async ({ page, context }) => {
  await signIn(page, DEMO.region);
  await page.goto("/initiatives");
  await expect(page.getByRole("link", { name: NON_PUBLIC })).toBeVisible();

  // Signed out "on another device": the session ends at the auth server; this browser keeps its cookie.
  const token = await accessToken(await context.cookies());
  const { error } = await serviceClient().auth.admin.signOut(token, "global");
  expect(error).toBeNull();

  await page.goto("/initiatives");
  await expect(page.getByRole("link", { name: "Logga in" }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Logga ut" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: NON_PUBLIC })).toHaveCount(0);

  // A page for partners sends the visitor to sign in again.
  await page.goto("/forums");
  await expect(page).toHaveURL(/\/login/);
});
