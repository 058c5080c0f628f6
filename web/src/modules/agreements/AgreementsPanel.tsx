// The Agreements tab: the agreement tree, obligations and their due dates, compliance,
// restrictions and the conflict check, the IP register and the data register. The section is in
// the address (`?section=obligations`), and so is an open agreement (`?agreement=<id>`), so that
// both can be shared and notifications can link to them.
import { IconBulb, IconChartLine, IconDatabase, IconFileText, IconListCheck, IconShieldLock } from '@tabler/icons-react';
import type { Alliance } from '../../api/types';
import { ErrorAlert, PageLoader } from '../../ui/feedback';
import { type SectionTab, SectionTabs } from '../../ui/SectionTabs';
import { useMembers } from '../team/queries';
import { AgreementsSection } from './AgreementsSection';
import { ComplianceSection } from './ComplianceSection';
import { DataRegisterSection } from './DataRegisterSection';
import { IpRegisterSection } from './IpRegisterSection';
import { ObligationsSection } from './ObligationsSection';
import { useAgreements } from './queries';
import { RestrictionsSection } from './RestrictionsSection';

const SECTIONS = [
  { value: 'agreements', label: 'Agreements', icon: IconFileText },
  { value: 'obligations', label: 'Obligations', icon: IconListCheck },
  { value: 'compliance', label: 'Compliance', icon: IconChartLine },
  { value: 'restrictions', label: 'Restrictions', icon: IconShieldLock },
  { value: 'ip-register', label: 'IP register', icon: IconBulb },
  { value: 'data-register', label: 'Data register', icon: IconDatabase },
] as const satisfies readonly SectionTab[];

type Section = (typeof SECTIONS)[number]['value'];

// Only the section survives a switch: an open agreement, and the obligations' view and day,
// belong to their own section.
const SECTION_PARAMS = ['agreement', 'view', 'day'];

export function AgreementsPanel({ alliance }: { alliance: Alliance }) {
  const agreements = useAgreements(alliance.id);
  const members = useMembers(alliance.id);
  const people = members.data?.items ?? [];

  const body = (section: Section) => {
    if (section === 'compliance') return <ComplianceSection alliance={alliance} />;
    if (agreements.isPending) return <PageLoader label="Loading the agreements…" />;
    if (agreements.isError) return <ErrorAlert error={agreements.error} onRetry={() => void agreements.refetch()} />;
    const list = agreements.data;
    if (section === 'obligations') return <ObligationsSection alliance={alliance} members={people} agreements={list} />;
    if (section === 'restrictions') return <RestrictionsSection alliance={alliance} members={people} agreements={list} />;
    if (section === 'ip-register') return <IpRegisterSection alliance={alliance} members={people} agreements={list} />;
    if (section === 'data-register') return <DataRegisterSection alliance={alliance} members={people} agreements={list} />;
    return <AgreementsSection alliance={alliance} members={people} agreements={list} />;
  };

  return (
    <SectionTabs sections={SECTIONS} defaultSection="agreements" label="Agreements sections" clearOnSwitch={SECTION_PARAMS}>
      {body}
    </SectionTabs>
  );
}
