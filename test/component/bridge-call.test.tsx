// The one hook every screen calls the bridge through (renderer/hooks/useBridgeCall.ts): the double-click guard,
// the newest load winning, a rejected call becoming a reported A999, STAFF_SIGNED_OUT leading to sign-in, and
// nothing happening once the screen is gone.
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { Result } from '@shinkumi/common/result.ts'
import { useBridgeCall, type BridgeCallOptions } from '../../renderer/hooks/useBridgeCall.ts'
import { NavigationProvider, useNavigator } from '../../renderer/navigation/Navigation.tsx'
import { installFakeApi } from './fake-api.ts'

const wrapper = ({ children }: { children: ReactNode }) => <NavigationProvider>{children}</NavigationProvider>

function renderCall<T>(options?: BridgeCallOptions<T>) {
  return renderHook(() => ({ call: useBridgeCall(options), navigator: useNavigator() }), { wrapper })
}

/** A call whose answer the test gives when it likes. */
function pending<T>() {
  let answer: (result: Result<T>) => void = () => {}
  const promise = new Promise<Result<T>>((resolve) => (answer = resolve))
  return { promise, answer }
}

describe('useBridgeCall', () => {
  it('OTP-10 a second run while the first is answered sends nothing; busy covers the first until its value is used', async () => {
    installFakeApi()
    const { result } = renderCall()
    const first = pending<string>()
    const call = vi.fn(() => first.promise)
    const used: string[] = []
    let runs: Promise<boolean>[] = []
    act(() => {
      runs = [result.current.call.run(call, (value) => used.push(value)), result.current.call.run(call, (value) => used.push(value))]
    })
    expect(call).toHaveBeenCalledTimes(1)
    expect(result.current.call.busy).toBe(true)
    await act(async () => first.answer({ ok: true, value: 'done' }))
    expect(await Promise.all(runs)).toEqual([true, false])
    expect(used).toEqual(['done'])
    expect(result.current.call.busy).toBe(false)
  })

  it('loads on mount; refetch asks again and the newest answer wins over an older one arriving late', async () => {
    installFakeApi()
    const answers = [pending<number>(), pending<number>(), pending<number>()]
    let asked = 0
    const onLoad = vi.fn()
    const { result } = renderCall({ load: () => answers[asked++]!.promise, onLoad })
    await waitFor(() => expect(asked).toBeGreaterThan(0))
    const mounted = asked
    await act(async () => answers[mounted - 1]!.answer({ ok: true, value: 1 }))
    expect(result.current.call.data).toBe(1)

    let older: Promise<boolean> = Promise.resolve(false)
    let newer: Promise<boolean> = Promise.resolve(false)
    act(() => {
      older = result.current.call.refetch()
      newer = result.current.call.refetch()
    })
    await act(async () => answers[mounted + 1]!.answer({ ok: true, value: 3 }))
    await act(async () => answers[mounted]!.answer({ ok: true, value: 2 }))
    expect(await older).toBe(false)
    expect(await newer).toBe(true)
    expect(result.current.call.data).toBe(3)
    expect(onLoad).toHaveBeenLastCalledWith(3)
  })

  it('OTP-26 a call that rejects is reported and becomes A999 with the correlation id; without onError the screen keeps it', async () => {
    const api = installFakeApi()
    const { result } = renderCall()
    await act(async () => void (await result.current.call.run(async () => Promise.reject(new Error('host gone')))))
    expect(api['diagnostics.report']).toHaveBeenCalledWith(expect.objectContaining({ kind: 'error', detail: expect.stringContaining('host gone') }))
    expect(result.current.call.error).toEqual({ code: 'A999', correlationId: 'c0rre1at10n' })
  })

  it('a failure goes to onError instead when the screen gives one', async () => {
    installFakeApi()
    const onError = vi.fn()
    const { result } = renderCall({ onError })
    await act(async () => void (await result.current.call.run(async () => ({ ok: false, error: { code: 'A403' } }))))
    expect(onError).toHaveBeenCalledWith({ code: 'A403' })
    expect(result.current.call.error).toBeNull()
  })

  it('STF-01 STAFF_SIGNED_OUT leads to スタッフサインイン whatever the screen', async () => {
    installFakeApi()
    const onError = vi.fn()
    const { result } = renderCall({ onError })
    await act(async () => void (await result.current.call.run(async () => ({ ok: false, error: { code: 'STAFF_SIGNED_OUT' } }))))
    expect(result.current.navigator.state.screen).toEqual({ name: 'staffSignIn' })
    expect(onError).not.toHaveBeenCalled()
  })

  it('an answer arriving after the screen is gone changes nothing', async () => {
    installFakeApi()
    const onError = vi.fn()
    const onValue = vi.fn()
    const { result, unmount } = renderCall({ onError })
    const late = pending<string>()
    let run: Promise<boolean> = Promise.resolve(true)
    act(() => {
      run = result.current.call.run(() => late.promise, onValue)
    })
    unmount()
    late.answer({ ok: false, error: { code: 'A403' } })
    expect(await run).toBe(false)
    expect(onError).not.toHaveBeenCalled()
    expect(onValue).not.toHaveBeenCalled()
  })
})
