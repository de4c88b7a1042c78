// The README's Quickstart as the tests read it: the seed story against the
// emulator, its CommonJS form and its form against Twilio, each assembled from
// the README text alone, and the story's size counted as a checker would.
import { readFileSync } from "node:fs";
import * as prettier from "prettier";

const README = new URL("../../README.md", import.meta.url);

/** The code blocks of the Quickstart section: the story, its CommonJS wrapper, its wiring against Twilio. */
export function quickstart(readme = readFileSync(README, "utf8")): { story: string; commonJs: string; live: string } {
  const start = readme.indexOf("\n## Quickstart\n");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const story = blocks.find((b) => b.includes('from "twilio-interactions/testing"'));
  const commonJs = blocks.find((b) => b.includes('require("twilio-interactions")'));
  const live = blocks.find((b) => b.includes("createInteractionsClient()"));
  if (!story || !commonJs || !live)
    throw new Error("README.md's Quickstart needs the story, its CommonJS form and its wiring against Twilio");
  return { story, commonJs, live };
}

/**
 * Lines of code in `code` once prettier has formatted it with its default
 * options (80 columns): blank lines and comment lines do not count.
 */
export async function linesOfCode(code: string): Promise<{ formatted: string; count: number }> {
  const formatted = await prettier.format(code, { parser: "typescript" });
  const count = formatted
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("//") && !line.startsWith("/*") && !line.startsWith("*")).length;
  return { formatted, count };
}

const EMULATOR_WIRING = /^.*\bemulator\b.*$/;
const STORY_START = "const emulator = createEmulator();";

/** The story in CommonJS: the README's wrapper with the story's body where its comment says. */
export function commonJsStory({ story, commonJs }: ReturnType<typeof quickstart>): string {
  const lines = story.split("\n");
  const body = lines.slice(lines.indexOf(STORY_START)).map((line) => (line ? `  ${line}` : line));
  return commonJs.replace(/^ *\/\/ The story above.*$/m, () => body.join("\n"));
}

/** The story against Twilio: the emulator's import and wiring replaced by the README's lines for a real account. */
export function liveStory({ story, live }: ReturnType<typeof quickstart>): string {
  const liveLines = live.trimEnd().split("\n");
  const imports = liveLines.filter((line) => line.startsWith("import "));
  const wiring = liveLines.filter((line) => !line.startsWith("import ") && line !== "");
  const out: string[] = [];
  for (const line of story.split("\n")) {
    if (line.includes('from "twilio-interactions/testing"')) out.push(...imports);
    else if (EMULATOR_WIRING.test(line)) {
      if (!out.includes(wiring[0]!)) out.push(...wiring);
    } else out.push(line);
  }
  return out.join("\n");
}
