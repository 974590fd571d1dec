import { useMemo } from 'react'
import { tokenize } from './pythonTokens'
import './learning.css'

/** Python source in a monospace block, coloured by a tiny tokenizer (React elements only). */
export function PythonCode({ code, testId }: { code: string; testId?: string }) {
  const tokens = useMemo(() => tokenize(code), [code])
  return (
    <pre className="nm-code-block nm-py" data-testid={testId}>
      <code>
        {tokens.map((token, i) =>
          token.kind === 'text' ? (
            token.text
          ) : (
            <span key={i} className={`nm-py-${token.kind}`}>
              {token.text}
            </span>
          )
        )}
      </code>
    </pre>
  )
}
