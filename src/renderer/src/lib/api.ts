import type { InputOf, OperationName, OutputOf } from '../../../shared/api'
import type { Result } from '../../../shared/result'
import { unwrap } from './apiError'
import { bumpDataVersion } from './dataVersion'
import { transport } from './platform'

export { ApiCallError, messageOf } from './apiError'

/**
 * Calls one operation of the API contract and unwraps its Result: the value, or an
 * ApiCallError carrying {code, message, details}.
 */
export async function call<K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  return unwrap((await transport.invoke(name, input)) as Result<OutputOf<K>>)
}

/** Like call, for an operation that changes incidents: every view showing data loads again. */
export async function mutate<K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const value = await call(name, input)
  bumpDataVersion()
  return value
}
