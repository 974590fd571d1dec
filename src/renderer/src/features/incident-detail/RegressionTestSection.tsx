import { Empty, Section } from '../../components/Section'
import { CopyAction } from './CopyAction'

export function RegressionTestSection({ code }: { code: string | null }) {
  return (
    <Section
      title="Regression test"
      testId="regression-test"
      aside={code ? <CopyAction value={code} label="Copy test" /> : undefined}
    >
      {code ? (
        <pre className="nm-code-block">{code}</pre>
      ) : (
        <Empty>No regression test has been generated.</Empty>
      )}
    </Section>
  )
}
