// KeyValueStore on `conf` (atomic writes: temp file, fsync, rename — a crash leaves the old or the new file), for the
// browser host and the tests. electron-store extends Conf, so the Electron adapter reuses this class.
import fs from 'node:fs'
import path from 'node:path'
import Conf from 'conf'
import type { KeyValueStore } from './key-value-store.ts'

/** Files that hold secrets, even wrapped ones, are readable by their owner only. */
export const PRIVATE_FILE_MODE = 0o600

export class ConfStore implements KeyValueStore {
  readonly #open: () => Conf
  readonly #file: string
  #conf: Conf | undefined

  /**
   * `open` runs on first use, not here: Conf parses the file in its constructor, and a damaged file must surface
   * as a failed read the vault turns into A998, not as an exception while the host is still starting. `file` is
   * where `open` reads, known without parsing it, so that a damaged file can still be moved aside.
   */
  constructor(open: () => Conf, file: string) {
    this.#open = open
    this.#file = file
  }

  get(key: string): unknown {
    return this.#store().get(key)
  }

  set(key: string, value: unknown): void {
    this.#store().set(key, value)
  }

  delete(key: string): void {
    this.#store().delete(key)
  }

  moveAside(tag: string): string | null {
    const target = this.#file.replace(/\.json$/, `.${tag}.json`)
    try {
      fs.renameSync(this.#file, target)
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return null
      throw error
    }
    this.#conf = undefined
    return path.basename(target)
  }

  #store(): Conf {
    this.#conf ??= this.#open()
    return this.#conf
  }
}

/** The vault file `<dir>/<name>.json`. Keys are taken literally (no dot paths) and a damaged file is never cleared. */
export function createConfStore(dir: string, name = 'vault'): KeyValueStore {
  return new ConfStore(
    () =>
      new Conf({
        cwd: dir,
        configName: name,
        configFileMode: PRIVATE_FILE_MODE,
        accessPropertiesByDotNotation: false,
        clearInvalidConfig: false,
      }),
    path.join(dir, `${name}.json`),
  )
}
