// The second half of `npm run build`, after tsup has written the ESM build
// (`dist/<entry>.mjs`, with shared chunks) and one declaration file per entry
// (`dist/<entry>.d.mts`). Rather than a second copy of the code and of the
// declarations for CommonJS, each entry gets:
// - `dist/<entry>.js`: `module.exports = require("./<entry>.mjs")`. Node
//   >= 20.19 (the package's engines floor), Bun and the bundlers load an ES
//   module with require() (test/package's CommonJS consumers prove this one
//   loads; top-level await would stop it). CommonJS and ESM consumers then
//   share one instance of every class, too.
// - `dist/<entry>.d.ts`: the declarations (a CommonJS module for TypeScript,
//   as the package is "type": "commonjs"), for `require` and node10.
// - `dist/<entry>.d.mts`: `export * from "./<entry>.js"`, the same
//   declarations as an ES module for `import` (an ES module may re-export a
//   CommonJS one; the other way round TypeScript refuses under node16).
// Every file of code and declarations is then indented by tabs (indent-tabs.mts).
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { indentCode, indentDeclarations } from "./indent-tabs.mts";
import { entry as entries } from "./tsup.config.ts";

const dist = join(import.meta.dirname, "../dist");
const HEADER = "// The CommonJS entry of the ES module build beside it (require(esm), Node >= 20.19).\n";

for (const entry of Object.keys(entries)) {
  const declarations = readFileSync(join(dist, `${entry}.d.mts`), "utf8");
  rmSync(join(dist, `${entry}.d.mts`));
  writeFileSync(join(dist, `${entry}.d.ts`), indentDeclarations(declarations));
  writeFileSync(join(dist, `${entry}.d.mts`), `export * from "./${entry}.js";\n`);
  writeFileSync(join(dist, `${entry}.js`), `${HEADER}"use strict";\nmodule.exports = require("./${entry}.mjs");\n`);
}

for (const file of readdirSync(dist).filter((name) => name.endsWith(".mjs"))) {
  writeFileSync(join(dist, file), indentCode(readFileSync(join(dist, file), "utf8"), file));
}
