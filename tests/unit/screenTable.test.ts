import { describe, expect, it } from 'vitest';
import { appMenuIds, appRouteIds, lazyGroups } from './appTables';

/**
 * Issue 18, code-split renderer: every lazily loaded route is sent to the chunk that really draws
 * it (a route sent to the wrong group would fail only when a user opens it), and every menu item is
 * a route.
 */
describe('screen table of the code-split renderer', () => {
  const groups = lazyGroups();

  it('sends each lazy route to the group whose table has exactly those screens', () => {
    expect(groups.size).toBeGreaterThanOrEqual(10);
    for (const [name, g] of groups) expect(g.routed, name).toEqual(g.table);
  });

  it('has the dashboard in the first chunk and a route for every menu item', () => {
    const routes = appRouteIds();
    expect(routes.has('dashboard')).toBe(true);
    expect([...groups.values()].some((g) => g.routed.includes('dashboard'))).toBe(false);
    expect(appMenuIds().filter((id) => !routes.has(id))).toEqual([]);
  });
});
