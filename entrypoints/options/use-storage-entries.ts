/**
 * Every `browser.storage.local` entry, kept current: the options page shows what the popup, the
 * reader and other options tabs change while it is open.
 *
 * @module
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** The raw local storage entries, or null until first read. */
export function useStorageEntries(): Record<string, unknown> | null {
  const [entries, setEntries] = useState<Record<string, unknown> | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      void browser.storage.local.get(null).then((all) => {
        if (live) setEntries(all);
      });
    const onChanged = (_: unknown, area: string) => {
      if (area === 'local') read();
    };
    read();
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return entries;
}
