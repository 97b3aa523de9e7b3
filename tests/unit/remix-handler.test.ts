/** The page compression of server/remix-handler.ts: the encoding a browser gets, and a body it can read. */
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { chooseEncoding, compressDocument } from "../../server/remix-handler.ts";

describe("chooseEncoding", () => {
  it("prefers Brotli, as browsers offer it, then gzip", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip, deflate")).toBe("gzip");
    expect(chooseEncoding("GZIP")).toBe("gzip");
  });

  it("follows q-values, and sends nothing compressed that was not asked for", () => {
    expect(chooseEncoding("br;q=0.5, gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0")).toBeNull();
    expect(chooseEncoding("br;q=0, *")).toBe("gzip");
    expect(chooseEncoding("*;q=0.1")).toBe("br");
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding("deflate")).toBeNull();
    expect(chooseEncoding("")).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});

describe("compressDocument", () => {
  const page = Buffer.from(`<!DOCTYPE html><html lang="sv"><body>${"<p>Läxhjälp på Kronogården</p>".repeat(200)}</body></html>`);

  it("gives back the same page, smaller", () => {
    const br = compressDocument(page, "br");
    const gzip = compressDocument(page, "gzip");
    expect(br.length).toBeLessThan(page.length / 4);
    expect(brotliDecompressSync(br).equals(page)).toBe(true);
    expect(gunzipSync(gzip).equals(page)).toBe(true);
  });
});
