import { Alert, Anchor, Breadcrumbs } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { EditAlliance } from '../modules/alliances/EditAlliance';
import { useAlliance } from '../modules/alliances/queries';
import { ErrorAlert, PageLoader } from '../ui/feedback';
import { PageHeader } from '../ui/PageHeader';

export function EditAlliancePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const alliance = useAlliance(id);
  if (alliance.isPending) return <PageLoader />;
  if (alliance.isError) return <ErrorAlert error={alliance.error} title="This alliance could not be opened" />;
  const a = alliance.data;
  return (
    <>
      <PageHeader
        eyebrow={
          <Breadcrumbs>
            <Anchor component={Link} to="/alliances" size="sm">
              Portfolio
            </Anchor>
            <Anchor component={Link} to={`/alliances/${a.id}`} size="sm">
              {a.name}
            </Anchor>
            <span>Edit</span>
          </Breadcrumbs>
        }
        title={`Edit ${a.name}`}
      />
      {a.my_role !== 'manager' ? (
        <Alert color="orange" variant="light">
          Only the alliance’s managers can edit it. Ask a manager of {a.my_party.organization_name} if something needs to change.
        </Alert>
      ) : (
        // Keyed by id only: a refetch in the background must not reset what the person typed.
        <EditAlliance
          key={a.id}
          alliance={a}
          // A proposal still open is shown, highlighted, on the overview.
          onDone={(saved, proposal) =>
            navigate(proposal?.status === 'open' ? `/alliances/${saved.id}?proposal=${proposal.id}` : `/alliances/${saved.id}`)
          }
        />
      )}
    </>
  );
}
