/**
 * Tarjan's strongly connected components, iterative so that a 25k-node chain
 * cannot overflow the stack. Returns components of two or more nodes: each is
 * a dependency cycle. Lineage should be acyclic; a cycle is reported, never thrown.
 */
export function findCycles(downstream: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  for (const root of downstream.keys()) {
    if (index.has(root)) continue;
    // Each frame: the node and the position of the next neighbour to visit.
    const frames: [string, number][] = [[root, 0]];
    index.set(root, counter);
    low.set(root, counter);
    counter++;
    stack.push(root);
    onStack.add(root);

    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as [string, number];
      const [node, next] = frame;
      const neighbours = downstream.get(node) ?? [];
      if (next < neighbours.length) {
        frame[1] = next + 1;
        const n = neighbours[next] as string;
        if (!index.has(n)) {
          index.set(n, counter);
          low.set(n, counter);
          counter++;
          stack.push(n);
          onStack.add(n);
          frames.push([n, 0]);
        } else if (onStack.has(n)) {
          low.set(node, Math.min(low.get(node) as number, index.get(n) as number));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent)
        low.set(parent[0], Math.min(low.get(parent[0]) as number, low.get(node) as number));
      if (low.get(node) === index.get(node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1) cycles.push(component.reverse());
      }
    }
  }
  return cycles;
}
