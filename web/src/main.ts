/** Start the web app: global styles are in index.html; this mounts the shell and the service worker. */

import './components/orbit-app';

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  // The worker precaches the app shell, so the app opens (and says it is offline) without the hub.
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => null);
  });
}
