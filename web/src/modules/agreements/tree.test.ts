import { describe, expect, it } from 'vitest';
import { buildTree, descendantIds, flattenTree, parentCandidates } from './tree';

const a = (id: string, parent_id: string | null = null, relation = parent_id ? 'sub_agreement' : 'master') => ({ id, parent_id, relation });

describe('the agreement tree', () => {
  it('nests sub-agreements and amendments under their parent, keeping the list’s order', () => {
    const list = [a('cla'), a('sow1', 'cla'), a('mta'), a('amend1', 'cla', 'amendment'), a('sow1-a', 'sow1', 'amendment')];
    const rows = flattenTree(buildTree(list));
    expect(rows.map((r) => `${'  '.repeat(r.depth)}${r.item.id}`)).toEqual(['cla', '  sow1', '    sow1-a', '  amend1', 'mta']);
  });

  it('puts a record whose parent the caller cannot read at the top, so that nothing readable is hidden', () => {
    const roots = buildTree([a('amend', 'hidden-master', 'amendment'), a('cla')]);
    expect(roots.map((n) => n.item.id)).toEqual(['amend', 'cla']);
  });

  it('survives a cycle in the data without losing a record', () => {
    const rows = flattenTree(buildTree([a('x', 'y'), a('y', 'x'), a('self', 'self')]));
    expect(rows.map((r) => r.item.id).sort()).toEqual(['self', 'x', 'y']);
  });

  it('is empty without agreements', () => {
    expect(buildTree([])).toEqual([]);
  });
});

describe('parent candidates', () => {
  const list = [a('cla'), a('sow1', 'cla'), a('sow1-sub', 'sow1'), a('amend1', 'cla', 'amendment'), a('mta')];

  it('finds every record below one', () => {
    expect([...descendantIds(list, 'cla')].sort()).toEqual(['amend1', 'sow1', 'sow1-sub']);
    expect(descendantIds(list, 'mta').size).toBe(0);
  });

  it('excludes amendments, the agreement itself and its descendants (no cycles)', () => {
    expect(parentCandidates(list, 'sow1').map((x) => x.id)).toEqual(['cla', 'mta']);
    expect(parentCandidates(list, null).map((x) => x.id)).toEqual(['cla', 'sow1', 'sow1-sub', 'mta']);
  });
});
