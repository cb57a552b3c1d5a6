// Issue 10: no import cycles in the app or the service, type-only imports included. A cycle means a shared type or
// helper lives in a file that also imports from its users; move it to a file that imports nothing from them.
import path from 'node:path'
import madge from 'madge'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SOURCES = ['common', 'main', 'preload', 'renderer', 'server/src']

describe('import graph', () => {
  it('has no cycles, counting `import type` as an import', async () => {
    const graph = await madge(
      SOURCES.map((dir) => path.join(ROOT, dir)),
      {
        baseDir: ROOT,
        fileExtensions: ['ts', 'tsx'],
        tsConfig: path.join(ROOT, 'tsconfig.json'),
        detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
      },
    )
    // actor.ts reaches deps.ts through `import type` only: the edge proves such imports are in the graph.
    expect(graph.obj()['server/src/staff/actor.ts']).toContain('server/src/deps.ts')
    expect(graph.circular()).toEqual([])
  }, 60_000)
})
