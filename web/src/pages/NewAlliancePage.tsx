import { Anchor, Breadcrumbs } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { CreateAlliance } from '../modules/alliances/CreateAlliance';
import { PageHeader } from '../ui/PageHeader';

export function NewAlliancePage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        eyebrow={
          <Breadcrumbs>
            <Anchor component={Link} to="/alliances" size="sm">
              Portfolio
            </Anchor>
            <span>New alliance</span>
          </Breadcrumbs>
        }
        title="New alliance"
        description="You become its alliance manager. Your partner’s people join by invitation once it exists."
      />
      <CreateAlliance onCreated={(a) => navigate(`/alliances/${a.id}`)} onCancel={() => navigate('/alliances')} />
    </>
  );
}
