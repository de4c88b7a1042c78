// Finds the operation a method and path belong to, from the operations the
// generator lists for each API, and pulls out the path parameters.
import { MAX_PATH_CHARS } from "./limits";
import type { ApiSchemas, OperationSchemas } from "./schema-types";

export type ApiName = "flex" | "proxy";

export interface Route {
  readonly api: ApiName;
  readonly operationId: string;
  readonly operation: OperationSchemas;
  readonly path: Readonly<Record<string, string>>;
}

export type RouteResult = Route | { readonly status: 404 | 405; readonly api: ApiName | null };

interface Template {
  readonly api: ApiName;
  readonly regex: RegExp;
  readonly names: readonly string[];
  readonly methods: Map<string, [string, OperationSchemas]>;
}

export class Router {
  readonly #templates: Template[] = [];

  constructor(apis: Readonly<Record<ApiName, ApiSchemas>>) {
    for (const [api, { operations }] of Object.entries(apis) as [ApiName, ApiSchemas][]) {
      for (const [operationId, operation] of Object.entries(operations)) {
        let template = this.#templates.find((t) => t.api === api && t.regex.source === pattern(operation.path).source);
        if (!template) {
          const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
          template = { api, regex: pattern(operation.path), names, methods: new Map() };
          this.#templates.push(template);
        }
        template.methods.set(operation.method.toUpperCase(), [operationId, operation]);
      }
    }
  }

  /** The operation of `api` (or of either API when `api` is null) at this method and path. */
  match(api: ApiName | null, method: string, pathname: string): RouteResult {
    // No operation's path is this long: not worth reading once per template.
    if (pathname.length > MAX_PATH_CHARS) return { status: 404, api: null };
    let pathFound: ApiName | null = null;
    for (const template of this.#templates) {
      if (api !== null && template.api !== api) continue;
      const m = template.regex.exec(pathname);
      if (!m) continue;
      pathFound = template.api;
      const entry = template.methods.get(method);
      if (!entry) continue;
      const path: Record<string, string> = {};
      for (let i = 0; i < template.names.length; i++) {
        const value = decoded(m[i + 1]!);
        // Bad percent-encoding, or bytes that are not UTF-8: no resource can have that name.
        if (value === undefined) return { status: 404, api: template.api };
        path[template.names[i]!] = value;
      }
      return { api: template.api, operationId: entry[0], operation: entry[1], path };
    }
    return { status: pathFound ? 405 : 404, api: pathFound };
  }
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function pattern(path: string): RegExp {
  const source = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{\w+\\?\}/g, "([^/]+)");
  return new RegExp(`^${source}$`);
}
