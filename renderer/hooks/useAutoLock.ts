// The renderer's half of the idle lock (OTP-18): it tells the main process whether the customer did anything (the
// core keeps the time and drops the key), and shows アプリロックコード入力 as soon as the core says it locked —
// after idle time, or when the OS locked or suspended.
import { useEffect, useEffectEvent } from 'react'
import { api } from '../bridge.ts'
import { useNavigator } from '../navigation/Navigation.tsx'
import type { ScreenName } from '../navigation/screens.ts'

const HEARTBEAT_MS = 5_000
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const
/** Screens that show nothing of the tokens, or decide about the lock themselves. */
const STAYS_WHEN_LOCKED: ScreenName[] = ['startup', 'unlock', 'error']

export function useAutoLock(): void {
  const navigator = useNavigator()
  const locked = useEffectEvent(() => {
    if (!STAYS_WHEN_LOCKED.includes(navigator.state.screen.name)) navigator.go({ name: 'unlock' })
  })

  useEffect(() => {
    let active = false
    let lastSent = 0
    const heartbeat = async () => {
      const userActive = active
      active = false
      lastSent = Date.now()
      try {
        if ((await api['lock.activity']({ userActive })).locked) locked()
      } catch {
        // A missed heartbeat only delays the lock screen; the core still locks on time.
      }
    }
    // The first input after a quiet spell is reported at once, the rest with the next heartbeat.
    const onInput = () => {
      active = true
      if (Date.now() - lastSent >= HEARTBEAT_MS) void heartbeat()
    }
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true })
    const timer = setInterval(() => void heartbeat(), HEARTBEAT_MS)
    return () => {
      clearInterval(timer)
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true })
    }
  }, [])
}
