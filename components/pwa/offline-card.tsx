"use client";

import { SerwistProvider, useSerwist } from "@serwist/turbopack/react";
import { useEffect } from "react";

/** What this page already loaded: the page itself and its static files, kept for opening without a signal. */
function loadedUrls(): string[] {
  const statics = performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((name) => {
      const url = new URL(name);
      return url.origin === location.origin && url.pathname.startsWith("/_next/static/");
    });
  return [location.pathname, ...new Set(statics)];
}

/** Asks the worker to keep the card page and what it loaded (lib/pwa/sw.ts decides what it keeps). */
export function keepCardOffline(urls: string[] = [location.pathname]): void {
  navigator.serviceWorker?.controller?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: urls } });
}

function KeepLoaded() {
  const { serwist } = useSerwist();
  useEffect(() => {
    if (!serwist || !navigator.onLine) return;
    void serwist.messageSW({ type: "CACHE_URLS", payload: { urlsToCache: loadedUrls() } }).catch(() => undefined);
  }, [serwist]);
  return null;
}

/**
 * The card's offline shell (issue 14): registers the service worker from the
 * card page and hands it what the page loaded. No reload when the signal
 * returns: the card's own pending draft is sent by the form itself.
 */
export function OfflineCard() {
  return (
    <SerwistProvider swUrl="/serwist/sw.js" reloadOnOnline={false} cacheOnNavigation={false}>
      <KeepLoaded />
    </SerwistProvider>
  );
}
