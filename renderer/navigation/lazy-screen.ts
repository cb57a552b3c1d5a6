// Every screen but start-up, and the error screens, load on demand, each in a chunk of its own (issue 12: the first
// screen's JavaScript stays small — a customer downloads the screens they reach, staff mode costs them nothing).
// The Suspense around each shows the Loading placeholder for the moment a chunk takes to arrive.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

/** `lazyScreen(() => import('./X.tsx'), 'XScreen')`: the named export of a module loaded when first shown. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: each export keeps its own (a module may export several screens)
export function lazyScreen<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }))
}
