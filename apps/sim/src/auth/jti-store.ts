// The single-use store of ticket ids lives in the domain (packages/game session/jti-store.ts):
// the raid's quantum_sync_token uses it too.
export { MemoryJtiStore, RedisJtiStore, type JtiStore } from '@necp/game';
