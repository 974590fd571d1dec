import { describe, expect, it } from 'vitest'
import { checkModel } from '../../src/main/core/preflight/preflight'
import { validateModel } from '../../src/main/core/preflight/validate'
import { at, example } from './support'

describe('the shared examples', () => {
  it('dc1-fabric.json gives no findings and is ready to deploy', () => {
    expect(validateModel(example('dc1-fabric.json'))).toEqual([])
    expect(checkModel(example('dc1-fabric.json'))).toEqual({
      ready_to_deploy: true,
      errors: [],
      warnings: [],
      incident_id: null
    })
  })

  it('dc1-fabric-duplicate-vlan.json gives exactly VLAN_DUPLICATE_ID', () => {
    const model = example('dc1-fabric-duplicate-vlan.json')
    expect(validateModel(model)).toEqual([
      {
        code: 'VLAN_DUPLICATE_ID',
        severity: 'error',
        message: 'VLAN 100 is defined twice (entries 0 and 3)',
        devices: ['leaf-01', 'leaf-02', 'leaf-03', 'leaf-04'],
        path: '/vlans/3/id'
      }
    ])
    expect(at(model, '/vlans/3/id')).toBe(100)
    expect(checkModel(model).ready_to_deploy).toBe(false)
  })
})
