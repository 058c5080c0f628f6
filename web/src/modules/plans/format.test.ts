import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { addDays, currencyDigits, daysBetween, formatSlip, fromMinorUnits, timeAxisLabel, toMinorUnits } from './format';

describe('payment amounts', () => {
  it('turns a typed amount into integer minor units by the currency’s own decimals', () => {
    expect(toMinorUnits('2500000', 'EUR')).toBe(250000000);
    expect(toMinorUnits('12345.67', 'EUR')).toBe(1234567);
    expect(toMinorUnits(12345.67, 'EUR')).toBe(1234567);
    expect(toMinorUnits('1,500', 'JPY')).toBe(1500);
    expect(toMinorUnits('1.234', 'KWD')).toBe(1234);
    expect(toMinorUnits('12.5', 'USD')).toBe(1250);
  });

  it('does not lose cents to floating point', () => {
    expect(toMinorUnits(0.29, 'EUR')).toBe(29);
    expect(toMinorUnits(1.005, 'KWD')).toBe(1005);
    expect(toMinorUnits(4.35, 'USD')).toBe(435);
  });

  it('refuses more decimals than the currency has, and amounts that are not positive', () => {
    expect(toMinorUnits('12.345', 'EUR')).toBeNull();
    expect(toMinorUnits('10.5', 'JPY')).toBeNull();
    expect(toMinorUnits('0', 'EUR')).toBeNull();
    expect(toMinorUnits('-5', 'EUR')).toBeNull();
    expect(toMinorUnits('', 'EUR')).toBeNull();
    expect(toMinorUnits('ten', 'EUR')).toBeNull();
  });

  it('shows minor units back as a major-unit amount for editing', () => {
    expect(fromMinorUnits(250000000, 'EUR')).toBe('2500000.00');
    expect(fromMinorUnits(5, 'EUR')).toBe('0.05');
    expect(fromMinorUnits(1500, 'JPY')).toBe('1500');
    expect(toMinorUnits(fromMinorUnits(1234567, 'EUR'), 'EUR')).toBe(1234567);
  });

  it('knows how many decimals a currency has', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('BHD')).toBe(3);
    expect(currencyDigits('??')).toBe(2);
  });
});

describe('slip and days', () => {
  it('says how far a milestone slipped', () => {
    expect(formatSlip(45)).toBe('+45 days');
    expect(formatSlip(1)).toBe('+1 day');
    expect(formatSlip(-3)).toBe('\u22123 days');
    expect(formatSlip(0)).toBe('On plan');
  });

  it('counts calendar days across month and year ends', () => {
    expect(daysBetween('2027-03-01', '2027-04-15')).toBe(45);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(addDays('2026-11-21', 30)).toBe('2026-12-21');
  });
});

describe('the timeline’s time axis', () => {
  it('names the year and the month on their first days, and writes other days as lists do', () => {
    expect(timeAxisLabel(dayjs('2027-01-01').valueOf())).toBe('2027');
    expect(timeAxisLabel(dayjs('2027-03-01').valueOf())).toBe('Mar');
    // jsdom's reader is en-US.
    expect(timeAxisLabel(dayjs('2027-03-08').valueOf())).toBe('Mar 8, 2027');
  });
});
