// The service's logo / link image (seed 2.2, OTP-02): with a link it opens the site in the system browser
// through the main process (https only, checked there); without one it is only a picture.
import { Anchor } from '@mantine/core'
import { useState } from 'react'
import type { TokenView } from '@shinkumi/common/bridge.ts'
import { api } from '../bridge.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'

export function ServiceLogo({ token }: { token: TokenView }) {
  const { t } = useI18n()
  const [broken, setBroken] = useState(false)
  const openSite = () => void api['links.open'](token.id)
  const label = t('otp.openSite', { name: token.serviceName })
  const showImage = token.logoUrl !== null && !broken

  if (showImage && token.linkUrl !== null) {
    return (
      <button type="button" className="logo-button" onClick={openSite} aria-label={label} title={label} data-testid="otp-logo-link">
        <img className="logo-image" src={token.logoUrl ?? undefined} alt="" onError={() => setBroken(true)} data-testid="otp-logo" />
      </button>
    )
  }
  if (showImage) {
    return <img className="logo-image" src={token.logoUrl ?? undefined} alt={token.serviceName} onError={() => setBroken(true)} data-testid="otp-logo" />
  }
  if (token.linkUrl !== null) {
    return (
      <Anchor component="button" type="button" onClick={openSite} ta="center" fw={700} py="xs" data-testid="otp-logo-link">
        {label}
      </Anchor>
    )
  }
  return null
}
