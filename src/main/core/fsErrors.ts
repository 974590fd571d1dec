/** A file-system error as a few words an engineer understands; `reading` names what is missing. */
export function describeFsError(err: unknown, reading = false): string {
  const e = err as NodeJS.ErrnoException
  switch (e.code) {
    case 'ENOENT':
      return reading ? 'no such file' : 'the folder does not exist'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOSPC':
      return 'the disk is full'
    case 'EISDIR':
      return 'it is a folder'
    case 'ENOTDIR':
      return 'a part of the path is not a folder'
    case 'EROFS':
      return 'the file system is read-only'
    default:
      return e.message ?? String(err)
  }
}
