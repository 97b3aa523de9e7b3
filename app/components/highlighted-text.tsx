/**
 * A search headline with its matches marked. The database wraps each match in the control
 * characters U+0001 … U+0002 (not HTML); here the text is split on them and rendered as plain
 * text nodes and <mark> elements, so whatever a post contains ("<script>", "<mark>", "&amp;")
 * is shown as the characters it is, escaped by React. Never dangerouslySetInnerHTML.
 */
import { Fragment } from "react";

export const HIGHLIGHT_START = "\u0001";
export const HIGHLIGHT_STOP = "\u0002";

export interface HighlightPart {
  text: string;
  marked: boolean;
}

/**
 * The text cut into plain and marked parts. Tolerant of odd input: a stray stop is ignored, a
 * start without a stop marks to the end, nested starts do not nest, empty parts are dropped.
 */
export function highlightParts(value: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let marked = false;
  let text = "";
  const flush = () => {
    if (!text) return;
    const previous = parts[parts.length - 1];
    if (previous && previous.marked === marked) previous.text += text;
    else parts.push({ text, marked });
    text = "";
  };
  for (const char of value) {
    if (char === HIGHLIGHT_START || char === HIGHLIGHT_STOP) {
      const next = char === HIGHLIGHT_START;
      if (next !== marked) {
        flush();
        marked = next;
      }
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}

export function HighlightedText({ text }: { text: string }) {
  return (
    <>
      {highlightParts(text).map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}
