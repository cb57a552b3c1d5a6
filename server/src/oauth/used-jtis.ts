// Single use of a JWT id (client assertions, RFC 7523 §3; DPoP proofs, RFC 9449 §11.1): the insert is the check,
// so two requests with one jti cannot both pass, on any number of instances. Rows live only as long as the JWT
// could still be accepted.
import type { Db } from '../db/index.ts'
import type { OAuthUsedJtisTable } from '../db/schema.ts'

export async function useJtiOnce(db: Db, kind: OAuthUsedJtisTable['kind'], owner: string, jti: string, acceptableUntil: number, now: Date): Promise<boolean> {
  await db.deleteFrom('oauth_used_jtis').where('expires_at', '<', now.getTime()).execute()
  const inserted = await db
    .insertInto('oauth_used_jtis')
    .values({ kind, owner, jti, expires_at: acceptableUntil })
    .onConflict((oc) => oc.columns(['kind', 'owner', 'jti']).doNothing())
    .executeTakeFirst()
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1
}
