// My surveys: every health-assessment wave I am asked to answer, in every alliance, latest closing
// day first; the open ones I have not answered yet first of all, each with a link to answer.
import { Anchor, Button, Paper, Table, Text } from '@mantine/core';
import { IconClipboardHeart } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState, QueryView } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { AnsweredBadge, WaveStatusBadge } from './badges';
import { waveDays } from './format';
import { answerPath, healthTabPath } from './links';
import { useMySurveys, waitsForMe } from './mySurveys';
import type { MySurvey } from './types';

function MyPart({ survey }: { survey: MySurvey }) {
  if (survey.submitted) return <AnsweredBadge />;
  if (survey.status === 'open') {
    return (
      <Button component={Link} to={answerPath(survey.alliance_id, survey.wave_id)} size="xs">
        Answer{' '}<span className="visually-hidden">“{survey.title}”</span>
      </Button>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      {survey.status === 'scheduled' ? `Opens on ${formatDate(survey.opens_on)}` : 'Not answered'}
    </Text>
  );
}

export function MySurveys() {
  const surveys = useMySurveys();
  return (
    <QueryView
      query={surveys}
      loaderLabel="Loading your surveys…"
      empty={
        <EmptyState title="No surveys for you" icon={<IconClipboardHeart aria-hidden />}>
          When a manager asks you to answer a health assessment of one of your alliances, it appears here.
        </EmptyState>
      }
    >
      {(list) => {
        // Those waiting for my answer first; the server's order (latest closing day first) otherwise.
        const ordered = [...list.filter(waitsForMe), ...list.filter((s) => !waitsForMe(s))];
        const waiting = list.filter(waitsForMe).length;
        return (
          <>
            <Text size="sm" mb="sm" role="status">
              {waiting === 0 ? 'Nothing waits for your answer.' : `${waiting} ${waiting === 1 ? 'survey waits' : 'surveys wait'} for your answer.`}
            </Text>
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing="sm" aria-label="My surveys">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Survey</Table.Th>
                      <Table.Th scope="col">Alliance</Table.Th>
                      <Table.Th scope="col">Days</Table.Th>
                      <Table.Th scope="col">Status</Table.Th>
                      <Table.Th scope="col">You</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {ordered.map((s) => (
                      <Table.Tr key={s.wave_id} data-survey={s.title} data-waiting={waitsForMe(s) || undefined}>
                        <Table.Td miw={180}>
                          <Anchor component={Link} to={healthTabPath(s.alliance_id, s.wave_id)} size="sm" fw={600}>
                            {s.title}
                          </Anchor>
                        </Table.Td>
                        <Table.Td fz="sm" miw={180}>
                          {s.alliance_name}
                        </Table.Td>
                        <Table.Td fz="sm" miw={150}>
                          {waveDays({ ...s, closed_on: null })}
                        </Table.Td>
                        <Table.Td>
                          <WaveStatusBadge status={s.status} />
                        </Table.Td>
                        <Table.Td>
                          <MyPart survey={s} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          </>
        );
      }}
    </QueryView>
  );
}
