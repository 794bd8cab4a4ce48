/** What a file-system error code means, for errors of the machine rather than of roundup or its input. */
const PROBLEMS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOENT: 'the folder was removed while roundup was writing',
  ENOTDIR: 'a file stands where a folder of its path should be',
  EEXIST: 'a file of that name exists',
  EISDIR: 'a folder stands where the file should be written',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'an input/output error of the disk',
};

/** The plain words for an environment error (`the disk is full (ENOSPC)`), or undefined for anything else: that is a bug. */
export function environmentProblem(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code && code in PROBLEMS ? `${PROBLEMS[code]} (${code})` : undefined;
}
