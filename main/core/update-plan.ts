// Updates for testers (issue 11): a packaged build that is not the production channel looks for newer builds of
// the testers' channel on a generic feed (electron-builder's `publish`, SHINKUMI_UPDATE_URL). Development runs and
// production builds never check: production reaches customers through the credit union's own distribution.
// Pure, so it is tested without Electron; main/platform/updater.ts applies it.

export const TESTERS_CHANNEL = 'testers'

export interface UpdateFeed {
  provider: 'generic'
  url: string
  channel: string
}

export type UpdatePlan = { check: true; feed: UpdateFeed } | { check: false; reason: string }

export function updatePlan(input: { packaged: boolean; buildChannel: string; feedUrl: string | undefined }): UpdatePlan {
  if (!input.packaged) return { check: false, reason: 'not a packaged build' }
  if (input.buildChannel === 'production') return { check: false, reason: 'production build' }
  if (!input.feedUrl) return { check: false, reason: 'no update feed configured (SHINKUMI_UPDATE_URL)' }
  let url: URL
  try {
    url = new URL(input.feedUrl)
  } catch {
    return { check: false, reason: 'the update feed is not a URL' }
  }
  // Updates are code: only over HTTPS.
  if (url.protocol !== 'https:') return { check: false, reason: 'the update feed is not https' }
  return { check: true, feed: { provider: 'generic', url: url.href, channel: TESTERS_CHANNEL } }
}
