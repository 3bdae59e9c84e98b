// Registers the offline service worker in production builds only: under the dev server it would
// cache modules that Vite changes on every edit. sw.js is a classic script (scripts/pwa/plugin.ts).
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const url = `${import.meta.env.BASE_URL}sw.js`;
  navigator.serviceWorker.register(url, { scope: import.meta.env.BASE_URL }).catch((e: unknown) => {
    // Offline use is a bonus: the app works without it.
    console.warn('PaperLens: the offline service worker could not be registered', e);
  });
}
