/** Why a file-system call failed, in words, from its error code (for one-line messages). */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'no such file or folder, and none can be made there',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  ENXIO: 'no process is reading it',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is busy',
  EMFILE: 'too many open files',
  EPIPE: 'the reader closed it',
};

/** `no space left on device (ENOSPC)`; the error's message for an error without a code. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code) return `${REASONS[code] ?? 'the system refused'} (${code})`;
  return e instanceof Error ? e.message.split('\n', 1)[0]! : String(e);
}
