/**
 * The dictionary registry (app/lib/i18n.ts): the browser holds only the languages it loaded, so a
 * missing one must fail loudly instead of rendering undefined words; loading registers a language
 * once; the server module (app/lib/messages.server.ts) has both without registration.
 */
import { describe, expect, it, vi } from "vitest";

// A fresh registry per test (module state).
async function freshI18n() {
  vi.resetModules();
  return import("../../app/lib/i18n.ts");
}

describe("i18n registry", () => {
  it("throws a clear error for a language that is not loaded", async () => {
    const { getMessages } = await freshI18n();
    expect(() => getMessages("en")).toThrow(/words for "en" are not loaded/);
  });

  it("loadMessages registers only the language asked for, once", async () => {
    const { getMessages, hasMessages, loadMessages } = await freshI18n();
    const first = loadMessages("en");
    expect(loadMessages("en")).toBe(first);
    const en = await first;
    expect(hasMessages("en")).toBe(true);
    expect(hasMessages("sv")).toBe(false);
    expect(getMessages("en")).toBe(en);
    expect(getMessages("en").shell.language.switchTo).toBe("På svenska");
    expect(() => getMessages("sv")).toThrow(/not loaded/);
  });

  it("server code gets both languages without registering, and can register them for rendering", async () => {
    const i18n = await freshI18n();
    const server = await import("../../app/lib/messages.server.ts");
    expect(server.getMessages("sv").shell.portalName).toBeTruthy();
    expect(server.getMessages("en").shell.language.switchTo).toBe("På svenska");
    expect(i18n.hasMessages("sv")).toBe(false);
    server.registerAllMessages();
    expect(i18n.getMessages("sv")).toBe(server.getMessages("sv"));
    expect(i18n.getMessages("en")).toBe(server.getMessages("en"));
  });
});
