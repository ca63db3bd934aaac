// List, then watch from the list's resourceVersion, forever: the same contract as client-go's reflector. Each
// (re)list reports the full set, so the caller can drop what disappeared while the watch was down.
import { request, watchStream } from './http.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * handlers: onList(items) after every (re)list; onEvent(type, object) for ADDED/MODIFIED/DELETED; userAgent (optional)
 * names the helper in the audit log. Returns a stop function.
 */
export function inform(resourcePath, query, { onList, onEvent, log, userAgent }) {
  let stopped = false;
  (async () => {
    while (!stopped) {
      try {
        const list = await request('GET', `${resourcePath}?${query}`, { timeoutMs: 60_000, userAgent });
        if (list.status !== 200) throw new Error(`list ${resourcePath}: HTTP ${list.status}`);
        onList(list.body.items);
        let rv = list.body.metadata.resourceVersion;
        while (!stopped) {
          let gone = false;
          await watchStream(
            `${resourcePath}?${query}&watch=1&allowWatchBookmarks=true&resourceVersion=${rv}&timeoutSeconds=300`,
            (e) => {
              if (e.type === 'ERROR') {
                gone = true;
                return;
              }
              rv = e.object.metadata.resourceVersion;
              if (e.type !== 'BOOKMARK') onEvent(e.type, e.object);
            },
            userAgent,
          );
          if (gone) break;
        }
      } catch (e) {
        log(`${resourcePath}: ${e.message}; retrying`);
        await sleep(1000);
      }
    }
  })();
  return () => {
    stopped = true;
  };
}
