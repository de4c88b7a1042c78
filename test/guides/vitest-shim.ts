// Stands in for "vitest" when a guide's block is a test file: the block's
// `it`, `describe` and `beforeEach` are collected while it is imported, then
// run one after another inside the guides test, with Vitest's own `expect`.
// (Vitest refuses `it()` calls made while another test runs.)
import { expect } from "vitest";

type Body = () => unknown;

interface Collected {
  name: string;
  body: Body;
  hooks: Body[];
}

let tests: Collected[] = [];
let hooks: Body[] = [];
let prefix = "";

export { expect };

export function describe(name: string, body: () => void): void {
  const [outerHooks, outerPrefix] = [hooks, prefix];
  [hooks, prefix] = [[...hooks], `${prefix}${name} › `];
  body();
  [hooks, prefix] = [outerHooks, outerPrefix];
}

export function it(name: string, body: Body): void {
  // The hooks array as it is now: later beforeEach calls of the same scope still apply, as in Vitest.
  tests.push({ name: prefix + name, body, hooks });
}

export const test = it;

export function beforeEach(hook: Body): void {
  hooks.push(hook);
}

/** Runs the tests the last imported block declared, in order, and returns their names. */
export async function runCollected(): Promise<string[]> {
  const taken = tests;
  [tests, hooks, prefix] = [[], [], ""];
  for (const { name, body, hooks: before } of taken) {
    try {
      for (const hook of before) await hook();
      await body();
    } catch (error) {
      throw new Error(`"${name}" failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  return taken.map((t) => t.name);
}
