/**
 * HighlightedText turns a search headline (matches between U+0001 and U+0002) into text and
 * <mark> elements. Whatever the post contains stays text: "<script>" and "<mark>" come out escaped.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HighlightedText, highlightParts } from "../../app/components/highlighted-text.tsx";

const S = "\u0001";
const E = "\u0002";
const render = (text: string) => renderToStaticMarkup(<HighlightedText text={text} />);

describe("highlightParts", () => {
  it("splits plain and marked parts", () => {
    expect(highlightParts(`Hur gick det med ${S}sommarjobben${E}? Dela gärna.`)).toEqual([
      { text: "Hur gick det med ", marked: false },
      { text: "sommarjobben", marked: true },
      { text: "? Dela gärna.", marked: false },
    ]);
  });

  it("handles several matches, a match at each end and no match", () => {
    expect(highlightParts(`${S}a${E} b ${S}c${E}`)).toEqual([
      { text: "a", marked: true },
      { text: " b ", marked: false },
      { text: "c", marked: true },
    ]);
    expect(highlightParts("inga träffar")).toEqual([{ text: "inga träffar", marked: false }]);
    expect(highlightParts("")).toEqual([]);
  });

  it("is tolerant of unbalanced delimiters", () => {
    expect(highlightParts(`x${E}y`)).toEqual([{ text: "xy", marked: false }]);
    expect(highlightParts(`x${S}y`)).toEqual([
      { text: "x", marked: false },
      { text: "y", marked: true },
    ]);
    expect(highlightParts(`${S}${S}a${E}${E}`)).toEqual([{ text: "a", marked: true }]);
    expect(highlightParts(`${S}${E}`)).toEqual([]);
  });
});

describe("HighlightedText", () => {
  it("renders matches as <mark> and the rest as text", () => {
    expect(render(`Eidar hade 46 ungdomar i ${S}sommarjobb${E} i år`)).toBe("Eidar hade 46 ungdomar i <mark>sommarjobb</mark> i år");
  });

  it("keeps HTML in a post as text, inside and outside the marks", () => {
    const html = render(`<script>alert(1)</script> och ${S}<mark>${E} & <b>fet</b> ${S}"citat"${E}`);
    expect(html).toBe(
      "&lt;script&gt;alert(1)&lt;/script&gt; och <mark>&lt;mark&gt;</mark> &amp; &lt;b&gt;fet&lt;/b&gt; <mark>&quot;citat&quot;</mark>",
    );
    expect(html).not.toContain("<script");
    expect(html.match(/<mark>/g)).toHaveLength(2);
  });

  it("never outputs the delimiter characters", () => {
    const html = render(`${S}a${E}${E}b${S}`);
    expect(html.includes(S) || html.includes(E)).toBe(false);
    expect(html).toBe("<mark>a</mark>b");
  });
});
