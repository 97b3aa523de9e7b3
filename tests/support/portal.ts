/**
 * The built portal against an ephemeral embedded stack, for the resilience tests and the load
 * benchmark: the stack runs in this process (so a test can stop and start its components), the
 * portal as a child process exactly as in production (`server/index.ts`, NODE_ENV=production).
 * A `Browser` talks to it like a browser without JavaScript: plain GETs and form POSTs, with a
 * cookie jar, reading the forms (hidden fields included) from the HTML it gets.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { Parser } from "htmlparser2";
import { findFreePorts } from "../../supabase/local/ports.ts";
import type { RunningStack } from "../../supabase/local/stack.ts";
import { startEphemeralStack, type TestStack } from "./ephemeral-stack.ts";
import { runScript, type CliRun } from "./stack-cli.ts";

const root = path.resolve(import.meta.dirname, "../..");

export const DEMO_PASSWORD = "samverkan-demo";

export interface TestPortal {
  /** The portal's base URL, e.g. http://localhost:41234. */
  url: string;
  stack: RunningStack;
  info: TestStack;
  server: CliRun;
  /** A new browser (its own cookies) pointed at the portal. */
  browser(): Browser;
  dispose(): Promise<void>;
}

/** Starts a fresh seeded stack and the built portal in front of it, with `env` added to the portal's environment. */
export async function startTestPortal(env: Record<string, string> = {}): Promise<TestPortal> {
  if (!existsSync(path.join(root, "build", "index.js"))) {
    throw new Error("build/index.js is missing: run `npm run build` before the resilience tests and the load benchmark.");
  }
  const [port] = (await findFreePorts(1)) as [number];
  const url = `http://localhost:${port}`;
  const { stack, info, dispose: disposeStack } = await startEphemeralStack(url);
  const server = runScript("server/index.ts", {
    PORT: String(port),
    NODE_ENV: "production",
    SUPABASE_URL: info.url,
    SUPABASE_ANON_KEY: info.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: info.serviceRoleKey,
    SITE_URL: url,
    RESEND_BASE_URL: info.mailUrl,
    RESEND_API_KEY: "re_test_mail_catcher",
    ...env,
  });
  try {
    await server.waitFor("Portal listening on");
  } catch (error) {
    await disposeStack();
    throw error;
  }
  return {
    url,
    stack,
    info,
    server,
    browser: () => new Browser(url),
    async dispose() {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill("SIGTERM");
        await server.exit;
      }
      await disposeStack();
    },
  };
}

export interface Answer {
  status: number;
  /** The Location header of a redirect, relative to the portal. */
  location: string | null;
  html: string;
  /** The Retry-After header (the 503 page says when to come back). */
  retryAfter: string | null;
  /** Milliseconds from sending the request to the whole body. */
  ms: number;
}

