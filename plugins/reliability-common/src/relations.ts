/**
 * Relation from a service (Component, System, Resource) to one of its SLOs.
 *
 * @public
 */
export const RELATION_HAS_SLO = 'hasSLO';

/**
 * Relation from an SLO entity to the service it measures.
 *
 * @public
 */
export const RELATION_SLO_OF = 'sloOf';

/**
 * Annotation on an SLO entity naming its owner when it is not the
 * service's owner, e.g. `group:default/sre`.
 *
 * @public
 */
export const SLO_OWNER_ANNOTATION = 'vigil/owner';
