/**
 * Forum e-mail (issue 5) against the real stack and its mail catcher: immediate notifications of
 * replies and mentions (exactly once, never to someone who cannot read the forum, never for a hidden
 * post), daily digests (one per day, however often the command runs) and the join e-mails.
 * Everything runs in forums, threads and accounts made here (unique addresses, so other tests' mail
 * does not count), removed afterwards.
 *
 * runDigests() handles everyone in the database whose digest is due, so it only ever runs at the
 * real time here: the other tests' people are 'immediately' (the default) and their notifications
 * are younger than ten minutes, so it leaves them be.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { newId, serviceInsert, serviceUpdate, sql } from "../support/rls.ts";
import { serviceClient } from "../support/clients.ts";

const stack = inject("stack");
const SITE_URL = "http://portal.test";
const tag = newId().slice(0, 8);

type Notifications = typeof import("~/lib/forum-notifications.server");
let notifications: Notifications;

interface Person {
  id: string;
  email: string;
  name: string;
}
type Frequency = "immediately" | "daily" | "weekly" | "never";
const people: Person[] = [];
const forums: string[] = [];

/** The organisation the file's people belong to: forums are for partners (issue 9), not for any account. */
let partnerOrg: string | undefined;
async function partnerOrgId(): Promise<string> {
  if (!partnerOrg) {
    partnerOrg = newId();
    await serviceInsert("organisations", { id: partnerOrg, name: `Notisförening ${tag}`, kind: "association", status: "active" });
  }
  return partnerOrg;
}

async function person(label: string, frequency: Frequency = "immediately", locale: "sv" | "en" = "sv"): Promise<Person> {
  const email = `forum-notify-${label.toLowerCase()}-${tag}@test.example`;
  const name = `${label} Notistest${tag}`;
  const { data, error } = await serviceClient().auth.admin.createUser({ email, password: "notify-test-password", email_confirm: true, user_metadata: { full_name: name } });
  if (error || !data.user) throw new Error(`creating ${email} failed: ${error?.message}`);
  await serviceUpdate("profiles", { id: data.user.id }, { full_name: name, notification_frequency: frequency, locale });
  await serviceInsert("memberships", { org_id: await partnerOrgId(), user_id: data.user.id, role: "member", status: "active" });
  const created = { id: data.user.id, email, name };
  people.push(created);
  return created;
}

async function forum(visibility: "open" | "closed" | "private", members: Person[] = []): Promise<{ id: string; slug: string; name: string }> {
  const id = newId();
  const slug = `notis-${id.slice(0, 8)}`;
  const name = `Notisforum ${id.slice(0, 4)}`;
  await serviceInsert("forums", { id, slug, name, visibility });
  forums.push(id);
  for (const member of members) await serviceInsert("forum_members", { forum_id: id, user_id: member.id, role: "member", status: "active" });
  return { id, slug, name };
}

async function thread(forumId: string, author: Person, title: string): Promise<string> {
  const id = newId();
  await serviceInsert("threads", { id, forum_id: forumId, title, author_id: author.id });
  await post(id, author, "Första inlägget i tråden.");
  return id;
}

async function post(threadId: string, author: Person, body: string): Promise<{ id: string; position: number }> {
  const [row] = await serviceInsert("posts", { thread_id: threadId, author_id: author.id, body });
  return { id: row!.id as string, position: row!.position as number };
}

async function watch(who: Person, threadId: string): Promise<void> {
  await serviceInsert("forum_watches", { user_id: who.id, thread_id: threadId });
}

interface Mail {
  to: string[];
  subject: string;
  html: string;
  text: string;
}
async function mailTo(address: string): Promise<Mail[]> {
  const response = await fetch(`${stack.mailUrl}/messages?to=${encodeURIComponent(address)}`);
  return ((await response.json()) as { data: Mail[] }).data;
}

async function notificationsOf(who: Person): Promise<{ kind: string; post_id: string; emailed_at: string | null }[]> {
  return sql("select kind::text, post_id::text, emailed_at::text from public.notifications where user_id = $1 order by id", [who.id]);
}

beforeAll(async () => {
  Object.assign(process.env, {
    SUPABASE_URL: stack.url,
    SUPABASE_ANON_KEY: stack.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
    RESEND_API_KEY: "re_integration_test",
    RESEND_BASE_URL: stack.mailUrl,
    SITE_URL,
  });
  notifications = await import("~/lib/forum-notifications.server");
});

afterAll(async () => {
  if (forums.length) await sql("delete from public.forums where id = any($1::uuid[])", [forums]);
  if (people.length) await sql("delete from auth.users where id = any($1::uuid[])", [people.map((p) => p.id)]);
  if (partnerOrg) await sql("delete from public.organisations where id = $1", [partnerOrg]);
});

