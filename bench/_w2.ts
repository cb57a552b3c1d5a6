import { Worker } from 'node:worker_threads'
const w = new Worker(new URL('../server/src/db/sqlite-writer-thread.ts', import.meta.url), { workerData: { file: '/tmp/x.sqlite' } })
w.unref()
w.on('message', (m) => console.log('msg', m))
w.on('exit', (c) => console.log('exit', c))
setTimeout(() => {
  console.log((process as any)._getActiveHandles().map((h: any) => h.constructor.name))
  process.exit(3)
}, 3000).unref()
