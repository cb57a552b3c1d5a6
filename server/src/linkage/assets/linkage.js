// The one script of the linkage pages (served from 'self' under the CSP). The server checks everything again;
// this only saves a round trip and shows the seed's dialog (LNK-02/03) the way the manual does.
'use strict'

document.addEventListener('submit', (event) => {
  const form = event.target
  if (!(form instanceof HTMLFormElement) || form.method === 'dialog') return
  if (event.submitter && event.submitter.hasAttribute('formnovalidate')) return
  const required = Array.from(form.querySelectorAll('[data-required]'))
  const missing = required.filter((el) => (el.type === 'checkbox' ? !el.checked : !el.value.trim()))
  required.forEach((el) => el.closest('.field')?.classList.remove('missing'))
  if (missing.length === 0) return
  event.preventDefault()
  missing.forEach((el) => el.closest('.field')?.classList.add('missing'))
  const dialog = document.getElementById('missing-dialog')
  if (dialog && !dialog.open) dialog.showModal()
})

// 許可する only with the agreement ticked (LNK-10).
document.querySelectorAll('[data-enables]').forEach((box) => {
  const target = document.getElementById(box.dataset.enables)
  if (!target) return
  const sync = () => {
    target.disabled = !box.checked
    if (box.checked) box.closest('.field')?.classList.remove('missing')
  }
  box.addEventListener('change', sync)
  sync()
})

// 画面④: the seconds left of the 120 s, counted down on the page (the server's clock decides).
document.querySelectorAll('[data-seconds-left]').forEach((el) => {
  const value = el.querySelector('.countdown-value')
  let left = Number(el.dataset.secondsLeft)
  const timer = setInterval(() => {
    left = Math.max(0, left - 1)
    if (value) value.textContent = String(left)
    if (left === 0) clearInterval(timer)
  }, 1000)
})
