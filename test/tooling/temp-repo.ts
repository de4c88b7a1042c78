// A throwaway copy of the parts of the repository that the regeneration
// workflow touches, so tests can edit spec/ and run the real scripts on it.
// The scripts find the repository root from their own location, so running
// them inside the copy works on the copy.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { type Document, type YAMLMap, parseDocument, visit } from "yaml";
import { repoRoot } from "../../scripts/codegen/apis.mts";

const COPIED = ["spec", "generated", "scripts", "redocly.yaml", "package.json", "tsconfig.json"];

export interface RunResult {
  code: number;
  output: string;
}

export interface TempRepo {
  dir: string;
  /** Runs a repository script (path relative to the copy) with tsx, as its npm script does. */
  tsx(script: string, ...args: string[]): Promise<RunResult>;
  /** The text of every bundle in the copy's generated/openapi/, concatenated. */
  bundles(): Promise<string>;
  remove(): Promise<void>;
}

export async function makeTempRepo(): Promise<TempRepo> {
  const dir = await mkdtemp(join(tmpdir(), "twilio-interactions-repo-"));
  for (const entry of COPIED) {
    // Skip dot-folders (scratch space of other scripts, such as bench/.work).
    await cp(join(repoRoot, entry), join(dir, entry), {
      recursive: true,
      filter: (source) => !basename(source).startsWith("."),
    });
  }
  await symlink(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  return {
    dir,
    tsx: (script, ...args) =>
      new Promise((done) => {
        execFile(
          join(dir, "node_modules/.bin/tsx"),
          [script, ...args],
          { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
            done({ code, output: `${stdout}${stderr}` });
          },
        );
      }),
    bundles: async () => {
      const folder = join(dir, "generated/openapi");
      const names = (await readdir(folder)).sort();
      return (await Promise.all(names.map((name) => readFile(join(folder, name), "utf8")))).join("\n");
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface SpecEdit {
  /** The edited file, relative to the copy. */
  file: string;
  operationId: string;
}

/**
 * Applies `change` to the first operation (a map with an operationId) found
 * in the copy's spec/ files, in sorted order, and saves the file.
 */
export async function editFirstOperation(
  repo: TempRepo,
  change: (operation: YAMLMap, doc: Document) => void,
): Promise<SpecEdit> {
  const files = (await readdir(join(repo.dir, "spec"), { recursive: true })).filter((f) => f.endsWith(".yaml")).sort();
  for (const name of files) {
    const path = join(repo.dir, "spec", name);
    const doc = parseDocument(await readFile(path, "utf8"));
    let operationId: string | undefined;
    visit(doc, {
      Map(_key, node) {
        if (!node.has("operationId")) return undefined;
        operationId = String(node.get("operationId"));
        change(node, doc);
        return visit.BREAK;
      },
    });
    if (operationId) {
      await writeFile(path, doc.toString());
      return { file: relative(repo.dir, path), operationId };
    }
  }
  throw new Error("No operation found under spec/");
}
