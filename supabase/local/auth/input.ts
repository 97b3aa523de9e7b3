/** Request body validation: zod schemas whose failures become GoTrue's `validation_failed`. */
import { z } from "zod";
import { type JsonObject, validationFailed } from "./http.ts";

export function parseInput<T extends z.ZodTypeAny>(schema: T, body: JsonObject, status = 400): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data as z.infer<T>;
  const issue = result.error.issues[0];
  const field = issue?.path.join(".");
  const message = !issue ? "Invalid request" : field && !issue.message.startsWith(field) ? `${field}: ${issue.message}` : issue.message;
  throw validationFailed(message, status);
}

/** A JSON object, for metadata fields; `null` and absence both mean "not given". */
export const metadata = z
  .record(z.unknown())
  .nullish()
  .transform((value) => value ?? undefined);

export const optionalString = z
  .string()
  .nullish()
  .transform((value) => (value === null || value === undefined || value === "" ? undefined : value));

export const requiredString = (name: string) =>
  z
    .string({ required_error: `${name} is required`, invalid_type_error: `${name} must be a string` })
    .min(1, `${name} is required`);