describe("a reply in a watched thread", () => {
  it("is e-mailed once to a person who wants e-mail immediately, with a link to the post", async () => {
    const author = await person("Starter");
    const watcher = await person("Watcher");
    const replier = await person("Replier");
    const open = await forum("open");
    const threadId = await thread(open.id, author, `Trygghet i Kronogården ${tag}`);
    await watch(watcher, threadId);

    const reply = await post(threadId, replier, "Vi ses på **torsdag** vid [fritidsgården](https://example.se). <script>alert(1)</script>");
    expect(await notificationsOf(watcher)).toEqual([{ kind: "reply", post_id: reply.id, emailed_at: null }]);

    const first = await notifications.deliverPostNotifications(reply.id);
    expect(first.sent).toBe(2); // the watcher and the thread's author (who watches it by starting it)
    const mails = await mailTo(watcher.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe(`Nytt inlägg i ”Trygghet i Kronogården ${tag}”`);
    expect(mail.text).toContain(`${replier.name} har skrivit ett nytt inlägg`);
    expect(mail.text).toContain("Vi ses på torsdag vid fritidsgården");
    const link = `${SITE_URL}/forums/${open.slug}/threads/${threadId}?post=${reply.position}#post-${reply.position}`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain('<html lang="sv">');
    expect((await notificationsOf(watcher))[0]!.emailed_at).not.toBeNull();
    expect(await mailTo(replier.email)).toHaveLength(0); // never the author

    const second = await notifications.deliverPostNotifications(reply.id);
    expect(second.sent).toBe(0);
    expect(await mailTo(watcher.email)).toHaveLength(1);
  });

  it("sends nothing more when two deliveries of the same post race", async () => {
    const author = await person("Racer");
    const watchers = await Promise.all([person("RaceA"), person("RaceB"), person("RaceC")]);
    const open = await forum("open");
    const threadId = await thread(open.id, author, `Kapplöpning ${tag}`);
    for (const watcher of watchers) await watch(watcher, threadId);
    const reply = await post(threadId, await person("RaceReplier"), "Ett svar.");
    const results = await Promise.all([1, 2, 3].map(() => notifications.deliverPostNotifications(reply.id)));
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(4); // 3 watchers + the author
    for (const watcher of watchers) expect(await mailTo(watcher.email)).toHaveLength(1);
  });

  it("writes in the recipient's language", async () => {
    const author = await person("Englishauthor");
    const reader = await person("Englishreader", "immediately", "en");
    const open = await forum("open");
    const threadId = await thread(open.id, author, `Sommarlov ${tag}`);
    await watch(reader, threadId);
    const reply = await post(threadId, author, "Hej!");
    await notifications.deliverPostNotifications(reply.id);
    const [mail] = await mailTo(reader.email);
    expect(mail?.subject).toBe(`New post in “Sommarlov ${tag}”`);
    expect(mail?.html).toContain('<html lang="en">');
  });
});

describe("a mention", () => {
  it("in a private forum notifies a member who may read it, and nobody who may not", async () => {
    const author = await person("Amina");
    const member = await person("Member");
    const outsider = await person("Outsider");
    const secret = await forum("private", [author, member]);
    const threadId = await thread(secret.id, author, `Uppföljning ${tag}`);

    const mention = await post(threadId, author, `Hej @${member.name} och @${outsider.name}, vad tycker ni?`);
    expect(await notificationsOf(outsider)).toEqual([]);
    expect(await notificationsOf(member)).toEqual([{ kind: "mention", post_id: mention.id, emailed_at: null }]);

    expect((await notifications.deliverPostNotifications(mention.id)).sent).toBe(1);
    const [mail] = await mailTo(member.email);
    expect(mail?.subject).toBe(`${author.name} nämnde dig i ”Uppföljning ${tag}”`);
    expect(mail?.text).toContain(`${author.name} nämnde dig i tråden ”Uppföljning ${tag}” i forumet ${secret.name}.`);
    expect(await mailTo(outsider.email)).toHaveLength(0);
  });
});

describe("a hidden post", () => {
  it("is not e-mailed, and its notification stays unsent", async () => {
    const author = await person("Hiddenauthor");
    const watcher = await person("Hiddenwatcher");
    const open = await forum("open");
    const threadId = await thread(open.id, author, `Dold ${tag}`);
    await watch(watcher, threadId);
    const spam = await post(threadId, author, "Köp billiga klockor!");
    await serviceUpdate("posts", { id: spam.id }, { hidden_at: new Date().toISOString(), hidden_reason: "Reklam" });

    expect((await notifications.deliverPostNotifications(spam.id)).sent).toBe(0);
    expect(await mailTo(watcher.email)).toHaveLength(0);
    expect(await notificationsOf(watcher)).toEqual([{ kind: "reply", post_id: spam.id, emailed_at: null }]);
  });
});

describe("digests", () => {
  it("a daily person gets nothing immediately, then one digest of both posts, once a day; a 'never' person nothing", async () => {
    const author = await person("Digestauthor");
    const daily = await person("Daily", "daily");
    const never = await person("Never", "never");
    const open = await forum("open");
    const title = `Fritidsgården <öppet> ${tag}`;
    const threadId = await thread(open.id, author, title);
    await watch(daily, threadId);
    await watch(never, threadId);

    const one = await post(threadId, author, "Första nyheten.");
    const hidden = await post(threadId, author, "Reklam.");
    await serviceUpdate("posts", { id: hidden.id }, { hidden_at: new Date().toISOString() });
    const two = await post(threadId, await person("Second"), `Andra nyheten, @${daily.name}.`);
    const sent = [];
    for (const created of [one, hidden, two]) sent.push((await notifications.deliverPostNotifications(created.id)).sent);
    expect(sent).toEqual([0, 0, 1]); // only the second post, to the thread's author (immediately)
    expect(await mailTo(daily.email)).toHaveLength(0);
    expect(await notificationsOf(never)).toEqual([]);

    const now = new Date(Date.now() + 1000);
    const result = await notifications.runDigests({ now });
    expect(result.emails).toBeGreaterThanOrEqual(1);
    expect(result.notifications).toBeGreaterThanOrEqual(2);
    const mails = await mailTo(daily.email);
    expect(mails).toHaveLength(1);
    const digest = mails[0]!;
    expect(digest.subject).toBe("Nytt i forumen i dag: 2 inlägg");
    expect(digest.text).toContain(title);
    expect(digest.html).toContain(`Fritidsgården &#60;öppet&#62; ${tag}`);
    expect(digest.text).toContain("2 nya inlägg");
    expect(digest.text).toContain("Du blev nämnd.");
    expect(digest.text).toContain(`${SITE_URL}/forums/${open.slug}/threads/${threadId}?post=${one.position}#post-${one.position}`);
    expect(digest.text).not.toContain("Reklam");
    const key = notifications.dayPeriodKey(now);
    expect(await sql("select period_key, notification_count from public.notification_digests where user_id = $1", [daily.id])).toEqual([
      { period_key: key, notification_count: 2 },
    ]);

    // Again the same day, even with a new post: nothing more (the day's digest is sent).
    await post(threadId, author, "Tredje nyheten.");
    const again = await notifications.runDigests({ now: new Date(now.getTime() + 2000) });
    expect(await mailTo(daily.email)).toHaveLength(1);
    expect(again.failures).toBe(0);
    expect(await mailTo(never.email)).toHaveLength(0);

    // The next day, the third post comes in that day's digest. (Rather than running in the future,
    // which would make everyone's pending notifications in the database due, today's digest is
    // turned into yesterday's.)
    await sql("update public.notification_digests set period_key = $2 where user_id = $1 and period_key = $3", [
      daily.id,
      notifications.dayPeriodKey(new Date(now.getTime() - 24 * 60 * 60 * 1000)),
      key,
    ]);
    await notifications.runDigests({ now: new Date(Date.now() + 1000) });
    const [next] = await mailTo(daily.email); // newest first
    expect(await mailTo(daily.email)).toHaveLength(2);
    expect(next?.subject).toBe("Nytt i forumen i dag: 1 inlägg");
    expect(await mailTo(never.email)).toHaveLength(0);
  });

  it("catches an immediate notification whose e-mail did not go out", async () => {
    const author = await person("Staleauthor");
    const watcher = await person("Stalewatcher");
    const open = await forum("open");
    const threadId = await thread(open.id, author, `Missat mejl ${tag}`);
    await watch(watcher, threadId);
    await post(threadId, author, "Ett inlägg vars mejl aldrig skickades.");
    // Not delivered (as if the server stopped); 10 minutes later it is due in the daily digest.
    expect(await mailTo(watcher.email)).toHaveLength(0);
    await notifications.runDigests();
    expect(await mailTo(watcher.email)).toHaveLength(0); // not yet: the immediate send may still be under way
    await sql("update public.notifications set created_at = created_at - interval '11 minutes' where user_id = $1", [watcher.id]);
    await notifications.runDigests();
    const mails = await mailTo(watcher.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(`Missat mejl ${tag}`);
  });

  it("period keys follow Stockholm's calendar and ISO weeks", () => {
    expect(notifications.dayPeriodKey(new Date("2026-12-31T23:30:00Z"))).toBe("day:2027-01-01");
    expect(notifications.weekPeriodKey(new Date("2026-12-31T23:30:00Z"))).toBe("week:2026-W53");
    expect(notifications.weekPeriodKey(new Date("2027-01-04T08:00:00Z"))).toBe("week:2027-W01");
    expect(notifications.dayPeriodKey(new Date("2026-06-30T22:30:00Z"))).toBe("day:2026-07-01");
    expect(notifications.weekPeriodKey(new Date("2026-11-27T12:00:00Z"))).toBe("week:2026-W48");
  });
});

describe("a failed e-mail", () => {
  it("is released for a retry: the notification stays unsent and the digest is not claimed", async () => {
    const author = await person("Failauthor");
    const watcher = await person("Failwatcher");
    const daily = await person("Faildaily", "daily");
    const open = await forum("open");
    const threadId = await thread(open.id, author, `Trasig post ${tag}`);
    await watch(watcher, threadId);
    await watch(daily, threadId);
    const reply = await post(threadId, author, "Ett svar som inte kommer fram.");

    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.resetModules();
    vi.doMock("~/lib/email.server", () => ({ sendEmail: async () => ({ ok: false, error: "mail service down" }) }));
    try {
      const failing = await import("~/lib/forum-notifications.server");
      expect(await failing.deliverPostNotifications(reply.id)).toEqual({ sent: 0 });
      const result = await failing.runDigests({ now: new Date(Date.now() + 1000) });
      expect(result.failures).toBeGreaterThanOrEqual(1);
    } finally {
      vi.doUnmock("~/lib/email.server");
      vi.resetModules();
      logged.mockRestore();
    }
    expect(await notificationsOf(watcher)).toEqual([{ kind: "reply", post_id: reply.id, emailed_at: null }]);
    expect(await notificationsOf(daily)).toEqual([{ kind: "reply", post_id: reply.id, emailed_at: null }]);
    expect(await sql("select 1 from public.notification_digests where user_id = $1", [daily.id])).toEqual([]);

    // Once the mail service is back, both go out.
    expect((await notifications.deliverPostNotifications(reply.id)).sent).toBe(1);
    await notifications.runDigests({ now: new Date(Date.now() + 1000) });
    expect(await mailTo(watcher.email)).toHaveLength(1);
    expect(await mailTo(daily.email)).toHaveLength(1);
  });
});

describe("joining a forum", () => {
  it("tells the moderators of a request, and the person of the decision or of being added", async () => {
    const moderator = await person("Moderator");
    const asker = await person("Asker");
    const added = await person("Added");
    const closed = await forum("closed");
    await serviceInsert("forum_members", { forum_id: closed.id, user_id: moderator.id, role: "moderator", status: "active" });

    await notifications.sendJoinRequestToModerators({ forumId: closed.id, requesterId: asker.id });
    const [request] = await mailTo(moderator.email);
    expect(request?.subject).toBe(`${asker.name} vill gå med i ”${closed.name}”`);
    expect(request?.text).toContain(`${SITE_URL}/forums/${closed.slug}/members`);

    await notifications.sendJoinDecision({ forumId: closed.id, userId: asker.id, approved: true });
    await notifications.sendJoinDecision({ forumId: closed.id, userId: asker.id, approved: false });
    const decisions = await mailTo(asker.email);
    expect(decisions.map((mail) => mail.subject).sort()).toEqual([`Svar på din förfrågan om ”${closed.name}”`, `Välkommen till ”${closed.name}”`]);
    expect(decisions[0]?.text).toContain(`${SITE_URL}/forums/${closed.slug}\n`);

    await notifications.sendAddedToForum({ forumId: closed.id, userId: added.id });
    expect((await mailTo(added.email)).map((mail) => mail.subject)).toEqual([`Du är nu medlem i ”${closed.name}”`]);
  });

  it("without moderators, a request goes to the coordinators", async () => {
    const asker = await person("Lonely");
    const closed = await forum("closed");
    await notifications.sendJoinRequestToModerators({ forumId: closed.id, requesterId: asker.id });
    const mails = await mailTo("samordnare@trollhattan.example");
    expect(mails.some((mail) => mail.subject === `${asker.name} vill gå med i ”${closed.name}”`)).toBe(true);
  });

  it("never throws, even for a forum that does not exist", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const asker = await person("Ghost");
    await expect(notifications.sendJoinRequestToModerators({ forumId: newId(), requesterId: asker.id })).resolves.toBeUndefined();
    await expect(notifications.deliverPostNotifications(newId())).resolves.toEqual({ sent: 0 });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
