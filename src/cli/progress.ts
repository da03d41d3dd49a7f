/**
 * A progress line on a terminal's standard error (files done / total), for long runs only: it
 * appears after half a second, redraws at most ten times a second, and is erased at the end.
 */
export function progressLine(stream: NodeJS.WriteStream): { update: (done: number, total: number) => void; clear: () => void } {
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - start < 500 || now - last < 100) return;
      last = now;
      shown = true;
      stream.write(`\r\u001b[Kmilint: ${done}/${total} files`);
    },
    clear() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
