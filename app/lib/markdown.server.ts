import MarkdownIt, { type MarkdownIt as MarkdownItInstance, type StateCore, type Token } from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * Forum Markdown → sanitised HTML. Rendering is server-only so the browser
 * never sees an unsanitised string; the output is meant for
 * dangerouslySetInnerHTML.
 */

export interface RenderMarkdownOptions {
  /** Full names of people who may be @-mentioned, e.g. "Amina Hassan". */
  mentions?: readonly string[];
}

const LINK_REL = "nofollow noopener noreferrer";
const ALLOWED_SCHEMES = ["http", "https", "mailto"] as const;
/** Posts sit under the page's h1/h2, so a post's top heading becomes h3. */
const TOP_HEADING_LEVEL = 3;

type RenderEnv = {
  mentionPattern?: RegExp;
};

// C0/C1 controls, whitespace and zero-width/bidi marks: browsers ignore many of
// these inside a scheme, so they must not hide one from us.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE_RE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g;
const SCHEME_RE = /^([a-z][a-z0-9+.-]*):/;

function safeDecodeUri(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Allow only http(s):, mailto: and relative URLs. markdown-it has already
 * decoded entities and percent-encoded the URL; we undo the percent-encoding
 * for the check so `jav%09ascript:` cannot slip through as a "relative" URL.
 */
export function isAllowedUrl(url: string): boolean {
  const probe = safeDecodeUri(url).replace(INVISIBLE_RE, "").toLowerCase();
  const scheme = SCHEME_RE.exec(probe);
  if (scheme) return (ALLOWED_SCHEMES as readonly string[]).includes(scheme[1] ?? "");
  // A colon before the first / ? # would make browsers (or a later decode) read
  // a scheme; a real relative URL never has one there.
  const firstSegment = probe.split(/[/?#]/, 1)[0] ?? "";
  return !firstSegment.includes(":") && !probe.startsWith("\\");
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function buildMentionPattern(names: readonly string[]): RegExp | undefined {
  const alternatives = [...new Set(names.map((name) => name.trim()).filter((name) => name.length > 0))]
    // Longest first so "Amina Hassan Ali" wins over "Amina Hassan".
    .sort((a, b) => b.length - a.length)
    .map((name) => name.split(/\s+/u).map(escapeRegExp).join("\\s+"));
  if (alternatives.length === 0) return undefined;
  // Not after a letter/digit (e-mail addresses) and not followed by one
  // ("@Amina Hassanson" is someone else).
  return new RegExp(`(?<![\\p{L}\\p{N}_])@(?:${alternatives.join("|")})(?![\\p{L}\\p{N}_])`, "giu");
}

/** Shift headings so the post's largest heading is h3, keeping their relative order. */
function demoteHeadings(state: StateCore): void {
  const levels = state.tokens
    .filter((token) => token.type === "heading_open")
    .map((token) => Number(token.tag.slice(1)));
  if (levels.length === 0) return;
  const shift = TOP_HEADING_LEVEL - Math.min(...levels);
  for (const token of state.tokens) {
    if (token.type !== "heading_open" && token.type !== "heading_close") continue;
    const level = Math.min(6, Number(token.tag.slice(1)) + shift);
    token.tag = `h${level}`;
  }
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token("text", "", 0);
  token.content = content;
  return token;
}

/**
 * No remote images (tracking pixels): an image becomes a link to its URL with
 * the alt text as label, or just the alt text when already inside a link.
 */
function replaceImages(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    const out: Token[] = [];
    let linkDepth = 0;
    for (const token of block.children) {
      if (token.type === "link_open") linkDepth += 1;
      if (token.type === "link_close") linkDepth = Math.max(0, linkDepth - 1);
      if (token.type !== "image") {
        out.push(token);
        continue;
      }
      const src = String(token.attrGet("src") ?? "");
      const alt = token.children ? state.md.renderer.renderInlineAsText(token.children, state.md.options, state.env) : token.content;
      const label = alt.trim() || src;
      if (linkDepth > 0 || !src) {
        if (label) out.push(textToken(state, label));
        continue;
      }
      const open = new state.Token("link_open", "a", 1);
      open.attrs = [["href", src]];
      const close = new state.Token("link_close", "a", -1);
      out.push(open, textToken(state, label), close);
    }
    block.children = out;
  }
}

/** Wrap "@Full Name" in text tokens; code and link tokens are never touched. */
function wrapMentions(state: StateCore): void {
  const pattern = (state.env as RenderEnv).mentionPattern;
  if (!pattern) return;
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    const out: Token[] = [];
    let linkDepth = 0;
    for (const token of block.children) {
      if (token.type === "link_open") linkDepth += 1;
      if (token.type === "link_close") linkDepth = Math.max(0, linkDepth - 1);
      if (token.type !== "text" || linkDepth > 0) {
        out.push(token);
        continue;
      }
      let last = 0;
      for (const match of token.content.matchAll(pattern)) {
        const start = match.index ?? 0;
        if (start > last) out.push(textToken(state, token.content.slice(last, start)));
        const open = new state.Token("mention_open", "span", 1);
        open.attrs = [["class", "mention"]];
        out.push(open, textToken(state, match[0]), new state.Token("mention_close", "span", -1));
        last = start + match[0].length;
      }
      if (last === 0) {
        out.push(token);
      } else if (last < token.content.length) {
        out.push(textToken(state, token.content.slice(last)));
      }
    }
    block.children = out;
  }
}

function createRenderer(): MarkdownItInstance {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
  // "www.trollhattan.se" is how people write links here; markdown-it 15 no longer
  // linkifies those by default.
  md.linkify.set({ fuzzyLink: true });
  md.validateLink = isAllowedUrl;
  md.core.ruler.push("forum_headings", demoteHeadings);
  md.core.ruler.push("forum_images", replaceImages);
  md.core.ruler.push("forum_mentions", wrapMentions);

  const defaultRenderToken: NonNullable<typeof md.renderer.rules.link_open> = (tokens, idx, options, _env, self) =>
    self.renderToken(tokens, idx, options);
  const renderLinkOpen = md.renderer.rules.link_open ?? defaultRenderToken;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (token) {
      // Only href survives from the source; rel is always ours, never a target.
      token.attrs = (token.attrs ?? []).filter(([name]) => name === "href");
      token.attrSet("rel", LINK_REL);
    }
    return renderLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

const markdown = createRenderer();

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "span",
  ],
  // ol[start] keeps "3. …" lists numbered correctly; it is a plain integer.
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedClasses: { span: ["mention"] },
  allowedSchemes: [...ALLOWED_SCHEMES],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: true,
  disallowedTagsMode: "discard",
  allowedStyles: {},
  transformTags: {
    a: (tagName, attribs) => {
      const attributes: sanitizeHtml.Attributes = {};
      if (attribs.href !== undefined && isAllowedUrl(attribs.href)) attributes.href = attribs.href;
      attributes.rel = LINK_REL;
      return { tagName, attribs: attributes };
    },
  },
};

/** Render forum Markdown to HTML that is safe for dangerouslySetInnerHTML. */
export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): string {
  const env: RenderEnv = { mentionPattern: buildMentionPattern(options.mentions ?? []) };
  const html = markdown.render(source, env);
  // Defence in depth: markdown-it with html:false should already be safe.
  return sanitizeHtml(html, SANITIZE_OPTIONS).trim();
}

