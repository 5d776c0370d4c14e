import { CLASSES, ORIGINS } from '@necp/shared';

export const classLabel = (id: string) => CLASSES.find((c) => c.id === id)?.name ?? id;
export const originName = (id: string) => ORIGINS.find((o) => o.id === id)?.name ?? id;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const formatDateTime = (d: Date) => dateTime.format(d);
