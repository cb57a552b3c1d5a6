// What one area's demo part is and returns; apart from demo.ts, which lists the parts, so they can import it.
import type { Deps } from '../deps.ts'

/** Customers from several parts are one entry when they name the same serviceId + userId. */
export interface DemoCustomer {
  serviceId?: string
  userId?: string
  [field: string]: unknown
}

export interface DemoOutput {
  customers?: DemoCustomer[]
  [section: string]: unknown
}

export interface DemoPart {
  name: string
  /** Must leave the same state when run twice. `soFar` is what the parts before it returned. */
  load(deps: Deps, soFar: DemoOutput): Promise<DemoOutput>
}
