import type { Handlers } from '../../shared/api'
import type { NetmortemService } from './service'

/** The API contract's operations, each bound to the service method that serves it. */
export function handlersOf(service: NetmortemService): Handlers {
  return {
    'app.info': () => service.info(),
    'incidents.list': (query) => service.listIncidents(query),
    'incidents.facets': () => service.facets(),
    'incidents.get': ({ id }) => service.getIncident(id),
    'incidents.capture': (input) => service.capture(input),
    'incidents.update': ({ id, patch }) => service.updateIncident(id, patch),
    'incidents.resolve': ({ id, root_cause, resolution }) =>
      service.resolveIncident(id, root_cause, resolution),
    'incidents.delete': ({ id }) => service.deleteIncident(id),
    'preflight.run': ({ model, capture }) => service.preflight(model, { capture }),
    'search.query': ({ query, limit, mode, filters }) => service.search(query, { limit, mode, filters }),
    'search.similar': ({ id, limit }) => service.similarTo(id, { limit }),
    'model.status': () => service.modelStatus(),
    'analysis.analyze': ({ id }) => service.analyze(id),
    'analysis.report': () => service.rcaReport(),
    'analysis.trends': ({ days, bucket }) => service.trends(days, bucket),
    'tests.generate': ({ id }) => service.generateTest(id),
    'learning.learn': ({ id }) => service.learnFromIncident(id),
    'learning.recent': ({ limit }) => service.learnFromRecent(limit),
    'learning.policy': () => service.policyModule(),
    'learning.guidance': () => service.promptGuidance()
  }
}
