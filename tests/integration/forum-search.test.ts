/**
 * Forum search (`search_forums` rpc, issue 5) through supabase-js as the demo personas against the
 * real stack: RLS applies through the search (a private forum's words only for its members, hidden
 * posts for nobody), Swedish stemming, highlight delimiters instead of HTML, and a post's HTML
 * coming back as text that HighlightedText escapes. Throwaway threads and posts are made through
 * the service role and removed afterwards.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HighlightedText } from "../../app/components/highlighted-text.tsx";
import { cleanSearchQuery, postHref, readableHeadline } from "../../app/lib/forum-search.server.ts";
import { FORUM, USER, as, newId, serviceDelete, serviceInsert, type Actor } from "../support/rls.ts";

const START = "\u0001";
const STOP = "\u0002";

/** A word no seed post contains (letters only, so the Swedish parser keeps it as one word). */
function uniqueWord(prefix: string): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  let word = prefix;
  for (let i = 0; i < 10; i++) word += letters[Math.floor(Math.random() * letters.length)];
  return word;
}

interface Hit {
  post_id: string;
  post_position: number;
  thread_id: string;
  forum_slug: string;
  headline: string;
  total_count: number;
}

async function search(actor: Actor, query: string): Promise<Hit[]> {
  const { data, error } = await (await as(actor)).rpc("search_forums", { query, max_results: 50, skip: 0 });
  expect(error, `${actor} searching for ${query}`).toBeNull();
  return (data ?? []) as Hit[];
}

const privateWord = uniqueWord("privat");
const hiddenWord = uniqueWord("dold");
const stemWord = uniqueWord("stam");
const scriptWord = uniqueWord("skript");
const threads: string[] = [];
const post: Record<"private" | "hidden" | "stem" | "script", string> = { private: "", hidden: "", stem: "", script: "" };

async function thread(forumId: string, title: string, authorId: string): Promise<string> {
  const id = newId();
  await serviceInsert("threads", { id, forum_id: forumId, title, author_id: authorId });
  threads.push(id);
  return id;
}

async function addPost(threadId: string, authorId: string, body: string, extra: Record<string, unknown> = {}): Promise<string> {
  const [row] = await serviceInsert("posts", { thread_id: threadId, author_id: authorId, body, ...extra });
  return String(row?.id);
}

beforeAll(async () => {
  const privateThread = await thread(FORUM.uppfoljning, "Söktest i det privata forumet", USER.coordinator);
  post.private = await addPost(privateThread, USER.eidar, `Siffrorna för ${privateWord} skickas till kommunstyrelsen i december.`);

  const openThread = await thread(FORUM.samverkan, "Söktest i det öppna forumet", USER.region);
  await addPost(openThread, USER.region, "Ett första inlägg i söktråden.");
  post.hidden = await addPost(openThread, USER.region, `Reklam för ${hiddenWord} som moderatorn har dolt.`, {
    hidden_at: new Date().toISOString(),
    hidden_by: USER.coordinator,
    hidden_reason: "Reklam",
  });
  post.stem = await addPost(openThread, USER.association, `Hur gick det med sommarjobben i ${stemWord} i år?`);
  post.script = await addPost(openThread, USER.eidar, `Testa <script>alert(1)</script> och <mark>falsk</mark>, 1 < 2 > 0 i ${scriptWord} & <b>fet</b>.`);
});

afterAll(async () => {
  for (const id of threads) await serviceDelete("threads", { id });
});

describe("search respects who may read what", () => {
  it("finds a word of the private forum for its members (eidar, coordinator)", async () => {
    for (const actor of ["eidar", "coordinator"] as const) {
      const hits = await search(actor, privateWord);
      expect(hits.map((hit) => hit.post_id), actor).toEqual([post.private]);
      expect(hits[0]?.forum_slug).toBe("uppfoljning-bostadsbolaget");
      expect(Number(hits[0]?.total_count)).toBe(1);
    }
  });

  it("does not find it for non-members (association, region, board)", async () => {
    for (const actor of ["association", "region", "board"] as const) {
      expect(await search(actor, privateWord), actor).toEqual([]);
    }
  });

  it("is not callable anonymously", async () => {
    const { data, error } = await (await as("anon")).rpc("search_forums", { query: privateWord, max_results: 20, skip: 0 });
    expect(data ?? []).toEqual([]);
    expect(error?.code).toBe("42501");
  });

  it("finds a hidden post's words for nobody, not its author or the moderator", async () => {
    for (const actor of ["region", "coordinator", "eidar", "association", "board", "service"] as const) {
      expect(await search(actor, hiddenWord), actor).toEqual([]);
    }
  });
});

