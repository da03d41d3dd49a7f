/**
 * Loads files in worker threads when a run is large enough for it to pay (`--concurrency`). The
 * main thread gets clean files back as data, with their text released (read again on demand);
 * files with problems are left for the main thread, which loads them with positions as usual.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LoadedFile, Limits, ParseMode } from '../resolve/load-file.js';
import { lazyParsedBlock } from '../parse/fast-block.js';
import { makeBlock } from '../extract/markdown.js';
import { sourceOnDisk } from '../source/source-file.js';
import type { LoadJob, LoadReply, WireFile } from './wire.js';

export type Concurrency = number | 'auto' | 'off';

/**
 * How many worker threads a run of `files` files uses. `auto` uses none for now: measured on two
 * cores, copying the parsed data back costs as much as the parsing saves (10,000 pages: 3.6 s with
 * two workers, 3.6 s on the main thread). Workers pay once they also validate and lint per file.
 */
export function threadsFor(concurrency: Concurrency, files: number): number {
  if (concurrency === 'off' || concurrency === 'auto') return 0;
  return Math.max(0, Math.min(Math.floor(concurrency), files));
}

/** The worker script: next to this module when built; from dist/ when running the sources (tests). */
function workerUrl(): URL {
  const here = new URL('./load-worker.js', import.meta.url);
  return existsSync(fileURLToPath(here)) ? here : new URL('../../dist/parallel/load-worker.js', import.meta.url);
}

function rebuild(w: WireFile): LoadedFile {
  const source = sourceOnDisk(w.path, w.meta);
  const blocks = w.blocks.map((b) => ({
    parsed: lazyParsedBlock(makeBlock(source, b.kind, b.offset, b.length, b.index), b.dataPath, b.hints),
    data: b.data, broken: false, typed: b.typed, reports: [],
  }));
  return { path: w.path, format: w.format, source, blocks, reports: [], unreadable: false };
}

/** Loads `paths` with `threads` workers; returns the clean files (the others are loaded later). */
export async function loadInWorkers(paths: readonly string[], threads: number, mode: ParseMode, limits: Limits): Promise<Map<string, LoadedFile>> {
  const chunks: string[][] = Array.from({ length: threads }, () => []);
  paths.forEach((p, i) => chunks[i % threads]!.push(p));
  const replies = await Promise.all(chunks.filter((c) => c.length).map((chunk) => new Promise<LoadReply>((resolve, reject) => {
    const job: LoadJob = { paths: chunk, mode, limits };
    const worker = new Worker(workerUrl(), { workerData: job });
    worker.once('message', (reply: LoadReply) => { resolve(reply); void worker.terminate(); });
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0 && code !== 1) reject(new Error(`load worker exited with code ${code}`)); });
  })));
  const out = new Map<string, LoadedFile>();
  for (const r of replies) for (const w of r.clean) out.set(w.path, rebuild(w));
  return out;
}
