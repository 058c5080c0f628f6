import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateFormat, formatDate, formatDateTime, formatMoney, formatRelative, localiseDays, parseDay } from './format';

afterEach(() => vi.restoreAllMocks());

const READERS = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP'];

describe('the reader’s day pattern', () => {
  it('follows the locale’s order, separators and numeric or word month', () => {
    expect(dateFormat('en-US')).toBe('MMM D, YYYY');
    expect(dateFormat('en-GB')).toBe('D MMM YYYY');
    expect(dateFormat('de-DE')).toBe('DD.MM.YYYY');
  });

  it('writes a month word of another language as the English abbreviation, without the word’s own dot', () => {
    // fr-FR writes "5 nov. 2026".
    expect(dateFormat('fr-FR')).toMatch(/MMM/);
    expect(formatDate('2026-11-05', 'fr-FR')).toContain('Nov');
    expect(formatDate('2026-11-05', 'fr-FR')).not.toMatch(/nov|Nov\./);
    // ja-JP writes numbers, year first.
    expect(dateFormat('ja-JP')).toMatch(/^YYYY\D+MM?\D+DD?$/);
  });

  it('is always something the date fields and the server can read: one day, month and year, separators only', () => {
    for (const reader of [...READERS, 'pt-BR', 'ru-RU', 'zh-CN', 'ko-KR', 'ar-EG', 'fa-IR', 'th-TH', 'lv-LV', 'eu-ES', 'vi-VN', 'not a locale!']) {
      const pattern = dateFormat(reader);
      const tokens = pattern.match(/YYYY|MMM|MM|M|DD|D/g) ?? [];
      expect(tokens.map((t) => t[0]).sort().join(''), `${reader}: ${pattern}`).toBe('DMY');
      expect(pattern.replace(/YYYY|MMM|MM|M|DD|D/g, ''), `${reader}: ${pattern}`).not.toMatch(/[A-Za-z0-9"\\[\]]/);
      expect(new TextEncoder().encode(pattern).length).toBeLessThanOrEqual(32);
    }
  });

  it('is the browser’s language unless a locale is given', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    expect(dateFormat()).toBe('DD.MM.YYYY');
    expect(formatDate('2026-11-05')).toBe('05.11.2026');
  });
});

describe('formatDate', () => {
  it('shows a calendar day in the reader’s locale', () => {
    expect(formatDate('2026-07-01', 'en-GB')).toBe('1 Jul 2026');
    expect(formatDate('2026-07-01', 'en-US')).toBe('Jul 1, 2026');
    expect(formatDate('2026-07-01', 'de-DE')).toBe('01.07.2026');
  });

  it('uses the month abbreviations of the date fields, not the locale’s ("Sept")', () => {
    expect(formatDate('2026-09-05', 'en-GB')).toBe('5 Sep 2026');
  });

  it('does not shift a day across time zones', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        expect(formatDate('2026-07-01', 'en-US'), tz).toBe('Jul 1, 2026');
        expect(formatDate('2026-12-31', 'de-DE'), tz).toBe('31.12.2026');
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('shows a dash for a missing day and leaves what is not a day as it is', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(formatDate('soon', 'en-US')).toBe('soon');
    expect(formatDate('2026-07-01T23:30:00Z', 'en-US')).toBe('Jul 1, 2026');
  });
});

describe('formatDateTime', () => {
  const text = (s: string) => s.replace(/\s/g, ' ');

  it('writes the day in the reader’s pattern and the locale’s short time', () => {
    expect(formatDateTime('2026-11-21T19:33:56.123Z', 'en-GB')).toMatch(/21 Nov 2026/);
    expect(text(formatDateTime('2026-11-21T19:33:56Z', 'en-US', 'UTC'))).toBe('Nov 21, 2026, 7:33 PM');
    expect(formatDateTime('2026-11-21T19:33:56Z', 'de-DE', 'UTC')).toBe('21.11.2026, 19:33');
    expect(formatDateTime('2026-11-21T19:33:56Z', 'en-GB', 'Asia/Tokyo')).toBe('22 Nov 2026, 04:33');
  });

  it('does not write a separator twice where the locale ends a day with one', () => {
    expect(formatDateTime('2026-11-21T19:33:56Z', 'zh-CN', 'UTC')).not.toContain('日日');
    expect(formatDateTime('2026-11-21T19:33:56Z', 'ko-KR', 'UTC')).not.toContain('..');
  });

  it('shows a dash for a missing instant', () => {
    expect(formatDateTime(null)).toBe('—');
  });
});

describe('parseDay', () => {
  it('reads a day typed in the reader’s pattern, leniently', () => {
    expect(parseDay('05.11.2026', 'DD.MM.YYYY')).toBe('2026-11-05');
    // The browser's own parser reads this as 11 May.
    expect(parseDay('5.11.2026', 'DD.MM.YYYY')).toBe('2026-11-05');
    expect(parseDay('Nov 5, 2026', 'MMM D, YYYY')).toBe('2026-11-05');
    expect(parseDay('nov 5 2026', 'MMM D, YYYY')).toBe('2026-11-05');
    expect(parseDay('November 5, 2026', 'MMM D, YYYY')).toBe('2026-11-05');
    expect(parseDay('Thu 5 Nov 2026', 'D MMM YYYY')).toBe('2026-11-05');
    expect(parseDay('2026/11/05', 'YYYY/MM/DD')).toBe('2026-11-05');
    expect(parseDay('2026-11-05', 'DD.MM.YYYY')).toBe('2026-11-05');
  });

  it('is null until the text is a whole, real day', () => {
    expect(parseDay('05.11.20', 'DD.MM.YYYY')).toBeNull();
    expect(parseDay('31.02.2026', 'DD.MM.YYYY')).toBeNull();
    expect(parseDay('Nox 5, 2026', 'MMM D, YYYY')).toBeNull();
    expect(parseDay('Nov 5', 'MMM D, YYYY')).toBeNull();
    expect(parseDay('2026-02-30', 'D MMM YYYY')).toBeNull();
  });

  it('reads back every day it writes, in every reader’s pattern', () => {
    for (const reader of READERS) {
      for (const day of ['2026-01-02', '2026-11-05', '2027-12-31', '2028-02-29']) {
        expect(parseDay(formatDate(day, reader), dateFormat(reader)), `${reader} ${day}`).toBe(day);
      }
    }
  });
});

describe('localiseDays', () => {
  it('writes each ISO day of a notification in the reader’s pattern', () => {
    expect(localiseDays('Quarterly report due on 2026-11-05', 'en-US')).toBe('Quarterly report due on Nov 5, 2026');
    expect(localiseDays('2026-11-05 to 2026-12-01.', 'de-DE')).toBe('05.11.2026 to 01.12.2026.');
    expect(localiseDays('Notice deadline (2027-01-31), expiry 2027-03-31', 'en-GB')).toBe('Notice deadline (31 Jan 2027), expiry 31 Mar 2027');
  });

  it('leaves days in web addresses, longer digit runs, timestamps and impossible days alone', () => {
    for (const text of [
      'See https://northstar.example/minutes/2026-11-05 for the minutes',
      'Open /alliances/a/calendar?day=2026-11-05',
      'Batch 12026-11-05 and 2026-11-051',
      'At 2026-11-05T10:00:00Z',
      'Day 2026-02-30 or 2026-13-01',
      'Due 5 Nov 2026',
    ]) {
      expect(localiseDays(text, 'en-US')).toBe(text);
    }
    expect(localiseDays('Due 2026-11-05, see www.example.com/2026-11-05', 'en-US')).toBe('Due Nov 5, 2026, see www.example.com/2026-11-05');
  });
});

describe('formatMoney', () => {
  it('reads integer minor units with the currency’s own decimals', () => {
    expect(formatMoney(1234567, 'EUR', 'en-GB')).toBe('€12,345.67');
    expect(formatMoney(1234567, 'EUR', 'de-DE').replace(/\u00a0/g, ' ')).toBe('12.345,67 €');
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
  });
});

describe('formatRelative', () => {
  it('says how long ago something happened', () => {
    const now = new Date('2026-11-21T12:00:00Z');
    expect(formatRelative('2026-11-21T11:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(formatRelative('2026-11-19T12:00:00Z', now, 'en')).toBe('2 days ago');
  });
});
