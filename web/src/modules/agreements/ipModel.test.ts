import { describe, expect, it } from 'vitest';
import { sharesProblem, sharesText, sharesTotal } from './ipModel';

describe('joint ownership shares', () => {
  it('adds up the shares', () => {
    expect(sharesTotal([{ organization_id: 'a', percent: 60 }, { organization_id: 'b', percent: '40' }])).toBe(100);
  });

  it('accepts two or more parties summing to 100%', () => {
    expect(sharesProblem([{ organization_id: 'a', percent: 60 }, { organization_id: 'b', percent: 40 }])).toBeNull();
    expect(sharesProblem([{ organization_id: 'a', percent: 33.34 }, { organization_id: 'b', percent: 33.33 }, { organization_id: 'c', percent: 33.33 }])).toBeNull();
  });

  it('says what is wrong otherwise', () => {
    expect(sharesProblem([{ organization_id: 'a', percent: 100 }])).toBe('Joint ownership needs at least two parties');
    expect(sharesProblem([{ organization_id: 'a', percent: 50 }, { organization_id: null, percent: 50 }])).toBe('Choose the party of each share');
    expect(sharesProblem([{ organization_id: 'a', percent: 50 }, { organization_id: 'a', percent: 50 }])).toBe('Name each party once');
    expect(sharesProblem([{ organization_id: 'a', percent: 100 }, { organization_id: 'b', percent: 0 }])).toBe('Each share is more than 0% and at most 100%');
    expect(sharesProblem([{ organization_id: 'a', percent: 60 }, { organization_id: 'b', percent: 30 }])).toBe('The shares add up to 90%, not 100%');
  });

  it('reads as names and percentages', () => {
    expect(sharesText([{ organization_name: 'Meridian', percent: 60 }, { organization_name: 'Pulsewise', percent: 40 }])).toBe('Meridian 60%, Pulsewise 40%');
  });
});
