// Catches a render crash anywhere below it (OTP-26): reports it, shows the error the main process answers with
// (A999 with a correlation id, or A9EX), and offers a fresh start — the window never goes blank.
import { Component, Fragment, lazy, Suspense, useState, type ErrorInfo, type ReactNode } from 'react'
import type { AppError } from '@shinkumi/common/bridge.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { reportProblem } from '../lib/diagnostics.ts'
import { lazyScreen } from '../navigation/lazy-screen.ts'
import { AppFrame } from './AppFrame.tsx'
import { Loading } from './Loading.tsx'

// The error screen and エラー表示一覧 load when needed, with the error catalog (issue 12: the first screen's
// JavaScript stays small); the error screen's load starts with the crash, beside the report it waits for.
const loadErrorScreen = () => import('./ErrorScreen.tsx')
const ErrorScreen = lazyScreen(loadErrorScreen, 'ErrorScreen')
/** エラー表示一覧 opened on the crash's code as the seed writes it. */
const CrashErrorList = lazy(async () => {
  const [{ ErrorList }, { displayCode }] = await Promise.all([import('./ErrorList.tsx'), import('@shinkumi/common/errors.ts')])
  return { default: ({ code }: { code: AppError['code'] }) => <ErrorList initialCode={displayCode(code) ?? undefined} /> }
})

interface State {
  crashed: boolean
  reported: AppError | null
  /** Keys the children, so a reset mounts them afresh. */
  generation: number
}

export class CrashBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { crashed: false, reported: null, generation: 0 }

  static getDerivedStateFromError(): Partial<State> {
    return { crashed: true, reported: null }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    void loadErrorScreen()
    void reportProblem(error, 'crash', info.componentStack ?? undefined).then((reported) => this.setState({ reported }))
  }

  private reset = () => this.setState((state) => ({ crashed: false, reported: null, generation: state.generation + 1 }))

  override render() {
    if (!this.state.crashed) return <Fragment key={this.state.generation}>{this.props.children}</Fragment>
    return <CrashScreen reported={this.state.reported} onReset={this.reset} />
  }
}

function CrashScreen({ reported, onReset }: { reported: AppError | null; onReset: () => void }) {
  const { t } = useI18n()
  // No navigation lives here (it crashed): エラー表示一覧 opens in place, its [戻る] returns to the error.
  const [helpOpen, setHelpOpen] = useState(false)
  if (reported && helpOpen) {
    // The list's title comes with the list, once it has loaded.
    return (
      <Suspense fallback={<Loading />}>
        <AppFrame title={t('title.errorList')} onBack={() => setHelpOpen(false)}>
          <CrashErrorList code={reported.code} />
        </AppFrame>
      </Suspense>
    )
  }
  return (
    <AppFrame title={t('title.error')}>
      <Suspense fallback={<Loading />}>
        {reported ? <ErrorScreen error={reported} context="other" onBack={onReset} onHelp={() => setHelpOpen(true)} backLabel="error.reset" backTestId="error-reset" /> : <Loading />}
      </Suspense>
    </AppFrame>
  )
}
