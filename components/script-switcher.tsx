/** Popup section: 简体 · 繁體（臺灣）· 繁體（香港）· 原文. STUB: filled in by the conversion feature. */
export function ScriptSwitcher(_props: { tabId: number }) {
  return null;
}
