// The chrome.* calls the end-to-end tests make inside extension pages and the service worker
// (page.evaluate and worker.evaluate run in the browser, where chrome is defined).
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  alarms: { create(name: string, info: { when?: number; periodInMinutes?: number }): Promise<void>; get(name: string): Promise<{ periodInMinutes?: number } | undefined> };
};
