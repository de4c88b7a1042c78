// How TypeDoc turns the Markdown pages into the site's guides, with no
// front matter in the sources (GitHub shows those files too): each page is
// named by its first heading and grouped as site-nav.mts says; a link to a
// file of the repository that is not a page goes to the site page that shows
// it (an API's bundled description: its Redoc page) or else to the file on
// GitHub; and a code span naming an export of the SDK (`createEmulator`,
// `closeChannel()`) links to its page in the SDK reference.
import { relative } from "node:path";
import {
  type Application,
  type CommentDisplayPart,
  Converter,
  type DeclarationReflection,
  type DocumentReflection,
  type ProjectReflection,
  ReflectionKind,
} from "typedoc";
import { repoRoot } from "../codegen/apis.mts";
import type { SiteDocument } from "./site-nav.mts";

/** Kinds of export a code span may link to. */
const LINKABLE = ReflectionKind.Function | ReflectionKind.Class | ReflectionKind.Interface | ReflectionKind.TypeAlias;
const CODE_NAME = /^`([A-Za-z_$][\w$]*)(?:\(\))?`$/;

/** The text of the first `# heading` of a page, without its code marks. */
function titleOf(parts: CommentDisplayPart[]): string | undefined {
  const head: string[] = [];
  for (const part of parts) {
    const newline = part.text.indexOf("\n");
    head.push(newline < 0 ? part.text : part.text.slice(0, newline));
    if (newline >= 0) break;
  }
  const match = /^#\s+(.+)$/.exec(head.join("").trim());
  return match?.[1]!.replace(/`/g, "").trim();
}

/** The URL of a repository file on GitHub, from package.json's `repository`. */
function githubUrl(repository: string, path: string): string {
  const base = repository.replace(/^git\+/, "").replace(/\.git$/, "");
  return `${base}/blob/main/${relative(repoRoot, path).split("\\").join("/")}`;
}

/** Repository files shown by a site page outside TypeDoc, and that page's path from the site root. */
export type SitePages = Map<string, string>;

function rewriteParts(
  parts: CommentDisplayPart[],
  project: ProjectReflection,
  exports: Map<string, DeclarationReflection>,
  links: { repository: string; sitePages: SitePages },
): CommentDisplayPart[] {
  return parts.map((part): CommentDisplayPart => {
    if (part.kind === "relative-link" && typeof part.target === "number") {
      // A page or an entry point stays a link inside the site; a file with a page of
      // its own elsewhere in the site goes there; any other file goes to GitHub.
      const resolved = project.files.resolve(part.target, project);
      if (typeof resolved !== "string") return part;
      const anchor = part.targetAnchor ? `#${part.targetAnchor}` : "";
      const page = links.sitePages.get(resolved);
      return { kind: "text", text: page ? page + anchor : githubUrl(links.repository, resolved) + anchor };
    }
    const name = part.kind === "code" ? CODE_NAME.exec(part.text)?.[1] : undefined;
    const target = name ? exports.get(name) : undefined;
    if (!target) return part;
    return { kind: "inline-tag", tag: "@linkcode", text: part.text.slice(1, -1), target };
  });
}

/**
 * Adds the hooks that name, group and link the Markdown pages. `documents`
 * is what site-nav.mts lists; `repository` is package.json's repository URL;
 * `sitePages` maps repository files to the site pages that show them.
 * Returns each page's slug, filled in as TypeDoc converts them, so the
 * router can keep the file's name as the URL (documents/flows.html).
 */
export function configureDocuments(
  app: Application,
  documents: SiteDocument[],
  links: { repository: string; sitePages: SitePages },
): Map<DocumentReflection, string> {
  const byPath = new Map(documents.map((doc) => [doc.path, doc]));
  const slugs = new Map<DocumentReflection, string>();

  app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context: unknown, document: DocumentReflection) => {
    const source = byPath.get(document.project.files.getReflectionPath(document) ?? "");
    if (!source) throw new Error(`TypeDoc made a page of an unexpected file: ${document.name}`);
    const title = titleOf(document.content);
    if (!title) throw new Error(`${relative(repoRoot, source.path)} must start with a "# Title" heading`);
    document.name = title;
    document.frontmatter = { ...document.frontmatter, group: source.group };
    slugs.set(document, source.slug);
  });

  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const { project } = context;
    const exports = new Map<string, DeclarationReflection>();
    for (const module of project.getChildrenByKind(ReflectionKind.Module)) {
      for (const child of module.getChildrenByKind(LINKABLE)) exports.set(child.name, child);
    }
    if (project.readme) project.readme = rewriteParts(project.readme, project, exports, links);
    for (const document of slugs.keys()) {
      document.content = rewriteParts(document.content, project, exports, links);
    }
  });
  return slugs;
}
