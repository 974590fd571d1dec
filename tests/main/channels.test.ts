import { describe, expect, it } from 'vitest'
import * as api from '../../src/shared/api'
import * as channels from '../../src/shared/channels'

// The preload imports the names and channels from channels.ts, main registers handlers for the
// operations of api.ts: the two lists must be one.
describe('channels.ts', () => {
  it('names exactly the operations of the contract, in their order', () => {
    expect(channels.OPERATION_NAMES).toEqual(Object.keys(api.operations))
  })

  it('is what api.ts re-exports', () => {
    expect(api.OPERATION_NAMES).toBe(channels.OPERATION_NAMES)
    expect(api.channelOf).toBe(channels.channelOf)
    expect(api.BACKUP_CHANNELS).toBe(channels.BACKUP_CHANNELS)
    expect(api.TESTS_EXPORT_CHANNELS).toBe(channels.TESTS_EXPORT_CHANNELS)
    expect(api.BRIDGE_TESTS_EXPORT).toBe(channels.BRIDGE_TESTS_EXPORT)
  })

  it('gives every operation and every desktop call a channel of its own', () => {
    const all = [
      ...channels.OPERATION_NAMES.map(channels.channelOf),
      ...Object.values(channels.BACKUP_CHANNELS),
      ...Object.values(channels.TESTS_EXPORT_CHANNELS)
    ]
    expect(new Set(all).size).toBe(all.length)
    for (const channel of all) expect(channel).toMatch(/^netmortem:/)
  })
})
