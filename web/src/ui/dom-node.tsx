import { useEffect, useRef } from 'preact/hooks';

/**
 * Places a DOM node built the older way (`h()` from ./dom.js) inside a Preact component, until
 * the part that builds it is itself a component. `make` runs again when `deps` change.
 */
export function DomNode({ make, deps }: { readonly make: () => Node; readonly deps: readonly unknown[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const node = make();
    element.append(node);
    return () => node.parentNode?.removeChild(node);
  }, deps);
  return <div ref={box} class="dom-node" />;
}
