// The README's quickstart as HTML, for the site's index page, so the landing
// page and the README never disagree.
import { type Token, type TokensList, marked } from "marked";

const QUICKSTART = /quick\s*-?\s*start|getting started/i;

function section(tokens: TokensList): Token[] {
  const start = tokens.findIndex((t) => t.type === "heading" && QUICKSTART.test(t.text));
  if (start >= 0) {
    const depth = (tokens[start] as Token & { depth: number }).depth;
    const end = tokens.findIndex((t, i) => i > start && t.type === "heading" && t.depth <= depth);
    return tokens.slice(start + 1, end < 0 ? undefined : end);
  }
  // No quickstart heading: the introduction, from after the title to the first section.
  const end = tokens.findIndex((t) => t.type === "heading" && t.depth >= 2);
  return tokens.slice(0, end < 0 ? undefined : end).filter((t) => !(t.type === "heading" && t.depth === 1));
}

/**
 * Renders the README's "Quickstart" (or "Getting started") section, or its
 * introduction when it has no such section, as HTML.
 */
export function readmeQuickstart(markdown: string): string {
  const tokens = marked.lexer(markdown);
  const chosen = Object.assign(section(tokens), { links: tokens.links });
  return marked.parser(chosen);
}
