/** Helpers for browser tests: signing in as a demo persona, and the stack behind the portal. */
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import type { Page } from "@playwright/test";
import ws from "ws";
import type { Database } from "../../app/lib/database.types.ts";
import { expect } from "./fixtures.ts";

export const DEMO_PASSWORD = "samverkan-demo";

export const DEMO = {
  coordinator: "samordnare@trollhattan.example",
  board: "ledamot@trollhattan.example",
  eidar: "eidar@eidar.example",
  association: "forening@kronogarden.example",
  region: "region@vgregion.example",
} as const;

export type Persona = keyof typeof DEMO;

/** Signs in through the /login form (works with JavaScript on or off) and waits to leave it. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-postadress", { exact: true }).fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
}

/** The names of the links in the main navigation, in order. */
export async function mainNavigation(page: Page): Promise<string[]> {
  const links = page.getByRole("navigation", { name: /Huvudmeny|Main menu/ }).getByRole("link");
  return (await links.allInnerTexts()).map((text) => text.trim());
}

interface E2EStack {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
}

function stack(): E2EStack {
  const raw = process.env.E2E_STACK;
  if (!raw) throw new Error("E2E_STACK is not set: run the browser tests through playwright (global setup).");
  return JSON.parse(raw) as E2EStack;
}

/** Bypasses RLS: only for arranging test data that the seed does not have (and removing it again). */
export function serviceClient(): SupabaseClient<Database> {
  const { url, serviceRoleKey } = stack();
  return createClient<Database>(url, serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: ws as unknown as typeof WebSocket },
  });
}
