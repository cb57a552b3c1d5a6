// The service as `npm run service` runs it, in a process of its own, plus one no-op route on the same Fastify
// instance (hooks, metrics and all): the baseline the verify figures are divided by. Prints its URL as one JSON
// line on stdout; everything else comes from the environment, as for the real service.
import { loadConfig } from '../server/src/config.ts'
import { startService } from '../server/src/service.ts'

const service = await startService(loadConfig(), { listen: false })
service.app.get('/__bench__/noop', { schema: { hide: true } }, async () => ({ ok: true }))
const url = await service.app.listen({ host: '127.0.0.1', port: 0 })
console.log(JSON.stringify({ url }))
process.once('SIGTERM', () => void service.close().then(() => process.exit(0)))
