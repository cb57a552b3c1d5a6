// Applies the update plan (main/core/update-plan.ts) with electron-updater: check the testers' feed once at start,
// download in the background and offer the update through the OS notification. A failed check is logged, never
// shown: the app works the same without it.
import electronUpdater from 'electron-updater'
import type { UpdatePlan } from '../core/update-plan.ts'
import type { Logger } from './logger.ts'

export async function checkForTesterUpdates(plan: UpdatePlan, logger: Logger): Promise<void> {
  if (!plan.check) {
    logger.info('update check skipped', { reason: plan.reason })
    return
  }
  const { autoUpdater } = electronUpdater
  autoUpdater.setFeedURL(plan.feed)
  autoUpdater.channel = plan.feed.channel
  autoUpdater.allowDowngrade = false
  try {
    const result = await autoUpdater.checkForUpdatesAndNotify()
    logger.info('update check done', { channel: plan.feed.channel, available: result?.updateInfo.version ?? null })
  } catch (error) {
    logger.info('update check failed', { channel: plan.feed.channel, error })
  }
}
