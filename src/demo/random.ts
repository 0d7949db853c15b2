import { idCardCheckDigit, usccCheckCharacter } from '../domain/identifiers';

/** A small seeded generator (mulberry32): the demo data set is the same on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `weighted([['A', 3], ['B', 1]])` gives A three times as often. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let at = this.next() * total;
    for (const [value, weight] of choices) {
      at -= weight;
      if (at < 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.int(0, 9));
    return out;
  }

  /** A date between two ISO dates, inclusive. */
  dateBetween(from: string, to: string): string {
    const start = Date.parse(from);
    const end = Date.parse(to);
    return new Date(start + Math.floor(this.next() * (end - start + 86400000) / 86400000) * 86400000).toISOString().slice(0, 10);
  }
}

/** A USCC with a valid check character: registration authority and kind (e.g. "11" organ, "91" company), region, serial. */
export function makeUscc(prefix: string, region: string, serial: string): string {
  const first17 = `${prefix}${region}${serial}`;
  if (first17.length !== 17) throw new RangeError(`USCC body must be 17 characters, got ${first17}`);
  return first17 + usccCheckCharacter(first17);
}

/** A resident ID-card number with a valid check digit. */
export function makeIdCardNumber(region: string, birthDate: string, sequence: string): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + idCardCheckDigit(first17);
}
