// The samples of one bench run and what is derived from them: median, min,
// max, the ratio of each contender's median to twilio-node's (or to the
// floor's), and whether this SDK meets each target.
import { FLOOR, REFERENCE } from "./contenders.mts";
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

  /** Contender's median ÷ `against`'s median (twilio-node's by default), from this run. */
  ratio(key: string, contender: string, against: string = REFERENCE): number | undefined {
    const own = this.summary(key, contender);
    const other = this.summary(key, against);
    return own && other && other.median > 0 ? own.median / other.median : undefined;
  }

  /** The highest figure the metric's target allows in this run; undefined without a target or the figures it needs. */
  limit(metric: Metric): number | undefined {
    const { target } = metric;
    if (!target) return undefined;
    const bounds: (number | undefined)[] = [];
    if (target.max !== undefined) bounds.push(target.max);
    if (target.floor !== undefined) bounds.push(this.#times(metric.key, FLOOR, target.floor));
    if (target.twilio !== undefined) bounds.push(this.#times(metric.key, REFERENCE, target.twilio));
    return bounds.every((b) => b !== undefined) ? Math.min(...(bounds as number[])) : undefined;
  }

  /** Whether `contender` meets the metric's target; undefined without a target or figures. */
  met(metric: Metric, contender: string): boolean | undefined {
    const own = this.summary(metric.key, contender);
    const limit = this.limit(metric);
    return own && limit !== undefined ? own.median <= limit : undefined;
  }

  #times(key: string, contender: string, factor: number): number | undefined {
    const summary = this.summary(key, contender);
    return summary && summary.median * factor;
  }
}
