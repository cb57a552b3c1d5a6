// KeyValueStore in the Electron build: electron-store puts the file under app.getPath('userData').
// Imports electron (through electron-store), so only main/electron.ts may load it; tests use conf-store.ts.
import path from 'node:path'
import { app } from 'electron'
import ElectronStore from 'electron-store'
import { ConfStore, PRIVATE_FILE_MODE } from './conf-store.ts'
import type { KeyValueStore } from './key-value-store.ts'

export function createElectronStore(name = 'vault'): KeyValueStore {
  return new ConfStore(
    () =>
      new ElectronStore({
        name,
        configFileMode: PRIVATE_FILE_MODE,
        accessPropertiesByDotNotation: false,
        clearInvalidConfig: false,
      }),
    path.join(app.getPath('userData'), `${name}.json`),
  )
}
