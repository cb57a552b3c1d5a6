// Runs async tasks one after another. Check-then-act sequences (read the vault, decide, write it back; check the
// token limit, call the service, store the token) would otherwise interleave when the renderer sends two calls.
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task)
    this.#tail = result.catch(() => undefined)
    return result
  }
}
