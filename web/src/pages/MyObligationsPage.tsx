import { MyObligations } from '../modules/agreements/MyObligations';
import { PageHeader } from '../ui/PageHeader';

export function MyObligationsPage() {
  return (
    <>
      <PageHeader title="My obligations" description="What the agreements require of you, in every alliance, soonest due first." />
      <MyObligations />
    </>
  );
}
