// The one way a request is refused (issue 10): a handler, a hook or domain code throws a Refusal with a code the
// route's descriptor declares (common/wire), and the root error handler (errors.ts) answers it with the status the
// descriptor gives that code, in the API's one error body. A code the route does not declare is a fault of ours.

export class Refusal extends Error {
  readonly code: string
  /** `message` is for developers and logs; people see the wording of `code` (common/errors.ts). */
  constructor(code: string, message: string) {
    super(message)
    this.name = 'Refusal'
    this.code = code
  }
}
