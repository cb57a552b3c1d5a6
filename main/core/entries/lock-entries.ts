// The app lock's entries (OTP-17, OTP-18; seed 3.1.2, 3.5–3.7): its state, アプリロックコード入力, setting, changing
// and removing the code, the auto-lock time, and the two ways the app locks itself (idle, OS lock or suspend).
import type { LockStatus, UnlockOutcome } from '@shinkumi/common/bridge.ts'
import { SetLockInput } from '@shinkumi/common/bridge.ts'
import { autoLockMinutesRule, DEFAULT_AUTO_LOCK_MINUTES, lockCodeRule } from '@shinkumi/common/rules.ts'
import { CodedError } from '../coded-error.ts'
import { WrongLockCodeError } from '../lock-key.ts'
import { retryAfterMs } from '../lock.ts'
import { SerialQueue } from '../serial-queue.ts'
import type { Vault } from '../vault.ts'
import type { CoreContext, Entries } from './context.ts'

type LockChannel = 'lock.status' | 'lock.unlock' | 'lock.set' | 'lock.disable' | 'lock.setAutoLock' | 'lock.engage' | 'lock.activity'

export function lockEntries(core: CoreContext): Entries<LockChannel> {
  const { vault, vaultAsIs, idle, guard, deps } = core
  const now = () => deps.clock.now().getTime()
  // One attempt at a time: the wait after wrong codes must count every attempt, even concurrent ones.
  const attempts = new SerialQueue()
  return {
    'lock.status': () =>
      guard('lock.status', async () => {
        const opened = await vaultAsIs()
        await idle.enforce(opened)
        return lockStatus(opened, now())
      }),
    'lock.unlock': ({ code }) => guard('lock.unlock', () => attempts.run(() => unlock(core, code))),
    'lock.set': (input) =>
      guard('lock.set', async () => {
        const { code, autoLockMinutes } = validLockInput(input)
        const opened = await vault()
        await opened.setLockCode(code)
        await opened.updateSettings({ autoLockMinutes })
        idle.touch(opened)
        return lockStatus(opened, now())
      }),
    'lock.disable': () =>
      guard('lock.disable', async () => {
        const opened = await vault()
        if (opened.lockEnabled) await opened.setLockCode(null)
        idle.touch(opened)
        return lockStatus(opened, now())
      }),
    'lock.setAutoLock': ({ autoLockMinutes }) =>
      guard('lock.setAutoLock', async () => {
        const minutes = autoLockMinutesRule.safeParse(autoLockMinutes)
        if (!minutes.success) throw new CodedError('LOCK_CODE_INVALID', 'the auto-lock time is not one of the choices')
        const opened = await vault()
        await opened.updateSettings({ autoLockMinutes: minutes.data })
        idle.touch(opened)
        return lockStatus(opened, now())
      }),
    'lock.engage': async () => {
      await guard('lock.engage', async () => (await vaultAsIs()).lock())
    },
    'lock.activity': async ({ userActive }) => {
      const result = await guard('lock.activity', async () => {
        const opened = await vaultAsIs()
        await idle.enforce(opened)
        if (userActive && !opened.locked) idle.touch(opened)
        return opened.locked
      })
      // A vault that cannot be opened is not a locked one: its A998 shows through the other entries.
      return { locked: result.ok && result.value }
    },
  }
}

function lockStatus(vault: Vault, now: number): LockStatus {
  return {
    enabled: vault.lockEnabled,
    locked: vault.locked,
    retryAfterSeconds: Math.ceil(retryAfterMs(vault.unlockFailures, now) / 1000),
    autoLockMinutes: (vault.settings.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES) as LockStatus['autoLockMinutes'],
  }
}

/** Seed 3.5: 1–32 half-width digits, typed twice alike. The renderer says so inline; this refuses what slips past. */
function validLockInput(input: unknown) {
  const parsed = SetLockInput.safeParse(input)
  const valid =
    parsed.success &&
    lockCodeRule.safeParse(parsed.data.code).success &&
    parsed.data.code === parsed.data.confirmation &&
    autoLockMinutesRule.safeParse(parsed.data.autoLockMinutes).success
  if (!valid) throw new CodedError('LOCK_CODE_INVALID', 'the app lock code or its confirmation breaks the rules')
  return parsed.data as { code: string; autoLockMinutes: LockStatus['autoLockMinutes'] }
}

/** A wrong code is A914 and makes the next attempt wait longer (lock.ts); the code is not tried while it must wait. */
async function unlock({ vaultAsIs, idle, deps }: CoreContext, code: string): Promise<UnlockOutcome> {
  const opened = await vaultAsIs()
  if (!opened.locked) return { status: 'unlocked' }
  const wait = retryAfterMs(opened.unlockFailures, deps.clock.now().getTime())
  if (wait > 0) return { status: 'wait', retryAfterSeconds: Math.ceil(wait / 1000) }
  try {
    await opened.unlock(code, deps.clock.now().getTime())
  } catch (error) {
    if (error instanceof WrongLockCodeError) throw new CodedError('A914', 'wrong app lock code', { cause: error })
    throw error
  }
  idle.touch(opened)
  return { status: 'unlocked' }
}
