// Where the vault document lives. One interface so the Electron build keeps electron-store (its userData path)
// while the browser host and the tests use conf, electron-store's own base, on a directory of their choosing.

/** A JSON document on disk, read and written by key; every write replaces the file atomically. */
export interface KeyValueStore {
  /** The value under `key`, or undefined when there is none. Throws when the file cannot be read or parsed, or holds
   * anything but a JSON object. */
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
  /** Whether the file is there at all: a file without the key asked for is not a fresh install. */
  exists(): boolean
  /**
   * Renames the file to `<name>.<tag>.json` beside it — never deletes it — and starts afresh: the next use sees an
   * empty store. Returns the new file's name, or null when there was no file. For a vault that cannot be opened (A998).
   */
  moveAside(tag: string): string | null
}
