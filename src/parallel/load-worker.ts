/**
 * A worker thread that reads and parses files (read, decode, extract, fast parse). A clean file
 * (every block on the fast path, nothing to report) comes back as data and a description of its
 * text, without the text; any other file is named back for the main thread to load itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadFile } from '../resolve/load-file.js';
import { sourceMeta } from '../source/source-file.js';
import type { LoadJob, LoadReply } from './wire.js';

const job = workerData as LoadJob;
const reply: LoadReply = { clean: [], dirty: [] };
for (const path of job.paths) {
  const f = loadFile(path, undefined, job.mode, job.limits);
  const clean = !f.unreadable && f.reports.length === 0 && f.blocks.every((b) => b.parsed.hints !== undefined && b.reports.length === 0);
  if (!clean) { reply.dirty.push(path); continue; }
  reply.clean.push({
    path, format: f.format, meta: sourceMeta(f.source),
    blocks: f.blocks.map((b) => ({
      kind: b.parsed.block.kind, offset: b.parsed.block.offset, length: b.parsed.block.length, index: b.parsed.block.index,
      typed: b.typed, data: b.data, hints: b.parsed.hints!, dataPath: b.parsed.dataPath,
    })),
  });
}
parentPort!.postMessage(reply);
