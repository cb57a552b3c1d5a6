// Renders build/icon.svg into the icons electron-builder packs for every target: build/icon.png (1024², Linux and
// the source of the others), build/icon.ico (Windows: PNG entries 16…256) and build/icon.icns (macOS: PNG entries
// 16…1024). The SVG is drawn by the Chromium the e2e suite already uses (CHROMIUM_PATH, default /usr/bin/chromium);
// the .ico and .icns containers are written here (both are a small header and a table of PNGs).
// Run: npm run icons (the results are committed; run again after changing the SVG).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'

const BUILD = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build')
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
/** ICNS element types holding PNG data, by edge length. */
const ICNS_TYPES: [string, number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
]

async function render(svg: string, sizes: number[]): Promise<Map<number, Buffer>> {
  const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 })
    const images = new Map<number, Buffer>()
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size })
      const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`)
      await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`)
      images.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }))
    }
    return images
  } finally {
    await browser.close()
  }
}

function ico(images: Map<number, Buffer>): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // 1 = icon
  header.writeUInt16LE(ICO_SIZES.length, 4)
  const entries: Buffer[] = []
  let offset = 6 + 16 * ICO_SIZES.length
  for (const size of ICO_SIZES) {
    const png = images.get(size)!
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0) // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1)
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    entries.push(entry)
    offset += png.length
  }
  return Buffer.concat([header, ...entries, ...ICO_SIZES.map((s) => images.get(s)!)])
}

function icns(images: Map<number, Buffer>): Buffer {
  const elements = ICNS_TYPES.map(([type, size]) => {
    const png = images.get(size)!
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(8 + elements.reduce((n, e) => n + e.length, 0), 4)
  return Buffer.concat([head, ...elements])
}

const svg = fs.readFileSync(path.join(BUILD, 'icon.svg'), 'utf8')
const sizes = [...new Set([...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)])]
const images = await render(svg, sizes)
fs.writeFileSync(path.join(BUILD, 'icon.png'), images.get(1024)!)
fs.writeFileSync(path.join(BUILD, 'icon.ico'), ico(images))
fs.writeFileSync(path.join(BUILD, 'icon.icns'), icns(images))
console.log(`build/icon.png, icon.ico (${ICO_SIZES.join(', ')}), icon.icns (${ICNS_TYPES.map(([t]) => t).join(', ')})`)
