import { openSqliteWriter } from '../server/src/db/sqlite-writer.ts'
const w = openSqliteWriter('/tmp/y.sqlite', { onGone: () => console.log('gone') })
console.log(await w.selectNoFrom((eb) => eb.val(1).as('x')).execute())
await w.destroy()
console.log('destroyed')
