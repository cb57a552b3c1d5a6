// Every screen, as data: the union below is the whole navigation state machine's vocabulary, and ScreenSpec the
// shape of a screen's row in the registry. To add a screen: add a member here, write its component in
// screens/customer/ (or screens/staff/), and give it a row in navigation/registry.tsx (staff-registry.tsx): title,
// tab, header back target. The compiler then points at anything missing. This file imports nothing of the
// renderer's but message keys, so every part of navigation can share its types without an import cycle.
import type { ComponentType } from 'react'
import type { AppError, TokenView } from '@shinkumi/common/bridge.ts'
import type { ErrorContext } from '@shinkumi/common/errors.ts'
import type { CustomerRef, CustomerSearch } from '@shinkumi/common/staff-api.ts'
import type { StaffActionInput, StaffStatus } from '@shinkumi/common/staff-bridge.ts'
import type { MessageKey } from '../i18n/ja.ts'

export type ProvisionMode = 'setup' | 'add'

/** What the customer typed into the setup form, kept when an error sends them back to it (never the password). */
export interface ProvisionDraft {
  serviceId: string
  userId: string
  agreed: boolean
}

/** Where トークン表示名設定 was opened from: it decides where [登録] leads (OTP-10, OTP-15). */
export type DisplayNameFlow = 'setup' | 'add' | 'settings'

export type Screen =
  /** Start-up (OTP-05): asks the main process which screen comes first. */
  | { name: 'startup' }
  /** 初期設定 or トークン追加 (OTP-10): one form, two modes. */
  | { name: 'provision'; mode: ProvisionMode; draft?: ProvisionDraft }
  /** 初期設定完了 / トークン追加完了. */
  | { name: 'provisioned'; mode: ProvisionMode; token: TokenView }
  /** トークン表示名設定 (OTP-15); tokenId null means the currently shown token. */
  | { name: 'displayName'; tokenId: string | null; flow: DisplayNameFlow }
  /** ワンタイムパスワード (OTP-02). */
  | { name: 'otp'; tokenId: string }
  /** 設定メニュー. */
  | { name: 'settings' }
  /** 有効期限更新 (OTP-20): the chosen token expires within 180 days. */
  | { name: 'expiryRenew'; tokenId: string }
  /** 「今すぐ更新」 succeeded; [次へ] → ワンタイムパスワード. */
  | { name: 'expiryRenewed'; token: TokenView }
  /** 有効期限切れ (OTP-21, OTP-22). */
  | { name: 'expired'; tokenId: string }
  /** パスワード補正 (OTP-24); tokenId null means the currently shown token. */
  | { name: 'correction'; tokenId: string | null }
  /** パスワード補正 done: [設定メニューに戻る]. */
  | { name: 'correctionDone' }
  /** 取引確認 (OTP-25). */
  | { name: 'transactions' }
  /** アプリロックコード入力 (OTP-18): at start-up with the lock set, and whenever the app locked itself. */
  | { name: 'unlock' }
  /** トークン選択 (OTP-05): at start-up with several tokens, from its tab, after トークン追加. */
  | { name: 'tokenSelect' }
  /** トークン削除 → トークン削除確認 → トークン削除完了 when none is left (OTP-14). */
  | { name: 'tokenDelete' }
  | { name: 'tokenDeleteConfirm'; token: TokenView }
  | { name: 'tokenDeleted' }
  /** アプリロック設定 (OTP-17). */
  | { name: 'appLock' }
  /** このアプリについて (OTP-16). */
  | { name: 'about' }
  /** ヘルプ (OTP-28): よくある質問 and エラー表示一覧. */
  | { name: 'help' }
  | { name: 'helpFaq' }
  /** エラー表示一覧, opened at `code` (searched for); `back` is the error screen it was opened from. */
  | { name: 'helpErrors'; code?: string; back?: Screen }
  /** The error screen (OTP-27); `back` is where its button returns to. */
  | { name: 'error'; error: AppError; context: ErrorContext; back: Screen }
  /** スタッフモード (STF-01…STF-05). */
  | StaffScreen

/** An action as planned on the customer screen: everything but the reason and 本人確認方法, asked next. */
export type PlannedAction = DistributiveOmit<Exclude<StaffActionInput, { kind: 'maintenance' }>, 'reason' | 'identityCheck' | 'identityNote'>
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** The staff mode's screens, with their rows in staff-registry.tsx. Leaving them goes through 'staffLeave', which signs out first. */
export type StaffScreen =
  /** Staff ID, password, own TOTP; `ended` tells why the previous session ended by itself. */
  | { name: 'staffSignIn'; ended?: NonNullable<StaffStatus['endedBy']> }
  /** The staff menu, by role. */
  | { name: 'staffHome' }
  /** 顧客検索, keeping the last search so [戻る] from a customer returns to its results. */
  | { name: 'staffSearch'; search?: CustomerSearch }
  | { name: 'staffCustomer'; ref: CustomerRef; back: Screen }
  /** One action: reason, 本人確認方法, confirmation, outcome; `target` says on whom, as shown. */
  | { name: 'staffAction'; action: PlannedAction; target: string; back: Screen }
  | { name: 'staffLocks' }
  | { name: 'staffApprovals' }
  | { name: 'staffMaintenance' }
  | { name: 'staffAudit' }
  /** Signs out, then back to the customer app's start. */
  | { name: 'staffLeave' }

export type ScreenName = Screen['name']
export type StaffScreenName = StaffScreen['name']
export type ScreenOf<N extends ScreenName> = Extract<Screen, { name: N }>

/** The bottom tabs (OTP-05). */
export type TabId = 'otp' | 'tokens' | 'settings' | 'transactions'

/** A screen's row of the registry. */
export interface ScreenSpec<N extends ScreenName> {
  component: ComponentType<{ screen: ScreenOf<N> }>
  title: (screen: ScreenOf<N>) => MessageKey
  /** The highlighted bottom tab; null hides the tabs (start-up, the setup flow, errors). */
  tab: (screen: ScreenOf<N>) => TabId | null
  /** Where the header's [戻る] leads; null shows none. */
  back: (screen: ScreenOf<N>) => Screen | null
}
