// Saving a file the person chose where to put (the staff audit CSV, STF-05). Electron asks with the system's save
// dialog; the browser host has none, and its renderer offers a download instead.
export interface FileSaver {
  /** The path written, or null when the person cancelled. */
  save(suggestedName: string, content: string): Promise<string | null>
}
