import { h as jsx, render, type ComponentType } from 'preact';
import type { Location } from './router.js';

/**
 * A page draws itself into the container it is given; it may return a function that releases
 * what it holds (a map). The container is the page's own: when the person navigates away while
 * the page is still loading, the container is detached and whatever the page still draws into it
 * is never seen (two pages never show at once).
 */
export interface PageModule {
  readonly title: string;
  render(container: HTMLElement, location: Location): Promise<(() => void) | void>;
}

/** Each page's code is its own chunk, loaded when the page is first opened. */
export type PageLoader = () => Promise<PageModule>;

/** A page written as a Preact component (the way new pages are written; see docs/web.md). */
export function componentPage(
  title: string | (() => string),
  View: ComponentType<{ readonly location: Location }>,
): PageModule {
  return {
    /** A function gives the title in the active language each time it is read. */
    get title() {
      return typeof title === 'string' ? title : title();
    },
    async render(container, location) {
      render(jsx(View, { location }), container);
      return () => render(null, container);
    },
  };
}
