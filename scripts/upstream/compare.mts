// Compares our description of an API with Twilio's published one: for every
// operation we cover, and every operation in Twilio's Interactions family,
// what Twilio added, what it removed and what differs. A difference our
// description lists as a known deviation (`x-upstream-deviation` on a field's
// schema, `x-upstream-deviations` on an operation or at the top level, each
// with its reason) is reported apart and does not count as drift.
import {
  DEVIATIONS,
  type FieldFact,
  type ListedDeviation,
  type OperationFacts,
  factsOf,
  isInteractionsPath,
  operationKey,
  pathShape,
  serverOf,
} from "./facts.mts";

type Json = Record<string, any>;

export type Group = "added" | "removed" | "differs";

export interface UpstreamDifference {
  group: Group;
  /** `POST /v1/Interactions`, with our path when we cover it, else Twilio's. */
  operation: string;
  /** `operation`, `success status`, `request body`, `path parameter 1`, `request field Channel`, `response field status: enum value parked`. */
  subject: string;
  detail: string;
}

export interface KnownDeviation extends UpstreamDifference {
  reason: string;
}

export interface Comparison {
  /** The API's host, e.g. `flex-api.twilio.com`. */
  host: string;
  /** Differences that are drift: each one fails the check. */
  differences: UpstreamDifference[];
  /** Differences our description lists, with the reason. */
  known: KnownDeviation[];
  /** Operations of Twilio's Interactions family that we do not cover (listed or not). */
  uncovered: string[];
}

function describe(fact: FieldFact): string {
  const parts = [fact.name, fact.carries === "json" ? `${fact.type} carrying JSON` : fact.type];
  if (fact.required) parts.push("required");
  if (fact.pattern) parts.push(`pattern ${fact.pattern}`);
  if (fact.enum) parts.push(`enum ${fact.enum.join(", ")}`);
  return parts.filter(Boolean).join(", ");
}

const typeText = (fact: FieldFact) =>
  fact.type === "any" ? "untyped" : fact.carries === "json" ? `${fact.type} carrying JSON (contentSchema)` : fact.type;

function compareField(
  subject: string,
  ours: FieldFact,
  theirs: FieldFact,
  push: (d: Omit<UpstreamDifference, "operation">) => void,
) {
  if (ours.name !== theirs.name)
    push({ group: "differs", subject, detail: `named ${ours.name} here, ${theirs.name} by Twilio` });
  if (ours.type !== theirs.type)
    push({ group: "differs", subject, detail: `type: ours ${typeText(ours)}, Twilio's ${typeText(theirs)}` });
  if ((ours.required ?? false) !== (theirs.required ?? false))
    push({
      group: "differs",
      subject,
      detail: `required: ours ${ours.required ? "yes" : "no"}, Twilio's ${theirs.required ? "yes" : "no"}`,
    });
  if ((ours.pattern ?? "") !== (theirs.pattern ?? ""))
    push({
      group: "differs",
      subject,
      detail: `pattern: ours ${ours.pattern ?? "none"}, Twilio's ${theirs.pattern ?? "none"}`,
    });
  const mine = new Set(ours.enum ?? []);
  const twilios = new Set(theirs.enum ?? []);
  if (!ours.enum || !theirs.enum) return; // one side has no enum at all: the type comparison speaks for it
  for (const value of twilios)
    if (!mine.has(value))
      push({ group: "added", subject: `${subject}: enum value ${value}`, detail: "new enum value" });
  for (const value of mine)
    if (!twilios.has(value))
      push({ group: "removed", subject: `${subject}: enum value ${value}`, detail: "enum value gone" });
}

function compareOperation(ours: OperationFacts, theirs: OperationFacts, out: UpstreamDifference[]): void {
  const operation = `${ours.method} ${ours.path}`;
  const push = (d: Omit<UpstreamDifference, "operation">) => out.push({ operation, ...d });
  if (ours.success.join() !== theirs.success.join())
    push({
      group: "differs",
      subject: "success status",
      detail: `ours ${ours.success.join(", ") || "none"}, Twilio's ${theirs.success.join(", ") || "none"}`,
    });
  if ((ours.body ?? "") !== (theirs.body ?? ""))
    push({
      group: "differs",
      subject: "request body",
      detail: `ours ${ours.body ?? "none"}, Twilio's ${theirs.body ?? "none"}`,
    });
  for (const subject of new Set([...Object.keys(ours.fields), ...Object.keys(theirs.fields)])) {
    const mine = ours.fields[subject];
    const twilios = theirs.fields[subject];
    if (mine && twilios) compareField(subject, mine, twilios, push);
    else if (twilios) {
      if (!leftOpen(subject, ours.fields)) push({ group: "added", subject, detail: describe(twilios) });
    } else if (!leftOpen(subject, theirs.fields)) push({ group: "removed", subject, detail: describe(mine!) });
  }
}

// The parent of a field, when the subject is one (`response field links.channels` → `response field links`).
function parentOf(subject: string): string | undefined {
  const parent = subject.replace(/(\[\])?\.[^.]+$/, "");
  return parent === subject ? undefined : parent;
}

