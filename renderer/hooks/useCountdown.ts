// Seconds left of a wait, counting down once a second to 0 (the app lock's delay after wrong codes, OTP-18).
import { useEffect, useState } from 'react'

export function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0)
  useEffect(() => {
    if (left <= 0) return
    const timer = setTimeout(() => setLeft((n) => n - 1), 1000)
    return () => clearTimeout(timer)
  }, [left])
  return [left, setLeft]
}
