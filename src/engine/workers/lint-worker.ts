/**
 * A worker thread that lints files on their own (per-file.ts): it is given the run's job once,
 * then batches of paths, and answers each batch with the files' outcomes (summaries, not texts).
 * Hashing alone (a cached run learning which files changed) is hash-worker.ts's job. Nothing
 * imports this module: it is only a worker's entry.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRuleModules } from '../../rules/modules.js';
import { FileLinter, type FileJob } from '../per-file.js';
import { answer, asText, type Request } from './answer.js';

if (parentPort) {
  const port = parentPort;
  const job = workerData as FileJob;
  // A project's rule modules load before the first batch is answered (in the handler, not at the
  // top level: a module that imports the package must find this one done loading).
  let linter: Promise<FileLinter> | undefined;
  port.on('message', (req: Request) => {
    linter ??= loadRuleModules(job.ruleModules).then(() => new FileLinter(job));
    void linter.then((l) => {
      const reply = answer(req, l);
      try {
        port.postMessage(reply);
      } catch {
        // A value the structured clone cannot copy (a bug): text says what it can, and an outcome
        // it cannot write either leaves its file to the main thread.
        port.postMessage('outcomes' in reply ? { texts: reply.outcomes.map(asText) } : reply);
      }
    });
  });
}