/** A browser without JavaScript: cookies kept per instance, redirects not followed (they are checked). */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  get(pathname: string, timeoutMs = 30_000): Promise<Answer> {
    return this.request("GET", pathname, undefined, timeoutMs);
  }

  /** A form POST as a browser sends it (urlencoded, with its Origin). */
  post(pathname: string, form: URLSearchParams, timeoutMs = 30_000): Promise<Answer> {
    return this.request("POST", pathname, form, timeoutMs);
  }

  /** Signs in through /login as a person would; throws unless the portal redirects away from it. */
  async signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    const page = await this.get("/login");
    const form = formFields(page.html, { name: "email" });
    form.set("email", email);
    form.set("password", password);
    const answer = await this.post("/login", form);
    if (answer.status !== 302 || !this.cookieHeader()) {
      throw new Error(`Signing in as ${email} answered ${answer.status} ${answer.location ?? ""}`);
    }
  }

  /** The Cookie header this browser sends (for tools that make their own requests, e.g. autocannon). */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async request(method: "GET" | "POST", pathname: string, form: URLSearchParams | undefined, timeoutMs: number): Promise<Answer> {
    const started = performance.now();
    const headers: Record<string, string> = { accept: "text/html" };
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    if (form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      headers.origin = this.baseUrl;
    }
    const response = await fetch(new URL(pathname, this.baseUrl), {
      method,
      headers,
      body: form?.toString(),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const html = await response.text();
    for (const line of response.headers.getSetCookie()) this.keep(line);
    const location = response.headers.get("location");
    return {
      status: response.status,
      location: location ? location.replace(this.baseUrl, "") : null,
      html,
      retryAfter: response.headers.get("retry-after"),
      ms: performance.now() - started,
    };
  }

  private keep(setCookie: string): void {
    const [pair = "", ...attributes] = setCookie.split(";");
    const name = pair.slice(0, pair.indexOf("=")).trim();
    const value = pair.slice(pair.indexOf("=") + 1).trim();
    const expired = attributes.some((attribute) => {
      const [key = "", arg = ""] = attribute.trim().split("=");
      if (key.toLowerCase() === "max-age") return Number(arg) <= 0;
      if (key.toLowerCase() === "expires") return Date.parse(arg) <= Date.now();
      return false;
    });
    if (!name) return;
    if (expired || value === "") this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

/** Which form of a page: the first one with a control of this name (and value, e.g. a submit button's intent). */
export interface FormPick {
  name: string;
  value?: string;
}

/**
 * The fields a browser would send for the first form that has a control matching `pick`: hidden
 * and text inputs, checked boxes and radios, textareas, selected options. Of the submit buttons,
 * only the picked one counts (the button pressed), as in a real submission. Throws if no form matches.
 */
export function formFields(html: string, pick: FormPick): URLSearchParams {
  interface Control {
    name: string;
    value: string;
    submitter: boolean;
  }
  const forms: Control[][] = [];
  let current: Control[] | null = null;
  let textarea: Control | null = null;
  let select: { name: string; multiple: boolean; options: { value: string | null; text: string; selected: boolean }[] } | null = null;
  let option: { value: string | null; text: string; selected: boolean } | null = null;

  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (tag === "form") {
          current = [];
          forms.push(current);
          return;
        }
        if (!current || attributes.disabled !== undefined) return;
        const name = attributes.name;
        if (tag === "input" && name) {
          const type = (attributes.type ?? "text").toLowerCase();
          if (type === "file" || type === "reset" || type === "button" || type === "image") return;
          const submitter = type === "submit";
          if ((type === "checkbox" || type === "radio") && attributes.checked === undefined) return;
          current.push({ name, value: attributes.value ?? (type === "checkbox" || type === "radio" ? "on" : ""), submitter });
        } else if (tag === "button" && name) {
          const type = (attributes.type ?? "submit").toLowerCase();
          if (type === "submit") current.push({ name, value: attributes.value ?? "", submitter: true });
        } else if (tag === "textarea" && name) {
          textarea = { name, value: "", submitter: false };
          current.push(textarea);
        } else if (tag === "select" && name) {
          select = { name, multiple: attributes.multiple !== undefined, options: [] };
        } else if (tag === "option" && select) {
          option = { value: attributes.value ?? null, text: "", selected: attributes.selected !== undefined };
          select.options.push(option);
        }
      },
      ontext(text) {
        if (textarea) textarea.value += text;
        if (option) option.text += text;
      },
      onclosetag(tag) {
        if (tag === "form") current = null;
        else if (tag === "textarea") {
          // A browser drops the one newline that directly follows <textarea>.
          if (textarea) textarea.value = textarea.value.replace(/^\r?\n/, "");
          textarea = null;
        } else if (tag === "option") option = null;
        else if (tag === "select" && select) {
          const chosen = select.options.filter((candidate) => candidate.selected);
          const sent = chosen.length > 0 ? chosen : select.multiple ? [] : select.options.slice(0, 1);
          for (const choice of sent) current?.push({ name: select.name, value: choice.value ?? choice.text.trim(), submitter: false });
          select = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();

  const matches = (control: Control) => control.name === pick.name && (pick.value === undefined || control.value === pick.value);
  const form = forms.find((controls) => controls.some(matches));
  if (!form) throw new Error(`No form with ${pick.name}${pick.value === undefined ? "" : `=${pick.value}`} on the page`);
  const fields = new URLSearchParams();
  for (const control of form) {
    if (control.submitter && !matches(control)) continue;
    fields.append(control.name, control.value);
  }
  return fields;
}

/** The hidden `submissionKey` of the form picked by `pick` (the key a retried POST must repeat). */
export function submissionKeyOf(html: string, pick: FormPick): string {
  const key = formFields(html, pick).get("submissionKey");
  if (!key) throw new Error(`The form with ${pick.name}${pick.value === undefined ? "" : `=${pick.value}`} has no submissionKey`);
  return key;
}
