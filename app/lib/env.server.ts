/**
 * The server's environment, parsed once. `npm start` fills it from the embedded stack's
 * `.data/supabase.env` when no SUPABASE_URL is given; in production it comes from the host.
 */
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  SUPABASE_URL: z.string().url(),
  SUPABASE_ANON_KEY: z.string().min(20),
  SUPABASE_SERVICE_ROLE_KEY: z.string().min(20),
  RESEND_API_KEY: z.string().min(1).optional(),
  /** Points the Resend SDK at the embedded stack's mail catcher. */
  RESEND_BASE_URL: z.string().url().optional(),
  SITE_URL: z.string().url().default("http://localhost:3000"),
  /** Headless Chromium that renders PDFs (app/lib/pdf.server.ts); Debian's Chromium by default. */
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
});

export type ServerEnv = z.infer<typeof envSchema>;

let cached: ServerEnv | undefined;

export function getEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new Error(`Invalid or missing environment variables: ${fields}. See README.md ("Configuration").`);
  }
  cached = parsed.data;
  return cached;
}
