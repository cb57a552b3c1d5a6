// Copy with automatic clearing (OTP-02): 30 s after a copy the clipboard is emptied if it still holds the code.
// The timer lives here, not in a component, so leaving the screen does not leave the code behind.

export const CLEAR_AFTER_MS = 30_000

let pendingClear: ReturnType<typeof setTimeout> | undefined

export async function copyWithAutoClear(text: string, clearAfterMs = CLEAR_AFTER_MS): Promise<void> {
  await navigator.clipboard.writeText(text)
  clearTimeout(pendingClear)
  pendingClear = setTimeout(() => void clearIfStillHolding(text), clearAfterMs)
}

async function clearIfStillHolding(text: string): Promise<void> {
  pendingClear = undefined
  try {
    if ((await navigator.clipboard.readText()) !== text) return
  } catch {
    // Reading the clipboard is not permitted (the host denies it): clear anyway rather than leave the code.
  }
  try {
    await navigator.clipboard.writeText('')
  } catch {
    // Chromium refuses clipboard writes while the window is not focused: clear as soon as it is again.
    window.addEventListener('focus', () => void clearIfStillHolding(text), { once: true })
  }
}
