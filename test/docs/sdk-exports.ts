// What the SDK reference must list, derived from the public entry points
// (src/index.ts, src/testing/index.ts) with the TypeScript compiler, never
// listed by hand.
import { join } from "node:path";
import ts from "typescript";
import { repoRoot } from "../../scripts/codegen/apis.mts";

export interface SdkExport {
  name: string;
  /** True for runtime values (functions, classes, constants), false for types. */
  isValue: boolean;
  /** First line of the export's JSDoc, as TypeDoc shows it. */
  summary: string;
}

// The JSDoc above `export type * as Name from "…"`, found by following the re-exports.
function exportDeclarationDoc(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  for (let at: ts.Symbol | undefined = symbol; at && at.flags & ts.SymbolFlags.Alias;) {
    const declaration = at.declarations?.[0];
    if (declaration && ts.isNamespaceExport(declaration)) {
      const comment = ts.getJSDocCommentsAndTags(declaration.parent).find(ts.isJSDoc)?.comment;
      return typeof comment === "string" ? comment : "";
    }
    at = checker.getImmediateAliasedSymbol(at);
  }
  return "";
}

/** Every export of an entry point's source file, with its kind and JSDoc summary. */
export function sdkExports(entry: string): SdkExport[] {
  const configPath = join(repoRoot, "src/tsconfig.json");
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  const program = ts.createProgram([entry], config!.options);
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  return checker.getExportsOfModule(module).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    // A namespace re-export (`export type * as FlexApi`) carries its JSDoc on the export itself.
    const doc =
      ts.displayPartsToString(target.getDocumentationComment(checker)) || exportDeclarationDoc(symbol, checker);
    return {
      name: symbol.name,
      isValue: (target.flags & ts.SymbolFlags.Value) !== 0,
      summary: doc.split("\n")[0]!.trim(),
    };
  });
}
