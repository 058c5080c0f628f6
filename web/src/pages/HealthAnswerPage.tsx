import { Anchor, Breadcrumbs } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useAlliance } from '../modules/alliances/queries';
import { AnswerSheet } from '../modules/health/AnswerSheet';
import { healthTabPath } from '../modules/health/links';

/** My answers to one wave of an alliance's health assessment. */
export function HealthAnswerPage() {
  const { id = '', waveId = '' } = useParams();
  const alliance = useAlliance(id);
  return (
    <AnswerSheet
      key={waveId}
      allianceId={id}
      waveId={waveId}
      breadcrumbs={
        <Breadcrumbs>
          <Anchor component={Link} to="/alliances" size="sm">
            Portfolio
          </Anchor>
          <Anchor component={Link} to={`/alliances/${id}`} size="sm">
            {alliance.data?.name ?? 'Alliance'}
          </Anchor>
          <Anchor component={Link} to={healthTabPath(id, waveId)} size="sm">
            Health
          </Anchor>
          <span>Your answers</span>
        </Breadcrumbs>
      }
    />
  );
}
