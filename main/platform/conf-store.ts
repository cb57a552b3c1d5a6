// KeyValueStore on `conf` (atomic writes: temp file, fsync, rename — a crash leaves the old or the new file), for the
// browser host and the tests. electron-store extends Conf, so the Electron adapter reuses this class.
//
// A write killed between the temp file and the rename leaves the temp file behind (`vault.json.tmp-…`). It holds a
// whole document, sealed as the one being written, but a document that outlives its write is still a copy nobody
// re-keys: after the lock code is set or changed it would open with the old code, or with none (OTP-18). So every
// leftover is removed when the store is first used and after every write.
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
    try {
      this.#store().set(key, value)
    } finally {
      this.#removeLeftovers()
    }
  }

  delete(key: string): void {
    try {
      this.#store().delete(key)
    } finally {
      this.#removeLeftovers()
    }
  }

  exists(): boolean {
    return fs.existsSync(this.#file)
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
    if (!this.#conf) {
      this.#removeLeftovers()
      assertJsonObject(this.#file)
      this.#conf = this.#open()
    }
    return this.#conf
  }

  /** The temp files of writes that never reached their rename (atomically names them `<file>.tmp-<16 chars>`). */
  #removeLeftovers(): void {
    const dir = path.dirname(this.#file)
    const prefix = `${path.basename(this.#file)}.tmp-`
    let names: string[]
    try {
      names = fs.readdirSync(dir)
    } catch {
      return
    }
    for (const name of names) if (name.startsWith(prefix)) fs.rmSync(path.join(dir, name), { force: true })
  }
}

/**
 * Conf reads any JSON value as a store (`null`, an array or a string become an empty or odd object). A store file
 * is an object or it is not ours: anything else throws, for the vault to report as unreadable (A998).
 */
function assertJsonObject(file: string): void {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return
    throw error
  }
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    // JSON.parse quotes the text around the fault: the file's content stays out of the message (and the log).
    throw new Error(`${path.basename(file)} is not JSON`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path.basename(file)} does not hold a JSON object`)
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
