import type { TFunction } from 'i18next';

/** "5 h 20 min" under a day, "2 d 3 h" after: how long the money has been on its way. */
export function sincePayment(t: TFunction, paidAt: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(paidAt)) / 60_000));
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('desk.since.hours', { hours, minutes: minutes % 60 });
  return t('desk.since.days', { days: Math.floor(hours / 24), hours: hours % 24 });
}
