import { MyActions } from '../modules/governance/MyActions';
import { PageHeader } from '../ui/PageHeader';

export function MyActionsPage() {
  return (
    <>
      <PageHeader title="My actions" description="What you have agreed to do, in every alliance, soonest due first." />
      <MyActions />
    </>
  );
}
