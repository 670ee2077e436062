import { describe, expect, it } from 'vitest';
import { parseDashboardFilters } from '@/lib/validation/dashboard';

describe('dashboard filters from the URL', () => {
  it('reads every filter', () => {
    expect(parseDashboardFilters({ assignee: 'u1', article: 'a1', from: '2026-02-01', to: '2026-02-28' })).toEqual({
      assignee: 'u1',
      article: 'a1',
      from: '2026-02-01',
      to: '2026-02-28',
    });
  });

  it('treats an empty form (every field blank) as no filters', () => {
    expect(parseDashboardFilters({ assignee: '', article: '', from: '', to: '' })).toEqual({});
  });

  it.each([
    ['from', '2026-02-30'],
    ['from', '2026-2-1'],
    ['to', 'yesterday'],
    ['to', '2026-02-01T00:00:00Z'],
    ['assignee', 'x'.repeat(65)],
    ['article', ['a1', 'a2']],
  ])('ignores %s=%o and keeps the rest', (key, value) => {
    const filters = parseDashboardFilters({ assignee: 'u1', from: '2026-01-01', [key]: value });
    expect(filters[key as keyof typeof filters]).toBeUndefined();
    if (key !== 'assignee') expect(filters.assignee).toBe('u1');
    if (key !== 'from') expect(filters.from).toBe('2026-01-01');
  });

  it('ignores parameters it does not know', () => {
    expect(parseDashboardFilters({ page: '3', sort: 'x' })).toEqual({});
  });
});
