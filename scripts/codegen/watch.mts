// Watch mode for `npm run generate -- --watch`: on every change under spec/,
// print what changed, lint, and regenerate when the lint is clean.
import { watch } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./apis.mts";
import { lintSpec } from "./lint.mts";

export async function watchSpec(generate: () => Promise<string[]>): Promise<void> {
  const changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = Promise.resolve();

  const rebuild = async () => {
    const files = [...changed].sort();
    changed.clear();
    console.log(`\n[${new Date().toLocaleTimeString()}] changed: ${files.join(", ")}`);
    const lint = await lintSpec();
    if (!lint.ok) {
      console.log(lint.report);
      console.log("lint failed: generated/ left as it was");
      return;
    }
    try {
      const written = await generate();
      console.log(`lint clean; regenerated ${written.length} files`);
    } catch (error) {
      console.log(`generation failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  watch(join(repoRoot, "spec"), { recursive: true }, (_event, file) => {
    if (file) changed.add(`spec/${file}`);
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(rebuild);
    }, 150);
  });
  console.log("watching spec/ (Ctrl-C to stop)");
  await new Promise(() => {});
}
