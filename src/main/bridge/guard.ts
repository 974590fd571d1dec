import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * Who may talk to the bridge: only pages this server served itself, on its own loopback
 * address, holding this run's secret. A foreign Host (DNS rebinding) or Origin (another local
 * page) is refused with 403 before anything else; an API call without the secret with 401.
 */
export interface Guard {
  allowedHosts: Set<string>
  allowedOrigins: Set<string>
  token: string
}

export function guardFor(port: number, token: string): Guard {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  return {
    allowedHosts: new Set(hosts),
    allowedOrigins: new Set(hosts.map((h) => `http://${h}`)),
    token
  }
}

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; message: string }

export function checkOrigin(guard: Guard, req: IncomingMessage): Verdict {
  const host = req.headers.host
  if (!host || !guard.allowedHosts.has(host.toLowerCase())) {
    return {
      ok: false,
      status: 403,
      message: 'Refused: this server answers only on its own loopback address.'
    }
  }
  const origin = req.headers.origin
  if (origin !== undefined && !guard.allowedOrigins.has(origin.toLowerCase())) {
    return { ok: false, status: 403, message: 'Refused: requests from other sites are not allowed.' }
  }
  return { ok: true }
}

export function checkToken(guard: Guard, req: IncomingMessage): Verdict {
  const header = req.headers.authorization ?? ''
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  const given = Buffer.from(match?.[1] ?? '')
  const expected = Buffer.from(guard.token)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      ok: false,
      status: 401,
      message: 'Missing or wrong session key: open the URL printed by `netmortem serve`.'
    }
  }
  return { ok: true }
}
