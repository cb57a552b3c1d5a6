// Renderer entry: styles, then the app into #root.
import '@mantine/core/styles.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { takeRecoveredError } from './lib/recovery.ts'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
// OTP-26: after the renderer died, the window reopens on A9EX / A999; its [戻る] starts the app afresh.
const recovered = takeRecoveredError()
const initial = recovered && ({ screen: { name: 'error', error: recovered, context: 'other', back: { name: 'startup' } }, tokenId: null, visit: 0 } as const)
createRoot(root).render(
  <StrictMode>
    <App initial={initial ?? undefined} />
  </StrictMode>,
)