// ASCII punctuation that could start Markdown syntax inside a name.
const MARKDOWN_SPECIAL_RE = /[\\`*_{}[\]<>#!|~&]/g;

/** Markdown that quotes a post in a reply: attribution line, quoted body, blank line. */
export function quoteMarkdown(source: string, authorName: string): string {
  const name = authorName.replace(/\s+/g, " ").trim().replace(MARKDOWN_SPECIAL_RE, "\\$&");
  const body = source.replace(/\r\n?/g, "\n").replace(/\s+$/, "");
  const lines = body === "" ? [] : body.split("\n");
  const quoted = lines.map((line) => (line.trim() === "" ? ">" : `> ${line}`));
  return [`> **${name}** skrev:`, ...quoted].join("\n") + "\n\n";
}

// Block-level tokens after which words must not run together.
const BLOCK_BREAK_TYPES = new Set(["fence", "code_block", "hr"]);

function collectText(tokens: readonly Token[], parts: string[]): void {
  for (const token of tokens) {
    if (token.type === "text" || token.type === "code_inline") {
      parts.push(token.content);
    } else if (token.type === "softbreak" || token.type === "hardbreak") {
      parts.push(" ");
    } else if (token.type === "image" || token.type === "inline") {
      collectText(token.children ?? [], parts);
    } else if (BLOCK_BREAK_TYPES.has(token.type)) {
      parts.push(" ", token.content, " ");
    }
    if (token.nesting !== 0 && token.block) parts.push(" ");
  }
}

/** Plain text without Markdown syntax, collapsed and cut at a word boundary with "…". */
export function plainTextExcerpt(source: string, maxLength: number): string {
  const parts: string[] = [];
  collectText(markdown.parse(source, {}), parts);
  const text = parts.join("").replace(/\s+/g, " ").trim();
  if (text.length <= maxLength) return text;
  if (maxLength <= 1) return maxLength === 1 ? "…" : "";
  // Leave room for the ellipsis so the result never exceeds maxLength.
  const cut = text.slice(0, maxLength - 1);
  const boundary = text.charAt(maxLength - 1) === " " ? cut.length : cut.lastIndexOf(" ");
  const head = boundary > 0 ? cut.slice(0, boundary) : cut;
  return `${head.replace(/[\s,.;:!?–-]+$/u, "")}…`;
}
