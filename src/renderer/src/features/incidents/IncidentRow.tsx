import { memo } from 'react'
import type { IncidentSummary } from '../../../../shared/incident'
import { NoDescription } from '../../components/incidentCells'
import { SeverityBadge } from '../../components/SeverityBadge'
import { StatusBadge } from '../../components/StatusBadge'
import { formatTime } from '../../lib/format'
import { GRID_TEMPLATE, ROW_HEIGHT } from './columns'

interface Props {
  incident: IncidentSummary
  index: number
  top: number
  selected: boolean
  onSelect: (id: string) => void
  onOpen: (id: string) => void
}

const devicesText = (devices: string[]): string =>
  devices.length <= 2 ? devices.join(', ') : `${devices.slice(0, 2).join(', ')} +${devices.length - 2}`

export const IncidentRow = memo(function IncidentRow({
  incident,
  index,
  top,
  selected,
  onSelect,
  onOpen
}: Props) {
  return (
    <div
      role="row"
      id={`incident-row-${index}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid={`incident-row-${incident.id}`}
      className="nm-row"
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT, gridTemplateColumns: GRID_TEMPLATE }}
      onClick={() => onSelect(incident.id)}
      onDoubleClick={() => onOpen(incident.id)}
    >
      <div role="gridcell" className="nm-cell nm-mono" title={incident.id}>
        {incident.id}
      </div>
      <div role="gridcell" className="nm-cell nm-mono">
        {formatTime(incident.timestamp)}
      </div>
      <div role="gridcell" className="nm-cell">
        <SeverityBadge severity={incident.severity} size="xs" />
      </div>
      <div role="gridcell" className="nm-cell" title={incident.category}>
        {incident.category}
      </div>
      <div role="gridcell" className="nm-cell">
        <StatusBadge status={incident.status} size="xs" />
      </div>
      <div role="gridcell" className="nm-cell nm-mono" title={incident.affected_devices.join(', ')}>
        {devicesText(incident.affected_devices)}
      </div>
      <div role="gridcell" className="nm-cell" title={incident.description}>
        {incident.description || <NoDescription />}
      </div>
    </div>
  )
})
