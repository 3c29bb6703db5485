import en from '@/messages/en.json';
import ko from '@/messages/ko.json';
import type { Locale } from './config';

export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { en, ko };
