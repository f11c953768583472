import type { Location } from './router.js';

/** A page draws itself into `main`; it may return a function that releases what it holds (a map). */
export interface PageModule {
  readonly title: string;
  render(main: HTMLElement, location: Location): Promise<(() => void) | void>;
}
