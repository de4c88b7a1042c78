// Re-indents the built package's files by tabs: tsup writes two spaces per
// level in code and four in declarations, together about a tenth of the
// installed size. Code keeps every line that starts inside a template literal
// as it is (its spaces are the string's), and is checked afterwards: esbuild
// must minify it to exactly what it minified the original to.
import { transformSync } from "esbuild";
import ts from "typescript";

const perLevel = (text: string, width: number, keep: (offset: number) => boolean) => {
  const runs = new RegExp(`^(?: {${width}})+`, "gm");
  return text.replace(runs, (indent, offset: number) => (keep(offset) ? indent : "\t".repeat(indent.length / width)));
};

/** Declarations: each run of four leading spaces becomes a tab (a JSDoc line keeps its one extra space). */
export const indentDeclarations = (text: string) => perLevel(text, 4, () => false);

// Where template literals' text lies in `code`: [start, end) pairs.
function templateTexts(code: string): [number, number][] {
  const file = ts.createSourceFile("code.mjs", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const ranges: [number, number][] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTemplateLiteralToken(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      ranges.push([node.getStart(file), node.end]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Code: each run of two leading spaces becomes a tab, except on lines that start inside a template literal. */
export function indentCode(code: string, name: string): string {
  const ranges = templateTexts(code);
  let next = 0;
  // Offsets come in increasing order, so one pass over the ranges serves every line.
  const inTemplate = (offset: number) => {
    while (next < ranges.length && ranges[next]![1] <= offset) next++;
    return next < ranges.length && ranges[next]![0] < offset;
  };
  const indented = perLevel(code, 2, inTemplate);
  const minified = (text: string) => transformSync(text, { minify: true, format: "esm", target: "es2022" }).code;
  if (minified(indented) !== minified(code)) {
    throw new Error(`${name}: indenting by tabs changed the code; the build stops rather than ship it.`);
  }
  return indented;
}
