// SVC-08: only registered when the service was started with CLOCK=manual outside production (config.ts refuses
// the combination with production), so the route does not exist at all otherwise.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { ManualClock } from './clock.ts'
import { typed } from './wire.ts'

export async function testClockRoutes(app: FastifyInstance): Promise<void> {
  const clock = app.deps.clock
  if (!(clock instanceof ManualClock)) return
  typed(app).post('/__test__/clock', { schema: { hide: true, body: z.object({ now: z.iso.datetime({ offset: true }) }) } }, async (request) => {
    clock.set(new Date(request.body.now))
    return { now: clock.now().toISOString() }
  })
}
