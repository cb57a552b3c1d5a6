// The part of madge's programmatic API the import-cycle test uses (the package ships no types).
declare module 'madge' {
  interface MadgeConfig {
    baseDir?: string
    fileExtensions?: string[]
    tsConfig?: string
    detectiveOptions?: Record<string, Record<string, boolean>>
  }
  interface MadgeResult {
    circular(): string[][]
    obj(): Record<string, string[]>
  }
  export default function madge(paths: string | string[], config?: MadgeConfig): Promise<MadgeResult>
}
