// The agreement tree: the API lists agreements flat (masters by title, children under them); the
// browser nests sub-agreements and amendments under their parent by `parent_id`. Pure functions.

interface Linked {
  id: string;
  parent_id: string | null;
}

export interface TreeNode<T extends Linked> {
  item: T;
  children: TreeNode<T>[];
}

/**
 * Nests each record under its parent, keeping the order of the list within each level. A record
 * whose parent is not in the list (not readable by the caller) stands at the top, as does any
 * record caught in a cycle, so that nothing the caller may read is ever hidden.
 */
export function buildTree<T extends Linked>(items: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const item of items) nodes.set(item.id, { item, children: [] });

  // Walks up from a record; true when its chain of parents reaches the top without a cycle.
  const reachesTop = (start: T): boolean => {
    const seen = new Set<string>([start.id]);
    let parentId = start.parent_id;
    while (parentId) {
      if (seen.has(parentId)) return false;
      seen.add(parentId);
      const parent = nodes.get(parentId);
      if (!parent) return true;
      parentId = parent.item.parent_id;
    }
    return true;
  };

  const roots: TreeNode<T>[] = [];
  for (const item of items) {
    const node = nodes.get(item.id);
    if (!node) continue;
    const parent = item.parent_id ? nodes.get(item.parent_id) : undefined;
    if (parent && parent !== node && reachesTop(item)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The tree as rows, each with its depth (0 for the top), parents before their children. */
export function flattenTree<T extends Linked>(nodes: readonly TreeNode<T>[], depth = 0): { item: T; depth: number }[] {
  return nodes.flatMap((node) => [{ item: node.item, depth }, ...flattenTree(node.children, depth + 1)]);
}

/** The ids of every record below `id` (children, their children …). */
export function descendantIds<T extends Linked>(items: readonly T[], id: string): Set<string> {
  const result = new Set<string>();
  let frontier = [id];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const item of items) {
      if (item.parent_id && frontier.includes(item.parent_id) && !result.has(item.id) && item.id !== id) {
        result.add(item.id);
        next.push(item.id);
      }
    }
    frontier = next;
  }
  return result;
}

/**
 * Which agreements may be the parent of `self` (null for a new one): not an amendment (they have
 * no children), not itself and not one of its descendants (no cycles).
 */
export function parentCandidates<T extends Linked & { relation: string }>(items: readonly T[], self: string | null): T[] {
  const below = self ? descendantIds(items, self) : new Set<string>();
  return items.filter((a) => a.relation !== 'amendment' && a.id !== self && !below.has(a.id));
}
