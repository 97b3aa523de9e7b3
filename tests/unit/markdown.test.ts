import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { plainTextExcerpt, quoteMarkdown, renderMarkdown } from "~/lib/markdown.server";
import { XSS_CORPUS } from "../support/xss-corpus";

const REL = "nofollow noopener noreferrer";
const FORBIDDEN_TAGS = new Set(["script", "iframe", "object", "embed", "svg", "math", "img", "style"]);
const ALLOWED_TAGS = new Set([
  "p", "br", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a",
  "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "span",
]);
const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = { a: ["href", "rel"], ol: ["start"], span: ["class"] };
const URL_ATTRIBUTES = new Set(["href", "src", "xlink:href", "action", "formaction", "data", "poster", "srcset", "background"]);
const DANGEROUS_SCHEME_RE = /^(javascript|data|vbscript):/;

/** Everything in parsed HTML that could run script; an empty list means safe. */
function findXssProblems(html: string): string[] {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (FORBIDDEN_TAGS.has(name)) problems.push(`forbidden element <${name}>`);
        if (!ALLOWED_TAGS.has(name)) problems.push(`element outside allowlist <${name}>`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith("on")) problems.push(`event handler ${attribute} on <${name}>`);
          if (attribute === "style") problems.push(`style attribute on <${name}>`);
          if (!(ALLOWED_ATTRIBUTES[name] ?? []).includes(attribute)) problems.push(`attribute ${attribute} on <${name}>`);
          if (attribute === "class" && value !== "mention") problems.push(`class "${value}" on <${name}>`);
          // The parser has decoded entities; browsers also skip whitespace and controls in a scheme.
          // eslint-disable-next-line no-control-regex -- control characters are what we strip
          const probe = value.replace(/[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\u2028-\u202e\ufeff]/g, "").toLowerCase();
          if (URL_ATTRIBUTES.has(attribute) && DANGEROUS_SCHEME_RE.test(probe)) {
            problems.push(`dangerous URL ${attribute}="${value}" on <${name}>`);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}

describe("renderMarkdown: ordinary Markdown", () => {
  it("renders emphasis, strikethrough and line breaks", () => {
    expect(renderMarkdown("**fet** _kursiv_ ~~struken~~\nny rad")).toBe(
      "<p><strong>fet</strong> <em>kursiv</em> <s>struken</s><br />\nny rad</p>",
    );
  });

  it("renders lists, keeping an ordered list's start number", () => {
    expect(renderMarkdown("- ett\n- två")).toBe("<ul>\n<li>ett</li>\n<li>två</li>\n</ul>");
    expect(renderMarkdown("3. tre\n4. fyra")).toBe('<ol start="3">\n<li>tre</li>\n<li>fyra</li>\n</ol>');
  });

  it("renders inline code and code blocks without language classes", () => {
    expect(renderMarkdown("Kör `npm test` nu")).toBe("<p>Kör <code>npm test</code> nu</p>");
    expect(renderMarkdown("```ts\nconst a = 1 < 2;\n```")).toBe("<pre><code>const a = 1 &lt; 2;\n</code></pre>");
  });

  it("renders blockquotes", () => {
    expect(renderMarkdown("> citat\n\nsvar")).toBe("<blockquote>\n<p>citat</p>\n</blockquote>\n<p>svar</p>");
  });

  it("gives links rel=nofollow noopener noreferrer and no target", () => {
    expect(renderMarkdown("[Trollhättan](https://www.trollhattan.se \"titel\")")).toBe(
      `<p><a href="https://www.trollhattan.se" rel="${REL}">Trollhättan</a></p>`,
    );
    expect(renderMarkdown("Se https://example.se/a?b=1")).toBe(
      `<p>Se <a href="https://example.se/a?b=1" rel="${REL}">https://example.se/a?b=1</a></p>`,
    );
    expect(renderMarkdown("[tråd](/forum/trygghet/1) [mejl](mailto:info@example.se)")).toBe(
      `<p><a href="/forum/trygghet/1" rel="${REL}">tråd</a> <a href="mailto:info@example.se" rel="${REL}">mejl</a></p>`,
    );
    expect(renderMarkdown("[ftp](ftp://example.se/fil)")).toBe("<p>[ftp](ftp://example.se/fil)</p>");
  });

  it("demotes headings so the largest one in a post is h3", () => {
    expect(renderMarkdown("# Ett\n## Två\n### Tre\n#### Fyra\n##### Fem")).toBe(
      "<h3>Ett</h3>\n<h4>Två</h4>\n<h5>Tre</h5>\n<h6>Fyra</h6>\n<h6>Fem</h6>",
    );
    expect(renderMarkdown("## Två\n### Tre")).toBe("<h3>Två</h3>\n<h4>Tre</h4>");
  });

  it("leaves Swedish text untouched (no typographer)", () => {
    const text = "Åsa och Östen åt räkor på Ängön -- \"citat\" ... (c)";
    expect(renderMarkdown(text)).toBe(`<p>${text}</p>`);
  });

  it("shows raw HTML as text", () => {
    expect(renderMarkdown("<b>fet</b>")).toBe("<p>&lt;b&gt;fet&lt;/b&gt;</p>");
  });

  it("turns images into links instead of loading them", () => {
    expect(renderMarkdown("![Karta](https://example.se/karta.png)")).toBe(
      `<p><a href="https://example.se/karta.png" rel="${REL}">Karta</a></p>`,
    );
    expect(renderMarkdown("[![Karta](https://example.se/karta.png)](https://example.se)")).toBe(
      `<p><a href="https://example.se" rel="${REL}">Karta</a></p>`,
    );
  });

  it("drops table alignment styles", () => {
    const html = renderMarkdown("| a | b |\n|:--|--:|\n| 1 | 2 |");
    expect(html).toContain("<th>a</th>");
    expect(html).not.toContain("style");
  });
});

describe("renderMarkdown: XSS corpus", () => {
  it("has a checker that flags known-bad HTML", () => {
    expect(findXssProblems('<p>ok <a href="https://example.se" rel="nofollow">x</a></p>')).toEqual([]);
    expect(findXssProblems("<img src=x onerror=alert(1)>")).not.toEqual([]);
    expect(findXssProblems('<a href="jav&#x09;ascript:alert(1)">x</a>')).toContainEqual(
      expect.stringContaining("dangerous URL"),
    );
    expect(findXssProblems('<a href=" DATA:text/html,x">x</a>')).toContainEqual(expect.stringContaining("dangerous URL"));
    expect(findXssProblems('<p style="color:red">x</p>')).toContainEqual(expect.stringContaining("style"));
    expect(findXssProblems("<svg><script>alert(1)</script></svg>")).toContainEqual("forbidden element <script>");
  });

  it("has at least 40 payloads", () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(XSS_CORPUS.map((payload) => [payload]))("neutralises %j", (payload) => {
    const html = renderMarkdown(payload, { mentions: ["Amina Hassan"] });
    expect(findXssProblems(html)).toEqual([]);
  });
});

describe("renderMarkdown: mentions", () => {
  const mentions = ["Amina Hassan", "Per Öberg", "Åsa Ek"];

  it("wraps a known name in text", () => {
    expect(renderMarkdown("Tack @Amina Hassan!", { mentions })).toBe(
      '<p>Tack <span class="mention">@Amina Hassan</span>!</p>',
    );
  });

  it("matches case-insensitively, including å ä ö", () => {
    expect(renderMarkdown("@per öberg och @ÅSA EK", { mentions })).toBe(
      '<p><span class="mention">@per öberg</span> och <span class="mention">@ÅSA EK</span></p>',
    );
  });

  it("wraps mentions inside emphasis and list items", () => {
    expect(renderMarkdown("- **@Åsa Ek** hjälper till", { mentions })).toBe(
      '<ul>\n<li><strong><span class="mention">@Åsa Ek</span></strong> hjälper till</li>\n</ul>',
    );
  });

  it("leaves code spans and code blocks alone", () => {
    expect(renderMarkdown("`@Amina Hassan`", { mentions })).toBe("<p><code>@Amina Hassan</code></p>");
    expect(renderMarkdown("```\n@Amina Hassan\n```", { mentions })).toBe("<pre><code>@Amina Hassan\n</code></pre>");
  });

  it("leaves link text and URLs alone", () => {
    expect(renderMarkdown("https://example.se/@Amina", { mentions: ["Amina"] })).toBe(
      `<p><a href="https://example.se/@Amina" rel="${REL}">https://example.se/@Amina</a></p>`,
    );
    expect(renderMarkdown("[@Amina Hassan](https://example.se)", { mentions })).toBe(
      `<p><a href="https://example.se" rel="${REL}">@Amina Hassan</a></p>`,
    );
  });

  it("leaves unknown names, longer names and e-mail addresses alone", () => {
    expect(renderMarkdown("@Okänd Person", { mentions })).toBe("<p>@Okänd Person</p>");
    expect(renderMarkdown("@Amina Hassanson", { mentions })).toBe("<p>@Amina Hassanson</p>");
    expect(renderMarkdown("x@Amina Hassan", { mentions })).not.toContain("mention");
    expect(renderMarkdown("Tack @Amina Hassan!")).toBe("<p>Tack @Amina Hassan!</p>");
  });

  it("treats names as text, not as regular expressions", () => {
    expect(renderMarkdown("@A.B", { mentions: ["A.B"] })).toBe('<p><span class="mention">@A.B</span></p>');
    expect(renderMarkdown("@AxB", { mentions: ["A.B"] })).toBe("<p>@AxB</p>");
  });
});

describe("quoteMarkdown", () => {
  it("quotes every line under an attribution and ends with a blank line", () => {
    expect(quoteMarkdown("Första raden\nAndra raden", "Amina Hassan")).toBe(
      "> **Amina Hassan** skrev:\n> Första raden\n> Andra raden\n\n",
    );
  });

  it("keeps nested quotes and blank lines inside the quote", () => {
    expect(quoteMarkdown("> tidigare\r\n\r\nsvar\n\n", "Per Öberg")).toBe(
      "> **Per Öberg** skrev:\n> > tidigare\n>\n> svar\n\n",
    );
  });

  it("escapes Markdown in the author's name", () => {
    expect(quoteMarkdown("hej", "A *B* [C]")).toBe("> **A \\*B\\* \\[C\\]** skrev:\n> hej\n\n");
  });

  it("renders back as a single blockquote", () => {
    const html = renderMarkdown(quoteMarkdown("**hej**", "Åsa Ek") + "Mitt svar");
    expect(html).toBe(
      "<blockquote>\n<p><strong>Åsa Ek</strong> skrev:<br />\n<strong>hej</strong></p>\n</blockquote>\n<p>Mitt svar</p>",
    );
  });
});

describe("plainTextExcerpt", () => {
  it("strips Markdown syntax and collapses whitespace", () => {
    const source = "# Rubrik\n\n**Fet** och _kursiv_ med [länk](https://example.se) och `kod`.\n\n- ett\n- två\n\n> citat";
    expect(plainTextExcerpt(source, 200)).toBe("Rubrik Fet och kursiv med länk och kod. ett två citat");
  });

  it("decodes entities and keeps raw HTML as text", () => {
    expect(plainTextExcerpt("R&amp;D <b>x</b>", 100)).toBe("R&D <b>x</b>");
  });

  it("cuts at a word boundary with an ellipsis within maxLength", () => {
    const excerpt = plainTextExcerpt("Det här är en lång mening som ska kapas.", 25);
    expect(excerpt).toBe("Det här är en lång…");
    expect(excerpt.length).toBeLessThanOrEqual(25);
    expect(plainTextExcerpt("Ett två, tre", 9)).toBe("Ett två…");
  });

  it("cuts a single long word hard", () => {
    expect(plainTextExcerpt("Donaudampfschifffahrt", 6)).toBe("Donau…");
  });

  it("returns short text unchanged", () => {
    expect(plainTextExcerpt("Kort  text\n", 20)).toBe("Kort text");
  });
});
