// OTP-19, SEC-07: which service the app talks to. A build carries its URL and channel; testers' channels may point
// the app elsewhere (--service-url=… or SHINKUMI_SERVICE_URL), the production channel never: a tampered shortcut
// must not send a customer's activation password to another host.
export const PRODUCTION_CHANNEL = 'production'

export interface BuildIdentity {
  serviceUrl: string
  channel: string
}

export function chooseServiceUrl(build: BuildIdentity, argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string {
  if (build.channel === PRODUCTION_CHANNEL) return build.serviceUrl
  const flag = argv.find((a) => a.startsWith('--service-url='))
  return flag?.slice('--service-url='.length) ?? env.SHINKUMI_SERVICE_URL ?? build.serviceUrl
}
