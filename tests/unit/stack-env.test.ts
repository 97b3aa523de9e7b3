import path from "node:path";
import { describe, expect, it } from "vitest";
import { StackError } from "../../supabase/local/errors.ts";
import { stackOptionsFromEnv } from "../../supabase/local/run.ts";

describe("the stack's options from the environment", () => {
  it("defaults to the ports of `supabase start` and .data/", () => {
    const options = stackOptionsFromEnv({});
    expect(options.ports).toEqual({ gateway: 54321, postgres: 54322, postgrest: 54325, postgrestAdmin: 54326 });
    expect(options.dataDir).toBe(path.resolve(".data"));
    expect(options.portalPort).toBe(3000);
    expect(options.siteUrl).toBe("http://localhost:3000");
  });

  it("takes LOCAL_SUPABASE_PORT and PORT", () => {
    const options = stackOptionsFromEnv({ LOCAL_SUPABASE_PORT: "6000", PORT: "8080" });
    expect(options.ports?.gateway).toBe(6000);
    expect(options.siteUrl).toBe("http://localhost:8080");
  });

  it("names the variable when a port is not a port", () => {
    expect(() => stackOptionsFromEnv({ LOCAL_SUPABASE_PORT: "seventy" })).toThrow(StackError);
    expect(() => stackOptionsFromEnv({ PORT: "70000" })).toThrow(/PORT/);
  });
});
