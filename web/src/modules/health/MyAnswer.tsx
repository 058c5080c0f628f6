// Where I stand with a wave: asked and open (a link to answer), answered, not yet open, or not asked.
import { Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format';
import { AnsweredBadge } from './badges';
import { answerPath } from './links';
import type { HealthWave } from './types';

export function MyAnswer({ allianceId, wave }: { allianceId: string; wave: HealthWave }) {
  if (!wave.my_role) {
    return (
      <Text size="xs" c="dimmed">
        Not asked
      </Text>
    );
  }
  if (wave.i_submitted) return <AnsweredBadge />;
  if (wave.status === 'open') {
    return (
      <Button component={Link} to={answerPath(allianceId, wave.id)} size="xs">
        Answer{' '}<span className="visually-hidden">“{wave.title}”</span>
      </Button>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      {wave.status === 'scheduled' ? `Opens on ${formatDate(wave.opens_on)}` : 'Not answered'}
    </Text>
  );
}