describe("Swedish full-text search", () => {
  it("finds 'sommarjobben' when searching 'sommarjobb' (stemming), with the match delimited", async () => {
    const hits = await search("region", "sommarjobb");
    const mine = hits.find((hit) => hit.post_id === post.stem);
    expect(mine, "the post with 'sommarjobben' is found").toBeDefined();
    expect(mine?.headline).toContain(`${START}sommarjobben${STOP}`);
    // Several words: all must match (and stemming applies to each).
    expect((await search("region", `sommarjobb ${stemWord}`)).map((hit) => hit.post_id)).toEqual([post.stem]);
  });

  it("gives the position to link to the post inside its thread", async () => {
    const [hit] = await search("eidar", stemWord);
    expect(hit?.post_position).toBe(3);
    expect(postHref(hit!.forum_slug, hit!.thread_id, hit!.post_position)).toBe(`/forums/samverkan-i-trollhattan/threads/${hit!.thread_id}?post=3#post-3`);
  });

  it("returns a post's HTML as text with delimiters, which HighlightedText escapes", async () => {
    const [hit] = await search("association", scriptWord);
    expect(hit?.post_id).toBe(post.script);
    const headline = hit!.headline;
    // Only the match is delimited; the headline is text (ts_headline drops what its parser takes
    // for tags, the rest of the post's characters come back as they are).
    expect(headline).toContain(`${START}${scriptWord}${STOP}`);
    expect(headline.split(START)).toHaveLength(2);
    expect(headline).toContain("alert(1)");
    expect(headline).toMatch(/1 < 2 > 0/);
    const html = renderToStaticMarkup(createElement(HighlightedText, { text: headline }));
    expect(html).toContain(`<mark>${scriptWord}</mark>`);
    expect(html).toContain("1 &lt; 2 &gt; 0");
    expect(html).not.toMatch(/<(?!\/?mark>)/);
    expect(html.match(/<mark>/g)).toHaveLength(1);
    // Whatever survives in the text is escaped: the raw markup of the post, rendered, stays text.
    const raw = renderToStaticMarkup(createElement(HighlightedText, { text: `<script>alert(1)</script> ${START}<mark>${STOP}` }));
    expect(raw).toBe("&lt;script&gt;alert(1)&lt;/script&gt; <mark>&lt;mark&gt;</mark>");
  });

  it("pages with skip and reports the total", async () => {
    const all = await search("coordinator", "sommarjobb");
    const { data, error } = await (await as("coordinator")).rpc("search_forums", { query: "sommarjobb", max_results: 1, skip: 1 });
    expect(error).toBeNull();
    const page = (data ?? []) as Hit[];
    expect(page.map((row) => row.post_id)).toEqual([all[1]?.post_id].filter(Boolean));
    if (page[0]) expect(Number(page[0].total_count)).toBe(all.length);
  });

  it("treats operators and punctuation in the query as words, never as an error", async () => {
    for (const query of ["'", '"', "!(&|", "-", "or", "<script>", "a:*"]) {
      await search("region", query);
    }
  });
});

describe("cleanSearchQuery", () => {
  it("trims, collapses whitespace and removes control characters (the delimiters too)", () => {
    expect(cleanSearchQuery("  sommar\tjobb\n ")).toEqual({ q: "sommar jobb", error: null });
    expect(cleanSearchQuery(`a${START}b${STOP}c\u0000\u007f`)).toEqual({ q: "abc", error: null });
    expect(cleanSearchQuery(null)).toEqual({ q: "", error: null });
  });

  it("accepts 200 characters and refuses 201", () => {
    expect(cleanSearchQuery("å".repeat(200)).error).toBeNull();
    expect(cleanSearchQuery(` ${"å".repeat(200)} `).error).toBeNull();
    expect(cleanSearchQuery("å".repeat(201)).error).toBe("tooLong");
  });
});

describe("readableHeadline", () => {
  it("drops the common Markdown marks and keeps the delimiters and the text", () => {
    expect(readableHeadline(`Vi är **${START}Kronogårdens${STOP} kulturförening**. Läs [mer](https://example.com) \`kod\``)).toBe(
      `Vi är ${START}Kronogårdens${STOP} kulturförening. Läs mer kod`,
    );
    expect(readableHeadline("# Rubrik\n- punkt ett\n> citat\n1. första")).toBe("Rubrik punkt ett citat första");
    expect(readableHeadline("1 < 2 > 0 <script>")).toBe("1 < 2 > 0 <script>");
  });
});