// Whether the other description has an enclosing field but says nothing of what is inside it (an
// untyped field, or Twilio's `links` objects of format `uri-map`): describing the inside is more
// precise, not a field added or removed. The enclosing field's own type difference is reported.
function leftOpen(subject: string, other: Record<string, FieldFact>): boolean {
  for (let parent = parentOf(subject); parent; parent = parentOf(parent)) {
    if (!other[parent]) continue;
    const inside = (key: string) => key.startsWith(`${parent}.`) || key.startsWith(`${parent}[].`);
    return !Object.keys(other).some(inside);
  }
  return false;
}

// The reason our description gives for a difference, if it lists one.
function reasonFor(difference: UpstreamDifference, ours: Map<string, OperationFacts>, topLevel: ListedDeviation[]) {
  const key = operationKey(...(difference.operation.split(" ") as [string, string]));
  const facts = ours.get(key);
  // A field's own deviation, or that of the field it belongs to (an enum value's field, a parent object).
  for (let subject = difference.subject.replace(/: enum value .*$/, ""); subject;) {
    const reason = facts?.fields[subject]?.deviation;
    if (reason) return reason;
    subject = parentOf(subject) ?? "";
  }
  const path = pathShape(difference.operation.split(" ")[1]!);
  const listed = [...(facts?.listed ?? []), ...topLevel.filter((d) => d.path && pathShape(d.path) === path)];
  const covers = (at: string) =>
    difference.subject === at || difference.subject.startsWith(`${at}.`) || difference.subject.startsWith(`${at}[`);
  return listed.find((d) => covers(d.at ?? "operation"))?.reason;
}

/**
 * Compares our bundled description `ours` with Twilio's `theirs` (parsed
 * JSON or YAML) for the operations we cover and Twilio's Interactions family.
 *
 * @example
 * ```ts
 * const { differences, known } = compareDescriptions(loadSpec("flex"), twilioFlex);
 * ```
 */
export function compareDescriptions(ours: Json, theirs: Json): Comparison {
  const mine = factsOf(ours);
  const twilios = factsOf(theirs);
  const found: UpstreamDifference[] = [];
  for (const [key, facts] of mine) {
    const other = twilios.get(key);
    if (other) compareOperation(facts, other, found);
    else
      found.push({
        group: "removed",
        operation: `${facts.method} ${facts.path}`,
        subject: "operation",
        detail: "not in Twilio's description",
      });
  }
  const uncovered: string[] = [];
  for (const [key, facts] of twilios) {
    if (mine.has(key) || !isInteractionsPath(facts.path)) continue;
    const operation = `${facts.method} ${facts.path}`;
    uncovered.push(operation);
    found.push({
      group: "added",
      operation,
      subject: "operation",
      detail: `${facts.operationId}, which we do not cover`,
    });
  }
  const topLevel = (ours[DEVIATIONS] as ListedDeviation[] | undefined) ?? [];
  const differences: UpstreamDifference[] = [];
  const known: KnownDeviation[] = [];
  for (const difference of found) {
    const reason = reasonFor(difference, mine, topLevel);
    if (reason) known.push({ ...difference, reason });
    else differences.push(difference);
  }
  return { host: serverOf(ours) ?? "unknown host", differences, known, uncovered };
}

/** Whether two descriptions are of the same API: the same host, or else shared paths. */
export function sameApi(ours: Json, theirs: Json): boolean {
  const host = serverOf(theirs);
  if (host) return host === serverOf(ours);
  const paths = new Set(Object.keys(ours.paths ?? {}).map(pathShape));
  return Object.keys(theirs.paths ?? {}).some((path) => paths.has(pathShape(path)));
}

const GROUPS: [Group, string][] = [
  ["added", "Twilio added"],
  ["removed", "Twilio removed"],
  ["differs", "Differs"],
];

/** The comparison as Markdown: one section per group, known deviations with their reasons, then what we do not cover. */
export function formatComparison(comparison: Comparison, source: string): string {
  const lines = [`## ${comparison.host}: ${source}`, ""];
  const item = (d: UpstreamDifference) => `- \`${d.operation}\` ${d.subject}: ${d.detail}`;
  for (const [group, title] of GROUPS) {
    const list = comparison.differences.filter((d) => d.group === group);
    lines.push(`### ${title} (${list.length})`, "", ...(list.length ? list.map(item) : ["None."]), "");
  }
  lines.push(`### Known deviations (${comparison.known.length})`, "");
  lines.push(
    ...(comparison.known.length
      ? comparison.known.map((d) => `${item(d)} (${d.group}). **Why:** ${d.reason}`)
      : ["None."]),
    "",
  );
  lines.push(`### Interactions operations we do not cover (${comparison.uncovered.length})`, "");
  lines.push(...(comparison.uncovered.length ? comparison.uncovered.map((o) => `- \`${o}\``) : ["None."]), "");
  return lines.join("\n");
}
