// The browser host serves the built renderer: build it once before the tests (skipped when up to date).
import { ensureRendererBuilt } from '../../scripts/renderer-build.ts'

export default function globalSetup(): void {
  ensureRendererBuilt()
}
