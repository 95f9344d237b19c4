/// <reference lib="webworker" />
/**
 * The service worker (Serwist; built by app/serwist/[path]/route.ts with
 * esbuild, served at /serwist/sw.js). Deliberately small (issue 14):
 *
 * - the app's own static files (/_next/static, hashed names) are kept after
 *   first use, so a page seen once opens without a signal;
 * - `/unit` (the card) is fetched from the network first and its last good
 *   answer kept: with no signal the card opens from it, and the card's draft
 *   comes back from IndexedDB (components/reports/card-draft.ts);
 * - nothing else is cached: no other page, no API answer, no photo — pages
 *   behind the session stay on the server. A /unit answer that is not the
 *   card itself (a redirect to /login after sign-out) replaces nothing and
 *   clears the kept card.
 *
 * Nothing is precached at install: a first visit on mobile data downloads
 * only what the page needs; the page sends the URLs it already loaded
 * (CACHE_URLS) once the worker is active.
 */
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, type SerwistGlobalConfig } from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: unknown;
  }
}

export const CARD_CACHE = "shaitai-card-shell";

const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: "shaitai-static", plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 86_400 })] }),
    },
    {
      // The page itself, not its RSC payloads (router.refresh), which always go to the network.
      matcher: ({ url, request, sameOrigin }) =>
        sameOrigin &&
        url.pathname === "/unit" &&
        !request.headers.has("rsc") &&
        (request.mode === "navigate" || request.destination === "" || request.destination === "document"),
      handler: new NetworkFirst({
        cacheName: CARD_CACHE,
        networkTimeoutSeconds: 10,
        plugins: [
          {
            cacheWillUpdate: async ({ response }) => {
              if (response.status === 200 && !response.redirected) return response;
              await caches.delete(CARD_CACHE);
              return null;
            },
          },
        ],
      }),
    },
  ],
});

serwist.addEventListeners();
