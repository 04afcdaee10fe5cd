import type { RawFile } from '../engine/raw-data.js';

/** Messages between the page and the parse worker. */
export interface ParseRequest {
  readonly id: number;
  readonly files: readonly (
    { readonly name: string; readonly text: string } | { readonly name: string; readonly url: string }
  )[];
}

export type ParseResponse =
  | { readonly id: number; readonly ok: true; readonly files: RawFile[] }
  | { readonly id: number; readonly ok: false; readonly error: string };
