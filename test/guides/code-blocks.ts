// The TypeScript code blocks of the Markdown pages of docs/, grouped into the
// programs the test suite checks. A block's info string is the language and
// optional flags:
//
//   ```ts              a program of its own: type-checked, then run
//   ```ts continues    appended to the program of the block before it (a guide told in steps)
//   ```ts no-run       type-checked only: it starts a server or needs a framework
//
// Other languages (sh, json, …) are left alone.
import { readFile, readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { type Tokens, marked } from "marked";
import { repoRoot } from "../../scripts/codegen/apis.mts";

const TYPESCRIPT = new Set(["ts", "typescript"]);
const FLAGS = new Set(["continues", "no-run"]);

export interface GuideProgram {
  /** The page, relative to the repository, e.g. `docs/flows.md`. */
  page: string;
  /** Line of the page where the program's first block starts. */
  line: number;
  /**
   * The code of its blocks, each on the lines it has in the page (the lines
   * between them blank), so a compiler's line numbers are the page's.
   */
  code: string;
  /** False when its block says `no-run`. */
  run: boolean;
  /** How many blocks it is made of. */
  blocks: number;
}

/** `code` followed by the block `text` whose fence is on line `fence` of the page. */
function placed(code: string, fence: number, text: string): string {
  const next = code.split("\n").length; // the line the next text would start on
  return `${code}${"\n".repeat(fence + 1 - next)}${text}\n`;
}

/** The programs of one page's Markdown. Throws on a flag it does not know, or a `continues` with nothing before it. */
export function programsOf(page: string, markdown: string): GuideProgram[] {
  const programs: GuideProgram[] = [];
  let searchFrom = 0;
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type !== "code") return;
    const { lang = "", text, raw } = token as Tokens.Code;
    const at = markdown.indexOf(raw, searchFrom);
    searchFrom = at + raw.length;
    const [language = "", ...flags] = lang.trim().split(/\s+/);
    if (!TYPESCRIPT.has(language)) return;
    const line = markdown.slice(0, at).split("\n").length;
    const unknown = flags.filter((flag) => !FLAGS.has(flag));
    if (unknown.length) throw new Error(`${page}:${line}: unknown code block flag ${unknown.join(", ")}`);
    if (!flags.includes("continues")) {
      programs.push({ page, line, code: placed("", line, text), run: !flags.includes("no-run"), blocks: 1 });
      return;
    }
    const previous = programs.at(-1);
    if (!previous) throw new Error(`${page}:${line}: a "continues" block needs a TypeScript block before it`);
    if (flags.includes("no-run") !== !previous.run)
      throw new Error(`${page}:${line}: a "continues" block runs as the block it continues; drop its no-run flag`);
    previous.code = placed(previous.code, line, text);
    previous.blocks++;
  });
  return programs;
}

/** Every Markdown page of docs/ (the site's pages and guides), whatever its name. */
export async function guidePages(): Promise<{ page: string; markdown: string }[]> {
  const dir = join(repoRoot, "docs");
  const files = (await readdir(dir)).filter((file) => file.endsWith(".md")).sort();
  return Promise.all(
    files.map(async (file) => ({ page: `docs/${file}`, markdown: await readFile(join(dir, file), "utf8") })),
  );
}

/** A file name for a program that says where it comes from: `flows.md-L23.mts`. */
export function programFile(program: GuideProgram, suffix = ""): string {
  return `${basename(program.page)}-L${program.line}${suffix}.mts`;
}
