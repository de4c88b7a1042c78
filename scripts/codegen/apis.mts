// The API documents to build come from redocly.yaml, so adding an API there is
// the only step needed to have it linted, bundled and generated.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface ApiEntry {
  /** Name in redocly.yaml, also the stem of every generated file. */
  name: string;
  /** Root document, relative to the repository. */
  root: string;
}

export async function readApis(): Promise<ApiEntry[]> {
  const config = parse(await readFile(`${repoRoot}redocly.yaml`, "utf8")) as {
    apis: Record<string, { root: string }>;
  };
  return Object.entries(config.apis).map(([name, { root }]) => ({ name, root }));
}
