// FileSaver in the Electron build: the system's save dialog over our window, then a file only its owner reads.
import fs from 'node:fs/promises'
import { dialog, type BrowserWindow } from 'electron'
import type { FileSaver } from './file-saver.ts'

export function electronFileSaver(window: () => BrowserWindow | undefined): FileSaver {
  return {
    async save(suggestedName, content) {
      const options = { defaultPath: suggestedName, filters: [{ name: 'CSV', extensions: ['csv'] }] }
      const owner = window()
      const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      if (chosen.canceled || !chosen.filePath) return null
      await fs.writeFile(chosen.filePath, content, { mode: 0o600 })
      return chosen.filePath
    },
  }
}
