// The samples of one bench run and what is derived from them: median, min,
// max, and the ratio of each contender's median to twilio-node's.
import { REFERENCE } from "./contenders.mts";
import type { Fact, Metric } from "./metrics.mts";

export type Samples = Record<string, Partial<Record<string, number[]>>>;

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(values: number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

export class Results {
  readonly samples: Samples = {};
  readonly facts: Fact[] = [];

  add(key: string, contender: string, value: number): void {
    if (!Number.isFinite(value)) throw new Error(`${key} of ${contender} is not a number: ${value}`);
    ((this.samples[key] ??= {})[contender] ??= []).push(value);
  }

  summary(key: string, contender: string): Summary | undefined {
    const values = this.samples[key]?.[contender];
    return values?.length ? summarize(values) : undefined;
  }

  /** Contender's median ÷ twilio-node's median, from this run. */
  ratio(key: string, contender: string): number | undefined {
    const own = this.summary(key, contender);
    const reference = this.summary(key, REFERENCE);
    return own && reference && reference.median > 0 ? own.median / reference.median : undefined;
  }

  /** Whether `contender` meets the metric's target; undefined without a target or figures. */
  met(metric: Metric, contender: string): boolean | undefined {
    const ratio = this.ratio(metric.key, contender);
    return metric.target && ratio !== undefined ? ratio <= metric.target.max : undefined;
  }
}
