/**
 * Stores `entry` under `key` as the newest of `cache`, then drops the
 * oldest entries past `max`, never the one under `pinned`.
 */
export function keepNewest<T>(
  cache: Map<string, T>,
  key: string,
  entry: T,
  max: number,
  pinned?: string,
) {
  cache.delete(key);
  cache.set(key, entry);
  for (const oldest of cache.keys()) {
    if (cache.size <= max) return;
    if (oldest !== pinned) cache.delete(oldest);
  }
}
