import type { Cooperative } from './door-types';

/** The most cooperatives the walk-in form lists at once. */
export const COOPERATIVE_LIMIT = 30;

/**
 * The invited cooperatives (downloaded with the roster) whose name, village or district holds the typed text, so
 * a walk-in can be taken without network.
 */
export function filterCooperatives(
  cooperatives: readonly Cooperative[],
  query: string,
  limit = COOPERATIVE_LIMIT,
): Cooperative[] {
  const needle = query.trim().toLowerCase();
  return cooperatives
    .filter(
      (cooperative) =>
        !needle ||
        `${cooperative.name} ${cooperative.villageName} ${cooperative.districtName}`
          .toLowerCase()
          .includes(needle),
    )
    .slice(0, limit);
}
