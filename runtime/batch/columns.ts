/**
 * Growable columns for millions of entries, in fixed blocks of 64 Ki
 * entries: growing never copies (a doubling array briefly needs three times
 * its size, which at 12 M events is hundreds of MiB), and at most one block
 * is allocated ahead of use.
 */
const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;

/** Numbers in typed-array blocks (Int32Array, Float64Array …); unset entries read as 0. */
export class NumberColumn {
  private readonly blocks: (Int32Array | Float64Array)[] = [];

  constructor(private readonly kind: 'int32' | 'float64') {}

  get(i: number): number {
    const block = this.blocks[i >>> BLOCK_BITS];
    return block === undefined ? 0 : block[i & MASK]!;
  }

  set(i: number, value: number): void {
    const b = i >>> BLOCK_BITS;
    while (b >= this.blocks.length)
      this.blocks.push(this.kind === 'int32' ? new Int32Array(BLOCK) : new Float64Array(BLOCK));
    this.blocks[b]![i & MASK] = value;
  }
}

/** Any values, in plain-array blocks, appended only. */
export class ValueColumn {
  private readonly blocks: unknown[][] = [];
  length = 0;

  get(i: number): unknown {
    return this.blocks[i >>> BLOCK_BITS]![i & MASK];
  }

  push(value: unknown): void {
    const b = this.length >>> BLOCK_BITS;
    if (b === this.blocks.length) this.blocks.push([]);
    this.blocks[b]!.push(value);
    this.length++;
  }
}
